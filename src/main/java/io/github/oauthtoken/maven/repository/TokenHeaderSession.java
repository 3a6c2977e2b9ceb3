package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.Fingerprint;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.aether.AbstractForwardingRepositorySystemSession;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystemSession;

/**
 * The repository session as one new connection to a repository with a bearer token sees it: the same, except that
 * the repository's header setting ({@code <httpHeaders>} of its server, which Maven 3.9 and later copy there) carries
 * {@code Authorization: Bearer} with the token valid now, beside the server's other headers. Maven's own transports
 * (the native one of Maven 3.9, the Apache and JDK ones of Maven 3.10 and 4) read it when the transporter is made. It
 * is also how {@link TokenTransporterFactory} recognises a connection it has already decorated.
 */
final class TokenHeaderSession extends AbstractForwardingRepositorySystemSession {
    private final RepositorySystemSession session;
    private final Map<String, Object> config;
    private final String fingerprint;

    private TokenHeaderSession(RepositorySystemSession session, Map<String, Object> config, String fingerprint) {
        this.session = session;
        this.config = config;
        this.fingerprint = fingerprint;
    }

    /**
     * @return empty when there is no token, or when this resolver has no header setting (resolver 1.4 and 1.6 of
     *         Maven 3.6 and 3.8, whose only transport, wagon, reads the server's configuration instead)
     */
    static Optional<TokenHeaderSession> of(RepositorySystemSession session, String repositoryId,
            Optional<Secret> token) {
        Optional<String> headersKey = headersKey();
        if (token.isEmpty() || headersKey.isEmpty()) {
            return Optional.empty();
        }
        String key = headersKey.get() + "." + repositoryId;
        Map<String, String> headers = new HashMap<>();
        if (session.getConfigProperties().get(key) instanceof Map<?, ?> existing) {
            existing.forEach((name, value) -> {
                if (name != null && value != null
                        && !ServerCredentials.AUTHORIZATION.equalsIgnoreCase(name.toString())) {
                    headers.put(name.toString(), value.toString());
                }
            });
        }
        headers.put(ServerCredentials.AUTHORIZATION, "Bearer " + token.get().reveal());
        Map<String, Object> config = new HashMap<>(session.getConfigProperties());
        config.put(key, Collections.unmodifiableMap(headers));
        return Optional.of(new TokenHeaderSession(session, Collections.unmodifiableMap(config),
                Fingerprint.of(token.get().reveal())));
    }

    /**
     * {@code ConfigurationProperties.HTTP_HEADERS}, read when the plugin runs: resolver 1 names it
     * {@code aether.connector.http.headers}, resolver 2 {@code aether.transport.http.headers}, and a compiled
     * reference would be the constant of the resolver the plugin was compiled against.
     */
    static Optional<String> headersKey() {
        try {
            return Optional.of((String) ConfigurationProperties.class.getField("HTTP_HEADERS").get(null));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The token's fingerprint, for log lines. */
    String fingerprint() {
        return fingerprint;
    }

    @Override
    protected RepositorySystemSession getSession() {
        return session;
    }

    @Override
    public Map<String, Object> getConfigProperties() {
        return config;
    }
}
