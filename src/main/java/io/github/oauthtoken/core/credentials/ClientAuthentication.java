package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.secret.Redactor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How the client authenticates at the token endpoint and the endpoints beside it (RFC 6749 section 2.3.1, RFC 7523
 * section 2.2, RFC 8705 section 2).
 */
public enum ClientAuthentication {
    /** {@code client_secret_basic}: id and secret, each form-encoded, joined by ':' and Base64-encoded. */
    BASIC,
    /** {@code client_secret_post}: id and secret as form fields. */
    POST,
    /**
     * {@code client_secret_jwt}: a client assertion the plugin MACs with the client secret (HS256, HS384, HS512); the
     * secret itself is never sent.
     */
    CLIENT_SECRET_JWT,
    /** {@code private_key_jwt}: a client assertion the plugin signs with the client's key. */
    PRIVATE_KEY_JWT,
    /**
     * {@code tls_client_auth} (RFC 8705 section 2.1): the client's certificate in the TLS handshake; the form carries
     * only {@code client_id}.
     */
    TLS_CLIENT_AUTH,
    /**
     * The CI's identity token as the client assertion (Entra ID federated credentials, Keycloak {@code federated-jwt}).
     * Not a value users write: it is what {@code identityToken} with the client credentials grant means.
     */
    IDENTITY_TOKEN_ASSERTION,
    /** No client authentication: only {@code client_id}, when there is one (a public client, Google STS). */
    NONE;

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** @param value what the user wrote; unset, the default depends on the rest (see the configuration's parser) */
    public static ClientAuthentication parse(String value) throws TokenException {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "basic", "client_secret_basic" -> BASIC;
            case "post", "client_secret_post" -> POST;
            case "client_secret_jwt" -> CLIENT_SECRET_JWT;
            case "private_key_jwt" -> PRIVATE_KEY_JWT;
            case "tls_client_auth" -> TLS_CLIENT_AUTH;
            case "none" -> NONE;
            default -> throw new ConfigurationException("Unknown <clientAuth> '" + value.trim() + "'. Valid values: basic "
                    + "(HTTP Basic, the default), post (id and secret in the form body), client_secret_jwt (an "
                    + "assertion signed with the client secret, which is not sent), private_key_jwt (an assertion signed "
                    + "with the key in <keyStore>), tls_client_auth (the certificate in <keyStore>, presented in the TLS "
                    + "handshake) and none (only the client id).");
        };
    }

    /** The name users write in {@code <clientAuth>}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the client authenticates with a stored secret, which then has to be found. */
    public boolean needsSecret() {
        return this == BASIC || this == POST || this == CLIENT_SECRET_JWT;
    }

    /** Whether the secret itself travels (Basic, post); Genesys Cloud and NICE CXone know no other way. */
    public boolean sendsSecret() {
        return this == BASIC || this == POST;
    }

    /** Whether the client's key comes from {@code keyStore}. */
    public boolean usesKeyStore() {
        return this == PRIVATE_KEY_JWT || this == TLS_CLIENT_AUTH;
    }

    /** Adds the client's credentials to a request whose form body is not yet encoded. */
    public HttpCall apply(String purpose, URI uri, FormBody form, ClientCredentials client, Redactor redactor)
            throws TokenException {
        return apply(purpose, uri, form, client, redactor, uri.toString());
    }

    /**
     * @param audience the {@code aud} of a client assertion the plugin signs (the server's issuer, or its token
     *                 endpoint); unused by the other methods
     */
    public HttpCall apply(String purpose, URI uri, FormBody form, ClientCredentials client, Redactor redactor,
            String audience) throws TokenException {
        switch (this) {
            case POST -> form.add("client_id", client.clientId()).add("client_secret", client.clientSecret().reveal());
            case BASIC -> {
                return HttpCall.postForm(purpose, uri, form).header("Authorization", basicHeader(client, redactor));
            }
            case CLIENT_SECRET_JWT, PRIVATE_KEY_JWT, IDENTITY_TOKEN_ASSERTION -> {
                if (client.clientId() != null) {
                    form.add("client_id", client.clientId());
                }
                form.add("client_assertion_type", ASSERTION_TYPE)
                        .add("client_assertion", client.assertions().next(audience).reveal());
            }
            case TLS_CLIENT_AUTH, NONE -> {
                // tls_client_auth: the certificate went with the handshake (the transport's settings); RFC 8705
                // section 2 asks for client_id in the request.
                if (client.clientId() != null) {
                    form.add("client_id", client.clientId());
                }
            }
        }
        return HttpCall.postForm(purpose, uri, form);
    }

    static String basicHeader(ClientCredentials client, Redactor redactor) {
        String pair = FormBody.encode(client.clientId()) + ":" + FormBody.encode(client.clientSecret().reveal());
        redactor.registerBasicCredential(pair);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
