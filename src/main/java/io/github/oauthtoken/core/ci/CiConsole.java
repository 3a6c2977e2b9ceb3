package io.github.oauthtoken.core.ci;

import java.util.Optional;

/**
 * The channel a CI runner reads workflow commands from: the build process's standard output, each command on a line
 * of its own. Not {@code System.out}: Maven 4 and mvnd decorate it ({@code [INFO] [stdout] ...}), and {@code mvn -l}
 * sends it to the log file, so a command written there is never run and the token it carries stays in the log.
 */
public interface CiConsole {
    /** Writes one command as a whole line; only called when {@link #unavailable()} is empty. */
    void command(String line);

    /** Why commands cannot reach the runner here (for example a Maven daemon), or empty when they can. */
    Optional<String> unavailable();

    /** A console that cannot reach the runner, for the reason given. */
    static CiConsole unavailable(String reason) {
        return new CiConsole() {
            @Override
            public void command(String line) {
                throw new IllegalStateException("No CI console: " + reason);
            }

            @Override
            public Optional<String> unavailable() {
                return Optional.of(reason);
            }
        };
    }
}
