package io.github.oauthtoken.core.http;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Parses the JSON documents of the OAuth exchanges into plain maps (jackson-jr, see the README's design notes). */
public final class Json {
    private static final JSON JSON_READER = JSON.std;

    private Json() {}

    /**
     * Reads a document with every kind of value once. The first read loads and initialises about a hundred Jackson
     * classes, 25 to 50 ms in a cold JVM; done ahead on another thread, the first real read does not wait for that.
     */
    public static void warmUp() {
        parseObject("{\"s\":\"x\",\"i\":1,\"f\":1.5,\"b\":true,\"n\":null,\"a\":[{}]}");
    }

    /** The document as a map, or empty when it is not a JSON object (not JSON at all, an array, a string...). */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> parseObject(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Object value = JSON_READER.anyFrom(text);
            return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A string member, or empty when absent, null or not a string. */
    public static Optional<String> string(Map<String, Object> object, String name) {
        return object.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A nested object member, or empty when absent or not an object. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, Object> object, String name) {
        return object.get(name) instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }
}
