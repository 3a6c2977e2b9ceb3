package io.github.oauthtoken.core.ci;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes workflow commands to file descriptor 1, the standard output the CI runner reads, whatever
 * {@code System.out} has been replaced with. Each command is one {@code write}, issued while holding
 * {@code System.out}'s lock after flushing it, so no log line written through {@code System.out} (Maven 3 logs that
 * way) can end up in the middle of it. It starts with a line break: whoever wrote to the same descriptor last may
 * have left a line unfinished (a progress indicator, a plugin's {@code print}), and a command that does not start a
 * line is not run. An empty line in the log is the price.
 */
public final class ProcessStandardOutput implements CiConsole {
    private final FileOutputStream out;
    private final PrintStream systemOut;

    public ProcessStandardOutput() {
        this(new FileOutputStream(FileDescriptor.out), System.out);
    }

    ProcessStandardOutput(FileOutputStream out, PrintStream systemOut) {
        this.out = out;
        this.systemOut = systemOut;
    }

    @Override
    public void command(String line) {
        byte[] bytes = ("\n" + line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (systemOut) {
            systemOut.flush();
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("standard output could not be written", e);
            }
        }
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }
}
