package io.github.oauthtoken.core.http;

import java.time.Duration;

/**
 * Transport limits.
 *
 * @param connectTimeout how long one TCP/TLS connect may take
 * @param timeout        a deadline over every request of one token fetch together, so a build never hangs longer
 * @param maxBodyBytes   responses larger than this are refused without reading further
 */
public record HttpSettings(Duration connectTimeout, Duration timeout, int maxBodyBytes) {
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), DEFAULT_MAX_BODY_BYTES);
    }
}
