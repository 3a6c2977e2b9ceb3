package io.github.oauthtoken.maven.repository;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Singleton;

/**
 * What {@link RepositoryCredentialsSpy} found, for {@link RepositoryCredentialsCheck} to act on: an event spy cannot
 * stop a build (Maven's {@code EventSpyDispatcher} logs what a spy throws and goes on), a lifecycle participant can.
 * One instance per container, so per build: Maven creates a new container for each {@code mvn} run. Not declared
 * anywhere: Guice makes the one instance both components are given.
 */
@Singleton
public final class RepositoryCredentialsState {
    private final List<String> problems = new CopyOnWriteArrayList<>();

    void fail(String problem) {
        problems.add(problem);
    }

    /** Every problem, in one message: the build stops once, with all that the user has to fix. */
    Optional<String> failure() {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(problems.size() == 1 ? problems.get(0)
                : "The OAuth tokens of " + problems.size() + " settings.xml servers cannot be supplied:\n  - "
                        + String.join("\n  - ", problems));
    }
}
