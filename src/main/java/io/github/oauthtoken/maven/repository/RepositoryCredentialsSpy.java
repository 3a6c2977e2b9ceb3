package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.Fingerprint;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.settings.Server;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplies OAuth tokens as the credentials of settings.xml servers before Maven builds its repository session.
 *
 * <p>Maven (3.6.3 to 4.0.0-rc-7) hands every event spy of the core extensions the populated
 * {@link MavenExecutionRequest} right before {@code Maven.execute(request)}; {@code DefaultMaven} then builds the
 * repository session, and with it the authentication of every repository and mirror, from
 * {@code request.getServers()}. So a credential set on those servers here reaches the parent POM, build extensions,
 * plugins, dependencies and deploy, by the server's id, whatever the transport.
 *
 * <p>PROTOTYPE: the token is the static {@link PrototypeToken}; the core's token lifecycle replaces it.
 */
@Named("oauth-token-repository-credentials")
@Singleton
public final class RepositoryCredentialsSpy extends AbstractEventSpy {
    /** Maven's own SLF4J: configured (levels, -X, -q, -l) before the core extensions are loaded. */
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryCredentialsSpy.class);

    private final RepositoryCredentialsState state;

    @Inject
    public RepositoryCredentialsSpy(RepositoryCredentialsState state) {
        this.state = state;
    }

    @Override
    public void onEvent(Object event) {
        if (event instanceof MavenExecutionRequest request) {
            supply(request.getServers());
        } else if (event instanceof MavenExecutionResult) {
            // The end of the build, after every module, also after a failure: where revocation will go.
            LOG.debug("oauth-token: the build is over; the repository tokens are static (prototype), nothing to "
                    + "revoke");
        }
    }

    /** Idempotent: a server, once supplied, no longer has an {@code <oauthToken>} element. */
    void supply(List<Server> servers) {
        for (Server server : servers) {
            Xpp3Dom element = TokenServerConfig.element(server.getConfiguration());
            if (element == null) {
                continue;
            }
            try {
                TokenServerConfig config = TokenServerConfig.parse(server.getId(), server.getUsername(), element);
                Secret token = PrototypeToken.of(config);
                ServerCredentials.apply(server, config.sendAs(), token);
                LOG.info("oauth-token: repositories and mirrors with id '{}' authenticate with an OAuth token ({}, "
                        + "fingerprint {}; PROTOTYPE: a static token)", server.getId(),
                        config.sendAs() == SendAs.BASIC ? "the Basic password of user '" + config.username() + "'"
                                : "Authorization: Bearer", Fingerprint.of(token.reveal()));
            } catch (ConfigurationException e) {
                // No transport may see the element, whatever happens next.
                ServerCredentials.removeTokenElement(server);
                state.fail(e.getMessage());
            }
        }
    }
}
