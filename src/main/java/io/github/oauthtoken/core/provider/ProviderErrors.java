package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.HttpReply;
import java.util.Optional;
import java.util.function.Function;

/** Turns an unsuccessful response into a message with status, error code, description and what to do. */
final class ProviderErrors {
    /** Enough of a body to recognise it (an HTML error page, a proxy's message) without flooding the log. */
    static final int BODY_EXCERPT_CHARS = 200;

    private ProviderErrors() {}

    /**
     * @param hints the provider's advice for an OAuth error code, or empty for none
     */
    static TokenException refused(HttpReply reply, Function<String, Optional<String>> hints) {
        String where = reply.call().subject()
                + (reply.attempts() > 1 ? " (after " + reply.attempts() + " attempts)" : "");
        Optional<OAuthErrorResponse> error = OAuthErrorResponse.from(reply);
        if (error.isPresent()) {
            OAuthErrorResponse e = error.get();
            return new TokenException(where + " was refused: HTTP " + reply.status() + ", error " + e.error()
                    + e.description().map(d -> " (" + d + ")").orElse("") + "."
                    + hints.apply(e.error()).map(h -> " Hint: " + h).orElse(""));
        }
        return new TokenException(where + " failed: HTTP " + reply.status() + ", Content-Type '"
                + reply.contentType() + "', " + excerpt(reply));
    }

    /** The start of a body that is not the JSON the plugin expected, with control characters made visible. */
    static String excerpt(HttpReply reply) {
        String text = reply.bodyText();
        if (text.isBlank()) {
            return "empty body.";
        }
        String cut = text.length() > BODY_EXCERPT_CHARS ? text.substring(0, BODY_EXCERPT_CHARS) + "…" : text;
        return "body starts: " + cut.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").strip();
    }
}
