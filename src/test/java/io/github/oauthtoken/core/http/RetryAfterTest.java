package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }
}
