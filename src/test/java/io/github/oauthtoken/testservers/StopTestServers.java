package io.github.oauthtoken.testservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code StopTestServers READY_FILE [SECONDS]}: asks {@link TestServersMain} to stop and waits (10 s unless told)
 * until it has, so that its ports are free when the build goes on. If it does not stop in time this only warns:
 * the build kills the servers' JVM when it ends anyway, and the ITs' results must not depend on it.
 */
public final class StopTestServers {
    private StopTestServers() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: StopTestServers READY_FILE [SECONDS]");
        }
        Path ready = Path.of(args[0]).toAbsolutePath();
        Duration timeout = Duration.ofSeconds(args.length == 2 ? Long.parseLong(args[1]) : 10);
        if (!stop(ready, timeout)) {
            System.out.println("[test-servers] WARNING: the IT token servers did not confirm the stop within "
                    + timeout.toSeconds() + " s; they end with this build.");
        }
    }

    /** Requests the stop; true once the servers confirmed it (or were not running). */
    static boolean stop(Path ready, Duration timeout) throws Exception {
        Path stopped = ready.resolveSibling(TestServersMain.STOPPED);
        Files.createDirectories(ready.getParent());
        // Written even when they do not look ready: servers still starting see it as soon as they are.
        TestServersMain.writeAtomically(ready.resolveSibling(TestServersMain.STOP), "stop\n");
        if (!Files.exists(ready)) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(stopped)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
