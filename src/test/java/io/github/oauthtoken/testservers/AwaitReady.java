package io.github.oauthtoken.testservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code AwaitReady READY_FILE SECONDS}: returns once {@link TestServersMain} has created {@code READY_FILE}, and
 * fails at once if the servers reported a failed start, or after {@code SECONDS} if nothing appeared. Run by the
 * build inside Maven (exec:java), so it throws instead of exiting.
 */
public final class AwaitReady {
    private AwaitReady() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: AwaitReady READY_FILE SECONDS");
        }
        await(Path.of(args[0]).toAbsolutePath(), Duration.ofSeconds(Long.parseLong(args[1])));
    }

    static void await(Path ready, Duration timeout) throws Exception {
        Path failed = ready.resolveSibling(TestServersMain.FAILED);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(ready)) {
            if (Files.exists(failed)) {
                throw new IllegalStateException("The IT token servers failed to start: "
                        + Files.readString(failed).trim());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The IT token servers were not ready within " + timeout.toSeconds()
                        + " s (no " + ready + "); see the [test-servers] lines above.");
            }
            Thread.sleep(100);
        }
    }
}
