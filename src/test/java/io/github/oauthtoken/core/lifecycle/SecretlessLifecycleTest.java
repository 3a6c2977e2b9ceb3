package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.ci.RecordingConsole;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.testservers.AssertionOAuthServer.FederatedCredential;
import io.github.oauthtoken.testservers.AssertionOAuthServer;
import io.github.oauthtoken.testservers.CiIdentityIssuer;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import io.github.oauthtoken.testservers.TestKeyStores;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a stored secret, through the entry the goals use: private_key_jwt and CI identity tokens in each
 * presentation, against a server that verifies every assertion (signature, audience, expiry, jti) and a loopback CI
 * identity issuer. Each test searches everything the plugin printed for every secret it saw, unredacted.
 */
class SecretlessLifecycleTest {
    private static final String STORE_PASSWORD = "secretless-store-PASS-5";
    private static final String UNUSED_SECRET = "never-read-SECRET-9";
    /** The secret of a confidential client of the JWT bearer grant and token exchange. */
    private static final String CLIENT_SECRET = "grant-client-SECRET-!&=+%:-2";

    @TempDir
    static Path dir;
    static Path journal;
    static CiIdentityIssuer ci;
    static AssertionOAuthServer server;
    static Path rsa;
    static Path ec;
    static Path stranger;

    @BeforeAll
    static void start() throws Exception {
        journal = dir.resolve("journal.txt");
        rsa = TestKeyStores.create(dir.resolve("rsa.p12"), "PKCS12", KeyKind.RSA, "ci", STORE_PASSWORD);
        ec = TestKeyStores.create(dir.resolve("ec.p12"), "PKCS12", KeyKind.EC, "ci", STORE_PASSWORD);
        stranger = TestKeyStores.create(dir.resolve("stranger.p12"), "PKCS12", KeyKind.RSA, "ci", STORE_PASSWORD);
        ci = new CiIdentityIssuer(0, journal);
        server = new AssertionOAuthServer(0, journal)
                .keyClient("pk-rsa", certificate(rsa), null)
                .keyClient("pk-ec", certificate(ec), "kc-ec-key")
                .federatedClient("entra-app", new FederatedCredential(ci.issuer("github"),
                        CiIdentityIssuer.GITHUB_SUBJECT, CiIdentityIssuer.AZURE_AUDIENCE))
                .federatedClient("entra-app", new FederatedCredential(ci.issuer("azure"),
                        "sc://it-org/it-project/sc-1", CiIdentityIssuer.AZURE_AUDIENCE))
                .trustIssuer(ci.issuer("github"), false)
                .trustIssuer(ci.issuer("gitlab"), true)
                .trustIssuer(ci.issuer("azure"), false, CiIdentityIssuer.AZURE_AUDIENCE)
                .secretClient("grant-app", CLIENT_SECRET);
    }

    @AfterAll
    static void stop() {
        server.close();
        ci.close();
    }

    private static X509Certificate certificate(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, STORE_PASSWORD.toCharArray());
        }
        return (X509Certificate) keyStore.getCertificate("ci");
    }

    private final TokenLifecycle service = new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC());

    private static MapParameters oauth2() {
        return MapParameters.of().with(Parameter.PROVIDER, "oauth2").with(Parameter.RETRIES, 0)
                .with(Parameter.CACHE, "none");
    }

    private static TestExecution module() {
        return new TestExecution("it:secretless:1").server("keys", null, STORE_PASSWORD)
                .env("OAUTH_CLIENT_SECRET", UNUSED_SECRET);
    }

    /**
     * A module with no client secret anywhere: with an identity token as the grant, a secret that is configured is
     * used (Basic), so the tests of a public client have none.
     */
    private static TestExecution noStoredSecret(TestExecution module) {
        module.env.remove("OAUTH_CLIENT_SECRET");
        return module;
    }

    private static TestExecution github(String requestToken) {
        return module().env("GITHUB_ACTIONS", "true", "ACTIONS_ID_TOKEN_REQUEST_URL", ci.githubRequestUrl(),
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken);
    }

    /** The tokens, identity tokens and assertions the servers issued or received, and the fixtures' secrets. */
    private static List<String> secrets() throws Exception {
        List<String> secrets = new ArrayList<>(Files.exists(journal) ? Files.readAllLines(journal) : List.of());
        secrets.addAll(List.of(STORE_PASSWORD, UNUSED_SECRET, CLIENT_SECRET, CiIdentityIssuer.GITHUB_REQUEST_TOKEN,
                CiIdentityIssuer.AZURE_ACCESS_TOKEN, CiIdentityIssuer.EXPIRED_REQUEST_TOKEN));
        return secrets;
    }

    private static void assertNoSecretIn(String text) throws Exception {
        for (String secret : secrets()) {
            assertThat(text).as("a secret in the output").doesNotContain(secret);
        }
    }

    @Nested
    class PrivateKeyJwt {
        @Test
        void rs256WithDiscoveryHasTheIssuerAsAudienceAndNeedsNoSecret() throws Exception {
            TestExecution module = module();
            service.fetch(oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt").with(Parameter.CLIENT_ID, "pk-rsa")
                    .with(Parameter.KEY_STORE, rsa).with(Parameter.KEY_STORE_SERVER_ID, "keys"), module);

            assertThat(module.properties.getProperty("oauth.token")).startsWith("it-secretless-");
            AssertionOAuthServer.Seen seen = server.seen().get(server.seen().size() - 1);
            assertThat(seen.client()).isEqualTo("pk-rsa");
            assertThat(seen.alg()).isEqualTo("RS256");
            assertThat(seen.assertionAudience()).isEqualTo(server.issuer());
            assertNoSecretIn(module.printed());
        }

        @Test
        void ps256WithATokenUrlHasTheTokenEndpointAsAudience() throws Exception {
            TestExecution module = module().env("OAUTH_CLIENT_ID", "pk-rsa");
            service.fetch(oauth2().with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt")
                    .with(Parameter.SIGNING_ALGORITHM, "PS256").with(Parameter.KEY_STORE, rsa)
                    .with(Parameter.KEY_STORE_SERVER_ID, "keys"), module);

            AssertionOAuthServer.Seen seen = server.seen().get(server.seen().size() - 1);
            assertThat(seen.alg()).isEqualTo("PS256");
            assertThat(seen.assertionAudience()).isEqualTo(server.tokenEndpoint());
            assertNoSecretIn(module.printed());
        }

        @Test
        void es256WithTheServersKeyIdAndEachRequestItsOwnAssertion() throws Exception {
            TestExecution module = module();
            MapParameters parameters = oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt")
                    .with(Parameter.CLIENT_ID, "pk-ec").with(Parameter.KEY_STORE, ec)
                    .with(Parameter.KEY_STORE_SERVER_ID, "keys").with(Parameter.KEY_ID, "kc-ec-key");
            service.fetch(parameters, module);
            // cache=none: a second token, with a second assertion the server must not take for a replay.
            service.fetch(parameters, module);

            assertThat(server.seen()).filteredOn(s -> "pk-ec".equals(s.client())).hasSize(2)
                    .allMatch(s -> s.alg().equals("ES256"));
            assertNoSecretIn(module.printed());
        }

        @Test
        void revocationAuthenticatesWithANewAssertionToo() throws Exception {
            TestExecution module = module();
            MapParameters parameters = oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt")
                    .with(Parameter.CLIENT_ID, "pk-rsa").with(Parameter.KEY_STORE, rsa)
                    .with(Parameter.KEY_STORE_SERVER_ID, "keys");
            service.fetch(parameters, module);
            String token = module.properties.getProperty("oauth.token");

            service.revoke(parameters, module);

            assertThat(server.revocations()).contains(token);
            assertThat(module.log.all()).contains("Revoked the oauth2 token");
            assertNoSecretIn(module.printed());
        }

        @Test
        void aKeyIdTheServerDoesNotKnowIsRefusedWithTheServersWordsAndWhatToCheck() throws Exception {
            TestExecution module = module();
            Throwable failure = catchFailure(() -> service.fetch(oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt").with(Parameter.CLIENT_ID, "pk-rsa")
                    .with(Parameter.KEY_STORE, rsa).with(Parameter.KEY_STORE_SERVER_ID, "keys")
                    .with(Parameter.KEY_ID, "my-alias"), module));

            assertThat(failure).hasMessageContaining("HTTP 401, error invalid_client (Unable to find the public key "
                    + "for kid my-alias)")
                    .hasMessageContaining("that <keyId> my-alias is the server's id of the key")
                    .hasMessageContaining("clock");
            assertNoSecretIn(module.printed(failure));
        }

        @Test
        void aKeyTheServerDoesNotHoldIsRefused() throws Exception {
            TestExecution module = module();
            Throwable failure = catchFailure(() -> service.fetch(oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt").with(Parameter.CLIENT_ID, "pk-rsa")
                    .with(Parameter.KEY_STORE, stranger).with(Parameter.KEY_STORE_SERVER_ID, "keys")
                    , module));

            assertThat(failure).hasMessageContaining("(x5t#S256 does not name the client's certificate)")
                    .hasMessageContaining("Check that the server holds this key's certificate for client pk-rsa");
            assertNoSecretIn(module.printed(failure));
        }
    }

    @Nested
    class GitHubActions {
        @Test
        void theIdentityTokenIsTheClientAssertionMaskedAndNoSecretIsRead() throws Exception {
            TestExecution module = github(CiIdentityIssuer.GITHUB_REQUEST_TOKEN);
            service.fetch(oauth2().with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.IDENTITY_TOKEN, "github").with(Parameter.CLIENT_ID, "entra-app")
                    .with(Parameter.IDENTITY_AUDIENCE, CiIdentityIssuer.AZURE_AUDIENCE), module);

            assertThat(module.properties.getProperty("oauth.token")).startsWith("it-secretless-");
            AssertionOAuthServer.Seen seen = server.seen().get(server.seen().size() - 1);
            assertThat(seen.client()).isEqualTo("entra-app");
            assertThat(seen.grantType()).isEqualTo("client_credentials");
            // The identity token is masked like the token, and first: before it is sent anywhere.
            assertThat(module.masked()).hasSize(2);
            assertThat(module.masked().get(0)).startsWith("eyJ").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
            assertThat(module.masked().get(1)).isEqualTo(module.properties.getProperty("oauth.token"));
            assertNoSecretIn(module.printed());
        }

        @Test
        void revokingAtTheEndOfTheBuildAsksForANewIdentityTokenInsteadOfReplayingTheUsedOne() throws Exception {
            TokenLifecycle build = new TokenLifecycle(new Redactor(), EndOfBuild.ALWAYS, Clock.systemUTC());
            TestExecution module = new TestExecution("it:revoked:1", java.util.concurrent.ConcurrentHashMap.newKeySet(),
                    "oauth.token").env("GITHUB_ACTIONS", "true", "ACTIONS_ID_TOKEN_REQUEST_URL", ci.githubRequestUrl(),
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", CiIdentityIssuer.GITHUB_REQUEST_TOKEN);
            build.fetch(MapParameters.of().with(Parameter.PROVIDER, "oauth2").with(Parameter.RETRIES, 0)
                    .with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.IDENTITY_TOKEN, "github").with(Parameter.CLIENT_ID, "entra-app")
                    .with(Parameter.IDENTITY_AUDIENCE, CiIdentityIssuer.AZURE_AUDIENCE)
                    , module);
            String token = module.properties.getProperty("oauth.token");
            RecordingBuildLog end = new RecordingBuildLog();

            build.endOfBuild(end);

            assertThat(server.revocations()).contains(token);
            assertThat(end.all()).contains("Revoked the oauth2 token");
        }

        @Test
        void withoutIdTokenWritePermissionTheMessageSaysSo() throws Exception {
            TestExecution module = module().env("GITHUB_ACTIONS", "true");
            Throwable failure = catchFailure(() -> service.fetch(oauth2()
                    .with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.IDENTITY_TOKEN, "auto").with(Parameter.CLIENT_ID, "entra-app"), module));

            assertThat(failure).isNotInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set")
                    .hasMessageContaining("'permissions: id-token: write'");
        }

        @Test
        void aWrongAudienceIsRefusedWithEntrasWordsAndTheClaimsToMatch() throws Exception {
            TestExecution module = github(CiIdentityIssuer.GITHUB_REQUEST_TOKEN);
            Throwable failure = catchFailure(() -> service.fetch(oauth2()
                    .with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.IDENTITY_TOKEN, "github").with(Parameter.CLIENT_ID, "entra-app")
                    .with(Parameter.IDENTITY_AUDIENCE, "api://wrong"), module));

            assertThat(failure).hasMessageContaining("error invalid_request (AADSTS70021: No matching federated "
                    + "identity record found")
                    .hasMessageContaining("Hint: Entra ID found no federated credential")
                    .hasMessageContaining("sub " + CiIdentityIssuer.GITHUB_SUBJECT + ", aud api://wrong");
            assertNoSecretIn(module.printed(failure));
        }

        @Test
        void anExpiredIdentityTokenIsRefusedWithTheServersWords() throws Exception {
            TestExecution module = github(CiIdentityIssuer.EXPIRED_REQUEST_TOKEN);
            Throwable failure = catchFailure(() -> service.fetch(oauth2()
                    .with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.IDENTITY_TOKEN, "github").with(Parameter.CLIENT_ID, "entra-app")
                    .with(Parameter.IDENTITY_AUDIENCE, CiIdentityIssuer.AZURE_AUDIENCE)
                    , module));

            assertThat(failure).hasMessageContaining("error invalid_client (AADSTS700024: Client assertion is not "
                    + "within its valid time range")
                    .hasMessageContaining("has not expired");
            assertNoSecretIn(module.printed(failure));
        }

        @Test
        void asJwtBearerGrantEveryRequestGetsAFreshIdentityToken() throws Exception {
            TestExecution module = noStoredSecret(github(CiIdentityIssuer.GITHUB_REQUEST_TOKEN));
            MapParameters parameters = oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.IDENTITY_TOKEN, "github")
                    .with(Parameter.GRANT, "jwt-bearer").with(Parameter.IDENTITY_AUDIENCE, server.issuer());
            int before = ci.issued("github");
            service.fetch(parameters, module);
            service.fetch(parameters, module);

            // The server refuses a jti it has seen: two token requests took two identity tokens, and none was wasted.
            assertThat(ci.issued("github") - before).isEqualTo(2);
            assertThat(server.seen().get(server.seen().size() - 1).subject())
                    .isEqualTo(CiIdentityIssuer.GITHUB_SUBJECT);
            assertNoSecretIn(module.printed());
        }

        @Test
        void asTokenExchangeTheIssuedTokenTypeBecomesAProperty() throws Exception {
            TestExecution module = noStoredSecret(github(CiIdentityIssuer.GITHUB_REQUEST_TOKEN));
            service.fetch(oauth2().with(Parameter.ISSUER, server.issuer()).with(Parameter.IDENTITY_TOKEN, "github")
                    .with(Parameter.GRANT, "token-exchange")
                    .with(Parameter.IDENTITY_AUDIENCE, server.issuer())
                    .with(Parameter.REQUESTED_TOKEN_TYPE, "access_token"), module);

            assertThat(module.properties.getProperty("oauth.token.issuedTokenType"))
                    .isEqualTo("urn:ietf:params:oauth:token-type:access_token");
            assertThat(server.seen().get(server.seen().size() - 1).grantType())
                    .isEqualTo(AssertionOAuthServer.TOKEN_EXCHANGE);
            assertNoSecretIn(module.printed());
        }
    }

    @Nested
    class GitLabAzureAndFiles {
        @Test
        void aGitLabIdTokenFromItsVariableWorksInEachPresentation() throws Exception {
            String token = ci.gitLabToken(server.issuer(), Duration.ofMinutes(10));
            TestExecution module = noStoredSecret(module()).env("GITLAB_CI", "true", "GITLAB_OIDC_TOKEN", token);
            MapParameters gitlab = oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.IDENTITY_TOKEN, "auto")
                    .with(Parameter.IDENTITY_TOKEN_VARIABLE, "GITLAB_OIDC_TOKEN");
            service.fetch(gitlab.with(Parameter.GRANT, "jwt-bearer"), module);
            service.fetch(gitlab.with(Parameter.GRANT, "token-exchange")
                    .with(Parameter.SUBJECT_TOKEN_TYPE, "id_token"), module);

            assertThat(server.seen().subList(server.seen().size() - 2, server.seen().size()))
                    .extracting(AssertionOAuthServer.Seen::subject)
                    .containsOnly(CiIdentityIssuer.GITLAB_SUBJECT);
            // GitLab has no runtime masking: nothing is printed.
            assertThat(((RecordingConsole) module.console).commands).isEmpty();
            assertNoSecretIn(module.printed());
        }

        @Test
        void anAzurePipelinesIdTokenAuthenticatesTheClientAndIsMaskedWithSetSecret() throws Exception {
            TestExecution module = module().env("TF_BUILD", "True", "SYSTEM_OIDCREQUESTURI", ci.azureRequestUri(),
                    "SYSTEM_ACCESSTOKEN", CiIdentityIssuer.AZURE_ACCESS_TOKEN);
            service.fetch(oauth2().with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.IDENTITY_TOKEN, "auto").with(Parameter.CLIENT_ID, "entra-app")
                    .with(Parameter.AZURE_SERVICE_CONNECTION_ID, "sc-1"), module);

            assertThat(server.seen().get(server.seen().size() - 1).client()).isEqualTo("entra-app");
            assertThat(((RecordingConsole) module.console).commands)
                    .filteredOn(c -> c.startsWith("##vso[task.setsecret]")).hasSize(2);
            assertNoSecretIn(module.printed());
        }

        @Test
        void withoutSystemAccessTokenTheMessageSaysHowToMapIt() {
            TestExecution module = module().env("TF_BUILD", "True", "SYSTEM_OIDCREQUESTURI", ci.azureRequestUri());
            assertThatThrownBy(() -> service.fetch(oauth2().with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.IDENTITY_TOKEN, "azure")
                    .with(Parameter.CLIENT_ID, "entra-app")
                    .with(Parameter.AZURE_SERVICE_CONNECTION_ID, "sc-1"), module))
                    .hasMessageContaining("'env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)'");
        }

        @Test
        void aTokenFileIsReadAtEachUse() throws Exception {
            Path file = dir.resolve("k8s-token");
            TestExecution module = noStoredSecret(module());
            MapParameters parameters = oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.IDENTITY_TOKEN, "file")
                    .with(Parameter.IDENTITY_TOKEN_FILE, file).with(Parameter.GRANT, "jwt-bearer");
            Files.writeString(file, ci.gitLabToken(server.issuer(), Duration.ofMinutes(5)) + "\n");
            service.fetch(parameters, module);
            Files.writeString(file, "not-a-jwt");
            assertThatThrownBy(() -> service.fetch(parameters, module)).hasMessageContaining("is not a JWT")
                    .hasMessageNotContaining("not-a-jwt");
        }

        @Test
        void theFileCacheIsKeyedByTheIdentityAndHoldsNoIdentityToken(@TempDir Path cache) throws Exception {
            String token = ci.gitLabToken(server.issuer(), Duration.ofMinutes(10));
            MapParameters parameters = oauth2().with(Parameter.ISSUER, server.issuer())
                    .with(Parameter.IDENTITY_TOKEN, "variable")
                    .with(Parameter.GRANT, "jwt-bearer").with(Parameter.CACHE, "file")
                    .with(Parameter.CACHE_DIRECTORY, cache);
            TestExecution first = noStoredSecret(module()).env("OAUTH_ID_TOKEN", token);
            service.fetch(parameters, first);
            int requests = server.tokenRequests();

            // Another build on this machine, with another token for the same identity: served from the file.
            TestExecution second = noStoredSecret(module())
                    .env("OAUTH_ID_TOKEN", ci.gitLabToken(server.issuer(), Duration.ofMinutes(10)));
            new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC()).fetch(parameters, second);

            assertThat(server.tokenRequests()).isEqualTo(requests);
            assertThat(second.properties.getProperty("oauth.token"))
                    .isEqualTo(first.properties.getProperty("oauth.token"));
            try (Stream<Path> files = Files.list(cache)) {
                for (Path file : files.toList()) {
                    String content = Files.readString(file);
                    assertThat(content).doesNotContain(token).doesNotContain("eyJ");
                }
            }
        }
    }

    /**
     * An identity token presented as the grant (JWT bearer, token exchange) beside a client secret the user
     * configured, {@code clientAuth} unset: the secret authenticates the client (Basic), rather than being left unused
     * while the request carries only {@code client_id}; without a configured secret, none.
     */
    @Nested
    class ConfiguredSecretBesideAnIdentityGrant {
        private MapParameters gitlab(String grant) {
            return oauth2().with(Parameter.ISSUER, server.issuer()).with(Parameter.IDENTITY_TOKEN, "variable")
                    .with(Parameter.GRANT, grant);
        }

        private TestExecution gitlabJob() {
            return noStoredSecret(module()).env("OAUTH_ID_TOKEN", ci.gitLabToken(server.issuer(), Duration.ofMinutes(10)));
        }

        private List<String> describing(TestExecution module, String grant) {
            return module.log.at("INFO").stream().filter(line -> line.contains(grant)).toList();
        }

        @Test
        void aServerIdWithAPasswordMakesItBasic() throws Exception {
            TestExecution module = gitlabJob().server("grant-client", "grant-app", CLIENT_SECRET);
            service.fetch(gitlab("jwt-bearer").with(Parameter.SERVER_ID, "grant-client"), module);

            AssertionOAuthServer.Seen seen = server.seen().get(server.seen().size() - 1);
            assertThat(seen.client()).isEqualTo("grant-app");
            assertThat(seen.authentication()).isEqualTo("client_secret_basic");
            assertThat(seen.grantType()).isEqualTo(AssertionOAuthServer.JWT_BEARER);
            assertThat(describing(module, "jwt-bearer")).singleElement().asString().contains("basic")
                    .contains("server 'grant-client' in settings.xml").contains("<clientAuth> unset");
            assertNoSecretIn(module.printed());
        }

        @Test
        void theClientSecretVariableMakesItBasicForTokenExchangeToo() throws Exception {
            TestExecution module = gitlabJob().env("OAUTH_CLIENT_ID", "grant-app", "OAUTH_CLIENT_SECRET",
                    CLIENT_SECRET);
            service.fetch(gitlab("token-exchange"), module);

            AssertionOAuthServer.Seen seen = server.seen().get(server.seen().size() - 1);
            assertThat(seen.authentication()).isEqualTo("client_secret_basic");
            assertThat(seen.grantType()).isEqualTo(AssertionOAuthServer.TOKEN_EXCHANGE);
            assertThat(describing(module, "token-exchange")).singleElement().asString().contains("basic")
                    .contains("OAUTH_CLIENT_SECRET");
            assertNoSecretIn(module.printed());
        }

        @Test
        void withoutAConfiguredSecretItIsNoneAndTheLineSaysSo() throws Exception {
            TestExecution module = gitlabJob();
            service.fetch(gitlab("jwt-bearer"), module);

            assertThat(server.seen().get(server.seen().size() - 1).authentication()).isEqualTo("none");
            assertThat(describing(module, "jwt-bearer")).singleElement().asString().contains("none")
                    .contains("no client secret");
        }

        @Test
        void aClientIdParameterNamesAClientWithoutAStoredSecretSoTheVariableIsNotUsed() throws Exception {
            TestExecution module = gitlabJob().env("OAUTH_CLIENT_SECRET", UNUSED_SECRET);
            service.fetch(gitlab("jwt-bearer").with(Parameter.CLIENT_ID, "public-app"), module);

            AssertionOAuthServer.Seen seen = server.seen().get(server.seen().size() - 1);
            assertThat(seen.authentication()).isEqualTo("none");
            assertThat(seen.client()).isEqualTo("public-app");
            assertThat(describing(module, "jwt-bearer")).singleElement().asString().contains("none")
                    .contains("<clientId>");
            assertNoSecretIn(module.printed());
        }

        @Test
        void clientAuthWrittenStillDecides() throws Exception {
            TestExecution module = gitlabJob().server("grant-client", "grant-app", CLIENT_SECRET);
            service.fetch(gitlab("jwt-bearer").with(Parameter.SERVER_ID, "grant-client")
                    .with(Parameter.CLIENT_AUTH, "post"), module);

            assertThat(server.seen().get(server.seen().size() - 1).authentication()).isEqualTo("client_secret_post");
            assertThat(describing(module, "jwt-bearer")).singleElement().asString().contains("post")
                    .doesNotContain("unset");
        }
    }

    @Nested
    class Mistakes {
        @Test
        void genesysAndCxoneOfferNoneOfThis() {
            assertThatThrownBy(() -> service.fetch(MapParameters.of().with(Parameter.PROVIDER, "genesys")
                    .with(Parameter.REGION, "eu_west_1")
                    .with(Parameter.IDENTITY_TOKEN, "github"), module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Genesys Cloud documents no client_secret_jwt, private_key_jwt, mutual TLS, CI "
                            + "identity tokens");
            assertThatThrownBy(() -> service.fetch(MapParameters.of().with(Parameter.PROVIDER, "cxone")
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt")
                    , module()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("NICE CXone");
        }

        @Test
        void combinationsThatMakeNoSenseSayWhatToChange() {
            MapParameters base = oauth2().with(Parameter.TOKEN_URL, "http://127.0.0.1:1/token")
                    .with(Parameter.FAIL_ON_ERROR, false);
            assertThatThrownBy(() -> service.fetch(base.with(Parameter.CLIENT_AUTH, "private_key_jwt"), module()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs <keyStore>");
            assertThatThrownBy(() -> service.fetch(oauth2().with(Parameter.TOKEN_URL, "http://127.0.0.1:1/token")
                    .with(Parameter.IDENTITY_TOKEN, "github")
                    .with(Parameter.CLIENT_AUTH, "basic"), module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("the identity token authenticates the client");
            assertThatThrownBy(() -> service.fetch(oauth2().with(Parameter.TOKEN_URL, "http://127.0.0.1:1/token")
                    .with(Parameter.GRANT, "jwt-bearer")
                    , module()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("<identityToken> is not set");
            assertThatThrownBy(() -> service.fetch(oauth2().with(Parameter.TOKEN_URL, "http://127.0.0.1:1/token")
                    .with(Parameter.IDENTITY_TOKEN, "azure")
                    , module()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("<azureServiceConnectionId>");
            assertThatThrownBy(() -> service.fetch(oauth2().with(Parameter.TOKEN_URL, "http://127.0.0.1:1/token")
                    .with(Parameter.KEY_STORE, rsa)
                    , module()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("<keyStore> belongs to <clientAuth> private_key_jwt or tls_client_auth, "
                            + "but <clientAuth> is basic");
            assertThatThrownBy(() -> service.fetch(oauth2().with(Parameter.TOKEN_URL, "http://127.0.0.1:1/token")
                    .with(Parameter.IDENTITY_TOKEN_VARIABLE, "X"), module()))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("<identityToken> is not set");
        }

        @Test
        void aPrivateKeyClientWithoutAnIdListsWhereItLooked() {
            assertThatThrownBy(() -> service.fetch(oauth2().with(Parameter.TOKEN_URL, server.tokenEndpoint())
                    .with(Parameter.CLIENT_AUTH, "private_key_jwt").with(Parameter.KEY_STORE, rsa)
                    .with(Parameter.KEY_STORE_SERVER_ID, "keys"), module()))
                    .hasMessageContaining("Missing the client id")
                    .hasMessageContaining("environment variable OAUTH_CLIENT_ID (not set)")
                    .hasMessageNotContaining(UNUSED_SECRET);
        }
    }

    private interface Fetch {
        void run() throws Exception;
    }

    private static Throwable catchFailure(Fetch fetch) {
        try {
            fetch.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a failure");
    }
}
