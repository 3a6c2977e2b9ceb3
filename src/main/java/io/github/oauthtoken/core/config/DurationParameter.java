package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads a duration parameter written as ISO-8601 ({@code PT5M}) or as plain seconds ({@code 300}). */
public final class DurationParameter {
    private DurationParameter() {}

    public static Duration parse(String value, String parameter) throws ConfigurationException {
        String v = value.trim();
        try {
            Duration duration = v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
            if (duration.isNegative()) {
                throw new ConfigurationException("<" + parameter + "> must not be negative, but was '" + v + "'.");
            }
            return duration;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigurationException("<" + parameter + "> must be an ISO-8601 duration such as PT5M or "
                    + "PT1H30M, or a number of seconds, but was '" + v + "'.");
        }
    }
}
