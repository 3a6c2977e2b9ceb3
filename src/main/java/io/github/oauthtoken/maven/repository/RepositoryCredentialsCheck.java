package io.github.oauthtoken.maven.repository;

import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;

/**
 * Stops the build with what {@link RepositoryCredentialsSpy} could not supply, in one message, before Maven reads the
 * project: Maven runs {@code afterSessionStart} of the core extensions' participants right after it built the
 * repository session and before it reads any POM, on Maven 3 and 4. Without it a failure would surface later as a 401
 * from the repository, far from its cause. It also hands the build to the session, where the goals' redaction and
 * the transporter factory find it, and takes the bearer headers out of the settings the goals see.
 */
@Named("oauth-token-repository-credentials-check")
@Singleton
public final class RepositoryCredentialsCheck extends AbstractMavenLifecycleParticipant {
    private final RepositoryCredentialsState state;

    @Inject
    public RepositoryCredentialsCheck(RepositoryCredentialsState state) {
        this.state = state;
    }

    @Override
    public void afterSessionStart(MavenSession session) throws MavenExecutionException {
        RepositoryBuild build = state.current();
        if (build == null) {
            return;
        }
        build.joinSession(session);
        Optional<String> failure = build.failure();
        if (failure.isPresent()) {
            throw new MavenExecutionException(failure.get(), (Throwable) null);
        }
    }
}
