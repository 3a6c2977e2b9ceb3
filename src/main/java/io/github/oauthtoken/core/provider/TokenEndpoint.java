package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.token.TokenResponse;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The token request every provider ends with: POST the grant, then check the answer. */
final class TokenEndpoint {
    private TokenEndpoint() {}

    static TokenResponse request(
            ProviderContext context, URI tokenUri, FormBody grant, ClientCredentials client,
            Function<String, Optional<String>> hints) throws TokenException {
        return request(context, tokenUri, grant, client, (code, description) -> hints.apply(code),
                tokenUri.toString());
    }

    /** @param assertionAudience the {@code aud} of a client assertion the plugin signs for this request */
    static TokenResponse request(
            ProviderContext context, URI tokenUri, FormBody grant, ClientCredentials client,
            BiFunction<String, Optional<String>, Optional<String>> hints, String assertionAudience)
            throws TokenException {
        HttpCall call = context.settings().clientAuth().apply("token request", tokenUri, grant, client,
                context.redactor(), assertionAudience);
        // expires_in counts from when the server issued the token, which is after the request left: counting from the
        // moment before sending (the first attempt's, when retried) can only make the expiry earlier, never later.
        Instant sentAt = context.clock().instant();
        HttpReply reply = context.http().send(call);
        if (reply.status() != 200) {
            throw ProviderErrors.refused(reply, hints);
        }
        return context.validator().validate(reply, context.settings().defaultExpiresIn(), sentAt);
    }

    /**
     * Advice for the OAuth error codes that mean "your configuration is wrong", naming where the credentials came from.
     *
     * @param grant the grant type, for the {@code unauthorized_client} hint
     */
    static Function<String, Optional<String>> hints(ClientCredentials client, String grant) {
        return code -> switch (code) {
            case "invalid_client" -> Optional.of(client.refusalAdvice());
            case "unauthorized_client" -> Optional.of("the " + grant + " grant is not enabled for this OAuth client; "
                    + "enable it in the client's settings on the server (some servers, such as Keycloak, also answer "
                    + "a wrong secret this way: then check the client id and secret in " + client.origin() + ").");
            case "invalid_scope" -> Optional.of("check <scope>: the server does not grant it to this client.");
            case "unsupported_grant_type" -> Optional.of("the server does not support the " + grant + " grant "
                    + "at this endpoint; check <provider> and the token URL.");
            default -> Optional.empty();
        };
    }
}
