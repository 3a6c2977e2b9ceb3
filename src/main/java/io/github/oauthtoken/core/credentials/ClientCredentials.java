package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.http.ClientCertificate;
import io.github.oauthtoken.core.jwt.ClientAssertions;
import io.github.oauthtoken.core.secret.Secret;

/**
 * An OAuth client's id and how it proves itself: a secret (sent, or keying assertions), assertions (a private key,
 * the CI's identity token), or a certificate in the TLS handshake.
 *
 * @param clientId     null only for a client that does not authenticate and has no id to send
 * @param clientSecret null when the client authenticates without one
 * @param origin       where they were found, in words for messages ("server 'genesys' in settings.xml",
 *                     "environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET")
 * @param assertions   the client's assertions, or null when it sends its secret, a certificate or nothing
 * @param certificate  {@code tls_client_auth}: the certificate the TLS handshake presents; else null
 */
public record ClientCredentials(String clientId, Secret clientSecret, String origin, ClientAssertions assertions,
        ClientCertificate certificate) {

    public ClientCredentials(String clientId, Secret clientSecret, String origin) {
        this(clientId, clientSecret, origin, null, null);
    }

    public ClientCredentials(String clientId, Secret clientSecret, String origin, ClientAssertions assertions) {
        this(clientId, clientSecret, origin, assertions, null);
    }

    /** What to check when the server refuses this client ({@code invalid_client}), by how it authenticated. */
    public String refusalAdvice() {
        if (assertions != null) {
            return assertions.refusalAdvice();
        }
        if (certificate != null) {
            return "the server did not accept client " + clientId + " with " + certificate.describe() + ". Check "
                    + "that the server has this subject (or one of the certificate's alternative names) registered for "
                    + "the client (Spring Authorization Server compares the subject's RFC 2253 form exactly), that it "
                    + "trusts the issuer, that the key entry holds the chain up to that CA (it holds "
                    + certificate.chainLength() + (certificate.chainLength() == 1 ? " certificate, which a server "
                            + "may take for a self-signed one" : " certificates") + "), and that the server asks for "
                    + "client certificates at this endpoint (servers that do so on other endpoints list them as "
                    + "mtls_endpoint_aliases in their metadata).";
        }
        if (clientSecret == null) {
            return "client " + clientId + " sent only its id, no secret (" + origin + "): if the server requires this "
                    + "client to authenticate, configure its secret (<serverId>, or the client secret variable) and "
                    + "<clientAuth>, or use another <clientAuth>.";
        }
        return "check the client id and secret in " + origin + ".";
    }
}
