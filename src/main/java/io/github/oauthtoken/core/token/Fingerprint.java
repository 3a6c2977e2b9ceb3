package io.github.oauthtoken.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, non-reversible name for a token, so that logs can tell two tokens apart (and a user can match a log
 * line against the token a test received) without printing the token.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The first 8 hex digits of the SHA-256 of the token. */
    public static String of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
