package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.identity.IdentityRequest;
import io.github.oauthtoken.core.jwt.MacAlgorithm;
import java.util.List;

/**
 * Where to look for credentials, in order.
 *
 * @param serverId          settings.xml server of the client, or null to use environment variables
 * @param clientEnv         environment variable pairs for the client, tried in order when {@code serverId} is null
 * @param needsAccessKey    whether the provider also needs a user access key (CXone)
 * @param accessKeyServerId settings.xml server of the access key, or null to use {@code accessKeyEnv}
 * @param accessKeyEnv      environment variables of the access key
 * @param secretless        a client that authenticates without a stored secret, or null for one with a secret
 * @param identity          where the CI's identity token comes from, or null when none is used
 * @param clientSecretJwt   {@code client_secret_jwt}: the MAC its assertions are signed with; else null
 */
public record CredentialRequest(
        String serverId,
        List<EnvPair> clientEnv,
        boolean needsAccessKey,
        String accessKeyServerId,
        EnvPair accessKeyEnv,
        SecretlessClient secretless,
        IdentityRequest identity,
        MacAlgorithm clientSecretJwt) {

    public CredentialRequest(String serverId, List<EnvPair> clientEnv, boolean needsAccessKey, String accessKeyServerId,
            EnvPair accessKeyEnv) {
        this(serverId, clientEnv, needsAccessKey, accessKeyServerId, accessKeyEnv, null, null, null);
    }
}
