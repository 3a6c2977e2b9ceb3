package io.github.oauthtoken.testservers;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and verifies a compact JWS the way a server does, written apart from the plugin's signing code so that a
 * mistake there cannot hide in a shared helper: RS256, PS256 and ES256 (whose signature must be the 64-byte IEEE
 * P1363 form; a DER signature fails).
 */
public final class JwtVerifier {
    private JwtVerifier() {}

    /** A parsed compact JWS; {@code signingInput} and {@code signature} are what the signature covers and is. */
    public record Jws(Map<String, Object> header, Map<String, Object> claims, byte[] signingInput, byte[] signature) {
        public String alg() {
            return String.valueOf(header.get("alg"));
        }

        public Optional<String> claim(String name) {
            return claims.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
        }

        public Optional<Long> time(String name) {
            return claims.get(name) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
        }
    }

    /** @return empty when the text is not a compact JWS with JSON header and claims */
    @SuppressWarnings("unchecked")
    public static Optional<Jws> parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            Object header = JSON.std.anyFrom(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8));
            Object claims = JSON.std.anyFrom(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8));
            if (!(header instanceof Map) || !(claims instanceof Map) || parts[0].contains("=") || parts[2].contains("=")) {
                return Optional.empty();
            }
            return Optional.of(new Jws((Map<String, Object>) header, (Map<String, Object>) claims,
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), decoder.decode(parts[2])));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the signature verifies with {@code key} under the header's {@code alg}. */
    public static boolean verifies(Jws jws, PublicKey key) {
        try {
            Signature signature;
            switch (jws.alg()) {
                case "RS256" -> signature = Signature.getInstance("SHA256withRSA");
                case "PS256" -> {
                    signature = Signature.getInstance("RSASSA-PSS");
                    signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                case "ES256" -> {
                    if (jws.signature().length != 64) {
                        return false;
                    }
                    signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                }
                default -> {
                    return false;
                }
            }
            signature.initVerify(key);
            signature.update(jws.signingInput());
            return signature.verify(jws.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
