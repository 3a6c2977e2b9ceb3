package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.ConfigurationException;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ParameterView} read into types, each value trimmed, a blank one counted as not written, and each
 * {@link Parameter}'s default applied where one is asked for. A value of the wrong shape (a count that is no number, a
 * flag that is neither true nor false) is a {@link ConfigurationException} naming the parameter.
 */
public final class Parameters {
    private final ParameterView view;

    public Parameters(ParameterView view) {
        this.view = view;
    }

    /** The text as written, trimmed; null when not written or blank. No default. */
    public String written(Parameter parameter) {
        Object value = view.value(parameter);
        if (value == null) {
            return null;
        }
        String text = value instanceof Collection<?> list ? String.join(",", list.stream().map(String::valueOf)
                .toList()) : value.toString();
        return text.isBlank() ? null : text.trim();
    }

    /** Whether the user wrote a value. */
    public boolean isWritten(Parameter parameter) {
        return written(parameter) != null;
    }

    /** The text as written, else the parameter's default (null when it has none). */
    public String text(Parameter parameter) {
        String text = written(parameter);
        return text != null ? text : parameter.defaultValue();
    }

    /** A path as written, else the default; null when neither. */
    public Path path(Parameter parameter) {
        Object value = view.value(parameter);
        if (value instanceof File file) {
            return file.toPath();
        }
        if (value instanceof Path path) {
            return path;
        }
        String text = text(parameter);
        return text == null ? null : Path.of(text);
    }

    /** {@code true} or {@code false}, as written or by default. */
    public boolean flag(Parameter parameter) throws ConfigurationException {
        Object value = view.value(parameter);
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = text(parameter);
        if ("true".equalsIgnoreCase(text)) {
            return true;
        }
        if (text == null || "false".equalsIgnoreCase(text)) {
            return false;
        }
        throw new ConfigurationException(parameter.element() + " must be true or false, but was '" + text + "'.");
    }

    /** A whole number of zero or more, as written or by default. */
    public int count(Parameter parameter) throws ConfigurationException {
        Object value = view.value(parameter);
        String text = value instanceof Integer number ? number.toString() : text(parameter);
        try {
            int count = Integer.parseInt(text);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the parameter's name.
        }
        throw new ConfigurationException(parameter.element() + " must be 0 or more, but was " + text + ".");
    }

    /** A duration written as ISO-8601 ({@code PT5M}) or seconds, as written or by default; null when neither. */
    public Duration duration(Parameter parameter) throws ConfigurationException {
        String text = text(parameter);
        return text == null ? null : DurationParameter.parse(text, parameter.id());
    }

    /** The items of a list parameter as written (a list, or one text of items separated by commas or blanks). */
    public List<String> items(Parameter parameter) {
        Object value = view.value(parameter);
        List<String> items = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> {
                if (item != null) {
                    items.add(item.toString());
                }
            });
        } else if (value != null) {
            items.add(value.toString());
        }
        return items;
    }

    /** A lower-case word as written, else the default; for parameters with a fixed set of values. */
    public String word(Parameter parameter) {
        String text = text(parameter);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
