package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://login.mypurecloud.ie/oauth/token", "http://localhost:8080/token",
            "http://127.0.0.1:1/t", "http://127.1.2.3/t", "http://[::1]:9000/t"})
    void acceptsHttpsAnywhereAndHttpOnLoopback(String url) throws Exception {
        assertThat(EndpointPolicy.require(url, "<tokenUrl>").toString()).isEqualTo(url);
    }

    @Test
    void refusesPlainHttpToOtherHostsUserInfoAndGarbage() {
        assertThatThrownBy(() -> EndpointPolicy.require("http://login.example.com/token", "<tokenUrl>"))
                .hasMessageStartingWith("<tokenUrl> uses plain http:// to login.example.com");
        assertThatThrownBy(() -> EndpointPolicy.require("http://127.0.0.1.example.com/token", "<tokenUrl>"))
                .hasMessageContaining("plain http://");
        assertThatThrownBy(() -> EndpointPolicy.require("https://user:pw@example.com/token", "<issuer>"))
                .hasMessageStartingWith("<issuer> must not contain user info")
                .message().doesNotContain("pw");
        assertThatThrownBy(() -> EndpointPolicy.require("/oauth/token", "<tokenUrl>"))
                .hasMessageContaining("must be an absolute https:// URL");
        assertThatThrownBy(() -> EndpointPolicy.require("ftp://example.com/x", "<tokenUrl>"))
                .hasMessageContaining("must be an absolute https:// URL");
        assertThatThrownBy(() -> EndpointPolicy.require("https://exa mple.com", "<tokenUrl>"))
                .hasMessageStartingWith("<tokenUrl> is not a valid URL");
    }

    @Test
    void formBodiesUseTheFormEncoding() {
        assertThat(new FormBody().add("grant_type", "client_credentials").add("scope", "a b+c")
                .addIfPresent("audience", " ").addIfPresent("x", null).encode())
                .isEqualTo("grant_type=client_credentials&scope=a+b%2Bc");
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }

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
