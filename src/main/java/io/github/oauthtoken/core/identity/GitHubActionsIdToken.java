package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.Variables;
import io.github.oauthtoken.core.http.EndpointPolicy;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.util.function.Function;

/**
 * GitHub Actions: {@code GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=<aud>} with
 * {@code Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN} answers {@code {"value": "<JWT>"}}, a new token
 * each time. The runner sets both variables only for a job with {@code permissions: id-token: write}.
 */
public final class GitHubActionsIdToken implements IdentityTokenSource {
    static final String URL_VARIABLE = "ACTIONS_ID_TOKEN_REQUEST_URL";
    static final String TOKEN_VARIABLE = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

    private final Function<String, String> environment;
    private final String audience;
    private final Redactor redactor;
    private final CiTokenEndpoint endpoint;

    /** @param audience the {@code aud} to ask for, or null for GitHub's default (the repository owner's URL) */
    public GitHubActionsIdToken(Function<String, String> environment, String audience, HttpSettings http,
            Redactor redactor, BuildLog log) {
        this.environment = environment;
        this.audience = audience;
        this.redactor = redactor;
        this.endpoint = new CiTokenEndpoint(http, log);
    }

    @Override
    public Secret obtain() throws TokenException {
        String url = Variables.read(environment, URL_VARIABLE);
        String requestToken = Variables.read(environment, TOKEN_VARIABLE);
        if (requestToken != null) {
            redactor.register(Secret.of(requestToken));
        }
        if (url == null && requestToken == null) {
            throw new TokenException("No GitHub Actions identity token: " + URL_VARIABLE + " and " + TOKEN_VARIABLE
                    + " are not set"
                    + ("true".equalsIgnoreCase(environment.apply("GITHUB_ACTIONS"))
                            ? ", so the workflow does not give this job the permission to ask for one. Add "
                                    + "'permissions: id-token: write' to the job (or the workflow), with "
                                    + "'contents: read' if the job checks out code, since naming one permission "
                                    + "drops the defaults."
                            : ": this build does not run on GitHub Actions (GITHUB_ACTIONS is not true). Use "
                                    + "<identityToken>auto</identityToken> to pick the source by the CI system, or "
                                    + "variable or file elsewhere."));
        }
        if (url == null || requestToken == null) {
            throw new TokenException("No GitHub Actions identity token: " + (url == null ? URL_VARIABLE : TOKEN_VARIABLE)
                    + " is not set, though " + (url == null ? TOKEN_VARIABLE : URL_VARIABLE) + " is. The runner sets "
                    + "both for a job with 'permissions: id-token: write'; check that no step overrides them.");
        }
        // The URL already has a query (api-version); the audience is one more parameter.
        String full = audience == null ? url : url + (url.contains("?") ? "&" : "?") + "audience="
                + FormBody.encode(audience);
        HttpCall call = HttpCall.get("GitHub Actions identity token request", EndpointPolicy.require(full, URL_VARIABLE))
                .header("Authorization", "bearer " + requestToken)
                .header("Accept", "application/json");
        return endpoint.fetch(call, "value", "Check that the job has 'permissions: id-token: write' and that "
                + TOKEN_VARIABLE + " is the runner's own (it is valid for the running job only).");
    }

    @Override
    public String describe() {
        return "the GitHub Actions identity token (audience " + (audience == null ? "GitHub's default" : audience) + ")";
    }

    @Override
    public String memoryKey() {
        return "github " + audience;
    }
}
