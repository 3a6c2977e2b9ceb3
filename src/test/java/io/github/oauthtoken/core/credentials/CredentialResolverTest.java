package io.github.oauthtoken.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialResolverTest {
    private final Redactor redactor = new Redactor();
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, UsernamePassword> servers = new HashMap<>();
    private final CredentialResolver resolver =
            new CredentialResolver(id -> Optional.ofNullable(servers.get(id)), env::get, redactor);

    private static CredentialRequest request(ProviderKind kind, String serverId, String accessKeyServerId) {
        return new CredentialRequest(serverId, kind.defaultClientEnv(), kind.needsAccessKey(), accessKeyServerId,
                new EnvPair("NICE_ACCESS_KEY_ID", "NICE_ACCESS_KEY_SECRET"));
    }

    @Test
    void genesysFallsBackToTheGenesysCloudVariablesAndTrimsAndRegistersTheSecret() throws Exception {
        env.put("GENESYSCLOUD_OAUTHCLIENT_ID", "cli-id");
        env.put("GENESYSCLOUD_OAUTHCLIENT_SECRET", " sec-ret-1\n");

        Credentials credentials = resolver.resolve("genesys", request(ProviderKind.GENESYS, null, null));

        assertThat(credentials.client().clientId()).isEqualTo("cli-id");
        assertThat(credentials.client().clientSecret().reveal()).isEqualTo("sec-ret-1");
        assertThat(credentials.client().origin())
                .isEqualTo("environment variables GENESYSCLOUD_OAUTHCLIENT_ID / GENESYSCLOUD_OAUTHCLIENT_SECRET");
        assertThat(redactor.redact("x sec-ret-1")).isEqualTo("x ****");
    }

    @Test
    void theFirstCompletePairWins() throws Exception {
        env.putAll(Map.of("GENESYS_CLIENT_ID", "a", "GENESYS_CLIENT_SECRET", "secret-a",
                "GENESYSCLOUD_OAUTHCLIENT_ID", "b", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "secret-b"));

        assertThat(resolver.resolve("genesys", request(ProviderKind.GENESYS, null, null)).client().clientId())
                .isEqualTo("a");
    }

    @Test
    void cxoneReportsClientAndAccessKeyProblemsInOneMessageWithoutValues() {
        env.put("NICE_CLIENT_ID", "the-client");
        env.put("NICE_ACCESS_KEY_SECRET", "key-secret-value");

        assertThatThrownBy(() -> resolver.resolve("cxone", request(ProviderKind.CXONE, null, null)))
                .hasMessageStartingWith("Missing credentials for provider cxone. Looked at:")
                .hasMessageContaining("environment variables NICE_CLIENT_ID (set) and NICE_CLIENT_SECRET (not set)")
                .hasMessageContaining("environment variables NICE_ACCESS_KEY_ID (not set) and NICE_ACCESS_KEY_SECRET (set)")
                .message().doesNotContain("the-client").doesNotContain("key-secret-value");
    }

    @Test
    void serversGiveClientAndAccessKey() throws Exception {
        servers.put("app", new UsernamePassword("app-id", Secret.of("app-secret")));
        servers.put("key", new UsernamePassword("key-id", Secret.of("key-secret")));

        Credentials credentials = resolver.resolve("cxone", request(ProviderKind.CXONE, "app", "key"));

        assertThat(credentials.client().origin()).isEqualTo("server 'app' in settings.xml");
        assertThat(credentials.accessKey()).get().extracting(AccessKey::id).isEqualTo("key-id");
    }

    @Test
    void aMissingServerIsAnErrorEvenWhenVariablesAreSetAndAHalfServerSaysWhatItLacks() {
        env.putAll(Map.of("OAUTH_CLIENT_ID", "id", "OAUTH_CLIENT_SECRET", "secret-x"));
        servers.put("half", new UsernamePassword("only-id", null));

        assertThatThrownBy(() -> resolver.resolve("oauth2", request(ProviderKind.OAUTH2, "missing", null)))
                .hasMessageContaining("settings.xml server 'missing': no <server> with this id in settings.xml");
        assertThatThrownBy(() -> resolver.resolve("oauth2", request(ProviderKind.OAUTH2, "half", null)))
                .hasMessageContaining("settings.xml server 'half': has no <password> (the client secret)");
    }

    @Test
    void explicitVariableNamesReplaceTheDefaults() throws Exception {
        env.putAll(Map.of("MY_ID", "mine", "MY_SECRET", "mine-secret"));

        Credentials credentials = resolver.resolve("oauth2", new CredentialRequest(null,
                List.of(new EnvPair("MY_ID", "MY_SECRET")), false, null, new EnvPair("NICE_ACCESS_KEY_ID",
                        "NICE_ACCESS_KEY_SECRET")));

        assertThat(credentials.client().clientId()).isEqualTo("mine");
    }

    // --- settings.xml servers -------------------------------------------------------------------------------

    @Test
    void aServerGivesTheClientTrimmedDecryptedAndRegisteredAndTheVariablesAreNotConsulted() throws Exception {
        servers.put("app", new UsernamePassword(" app-id ", Secret.of("settings-SECRET-1")));
        env.putAll(Map.of("GENESYS_CLIENT_ID", "env-id", "GENESYS_CLIENT_SECRET", "env-SECRET-2"));

        Credentials credentials = resolver.resolve("genesys", request(ProviderKind.GENESYS, "app", null));

        assertThat(credentials.client()).isEqualTo(
                new ClientCredentials("app-id", Secret.of("settings-SECRET-1"), "server 'app' in settings.xml"));
        assertThat(credentials.accessKey()).isEmpty();
        assertThat(redactor.redact("settings-SECRET-1 env-SECRET-2")).isEqualTo("**** env-SECRET-2");
    }

    @Test
    void aMissingServerIsAnErrorNamingTheSettingsFilesWithoutFallingBackToSetVariables() {
        env.putAll(Map.of("GENESYS_CLIENT_ID", "env-id", "GENESYS_CLIENT_SECRET", "env-SECRET-2"));
        CredentialResolver withFiles = new CredentialResolver(new ServerLookup() {
            @Override
            public Optional<UsernamePassword> find(String serverId) {
                return Optional.empty();
            }

            @Override
            public String where() {
                return "/home/ci/.m2/settings.xml and /opt/maven/conf/settings.xml";
            }
        }, env::get, redactor);

        assertThatThrownBy(() -> withFiles.resolve("genesys", request(ProviderKind.GENESYS, "missing", null)))
                .isInstanceOf(TokenException.class)
                .hasMessage("Missing credentials for provider genesys. Looked at:\n"
                        + "  - settings.xml server 'missing': no <server> with this id in /home/ci/.m2/settings.xml and "
                        + "/opt/maven/conf/settings.xml (the plugin does not fall back to environment variables when a "
                        + "server id is given)\n"
                        + "Give server 'missing' in settings.xml a <username> (client id) and a <password> (client secret).");
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsWithTheLookupsOwnMessage() {
        TokenException undecryptable = new TokenException("The password of server 'app' in settings.xml cannot be decrypted.");
        CredentialResolver failing = new CredentialResolver(id -> {
            throw undecryptable;
        }, env::get, redactor);

        assertThatThrownBy(() -> failing.resolve("genesys", request(ProviderKind.GENESYS, "app", null)))
                .isSameAs(undecryptable);
    }

    @Test
    void anIncompleteServerSaysWhatItLacksAndItsPasswordIsStillRegistered() {
        servers.put("empty", new UsernamePassword(null, null));
        servers.put("no-id", new UsernamePassword("  ", Secret.of("orphan-SECRET-3")));
        servers.put("empty-secret", new UsernamePassword("id", Secret.of("")));

        assertThatThrownBy(() -> resolver.resolve("oauth2", request(ProviderKind.OAUTH2, "empty", null)))
                .hasMessageContaining("  - settings.xml server 'empty': has no <username> (the client id) and no "
                        + "<password> (the client secret)\n");
        assertThatThrownBy(() -> resolver.resolve("oauth2", request(ProviderKind.OAUTH2, "no-id", null)))
                .hasMessageContaining("  - settings.xml server 'no-id': has no <username> (the client id)\n")
                .message().doesNotContain("orphan-SECRET-3");
        assertThatThrownBy(() -> resolver.resolve("oauth2", request(ProviderKind.OAUTH2, "empty-secret", null)))
                .hasMessageContaining("  - settings.xml server 'empty-secret': has no <password> (the client secret)\n");
        assertThat(redactor.redact("orphan-SECRET-3")).isEqualTo("****");
    }

    // --- environment variables ------------------------------------------------------------------------------

    @Test
    void withNoVariablesSetEveryPairIsListedInTheOrderTried() {
        assertThatThrownBy(() -> resolver.resolve("genesys", request(ProviderKind.GENESYS, null, null)))
                .hasMessage("Missing credentials for provider genesys. Looked at:\n"
                        + "  - environment variables GENESYS_CLIENT_ID (not set) and GENESYS_CLIENT_SECRET (not set)\n"
                        + "  - environment variables GENESYSCLOUD_OAUTHCLIENT_ID (not set) and GENESYSCLOUD_OAUTHCLIENT_SECRET "
                        + "(not set)\n"
                        + "Set one of the variable pairs above, or set <serverId> to a settings.xml server whose <username> "
                        + "is the client id and <password> the client secret.");
    }

    @Test
    void theGenesysPairIsTriedFirstAndTheGenesysCloudPairIsTheFallback() throws Exception {
        env.putAll(Map.of("GENESYS_CLIENT_ID", "primary", "GENESYS_CLIENT_SECRET", "primary-SECRET"));
        assertThat(resolver.resolve("genesys", request(ProviderKind.GENESYS, null, null)).client().origin())
                .isEqualTo("environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET");

        env.clear();
        env.putAll(Map.of("GENESYSCLOUD_OAUTHCLIENT_ID", "fallback", "GENESYSCLOUD_OAUTHCLIENT_SECRET",
                "fallback-SECRET"));
        assertThat(resolver.resolve("genesys", request(ProviderKind.GENESYS, null, null)).client().clientId())
                .isEqualTo("fallback");
    }

    @Test
    void aHalfSetFirstPairGivesWayToACompleteSecondPair() throws Exception {
        env.putAll(Map.of("GENESYS_CLIENT_ID", "half", "GENESYSCLOUD_OAUTHCLIENT_ID", "whole",
                "GENESYSCLOUD_OAUTHCLIENT_SECRET", "whole-SECRET"));

        assertThat(resolver.resolve("genesys", request(ProviderKind.GENESYS, null, null)).client().clientId())
                .isEqualTo("whole");
    }

    @Test
    void aPartialPairSaysWhichHalfIsSetAndTheSetSecretIsRegisteredAnyway() {
        env.putAll(Map.of("OAUTH_CLIENT_SECRET", "lonely-SECRET-4", "OAUTH_CLIENT_ID", "   "));

        assertThatThrownBy(() -> resolver.resolve("oauth2", request(ProviderKind.OAUTH2, null, null)))
                .hasMessageContaining("  - environment variables OAUTH_CLIENT_ID (not set) and OAUTH_CLIENT_SECRET (set)\n")
                .message().doesNotContain("lonely-SECRET-4");
        assertThat(redactor.redact("lonely-SECRET-4")).isEqualTo("****");
    }

    // --- CXone access keys ----------------------------------------------------------------------------------

    @Test
    void cxoneTakesItsAccessKeyFromTheVariablesAndRegistersItsSecret() throws Exception {
        env.putAll(Map.of("NICE_CLIENT_ID", "app", "NICE_CLIENT_SECRET", "app-SECRET-5",
                "NICE_ACCESS_KEY_ID", "key-id", "NICE_ACCESS_KEY_SECRET", " key-SECRET-6 "));

        Credentials credentials = resolver.resolve("cxone", request(ProviderKind.CXONE, null, null));

        assertThat(credentials.accessKey()).contains(new AccessKey("key-id", Secret.of("key-SECRET-6"),
                "environment variables NICE_ACCESS_KEY_ID / NICE_ACCESS_KEY_SECRET"));
        assertThat(redactor.redact("app-SECRET-5 key-SECRET-6")).isEqualTo("**** ****");
    }

    @Test
    void cxoneReportsEveryClientAndAccessKeyProblemInOneMessage() {
        env.put("NICE_CLIENT_ID", "the-client");
        env.put("NICE_ACCESS_KEY_SECRET", "key-secret-value");

        assertThatThrownBy(() -> resolver.resolve("cxone", request(ProviderKind.CXONE, null, null)))
                .hasMessage("Missing credentials for provider cxone. Looked at:\n"
                        + "  - environment variables NICE_CLIENT_ID (set) and NICE_CLIENT_SECRET (not set)\n"
                        + "  - environment variables NICE_ACCESS_KEY_ID (not set) and NICE_ACCESS_KEY_SECRET (set)\n"
                        + "Set one of the variable pairs above, or set <serverId> to a settings.xml server whose <username> "
                        + "is the client id and <password> the client secret; for the access key set NICE_ACCESS_KEY_ID / "
                        + "NICE_ACCESS_KEY_SECRET, or set <accessKeyServerId>.");
    }

    @Test
    void cxoneWithServersReportsAMissingClientServerAndAMissingKeyServerTogether() {
        assertThatThrownBy(() -> resolver.resolve("cxone", request(ProviderKind.CXONE, "app", "key")))
                .hasMessage("Missing credentials for provider cxone. Looked at:\n"
                        + "  - settings.xml server 'app': no <server> with this id in settings.xml (the plugin does not fall "
                        + "back to environment variables when a server id is given)\n"
                        + "  - settings.xml server 'key': no <server> with this id in settings.xml (the plugin does not fall "
                        + "back to environment variables when a server id is given)\n"
                        + "Give server 'app' in settings.xml a <username> (client id) and a <password> (client secret); give "
                        + "server 'key' the access key id as <username> and its secret as <password>.");
    }

    @Test
    void aCompleteClientDoesNotHideAMissingAccessKey() {
        servers.put("app", new UsernamePassword("app-id", Secret.of("app-SECRET-7")));
        servers.put("key", new UsernamePassword("key-id", null));

        assertThatThrownBy(() -> resolver.resolve("cxone", request(ProviderKind.CXONE, "app", "key")))
                .hasMessage("Missing credentials for provider cxone. Looked at:\n"
                        + "  - settings.xml server 'key': has no <password> (the access key secret)\n"
                        + "Give server 'app' in settings.xml a <username> (client id) and a <password> (client secret); give "
                        + "server 'key' the access key id as <username> and its secret as <password>.");
    }

    @Test
    void providersWithoutAccessKeysIgnoreAccessKeyVariables() throws Exception {
        env.putAll(Map.of("OAUTH_CLIENT_ID", "id", "OAUTH_CLIENT_SECRET", "oauth-SECRET",
                "NICE_ACCESS_KEY_ID", "key-id", "NICE_ACCESS_KEY_SECRET", "key-SECRET-8"));

        assertThat(resolver.resolve("oauth2", request(ProviderKind.OAUTH2, null, null)).accessKey()).isEmpty();
        assertThat(redactor.redact("key-SECRET-8")).isEqualTo("key-SECRET-8");
    }

    @Test
    void noMessageEverContainsAValue() {
        List<String> values = List.of("val-ID-1", "val-SECRET-2", "val-ID-3", "val-KEY-4", "val-KEYSECRET-5");
        List<Map<String, String>> scenarios = List.of(
                Map.of("NICE_CLIENT_ID", values.get(0)),
                Map.of("NICE_CLIENT_SECRET", values.get(1), "NICE_ACCESS_KEY_ID", values.get(3)),
                Map.of("NICE_CLIENT_ID", values.get(2), "NICE_CLIENT_SECRET", values.get(1),
                        "NICE_ACCESS_KEY_SECRET", values.get(4)));
        for (Map<String, String> scenario : scenarios) {
            env.clear();
            env.putAll(scenario);
            assertThatThrownBy(() -> resolver.resolve("cxone", request(ProviderKind.CXONE, null, null)))
                    .satisfies(e -> values.forEach(v -> assertThat(e.getMessage()).doesNotContain(v)));
        }
    }
}
