package io.github.oauthtoken.core.credentials;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The client's private key and its certificate chain, from a key store: for signing {@code private_key_jwt}
 * assertions, and for presenting in the TLS handshake ({@code tls_client_auth}).
 *
 * @param chain  the client's certificate first, then those of the CAs above it as the key entry holds them
 * @param origin where it came from, in words for messages ({@code key 'ci' in <keyStore> /path/ci.p12})
 */
public record ClientKey(PrivateKey privateKey, List<X509Certificate> chain, String origin) {

    /** The client's own certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ClientKey[" + origin + "]";
    }
}
