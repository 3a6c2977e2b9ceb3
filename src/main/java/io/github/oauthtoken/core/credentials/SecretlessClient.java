package io.github.oauthtoken.core.credentials;

/**
 * A client that authenticates without a stored secret (a private key, the CI's identity token) or not at all: only
 * its id is looked up, and no secret is read.
 *
 * @param clientId              the {@code clientId} parameter, or null to look in settings.xml and the environment
 * @param clientIdRequired      false only for a client that does not authenticate ({@code clientAuth=none})
 * @param key                   private_key_jwt: the client's key; else null
 * @param identityIsAssertion   the CI's identity token is the client's assertion
 */
public record SecretlessClient(String clientId, boolean clientIdRequired, KeyStoreRequest key,
        boolean identityIsAssertion) {}
