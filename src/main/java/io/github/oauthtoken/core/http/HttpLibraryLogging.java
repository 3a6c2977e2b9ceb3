package io.github.oauthtoken.core.http;

/**
 * Keeps Jetty's own debug output out of the build log. Under {@code mvn -X} every SLF4J logger runs at DEBUG, and
 * Jetty's client then prints request headers ({@code Authorization}, {@code Proxy-Authorization}) and pieces of
 * response content, which would put client secrets and tokens into CI logs.
 *
 * <p>Maven 3.9's SLF4J provider reads a per-logger level from the system property
 * {@code org.slf4j.simpleLogger.log.<name>} when a logger is created, so setting it before the first Jetty class
 * loads is enough. It is set unconditionally: a secret must not leak even when someone asked for Jetty debugging.
 */
public final class HttpLibraryLogging {
    static final String JETTY_LEVEL_PROPERTY = "org.slf4j.simpleLogger.log.org.eclipse.jetty";

    private HttpLibraryLogging() {}

    public static void quietJetty() {
        if (!"info".equals(System.getProperty(JETTY_LEVEL_PROPERTY))) {
            System.setProperty(JETTY_LEVEL_PROPERTY, "info");
        }
    }
}
