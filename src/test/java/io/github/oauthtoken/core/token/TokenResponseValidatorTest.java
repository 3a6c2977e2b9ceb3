package io.github.oauthtoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.secret.Redactor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenResponseValidatorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.750Z");
    private final List<String> debug = new ArrayList<>();
    private final Redactor redactor = new Redactor();
    private final TokenResponseValidator validator = new TokenResponseValidator(redactor, new BuildLog() {
        @Override public void debug(String message) { debug.add(message); }
        @Override public void info(String message) {}
        @Override public void warn(String message) {}
    });

    private static HttpReply reply(String json) {
        HttpCall call = HttpCall.get("token request", URI.create("https://login.example.com/oauth/token"));
        return new HttpReply(call, 200, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static String jwt(String claims) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + e.encodeToString(claims.getBytes()) + ".sig";
    }

    @Test
    void acceptsARfc6749ResponseAndCountsExpiryFromArrivalInWholeSeconds() throws TokenException {
        TokenResponse response = validator.validate(
                reply("{\"access_token\":\"abc.DEF-123\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"a b\"}"),
                Optional.empty(), NOW);

        AccessToken token = response.token();
        assertThat(token.value().reveal()).isEqualTo("abc.DEF-123");
        assertThat(token.type()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(3600);
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(token.scope()).contains("a b");
        assertThat(redactor.redact("the token abc.DEF-123")).isEqualTo("the token ****");
    }

    @Test
    void aNumericStringExpiresInIsAcceptedWithADebugNote() throws TokenException {
        TokenResponse response = validator.validate(
                reply("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":\"7200\"}"), Optional.empty(), NOW);

        assertThat(response.token().expiresIn()).isEqualTo(7200);
        assertThat(debug).singleElement().asString().contains("expires_in as a string");
    }

    @Test
    void withoutExpiresInAJwtExpClaimIsUsed() throws TokenException {
        String token = jwt("{\"exp\":" + (NOW.getEpochSecond() + 900) + "}");
        TokenResponse response = validator.validate(
                reply("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}"), Optional.empty(), NOW);

        assertThat(response.token().expiresIn()).isEqualTo(900);
        assertThat(response.token().expiresInSource()).isEqualTo("jwt exp");
    }

    @Test
    void aJwtThatIsAlreadyExpiredIsRejected() {
        String token = jwt("{\"exp\":" + (NOW.getEpochSecond() - 60) + "}");

        assertThatThrownBy(() -> validator.validate(
                reply("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\"}"), Optional.empty(), NOW))
                .hasMessageContaining("already expired")
                .message().doesNotContain(token);
    }

    @Test
    void withoutExpiresInAnOpaqueTokenNeedsDefaultExpiresIn() throws TokenException {
        String body = "{\"access_token\":\"opaque-token\",\"token_type\":\"bearer\"}";

        assertThatThrownBy(() -> validator.validate(reply(body), Optional.empty(), NOW))
                .hasMessageContaining("Set <defaultExpiresIn>");
        assertThat(validator.validate(reply(body), Optional.of(Duration.ofMinutes(30)), NOW).token().expiresIn())
                .isEqualTo(1800);
    }

    @Test
    void aTokenWithWhitespaceOrControlCharactersIsRejectedWithoutQuotingIt() {
        assertThatThrownBy(() -> validator.validate(
                reply("{\"access_token\":\"abc def-secretish\",\"token_type\":\"bearer\",\"expires_in\":60}"),
                Optional.empty(), NOW))
                .hasMessageContaining("whitespace or control characters")
                .message().doesNotContain("secretish");
    }

    @Test
    void aMissingTokenTypeOrANonObjectBodyIsRejected() {
        assertThatThrownBy(() -> validator.validate(
                reply("{\"access_token\":\"tok-2\",\"expires_in\":60}"), Optional.empty(), NOW))
                .hasMessageContaining("token_type missing");
        assertThatThrownBy(() -> validator.validate(reply("[1,2]"), Optional.empty(), NOW))
                .hasMessageContaining("is not a JSON object");
    }

    @Test
    void jwtClaimsAndFingerprint() {
        assertThat(JwtClaims.parse(jwt("{\"tenantId\":\"t-1\"}"))).get().extracting(c -> c.get("tenantId")).isEqualTo("t-1");
        assertThat(JwtClaims.parse("not-a-jwt")).isEmpty();
        assertThat(JwtClaims.parse("a.!!!.c")).isEmpty();
        // SHA-256("abc") = ba7816bf...
        assertThat(Fingerprint.of("abc")).isEqualTo("ba7816bf");
    }
}
