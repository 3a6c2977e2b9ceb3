package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.http.HttpLibraryLogging;
import java.util.Properties;
import java.util.function.Function;

/**
 * What the plugin reads from the build's system properties ({@code MavenExecutionRequest.getSystemProperties()}, which
 * the session hands on): the same for the goals and for the core extension, which has only the request.
 */
public final class MavenSystemProperties {
    private MavenSystemProperties() {}

    /**
     * Environment variables as Maven sees them: {@code env.*} of the build's system properties (which embedders and
     * tests can set), falling back to the process environment.
     */
    public static Function<String, String> environment(Properties systemProperties) {
        return name -> {
            String value = systemProperties.getProperty("env." + name);
            return value != null ? value : System.getenv(name);
        };
    }

    /**
     * Keeps the HTTP library's debug output, which would carry credentials under {@code -X}, out of the log; call it
     * before any Jetty class loads. {@code maven.version} tells which Maven's logger reads the level.
     */
    public static void quietHttpLibrary(Properties systemProperties) {
        HttpLibraryLogging.quietJetty(systemProperties.getProperty("maven.version", "3").startsWith("3")
                ? HttpLibraryLogging.MAVEN_3_PREFIX
                : HttpLibraryLogging.MAVEN_4_PREFIX);
    }
}
