package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The unit tests see Jetty's own log lines only if the test binding matches the SLF4J API Maven provides: with a
 * binding of another major version SLF4J silently falls back to NOP, and a test about what Jetty logs (under
 * {@code -X}, say) would pass without anything being logged.
 */
class TestLoggingBindingTest {
    @Test
    void jettyLogsThroughARealBindingInTests() {
        assertThat(LoggerFactory.getILoggerFactory()).isNotInstanceOf(NOPLoggerFactory.class);
        assertThat(LoggerFactory.getLogger("org.eclipse.jetty.client.HttpClient").isWarnEnabled()).isTrue();
    }
}
