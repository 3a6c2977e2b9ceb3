package io.github.oauthtoken.core;

import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.http.ProxyRoute;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * What the build offers one goal execution. The Maven layer implements it over the session and the project; tests
 * implement it directly, which is how they exercise the same path the goals take.
 */
public interface ExecutionContext {
    /** The execution's log; everything written to it is redacted with the build's secrets. */
    BuildLog log();

    /** settings.xml servers, passwords decrypted. */
    ServerLookup servers();

    /** The active settings.xml proxies; they take precedence over the proxy environment variables, as in Maven. */
    List<ProxyRoute> settingsProxies() throws TokenException;

    /** Environment variables as the build sees them. */
    Function<String, String> environment();

    /** Maven runs with {@code -o}. */
    boolean offline();

    /** The project's properties, which receive the token. */
    Properties projectProperties();

    /** Which module this is, for messages and for knowing who still uses a token. */
    String projectId();

    /** True when this module binds a {@code revoke} execution for tokens under {@code propertyPrefix}. */
    boolean revokeBound(String propertyPrefix);

    /** True when the module has finished (succeeded, failed or was skipped) in this build. */
    boolean isFinished(String projectId);

    /** Maven logs at debug level ({@code -X}), where other plugins print project properties. */
    boolean debugLogging();

    /** Where CI workflow commands go: the process's real standard output, when it can be had. */
    CiConsole console();
}
