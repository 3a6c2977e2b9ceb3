package io.github.oauthtoken.core.jwt;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of a client assertion the plugin signs, whatever signs it (RFC 7523 sections 2.2 and 3, OpenID Connect
 * Core section 9, for {@code private_key_jwt} and {@code client_secret_jwt} alike): {@code iss} = {@code sub} = the
 * client id, {@code aud}, a random {@code jti} (servers refuse one they have seen), {@code iat} and {@code nbf} (now)
 * and {@code exp} a minute later: long enough for one request, short enough that a copy is soon worthless.
 */
public final class AssertionClaims {
    /** How long an assertion is valid; each request gets a new one. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private AssertionClaims() {}

    /** The claims, in the order they are written. */
    public static Map<String, Object> of(String clientId, String audience, Instant now) {
        long seconds = now.getEpochSecond();
        byte[] jti = new byte[16];
        RANDOM.nextBytes(jti);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", audience);
        claims.put("jti", CompactJwt.base64url(jti));
        claims.put("iat", seconds);
        claims.put("nbf", seconds);
        claims.put("exp", seconds + LIFETIME.toSeconds());
        return claims;
    }

    /** The header members every assertion starts with, beside {@code alg}. */
    public static Map<String, Object> header() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        return header;
    }
}
