package io.github.oauthtoken.core.token;

import java.util.Map;

/**
 * A successful token response: the validated token and the whole JSON object, for provider-specific members
 * such as CXone's {@code id_token}.
 */
public record TokenResponse(AccessToken token, Map<String, Object> json) {
    @Override
    public String toString() {
        return "TokenResponse[fingerprint " + token.fingerprint() + "]";
    }
}
