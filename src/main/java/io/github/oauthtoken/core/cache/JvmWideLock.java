package io.github.oauthtoken.core.cache;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Mutual exclusion on one lock file among all threads of this JVM, whichever class loader loaded the caller.
 *
 * <p>Why it is needed: a {@link java.nio.channels.FileLock} belongs to the whole JVM, not to a thread. A second
 * channel's {@code lock()} on the same file throws {@link java.nio.channels.OverlappingFileLockException}, and closing
 * <em>any</em> channel on the file drops the OS lock another channel holds (POSIX record locks belong to the process),
 * so a build that merely waited and gave up would let other processes in. With this lock taken before the channel is
 * opened and released after it is closed, a JVM has at most one channel open on a lock file.
 *
 * <p>Why an interned string: several copies of this class can be loaded at once (a Maven daemon, two plugin realms or
 * two versions of the plugin in one build), each with statics of its own, so the lock must live in something every
 * class loader shares and whose type is the JDK's, never ours (another realm's copy could not cast it). The string
 * pool is such a place and holds no state that a plugin could clear or replace, as {@code System.setProperties} would
 * a registry kept in the system properties; storing a map there would also put a non-String value into them, which
 * breaks {@code Properties.store} and {@code list} for everyone. The interned name of the lock file is the monitor.
 *
 * <p>Why a thread: a monitor cannot be waited for with a deadline. So a short-lived daemon thread enters it on the
 * caller's behalf and stays inside until {@link #release()}; a caller that stops waiting leaves a note that makes the
 * thread leave the monitor as soon as it gets in.
 */
final class JvmWideLock {
    private static final String PREFIX = "io.github.oauthtoken.cache.lock:";

    private final CountDownLatch released;

    private JvmWideLock(CountDownLatch released) {
        this.released = released;
    }

    /**
     * @param lockFile the lock file's real path, so that every spelling of the same directory meets here
     * @param deadline a {@link System#nanoTime()} value after which to give up
     * @return empty when another thread of this JVM still held it at the deadline
     */
    static Optional<JvmWideLock> acquire(Path lockFile, long deadline) throws InterruptedException {
        Object monitor = (PREFIX + lockFile).intern();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        // Set by whichever comes first: the thread inside the monitor (the lock is ours) or the caller giving up.
        AtomicBoolean decided = new AtomicBoolean();
        Thread holder = new Thread(() -> {
            synchronized (monitor) {
                if (decided.compareAndSet(false, true)) {
                    entered.countDown();
                    awaitUninterruptibly(released);
                }
            }
        }, "oauth-token: JVM-wide lock on " + lockFile);
        holder.setDaemon(true);
        holder.start();
        try {
            if (entered.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    || !decided.compareAndSet(false, true)) {
                entered.await();
                return Optional.of(new JvmWideLock(released));
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            if (!decided.compareAndSet(false, true)) {
                released.countDown();
            }
            throw e;
        }
    }

    void release() {
        released.countDown();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
