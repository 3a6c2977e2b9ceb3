package io.github.oauthtoken.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.testservers.TestKeyStores;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thumbprint headers of a signed assertion, computed here independently from the certificate's DER form. */
class AssertionThumbprintTest {
    private static final String PASSWORD = "thumbprint-PASS-3";

    @TempDir
    static Path dir;
    static X509Certificate certificate;

    @BeforeAll
    static void certificate() throws Exception {
        Path store = TestKeyStores.create(dir.resolve("rsa.p12"), "PKCS12", KeyKind.RSA, "ci", PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        certificate = (X509Certificate) keys.getCertificate("ci");
    }

    private static String digest(String algorithm) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
    }

    @Test
    void eachChoiceGivesItsHeadersAndNoneGivesNone() throws Exception {
        assertThat(AssertionThumbprint.SHA256.headers(certificate)).containsExactly(
                java.util.Map.entry("x5t#S256", digest("SHA-256")));
        assertThat(AssertionThumbprint.SHA1.headers(certificate)).containsExactly(
                java.util.Map.entry("x5t", digest("SHA-1")));
        assertThat(AssertionThumbprint.BOTH.headers(certificate)).containsExactly(
                java.util.Map.entry("x5t#S256", digest("SHA-256")), java.util.Map.entry("x5t", digest("SHA-1")));
        assertThat(AssertionThumbprint.NONE.headers(certificate)).isEmpty();
        // base64url without padding: 43 characters for SHA-256, 27 for SHA-1.
        assertThat(digest("SHA-256")).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(digest("SHA-1")).hasSize(27);
    }

    @Test
    void parsingTakesTheParameterSpellingsAndAnUnknownValueListsThem() throws Exception {
        for (String value : List.of("sha256", "SHA1", " both ", "None")) {
            assertThat(AssertionThumbprint.parse(value).value()).isEqualTo(value.trim().toLowerCase());
        }
        assertThatThrownBy(() -> AssertionThumbprint.parse("x5t#S256"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown <assertionThumbprint> 'x5t#S256'. Valid values: sha256, sha1, both, none "
                        + "(default: sha256, the x5t#S256 header; sha1 is x5t, none sends neither).");
    }

    @Test
    void theRefusalAdvicePointsFromAThumbprintToNoneAndBack() {
        assertThat(AssertionThumbprint.SHA256.refusalAdvice()).contains("x5t#S256", "bare JWK",
                "<assertionThumbprint> to none");
        assertThat(AssertionThumbprint.BOTH.refusalAdvice()).contains("x5t#S256 and x5t", "to none");
        assertThat(AssertionThumbprint.SHA1.refusalAdvice()).contains("x5t", "sha256 or both");
        assertThat(AssertionThumbprint.NONE.refusalAdvice()).contains("names no certificate thumbprint");
    }
}
