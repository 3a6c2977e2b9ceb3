package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.TokenException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends the plugin's few HTTP requests with Jetty's client. One instance serves one token fetch: its deadline
 * ({@link HttpSettings#timeout()}) covers every request made through it. Certificates and host names are always
 * verified, and redirects are never followed, so credentials cannot be sent on to another host.
 */
public final class HttpTransport implements AutoCloseable {
    private static final String USER_AGENT = "oauth-token-maven-plugin";

    private final HttpSettings settings;
    private final long deadlineNanos;
    private HttpClient client;

    public HttpTransport(HttpSettings settings) {
        this.settings = settings;
        this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
    }

    /**
     * Sends the request and returns the complete response, whatever its status, except a redirect, which is an
     * error. Network failures, the deadline and oversized bodies become {@link TokenException}s naming the request.
     */
    public HttpReply send(HttpCall call) throws TokenException {
        Duration remaining = Duration.ofNanos(deadlineNanos - System.nanoTime());
        if (remaining.isNegative() || remaining.isZero()) {
            throw new TokenException(call.purpose() + " (" + call.describe() + ") not sent: the timeout of "
                    + settings.timeout().toSeconds() + " s for the whole fetch has passed.");
        }
        Request request = client().newRequest(call.uri())
                .method(call.method())
                .timeout(remaining.toMillis(), TimeUnit.MILLISECONDS);
        request.headers(headers -> call.headers().forEach(headers::put));
        if (call.body() != null) {
            request.body(new StringRequestContent(call.contentType(), call.body()));
        }
        ContentResponse response;
        try {
            response = new CompletableResponseListener(request, settings.maxBodyBytes()).send()
                    .get(remaining.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(call.purpose() + " (" + call.describe() + ") was interrupted.");
        } catch (TimeoutException e) {
            request.abort(e);
            throw timedOut(call);
        } catch (ExecutionException e) {
            throw failure(call, e.getCause());
        }
        return toReply(call, response);
    }

    private HttpReply toReply(HttpCall call, ContentResponse response) throws TokenException {
        Map<String, String> headers = new HashMap<>();
        for (HttpField field : response.getHeaders()) {
            headers.putIfAbsent(field.getLowerCaseName(), field.getValue());
        }
        int status = response.getStatus();
        if (status >= 300 && status < 400) {
            String location = headers.get("location");
            String target = location == null ? "no Location header" : "to " + locationHost(call.uri(), location);
            throw new TokenException(call.purpose() + " (" + call.describe() + ") was answered with a redirect "
                    + status + " " + target + ". The plugin does not follow redirects, so that credentials are never "
                    + "sent to another host; configure the final URL instead.");
        }
        String contentType = headers.getOrDefault("content-type", "");
        return new HttpReply(call, status, contentType, response.getContent(), headers);
    }

    private static String locationHost(URI base, String location) {
        try {
            URI target = base.resolve(location.trim());
            return target.getHost() == null ? "an unparseable location" : "host " + target.getHost();
        } catch (IllegalArgumentException e) {
            return "an unparseable location";
        }
    }

    private TokenException timedOut(HttpCall call) {
        return new TokenException(call.purpose() + " (" + call.describe() + ") got no complete answer within the "
                + "timeout of " + settings.timeout().toSeconds() + " s. Check that the server is reachable, or raise "
                + "<timeout>.");
    }

    private TokenException failure(HttpCall call, Throwable cause) {
        String where = call.purpose() + " (" + call.describe() + ")";
        if (cause instanceof TimeoutException) {
            return timedOut(call);
        }
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).contains("capacity")) {
            return new TokenException(where + " returned a body larger than " + settings.maxBodyBytes() / 1024
                    + " KiB; the plugin refused it without reading further. Check that the URL points at the "
                    + "token server.");
        }
        if (cause instanceof UnresolvedAddressException) {
            return new TokenException(where + " failed: the host " + call.uri().getHost() + " could not be resolved. "
                    + "Check the URL (and region) and the machine's DNS or proxy settings.", cause);
        }
        if (cause instanceof ConnectException) {
            return new TokenException(where + " failed: could not connect to " + call.uri().getHost()
                    + portSuffix(call.uri()) + " (" + cause.getMessage() + "). Check the URL and that the server "
                    + "is reachable from this machine.", cause);
        }
        if (cause instanceof SSLException) {
            return new TokenException(where + " failed: the TLS handshake with " + call.uri().getHost()
                    + " failed (" + cause.getMessage() + "). The plugin always verifies certificates and host names; "
                    + "if the server uses a private CA, give Java a trust store that contains it "
                    + "(-Djavax.net.ssl.trustStore).", cause);
        }
        String detail = cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new TokenException(where + " failed: " + detail, cause);
    }

    private static String portSuffix(URI uri) {
        return uri.getPort() == -1 ? "" : ":" + uri.getPort();
    }

    private HttpClient client() throws TokenException {
        if (client == null) {
            HttpLibraryLogging.quietJetty();
            ClientConnector connector = new ClientConnector();
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setEndpointIdentificationAlgorithm("HTTPS");
            connector.setSslContextFactory(tls);
            connector.setConnectTimeout(settings.connectTimeout());
            HttpClientTransport transport = new HttpClientTransportOverHTTP(connector);
            HttpClient created = new HttpClient(transport);
            QueuedThreadPool threads = new QueuedThreadPool(8, 1);
            threads.setName("oauth-token-http");
            // Daemon threads: a client that was not closed (a bug, or a build killed mid-way) never holds the JVM.
            threads.setDaemon(true);
            created.setExecutor(threads);
            created.setFollowRedirects(false);
            created.setConnectTimeout(settings.connectTimeout().toMillis());
            created.setIdleTimeout(settings.timeout().toMillis());
            created.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
            try {
                created.start();
            } catch (Exception e) {
                throw new TokenException("The HTTP client could not start: " + e.getMessage(), e);
            }
            client = created;
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.stop();
            } catch (Exception e) {
                // Nothing was lost: every response was already read. Threads are daemons and die with the JVM.
            }
            client = null;
        }
    }
}
