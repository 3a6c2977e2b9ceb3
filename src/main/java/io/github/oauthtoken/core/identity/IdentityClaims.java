package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.token.JwtClaims;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an identity token says about whom it identifies, read without checking the signature (the server does that):
 * for the cache key and for messages. None of it is secret; the token itself never leaves through here.
 *
 * @param audience the {@code aud} claim, one value or several
 */
public record IdentityClaims(String issuer, String subject, List<String> audience) {

    static Optional<IdentityClaims> of(String token) {
        return JwtClaims.parse(token).map(IdentityClaims::of);
    }

    private static IdentityClaims of(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        List<String> audience = aud instanceof String s ? List.of(s)
                : aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new IdentityClaims(text(claims.get("iss")), text(claims.get("sub")), audience);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    /** For the cache key and messages: {@code iss}, {@code sub} and {@code aud} as the token states them. */
    public String describe() {
        return "iss " + issuer + ", sub " + subject + ", aud " + String.join(" ", audience);
    }
}
