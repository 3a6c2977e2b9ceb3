package io.github.oauthtoken.testservers;

import static io.github.oauthtoken.testservers.SimulatorClient.call;
import static io.github.oauthtoken.testservers.SimulatorClient.claims;
import static io.github.oauthtoken.testservers.SimulatorClient.postForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.oauthtoken.testservers.AssertionOAuthServer.FederatedCredential;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secretless simulators against ../shared/PROTOCOLS.md, with assertions made here by hand: the CI issuer's
 * endpoints and tokens, and that the OAuth server refuses what a real one refuses (a replayed jti, a wrong audience,
 * an expired assertion, an unknown kid, a DER-encoded ES256 signature, an untrusted issuer), so that a plugin test
 * that passes against it means something.
 */
class SecretlessSimulatorsTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PASSWORD = "simulator-PASS-2";

    @TempDir
    static Path dir;
    static CiIdentityIssuer ci;
    static AssertionOAuthServer server;
    static PrivateKey rsaKey;
    static PrivateKey ecKey;

    @BeforeAll
    static void start() throws Exception {
        Path rsa = TestKeyStores.create(dir.resolve("rsa.p12"), "PKCS12", KeyKind.RSA, "k", PASSWORD);
        Path ec = TestKeyStores.create(dir.resolve("ec.p12"), "PKCS12", KeyKind.EC, "k", PASSWORD);
        KeyStore rsaStore = load(rsa);
        KeyStore ecStore = load(ec);
        rsaKey = (PrivateKey) rsaStore.getKey("k", PASSWORD.toCharArray());
        ecKey = (PrivateKey) ecStore.getKey("k", PASSWORD.toCharArray());
        ci = new CiIdentityIssuer(0, null);
        server = new AssertionOAuthServer(0, null)
                .keyClient("rsa-client", (X509Certificate) rsaStore.getCertificate("k"), null)
                .keyClient("ec-client", (X509Certificate) ecStore.getCertificate("k"), "ec-kid")
                .federatedClient("app", new FederatedCredential(ci.issuer("github"), CiIdentityIssuer.GITHUB_SUBJECT,
                        CiIdentityIssuer.AZURE_AUDIENCE))
                .trustIssuer(ci.issuer("github"), false)
                .trustIssuer(ci.issuer("gitlab"), true);
    }

    @AfterAll
    static void stop() {
        server.close();
        ci.close();
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String jws(String jdkAlgorithm, String alg, PrivateKey key, Map<String, Object> header,
            Map<String, Object> claims) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> fullHeader = new LinkedHashMap<>(Map.of("alg", alg));
        fullHeader.putAll(header);
        String input = b64.encodeToString(JSON.std.asString(fullHeader).getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(JSON.std.asString(claims).getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance(jdkAlgorithm);
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(signature.sign());
    }

    private static Map<String, Object> clientClaims(String client, Object aud, long expIn) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", client);
        claims.put("sub", client);
        claims.put("aud", aud);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now + expIn);
        return claims;
    }

    private static SimulatorClient.Reply clientCredentials(String client, String assertion) throws Exception {
        return postForm(server.tokenEndpoint(), null, FORM, "grant_type=client_credentials&client_id=" + client
                + "&client_assertion_type=" + enc(AssertionOAuthServer.ASSERTION_TYPE) + "&client_assertion="
                + enc(assertion));
    }

    private static SimulatorClient.Reply jwtBearer(String assertion) throws Exception {
        return postForm(server.tokenEndpoint(), null, FORM, "grant_type=" + enc(AssertionOAuthServer.JWT_BEARER)
                + "&assertion=" + enc(assertion));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String githubToken(String audience) throws Exception {
        SimulatorClient.Reply reply = call("GET", ci.githubRequestUrl() + "&audience=" + enc(audience),
                "bearer " + CiIdentityIssuer.GITHUB_REQUEST_TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        return (String) reply.json().get("value");
    }

    @Test
    void aGoodPrivateKeyJwtIsAcceptedOnceAndItsReplayRefused() throws Exception {
        String assertion = jws("SHA256withRSA", "RS256", rsaKey, Map.of("typ", "JWT"),
                clientClaims("rsa-client", server.tokenEndpoint(), 60));

        assertThat(clientCredentials("rsa-client", assertion).status()).isEqualTo(200);
        SimulatorClient.Reply replay = clientCredentials("rsa-client", assertion);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json()).containsEntry("error", "invalid_client")
                .containsEntry("error_description", "Token reuse detected");
    }

    @Test
    void aWrongAudienceAnExpiredAssertionAndAnUnknownKidAreRefused() throws Exception {
        assertThat(clientCredentials("rsa-client", jws("SHA256withRSA", "RS256", rsaKey, Map.of(),
                clientClaims("rsa-client", "https://elsewhere.example", 60))).json().get("error_description"))
                .asString().startsWith("Invalid audience");
        assertThat(clientCredentials("rsa-client", jws("SHA256withRSA", "RS256", rsaKey, Map.of(),
                clientClaims("rsa-client", server.issuer(), -60))).json().get("error_description"))
                .asString().startsWith("Token is not active");
        assertThat(clientCredentials("ec-client", jws("SHA256withECDSAinP1363Format", "ES256", ecKey,
                Map.of("kid", "some-alias"), clientClaims("ec-client", server.issuer(), 60))).json()
                .get("error_description")).isEqualTo("Unable to find the public key for kid some-alias");
        assertThat(clientCredentials("ec-client", jws("SHA256withECDSAinP1363Format", "ES256", ecKey,
                Map.of("kid", "ec-kid"), clientClaims("ec-client", server.issuer(), 60))).status()).isEqualTo(200);
    }

    @Test
    void anEs256SignatureInDerFormIsRefusedAsJoseServersRefuseIt() throws Exception {
        SimulatorClient.Reply reply = clientCredentials("ec-client", jws("SHA256withECDSA", "ES256", ecKey,
                Map.of(), clientClaims("ec-client", server.issuer(), 60)));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json()).containsEntry("error_description", "Invalid signature of the client assertion");
    }

    @Test
    void theGithubEndpointNeedsItsRequestTokenAndIssuesForTheAudienceAskedFor() throws Exception {
        assertThat(call("GET", ci.githubRequestUrl(), "bearer wrong").status()).isEqualTo(401);
        Map<String, Object> claims = claims(githubToken("api://AzureADTokenExchange"));
        assertThat(claims).containsEntry("iss", ci.issuer("github")).containsEntry("sub", CiIdentityIssuer.GITHUB_SUBJECT)
                .containsEntry("aud", "api://AzureADTokenExchange").containsKeys("jti", "repository", "ref", "exp");
        Map<String, Object> defaults = claims((String) call("GET", ci.githubRequestUrl(),
                "bearer " + CiIdentityIssuer.GITHUB_REQUEST_TOKEN).json().get("value"));
        assertThat(defaults).containsEntry("aud", "https://github.com/it-org");
    }

    @Test
    void theAzureEndpointNeedsApiVersionServiceConnectionAndTheAccessToken() throws Exception {
        String base = ci.azureRequestUri();
        assertThat(postForm(base + "?api-version=7.1&serviceConnectionId=sc", "Bearer wrong", "application/json", "")
                .status()).isEqualTo(401);
        assertThat(postForm(base + "?serviceConnectionId=sc", "Bearer " + CiIdentityIssuer.AZURE_ACCESS_TOKEN,
                "application/json", "").status()).isEqualTo(400);
        SimulatorClient.Reply reply = postForm(base + "?api-version=7.1&serviceConnectionId=sc",
                "Bearer " + CiIdentityIssuer.AZURE_ACCESS_TOKEN, "application/json", "");
        assertThat(claims((String) reply.json().get("oidcToken"))).containsEntry("aud", "api://AzureADTokenExchange")
                .containsEntry("sub", "sc://it-org/it-project/sc");
    }

    @Test
    void aJwtBearerGrantChecksSignatureAudienceExpiryAndReuse() throws Exception {
        String token = githubToken(server.issuer());
        assertThat(jwtBearer(token).status()).isEqualTo(200);
        assertThat(jwtBearer(token).json()).containsEntry("error", "invalid_grant")
                .containsEntry("error_description", "Token reuse detected");
        assertThat(jwtBearer(githubToken("https://other.example")).json().get("error_description")).asString()
                .startsWith("Invalid token audience");
        String tampered = githubToken(server.issuer());
        tampered = tampered.substring(0, tampered.length() - 4) + (tampered.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(jwtBearer(tampered).json()).containsEntry("error_description", "Invalid token signature");
        assertThat(jwtBearer(ci.gitLabToken(server.issuer(), Duration.ofSeconds(-60))).json())
                .containsEntry("error_description", "Token is not active");
        // GitLab's issuer allows reuse: one id_tokens token serves every step of a job.
        String gitlab = ci.gitLabToken(server.issuer(), Duration.ofMinutes(5));
        assertThat(jwtBearer(gitlab).status()).isEqualTo(200);
        assertThat(jwtBearer(gitlab).status()).isEqualTo(200);
        String untrusted = jws("SHA256withRSA", "RS256", rsaKey, Map.of(), clientClaims("someone", server.issuer(), 60));
        assertThat(jwtBearer(untrusted).json().get("error_description")).asString()
                .startsWith("No identity provider for the token's issuer");
    }

    @Test
    void aFederatedClientAssertionMustMatchIssuerSubjectAndAudienceAsEntraIdSays() throws Exception {
        assertThat(clientCredentials("app", githubToken(CiIdentityIssuer.AZURE_AUDIENCE)).status()).isEqualTo(200);
        SimulatorClient.Reply mismatch = clientCredentials("app", githubToken("api://other"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json()).containsEntry("error", "invalid_request");
        assertThat((String) mismatch.json().get("error_description")).startsWith("AADSTS70021: No matching federated "
                + "identity record found for presented assertion.").contains("Assertion Audience: 'api://other'");
        SimulatorClient.Reply unknown = clientCredentials("nobody", githubToken(CiIdentityIssuer.AZURE_AUDIENCE));
        assertThat(unknown.json()).containsEntry("error", "unauthorized_client");
        assertThat((String) unknown.json().get("error_description")).startsWith("AADSTS700016");
    }
}
