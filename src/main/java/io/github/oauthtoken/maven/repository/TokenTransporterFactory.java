package io.github.oauthtoken.maven.repository;

import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.transport.Transporter;
import org.eclipse.aether.spi.connector.transport.TransporterFactory;
import org.eclipse.aether.spi.connector.transport.TransporterProvider;
import org.eclipse.aether.transfer.NoTransporterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every new connection to a repository or mirror of a server with an OAuth token the token that is valid now,
 * so that a deploy at the end of a build longer than the token's life still sends one the server takes.
 *
 * <p>What Maven builds from settings.xml is fixed when the repository session is created (and sessions are immutable
 * on Maven 3.10 and 4), so the credential the spy set is the token of the whole build. But the resolver asks for a
 * transporter per connector, that is per resolution batch and per deploy, and asks the repository's
 * {@code Authentication} for its values when the transporter needs them. This factory, asked first (its priority is
 * above the highest Maven sets, {@code Float.MAX_VALUE} for the transport {@code maven.resolver.transport} names),
 * answers for the repositories whose id has a token with Maven's own transport for the same repository, given
 * <ul>
 *   <li>Basic: a {@link TokenAuthentication} that fills the password with the current token when the transport asks;
 *   <li>bearer: a {@link TokenHeaderSession} whose header setting carries {@code Authorization: Bearer} with the
 *       current token beside the server's other {@code <httpHeaders>}. Maven's own transports read it (Maven 3.9 and
 *       later); wagon reads its headers from the server's configuration instead, so with wagon (Maven 3.6, 3.8, or
 *       {@code -Dmaven.resolver.transport=wagon}) the bearer token is the one the spy set at the start.</li>
 * </ul>
 * It declines what it has already decorated, and every other repository, so that the resolver goes on to the real
 * factories and Maven's choice of transport stays as it was.
 */
@Named("oauth-token")
@Singleton
public final class TokenTransporterFactory implements TransporterFactory {
    private static final Logger LOG = LoggerFactory.getLogger(TokenTransporterFactory.class);

    /** A provider, not the provider: the provider is made with the factories, this one among them. */
    private final Provider<TransporterProvider> transporters;
    private final RepositoryCredentialsState state;

    @Inject
    public TokenTransporterFactory(Provider<TransporterProvider> transporters, RepositoryCredentialsState state) {
        this.transporters = transporters;
        this.state = state;
    }

    @Override
    public Transporter newInstance(RepositorySystemSession session, RemoteRepository repository)
            throws NoTransporterException {
        if (repository.getAuthentication() instanceof TokenAuthentication || session instanceof TokenHeaderSession) {
            throw new NoTransporterException(repository); // decorated already: the real factories' turn
        }
        RepositoryBuild build = RepositoryBuild.of(session.getData());
        if (build == null) {
            build = state.current(); // a session made before the participant left the build in it
        }
        ServerToken server = build == null ? null : build.server(repository.getId());
        if (server == null || !isHttp(repository)) {
            throw new NoTransporterException(repository);
        }
        if (server.sendAs() == SendAs.BASIC) {
            RemoteRepository withToken = new RemoteRepository.Builder(repository)
                    .setAuthentication(new TokenAuthentication(server)).build();
            return transporters.get().newTransporter(session, withToken);
        }
        Optional<TokenHeaderSession> withHeader = TokenHeaderSession.of(session, repository.getId(),
                server.forConnection());
        if (withHeader.isEmpty()) {
            throw new NoTransporterException(repository);
        }
        LOG.debug("oauth-token: a new connection to repository '{}' ({}) sends the OAuth token of settings.xml "
                + "server '{}' as Authorization: Bearer (fingerprint {}).", repository.getId(), repository.getUrl(),
                server.serverId(), withHeader.get().fingerprint());
        return transporters.get().newTransporter(withHeader.get(), repository);
    }

    /** The token is for HTTP repositories; a {@code file:} one with the same id needs none. */
    private static boolean isHttp(RemoteRepository repository) {
        String protocol = repository.getProtocol();
        return protocol != null && (protocol.equalsIgnoreCase("http") || protocol.equalsIgnoreCase("https")
                || protocol.toLowerCase(Locale.ROOT).startsWith("dav"));
    }

    /**
     * Above every priority Maven sets: {@code maven.resolver.transport} gives the chosen transport's factory
     * {@code Float.MAX_VALUE}, and a tie would leave the order to chance.
     */
    @Override
    public float getPriority() {
        return Float.POSITIVE_INFINITY;
    }
}
