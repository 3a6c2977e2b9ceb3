package io.github.oauthtoken.core;

import java.util.function.Function;

/**
 * Environment variables as the plugin reads them: a value is trimmed, and a variable that is set but blank counts as
 * not set, as CI systems set unused secrets to empty strings.
 */
public final class Variables {
    private Variables() {}

    /** @return the trimmed value, or null when the variable is not set or blank */
    public static String read(Function<String, String> environment, String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
