package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.text.ServerText;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;

/**
 * Sends the plugin's few HTTP requests with Jetty's client. Callers inside Maven quiet Jetty's logging first (see
 * {@link HttpLibraryLogging}). One instance serves one token fetch: its deadline
 * ({@link HttpSettings#timeout()}) covers every request and retry made through it. Certificates and host names are
 * always verified, and redirects are never followed, so credentials cannot be sent on to another host.
 */
public final class HttpTransport implements AutoCloseable {

    private final HttpSettings settings;
    private final ProxySelection proxies;
    private final BuildLog log;
    private final RetryRule retryRule;
    private final long deadlineNanos;
    private final HttpFailures failures;
    private JettyClient jetty;

    /** A transport that retries what {@link RetryRule#STANDARD} says is worth another attempt. */
    public HttpTransport(HttpSettings settings, BuildLog log) {
        this(settings, log, RetryRule.STANDARD);
    }

    /** @param retryRule which answers are worth another attempt: the provider's, for its token server */
    public HttpTransport(HttpSettings settings, BuildLog log, RetryRule retryRule) {
        this.settings = settings;
        this.proxies = new ProxySelection(settings.proxies());
        this.log = log;
        this.retryRule = retryRule;
        this.failures = new HttpFailures(settings, proxies);
        this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
    }

    /**
     * Sends the request, retrying transient failures (see {@link RetryPolicy} and {@link RetryRule}), and returns
     * the final response whatever its status, except a redirect, which is an error. Network failures, the deadline
     * and oversized bodies become {@link TokenException}s naming the request.
     */
    public HttpReply send(HttpCall call) throws TokenException {
        RetryPolicy policy = settings.retry();
        for (int attempt = 1; ; attempt++) {
            HttpReply reply = null;
            String reason;
            Optional<Duration> asked = Optional.empty();
            try {
                reply = attempt(call, attempt);
                reason = retryRule.retryReason(reply);
                if (reason == null) {
                    return reply;
                }
                asked = reply.header("retry-after").flatMap(v -> RetryAfter.parse(v, Instant.now()));
            } catch (HttpFailures.AttemptFailure failure) {
                if (!failure.retryable || attempt > policy.retries()) {
                    throw failure.toTokenException(attempt);
                }
                reason = failure.reason;
            }
            if (attempt > policy.retries()) {
                // A retryable status on the last attempt: the caller turns it into a message with the server's words.
                return reply;
            }
            if (asked.isPresent() && asked.get().compareTo(policy.maxRetryWait()) > 0) {
                throw new TokenException(call.subject() + " got " + reason + ", and the server asks to wait "
                        + asked.get().toSeconds() + " s before retrying (Retry-After), longer than <maxRetryWait> of "
                        + policy.maxRetryWait().toSeconds() + " s. Try again later, or raise <maxRetryWait>.");
            }
            Duration wait = asked.isPresent() ? asked.get() : policy.backoff(attempt);
            if (wait.compareTo(remaining()) >= 0) {
                throw new TokenException(call.subject() + " got " + reason + " on attempt " + attempt + "; the next "
                        + "retry (in " + seconds(wait) + ") would pass the <timeout> of " + settings.timeout().toSeconds()
                        + " s for the whole fetch, so the plugin gives up.");
            }
            log.warn(call.subject() + " got " + reason + "; retry " + attempt + " of " + policy.retries() + " in "
                    + seconds(wait) + (asked.isPresent() ? " (as the server asked with Retry-After)" : "") + ".");
            sleep(wait);
        }
    }

    private Duration remaining() {
        return Duration.ofNanos(deadlineNanos - System.nanoTime());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void sleep(Duration wait) throws TokenException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("Interrupted while waiting to retry.");
        }
    }

    private HttpReply attempt(HttpCall call, int attempt) throws HttpFailures.AttemptFailure, TokenException {
        Duration left = remaining();
        if (left.isNegative() || left.isZero()) {
            throw new HttpFailures.AttemptFailure(call, "the <timeout> of " + settings.timeout().toSeconds()
                    + " s for the whole fetch has passed", false, "Check that the server is reachable, or raise <timeout>.", null);
        }
        Request request = client(call).newRequest(call.uri())
                .method(call.method())
                .timeout(left.toMillis(), TimeUnit.MILLISECONDS);
        request.headers(headers -> call.headers().forEach(headers::put));
        if (call.body() != null) {
            request.body(new StringRequestContent(call.contentType(), call.body()));
        }
        ContentResponse response;
        try {
            response = new CompletableResponseListener(request, settings.maxBodyBytes()).send()
                    .get(left.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            throw new TokenException(call.subject() + " was interrupted.");
        } catch (TimeoutException e) {
            request.abort(e);
            throw failures.timedOut(call);
        } catch (ExecutionException e) {
            throw failures.classify(call, e.getCause());
        }
        return toReply(call, response, attempt);
    }

    private HttpReply toReply(HttpCall call, ContentResponse response, int attempt) throws TokenException {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : response.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        int status = response.getStatus();
        if (status >= 300 && status < 400) {
            String location = headers.get("location");
            String target = location == null ? "without a Location header" : "to " + locationHost(call.uri(), location);
            throw new TokenException(call.subject() + " was answered with a redirect ("
                    + "HTTP " + status + ") " + target + ". The plugin does not follow redirects, so that credentials "
                    + "are never sent to another host; configure the final URL instead.");
        }
        String encoding = headers.getOrDefault("content-encoding", "identity").trim();
        if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
            throw new TokenException(call.subject() + " was answered (HTTP " + status + ") with a body in the "
                    + "content coding '" + ServerText.neutralise(encoding) + "', although the plugin asks for none "
                    + "(Accept-Encoding: identity). Check that the URL points at the token server, and any proxy or "
                    + "gateway in between that compresses responses.");
        }
        String contentType = headers.getOrDefault("content-type", "");
        return new HttpReply(call, status, contentType, response.getContent(), headers, attempt);
    }

    private static String locationHost(URI base, String location) {
        try {
            URI target = base.resolve(location.trim());
            return target.getHost() == null
                    ? "an unparseable location"
                    : "host " + ServerText.neutralise(target.getHost());
        } catch (IllegalArgumentException e) {
            return "an unparseable location";
        }
    }

    /**
     * Initialises Jetty's HTTP/1.1 parser ahead of the first exchange, for a thread that has nothing else to do while
     * the build thread builds the client. Its field tables initialise Jetty's {@code MimeTypes}, which lists every
     * locale the JVM knows ({@code Locale.getAvailableLocales()}): some 30 ms of a cold JVM, on the way to the first
     * response otherwise. Class initialisation only; nothing is read or sent.
     */
    public static void warmUp() {
        try {
            Class.forName(HttpParser.class.getName(), true, HttpTransport.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            // Cannot happen (the class is in this jar); the first exchange would initialise it anyway.
        }
    }

    private HttpClient client(HttpCall call) throws TokenException {
        if (jetty == null) {
            jetty = JettyClient.start(settings, proxies, log, call);
        }
        return jetty.client();
    }

    @Override
    public void close() {
        if (jetty != null) {
            jetty.close();
            jetty = null;
        }
    }
}
