package io.github.oauthtoken.core.credentials;

import java.util.Optional;

/** Everything a provider needs to authenticate: the client, and for CXone the user's access key. */
public record Credentials(ClientCredentials client, Optional<AccessKey> accessKey) {}
