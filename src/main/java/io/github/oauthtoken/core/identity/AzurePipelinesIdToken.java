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
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * Azure Pipelines: {@code POST $SYSTEM_OIDCREQUESTURI?api-version=7.1&serviceConnectionId=<id>} with
 * {@code Authorization: Bearer $SYSTEM_ACCESSTOKEN} answers {@code {"oidcToken": "<JWT>"}} (audience
 * {@code api://AzureADTokenExchange}), a new token each time. The agent gives a step {@code SYSTEM_ACCESSTOKEN} only
 * when the pipeline maps {@code $(System.AccessToken)} into the step's environment.
 */
public final class AzurePipelinesIdToken implements IdentityTokenSource {
    static final String URI_VARIABLE = "SYSTEM_OIDCREQUESTURI";
    static final String TOKEN_VARIABLE = "SYSTEM_ACCESSTOKEN";

    private final Function<String, String> environment;
    private final String serviceConnectionId;
    private final Redactor redactor;
    private final CiTokenEndpoint endpoint;

    public AzurePipelinesIdToken(Function<String, String> environment, String serviceConnectionId, HttpSettings http,
            Redactor redactor, BuildLog log) {
        this.environment = environment;
        this.serviceConnectionId = serviceConnectionId;
        this.redactor = redactor;
        this.endpoint = new CiTokenEndpoint(http, log);
    }

    @Override
    public Secret obtain() throws TokenException {
        String uri = Variables.read(environment, URI_VARIABLE);
        String accessToken = Variables.read(environment, TOKEN_VARIABLE);
        if (accessToken != null) {
            redactor.register(Secret.of(accessToken));
        }
        if (uri == null) {
            throw new TokenException("No Azure Pipelines identity token: " + URI_VARIABLE + " is not set"
                    + ("true".equalsIgnoreCase(environment.apply("TF_BUILD"))
                            ? " (the agent offers no identity token to this job)."
                            : ": this build does not run on Azure Pipelines (TF_BUILD is not True).")
                    + " Use <identityToken>auto</identityToken> to pick the source by the CI system.");
        }
        if (accessToken == null) {
            throw new TokenException("No Azure Pipelines identity token: " + TOKEN_VARIABLE + " is not set. The agent "
                    + "gives it to a step only when asked: add 'env: " + TOKEN_VARIABLE + ": $(System.AccessToken)' "
                    + "to the step that runs Maven.");
        }
        String full = uri + (uri.contains("?") ? "&" : "?") + "api-version=7.1&serviceConnectionId="
                + FormBody.encode(serviceConnectionId);
        HttpCall call = new HttpCall("Azure Pipelines identity token request", "POST",
                EndpointPolicy.require(full, URI_VARIABLE), new LinkedHashMap<>(), "application/json", "")
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
        return endpoint.fetch(call, "oidcToken", "Check <azureServiceConnectionId> (the id of a service connection "
                + "that uses workload identity federation, which the pipeline is allowed to use) and that "
                + TOKEN_VARIABLE + " is $(System.AccessToken).");
    }

    @Override
    public String describe() {
        return "the Azure Pipelines identity token (service connection " + serviceConnectionId + ")";
    }

    @Override
    public String memoryKey() {
        return "azure " + serviceConnectionId;
    }
}
