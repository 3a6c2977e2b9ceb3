package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import java.nio.file.Path;

/**
 * private_key_jwt: where the client's key is.
 *
 * @param alias            the key's alias, or null for the store's only key
 * @param passwordServerId settings.xml server whose password opens the store and the key
 * @param algorithm        the configured algorithm, or null to choose by the key
 * @param keyId            the {@code kid} header, or null for none
 */
public record KeyStoreRequest(Path file, String type, String alias, String passwordServerId,
        SigningAlgorithm algorithm, String keyId) {}
