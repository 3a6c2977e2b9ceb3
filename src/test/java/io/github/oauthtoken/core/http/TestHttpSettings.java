package io.github.oauthtoken.core.http;

import java.time.Duration;
import java.util.List;

/** Transport settings for tests: direct connections, the JVM's trust store, no retries unless asked. */
public final class TestHttpSettings {
    private TestHttpSettings() {}

    public static HttpSettings direct(Duration connectTimeout, Duration timeout, int maxBodyBytes) {
        return new HttpSettings(connectTimeout, timeout, maxBodyBytes,
                new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO), TrustSettings.JVM_DEFAULT, List.of());
    }

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), HttpSettings.DEFAULT_MAX_BODY_BYTES,
                RetryPolicy.defaults(), TrustSettings.JVM_DEFAULT, List.of());
    }
}
