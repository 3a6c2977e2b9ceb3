package io.github.oauthtoken.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                ProviderKind.DEFAULT_ACCESS_KEY_ENV);
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
                List.of(new EnvPair("MY_ID", "MY_SECRET")), false, null, ProviderKind.DEFAULT_ACCESS_KEY_ENV));

        assertThat(credentials.client().clientId()).isEqualTo("mine");
    }
}
