package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
public enum ClientAuthentication {
    /** {@code client_secret_basic}: id and secret, each form-encoded, joined by ':' and Base64-encoded. */
    BASIC,
    /** {@code client_secret_post}: id and secret as form fields. */
    POST;

    public static ClientAuthentication parse(String value) throws TokenException {
        if (value == null || value.isBlank()) {
            return BASIC;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "basic", "client_secret_basic" -> BASIC;
            case "post", "client_secret_post" -> POST;
            default -> throw new ConfigurationException("Unknown <clientAuth> '" + value.trim() + "'. Valid values: basic "
                    + "(HTTP Basic, the default) and post (id and secret in the form body).");
        };
    }

    /** Adds the client's credentials to a request whose form body is not yet encoded. */
    public HttpCall apply(String purpose, java.net.URI uri, FormBody form, ClientCredentials client, Redactor redactor) {
        if (this == POST) {
            form.add("client_id", client.clientId()).add("client_secret", client.clientSecret().reveal());
            return HttpCall.postForm(purpose, uri, form);
        }
        return HttpCall.postForm(purpose, uri, form).header("Authorization", basicHeader(client, redactor));
    }

    static String basicHeader(ClientCredentials client, Redactor redactor) {
        String pair = FormBody.encode(client.clientId()) + ":" + FormBody.encode(client.clientSecret().reveal());
        redactor.registerBasicCredential(pair);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
