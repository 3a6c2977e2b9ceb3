package io.github.oauthtoken.core.revocation;

import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.publish.TokenFile;
import io.github.oauthtoken.core.token.AccessToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every token of the build by fingerprint, and whether the build asked for it to be revoked. Revocation is per
 * token, not per goal execution: a token is revoked once, after the modules that use it are done with it, however
 * many executions, modules and tokens the build has.
 */
public final class RevocationLedger<O> {
    private final Map<String, TokenRecord<O>> records = new ConcurrentHashMap<>();

    /**
     * Notes that {@code projectId} uses the token (and wrote it to {@code tokenFile}, when not null).
     *
     * @param origin what revokes the token, kept from its first use
     */
    public TokenRecord<O> use(CacheKey key, O origin, AccessToken token, boolean shared, String projectId,
            TokenFile tokenFile) {
        TokenRecord<O> record = records.computeIfAbsent(token.fingerprint(),
                fingerprint -> new TokenRecord<>(key, origin, token, shared));
        record.use(projectId, tokenFile);
        return record;
    }

    public Optional<TokenRecord<O>> find(String fingerprint) {
        return Optional.ofNullable(fingerprint).map(records::get);
    }

    /**
     * Asks for revocation of the tokens of {@code key} that {@code projectId} may have used: with a shared cache
     * every token of the key (a later execution may have replaced an earlier one), else only the project's own.
     */
    public void request(CacheKey key, String projectId, boolean onlyOwn, boolean alsoShared) {
        for (TokenRecord<O> record : records.values()) {
            if (record.key().equals(key) && (!onlyOwn || record.users().contains(projectId))) {
                record.request(alsoShared);
                record.done(projectId);
            }
        }
    }

    /** Asks for revocation of a token when its module is done, because the module binds a {@code revoke}. */
    public void expect(TokenRecord<O> record, boolean alsoShared) {
        record.request(alsoShared);
    }

    /** Asked for, not yet revoked, and every module that uses it is done with it or has finished. */
    public List<TokenRecord<O>> due(Predicate<String> finished) {
        return records.values().stream()
                .filter(r -> r.requested() && !r.claimed())
                .filter(r -> r.users().stream().allMatch(user -> r.isDone(user) || finished.test(user)))
                .toList();
    }

    /** Asked for and not yet revoked: what the end of the build revokes. */
    public List<TokenRecord<O>> outstanding() {
        return records.values().stream().filter(r -> r.requested() && !r.claimed()).toList();
    }

    /** Modules that still use the token: neither done with it nor finished. */
    public static List<String> stillUsing(TokenRecord<?> record, Predicate<String> finished) {
        return record.users().stream().filter(user -> !record.isDone(user) && !finished.test(user)).sorted().toList();
    }
}
