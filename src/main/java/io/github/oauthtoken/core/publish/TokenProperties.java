package io.github.oauthtoken.core.publish;

import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.core.token.AccessToken;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The project properties a token becomes, all under one prefix so that several executions can coexist. */
final class TokenProperties {
    private TokenProperties() {}

    /** Every name this plugin may set under a prefix, whether or not the current token has a value for it. */
    public static final List<String> SUFFIXES = List.of(
            "", ".type", ".expiresIn", ".expiresAt", ".scope", ".fingerprint", ".file", ".tenantId", ".apiEndpoint",
            ".organizationId");

    /**
     * The properties of a token as this execution got it. {@code .expiresIn} is the lifetime left at {@code now}:
     * as the server sent it for a token fetched just now, what remains of it for one reused from a cache.
     * {@code .file} is the token file's path, so that tests can be handed the path instead of the token (Maven
     * prints every mojo's configuration under {@code -X}).
     *
     * @param tokenFile where the token was written, or null
     */
    static Map<String, String> of(String prefix, CachedToken cached, Instant now, TokenFile tokenFile) {
        TokenResult result = cached.result();
        AccessToken token = result.token();
        long expiresIn = cached.source() == CachedToken.Source.FETCHED ? token.expiresIn()
                : Math.max(0, Duration.between(now, token.expiresAt()).toSeconds());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix, token.value().reveal());
        properties.put(prefix + ".type", token.type());
        properties.put(prefix + ".expiresIn", Long.toString(expiresIn));
        properties.put(prefix + ".expiresAt", token.expiresAt().toString());
        token.scope().ifPresent(scope -> properties.put(prefix + ".scope", scope));
        properties.put(prefix + ".fingerprint", token.fingerprint());
        if (tokenFile != null) {
            properties.put(prefix + ".file", tokenFile.path().toString());
        }
        result.extras().forEach((name, value) -> properties.put(prefix + "." + name, value));
        return properties;
    }

    /** Empties every property under {@code prefix} that is set, so later plugins see no stale token. */
    static void empty(String prefix, Properties properties) {
        for (String suffix : SUFFIXES) {
            if (properties.containsKey(prefix + suffix)) {
                properties.setProperty(prefix + suffix, "");
            }
        }
    }
}
