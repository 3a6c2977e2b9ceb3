package io.github.oauthtoken.core.token;

import io.github.oauthtoken.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the claims of a JWT without checking its signature. The plugin never trusts these claims for security
 * decisions: it only uses them to learn facts about a token the server just handed it over TLS ({@code exp} when
 * {@code expires_in} is missing, CXone's {@code tenantId}).
 */
public final class JwtClaims {
    private JwtClaims() {}

    public static Optional<Map<String, Object>> parse(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(stripPadding(parts[1]));
            return Json.parseObject(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String stripPadding(String part) {
        int end = part.length();
        while (end > 0 && part.charAt(end - 1) == '=') {
            end--;
        }
        return part.substring(0, end);
    }
}
