package io.github.oauthtoken.core.credentials;

/**
 * A client that authenticates without a stored secret (a private key, the CI's identity token) or not at all: only
 * its id is looked up, and no secret is read.
 *
 * @param clientId       the {@code clientId} parameter, or null to look in settings.xml and the environment
 * @param authentication how it authenticates: one of those for which {@link ClientAuthentication#needsSecret()} is
 *                       false
 * @param key            {@code private_key_jwt}: the client's key; else null
 */
public record SecretlessClient(String clientId, ClientAuthentication authentication, KeyStoreRequest key) {

    /** Only a client that does not authenticate at all ({@code clientAuth=none}) may go without an id. */
    public boolean clientIdRequired() {
        return authentication != ClientAuthentication.NONE;
    }

    /** The CI's identity token is the client's assertion. */
    public boolean identityIsAssertion() {
        return authentication == ClientAuthentication.IDENTITY_TOKEN_ASSERTION;
    }
}
