package io.github.oauthtoken.core.refresh;

import java.nio.file.Path;
import java.util.Properties;

/**
 * One execution's properties that show a token: what a refreshed token must update so that plugins configured after
 * the refresh see it.
 *
 * @param tokenFile the execution's own {@code tokenFile}, for {@code ${prefix}.file}; null when it has none
 */
public record TokenHolder(String projectId, String prefix, Properties properties, boolean tokenAsProperty,
        Path tokenFile) {}
