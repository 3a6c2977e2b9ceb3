package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.testservers.JwtVerifier;
import io.github.oauthtoken.testservers.TestKeyStores;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client assertions the plugin signs, as a token server receives them, through the entry the goals use:
 * {@code client_secret_jwt} (an HMAC keyed with the client secret, which never travels) and the certificate
 * thumbprint of a {@code private_key_jwt} assertion ({@code assertionThumbprint}). The stub records each request, so
 * the tests read the form, the headers and the assertion exactly as sent.
 */
class SignedClientAssertionsTest {
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** 40 octets: long enough for HS256, too short for HS384 (48) and HS512 (64). */
    private static final String SECRET = "hmac-SECRET-!&=+%:-0123456789abcdefghijk";
    private static final String LONG_SECRET = "hmac-long-SECRET-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLM";
    private static final String STORE_PASSWORD = "thumbprint-store-PASS-8";

    @TempDir
    static Path dir;
    static Path rsa;
    static X509Certificate certificate;

    private final StubHttpServer server = new StubHttpServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    /** What the stub answers: a token unless a test sets an error body. */
    private volatile String refusal;

    @BeforeAll
    static void keyStore() throws Exception {
        rsa = TestKeyStores.create(dir.resolve("rsa.p12"), "PKCS12", KeyKind.RSA, "ci", STORE_PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(rsa)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        certificate = (X509Certificate) store.getCertificate("ci");
    }

    SignedClientAssertionsTest() {
        server.on("/oauth/token", request -> refusal != null ? StubHttpServer.Response.json(401, refusal)
                : StubHttpServer.Response.json(200, "{\"access_token\":\"assertion-token-" + issued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private final TokenLifecycle build = new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC());

    private MapParameters oauth2() {
        return MapParameters.of().with(Parameter.PROVIDER, "oauth2")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token").with(Parameter.RETRIES, 0)
                .with(Parameter.CACHE, "none");
    }

    private TestExecution module() {
        return new TestExecution("it:assertions:1", finished).server("idp", "hmac-client", SECRET)
                .server("idp-long", "hmac-client", LONG_SECRET).server("keys", null, STORE_PASSWORD)
                .env("GITHUB_ACTIONS", "true");
    }

    private static Map<String, String> form(StubHttpServer.Request request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.body().split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private Map<String, String> lastForm() {
        List<StubHttpServer.Request> requests = server.requests("/oauth/token");
        return form(requests.get(requests.size() - 1));
    }

    private JwtVerifier.Jws lastAssertion() {
        return JwtVerifier.parse(lastForm().get("client_assertion")).orElseThrow();
    }

    private static String thumbprint(String digest) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance(digest).digest(certificate.getEncoded()));
    }

    @Nested
    class ClientSecretJwt {
        @Test
        void hs256IsTheDefaultKeyedWithTheSecretWhichNeverTravels() throws Exception {
            TestExecution module = module();
            Instant before = Instant.now();
            build.fetch(oauth2().with(Parameter.CLIENT_AUTH, "client_secret_jwt").with(Parameter.SERVER_ID, "idp"),
                    module);

            StubHttpServer.Request request = server.requests("/oauth/token").get(0);
            Map<String, String> form = form(request);
            assertThat(request.header("Authorization")).isNull();
            assertThat(form).containsEntry("grant_type", "client_credentials")
                    .containsEntry("client_id", "hmac-client")
                    .containsEntry("client_assertion_type", ASSERTION_TYPE)
                    .doesNotContainKey("client_secret");
            assertThat(request.body()).doesNotContain(SECRET)
                    .doesNotContain(java.net.URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
            JwtVerifier.Jws jws = lastAssertion();
            assertThat(jws.alg()).isEqualTo("HS256");
            assertThat(jws.header()).containsEntry("typ", "JWT").doesNotContainKeys("x5t", "x5t#S256", "kid");
            assertThat(jws.signature()).isEqualTo(hmac("HmacSHA256", SECRET, jws.signingInput()));
            assertThat(jws.claims()).containsEntry("iss", "hmac-client").containsEntry("sub", "hmac-client")
                    .containsEntry("aud", server.url() + "/oauth/token");
            assertThat(jws.claim("jti").orElseThrow()).hasSizeGreaterThanOrEqualTo(16);
            long iat = jws.time("iat").orElseThrow();
            assertThat(iat).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond());
            assertThat(jws.time("exp").orElseThrow()).isGreaterThan(iat).isLessThanOrEqualTo(iat + 60);
            // A secret like the token: masked in CI before it is sent, and in no line.
            assertThat(module.masked()).contains(form.get("client_assertion"));
            assertThat(module.printed()).doesNotContain(SECRET, form.get("client_assertion"), "assertion-token-1");
        }

        @ParameterizedTest
        @CsvSource({"HS384, HmacSHA384", "HS512, HmacSHA512", "hs256, HmacSHA256"})
        void signingAlgorithmChoosesTheHmacAndTheSecretMayComeFromTheVariable(String algorithm, String mac)
                throws Exception {
            TestExecution module = module().env("OAUTH_CLIENT_ID", "env-client", "OAUTH_CLIENT_SECRET", LONG_SECRET);
            build.fetch(oauth2().with(Parameter.CLIENT_AUTH, "client_secret_jwt")
                    .with(Parameter.SIGNING_ALGORITHM, algorithm), module);

            JwtVerifier.Jws jws = lastAssertion();
            assertThat(jws.alg()).isEqualTo(algorithm.toUpperCase(java.util.Locale.ROOT));
            assertThat(jws.signature()).isEqualTo(hmac(mac, LONG_SECRET, jws.signingInput()));
            assertThat(jws.claims()).containsEntry("iss", "env-client");
            assertThat(lastForm()).containsEntry("client_id", "env-client");
        }

        @Test
        void everyRequestHasAnAssertionOfItsOwn() throws Exception {
            TestExecution module = module();
            MapParameters parameters = oauth2().with(Parameter.CLIENT_AUTH, "client_secret_jwt")
                    .with(Parameter.SERVER_ID, "idp");
            build.fetch(parameters, module);
            String first = lastAssertion().claim("jti").orElseThrow();
            build.fetch(parameters, module);

            assertThat(lastAssertion().claim("jti").orElseThrow()).isNotEqualTo(first);
        }

        @Test
        void aSecretTooShortForTheAlgorithmIsAConfigurationMistakeBeforeAnyRequest() {
            TestExecution module = module();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> build.fetch(oauth2()
                    .with(Parameter.CLIENT_AUTH, "client_secret_jwt").with(Parameter.SERVER_ID, "idp")
                    .with(Parameter.SIGNING_ALGORITHM, "HS512").with(Parameter.FAIL_ON_ERROR, false), module));

            assertThat(failure).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("HS512 needs a client secret of at least 64 bytes")
                    .hasMessageContaining("server 'idp' in settings.xml has 40 bytes")
                    .hasMessageContaining("Use HS256");
            assertThat(server.requests()).isEmpty();
            assertThat(module.printed(failure)).doesNotContain(SECRET);
        }

        @Test
        void parametersThatBelongToAKeyOrAnotherAlgorithmAreRefused() {
            assertThatThrownBy(() -> build.fetch(oauth2().with(Parameter.CLIENT_AUTH, "client_secret_jwt")
                    .with(Parameter.SERVER_ID, "idp").with(Parameter.SIGNING_ALGORITHM, "RS256"), module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("for client_secret_jwt")
                    .hasMessageContaining("HS256, HS384, HS512");
            assertThatThrownBy(() -> build.fetch(oauth2().with(Parameter.CLIENT_AUTH, "client_secret_jwt")
                    .with(Parameter.SERVER_ID, "idp").with(Parameter.KEY_STORE, rsa), module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("<keyStore>");
            assertThatThrownBy(() -> build.fetch(oauth2().with(Parameter.CLIENT_AUTH, "client_secret_jwt")
                    .with(Parameter.SERVER_ID, "idp").with(Parameter.ASSERTION_THUMBPRINT, "sha1"), module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("<assertionThumbprint>");
            assertThatThrownBy(() -> build.fetch(MapParameters.of().with(Parameter.PROVIDER, "genesys")
                    .with(Parameter.REGION, "eu_west_1").with(Parameter.CLIENT_AUTH, "client_secret_jwt"), module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Provider genesys cannot use <clientAuth> client_secret_jwt");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void aRefusalSaysWhatToCheckAndNeverTheSecret() {
            refusal = "{\"error\":\"invalid_client\"}";
            TestExecution module = module();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> build.fetch(oauth2()
                    .with(Parameter.CLIENT_AUTH, "client_secret_jwt").with(Parameter.SERVER_ID, "idp"), module));

            assertThat(failure).isInstanceOf(TokenException.class)
                    .hasMessageContaining("HTTP 401, error invalid_client")
                    .hasMessageContaining("HS256")
                    .hasMessageContaining("server 'idp' in settings.xml");
            assertThat(module.printed(failure)).doesNotContain(SECRET);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Nested
    class AssertionThumbprint {
        private MapParameters privateKeyJwt() {
            return oauth2().with(Parameter.CLIENT_AUTH, "private_key_jwt").with(Parameter.CLIENT_ID, "pk-client")
                    .with(Parameter.KEY_STORE, rsa).with(Parameter.KEY_STORE_SERVER_ID, "keys");
        }

        @Test
        void sha256IsTheDefault() throws Exception {
            build.fetch(privateKeyJwt(), module());

            assertThat(lastAssertion().header()).containsEntry("x5t#S256", thumbprint("SHA-256"))
                    .doesNotContainKey("x5t");
        }

        @Test
        void eachChoiceNamesTheCertificateAsAsked() throws Exception {
            build.fetch(privateKeyJwt().with(Parameter.ASSERTION_THUMBPRINT, "sha1"), module());
            assertThat(lastAssertion().header()).containsEntry("x5t", thumbprint("SHA-1"))
                    .doesNotContainKey("x5t#S256");

            build.fetch(privateKeyJwt().with(Parameter.ASSERTION_THUMBPRINT, "both"), module());
            assertThat(lastAssertion().header()).containsEntry("x5t", thumbprint("SHA-1"))
                    .containsEntry("x5t#S256", thumbprint("SHA-256"));

            build.fetch(privateKeyJwt().with(Parameter.ASSERTION_THUMBPRINT, "NONE"), module());
            assertThat(lastAssertion().header()).doesNotContainKeys("x5t", "x5t#S256");
            assertThat(lastAssertion().alg()).isEqualTo("RS256");
        }

        @Test
        void anUnknownChoiceOrOneWithoutAKeyIsAConfigurationMistake() {
            assertThatThrownBy(() -> build.fetch(privateKeyJwt().with(Parameter.ASSERTION_THUMBPRINT, "md5"),
                    module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Unknown <assertionThumbprint> 'md5'")
                    .hasMessageContaining("sha256, sha1, both, none");
            assertThatThrownBy(() -> build.fetch(oauth2().with(Parameter.SERVER_ID, "idp")
                    .with(Parameter.ASSERTION_THUMBPRINT, "none"), module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("<assertionThumbprint>")
                    .hasMessageContaining("private_key_jwt");
            assertThat(server.requests()).isEmpty();
        }

        @Test
        void anInvalidClientAnswerNamesTheThumbprintAmongWhatToCheck() {
            refusal = "{\"error\":\"invalid_client\"}";
            assertThatThrownBy(() -> build.fetch(privateKeyJwt(), module()))
                    .hasMessageContaining("HTTP 401, error invalid_client")
                    .hasMessageContaining("x5t#S256")
                    .hasMessageContaining("set <assertionThumbprint> to none");
            assertThatThrownBy(() -> build.fetch(privateKeyJwt().with(Parameter.ASSERTION_THUMBPRINT, "none"),
                    module()))
                    .hasMessageContaining("names no certificate thumbprint (<assertionThumbprint> none)");
        }
    }

    private static byte[] hmac(String algorithm, String secret, byte[] input) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return mac.doFinal(input);
    }
}
