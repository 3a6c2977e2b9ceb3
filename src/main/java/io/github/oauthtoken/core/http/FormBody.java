package io.github.oauthtoken.core.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** An {@code application/x-www-form-urlencoded} request body, built in the order the fields were added. */
public final class FormBody {
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final Map<String, String> fields = new LinkedHashMap<>();

    public FormBody add(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** Adds the field only when the value is neither null nor blank (optional parameters such as {@code scope}). */
    public FormBody addIfPresent(String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value);
        }
        return this;
    }

    public String encode() {
        StringJoiner joiner = new StringJoiner("&");
        fields.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return joiner.toString();
    }

    /** RFC 6749 appendix B: the form encoding, also used for the parts of an HTTP Basic client credential. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
