package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.text.ServerText;
import io.github.oauthtoken.core.token.OAuthErrorResponse;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns an unsuccessful response into a message with status, error code, description and what to do. Every word
 * the server chose goes through {@link ServerText} first.
 */
final class ProviderErrors {
    private ProviderErrors() {}

    /**
     * @param hints the provider's advice for an OAuth error code, or empty for none
     */
    static TokenException refused(HttpReply reply, Function<String, Optional<String>> hints) {
        return refused(reply, (code, description) -> hints.apply(code));
    }

    /** @param hints advice for an OAuth error code and its description (some servers put their own code there) */
    static TokenException refused(HttpReply reply, BiFunction<String, Optional<String>, Optional<String>> hints) {
        String where = reply.call().subject()
                + (reply.attempts() > 1 ? " (after " + reply.attempts() + " attempts)" : "");
        Optional<OAuthErrorResponse> error = OAuthErrorResponse.from(reply);
        if (error.isPresent()) {
            OAuthErrorResponse e = error.get();
            return new TokenException(where + " was refused: HTTP " + reply.status() + ", error "
                    + ServerText.neutralise(e.error())
                    + e.description().map(d -> " (" + ServerText.neutralise(d) + ")").orElse("") + "."
                    + hints.apply(e.error(), e.description()).map(h -> " Hint: " + h).orElse(""));
        }
        return new TokenException(where + " failed: HTTP " + reply.status() + ", Content-Type '"
                + ServerText.neutralise(reply.contentType()) + "', " + reply.excerpt() + ".");
    }
}
