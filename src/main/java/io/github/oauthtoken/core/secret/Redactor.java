package io.github.oauthtoken.core.secret;

import io.github.oauthtoken.core.text.ServerText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces every registered secret in a text before the text leaves the plugin (log line, exception message).
 * It is the last line of defence: code should not put secrets into messages in the first place, but if a bug
 * or a library does, the value is still masked. Besides the raw value it masks the encodings the plugin itself
 * produces (form encoding, Base64 of a Basic credential), since those travel in requests that may be echoed back.
 */
public final class Redactor {
    static final String MASK = "****";
    /** Shorter values would mask ordinary words; no real secret or token is this short. */
    private static final int MIN_LENGTH = 4;

    private final Set<String> values;

    public Redactor() {
        this(ConcurrentHashMap.newKeySet());
    }

    /**
     * A redactor over a set of values that others add to as well: the build keeps one such set, so every
     * execution's log masks every secret and token any execution of the build has seen. It holds plain strings, a
     * JDK type, so that two versions of the plugin in one build can share it.
     */
    public Redactor(Set<String> sharedValues) {
        this.values = sharedValues;
    }

    public void register(Secret secret) {
        if (secret != null) {
            registerRaw(secret.reveal());
            registerRaw(URLEncoder.encode(secret.reveal(), StandardCharsets.UTF_8));
        }
    }

    /** Registers the Base64 form of a Basic credential ({@code id:secret}) as sent in an Authorization header. */
    public void registerBasicCredential(String encodedPair) {
        registerRaw(encodedPair);
        registerRaw(Base64.getEncoder().encodeToString(encodedPair.getBytes(StandardCharsets.UTF_8)));
    }

    private void registerRaw(String value) {
        if (value != null && value.length() >= MIN_LENGTH) {
            values.add(value);
        }
    }

    public String redact(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        // Longest first, so a value that contains another registered value is masked whole.
        List<String> ordered = new ArrayList<>(values);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        String result = text;
        for (String value : ordered) {
            result = result.replace(value, MASK);
        }
        return result.contains(ServerText.ELLIPSIS) ? maskCutShort(result, ordered) : result;
    }

    /**
     * {@link ServerText} cuts long server text, and a secret the server echoed may straddle the cut: what is left of
     * it before the ellipsis is masked like the whole value (from {@link #MIN_LENGTH} characters on).
     */
    private static String maskCutShort(String text, List<String> ordered) {
        StringBuilder result = new StringBuilder(text);
        // From the end backwards, so that a replacement never moves a position still to be looked at.
        int at = text.lastIndexOf(ServerText.ELLIPSIS);
        while (at > 0) {
            int prefix = longestPrefixEndingAt(text, at, ordered);
            if (prefix > 0) {
                result.replace(at - prefix, at, MASK);
            }
            at = text.lastIndexOf(ServerText.ELLIPSIS, at - prefix - 1);
        }
        return result.toString();
    }

    private static int longestPrefixEndingAt(String text, int end, List<String> values) {
        int longest = 0;
        for (String value : values) {
            for (int length = Math.min(value.length() - 1, end); length >= MIN_LENGTH && length > longest; length--) {
                if (text.regionMatches(end - length, value, 0, length)) {
                    longest = length;
                    break;
                }
            }
        }
        return longest;
    }
}
