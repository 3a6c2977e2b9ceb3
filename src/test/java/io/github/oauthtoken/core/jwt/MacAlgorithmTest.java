package io.github.oauthtoken.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.KeyLengthException;
import com.nimbusds.jose.crypto.MACVerifier;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * client_secret_jwt's HMAC signatures, verified with Nimbus JOSE (what Spring Authorization Server verifies them with:
 * an implementation that is not the plugin's), and the key length rule of RFC 7518 section 3.2.
 */
class MacAlgorithmTest {
    /** 72 bytes, long enough for every algorithm, with the characters a form encoding would change. */
    private static final String SECRET = "client!&=+%: secret-Q7m2Kx9Vb4Nz6Wc1Rt8Yp3Ld5Hs0Gf2Jk7Mn4Bv9Xq6Zw1-abcdef";

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "ci-client");
        claims.put("sub", "ci-client");
        claims.put("aud", "https://idp.example");
        claims.put("exp", 1_800_000_000L);
        return claims;
    }

    @ParameterizedTest
    @EnumSource(MacAlgorithm.class)
    void theSignatureIsTheHmacOfTheSecretsOctetsAsAJoseLibraryVerifiesIt(MacAlgorithm algorithm) throws Exception {
        String jwt = CompactJwt.sign(Map.of("typ", "JWT", "alg", "none"), claims(), Secret.of(SECRET), algorithm);

        JWSObject parsed = JWSObject.parse(jwt);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.parse(algorithm.name()));
        assertThat(parsed.getHeader().getType().toString()).isEqualTo("JWT");
        assertThat(parsed.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(parsed.verify(new MACVerifier((SECRET + "x").getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(parsed.getPayload().toJSONObject()).containsEntry("iss", "ci-client");
        // Nothing of the secret travels: not the secret, not its encoded forms.
        assertThat(jwt).doesNotContain("secret-Q7m2");
    }

    @Test
    void theSecretIsTheKeyAsUtf8BytesNotAsCharacters() throws Exception {
        // 16 characters, 32 bytes: enough for HS256.
        String accented = "é".repeat(16);
        MacAlgorithm.HS256.check(Secret.of(accented), "the variable");
        String jwt = CompactJwt.sign(Map.of(), claims(), Secret.of(accented), MacAlgorithm.HS256);
        assertThat(JWSObject.parse(jwt).verify(new MACVerifier(accented.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void aSecretShorterThanTheHashOutputIsAConfigurationErrorThatNamesLengthsButNeverTheSecret() throws Exception {
        String thirtyOne = "s".repeat(31);
        assertThatThrownBy(() -> MacAlgorithm.HS256.check(Secret.of(thirtyOne), "server 'idp' in settings.xml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("HS256 needs a client secret of at least 32 bytes")
                .hasMessageContaining("server 'idp' in settings.xml has 31 bytes")
                .hasMessageContaining("RFC 7518 section 3.2")
                .hasMessageContaining("no HMAC algorithm allows one under 32 bytes")
                .hasMessageNotContaining(thirtyOne);
        MacAlgorithm.HS256.check(Secret.of("s".repeat(32)), "the variable");

        String fortyEight = "k".repeat(48);
        MacAlgorithm.HS384.check(Secret.of(fortyEight), "the variable");
        assertThatThrownBy(() -> MacAlgorithm.HS512.check(Secret.of(fortyEight), "the variable"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least 64 bytes").hasMessageContaining("has 48 bytes")
                .hasMessageContaining("Use HS256 or HS384, or a longer secret.")
                .hasMessageNotContaining(fortyEight);
        MacAlgorithm.HS512.check(Secret.of("k".repeat(64)), "the variable");
    }

    @Test
    void whyShortSecretsAreRefusedHereNimbusWillNotVerifyWithThem() {
        // The server's side of the rule above: Spring Authorization Server answers a bare invalid_client.
        assertThatThrownBy(() -> new MACVerifier("s".repeat(31).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KeyLengthException.class);
        assertThat(MacAlgorithm.HS512.minimumKeyBytes() * 8).isEqualTo(512);
    }

    @Test
    void parsingIgnoresCaseAndAnUnknownValueListsTheValidOnes() throws Exception {
        assertThat(MacAlgorithm.parse(" hs512 ")).isEqualTo(MacAlgorithm.HS512);
        assertThatThrownBy(() -> MacAlgorithm.parse("RS256"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown <signingAlgorithm> 'RS256' for client_secret_jwt. Valid values: HS256, HS384, "
                        + "HS512 (default: HS256).");
    }
}
