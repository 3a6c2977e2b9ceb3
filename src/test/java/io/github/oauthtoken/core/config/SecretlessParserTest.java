package io.github.oauthtoken.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.lifecycle.TestExecution;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.identity.IdentitySourceKind;
import io.github.oauthtoken.core.credentials.ClientAuthentication;
import io.github.oauthtoken.core.provider.Grant;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The defaults and refusals of the secretless parameters, as RequestParser applies them. */
class SecretlessParserTest {
    private static final String JWT = "urn:ietf:params:oauth:token-type:jwt";

    private static MapParameters oauth2() {
        return MapParameters.of().with(Parameter.PROVIDER, "oauth2")
                .with(Parameter.TOKEN_URL, "https://idp.example/token");
    }

    private static ExecutionPlan parse(MapParameters parameters, TestExecution context) throws TokenException {
        return new RequestParser(context, new Redactor()).parse(new Parameters(parameters));
    }

    private static ExecutionPlan parse(MapParameters parameters) throws TokenException {
        return parse(parameters, new TestExecution("it:parse:1"));
    }

    @Test
    void withoutSecretlessParametersNothingChanges() throws TokenException {
        ExecutionPlan plan = parse(oauth2());
        assertThat(plan.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(plan.fetch().settings().grant().grant()).isEqualTo(Grant.CLIENT_CREDENTIALS);
        assertThat(plan.fetch().credentials().secretless()).isNull();
        assertThat(plan.fetch().credentials().identity()).isNull();
    }

    @Test
    void anIdentityTokenWithTheClientCredentialsGrantIsTheClientsAssertion() throws TokenException {
        ExecutionPlan plan = parse(oauth2().with(Parameter.IDENTITY_TOKEN, "github").with(Parameter.CLIENT_ID, "app"));
        assertThat(plan.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.IDENTITY_TOKEN_ASSERTION);
        assertThat(plan.fetch().credentials().secretless().identityIsAssertion()).isTrue();
        assertThat(plan.fetch().credentials().secretless().clientIdRequired()).isTrue();
        assertThat(plan.fetch().credentials().identity().kind()).isEqualTo(IdentitySourceKind.GITHUB);
    }

    @Test
    void asAGrantTheClientAuthenticatesWithNothingUnlessToldOtherwise() throws TokenException {
        ExecutionPlan none = parse(oauth2().with(Parameter.IDENTITY_TOKEN, "variable")
                .with(Parameter.GRANT, "jwt-bearer"));
        assertThat(none.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.NONE);
        assertThat(none.fetch().credentials().secretless().clientIdRequired()).isFalse();
        ExecutionPlan basic = parse(oauth2().with(Parameter.IDENTITY_TOKEN, "variable")
                .with(Parameter.GRANT, "urn:ietf:params:oauth:grant-type:jwt-bearer")
                .with(Parameter.CLIENT_AUTH, "basic"));
        assertThat(basic.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(basic.fetch().credentials().secretless()).as("a secret is read").isNull();
        assertThat(basic.fetch().credentials().identity()).isNotNull();
    }

    @Test
    void tokenTypesHaveShortFormsAndUrnsPassAsTheyAre() throws TokenException {
        assertThat(parse(oauth2().with(Parameter.IDENTITY_TOKEN, "variable").with(Parameter.GRANT, "token-exchange"))
                .fetch().settings().grant().subjectTokenType()).isEqualTo(JWT);
        assertThat(parse(oauth2().with(Parameter.IDENTITY_TOKEN, "variable").with(Parameter.GRANT, "token_exchange")
                .with(Parameter.SUBJECT_TOKEN_TYPE, "ID_TOKEN")
                .with(Parameter.REQUESTED_TOKEN_TYPE, "access_token")).fetch().settings().grant())
                .satisfies(g -> {
                    assertThat(g.subjectTokenType()).isEqualTo("urn:ietf:params:oauth:token-type:id_token");
                    assertThat(g.requestedTokenType()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
                });
        assertThat(parse(oauth2().with(Parameter.IDENTITY_TOKEN, "variable").with(Parameter.GRANT, "token-exchange")
                .with(Parameter.REQUESTED_TOKEN_TYPE, "urn:example:custom")).fetch().settings().grant()
                .requestedTokenType())
                .isEqualTo("urn:example:custom");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.IDENTITY_TOKEN, "variable")
                .with(Parameter.GRANT, "token-exchange")
                .with(Parameter.SUBJECT_TOKEN_TYPE, "saml"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is no token type");
    }

    @Test
    void autoPicksTheSourceByTheCiSystem() throws TokenException {
        MapParameters auto = oauth2().with(Parameter.IDENTITY_TOKEN, "auto").with(Parameter.CLIENT_ID, "app")
                .with(Parameter.AZURE_SERVICE_CONNECTION_ID, "sc");
        assertThat(parse(auto, new TestExecution("m").env("GITHUB_ACTIONS", "true")).fetch().credentials().identity()
                .kind()).isEqualTo(IdentitySourceKind.GITHUB);
        assertThat(parse(auto, new TestExecution("m").env("TF_BUILD", "True")).fetch().credentials().identity()
                .kind()).isEqualTo(IdentitySourceKind.AZURE);
        assertThat(parse(auto, new TestExecution("m").env("GITLAB_CI", "true")).fetch().credentials().identity())
                .satisfies(i -> {
                    assertThat(i.kind()).isEqualTo(IdentitySourceKind.VARIABLE);
                    assertThat(i.variable()).isEqualTo("OAUTH_ID_TOKEN");
                });
        assertThat(parse(oauth2().with(Parameter.IDENTITY_TOKEN, "auto").with(Parameter.CLIENT_ID, "app")
                .with(Parameter.IDENTITY_TOKEN_FILE, Path.of("/var/run/token"))
                ).fetch().credentials().identity().kind()).isEqualTo(IdentitySourceKind.FILE);
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.IDENTITY_TOKEN, "auto").with(Parameter.CLIENT_ID, "app"),
                new TestExecution("m").env("TF_BUILD", "True"))).hasMessageContaining("<azureServiceConnectionId>");
    }

    @Test
    void anAudienceOnlyGitHubCanAskForIsSaidToBeUnusedElsewhere() throws TokenException {
        TestExecution gitlab = new TestExecution("m").env("GITLAB_CI", "true");
        ExecutionPlan plan = parse(oauth2().with(Parameter.IDENTITY_TOKEN, "auto").with(Parameter.GRANT, "jwt-bearer")
                .with(Parameter.IDENTITY_AUDIENCE, "aud"),
                gitlab);
        assertThat(plan.fetch().credentials().identity().audience()).isNull();
        assertThat(gitlab.log.at("INFO")).anyMatch(line -> line.startsWith("<identityAudience> aud is not used"));
    }

    @Test
    void combinationsThatMakeNoSenseAreConfigurationErrors() {
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.CLIENT_ID, "app")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<clientId> is for clients without");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.SUBJECT_TOKEN_TYPE, "jwt")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("belong to token exchange");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.ASSERTION_AUDIENCE, "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<assertionAudience> belongs to <clientAuth> private_key_jwt or client_secret_jwt");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.CLIENT_AUTH, "private_key_jwt")
                .with(Parameter.KEY_STORE, Path.of("k.p12"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs <keyStoreServerId>");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.CLIENT_AUTH, "private_key_jwt")
                .with(Parameter.KEY_STORE, Path.of("k.p12"))
                .with(Parameter.KEY_STORE_SERVER_ID, "s").with(Parameter.SIGNING_ALGORITHM, "RS512")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown <signingAlgorithm> 'RS512'");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.IDENTITY_TOKEN, "gitlab")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown <identityToken> 'gitlab'");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.IDENTITY_TOKEN, "file")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs <identityTokenFile>");
        assertThatThrownBy(() -> parse(oauth2().with(Parameter.GRANT, "password")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown <grant> 'password'");
        assertThatThrownBy(() -> parse(MapParameters.of().with(Parameter.PROVIDER, "genesys")
                .with(Parameter.REGION, "eu_west_1")
                .with(Parameter.KEY_STORE, Path.of("k.p12")).with(Parameter.RESOURCE, "r")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Provider genesys cannot use <resource>, <keyStore>");
    }

    @Test
    void theKeyStoreTypeFollowsTheExtension() throws TokenException {
        assertThat(parse(oauth2().with(Parameter.CLIENT_AUTH, "private_key_jwt")
                .with(Parameter.KEY_STORE, Path.of("ci.JKS")).with(Parameter.KEY_STORE_SERVER_ID, "s")
                ).fetch().credentials().secretless().key().type()).isEqualTo("JKS");
        assertThat(parse(oauth2().with(Parameter.CLIENT_AUTH, "private_key_jwt")
                .with(Parameter.KEY_STORE, Path.of("ci.p12")).with(Parameter.KEY_STORE_SERVER_ID, "s")
                ).fetch().credentials().secretless().key().type()).isEqualTo("PKCS12");
    }
}
