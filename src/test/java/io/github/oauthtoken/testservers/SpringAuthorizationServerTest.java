package io.github.oauthtoken.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Spring Authorization Server of the tests against ../shared/PROTOCOLS.md ("More client authentication;
 * Spring Authorization Server"), with plain JDK HTTP and assertions made here by hand (none of the plugin's code):
 * each behaviour the plugin's features will rely on, and each refusal, so that an IT that passes against this server
 * means what it says.
 */
class SpringAuthorizationServerTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String PASSWORD = SecretlessServers.KEYSTORE_PASSWORD;

    @TempDir
    static Path dir;
    static SpringAuthorizationServer server;
    static PrivateCa ca;
    static KeyStore rsaStore;
    static KeyStore ecStore;
    static HttpClient plain;

    @BeforeAll
    static void start() throws Exception {
        ca = PrivateCa.create(dir.resolve("tls"));
        server = SpringAuthorizationServer.start(0, 0, dir.resolve("keys"), ca, dir.resolve("journal.txt"));
        System.out.println("[SpringAuthorizationServerTest] started in " + server.startTime().toMillis() + " ms");
        rsaStore = load(dir.resolve("keys").resolve(SpringAuthorizationServer.RSA_KEY_STORE));
        ecStore = load(dir.resolve("keys").resolve(SpringAuthorizationServer.EC_KEY_STORE));
        plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    record Reply(int status, String body) {
        Map<String, Object> json() throws Exception {
            return JSON.std.mapFrom(body);
        }
    }

    private static Reply post(HttpClient client, String url, String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static Reply token(String authorization, String form) throws Exception {
        return post(plain, server.issuer() + "/oauth2/token", authorization, form);
    }

    private static Reply get(String url) throws Exception {
        HttpResponse<String> response = plain.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** RFC 6749 2.3.1: each part form-encoded before the Base64. */
    private static String basic(String id, String secret) {
        return rawBasic(enc(id), enc(secret));
    }

    private static String rawBasic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A compact JWS signed here with the JDK: RS256, ES256 (P1363), or HS256/HS384/HS512 keyed by a secret's octets. */
    private static String jws(String alg, Object key, Map<String, Object> header, Map<String, Object> claims)
            throws Exception {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("alg", alg);
        full.putAll(header);
        String input = B64.encodeToString(JSON.std.asString(full).getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(JSON.std.asString(claims).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        if (alg.startsWith("HS")) {
            String jdk = "HmacSHA" + alg.substring(2);
            Mac mac = Mac.getInstance(jdk);
            mac.init(new SecretKeySpec(((String) key).getBytes(StandardCharsets.UTF_8), jdk));
            signature = mac.doFinal(bytes);
        } else {
            Signature signer = Signature.getInstance(alg.equals("ES256") ? "SHA256withECDSAinP1363Format"
                    : "SHA256withRSA");
            signer.initSign((PrivateKey) key);
            signer.update(bytes);
            signature = signer.sign();
        }
        return input + "." + B64.encodeToString(signature);
    }

    private static Map<String, Object> claims(String client, String audience) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", client);
        claims.put("sub", client);
        claims.put("aud", audience);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now);
        claims.put("exp", now + 60);
        return claims;
    }

    private static String assertionForm(String client, String assertion) {
        return "grant_type=client_credentials&client_id=" + enc(client) + "&client_assertion_type="
                + enc(ASSERTION_TYPE) + "&client_assertion=" + enc(assertion);
    }

    private static PrivateKey key(KeyStore store) throws Exception {
        return (PrivateKey) store.getKey(SpringAuthorizationServer.KEY_ALIAS, PASSWORD.toCharArray());
    }

    private static String thumbprint(KeyStore store, String digest) throws Exception {
        return B64.encodeToString(MessageDigest.getInstance(digest)
                .digest(store.getCertificate(SpringAuthorizationServer.KEY_ALIAS).getEncoded()));
    }

    /** 401 with the error code alone: Spring strips every description from client authentication failures. */
    private static void assertInvalidClient(Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.json()).isEqualTo(Map.of("error", "invalid_client"));
    }

    /**
     * No client authentication Spring recognises at all (no secret, no assertion, no certificate; a bare
     * {@code client_id} counts only with PKCE): its entry point answers 401 with an empty body, no JSON.
     */
    private static void assertUnauthenticated(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.body()).isEmpty();
    }

    private static void assertToken(Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsKey("access_token").containsEntry("token_type", "Bearer");
    }

    @Test
    void theDefaultClientGetsFiveMinuteTokensAnsweredAs299Seconds() throws Exception {
        Reply reply = token(basic(SpringAuthorizationServer.DEFAULT_CLIENT, SpringAuthorizationServer.DEFAULT_SECRET),
                "grant_type=client_credentials");

        assertToken(reply);
        assertThat(reply.json()).containsEntry("expires_in", 299).doesNotContainKey("scope")
                .doesNotContainKey("refresh_token");
        Map<String, Object> claims = SimulatorClient.claims((String) reply.json().get("access_token"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isEqualTo(300);
        assertThat(claims).containsEntry("iss", server.issuer()).containsEntry("sub",
                SpringAuthorizationServer.DEFAULT_CLIENT);
    }

    @Test
    void basicCredentialsAreFormDecodedSoARawPercentIsMalformedAndAWrongSecretIsABareInvalidClient()
            throws Exception {
        assertThat(SpringAuthorizationServer.DEFAULT_SECRET).contains("!", "&", "=", "+", "%", ":");
        Reply raw = token(rawBasic(SpringAuthorizationServer.DEFAULT_CLIENT, SpringAuthorizationServer.DEFAULT_SECRET),
                "grant_type=client_credentials");
        assertThat(raw.status()).as(raw.body()).isEqualTo(400);
        assertThat(raw.json()).isEqualTo(Map.of("error", "invalid_request"));

        assertInvalidClient(token(basic(SpringAuthorizationServer.DEFAULT_CLIENT, "wrong"),
                "grant_type=client_credentials"));
        // The secret in the form is a method this client was not registered for.
        assertInvalidClient(token(null, "grant_type=client_credentials&client_id="
                + SpringAuthorizationServer.DEFAULT_CLIENT + "&client_secret="
                + enc(SpringAuthorizationServer.DEFAULT_SECRET)));
    }

    @Test
    void clientSecretJwtIsAcceptedWithHs256AndHs512AndTheSecretNeverTravels() throws Exception {
        String hs256 = jws("HS256", SpringAuthorizationServer.HS256_SECRET, Map.of("typ", "JWT"),
                claims(SpringAuthorizationServer.HS256_CLIENT, server.issuer()));
        String form = assertionForm(SpringAuthorizationServer.HS256_CLIENT, hs256);
        assertThat(form).doesNotContain(SpringAuthorizationServer.HS256_SECRET)
                .doesNotContain(enc(SpringAuthorizationServer.HS256_SECRET));
        Reply reply = token(null, form);
        assertToken(reply);
        assertThat(reply.json()).containsEntry("expires_in", 299);

        // The audience may be the token endpoint as well as the issuer.
        assertToken(token(null, assertionForm(SpringAuthorizationServer.HS512_CLIENT, jws("HS512",
                SpringAuthorizationServer.HS512_SECRET, Map.of(), claims(SpringAuthorizationServer.HS512_CLIENT,
                        server.issuer() + "/oauth2/token")))));
    }

    @Test
    void clientSecretJwtRefusesAnotherAlgorithmAWrongSecretAnOtherAudienceAndAShortSecret() throws Exception {
        // The algorithm is the client's registered one, and no other.
        assertInvalidClient(token(null, assertionForm(SpringAuthorizationServer.HS512_CLIENT, jws("HS256",
                SpringAuthorizationServer.HS512_SECRET, Map.of(), claims(SpringAuthorizationServer.HS512_CLIENT,
                        server.issuer())))));
        assertInvalidClient(token(null, assertionForm(SpringAuthorizationServer.HS256_CLIENT, jws("HS256",
                SpringAuthorizationServer.HS256_SECRET + "x", Map.of(), claims(SpringAuthorizationServer.HS256_CLIENT,
                        server.issuer())))));
        assertInvalidClient(token(null, assertionForm(SpringAuthorizationServer.HS256_CLIENT, jws("HS256",
                SpringAuthorizationServer.HS256_SECRET, Map.of(), claims(SpringAuthorizationServer.HS256_CLIENT,
                        "https://elsewhere.example")))));
        // RFC 7518 3.2: a key shorter than the hash; Nimbus refuses to verify with it, whatever the signature.
        assertThat(SpringAuthorizationServer.SHORT_SECRET.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(32);
        assertInvalidClient(token(null, assertionForm(SpringAuthorizationServer.SHORT_SECRET_CLIENT, jws("HS256",
                SpringAuthorizationServer.SHORT_SECRET, Map.of(), claims(SpringAuthorizationServer.SHORT_SECRET_CLIENT,
                        server.issuer())))));
    }

    @Test
    void anAssertionWithoutClientIdIsAMalformedRequestAndAReplayedJtiIsNotChecked() throws Exception {
        String assertion = jws("HS256", SpringAuthorizationServer.HS256_SECRET, Map.of(),
                claims(SpringAuthorizationServer.HS256_CLIENT, server.issuer()));
        Reply noClientId = token(null, "grant_type=client_credentials&client_assertion_type=" + enc(ASSERTION_TYPE)
                + "&client_assertion=" + enc(assertion));
        assertThat(noClientId.status()).isEqualTo(400);
        assertThat(noClientId.json()).isEqualTo(Map.of("error", "invalid_request"));

        // Spring's default validators check iss, sub, aud, exp and nbf, not jti: the same assertion works twice.
        assertToken(token(null, assertionForm(SpringAuthorizationServer.HS256_CLIENT, assertion)));
        assertToken(token(null, assertionForm(SpringAuthorizationServer.HS256_CLIENT, assertion)));
    }

    @Test
    void aBareJwkRefusesAnAssertionNamingAnX5tS256AndAcceptsOneWithout() throws Exception {
        String client = SpringAuthorizationServer.BARE_RSA_CLIENT;
        assertInvalidClient(token(null, assertionForm(client, jws("RS256", key(rsaStore),
                Map.of("typ", "JWT", "x5t#S256", thumbprint(rsaStore, "SHA-256")), claims(client, server.issuer())))));
        assertToken(token(null, assertionForm(client, jws("RS256", key(rsaStore), Map.of("typ", "JWT"),
                claims(client, server.issuer())))));
        // Nimbus selects keys by x5t#S256 only: a SHA-1 x5t is not looked at.
        assertToken(token(null, assertionForm(client, jws("RS256", key(rsaStore),
                Map.of("x5t", thumbprint(rsaStore, "SHA-1")), claims(client, server.issuer())))));

        String ec = SpringAuthorizationServer.BARE_EC_CLIENT;
        assertInvalidClient(token(null, assertionForm(ec, jws("ES256", key(ecStore),
                Map.of("x5t#S256", thumbprint(ecStore, "SHA-256")), claims(ec, server.issuer())))));
        assertToken(token(null, assertionForm(ec, jws("ES256", key(ecStore), Map.of(), claims(ec, server.issuer())))));
        // A kid the JWK set does not have selects no key either.
        assertInvalidClient(token(null, assertionForm(ec, jws("ES256", key(ecStore), Map.of("kid", "it-client"),
                claims(ec, server.issuer())))));
    }

    @Test
    void aJwkWithItsCertificateAcceptsTheRightThumbprintAndRefusesAnother() throws Exception {
        String client = SpringAuthorizationServer.X5C_CLIENT;
        assertToken(token(null, assertionForm(client, jws("RS256", key(rsaStore),
                Map.of("typ", "JWT", "x5t#S256", thumbprint(rsaStore, "SHA-256")), claims(client, server.issuer())))));
        assertInvalidClient(token(null, assertionForm(client, jws("RS256", key(rsaStore),
                Map.of("x5t#S256", thumbprint(ecStore, "SHA-256")), claims(client, server.issuer())))));
    }

    private static HttpClient mutualTls(KeyStore clientKeys) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(clientKeys, PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(ca.trustStore());
        tls.init(clientKeys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static Reply mtlsToken(KeyStore clientKeys, String client) throws Exception {
        return post(mutualTls(clientKeys), server.httpsIssuer() + "/oauth2/token", null,
                "grant_type=client_credentials&client_id=" + enc(client));
    }

    @Test
    void tlsClientAuthAcceptsTheRegisteredSubjectAndRefusesAnotherOneAChainOfOneAndNone() throws Exception {
        KeyStore registered = load(dir.resolve("keys").resolve(SpringAuthorizationServer.MTLS_KEY_STORE));
        KeyStore other = load(dir.resolve("keys").resolve(SpringAuthorizationServer.OTHER_KEY_STORE));
        assertThat(registered.getCertificateChain(SpringAuthorizationServer.KEY_ALIAS)).hasSize(2);

        Reply accepted = mtlsToken(registered, SpringAuthorizationServer.MTLS_CLIENT);
        assertToken(accepted);
        assertThat(accepted.json()).containsEntry("expires_in", 299);
        assertThat(SimulatorClient.claims((String) accepted.json().get("access_token")))
                .containsEntry("iss", server.httpsIssuer());

        assertInvalidClient(mtlsToken(other, SpringAuthorizationServer.MTLS_CLIENT));
        // The same certificate without its CA above it: Spring takes a chain of one for self_signed_tls_client_auth,
        // which this client is not registered for.
        KeyStore leafOnly = KeyStore.getInstance("PKCS12");
        leafOnly.load(null, null);
        leafOnly.setKeyEntry(SpringAuthorizationServer.KEY_ALIAS, registered.getKey(SpringAuthorizationServer.KEY_ALIAS,
                PASSWORD.toCharArray()), PASSWORD.toCharArray(), new Certificate[] {
                    registered.getCertificate(SpringAuthorizationServer.KEY_ALIAS)});
        assertInvalidClient(mtlsToken(leafOnly, SpringAuthorizationServer.MTLS_CLIENT));
        // No certificate: the handshake succeeds (the server only wants one), the client is unauthenticated.
        assertUnauthenticated(mtlsToken(null, SpringAuthorizationServer.MTLS_CLIENT));
        assertThat(((X509Certificate) registered.getCertificate(SpringAuthorizationServer.KEY_ALIAS))
                .getSubjectX500Principal().getName()).isEqualTo("CN=it-spring-mtls,O=oauth-token-maven-plugin tests");
    }

    private static String opaqueToken() throws Exception {
        Reply reply = token(basic(SpringAuthorizationServer.OPAQUE_CLIENT, SpringAuthorizationServer.OPAQUE_SECRET),
                "grant_type=client_credentials");
        assertToken(reply);
        assertThat(reply.json()).containsEntry("expires_in", 299);
        String token = (String) reply.json().get("access_token");
        assertThat(token).doesNotContain(".");
        return token;
    }

    private static Reply introspect(String authorization, String form) throws Exception {
        return post(plain, server.issuer() + "/oauth2/introspect", authorization, form);
    }

    private static Reply revoke(String authorization, String form) throws Exception {
        return post(plain, server.issuer() + "/oauth2/revoke", authorization, form);
    }

    @Test
    void opaqueTokensAreIntrospectedByAnyClientAndRevokedOnlyByTheirOwnByBasicPostOrAssertion() throws Exception {
        String owner = basic(SpringAuthorizationServer.OPAQUE_CLIENT, SpringAuthorizationServer.OPAQUE_SECRET);
        String token = opaqueToken();
        Reply active = introspect(owner, "token=" + enc(token));
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json()).containsEntry("active", true)
                .containsEntry("client_id", SpringAuthorizationServer.OPAQUE_CLIENT).containsKey("exp");
        Reply byAnother = introspect(basic(SpringAuthorizationServer.DEFAULT_CLIENT,
                SpringAuthorizationServer.DEFAULT_SECRET), "token=" + enc(token));
        assertThat(byAnother.json()).containsEntry("active", true);
        assertInvalidClient(introspect(basic(SpringAuthorizationServer.OPAQUE_CLIENT, "wrong"), "token=" + enc(token)));

        Reply notTheOwner = revoke(basic(SpringAuthorizationServer.DEFAULT_CLIENT,
                SpringAuthorizationServer.DEFAULT_SECRET), "token=" + enc(token));
        assertThat(notTheOwner.status()).as(notTheOwner.body()).isEqualTo(400);
        assertThat(notTheOwner.json()).isEqualTo(Map.of("error", "invalid_client"));
        assertThat(introspect(owner, "token=" + enc(token)).json()).containsEntry("active", true);

        assertThat(revoke(owner, "token=" + enc(token)).status()).isEqualTo(200);
        assertThat(introspect(owner, "token=" + enc(token)).json()).isEqualTo(Map.of("active", false));

        String byPost = opaqueToken();
        assertThat(revoke(null, "token=" + enc(byPost) + "&client_id=" + SpringAuthorizationServer.OPAQUE_CLIENT
                + "&client_secret=" + enc(SpringAuthorizationServer.OPAQUE_SECRET)).status()).isEqualTo(200);
        assertThat(introspect(owner, "token=" + enc(byPost)).json()).containsEntry("active", false);

        String byAssertion = opaqueToken();
        String assertion = jws("RS256", key(rsaStore), Map.of("x5t#S256", thumbprint(rsaStore, "SHA-256")),
                claims(SpringAuthorizationServer.OPAQUE_CLIENT, server.issuer() + "/oauth2/revoke"));
        assertThat(revoke(null, "token=" + enc(byAssertion) + "&" + assertionForm(SpringAuthorizationServer.OPAQUE_CLIENT,
                assertion).replace("grant_type=client_credentials&", "")).status()).isEqualTo(200);
        assertThat(introspect(owner, "token=" + enc(byAssertion)).json()).containsEntry("active", false);
        // Revoking what is unknown (or already revoked) is no error (RFC 7009 2.2).
        assertThat(revoke(owner, "token=not-a-token").status()).isEqualTo(200);
    }

    @Test
    void tokenExchangeTakesTheUsersTokenFromAClientWithASecretAndNotFromOneWithout() throws Exception {
        String form = "grant_type=" + enc("urn:ietf:params:oauth:grant-type:token-exchange") + "&subject_token="
                + enc(server.userToken()) + "&subject_token_type=" + enc("urn:ietf:params:oauth:token-type:jwt");
        Reply exchanged = token(basic(SpringAuthorizationServer.EXCHANGE_CLIENT,
                SpringAuthorizationServer.EXCHANGE_SECRET), form);
        assertToken(exchanged);
        assertThat(exchanged.json()).containsEntry("issued_token_type",
                "urn:ietf:params:oauth:token-type:access_token").containsEntry("expires_in", 299);
        assertThat(SimulatorClient.claims((String) exchanged.json().get("access_token")))
                .containsEntry("sub", SpringAuthorizationServer.USER);

        // What the plugin sends today with identityToken and no clientAuth: client_id alone.
        assertUnauthenticated(token(null, form + "&client_id=" + SpringAuthorizationServer.EXCHANGE_CLIENT));
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoveryListsTheClientAuthenticationMethodsAndEndpoints() throws Exception {
        for (String document : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
            Reply reply = get(server.issuer() + document);
            assertThat(reply.status()).as(document).isEqualTo(200);
            Map<String, Object> metadata = reply.json();
            assertThat(metadata).containsEntry("issuer", server.issuer())
                    .containsEntry("token_endpoint", server.issuer() + "/oauth2/token")
                    .containsEntry("introspection_endpoint", server.issuer() + "/oauth2/introspect")
                    .containsEntry("revocation_endpoint", server.issuer() + "/oauth2/revoke");
            assertThat((List<Object>) metadata.get("token_endpoint_auth_methods_supported")).contains("client_secret_basic",
                    "client_secret_post", "client_secret_jwt", "private_key_jwt", "tls_client_auth",
                    "self_signed_tls_client_auth");
        }
    }

    @Test
    void everyIssuedTokenAndReceivedAssertionIsJournaledAndRequestsAreCounted() throws Exception {
        String assertion = jws("HS256", SpringAuthorizationServer.HS256_SECRET, Map.of(),
                claims(SpringAuthorizationServer.HS256_CLIENT, server.issuer()));
        int before = Integer.parseInt(get(server.issuer() + "/__requests?client="
                + SpringAuthorizationServer.HS256_CLIENT).body());
        Reply reply = token(null, assertionForm(SpringAuthorizationServer.HS256_CLIENT, assertion));
        assertToken(reply);

        List<String> journal = Files.readAllLines(dir.resolve("journal.txt"));
        assertThat(journal).contains(assertion, (String) reply.json().get("access_token"), server.userToken());
        assertThat(get(server.issuer() + "/__requests?client=" + SpringAuthorizationServer.HS256_CLIENT).body())
                .isEqualTo(String.valueOf(before + 1));
    }
}
