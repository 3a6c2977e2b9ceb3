package io.github.oauthtoken.core.http;

/**
 * Keeps Jetty's own debug output out of the build log. Under {@code mvn -X} every SLF4J logger runs at DEBUG, and
 * Jetty's client then prints request headers ({@code Authorization}, {@code Proxy-Authorization}) and pieces of
 * response content, which would put client secrets and tokens into CI logs.
 *
 * <p>Maven's SLF4J provider reads a per-logger level from a system property when a logger is created, so setting it
 * before the first Jetty class loads is enough. The property's prefix differs: Maven 3's provider reads
 * {@code org.slf4j.simpleLogger.log.}, Maven 4's reads {@code maven.logger.log.} (and warns on every logger about
 * the old name). It is set unconditionally: a secret must not leak even when someone asked for Jetty debugging.
 */
public final class HttpLibraryLogging {
    /** The per-logger level prefix of Maven 3's SLF4J provider (slf4j-simple). */
    public static final String MAVEN_3_PREFIX = "org.slf4j.simpleLogger.log.";
    /** The per-logger level prefix of Maven 4's logger. */
    public static final String MAVEN_4_PREFIX = "maven.logger.log.";

    private static final String JETTY = "org.eclipse.jetty";

    private HttpLibraryLogging() {}

    /** @param levelPropertyPrefix the running Maven's per-logger level prefix, {@link #MAVEN_3_PREFIX} or {@link #MAVEN_4_PREFIX} */
    public static void quietJetty(String levelPropertyPrefix) {
        // concat, not +: with invokedynamic concatenation javac folds a constant into the recipe
        // ("\u0001org.eclipse.jetty"), where the jar's relocation of Jetty's package does not see it, and Jetty's
        // loggers would stay at debug; concat keeps it a constant of its own however the compiler concatenates.
        String property = levelPropertyPrefix.concat(JETTY);
        if (!"info".equals(System.getProperty(property))) {
            System.setProperty(property, "info");
        }
    }
}
