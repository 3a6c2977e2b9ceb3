package io.github.oauthtoken.core.publish;

import io.github.oauthtoken.core.cache.CachedToken;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

/**
 * One execution's properties that show a token: set when it fetches, and again by every refresh, so that plugins
 * configured after the refresh see the new token.
 *
 * @param tokenAsProperty whether {@code ${prefix}} holds the token itself, or only the other properties are set
 * @param tokenFile       the execution's own {@code tokenFile}, for {@code ${prefix}.file}; null when it has none
 */
public record TokenHolder(String projectId, String prefix, Properties properties, boolean tokenAsProperty,
        TokenFile tokenFile) {

    /** Sets the execution's properties to the token as this execution has it at {@code now}. */
    public void show(CachedToken token, Instant now) {
        Map<String, String> values = TokenProperties.of(prefix, token, now, tokenFile);
        if (!tokenAsProperty) {
            values.remove(prefix);
        }
        values.forEach(properties::setProperty);
    }
}
