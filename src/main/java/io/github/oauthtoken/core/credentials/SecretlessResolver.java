package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.ClientCertificate;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.identity.IdentityClaims;
import io.github.oauthtoken.core.identity.IdentityToken;
import io.github.oauthtoken.core.jwt.ClientAssertions;
import io.github.oauthtoken.core.jwt.MacAlgorithm;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Credentials beyond an id and a secret sent as they are. For a client that needs no stored secret: its id (from
 * {@code clientId}, a settings.xml server's username or the client id variable; the secret beside it is never read),
 * its private key for {@code private_key_jwt}, its certificate for {@code tls_client_auth}, and the CI's identity
 * token. For {@code client_secret_jwt}: the assertions keyed with the secret {@link CredentialResolver} finds. Key
 * stores are opened and secrets measured here, so that their mistakes fail before any request. The identity token is
 * asked for here already, so that whom it names can key the caches, and so that a job without one fails before
 * anything else happens.
 */
public final class SecretlessResolver {
    private final ServerLookup servers;
    private final Function<String, String> environment;
    private final Redactor redactor;
    private final HttpSettings http;
    private final BuildLog log;
    private final Clock clock;
    private final Consumer<Secret> issued;
    private final Map<String, IdentityClaims> knownIdentities;

    /**
     * @param issued          sees every identity token and assertion before it is used (redaction, CI masking)
     * @param knownIdentities the build's identities learnt so far, by source
     */
    public SecretlessResolver(ServerLookup servers, Function<String, String> environment, Redactor redactor,
            HttpSettings http, BuildLog log, Clock clock, Consumer<Secret> issued,
            Map<String, IdentityClaims> knownIdentities) {
        this.servers = servers;
        this.environment = environment;
        this.redactor = redactor;
        this.http = http;
        this.log = log;
        this.clock = clock;
        this.issued = issued;
        this.knownIdentities = knownIdentities;
    }

    /** Whether the request needs this resolver rather than {@link CredentialResolver} alone. */
    public static boolean applies(CredentialRequest request) {
        return request.secretless() != null || request.identity() != null || request.clientSecretJwt() != null;
    }

    public Credentials resolve(String providerName, CredentialRequest request) throws TokenException {
        Optional<IdentityToken> identity = request.identity() == null ? Optional.empty()
                : Optional.of(new IdentityToken(request.identity().open(environment, http, redactor, log), issued,
                        knownIdentities));
        // The client first: its mistakes (a key store that does not open) need no request to the CI.
        ClientCredentials client = request.secretless() == null ? withSecret(providerName, request)
                : client(providerName, request, request.secretless(), identity);
        if (identity.isPresent()) {
            IdentityClaims claims = identity.get().identity();
            log.debug("Using " + identity.get().origin() + ": " + claims.describe() + ".");
        }
        return new Credentials(client, Optional.empty(), identity);
    }

    /** A client with a stored secret; for client_secret_jwt, the secret keys its assertions and is never sent. */
    private ClientCredentials withSecret(String providerName, CredentialRequest request) throws TokenException {
        ClientCredentials client = new CredentialResolver(servers, environment, redactor).resolve(providerName, request)
                .client();
        MacAlgorithm algorithm = request.clientSecretJwt();
        if (algorithm == null) {
            return client;
        }
        algorithm.check(client.clientSecret(), client.origin());
        return new ClientCredentials(client.clientId(), client.clientSecret(), client.origin(),
                new ClientSecretJwt(client.clientId(), client.clientSecret(), client.origin(), algorithm, clock,
                        issued));
    }

    private ClientCredentials client(String providerName, CredentialRequest request, SecretlessClient secretless,
            Optional<IdentityToken> identity) throws TokenException {
        List<String> looked = new ArrayList<>();
        Optional<CredentialResolver.Found> found = secretless.clientId() != null
                ? Optional.of(new CredentialResolver.Found(secretless.clientId(), null, "<clientId>"))
                : new CredentialResolver(servers, environment, redactor).clientIdOnly(request, looked);
        if (found.isEmpty() && secretless.clientIdRequired()) {
            throw new TokenException("Missing the client id for provider " + providerName + " (no secret is needed "
                    + "with " + (secretless.key() != null ? secretless.authentication().id() : "an identity token")
                    + ", but the id "
                    + "is). Looked at:\n  - <clientId> (not set)\n  - " + String.join("\n  - ", looked)
                    + "\nSet <clientId>: the id is no secret.");
        }
        ClientAssertions assertions = null;
        ClientCertificate certificate = null;
        String id = found.map(CredentialResolver.Found::username).orElse(null);
        if (secretless.authentication() == ClientAuthentication.PRIVATE_KEY_JWT) {
            assertions = privateKeyJwt(id, secretless.key());
        } else if (secretless.authentication() == ClientAuthentication.TLS_CLIENT_AUTH) {
            ClientKey key = openKey(secretless.key());
            certificate = new ClientCertificate(key.privateKey(), key.chain(), key.origin());
        } else if (secretless.identityIsAssertion()) {
            assertions = identity.orElseThrow(() -> new IllegalStateException("an identity assertion without identity"));
        }
        return new ClientCredentials(id, null, found.map(CredentialResolver.Found::origin).orElse("no client id"),
                assertions, certificate);
    }

    private PrivateKeyJwt privateKeyJwt(String clientId, KeyStoreRequest key) throws TokenException {
        ClientKey clientKey = openKey(key);
        SigningAlgorithm algorithm = key.algorithm() != null ? key.algorithm()
                : SigningAlgorithm.defaultFor(clientKey.privateKey(), "the " + clientKey.origin());
        algorithm.check(clientKey.privateKey(), "the " + clientKey.origin());
        return new PrivateKeyJwt(clientId, clientKey, algorithm, key.keyId(), key.thumbprint(), clock, issued);
    }

    /** The key store's key, opened with the password of its settings.xml server; every mistake before any request. */
    private ClientKey openKey(KeyStoreRequest key) throws TokenException {
        String serverId = key.passwordServerId();
        String passwordOrigin = "server '" + serverId + "' in settings.xml (<keyStoreServerId>)";
        Secret password = servers.find(serverId).map(UsernamePassword::password).orElseThrow(() ->
                new ConfigurationException("<keyStoreServerId> names server '" + serverId + "', which is not in "
                        + servers.where() + "."));
        if (password == null || password.isEmpty()) {
            throw new ConfigurationException(passwordOrigin + " has no <password>; it must hold the password that "
                    + "opens <keyStore> and its key.");
        }
        redactor.register(password);
        return ClientKeyStore.open(key.file(), key.type(), key.alias(), password, passwordOrigin);
    }
}
