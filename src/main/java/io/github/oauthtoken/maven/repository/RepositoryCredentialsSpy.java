package io.github.oauthtoken.maven.repository;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.eventspy.AbstractEventSpy;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionResult;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supplies OAuth tokens as the credentials of settings.xml servers before Maven builds its repository session, and
 * revokes them when the build is over.
 *
 * <p>Maven (3.6.3 to 4.0.0-rc-7) hands every event spy of the core extensions the populated
 * {@link MavenExecutionRequest} right before {@code Maven.execute(request)}; {@code DefaultMaven} then builds the
 * repository session, and with it the authentication of every repository and mirror, from
 * {@code request.getServers()}. So a credential set on those servers here reaches the parent POM, build extensions,
 * plugins, dependencies and deploy, by the server's id, whatever the transport. After {@code Maven.execute} returns
 * (every module done, also after a failure, and also when the build stopped before reading the project) the spies get
 * the {@link MavenExecutionResult}: the end of the build on every Maven, where the tokens are revoked.
 *
 * <p>Maven may hand each event to two instances of this spy (seen on Maven 3.9.16, whose container finds the core
 * extension's components both in its realm and through the realm that imports it), so each step happens once per
 * request whoever asks ({@link RepositoryCredentialsState}). A spy cannot stop the build (Maven logs what it throws,
 * with the exception's message, and goes on), so it throws nothing: what it could not do,
 * {@link RepositoryCredentialsCheck} reports before any POM is read.
 */
@Named("oauth-token-repository-credentials")
@Singleton
public final class RepositoryCredentialsSpy extends AbstractEventSpy {
    /** Maven's own SLF4J: configured (levels, -X, -q, -l) before the core extensions are loaded. */
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryCredentialsSpy.class);

    private final RepositoryCredentialsState state;
    private final SettingsDecrypter decrypter;

    @Inject
    public RepositoryCredentialsSpy(RepositoryCredentialsState state, SettingsDecrypter decrypter) {
        this.state = state;
        this.decrypter = decrypter;
    }

    @Override
    public void onEvent(Object event) {
        try {
            if (event instanceof MavenExecutionRequest request) {
                state.start(request, () -> RepositoryBuild.supply(request, decrypter, LOG));
            } else if (event instanceof MavenExecutionResult) {
                state.end();
            }
        } catch (RuntimeException e) {
            // Never Maven's report of it, which quotes the message: a fault here names its type only.
            LOG.warn("oauth-token: the repository credentials failed unexpectedly ({}).", e.getClass().getName());
        }
    }
}
