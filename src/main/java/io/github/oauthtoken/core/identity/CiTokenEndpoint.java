package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.http.Json;
import io.github.oauthtoken.core.token.OAuthErrorResponse;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.text.ServerText;
import java.util.Map;
import java.util.Optional;

/**
 * The one request to a CI system's identity token endpoint (GitHub Actions, Azure Pipelines), through the plugin's
 * own transport: the same retries, deadline, proxies, trust store and URL policy as the token request. It has a
 * transport of its own because the identity is needed before the token request (for the cache key) and again for
 * each later request, which may come long after the token request's deadline has passed.
 */
final class CiTokenEndpoint {
    private final HttpSettings http;
    private final BuildLog log;

    CiTokenEndpoint(HttpSettings http, BuildLog log) {
        this.http = http;
        this.log = log;
    }

    /**
     * @param member the JSON member that holds the token
     * @param advice what to check when the CI refuses, appended to the message
     */
    Secret fetch(HttpCall call, String member, String advice) throws TokenException {
        HttpReply reply;
        try (HttpTransport transport = new HttpTransport(http, log)) {
            reply = transport.send(call);
        }
        Optional<Map<String, Object>> json = reply.jsonObject();
        if (reply.status() != 200) {
            String said = OAuthErrorResponse.from(reply)
                    .map(e -> "error " + ServerText.neutralise(e.error())
                            + e.description().map(d -> " (" + ServerText.neutralise(d) + ")").orElse(""))
                    .or(() -> json.flatMap(j -> Json.string(j, "message")).map(m -> "message "
                            + ServerText.neutralise(m)))
                    .orElseGet(reply::excerpt);
            throw new TokenException(reply.call().subject() + " was refused: HTTP " + reply.status() + ", " + said
                    + ". " + advice);
        }
        Optional<String> token = json.flatMap(j -> Json.string(j, member)).filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            throw new TokenException(reply.call().subject() + " answered without a " + member + " string (members "
                    + "present: [" + ServerText.neutralise(json.map(j -> String.join(", ", j.keySet()))
                            .orElse("none: not a JSON object")) + "]).");
        }
        return Secret.of(token.get().trim());
    }
}
