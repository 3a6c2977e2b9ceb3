package io.github.oauthtoken.core;

/**
 * A mistake in the plugin's configuration (an unknown provider, a malformed duration, a trust store that does not
 * open). Unlike a failure to reach or satisfy the server, it is never downgraded by {@code failOnError=false}: a
 * build that ignores it would silently run without a token on every machine, not only on those without credentials.
 */
public class ConfigurationException extends TokenException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
