package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.ConfigurationException;
import java.util.Locale;

/** The OAuth grant provider oauth2 asks for a token with. */
public enum Grant {
    /** RFC 6749 section 4.4: the client's own token. */
    CLIENT_CREDENTIALS("client_credentials", "client_credentials"),
    /** RFC 7523 section 2.1: the CI's identity token is the {@code assertion} of the grant. */
    JWT_BEARER("jwt-bearer", "urn:ietf:params:oauth:grant-type:jwt-bearer"),
    /** RFC 8693: the CI's identity token is the {@code subject_token} exchanged for a token of this server. */
    TOKEN_EXCHANGE("token-exchange", "urn:ietf:params:oauth:grant-type:token-exchange");

    private final String id;
    private final String grantType;

    Grant(String id, String grantType) {
        this.id = id;
        this.grantType = grantType;
    }

    /** The name users write in the POM. */
    public String id() {
        return id;
    }

    /** The {@code grant_type} form value. */
    public String grantType() {
        return grantType;
    }

    /** @param value what the user wrote; unset means {@link #CLIENT_CREDENTIALS} */
    public static Grant parse(String value) throws ConfigurationException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Grant grant : values()) {
            if (grant.id.equals(v) || grant.id.replace('-', '_').equals(v) || grant.grantType.equals(v)) {
                return grant;
            }
        }
        throw new ConfigurationException("Unknown <grant> '" + value.trim() + "'. Valid values: client_credentials "
                + "(the default), jwt-bearer (RFC 7523: the identity token is the grant) and token-exchange (RFC 8693: "
                + "the identity token is exchanged).");
    }
}
