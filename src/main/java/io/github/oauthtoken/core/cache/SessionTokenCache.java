package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.TokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tokens of one build, shared by all its modules. For each key, the first module to ask fetches while the
 * others wait for it (single flight), so a reactor of any size under any {@code -T} sends one token request.
 * The Maven layer keeps one instance per build session, never in static state, because embedded and daemon Maven
 * reuse a JVM across builds.
 */
public final class SessionTokenCache {

    /** Obtains a token when the cache has none valid; it runs under the key's lock. */
    @FunctionalInterface
    public interface Loader {
        CachedToken load() throws TokenException;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile CachedToken token;
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Set<String> revokedFingerprints = ConcurrentHashMap.newKeySet();
    private final Set<String> announcements = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> revokeCounts = new ConcurrentHashMap<>();

    /**
     * The cached token when it is still valid for {@code minValidity} at {@code now}, else the loader's, which
     * then replaces it.
     */
    public CachedToken get(CacheKey key, Duration minValidity, Instant now, Loader loader) throws TokenException {
        Slot slot = slots.computeIfAbsent(key.hash(), k -> new Slot());
        slot.lock.lock();
        try {
            CachedToken current = slot.token;
            if (current != null && validFor(current, minValidity, now)) {
                return current.source() == CachedToken.Source.FILE_CACHE ? current
                        : current.withSource(CachedToken.Source.THIS_BUILD);
            }
            CachedToken loaded = loader.load();
            slot.token = loaded;
            return loaded;
        } finally {
            slot.lock.unlock();
        }
    }

    public Optional<CachedToken> peek(CacheKey key) {
        return Optional.ofNullable(slots.get(key.hash())).map(slot -> slot.token);
    }

    /** Forgets the token of this key, if it is the one with this fingerprint. */
    public void remove(CacheKey key, String fingerprint) {
        Slot slot = slots.get(key.hash());
        if (slot != null) {
            slot.lock.lock();
            try {
                if (slot.token != null && slot.token.result().token().fingerprint().equals(fingerprint)) {
                    slot.token = null;
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /**
     * Counts the {@code revoke} executions for a key, so that only the last one in the build revokes: the modules
     * share the token, and revoking it in the first module would pull it from under the others.
     *
     * @return how many {@code revoke} executions (this one included) have run for the key
     */
    public int countRevoke(CacheKey key) {
        return revokeCounts.merge(key.hash(), 1, Integer::sum);
    }

    /** @return true the first time a fingerprint is marked, so that only one module revokes a shared token */
    public boolean markRevoked(String fingerprint) {
        return revokedFingerprints.add(fingerprint);
    }

    public boolean isRevoked(String fingerprint) {
        return revokedFingerprints.contains(fingerprint);
    }

    /**
     * @param announcement what is announced, for example a token's fingerprint
     * @return true the first time: CI masking and exports need to happen once per token, not once per module
     */
    public boolean firstAnnouncement(String announcement) {
        return announcements.add(announcement);
    }

    static boolean validFor(CachedToken token, Duration minValidity, Instant now) {
        return !token.result().token().expiresAt().isBefore(now.plus(minValidity));
    }
}
