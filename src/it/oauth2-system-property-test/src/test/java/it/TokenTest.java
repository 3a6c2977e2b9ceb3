package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TokenTest {
    @Test
    void theTokenArrivesAsASystemProperty() throws Exception {
        String token = System.getProperty("api.token");
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "mock-oauth2-server issues JWTs");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"iss\""), "the JWT has claims");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha.substring(0, 8), System.getProperty("api.token.fingerprint"));
        // For verify.groovy: the token's fingerprint only, never the token.
        Files.writeString(Path.of("target/seen-fingerprint.txt"), sha.substring(0, 8));
    }
}
