package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.ci.Announcements;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.scope.ScopeAnswers;
import io.github.oauthtoken.core.scope.ScopeCheck;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import java.util.List;

/**
 * {@code requiredScopes}: fails when the token lacks one, naming the scopes and where to grant them; warns, and checks
 * nothing, when no source says what the token grants. The server is asked once per token for the whole build.
 */
final class ScopeVerification {
    private final ScopeAnswers answers = new ScopeAnswers();
    private final TokenFetcher fetcher;
    private final Announcements announcements;

    ScopeVerification(TokenFetcher fetcher, Announcements announcements) {
        this.fetcher = fetcher;
        this.announcements = announcements;
    }

    void check(ResolvedRequest request, AccessToken token, BuildLog log) throws TokenException {
        List<String> required = request.plan().requiredScopes();
        if (required.isEmpty()) {
            return;
        }
        FetchRequest fetch = request.request();
        GrantedScopes granted = answers.granted(token, () -> fetch.offline()
                ? GrantedScopes.unknown("Maven runs offline (-o), so the server was not asked")
                : fetcher.grantedScopes(fetch, request.credentials(), token, log));
        if (!granted.known()) {
            if (announcements.first("scopes unknown " + token.fingerprint() + " " + required)) {
                log.warn(ScopeCheck.cannotCheck(required, granted, fetch.provider()));
            }
            return;
        }
        List<String> missing = ScopeCheck.missing(required, granted, fetch.provider());
        if (!missing.isEmpty()) {
            throw ScopeCheck.missingScopes(missing, granted, fetch.provider(),
                    request.credentials().client().clientId(), fetch.settings().scope());
        }
        log.info("The " + request.provider() + " token grants the required scopes " + String.join(", ", required)
                + " (according to " + granted.source() + ").");
    }
}
