package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.ci.CiPublisher;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.publish.TokenFile;
import io.github.oauthtoken.core.publish.TokenHolder;
import io.github.oauthtoken.core.refresh.TokenFileRefresher;
import io.github.oauthtoken.core.revocation.TokenRecord;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.TokenResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code refreshTokenFile}: one refresher per token (per module with {@code cache=none}), however many executions
 * keep a file of it valid; each refreshed token goes where a fetched one goes (masked first, recorded for
 * revocation, handed out by the session cache, written to the files, set on every execution that shows the token).
 * Every refresher stops before the build's tokens are revoked, and one whose token no module shows any more stops at
 * the last module's {@code revoke}.
 */
final class Refreshes {
    private final Map<String, TokenFileRefresher> refreshers = new ConcurrentHashMap<>();
    private final TokenFetcher fetcher;
    private final Publisher publisher;
    private final Revocations revocations;
    private final Redactor redactor;
    private final Clock clock;

    Refreshes(TokenFetcher fetcher, Publisher publisher, Revocations revocations, Redactor redactor, Clock clock) {
        this.fetcher = fetcher;
        this.publisher = publisher;
        this.revocations = revocations;
        this.redactor = redactor;
        this.clock = clock;
    }

    /** The token's refresher keeps this execution's token file valid too. */
    void keepFresh(ResolvedRequest request, AccessToken token, CiPublisher ci, BuildLog log) {
        FetchRequest fetch = request.request();
        TokenFile file = request.plan().tokenFile();
        if (fetch.offline()) {
            log.warn("Maven runs offline (-o), so the token file " + file + " is not refreshed; its token expires at "
                    + token.expiresAt() + ".");
            return;
        }
        refreshers.compute(request.holderKey(), (k, running) -> {
            if (running != null && running.add(file, token, fetch.minValidity())) {
                return running;
            }
            return TokenFileRefresher.start(request.provider(),
                    () -> fetcher.fetch(fetch, request.credentials(), log),
                    (fresh, files, replaced) -> publish(request, ci, log, fresh, files, replaced),
                    log, clock, fetch.http().retry(), fetch.http().timeout(), fetch.minValidity(), token, file);
        });
    }

    /** A refreshed token reaches the build as a fetched one does. */
    private void publish(ResolvedRequest request, CiPublisher ci, BuildLog log, TokenResult fresh,
            List<TokenFile> files, String replaced) {
        AccessToken token = fresh.token();
        redactor.register(token.value());
        publisher.mask(ci, token.value(), request.plan().exports(), log);
        CachedToken cached = new CachedToken(fresh, false, request.request().settings().verify(),
                CachedToken.Source.FETCHED);
        Optional<TokenRecord<ResolvedRequest>> previous = revocations.find(replaced);
        List<TokenHolder> current = publisher.holders(request.holderKey());
        if (current.isEmpty()) {
            // A refresh that was under way when the last module released the token: nobody uses it, but the server
            // issued it, so it is recorded to be revoked with the one it replaces, and written nowhere.
            previous.ifPresent(old -> old.users().forEach(user -> revocations.inherit(
                    revocations.record(request, token, false, user, null), previous)));
            log.debug("A refreshed " + request.provider() + " token (fingerprint " + token.fingerprint()
                    + ") arrived after no module used the token any more; it is only kept to be revoked.");
            return;
        }
        for (TokenHolder holder : current) {
            TokenFile file = holder.tokenFile() != null && files.contains(holder.tokenFile())
                    ? holder.tokenFile() : null;
            revocations.inherit(revocations.record(request, token, false, holder.projectId(), file), previous);
        }
        if (request.request().cache() != CacheMode.NONE) {
            fetcher.offer(request.key(), cached);
        }
        publisher.showRefreshed(request.holderKey(), cached, files, replaced, log);
        log.info("Refreshed the " + request.provider() + " token in " + String.join(", ",
                files.stream().map(TokenFile::toString).toList()) + " (expires " + token.expiresAt() + ", fingerprint "
                + token.fingerprint() + ", replacing " + replaced + ").");
    }

    /** Stops the refresher of a token no module shows any more. */
    void stopIfUnused(String holderKey, BuildLog log) {
        if (publisher.holders(holderKey).isEmpty()) {
            TokenFileRefresher refresher = refreshers.remove(holderKey);
            if (refresher != null) {
                refresher.stop(log);
            }
        }
    }

    /** The end of the build: before any revocation, so that no refresher writes a file or fetches a token after. */
    void stopAll(BuildLog log) {
        for (String holderKey : List.copyOf(refreshers.keySet())) {
            TokenFileRefresher refresher = refreshers.remove(holderKey);
            if (refresher != null) {
                refresher.stop(log);
            }
        }
    }
}
