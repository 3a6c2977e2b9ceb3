package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.token.MinValidity;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The tokens of one build, shared by all its modules. For each key, the first module to ask fetches while the
 * others wait for it (single flight), so a reactor of any size under any {@code -T} sends one token request; and
 * when that fetch fails, every module that asks for the key afterwards gets the same failure at once instead of
 * trying again, so a server that never answers costs one {@code timeout} per build, not one per module.
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
        volatile TokenException failure;
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * The cached token when it is still valid long enough to reuse at {@code now} (and verified, when
     * {@code needsVerified}), else the loader's, which then replaces it. A key whose load failed fails again at once.
     */
    public CachedToken get(CacheKey key, MinValidity minValidity, boolean needsVerified, Instant now, Loader loader)
            throws TokenException {
        Slot slot = slots.computeIfAbsent(key.hash(), k -> new Slot());
        slot.lock.lock();
        try {
            if (slot.failure != null) {
                throw new SharedFailure(slot.failure);
            }
            CachedToken current = slot.token;
            if (current != null && minValidity.reusable(current.result().token(), now)
                    && (current.verified() || !needsVerified)) {
                // Where it came from first still tells later users whether it is theirs to revoke.
                return current.source() == CachedToken.Source.FETCHED
                        ? current.withSource(CachedToken.Source.THIS_BUILD) : current;
            }
            try {
                CachedToken loaded = loader.load();
                slot.token = loaded;
                return loaded;
            } catch (TokenException e) {
                slot.failure = e;
                throw e;
            }
        } finally {
            slot.lock.unlock();
        }
    }

    public Optional<CachedToken> peek(CacheKey key) {
        return Optional.ofNullable(slots.get(key.hash())).map(slot -> slot.token);
    }

    /** A refreshed token for the key: later modules get it, unless the cache holds one that lives longer. */
    public void offer(CacheKey key, CachedToken token) {
        Slot slot = slots.computeIfAbsent(key.hash(), k -> new Slot());
        slot.lock.lock();
        try {
            if (slot.token == null
                    || slot.token.result().token().expiresAt().isBefore(token.result().token().expiresAt())) {
                slot.token = token;
            }
        } finally {
            slot.lock.unlock();
        }
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
     * The failure of an earlier module's fetch of the same token, repeated for this module. Its message is the
     * original's, so every module reports the same reason; its type keeps a configuration error one.
     */
    public static final class SharedFailure extends TokenException {
        private static final long serialVersionUID = 1L;
        private final TokenException original;

        SharedFailure(TokenException original) {
            super(original.getMessage() + " (The same token failed earlier in this build; not retried.)",
                    original.getCause());
            this.original = original;
        }

        public TokenException original() {
            return original;
        }
    }
}
