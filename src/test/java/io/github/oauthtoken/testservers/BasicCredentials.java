package io.github.oauthtoken.testservers;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An {@code Authorization: Basic} header as a token server reads it (RFC 6749 section 2.3.1): Base64 of the client
 * id and secret, each form-encoded, joined by ':'.
 *
 * @param id     the client id, form-decoded
 * @param secret the client secret, form-decoded
 */
record BasicCredentials(String id, String secret) {

    /** The header's id and secret; empty for no header, another scheme, or one that does not decode. */
    static Optional<BasicCredentials> of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
