package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.secret.Secret;

/**
 * A CXone user access key, sent as the username and password of the OAuth password grant.
 *
 * @param origin where it was found, in words for messages
 */
public record AccessKey(String id, Secret secret, String origin) {}
