package io.github.oauthtoken.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAuthenticationTest {
    private static final URI TOKEN_URI = URI.create("https://idp.example/oauth/token");
    private final Redactor redactor = new Redactor();

    private HttpCall apply(ClientAuthentication auth, String id, String secret) throws TokenException {
        return auth.apply("token request", TOKEN_URI, new FormBody().add("grant_type", "client_credentials"),
                new ClientCredentials(id, Secret.of(secret), "test"), redactor);
    }

    private static String decodedBasic(HttpCall call) {
        String header = call.headers().get("Authorization");
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
    }

    // --- parse ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"basic", "BASIC", "client_secret_basic", " Client_Secret_Basic "})
    void basicHasTwoSpellings(String value) throws TokenException {
        assertThat(ClientAuthentication.parse(value)).isEqualTo(ClientAuthentication.BASIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"post", "POST", "client_secret_post", " Client_Secret_Post"})
    void postHasTwoSpellings(String value) throws TokenException {
        assertThat(ClientAuthentication.parse(value)).isEqualTo(ClientAuthentication.POST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwt", "self_signed_tls_client_auth", "identity_token_assertion", "basic,post"})
    void anUnknownMethodListsTheValidOnes(String value) {
        assertThatThrownBy(() -> ClientAuthentication.parse(" " + value + " "))
                .isInstanceOf(TokenException.class)
                .hasMessage("Unknown <clientAuth> '" + value + "'. Valid values: basic (HTTP Basic, the default), post "
                        + "(id and secret in the form body), client_secret_jwt (an assertion signed with the client "
                        + "secret, which is not sent), private_key_jwt (an assertion signed with the key in "
                        + "<keyStore>), tls_client_auth (the certificate in <keyStore>, presented in the TLS handshake) "
                        + "and none (only the client id).");
    }

    @Test
    void privateKeyJwtAndNoneAreUserValues() throws TokenException {
        assertThat(ClientAuthentication.parse(" Private_Key_JWT ")).isEqualTo(ClientAuthentication.PRIVATE_KEY_JWT);
        assertThat(ClientAuthentication.parse("none")).isEqualTo(ClientAuthentication.NONE);
    }

    @Test
    void clientSecretJwtNeedsTheSecretButNeverSendsItAndTlsClientAuthNeedsTheKeyStore() throws TokenException {
        ClientAuthentication secretJwt = ClientAuthentication.parse("Client_Secret_JWT");
        ClientAuthentication tls = ClientAuthentication.parse(" tls_client_auth ");

        assertThat(secretJwt).isEqualTo(ClientAuthentication.CLIENT_SECRET_JWT);
        assertThat(secretJwt.needsSecret()).isTrue();
        assertThat(secretJwt.sendsSecret()).isFalse();
        assertThat(secretJwt.usesKeyStore()).isFalse();
        assertThat(tls).isEqualTo(ClientAuthentication.TLS_CLIENT_AUTH);
        assertThat(tls.needsSecret()).isFalse();
        assertThat(tls.usesKeyStore()).isTrue();
        assertThat(tls.id()).isEqualTo("tls_client_auth");
    }

    @Test
    void tlsClientAuthSendsTheClientIdAndNothingElse() throws TokenException {
        FormBody form = new FormBody().add("grant_type", "client_credentials");
        HttpCall call = ClientAuthentication.TLS_CLIENT_AUTH.apply("token request", URI.create("https://idp/token"),
                form, new ClientCredentials("mtls-client", null, "<clientId>"), new Redactor());

        assertThat(call.headers()).doesNotContainKey("Authorization");
        assertThat(form.encode()).isEqualTo("grant_type=client_credentials&client_id=mtls-client");
    }

    @Test
    void anAssertionGoesIntoTheFormWithItsTypeAndTheClientId() throws TokenException {
        java.util.List<String> audiences = new java.util.ArrayList<>();
        io.github.oauthtoken.core.jwt.ClientAssertions assertions =
                new io.github.oauthtoken.core.jwt.ClientAssertions() {
                    @Override
                    public Secret next(String audience) {
                        audiences.add(audience);
                        return Secret.of("eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
                    }

                    @Override
                    public String origin() {
                        return "test";
                    }

                    @Override
                    public String refusalAdvice() {
                        return "check";
                    }
                };
        HttpCall call = ClientAuthentication.PRIVATE_KEY_JWT.apply("token request", TOKEN_URI,
                new FormBody().add("grant_type", "client_credentials"),
                new ClientCredentials("my-client", null, "<clientId>", assertions), redactor, "https://idp.example");

        assertThat(call.headers()).doesNotContainKey("Authorization");
        assertThat(call.body()).isEqualTo("grant_type=client_credentials&client_id=my-client&client_assertion_type="
                + "urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                + "&client_assertion=eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(audiences).containsExactly("https://idp.example");
    }

    @Test
    void noneSendsOnlyTheClientIdAndNothingWithoutOne() throws TokenException {
        assertThat(ClientAuthentication.NONE.apply("token request", TOKEN_URI, new FormBody().add("grant_type", "x"),
                new ClientCredentials("pub", null, "<clientId>"), redactor).body()).isEqualTo("grant_type=x&client_id=pub");
        assertThat(ClientAuthentication.NONE.apply("token request", TOKEN_URI, new FormBody().add("grant_type", "x"),
                new ClientCredentials(null, null, "no client id"), redactor).body()).isEqualTo("grant_type=x");
    }

    // --- basic (RFC 6749 section 2.3.1) ---------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // id | secret | what goes into Base64
            "genesys-client-1 | Genesys_Secret-2 | genesys-client-1:Genesys_Secret-2",
            "id:with:colons | plain | id%3Awith%3Acolons:plain",
            "app | s+cr%t e | app:s%2Bcr%25t+e",
            "app | a/b=c&d | app:a%2Fb%3Dc%26d",
            "id with space | é€ | id+with+space:%C3%A9%E2%82%AC"})
    void idAndSecretAreEachFormEncodedBeforeJoiningAndBase64(String id, String secret, String pair)
            throws TokenException {
        HttpCall call = apply(ClientAuthentication.BASIC, id, secret);

        assertThat(decodedBasic(call)).isEqualTo(pair);
        // What a server does (RFC 6749 2.3.1): split at the first ':' (ids cannot contain a raw one), form-decode each.
        String[] parts = decodedBasic(call).split(":", 2);
        assertThat(URLDecoder.decode(parts[0], StandardCharsets.UTF_8)).isEqualTo(id);
        assertThat(URLDecoder.decode(parts[1], StandardCharsets.UTF_8)).isEqualTo(secret);
    }

    @Test
    void basicLeavesTheFormAloneAndMasksTheHeaderItBuilt() throws TokenException {
        HttpCall call = apply(ClientAuthentication.BASIC, "id:with colon", "s+cr%t é");

        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.uri()).isEqualTo(TOKEN_URI);
        assertThat(call.purpose()).isEqualTo("token request");
        assertThat(call.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(call.body()).isEqualTo("grant_type=client_credentials");
        assertThat(decodedBasic(call)).isEqualTo("id%3Awith+colon:s%2Bcr%25t+%C3%A9");
        assertThat(redactor.redact(call.headers().get("Authorization"))).isEqualTo("Basic ****");
        assertThat(redactor.redact("pair id%3Awith+colon:s%2Bcr%25t+%C3%A9")).isEqualTo("pair ****");
    }

    // --- post -----------------------------------------------------------------------------------------------

    @Test
    void postPutsIdAndSecretFormEncodedInTheBodyAndSendsNoAuthorizationHeader() throws TokenException {
        HttpCall call = apply(ClientAuthentication.POST, "my:id", "s+cr%t e");

        assertThat(call.headers()).doesNotContainKey("Authorization");
        assertThat(call.body()).isEqualTo("grant_type=client_credentials&client_id=my%3Aid&client_secret=s%2Bcr%25t+e");
        assertThat(call.contentType()).isEqualTo("application/x-www-form-urlencoded");
    }
}
