package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.identity.IdentityToken;
import java.util.Optional;

/**
 * Everything a provider needs to authenticate: the client, for CXone the user's access key, and the CI's identity
 * token when it is presented as the grant (JWT bearer, token exchange) or as the client's assertion.
 */
public record Credentials(ClientCredentials client, Optional<AccessKey> accessKey, Optional<IdentityToken> identity) {

    public Credentials(ClientCredentials client, Optional<AccessKey> accessKey) {
        this(client, accessKey, Optional.empty());
    }
}
