package io.github.oauthtoken.core.http;

import java.time.Duration;
import java.util.List;

/**
 * Transport limits and routes.
 *
 * @param connectTimeout how long one TCP/TLS connect may take
 * @param timeout        a deadline over every request and retry of one token fetch together, so a build never hangs
 * @param maxBodyBytes   responses larger than this are refused without reading further
 * @param retry          how transient failures are retried
 * @param trust          which certificates are trusted
 * @param proxies        forward proxies, first match wins; empty for direct connections
 * @param clientCertificate what the TLS handshake presents when a server asks for a client certificate, or null
 */
public record HttpSettings(
        Duration connectTimeout, Duration timeout, int maxBodyBytes, RetryPolicy retry, TrustSettings trust,
        List<ProxyRoute> proxies, ClientCertificate clientCertificate) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /** Without a client certificate: what every request but those of {@code tls_client_auth} uses. */
    public HttpSettings(Duration connectTimeout, Duration timeout, int maxBodyBytes, RetryPolicy retry,
            TrustSettings trust, List<ProxyRoute> proxies) {
        this(connectTimeout, timeout, maxBodyBytes, retry, trust, proxies, null);
    }

    /** The same settings, presenting this client certificate to a server that asks for one. */
    public HttpSettings withClientCertificate(ClientCertificate certificate) {
        return new HttpSettings(connectTimeout, timeout, maxBodyBytes, retry, trust, proxies, certificate);
    }
}
