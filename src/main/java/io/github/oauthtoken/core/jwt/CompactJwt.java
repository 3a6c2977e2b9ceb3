package io.github.oauthtoken.core.jwt;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

/** A JWS in compact serialisation (RFC 7515 section 7.1): base64url(header).base64url(claims).base64url(signature). */
public final class CompactJwt {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private CompactJwt() {}

    /**
     * Signs the claims. The header's {@code alg} is set from {@code algorithm}, whatever {@code header} says.
     *
     * @param header members besides {@code alg}, in the order they should appear
     */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key,
            SigningAlgorithm algorithm) throws TokenException {
        String signingInput = signingInput(algorithm.name(), header, claims);
        byte[] signature = algorithm.sign(key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    /**
     * MACs the claims with the secret's octets ({@code client_secret_jwt}). The header's {@code alg} is set from
     * {@code algorithm}, whatever {@code header} says.
     *
     * @param header members besides {@code alg}, in the order they should appear
     */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, Secret key,
            MacAlgorithm algorithm) throws TokenException {
        String signingInput = signingInput(algorithm.name(), header, claims);
        byte[] signature = algorithm.sign(key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    private static String signingInput(String alg, Map<String, Object> header, Map<String, Object> claims) {
        Map<String, Object> fullHeader = new java.util.LinkedHashMap<>();
        fullHeader.put("alg", alg);
        header.forEach(fullHeader::putIfAbsent);
        return encode(json(fullHeader)) + "." + encode(json(claims));
    }

    public static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Map<String, Object> members) {
        try {
            return JSON.std.asString(members);
        } catch (IOException e) {
            throw new IllegalStateException("plain maps of strings and numbers always serialise", e);
        }
    }
}
