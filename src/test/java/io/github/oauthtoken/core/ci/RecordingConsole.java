package io.github.oauthtoken.core.ci;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A CI console that keeps the commands it is given, for assertions. */
public final class RecordingConsole implements CiConsole {
    public final List<String> commands = new CopyOnWriteArrayList<>();

    @Override
    public void command(String line) {
        commands.add(line);
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }
}
