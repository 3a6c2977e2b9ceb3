package io.github.oauthtoken.core.revocation;

import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.publish.TokenFile;
import io.github.oauthtoken.core.token.AccessToken;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One token this build holds: what is needed to revoke it later (its origin: the request and credentials it was
 * obtained with, kept in memory only), which modules use it, and which token files carry it.
 *
 * @param <O> what the build needs to revoke the token: its origin
 */
public final class TokenRecord<O> {
    private final CacheKey key;
    private final O origin;
    private final AccessToken token;
    private final boolean shared;
    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final Set<String> doneUsers = ConcurrentHashMap.newKeySet();
    private final Set<TokenFile> tokenFiles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile boolean requested;
    private volatile boolean revokeShared;

    TokenRecord(CacheKey key, O origin, AccessToken token, boolean shared) {
        this.key = key;
        this.origin = origin;
        this.token = token;
        this.shared = shared;
    }

    public CacheKey key() {
        return key;
    }

    /** The request and credentials the token was obtained with: what revokes it. */
    public O origin() {
        return origin;
    }

    public AccessToken token() {
        return token;
    }

    public String fingerprint() {
        return token.fingerprint();
    }

    /** Shared with other builds through the file cache. */
    public boolean shared() {
        return shared;
    }

    public boolean revokeShared() {
        return revokeShared;
    }

    public boolean requested() {
        return requested;
    }

    public Set<TokenFile> tokenFiles() {
        return Set.copyOf(tokenFiles);
    }

    public Set<String> users() {
        return Set.copyOf(users);
    }

    void use(String projectId, TokenFile tokenFile) {
        users.add(projectId);
        if (tokenFile != null) {
            tokenFiles.add(tokenFile);
        }
    }

    void request(boolean alsoShared) {
        requested = true;
        revokeShared |= alsoShared;
    }

    void done(String projectId) {
        doneUsers.add(projectId);
    }

    boolean isDone(String projectId) {
        return doneUsers.contains(projectId);
    }

    /** @return true once: the caller revokes the token, no one else */
    public boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    public boolean claimed() {
        return claimed.get();
    }
}
