package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.text.ServerText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A complete HTTP response. The body is kept as bytes: it may hold a token, so nothing here prints it.
 *
 * @param headers  response headers, names in lower case, first value only
 * @param attempts how many attempts it took (retries included)
 */
public record HttpReply(
        HttpCall call, int status, String contentType, byte[] body, Map<String, String> headers, int attempts) {

    public HttpReply(HttpCall call, int status, String contentType, byte[] body, Map<String, String> headers) {
        this(call, status, contentType, body, headers, 1);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<Map<String, Object>> jsonObject() {
        return Json.parseObject(bodyText());
    }

    /**
     * The start of the body, for a message about a body that is not what the plugin expected: enough to recognise an
     * HTML error page or a proxy's message, neutralised like all server text.
     */
    public String excerpt() {
        String text = bodyText();
        return text.isBlank() ? "empty body" : "body starts: " + ServerText.neutralise(text.strip());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "HttpReply[" + call.describe() + " -> " + status + ", " + body.length + " bytes]";
    }
}
