package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.ci.Announcements;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.publish.TokenFile;
import io.github.oauthtoken.core.revocation.RevocationLedger;
import io.github.oauthtoken.core.revocation.TokenRecord;
import io.github.oauthtoken.core.token.AccessToken;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Revokes every token the build asked to revoke exactly once, after the last module that uses it is done with it:
 * at the end of the build when the build can report its end, else by the {@code revoke} of the last module that uses
 * it. Each token's token files go with it.
 */
final class Revocations {
    private final RevocationLedger<ResolvedRequest> ledger = new RevocationLedger<>();
    private final TokenFetcher fetcher;
    private final Announcements announcements;
    private final EndOfBuild endOfBuild;
    private final Clock clock;

    Revocations(TokenFetcher fetcher, Announcements announcements, EndOfBuild endOfBuild, Clock clock) {
        this.fetcher = fetcher;
        this.announcements = announcements;
        this.endOfBuild = endOfBuild;
        this.clock = clock;
    }

    /** Notes that {@code projectId} uses the token (and wrote it to {@code tokenFile}, when not null). */
    TokenRecord<ResolvedRequest> record(ResolvedRequest origin, AccessToken token, boolean shared, String projectId,
            TokenFile tokenFile) {
        return ledger.use(origin.key(), origin, token, shared, projectId, tokenFile);
    }

    /** Asks for the token to be revoked once its users are done, because a module binds a {@code revoke}. */
    void expect(TokenRecord<ResolvedRequest> record, boolean alsoShared) {
        ledger.expect(record, alsoShared);
        endOfBuild.arrange();
    }

    /** A token that replaces {@code previous} is revoked when that one would have been: the build asked for it. */
    void inherit(TokenRecord<ResolvedRequest> replacement, Optional<TokenRecord<ResolvedRequest>> previous) {
        if (previous.isPresent() && previous.get().requested()) {
            expect(replacement, previous.get().revokeShared());
        }
    }

    Optional<TokenRecord<ResolvedRequest>> find(String fingerprint) {
        return ledger.find(fingerprint);
    }

    /**
     * The token a module's {@code revoke} is about: the one its properties showed, else the one this build holds for
     * the key, else one an earlier build left in the file cache (for a last pipeline step). When there is none, the
     * execution's token file goes, and the log says so.
     *
     * @param shown the fingerprint the module's properties showed, or null
     */
    Optional<TokenRecord<ResolvedRequest>> usedBy(ResolvedRequest request, String shown, ExecutionContext context) {
        Optional<CachedToken> ownedElsewhere = fetcher.current(request.key())
                .filter(token -> token.source() == CachedToken.Source.SHARED_BY_BUILD)
                .filter(token -> shown == null || shown.equals(token.result().token().fingerprint()));
        if (ownedElsewhere.isPresent() && ledger.find(shown).isEmpty()) {
            TokenFile file = request.plan().tokenFile();
            if (file != null) {
                file.delete(context.log());
            }
            context.log().info("The " + request.provider() + " token (fingerprint "
                    + ownedElsewhere.get().result().token().fingerprint() + ") is not revoked here: the repository "
                    + "credentials of this build obtained it, and revoke it when the build is over.");
            return Optional.empty();
        }
        Optional<TokenRecord<ResolvedRequest>> known = ledger.find(shown)
                .or(() -> fetcher.current(request.key()).flatMap(t -> ledger.find(t.result().token().fingerprint())))
                .or(() -> fetcher.leftInFileCache(request.request(), request.key(), context.log()).map(result ->
                        record(request, result.token(), true, context.projectId(), request.plan().tokenFile())));
        if (known.isEmpty()) {
            TokenFile file = request.plan().tokenFile();
            if (file != null) {
                file.delete(context.log());
            }
            context.log().info("No " + request.provider() + " token to revoke in this build.");
        }
        return known;
    }

    /**
     * The module's {@code revoke} asks for the tokens of its key to be revoked: now when every user is done with
     * them, else later (at the end of the build, or by the last user's revoke).
     */
    void release(ResolvedRequest request, TokenRecord<ResolvedRequest> mine, ExecutionContext context) {
        FetchRequest fetch = request.request();
        ledger.request(request.key(), context.projectId(), fetch.cache() == CacheMode.NONE,
                request.plan().revokeShared());
        if (fetch.cache() != CacheMode.NONE && endOfBuild.arrange()) {
            context.log().info("The " + request.provider() + " token (fingerprint " + mine.fingerprint()
                    + ") is revoked at the end of the build, once no module uses it any more.");
            return;
        }
        for (TokenRecord<ResolvedRequest> due : ledger.due(context::isFinished)) {
            revoke(due, context.log());
        }
        List<String> stillUsing = RevocationLedger.stillUsing(mine, context::isFinished);
        if (!mine.claimed() && !stillUsing.isEmpty() && announcements.first("deferred " + mine.fingerprint())) {
            context.log().warn("Not revoking the " + request.provider() + " token (fingerprint " + mine.fingerprint()
                    + ") yet: " + String.join(", ", stillUsing) + " still use it. The revoke of the last of them "
                    + "revokes it; if none runs one, it stays valid until " + mine.token().expiresAt() + ". This "
                    + "build does not report its end to the plugin, which would revoke it then.");
        }
    }

    /** The end of the build: every token asked for and not yet revoked. */
    void endOfBuild(BuildLog log) {
        for (TokenRecord<ResolvedRequest> record : ledger.outstanding()) {
            revoke(record, log);
        }
    }

    private void revoke(TokenRecord<ResolvedRequest> record, BuildLog log) {
        ResolvedRequest origin = record.origin();
        FetchRequest request = origin.request();
        AccessToken token = record.token();
        String what = "The " + origin.provider() + " token (fingerprint " + token.fingerprint() + ")";
        record.tokenFiles().forEach(file -> file.delete(log));
        if (record.shared() && !record.revokeShared()) {
            // Left unclaimed: a later revoke with revokeShared may still revoke it.
            if (announcements.first("kept shared " + token.fingerprint())) {
                log.info(what + " is not revoked: the file cache shares it with other builds on this machine. Set "
                        + "<revokeShared>true</revokeShared> to revoke it anyway.");
            }
            return;
        }
        if (!record.claim()) {
            return;
        }
        if (request.offline()) {
            log.warn(what + " is not revoked because Maven runs offline (-o); it stays valid until "
                    + token.expiresAt() + ".");
            return;
        }
        if (!token.expiresAt().isAfter(clock.instant())) {
            // A refreshed token file leaves superseded tokens behind, most of them expired by the end of the build.
            log.debug(what + " expired at " + token.expiresAt() + "; there is nothing to revoke.");
            return;
        }
        fetcher.forget(request, record.key(), token.fingerprint(), record.shared(), log);
        try {
            if (fetcher.revoke(request, origin.credentials(), token, log)) {
                log.info("Revoked the " + origin.provider() + " token (fingerprint " + token.fingerprint() + ").");
            }
        } catch (TokenException e) {
            log.warn(what + " could not be revoked; it stays valid until " + token.expiresAt() + ". "
                    + e.getMessage());
        }
    }
}
