package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void backoffIsFullJitterUnderAnExponentialCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(20));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            assertThat(policy.backoff(3)).isBetween(Duration.ZERO, Duration.ofSeconds(4));
            assertThat(policy.backoff(10)).isBetween(Duration.ZERO, Duration.ofSeconds(20));
        }
    }
}
