package io.github.oauthtoken.core.refresh;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.RetryPolicy;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.MinValidity;
import io.github.oauthtoken.core.publish.TokenFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code refreshTokenFile}: one background thread that keeps a token's files valid for the rest of the build. Before
 * the token in them falls below what a reused token must have left ({@link MinValidity}, {@link RefreshSchedule}) it fetches a new one and hands it to the
 * build ({@link Sink}: mask, files, properties, caches); a fetch that fails is tried again with the jittered backoff of
 * {@link RetryPolicy}, each failure a warning with the reason and when the current token expires, and never a failure
 * of the build. The thread is a daemon, so it cannot hold a JVM open, and it ends with {@link #stop}, which the build
 * calls when it is over; a Maven daemon or an embedder keeps no refresher beyond its build.
 */
public final class TokenFileRefresher {
    static final String THREAD_NAME = "oauth-token-refresh";

    /** Obtains a new token; may take up to the fetch's {@code timeout}, and gives up when interrupted. */
    @FunctionalInterface
    public interface Source {
        TokenResult fetch() throws TokenException;
    }

    /**
     * Hands a new token to the build. It runs on the refresher's thread, never at the same time as {@link #stop},
     * so nothing is written once the build is told the refresher has stopped; it reports its own failures.
     */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param fresh    the new token
         * @param files    the files to write it to
         * @param replaced the fingerprint of the token the files held until now
         */
        void publish(TokenResult fresh, List<TokenFile> files, String replaced);
    }

    private final String provider;
    private final Source source;
    private final Sink sink;
    private final BuildLog log;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final Object lock = new Object();
    private final Set<TokenFile> files = new LinkedHashSet<>();
    private final Thread thread;
    // Guarded by lock.
    /** The {@code minValidity} of every execution whose file this keeps; the strictest bar applies. */
    private final List<MinValidity> minValidities = new ArrayList<>();
    private Instant validUntil;
    /** How long the token the files hold lived when it was issued, which sets its bar when minValidity is unset. */
    private long lifetime;
    private Instant since;
    private String fingerprint;
    private boolean stopped;
    /** Set when stop stopped waiting for a fetch that outlived its own deadline: what it brings is dropped. */
    private boolean abandoned;
    private int refreshes;
    private boolean warnedNoRoom;

    private TokenFileRefresher(String provider, Source source, Sink sink, BuildLog log, Clock clock, RetryPolicy retry,
            Duration timeout, MinValidity minValidity, AccessToken current, TokenFile file) {
        this.provider = provider;
        this.source = source;
        this.sink = sink;
        this.log = log;
        this.clock = clock;
        this.retry = retry;
        this.timeout = timeout;
        this.minValidities.add(minValidity);
        this.validUntil = current.expiresAt();
        this.lifetime = current.expiresIn();
        this.since = clock.instant();
        this.fingerprint = current.fingerprint();
        this.files.add(file);
        this.thread = new Thread(this::run, THREAD_NAME + " " + provider + " " + current.fingerprint());
        thread.setDaemon(true);
        // Jetty finds its parts through the context class loader; the plugin's is the one that has them.
        thread.setContextClassLoader(TokenFileRefresher.class.getClassLoader());
    }

    /**
     * Starts keeping {@code file}, which holds {@code current}, valid.
     *
     * @param timeout the deadline of one fetch: the lead a refresh needs, and how long {@link #stop} waits for one
     */
    public static TokenFileRefresher start(String provider, Source source, Sink sink, BuildLog log, Clock clock,
            RetryPolicy retry, Duration timeout, MinValidity minValidity, AccessToken current, TokenFile file) {
        TokenFileRefresher refresher = new TokenFileRefresher(provider, source, sink, log, clock, retry, timeout,
                minValidity, current, file);
        refresher.thread.start();
        log.info("Keeping the token file " + file + " valid for the rest of the build: a new " + provider
                + " token replaces it " + refresher.leadText() + ".");
        return refresher;
    }

    /**
     * Another execution's file for the same token: kept valid too, refreshed no later than the token it now holds
     * and the stricter {@code minValidity} need.
     *
     * @return false when the refresher has already stopped (the caller starts a new one)
     */
    public boolean add(TokenFile file, AccessToken tokenInFile, MinValidity minValidity) {
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            files.add(file);
            if (tokenInFile.expiresAt().isBefore(validUntil)) {
                validUntil = tokenInFile.expiresAt();
                lifetime = tokenInFile.expiresIn();
                fingerprint = tokenInFile.fingerprint();
            }
            minValidities.add(minValidity);
            lock.notifyAll();
            return true;
        }
    }

    /**
     * Ends the refresher and waits until its thread has ended: a fetch under way is let finish (at most its
     * {@code timeout}) and its token published like any other, so that the build records it and revokes it with the
     * rest, instead of a token the server issued and nobody ever revokes. After this returns, it writes nothing more.
     */
    public void stop(BuildLog endLog) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            // Wakes a thread waiting for its next refresh; one that is fetching sees stopped when it is done.
            lock.notifyAll();
        }
        try {
            thread.join(timeout.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            abandoned = thread.isAlive();
        }
        int count;
        synchronized (lock) {
            count = refreshes;
        }
        String which = "the token file" + (files().size() == 1 ? " " : "s ") + String.join(", ",
                files().stream().map(TokenFile::toString).toList());
        if (thread.isAlive()) {
            // A fetch that outlived its own deadline; what it brings is dropped (see run), nothing is written.
            endLog.warn("Stopped refreshing " + which + ", but its thread is still finishing a fetch; it writes "
                    + "nothing more and ends with that fetch.");
        } else {
            endLog.info("Stopped refreshing " + which + " (" + count + (count == 1 ? " refresh" : " refreshes")
                    + " in this build).");
        }
    }

    private List<TokenFile> files() {
        synchronized (lock) {
            return new ArrayList<>(files);
        }
    }

    private String leadText() {
        synchronized (lock) {
            return "before it has less than " + strictest().describe(lifetime) + " left";
        }
    }

    /** Under lock: the execution whose bar for the current token is highest. */
    private MinValidity strictest() {
        MinValidity strictest = minValidities.get(0);
        for (MinValidity candidate : minValidities) {
            if (candidate.toReuse(lifetime).compareTo(strictest.toReuse(lifetime)) > 0) {
                strictest = candidate;
            }
        }
        return strictest;
    }

    private void run() {
        int failures = 0;
        Instant retryAt = null;
        boolean warnedExpired = false;
        while (true) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                Instant now = clock.instant();
                Instant due = failures == 0 ? plannedRefresh(now) : retryAt;
                long waitMillis = Duration.between(now, due).toMillis();
                if (waitMillis > 0) {
                    try {
                        // Woken early by stop, or by add, which may bring the next refresh forward.
                        lock.wait(waitMillis);
                    } catch (InterruptedException e) {
                        // Nobody interrupts this thread but the JVM going down; the loop checks stopped.
                    }
                    continue;
                }
            }
            try {
                TokenResult fresh = source.fetch();
                synchronized (lock) {
                    if (abandoned) {
                        // stop gave up waiting and the build may have revoked and deleted the files: write nothing.
                        log.warn("A " + provider + " token (fingerprint " + fresh.token().fingerprint() + ") arrived "
                                + "after the build stopped waiting for it; it is not used, and stays valid until "
                                + fresh.token().expiresAt() + ".");
                        return;
                    }
                    sink.publish(fresh, new ArrayList<>(files), fingerprint);
                    validUntil = fresh.token().expiresAt();
                    lifetime = fresh.token().expiresIn();
                    since = clock.instant();
                    fingerprint = fresh.token().fingerprint();
                    refreshes++;
                }
                failures = 0;
                warnedExpired = false;
            } catch (TokenException | RuntimeException e) {
                synchronized (lock) {
                    if (stopped) {
                        return;
                    }
                }
                failures++;
                Duration wait = retry.backoff(failures);
                Instant now = clock.instant();
                retryAt = now.plus(wait);
                boolean expired;
                String current;
                synchronized (lock) {
                    expired = !validUntil.isAfter(now);
                    current = "the token the file holds (fingerprint " + fingerprint + ") "
                            + (expired ? "expired at " + validUntil + ", so readers of the file are refused until a "
                                    + "refresh succeeds" : "expires at " + validUntil + ", in "
                                    + Duration.between(now, validUntil).toSeconds() + " s");
                }
                String message = "Could not refresh the " + provider + " token in " + String.join(", ",
                        files().stream().map(TokenFile::toString).toList()) + " (attempt " + failures + "): "
                        + reason(e) + " The build goes on; " + current + ". Next attempt in "
                        + String.format(Locale.ROOT, "%.1f s", wait.toMillis() / 1000.0) + ".";
                if (!expired || !warnedExpired) {
                    log.warn(message);
                    warnedExpired |= expired;
                } else {
                    log.debug(message);
                }
            }
        }
    }

    /** Under lock: when the next token is due, warning once when tokens live too short for minValidity. */
    private Instant plannedRefresh(Instant now) {
        MinValidity strictest = strictest();
        Duration minValidity = strictest.toReuse(lifetime);
        if (!warnedNoRoom && RefreshSchedule.noRoom(validUntil, since, minValidity)) {
            warnedNoRoom = true;
            log.warn("The " + provider + " token expires at " + validUntil + ", which leaves less than "
                    + RefreshSchedule.MIN_WINDOW.toSeconds() + " s before it falls below "
                    + strictest.describe(lifetime) + "; the token file is refreshed halfway through each token's life "
                    + "instead. Lower <minValidity>, or raise the token lifetime of the OAuth client.");
        }
        Instant due = RefreshSchedule.refreshAt(validUntil, since, minValidity, timeout);
        return due.isBefore(now) ? now : due;
    }

    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        String text = e instanceof TokenException ? message : "unexpected " + e.getClass().getSimpleName() + ": "
                + message;
        return text.endsWith(".") ? text : text + ".";
    }
}
