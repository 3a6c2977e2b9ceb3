package io.github.oauthtoken.core.config;

/**
 * One execution's configuration as the user wrote it, read by parameter name: a goal's fields (after Maven has
 * applied the defaults of its annotations and expanded expressions), or the elements of a settings.xml
 * {@code <oauthToken>}. {@link Parameters} reads it into types; {@link RequestParser} gives it meaning.
 */
@FunctionalInterface
public interface ParameterView {
    /**
     * @return the value as written: a {@code String}, {@code Boolean}, {@code Integer}, {@code java.io.File},
     *         {@code java.nio.file.Path} or a {@code List} of strings; null when it is not set
     */
    Object value(Parameter parameter);
}
