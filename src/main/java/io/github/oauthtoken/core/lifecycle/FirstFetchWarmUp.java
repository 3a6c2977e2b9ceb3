package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.http.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Initialises, on daemon threads, what the first fetch of a build needs: SHA-256 (the cache key, the fingerprint) as
 * soon as the goal starts, whichever way it gets its token, and the JSON reader and Jetty's HTTP/1.1 parser once the
 * goal knows it will talk to a server (a cache hit reads no JSON and starts no Jetty). In a cold JVM each costs tens of
 * milliseconds of class loading (BENCHMARKS.md); meanwhile the build thread parses the parameters and resolves the
 * credentials, or builds the HTTP client, and on a machine with a second core finds them ready. The threads only
 * initialise classes of the JDK and of the plugin's own libraries, read nothing and write nothing, and run once per
 * class loader: after that the classes are initialised anyway.
 */
final class FirstFetchWarmUp {
    private static final AtomicBoolean DIGEST = new AtomicBoolean();
    private static final AtomicBoolean EXCHANGE = new AtomicBoolean();

    private FirstFetchWarmUp() {}

    /** At the start of the goal. */
    static void start() {
        once(DIGEST, () -> {
            try {
                MessageDigest.getInstance("SHA-256").digest(new byte[] {0});
            } catch (NoSuchAlgorithmException e) {
                // Every JVM has it; without it the build thread fails with its own message.
            }
        });
    }

    /** When a request to a server is about to be built: the JSON reader, then Jetty's HTTP/1.1 parser. */
    static void beforeExchange() {
        once(EXCHANGE, () -> {
            Json.warmUp();
            HttpTransport.warmUp();
        });
    }

    private static void once(AtomicBoolean started, Runnable work) {
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(work, "oauth-token-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
