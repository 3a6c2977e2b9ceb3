package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.TokenResult;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A token and what came with it as {@link Properties}: the file cache's format, and how one class realm of the
 * plugin hands a token to another in the same build ({@link SharedTokens}), since a JDK type is all they share.
 */
final class TokenProperties {
    /** The format of the file cache's files; a file of another format is fetched anew. */
    static final int FORMAT = 2;
    private static final String EXTRA = "extra.";

    private TokenProperties() {}

    static Properties of(CacheKey key, TokenResult result) {
        AccessToken token = result.token();
        Properties properties = new Properties();
        properties.setProperty("format", String.valueOf(FORMAT));
        properties.setProperty("key", key.hash());
        properties.setProperty("describes", key.describe());
        properties.setProperty("access_token", token.value().reveal());
        properties.setProperty("token_type", token.type());
        properties.setProperty("expires_in", String.valueOf(token.expiresIn()));
        // Seconds since the epoch for the plugin, which then parses no date; ISO 8601 for whoever opens the file.
        properties.setProperty("expires_at", String.valueOf(token.expiresAt().getEpochSecond()));
        properties.setProperty("expires_at_utc", token.expiresAt().toString());
        properties.setProperty("expires_in_source", token.expiresInSource());
        token.scope().ifPresent(scope -> properties.setProperty("scope", scope));
        properties.setProperty("token_endpoint", result.tokenEndpoint().toString());
        result.extras().forEach((name, value) -> properties.setProperty(EXTRA + name, value));
        return properties;
    }

    /**
     * The token, when the properties hold one of this format for this key; a malformed number or URI throws, which
     * the caller reports as corrupt.
     */
    static Optional<TokenResult> read(Properties properties, CacheKey key) {
        if (!String.valueOf(FORMAT).equals(properties.getProperty("format"))
                || !key.hash().equals(properties.getProperty("key"))) {
            return Optional.empty();
        }
        String token = properties.getProperty("access_token", "");
        String type = properties.getProperty("token_type");
        String expiresIn = properties.getProperty("expires_in");
        String expiresAt = properties.getProperty("expires_at");
        String endpoint = properties.getProperty("token_endpoint");
        if (token.isEmpty() || type == null || expiresIn == null || expiresAt == null || endpoint == null) {
            return Optional.empty();
        }
        Map<String, String> extras = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(EXTRA)) {
                extras.put(name.substring(EXTRA.length()), properties.getProperty(name));
            }
        }
        AccessToken accessToken = new AccessToken(Secret.of(token), type, Long.parseLong(expiresIn),
                Instant.ofEpochSecond(Long.parseLong(expiresAt)), Optional.ofNullable(properties.getProperty("scope")),
                properties.getProperty("expires_in_source", "expires_in"));
        return Optional.of(new TokenResult(accessToken, URI.create(endpoint), extras));
    }
}
