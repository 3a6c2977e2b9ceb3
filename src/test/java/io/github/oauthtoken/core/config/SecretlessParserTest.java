package io.github.oauthtoken.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TestExecution;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.identity.IdentitySourceKind;
import io.github.oauthtoken.core.provider.ClientAuthentication;
import io.github.oauthtoken.core.provider.Grant;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The defaults and refusals of the secretless parameters, as RequestParser applies them. */
class SecretlessParserTest {
    private static final String JWT = "urn:ietf:params:oauth:token-type:jwt";

    private static TokenParameters.Builder oauth2() {
        return TokenParameters.builder().provider("oauth2").tokenUrl("https://idp.example/token");
    }

    private static ExecutionPlan parse(TokenParameters parameters, TestExecution context) throws TokenException {
        return new RequestParser(context, new Redactor()).parse(parameters);
    }

    private static ExecutionPlan parse(TokenParameters parameters) throws TokenException {
        return parse(parameters, new TestExecution("it:parse:1"));
    }

    @Test
    void withoutSecretlessParametersNothingChanges() throws TokenException {
        ExecutionPlan plan = parse(oauth2().build());
        assertThat(plan.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(plan.fetch().settings().grant().grant()).isEqualTo(Grant.CLIENT_CREDENTIALS);
        assertThat(plan.fetch().credentials().secretless()).isNull();
        assertThat(plan.fetch().credentials().identity()).isNull();
    }

    @Test
    void anIdentityTokenWithTheClientCredentialsGrantIsTheClientsAssertion() throws TokenException {
        ExecutionPlan plan = parse(oauth2().identityToken("github").clientId("app").build());
        assertThat(plan.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.IDENTITY_TOKEN_ASSERTION);
        assertThat(plan.fetch().credentials().secretless().identityIsAssertion()).isTrue();
        assertThat(plan.fetch().credentials().secretless().clientIdRequired()).isTrue();
        assertThat(plan.fetch().credentials().identity().kind()).isEqualTo(IdentitySourceKind.GITHUB);
    }

    @Test
    void asAGrantTheClientAuthenticatesWithNothingUnlessToldOtherwise() throws TokenException {
        ExecutionPlan none = parse(oauth2().identityToken("variable").grant("jwt-bearer").build());
        assertThat(none.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.NONE);
        assertThat(none.fetch().credentials().secretless().clientIdRequired()).isFalse();
        ExecutionPlan basic = parse(oauth2().identityToken("variable").grant("urn:ietf:params:oauth:grant-type:jwt-bearer")
                .clientAuth("basic").build());
        assertThat(basic.fetch().settings().clientAuth()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(basic.fetch().credentials().secretless()).as("a secret is read").isNull();
        assertThat(basic.fetch().credentials().identity()).isNotNull();
    }

    @Test
    void tokenTypesHaveShortFormsAndUrnsPassAsTheyAre() throws TokenException {
        assertThat(parse(oauth2().identityToken("variable").grant("token-exchange").build())
                .fetch().settings().grant().subjectTokenType()).isEqualTo(JWT);
        assertThat(parse(oauth2().identityToken("variable").grant("token_exchange").subjectTokenType("ID_TOKEN")
                .requestedTokenType("access_token").build()).fetch().settings().grant())
                .satisfies(g -> {
                    assertThat(g.subjectTokenType()).isEqualTo("urn:ietf:params:oauth:token-type:id_token");
                    assertThat(g.requestedTokenType()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
                });
        assertThat(parse(oauth2().identityToken("variable").grant("token-exchange")
                .requestedTokenType("urn:example:custom").build()).fetch().settings().grant().requestedTokenType())
                .isEqualTo("urn:example:custom");
        assertThatThrownBy(() -> parse(oauth2().identityToken("variable").grant("token-exchange")
                .subjectTokenType("saml").build())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is no token type");
    }

    @Test
    void autoPicksTheSourceByTheCiSystem() throws TokenException {
        TokenParameters auto = oauth2().identityToken("auto").clientId("app").azureServiceConnectionId("sc").build();
        assertThat(parse(auto, new TestExecution("m").env("GITHUB_ACTIONS", "true")).fetch().credentials().identity()
                .kind()).isEqualTo(IdentitySourceKind.GITHUB);
        assertThat(parse(auto, new TestExecution("m").env("TF_BUILD", "True")).fetch().credentials().identity()
                .kind()).isEqualTo(IdentitySourceKind.AZURE);
        assertThat(parse(auto, new TestExecution("m").env("GITLAB_CI", "true")).fetch().credentials().identity())
                .satisfies(i -> {
                    assertThat(i.kind()).isEqualTo(IdentitySourceKind.VARIABLE);
                    assertThat(i.variable()).isEqualTo("OAUTH_ID_TOKEN");
                });
        assertThat(parse(oauth2().identityToken("auto").clientId("app").identityTokenFile(Path.of("/var/run/token"))
                .build()).fetch().credentials().identity().kind()).isEqualTo(IdentitySourceKind.FILE);
        assertThatThrownBy(() -> parse(oauth2().identityToken("auto").clientId("app").build(),
                new TestExecution("m").env("TF_BUILD", "True"))).hasMessageContaining("<azureServiceConnectionId>");
    }

    @Test
    void anAudienceOnlyGitHubCanAskForIsSaidToBeUnusedElsewhere() throws TokenException {
        TestExecution gitlab = new TestExecution("m").env("GITLAB_CI", "true");
        ExecutionPlan plan = parse(oauth2().identityToken("auto").grant("jwt-bearer").identityAudience("aud").build(),
                gitlab);
        assertThat(plan.fetch().credentials().identity().audience()).isNull();
        assertThat(gitlab.log.at("INFO")).anyMatch(line -> line.startsWith("<identityAudience> aud is not used"));
    }

    @Test
    void combinationsThatMakeNoSenseAreConfigurationErrors() {
        assertThatThrownBy(() -> parse(oauth2().clientId("app").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<clientId> is for clients without");
        assertThatThrownBy(() -> parse(oauth2().subjectTokenType("jwt").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("belong to token exchange");
        assertThatThrownBy(() -> parse(oauth2().assertionAudience("x").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs <clientAuth>private_key_jwt");
        assertThatThrownBy(() -> parse(oauth2().clientAuth("private_key_jwt").keyStore(Path.of("k.p12")).build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs <keyStoreServerId>");
        assertThatThrownBy(() -> parse(oauth2().clientAuth("private_key_jwt").keyStore(Path.of("k.p12"))
                .keyStoreServerId("s").signingAlgorithm("RS512").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown <signingAlgorithm> 'RS512'");
        assertThatThrownBy(() -> parse(oauth2().identityToken("gitlab").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown <identityToken> 'gitlab'");
        assertThatThrownBy(() -> parse(oauth2().identityToken("file").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("needs <identityTokenFile>");
        assertThatThrownBy(() -> parse(oauth2().grant("password").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown <grant> 'password'");
        assertThatThrownBy(() -> parse(TokenParameters.builder().provider("genesys").region("eu_west_1")
                .keyStore(Path.of("k.p12")).resource("r").build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Provider genesys cannot use <resource>, <keyStore>");
    }

    @Test
    void theKeyStoreTypeFollowsTheExtension() throws TokenException {
        assertThat(parse(oauth2().clientAuth("private_key_jwt").keyStore(Path.of("ci.JKS")).keyStoreServerId("s")
                .build()).fetch().credentials().secretless().key().type()).isEqualTo("JKS");
        assertThat(parse(oauth2().clientAuth("private_key_jwt").keyStore(Path.of("ci.p12")).keyStoreServerId("s")
                .build()).fetch().credentials().secretless().key().type()).isEqualTo("PKCS12");
    }
}
