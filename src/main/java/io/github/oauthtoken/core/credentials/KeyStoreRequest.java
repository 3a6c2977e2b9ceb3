package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.jwt.AssertionThumbprint;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import java.nio.file.Path;

/**
 * private_key_jwt and tls_client_auth: where the client's key is, and for private_key_jwt how its assertions are
 * signed.
 *
 * @param alias            the key's alias, or null for the store's only key
 * @param passwordServerId settings.xml server whose password opens the store and the key
 * @param algorithm        private_key_jwt: the configured algorithm, or null to choose by the key
 * @param keyId            private_key_jwt: the {@code kid} header, or null for none
 * @param thumbprint       private_key_jwt: which certificate thumbprint the header names; null for tls_client_auth
 */
public record KeyStoreRequest(Path file, String type, String alias, String passwordServerId,
        SigningAlgorithm algorithm, String keyId, AssertionThumbprint thumbprint) {}
