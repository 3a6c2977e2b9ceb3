package io.github.oauthtoken.core.token;

import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.http.Json;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An OAuth error body in any of the three shapes seen in the wild: RFC 6749 ({@code error_description}),
 * Genesys ({@code description} as well) and CXone ({@code errorDescription}).
 */
public record OAuthErrorResponse(String error, Optional<String> description) {

    public static Optional<OAuthErrorResponse> from(HttpReply reply) {
        return reply.jsonObject().flatMap(OAuthErrorResponse::from);
    }

    static Optional<OAuthErrorResponse> from(Map<String, Object> json) {
        Optional<String> error = Json.string(json, "error");
        if (error.isEmpty()) {
            return Optional.empty();
        }
        // The first member that says something: an empty error_description must not hide a Genesys description.
        Optional<String> description = Stream.of("error_description", "errorDescription", "description", "message")
                .map(name -> Json.string(json, name).filter(d -> !d.isBlank()))
                .flatMap(Optional::stream)
                .findFirst();
        return Optional.of(new OAuthErrorResponse(error.get(), description));
    }
}
