package io.github.oauthtoken.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.http.TestHttpSettings;
import io.github.oauthtoken.core.secret.Redactor;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderKindTest {
    @ParameterizedTest
    @CsvSource({"genesys, GENESYS", "GENESYS, GENESYS", "' CXone ', CXONE", "oauth2, OAUTH2", "OAuth2, OAUTH2"})
    void parsesTheNamesUsersWriteInAnyCase(String value, ProviderKind expected) throws TokenException {
        assertThat(ProviderKind.parse(value)).isEqualTo(expected);
        assertThat(expected.id()).isEqualTo(expected.name().toLowerCase());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noProviderAsksForOne(String value) {
        assertThatThrownBy(() -> ProviderKind.parse(value))
                .isInstanceOf(TokenException.class)
                .hasMessage("No <provider> is configured. Set it to one of: genesys, cxone, oauth2.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keycloak", "nice", "genesys-cloud", "oauth"})
    void anUnknownProviderListsTheValidOnes(String value) {
        assertThatThrownBy(() -> ProviderKind.parse(" " + value))
                .hasMessage("Unknown <provider> '" + value + "'. Valid values: genesys, cxone, oauth2.");
    }

    @Test
    void eachProviderReadsItsOwnVariablesAndOnlyCxoneNeedsAnAccessKey() {
        assertThat(ProviderKind.GENESYS.defaultClientEnv()).containsExactly(
                new EnvPair("GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET"),
                new EnvPair("GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_SECRET"));
        assertThat(ProviderKind.CXONE.defaultClientEnv()).containsExactly(new EnvPair("NICE_CLIENT_ID", "NICE_CLIENT_SECRET"));
        assertThat(ProviderKind.OAUTH2.defaultClientEnv()).containsExactly(new EnvPair("OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET"));
        assertThat(List.of(ProviderKind.values())).filteredOn(ProviderKind::needsAccessKey).containsExactly(ProviderKind.CXONE);
    }

    @Test
    void createBuildsTheMatchingProvider() {
        try (HttpTransport http = new HttpTransport(TestHttpSettings.defaults(), BuildLog.SILENT)) {
            ProviderContext context = new ProviderContext(ProviderSettings.builder().build(), http, new Redactor(), BuildLog.SILENT,
                    Clock.systemUTC());

            assertThat(ProviderKind.GENESYS.create(context)).isInstanceOf(GenesysProvider.class);
            assertThat(ProviderKind.CXONE.create(context)).isInstanceOf(CxoneProvider.class);
            assertThat(ProviderKind.OAUTH2.create(context)).isInstanceOf(OAuth2Provider.class);
        }
    }

    @Test
    void onlyGenesysLetsTheReadWriteScopeCoverItsReadOnlyOne() {
        Set<String> granted = Set.of("routing");

        assertThat(ProviderKind.GENESYS.covers(granted, "routing:readonly")).isTrue();
        assertThat(ProviderKind.OAUTH2.covers(granted, "routing:readonly")).isFalse();
        assertThat(ProviderKind.GENESYS.covers(Set.of("routing:readonly"), "routing")).isFalse();
        assertThat(ProviderKind.OAUTH2.covers(granted, "routing")).isTrue();
    }
}
