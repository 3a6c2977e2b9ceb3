package io.github.oauthtoken.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.TestHttpSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each CI's way of handing out its identity token, as ../shared/PROTOCOLS.md describes it, and what goes wrong. */
class IdentityTokenSourcesTest {
    private static final String REQUEST_TOKEN = "gh-request-TOKEN-8";
    private final StubHttpServer ci = new StubHttpServer();
    private final Map<String, String> env = new HashMap<>();
    private final Redactor redactor = new Redactor();
    private final AtomicInteger issued = new AtomicInteger();

    @AfterEach
    void stop() {
        ci.close();
    }

    private static String jwt(String sub) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"iss\":\"https://ci.example\",\"sub\":\"" + sub + "\",\"aud\":[\"a\",\"b\"]}")
                        .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private GitHubActionsIdToken github(String audience) {
        return new GitHubActionsIdToken(env::get, audience, TestHttpSettings.defaults(), redactor, BuildLog.SILENT);
    }

    private void onGitHub(String path) {
        env.put("GITHUB_ACTIONS", "true");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", ci.url() + path);
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
    }

    @Test
    void gitHubGetsATokenForTheAudienceWithTheRunnersBearerToken() throws Exception {
        ci.on("/idtoken", request -> StubHttpServer.Response.json(200,
                "{\"count\":1,\"value\":\"" + jwt("repo:o/r:ref:refs/heads/main-" + issued.incrementAndGet()) + "\"}"));
        onGitHub("/idtoken?api-version=2.0");

        Secret token = github("api://AzureADTokenExchange").obtain();

        assertThat(token.reveal()).isEqualTo(jwt("repo:o/r:ref:refs/heads/main-1"));
        StubHttpServer.Request request = ci.requests("/idtoken").get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.query()).isEqualTo("api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange");
        assertThat(request.header("authorization")).isEqualTo("bearer " + REQUEST_TOKEN);
        // The request token is a secret of the job: masked in anything the build prints.
        assertThat(redactor.redact("x " + REQUEST_TOKEN)).isEqualTo("x ****");
    }

    @Test
    void aUrlWithoutQueryGetsOneAndNoAudienceMeansGitHubsDefault() throws Exception {
        ci.onJson("/plain", 200, "{\"value\":\"" + jwt("s") + "\"}");
        onGitHub("/plain");
        github("aud one").obtain();
        github(null).obtain();
        assertThat(ci.requests("/plain")).extracting(StubHttpServer.Request::query)
                .containsExactly("audience=aud+one", null);
    }

    @Test
    void withoutTheVariablesTheJobLacksTheIdTokenPermissionOrIsNotOnGitHub() {
        env.put("GITHUB_ACTIONS", "true");
        assertThatThrownBy(() -> github(null).obtain()).isInstanceOf(TokenException.class)
                .hasMessageContaining("Add 'permissions: id-token: write' to the job");
        env.remove("GITHUB_ACTIONS");
        assertThatThrownBy(() -> github(null).obtain())
                .hasMessageContaining("this build does not run on GitHub Actions");
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", ci.url() + "/x");
        assertThatThrownBy(() -> github(null).obtain())
                .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set, though ACTIONS_ID_TOKEN_REQUEST_URL is");
    }

    @Test
    void theCiEndpointFollowsTheUrlPolicyOfEveryOtherRequest() {
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "http://ci.example/idtoken?api-version=2.0");
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", REQUEST_TOKEN);
        assertThatThrownBy(() -> github(null).obtain()).isInstanceOf(TokenException.class)
                .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_URL uses plain http:// to ci.example")
                .hasMessageNotContaining(REQUEST_TOKEN);
    }

    @Test
    void aRefusalQuotesTheCiNeutralisedAndAnAnswerWithoutValueListsTheMembers() {
        ci.onJson("/refuse", 401, "{\"message\":\"Bad credentials\\n##vso[task.setvariable variable=x]1\"}");
        onGitHub("/refuse?api-version=2.0");
        assertThatThrownBy(() -> github(null).obtain())
                .hasMessageContaining("GitHub Actions identity token request (GET " + ci.url() + "/refuse) was refused: "
                        + "HTTP 401, message Bad credentials # #vso[task.setvariable variable=x]1.")
                .hasMessageContaining("permissions: id-token: write");
        ci.onJson("/empty", 200, "{\"count\":0}");
        onGitHub("/empty");
        assertThatThrownBy(() -> github(null).obtain()).hasMessageContaining("answered without a value string "
                + "(members present: [count])");
    }

    @Test
    void azurePostsForTheServiceConnectionWithTheSystemAccessToken() throws Exception {
        ci.onJson("/oidctoken", 200, "{\"oidcToken\":\"" + jwt("sc://org/prj/conn") + "\"}");
        env.put("TF_BUILD", "True");
        env.put("SYSTEM_OIDCREQUESTURI", ci.url() + "/oidctoken");
        env.put("SYSTEM_ACCESSTOKEN", "azure-ACCESS-token-4");

        Secret token = new AzurePipelinesIdToken(env::get, "a b&c", TestHttpSettings.defaults(), redactor,
                BuildLog.SILENT).obtain();

        assertThat(token.reveal()).isEqualTo(jwt("sc://org/prj/conn"));
        StubHttpServer.Request request = ci.requests("/oidctoken").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.query()).isEqualTo("api-version=7.1&serviceConnectionId=a+b%26c");
        assertThat(request.header("authorization")).isEqualTo("Bearer azure-ACCESS-token-4");
        assertThat(redactor.redact("azure-ACCESS-token-4")).isEqualTo("****");
    }

    @Test
    void azureSaysWhatIsMissing() {
        AzurePipelinesIdToken azure = new AzurePipelinesIdToken(env::get, "c", TestHttpSettings.defaults(), redactor,
                BuildLog.SILENT);
        assertThatThrownBy(azure::obtain).hasMessageContaining("SYSTEM_OIDCREQUESTURI is not set: this build does not "
                + "run on Azure Pipelines");
        env.put("SYSTEM_OIDCREQUESTURI", ci.url() + "/oidctoken");
        assertThatThrownBy(azure::obtain).hasMessageContaining("add 'env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)'");
    }

    @Test
    void aVariableIsReadAtEachUseAndAMissingOneIsExplainedForGitLab() throws Exception {
        VariableIdToken variable = new VariableIdToken(env::get, "GITLAB_OIDC_TOKEN");
        env.put("GITLAB_CI", "true");
        assertThatThrownBy(variable::obtain).hasMessageContaining("environment variable GITLAB_OIDC_TOKEN "
                + "(<identityTokenVariable>) is not set. GitLab CI sets it when the job declares it: 'id_tokens: "
                + "GITLAB_OIDC_TOKEN: aud:");
        env.put("GITLAB_OIDC_TOKEN", " " + jwt("one") + "\n");
        assertThat(variable.obtain().reveal()).isEqualTo(jwt("one"));
        env.put("GITLAB_OIDC_TOKEN", jwt("two"));
        assertThat(variable.obtain().reveal()).isEqualTo(jwt("two"));
    }

    @Test
    void aFileThatIsMissingOrEmptySaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        assertThatThrownBy(() -> new FileIdToken(file).obtain()).hasMessageContaining("does not exist");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> new FileIdToken(file).obtain()).hasMessageContaining("is empty");
        Files.writeString(file, jwt("k8s") + "\n");
        assertThat(new FileIdToken(file).obtain().reveal()).isEqualTo(jwt("k8s"));
    }

    @Test
    void theFirstTokenLearnsTheIdentityAndServesTheFirstRequestThenEachRequestGetsANewOne() throws Exception {
        ci.on("/idtoken", request -> StubHttpServer.Response.json(200,
                "{\"value\":\"" + jwt("sub-" + issued.incrementAndGet()) + "\"}"));
        onGitHub("/idtoken?api-version=2.0");
        List<Secret> seen = new ArrayList<>();
        Map<String, IdentityClaims> known = new ConcurrentHashMap<>();
        IdentityToken token = new IdentityToken(github("x"), seen::add, known);

        assertThat(token.identity()).isEqualTo(new IdentityClaims("https://ci.example", "sub-1", List.of("a", "b")));
        assertThat(token.next().reveal()).isEqualTo(jwt("sub-1"));
        assertThat(token.next().reveal()).isEqualTo(jwt("sub-2"));
        assertThat(seen).extracting(Secret::reveal).containsExactly(jwt("sub-1"), jwt("sub-2"));

        // Another execution of the build knows the identity already: no request until a token is needed.
        IdentityToken later = new IdentityToken(github("x"), seen::add, known);
        assertThat(later.identity().subject()).isEqualTo("sub-1");
        assertThat(ci.requests("/idtoken")).hasSize(2);
    }

    @Test
    void somethingThatIsNoJwtIsRefusedWithoutQuotingIt() {
        env.put("OAUTH_ID_TOKEN", "not-a-jwt-SECRETISH");
        IdentityToken token = new IdentityToken(new VariableIdToken(env::get, "OAUTH_ID_TOKEN"), s -> {},
                new HashMap<>());
        assertThatThrownBy(token::identity).hasMessageContaining("is not a JWT")
                .hasMessageNotContaining("SECRETISH");
        env.put("OAUTH_ID_TOKEN", jwt("a") + "\u2028x");
        assertThatThrownBy(token::next).hasMessageContaining("other than visible ASCII");
    }
}
