package io.github.oauthtoken.core.secret;

import java.util.Objects;

/**
 * A credential or token value. It never shows itself in {@link #toString()}, so that a secret passed to a log
 * call, a string concatenation or an exception message by mistake prints as a mask instead of the value.
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value);
    }

    /** The plain value, for the one place that has to send it over the wire or hand it to the build. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
