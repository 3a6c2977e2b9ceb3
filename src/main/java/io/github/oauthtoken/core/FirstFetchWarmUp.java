package io.github.oauthtoken.core;

import io.github.oauthtoken.core.http.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises, on a daemon thread, what the first fetch of a build needs whichever way it gets its token: SHA-256
 * (the cache key, the fingerprint) and the JSON reader (the cache file, or the token response). In a cold JVM the two
 * cost 30 to 60 ms of class loading (BENCHMARKS.md); the build thread meanwhile parses the parameters, resolves
 * the credentials and takes the cache lock, and on a machine with a second core finds both ready. The thread only
 * initialises classes of the JDK and of the plugin's own libraries, reads nothing and writes nothing, and runs once
 * per class loader: after that the classes are initialised anyway.
 */
final class FirstFetchWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private FirstFetchWarmUp() {}

    static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread thread = new Thread(FirstFetchWarmUp::run, "oauth-token-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static void run() {
        // In the order the build thread needs them: the cache key's hash comes before the cache file.
        try {
            MessageDigest.getInstance("SHA-256").digest(new byte[] {0});
        } catch (NoSuchAlgorithmException e) {
            // Every JVM has it; without it the build thread fails with its own message.
        }
        Json.warmUp();
    }
}
