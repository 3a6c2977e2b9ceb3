package io.github.oauthtoken.core.lifecycle;

import java.util.Properties;

/**
 * What the build offers one goal execution, beyond what its configuration is read against: the module it runs in.
 * The Maven layer implements it over the session and the project; tests implement it directly, which is how they
 * exercise the same path the goals take.
 */
public interface ExecutionContext extends BuildContext {
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
}
