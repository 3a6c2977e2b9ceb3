package io.github.oauthtoken.core.config;

import java.util.EnumMap;
import java.util.Map;

/**
 * A {@link ParameterView} over values held by name: a settings.xml {@code <oauthToken>} element's children, or what
 * a test sets. Values have the types a goal's fields would have, or are plain text.
 */
public final class MapParameters implements ParameterView {
    private final Map<Parameter, Object> values = new EnumMap<>(Parameter.class);

    public static MapParameters of() {
        return new MapParameters();
    }

    /** Sets a parameter; null removes it. */
    public MapParameters with(Parameter parameter, Object value) {
        if (value == null) {
            values.remove(parameter);
        } else {
            values.put(parameter, value);
        }
        return this;
    }

    /** A copy, for a variation of a configuration. */
    public MapParameters copy() {
        MapParameters copy = new MapParameters();
        copy.values.putAll(values);
        return copy;
    }

    @Override
    public Object value(Parameter parameter) {
        return values.get(parameter);
    }
}
