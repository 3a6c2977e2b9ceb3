package io.github.oauthtoken.core.token;

import static io.github.oauthtoken.core.TestJwts.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtClaimsTest {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    @Test
    void readsTheClaimsOfAnUnsignedJwt() {
        Map<String, Object> claims = JwtClaims.parse(
                unsigned("{\"iss\":\"https://cxone.niceincontact.com\",\"tenantId\":\"11eb-aa\",\"exp\":1795600800}")).orElseThrow();

        assertThat(claims).containsEntry("iss", "https://cxone.niceincontact.com").containsEntry("tenantId", "11eb-aa");
        assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(1795600800L);
    }

    @Test
    void thePayloadIsBase64UrlWithOrWithoutPadding() {
        // "???>>>" encodes to '/' and '+' in plain Base64, '_' and '-' in the URL alphabet.
        String claims = "{\"q\":\"???>>>\",\"n\":1}";
        String payload = URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        assertThat(payload).contains("_").doesNotContain("/");
        String padded = Base64.getUrlEncoder().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        assertThat(padded).endsWith("=");

        assertThat(JwtClaims.parse("h." + payload + ".s")).get().extracting(c -> c.get("q")).isEqualTo("???>>>");
        assertThat(JwtClaims.parse("h." + padded + ".s")).get().extracting(c -> c.get("q")).isEqualTo("???>>>");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "opaque-token", // no dots
            "a.b", // two parts
            "a.eyJ4IjoxfQ.c.d.e", // five parts (a JWE)
            "a..c", // empty payload
            "a.!!!.c", // not Base64
            "a.eyJ4Ijox+Q.c", // '+' is not in the URL alphabet
            "a.bm90IGpzb24.c", // "not json"
            "a.WzEsMl0.c", // [1,2]: JSON, but not an object
    })
    void anythingElseHasNoClaims(String token) {
        assertThat(JwtClaims.parse(token)).isEmpty();
    }
}
