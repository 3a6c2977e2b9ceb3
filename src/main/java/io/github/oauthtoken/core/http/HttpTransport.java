package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.text.ServerText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.BasicAuthentication;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * Sends the plugin's few HTTP requests with Jetty's client. Callers inside Maven quiet Jetty's logging first (see
 * {@link HttpLibraryLogging}). One instance serves one token fetch: its deadline
 * ({@link HttpSettings#timeout()}) covers every request and retry made through it. Certificates and host names are
 * always verified, and redirects are never followed, so credentials cannot be sent on to another host.
 */
public final class HttpTransport implements AutoCloseable {
    private static final String USER_AGENT = "oauth-token-maven-plugin";
    private static final String THREAD_NAME = "oauth-token-http";

    private final HttpSettings settings;
    private final ProxySelection proxies;
    private final BuildLog log;
    private final long deadlineNanos;
    private HttpClient client;
    private TlsContextStart tls;

    public HttpTransport(HttpSettings settings, BuildLog log) {
        this.settings = settings;
        this.proxies = new ProxySelection(settings.proxies());
        this.log = log;
        this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
    }

    /**
     * Sends the request, retrying transient failures (see {@link RetryPolicy}), and returns the final response
     * whatever its status, except a redirect, which is an error. Network failures, the deadline and oversized bodies
     * become {@link TokenException}s naming the request.
     */
    public HttpReply send(HttpCall call) throws TokenException {
        RetryPolicy policy = settings.retry();
        for (int attempt = 1; ; attempt++) {
            HttpReply reply = null;
            String reason;
            Optional<Duration> asked = Optional.empty();
            try {
                reply = attempt(call, attempt);
                reason = retryReason(reply);
                if (reason == null) {
                    return reply;
                }
                asked = reply.header("retry-after").flatMap(v -> RetryAfter.parse(v, Instant.now()));
            } catch (AttemptFailure failure) {
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

    /** Why a response is worth another attempt, or null when it is final. */
    private static String retryReason(HttpReply reply) {
        int status = reply.status();
        if (status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
            return "HTTP " + status;
        }
        // Genesys Cloud reports some rate limiting as 400 invalid_request; its own tools retry those.
        if (status == 400) {
            Optional<Map<String, Object>> json = reply.jsonObject();
            if (json.isPresent() && "invalid_request".equals(json.get().get("error"))) {
                String text = (String.valueOf(json.get().get("error_description")) + " "
                        + json.get().get("description") + " " + json.get().get("message")).toLowerCase(Locale.ROOT);
                if (text.contains("rate limit") || text.contains("rate-limit") || text.contains("too many requests")) {
                    return "HTTP 400 invalid_request (rate limit)";
                }
            }
        }
        return null;
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

    /** One failed attempt: what went wrong, and whether another attempt could go better. */
    private final class AttemptFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final String reason;
        final boolean retryable;
        final String advice;
        final HttpCall call;

        AttemptFailure(HttpCall call, String reason, boolean retryable, String advice, Throwable cause) {
            super(reason, cause, false, false);
            this.call = call;
            this.reason = reason;
            this.retryable = retryable;
            this.advice = advice;
        }

        TokenException toTokenException(int attempts) {
            return new TokenException(call.subject() + " failed"
                    + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": " + reason
                    + (advice.isEmpty() ? "" : ". " + advice), getCause());
        }
    }

    private HttpReply attempt(HttpCall call, int attempt) throws AttemptFailure, TokenException {
        Duration left = remaining();
        if (left.isNegative() || left.isZero()) {
            throw new AttemptFailure(call, "the <timeout> of " + settings.timeout().toSeconds()
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
            throw timedOut(call);
        } catch (ExecutionException e) {
            throw classify(call, e.getCause());
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

    private AttemptFailure timedOut(HttpCall call) {
        return new AttemptFailure(call, "no complete answer within the <timeout> of " + settings.timeout().toSeconds()
                + " s for the whole fetch", false, "Check that the server is reachable, or raise <timeout>.", null);
    }

    private AttemptFailure classify(HttpCall call, Throwable cause) {
        String host = call.uri().getHost();
        if (cause instanceof TimeoutException) {
            return timedOut(call);
        }
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("capacity")) {
            return new AttemptFailure(call, "the response body is larger than " + settings.maxBodyBytes() / 1024
                    + " KiB and was refused without reading further", false,
                    "Check that the URL points at the token server.", null);
        }
        Optional<HttpResponseException> tunnelRefused = causeOf(cause, HttpResponseException.class)
                .filter(e -> e.getResponse() != null && e.getResponse().getRequest() != null
                        && HttpMethod.CONNECT.is(e.getResponse().getRequest().getMethod()));
        if (tunnelRefused.isPresent()) {
            return tunnelRefused(call, tunnelRefused.get().getResponse());
        }
        if (cause instanceof UnresolvedAddressException) {
            return new AttemptFailure(call, "the host " + host + " could not be resolved", false,
                    "Check the URL (and region) and the machine's DNS or proxy settings.", cause);
        }
        if (isTlsFailure(cause)) {
            return new AttemptFailure(call, "the TLS handshake with " + host + " failed ("
                    + ServerText.neutralise(cause.getMessage()) + ")",
                    false, "The plugin always verifies certificates and host names; if the server uses a private CA, "
                            + "configure <trustStore> (or -Djavax.net.ssl.trustStore) with its certificate.", cause);
        }
        if (cause instanceof ConnectException) {
            return new AttemptFailure(call, "could not connect to " + host + portSuffix(call.uri()) + " ("
                    + cause.getMessage() + ")", true, "Check the URL and that the server is reachable from this "
                    + "machine (and the proxy settings).", cause);
        }
        if (cause instanceof IOException || cause instanceof RuntimeException) {
            // Connection reset, a truncated or malformed response (Jetty reports bad framing as unchecked
            // exceptions): a new connection may well succeed. Jetty's message quotes the server's status line.
            return new AttemptFailure(call, "the connection failed before a complete response arrived ("
                    + ServerText.neutralise(cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))
                    + ")", true, "", cause);
        }
        return new AttemptFailure(call, "unexpected failure (" + ServerText.neutralise(String.valueOf(cause)) + ")",
                false, "", cause);
    }

    /** The proxy answered the {@code CONNECT} for an {@code https://} URL with a status other than 200. */
    private AttemptFailure tunnelRefused(HttpCall call, Response response) {
        URI uri = call.uri();
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        String proxy = proxies.routeFor(uri.getScheme(), uri.getHost(), port).map(ProxyRoute::describe).orElse("");
        int status = response.getStatus();
        String reason = "the proxy " + proxy + " refused to open a tunnel to " + uri.getHost() + ":" + port + ": HTTP "
                + status + (response.getReason() == null ? "" : " " + ServerText.neutralise(response.getReason()));
        if (status == 407) {
            return new AttemptFailure(call, reason, false, "Check the proxy's username and password (the <proxy> in "
                    + "settings.xml, or the user info of HTTPS_PROXY).", null);
        }
        if (status == 502 || status == 503 || status == 504) {
            // The proxy could not reach the server, or is overloaded: as transient as a refused connection.
            return new AttemptFailure(call, reason, true, "Check the URL, and that the proxy can reach the server.",
                    null);
        }
        return new AttemptFailure(call, reason, false, "Check that the proxy allows connections to this host and "
                + "port, or bypass the proxy for it (<nonProxyHosts> in settings.xml, or NO_PROXY).", null);
    }

    /**
     * A failed handshake (an untrusted certificate, a wrong host name, an unusable trust store): never transient.
     * Looked for in the whole cause chain, because the JDK's SSLEngine sometimes hands a trust manager's failure to
     * Jetty as a bare RuntimeException, and Jetty may report it under a closed-connection exception.
     */
    static boolean isTlsFailure(Throwable cause) {
        return causeOf(cause, SSLException.class).isPresent()
                || causeOf(cause, java.security.GeneralSecurityException.class).isPresent();
    }

    /** The first throwable of the type in the cause chain, which may be cyclic. */
    private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String portSuffix(URI uri) {
        return uri.getPort() == -1 ? "" : ":" + uri.getPort();
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
        if (client == null) {
            // Before Jetty's MemoryUtils initialises (with the first client's queues): it reads the hint only then.
            JettyCacheLineHint.apply();
            tls = TlsContextStart.begin(settings.trust(), THREAD_NAME + "-tls");
            ClientConnector connector = new ClientConnector();
            connector.setConnectTimeout(settings.connectTimeout());
            HttpClient created = new HttpClient(new HttpClientTransportOverHTTP(connector));
            QueuedThreadPool threads = new QueuedThreadPool(8, 1);
            threads.setName(THREAD_NAME);
            // Daemon threads: a client that was not closed (a bug, or a build killed mid-way) never holds the JVM.
            threads.setDaemon(true);
            // Reserved threads speed up servers that take many connections; a few sequential requests need none.
            threads.setReservedThreads(0);
            created.setExecutor(threads);
            // Jetty's own default scheduler (request timeouts) is not a daemon.
            created.setScheduler(new ScheduledExecutorScheduler(THREAD_NAME + "-scheduler", true));
            created.setFollowRedirects(false);
            created.setConnectTimeout(settings.connectTimeout().toMillis());
            created.setIdleTimeout(settings.timeout().toMillis());
            created.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
            created.getContentDecoderFactories().put(new IdentityEncoding());
            for (ProxyRoute route : settings.proxies()) {
                addProxy(created, proxies, route);
                log.debug("Proxy for " + route.targetScheme() + " URLs: "
                        + route.describe() + (route.username() == null ? "" : ", with authentication")
                        + (route.bypass().toString().isEmpty() ? "" : ", bypassed for " + route.bypass())
                        + (route.httpsFallback() ? ", also for https URLs that no https proxy serves" : ""));
            }
            try {
                connector.setSslContextFactory(tls.await());
                created.start();
                // OAuth servers answer a wrong client with 401 and often no WWW-Authenticate header; Jetty's
                // challenge handlers (installed by start()) would turn that into a protocol error and hide the
                // server's error body. The plugin authenticates preemptively, so 401 and 407 reach the caller as is.
                created.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
                created.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
            } catch (TokenException e) {
                stopQuietly(created);
                tls.stop();
                tls = null;
                throw e;
            } catch (Exception e) {
                // Jetty stops the parts it had started; stopping the whole client makes sure nothing is left.
                stopQuietly(created);
                tls.stop();
                tls = null;
                if (e instanceof InterruptedException || causeOf(e, InterruptedException.class).isPresent()) {
                    // Jetty's start swallowed the interrupt it failed on; the build should still see it.
                    Thread.currentThread().interrupt();
                    throw new TokenException(call.subject() + " was interrupted while the HTTP client was starting.");
                }
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                        ? e.getCause() : e;
                throw new TokenException("The HTTP client could not start (" + settings.trust() + "): "
                        + cause.getMessage(), cause);
            }
            client = created;
        }
        return client;
    }

    private static void addProxy(HttpClient client, ProxySelection selection, ProxyRoute route) {
        HttpProxy proxy = new HttpProxy(new Origin.Address(route.host(), route.port()), false) {
            @Override
            public boolean matches(Origin origin) {
                // Replaces Jetty's include/exclude matching, and with it Jetty's rule that a proxy's own address
                // is not proxied; the selection keeps that rule, for every configured proxy.
                Origin.Address address = origin.getAddress();
                return selection.routeFor(origin.getScheme(), address.getHost(), address.getPort()).orElse(null) == route;
            }
        };
        client.getProxyConfiguration().addProxy(proxy);
        if (route.username() != null) {
            // Preemptive, on the proxy's URI only: Jetty puts it on the CONNECT (or proxied) request, never on the
            // request the target server sees.
            client.getAuthenticationStore().addAuthenticationResult(new BasicAuthentication.BasicResult(
                    proxy.getURI(), HttpHeader.PROXY_AUTHORIZATION, route.username(),
                    route.password() == null ? "" : route.password().reveal()));
        }
    }

    private static void stopQuietly(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // Nothing was lost: every response was already read. Threads are daemons and die with the JVM.
        }
    }

    @Override
    public void close() {
        if (client != null) {
            stopQuietly(client);
            client = null;
        }
        if (tls != null) {
            // Started before the client and handed to it ready, so the client does not stop it.
            tls.stop();
            tls = null;
        }
    }
}
