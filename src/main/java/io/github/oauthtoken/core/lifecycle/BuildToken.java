package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.ci.CiPublisher;
import io.github.oauthtoken.core.revocation.TokenRecord;
import io.github.oauthtoken.core.token.AccessToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A token that belongs to the build rather than to a module: a repository's credential, obtained before Maven reads
 * the project ({@link TokenLifecycle#buildToken}) and asked for again by each new connection, so that a deploy at the
 * end of a build longer than the token's life still sends a token the server takes. Each token it hands out for the
 * first time has taken the path of a fetched one first: masked in CI, in the build's redaction (the provider adds
 * it), recorded to be revoked at the end of the build, checked against {@code requiredScopes}, handed to its exports
 * and token file, and announced without its value. Safe for the resolver's parallel transfers.
 */
public final class BuildToken {
    private final ResolvedRequest request;
    private final String owner;
    private final CiPublisher ci;
    private final BuildLog log;
    private final TokenFetcher fetcher;
    private final Publisher publisher;
    private final Revocations revocations;
    private final ScopeVerification scopes;
    private final Clock clock;
    /** The fingerprints of the tokens already shown to the build. */
    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    /** Warned that no new token could be had; cleared by the next one that could. */
    private final AtomicBoolean renewalFailed = new AtomicBoolean();
    private volatile AccessToken current;

    BuildToken(ResolvedRequest request, String owner, CiPublisher ci, BuildLog log, TokenFetcher fetcher,
            Publisher publisher, Revocations revocations, ScopeVerification scopes, Clock clock) {
        this.request = request;
        this.owner = owner;
        this.ci = ci;
        this.log = log;
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.revocations = revocations;
        this.scopes = scopes;
        this.clock = clock;
    }

    /** Whom the token is for, as messages name it. */
    public String owner() {
        return owner;
    }

    /**
     * A token valid for {@code minValidity} from now: the one this holds, else the session or file cache's (with
     * their single flight: parallel connections wait for one request), else a new one from the provider.
     */
    public AccessToken current() throws TokenException {
        AccessToken held = current;
        if (validForMinValidity(held)) {
            return held;
        }
        // One renewal for the parallel transfers, also with cache=none, which has no single flight of its own.
        synchronized (this) {
            held = current;
            if (validForMinValidity(held)) {
                return held;
            }
            CachedToken token = fetcher.obtain(request.request(), request.credentials(), request.key(), log,
                    loaded -> publisher.mask(ci, loaded.result().token().value(), request.plan().exports(), log));
            show(token);
            current = token.result().token();
            renewalFailed.set(false);
            return current;
        }
    }

    private boolean validForMinValidity(AccessToken token) {
        return token != null && request.request().minValidity().reusable(token, clock.instant());
    }

    /**
     * The token for a new connection: {@link #current()}; when no new token can be had (the token server is down),
     * the one this holds for as long as it has not expired, with one warning until a renewal succeeds again, since
     * failing the connection would be worse than a token with less than {@code minValidity} left.
     *
     * @return empty when there is no token that has not expired: the connection goes without
     */
    public Optional<AccessToken> forConnection() {
        try {
            return Optional.of(current());
        } catch (TokenException e) {
            AccessToken held = current;
            Instant now = clock.instant();
            boolean usable = held != null && held.expiresAt().isAfter(now);
            if (renewalFailed.compareAndSet(false, true)) {
                log.warn("Could not renew the " + request.provider() + " token of " + owner + ": " + e.getMessage()
                        + (usable ? " New connections use the current token (fingerprint " + held.fingerprint()
                                + ") until it expires at " + held.expiresAt() + ", in "
                                + Duration.between(now, held.expiresAt()).toSeconds() + " s."
                                : " No token is left that has not expired, so the server will refuse new "
                                        + "connections."));
            }
            return usable ? Optional.of(held) : Optional.empty();
        }
    }

    /** A token's first time in this build's hands: the path a fetched token takes, before anyone gets it. */
    private void show(CachedToken token) throws TokenException {
        AccessToken access = token.result().token();
        if (shown.contains(access.fingerprint())) {
            return;
        }
        // A token another execution got with mask=false is masked here, as the fetch goal does.
        publisher.mask(ci, access.value(), request.plan().exports(), log);
        // Recorded before the scope check, so that a token the build cannot use is still revoked at its end.
        TokenRecord<ResolvedRequest> record = revocations.record(request, access, token.shared(), owner,
                request.plan().tokenFile());
        Optional<String> noRevocation = request.request().provider().whyNoRevocation(request.request().settings());
        if (noRevocation.isEmpty()) {
            revocations.expect(record, request.plan().revokeShared());
        } else {
            log.debug("The " + request.provider() + " token of " + owner + " (fingerprint " + access.fingerprint()
                    + ") is not revoked at the end of the build: " + noRevocation.get() + "; it stays valid until "
                    + access.expiresAt() + ".");
        }
        scopes.check(request, access, log);
        publisher.handOver(request, token, ci);
        if (token.source() != CachedToken.Source.SHARED_BY_BUILD) {
            fetcher.share(request.key(), token.result());
        }
        shown.add(access.fingerprint());
        log.info(TokenLifecycle.obtained(request, token, " for " + owner));
    }
}
