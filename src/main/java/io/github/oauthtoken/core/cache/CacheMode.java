package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import java.util.Locale;

/** Where tokens are kept for reuse. */
public enum CacheMode {
    /** Every execution fetches its own token. */
    NONE,
    /** One token per build, shared by all modules and executions (the default). */
    SESSION,
    /** Also kept on disk between builds on this machine (opt-in: it writes the token to a file). */
    FILE;

    /** @param value what the user wrote, or the default ({@code session}) */
    public static CacheMode parse(String value) throws TokenException {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("Unknown <cache> '" + value.trim() + "'. Valid values: none, session (the "
                    + "default: one token per build) and file (also reused across builds on this machine).");
        }
    }
}
