package io.github.oauthtoken.core;

import io.github.oauthtoken.core.provider.TokenResult;
import io.github.oauthtoken.core.token.AccessToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project properties a token becomes, all under one prefix so that several executions can coexist. */
public final class TokenProperties {
    private TokenProperties() {}

    /** Every name this plugin may set under a prefix, whether or not the current token has a value for it. */
    public static final List<String> SUFFIXES = List.of(
            "", ".type", ".expiresIn", ".expiresAt", ".scope", ".fingerprint", ".tenantId", ".apiEndpoint",
            ".organizationId");

    public static Map<String, String> of(String prefix, TokenResult result) {
        AccessToken token = result.token();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(prefix, token.value().reveal());
        properties.put(prefix + ".type", token.type());
        properties.put(prefix + ".expiresIn", Long.toString(token.expiresIn()));
        properties.put(prefix + ".expiresAt", token.expiresAt().toString());
        token.scope().ifPresent(scope -> properties.put(prefix + ".scope", scope));
        properties.put(prefix + ".fingerprint", token.fingerprint());
        result.extras().forEach((name, value) -> properties.put(prefix + "." + name, value));
        return properties;
    }
}
