package io.github.oauthtoken.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.jwt.AssertionThumbprint;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.testservers.JwtVerifier;
import io.github.oauthtoken.testservers.TestKeyStores;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** private_key_jwt assertions, checked with the JDK's own verifier as a server would check them. */
class PrivateKeyJwtTest {
    private static final String PASSWORD = "pkjwt-store-PASS-1";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path dir;
    static Path rsa;
    static Path ec;
    static Path twoKeys;
    static Path p384;
    static Path jks;

    @BeforeAll
    static void keyStores() throws Exception {
        rsa = TestKeyStores.create(dir.resolve("rsa.p12"), "PKCS12", KeyKind.RSA, "ci", PASSWORD);
        ec = TestKeyStores.create(dir.resolve("ec.p12"), "PKCS12", KeyKind.EC, "ci-ec", PASSWORD);
        p384 = TestKeyStores.create(dir.resolve("p384.p12"), "PKCS12", KeyKind.EC_P384, "ci", PASSWORD);
        twoKeys = TestKeyStores.create(dir.resolve("two.p12"), "PKCS12", KeyKind.RSA, "first", PASSWORD);
        TestKeyStores.addKey(twoKeys, "PKCS12", KeyKind.EC, "second", PASSWORD);
        jks = TestKeyStores.create(dir.resolve("ci.jks"), "JKS", KeyKind.RSA, "ci", PASSWORD);
    }

    private static ClientKey open(Path store, String type, String alias) throws Exception {
        return ClientKeyStore.open(store, type, alias, Secret.of(PASSWORD), "server 'keys' in settings.xml");
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void anAssertionVerifiesWithTheCertificatesKeyAndCarriesTheClaimsServersCheck(SigningAlgorithm algorithm)
            throws Exception {
        ClientKey key = open(algorithm == SigningAlgorithm.ES256 ? ec : rsa, "PKCS12", null);
        algorithm.check(key.privateKey(), key.origin());
        List<Secret> issued = new ArrayList<>();
        PrivateKeyJwt assertions = new PrivateKeyJwt("ci-client", key, algorithm, null, AssertionThumbprint.SHA256, CLOCK,
                issued::add);

        Secret assertion = assertions.next("https://idp.example/realms/ci");

        JwtVerifier.Jws jws = JwtVerifier.parse(assertion.reveal()).orElseThrow();
        assertThat(JwtVerifier.verifies(jws, key.certificate().getPublicKey())).isTrue();
        assertThat(jws.alg()).isEqualTo(algorithm.name());
        assertThat(jws.header()).containsEntry("typ", "JWT").doesNotContainKey("kid");
        String thumbprint = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded()));
        assertThat(jws.header()).containsEntry("x5t#S256", thumbprint);
        assertThat(jws.claims()).containsEntry("iss", "ci-client").containsEntry("sub", "ci-client")
                .containsEntry("aud", "https://idp.example/realms/ci");
        assertThat(jws.time("iat")).contains(NOW.getEpochSecond());
        assertThat(jws.time("nbf")).contains(NOW.getEpochSecond());
        assertThat(jws.time("exp").orElseThrow()).isGreaterThan(NOW.getEpochSecond())
                .isLessThanOrEqualTo(NOW.getEpochSecond() + 60);
        assertThat(issued).containsExactly(assertion);
    }

    @Test
    void everyAssertionHasItsOwnJtiAndAKidOnlyWhenOneIsConfigured() throws Exception {
        ClientKey key = open(rsa, "PKCS12", "ci");
        PrivateKeyJwt assertions = new PrivateKeyJwt("ci-client", key, SigningAlgorithm.RS256, "kc-key-7",
                AssertionThumbprint.SHA256, CLOCK,
                s -> {});

        JwtVerifier.Jws first = JwtVerifier.parse(assertions.next("aud").reveal()).orElseThrow();
        JwtVerifier.Jws second = JwtVerifier.parse(assertions.next("aud").reveal()).orElseThrow();

        assertThat(first.claim("jti").orElseThrow()).hasSizeGreaterThanOrEqualTo(16)
                .isNotEqualTo(second.claim("jti").orElseThrow());
        assertThat(first.header()).containsEntry("kid", "kc-key-7");
    }

    @Test
    void anEs256SignatureIsTheJoseFormNotDer() throws Exception {
        ClientKey key = open(ec, "PKCS12", null);
        JwtVerifier.Jws jws = JwtVerifier.parse(new PrivateKeyJwt("c", key, SigningAlgorithm.ES256, null,
                AssertionThumbprint.NONE, CLOCK,
                s -> {}).next("aud").reveal()).orElseThrow();
        // DER would start with 0x30 and usually be 70 to 72 bytes long.
        assertThat(jws.signature()).hasSize(64);
    }

    @Test
    void aJksStoreWorksToo() throws Exception {
        ClientKey key = open(jks, "JKS", null);
        assertThat(key.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(key.origin()).isEqualTo("key 'ci' in <keyStore> " + jks);
    }

    @Test
    void theAlgorithmFollowsTheKeyUnlessConfiguredAndMustFitIt() throws Exception {
        assertThat(SigningAlgorithm.defaultFor(open(rsa, "PKCS12", null).privateKey(), "k")).isEqualTo(SigningAlgorithm.RS256);
        assertThat(SigningAlgorithm.defaultFor(open(ec, "PKCS12", null).privateKey(), "k")).isEqualTo(SigningAlgorithm.ES256);
        assertThat(SigningAlgorithm.parse(" ps256 ")).isEqualTo(SigningAlgorithm.PS256);
        assertThatThrownBy(() -> SigningAlgorithm.parse("HS256")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("RS256, PS256, ES256");
        assertThatThrownBy(() -> SigningAlgorithm.ES256.check(open(rsa, "PKCS12", null).privateKey(), "the key"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs an EC key");
        assertThatThrownBy(() -> SigningAlgorithm.PS256.check(open(ec, "PKCS12", null).privateKey(), "the key"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs an RSA key");
        assertThatThrownBy(() -> SigningAlgorithm.ES256.check(open(p384, "PKCS12", null).privateKey(), "the key"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("P-256");
    }

    @Test
    void aStoreThatDoesNotOpenSaysWhyWithoutThePassword() {
        assertThatThrownBy(() -> ClientKeyStore.open(rsa, "PKCS12", null, Secret.of("wrong-PASS-0"), "server 'keys'"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the password of server 'keys' does not open it")
                .hasMessageNotContaining("wrong-PASS-0");
        assertThatThrownBy(() -> open(dir.resolve("missing.p12"), "PKCS12", null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> open(twoKeys, "PKCS12", null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("holds 2 private keys (first, second); set <keyAlias>");
        assertThatThrownBy(() -> open(rsa, "PKCS12", "other"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no entry 'other'")
                .hasMessageContaining("Its keys: [ci]");
    }
}
