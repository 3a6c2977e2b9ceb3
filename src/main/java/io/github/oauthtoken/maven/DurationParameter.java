package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Reads a duration parameter written as ISO-8601 ({@code PT5M}) or as plain seconds ({@code 300}). */
final class DurationParameter {
    private DurationParameter() {}

    static Duration parse(String value, String parameter) throws TokenException {
        String v = value.trim();
        try {
            Duration duration = v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
            if (duration.isNegative()) {
                throw new TokenException("<" + parameter + "> must not be negative, but was '" + v + "'.");
            }
            return duration;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new TokenException("<" + parameter + "> must be an ISO-8601 duration such as PT5M or PT1H30M, or a "
                    + "number of seconds, but was '" + v + "'.");
        }
    }
}
