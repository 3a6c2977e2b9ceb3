package io.github.oauthtoken.core;

/**
 * A failure to obtain or check a token that the user can act on. Its message is written for the user (what went
 * wrong, where the plugin looked, what to do) and must never contain a secret; the Maven layer still passes it
 * through a {@link io.github.oauthtoken.core.secret.Redactor} before it reaches the build output.
 */
public class TokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public TokenException(String message) {
        super(message);
    }

    public TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
