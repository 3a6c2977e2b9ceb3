package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.text.ServerText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpMethod;

/**
 * What went wrong with one attempt of a request, in words a user can act on, and whether another attempt could go
 * better: a refused connection or a reset may, an untrusted certificate, an unknown host or a refused proxy login
 * never will. Jetty reports these as a chain of causes; this is the one place that reads them.
 */
final class HttpFailures {
    private final HttpSettings settings;
    private final ProxySelection proxies;

    HttpFailures(HttpSettings settings, ProxySelection proxies) {
        this.settings = settings;
        this.proxies = proxies;
    }

    /** One failed attempt: what went wrong, and whether another attempt could go better. */
    static final class AttemptFailure extends Exception {
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

    AttemptFailure timedOut(HttpCall call) {
        return new AttemptFailure(call, "no complete answer within the <timeout> of " + settings.timeout().toSeconds()
                + " s for the whole fetch", false, "Check that the server is reachable, or raise <timeout>.", null);
    }

    AttemptFailure classify(HttpCall call, Throwable cause) {
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
            ClientCertificate presented = settings.clientCertificate();
            return new AttemptFailure(call, "the TLS handshake with " + host + " failed ("
                    + ServerText.neutralise(cause.getMessage()) + ")",
                    false, "The plugin always verifies certificates and host names; if the server uses a private CA, "
                            + "configure <trustStore> (or -Djavax.net.ssl.trustStore) with its certificate."
                            + (presented == null ? "" : " If the server refused the client certificate, "
                                    + presented.describe() + ": check that it trusts that issuer and that the key "
                                    + "entry holds the chain up to it (it holds " + presented.chainLength()
                                    + (presented.chainLength() == 1 ? " certificate)." : " certificates).")), cause);
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
    static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
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
}
