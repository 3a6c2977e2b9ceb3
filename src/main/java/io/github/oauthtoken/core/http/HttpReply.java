package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.text.ServerText;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A complete HTTP response. The body is kept as bytes: it may hold a token, so nothing here prints it but the
 * {@link #excerpt}, which masks what looks like one.
 *
 * @param headers  response headers, names in lower case, first value only
 * @param attempts how many attempts it took (retries included)
 */
public record HttpReply(
        HttpCall call, int status, String contentType, byte[] body, Map<String, String> headers, int attempts) {
    /** The Redactor's mask, so that a masked token reads the same wherever it was caught. */
    private static final String MASK = "****";
    /** The value of any member or parameter named like a token: access_token=..., "id_token": "...", accessToken. */
    private static final Pattern TOKEN_MEMBER =
            Pattern.compile("(?i)([\\w-]*token[\"']?\\s*[:=]\\s*[\"']?)[^\"'&\\s,;<>(){}\\[\\]]+");
    /** A JWT (its header always starts {"), wherever it stands. */
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]*\\.[\\w-]+\\.[\\w-]*");
    /** A body that is one long word of token characters, quoted or not: a token answered as plain text. */
    private static final Pattern BARE_TOKEN = Pattern.compile("[\"']?[\\w.~+/=-]{16,}[\"']?");
    /** What random tokens look like: 16 or more token characters in a row, a digit among them. */
    private static final Pattern LONG_WORD_WITH_DIGIT =
            Pattern.compile("(?<![\\w.~+/=-])(?=[\\w.~+/=-]*\\d)[\\w.~+/=-]{16,}");

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
     * HTML error page or a proxy's message, neutralised like all server text. Whatever looks like a token is masked
     * first (the value of anything named like a token, a JWT), and in a successful answer also every long word with
     * a digit in it and a body that is one long word: a 200 that is not a JSON object (form-encoded, an array, a bare
     * string) may well carry the token, and nothing has registered it for redaction, since it was never read as one.
     */
    public String excerpt() {
        String text = bodyText().strip();
        if (text.isEmpty()) {
            return "empty body";
        }
        String masked = JWT.matcher(TOKEN_MEMBER.matcher(text).replaceAll("$1" + MASK)).replaceAll(MASK);
        if (status / 100 == 2) {
            masked = BARE_TOKEN.matcher(masked).matches() ? MASK : LONG_WORD_WITH_DIGIT.matcher(masked).replaceAll(MASK);
        }
        return "body starts: " + ServerText.neutralise(masked);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return "HttpReply[" + call.describe() + " -> " + status + ", " + body.length + " bytes]";
    }
}
