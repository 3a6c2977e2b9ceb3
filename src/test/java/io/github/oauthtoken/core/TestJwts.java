package io.github.oauthtoken.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned JWTs (alg none, empty signature) for tests: the plugin reads claims without checking signatures. */
public final class TestJwts {
    private TestJwts() {}

    public static String unsigned(String claimsJson) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
