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
 */
public record HttpSettings(
        Duration connectTimeout, Duration timeout, int maxBodyBytes, RetryPolicy retry, TrustSettings trust,
        List<ProxyRoute> proxies) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
}
