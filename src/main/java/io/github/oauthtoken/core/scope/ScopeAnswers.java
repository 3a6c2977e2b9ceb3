package io.github.oauthtoken.core.scope;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each of the build's tokens grants, asked once per token: every module of a reactor that checks
 * {@code requiredScopes} against the shared token gets the first answer (or the first failure), so the server is
 * asked once per build, not once per module.
 */
public final class ScopeAnswers {
    private static final class Answer {
        GrantedScopes granted;
        TokenException failure;
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public GrantedScopes granted(AccessToken token, ScopeCheck.ServerLookup server) throws TokenException {
        Answer answer = answers.computeIfAbsent(token.fingerprint(), fingerprint -> new Answer());
        synchronized (answer) {
            if (answer.granted == null && answer.failure == null) {
                try {
                    answer.granted = ScopeCheck.granted(token, server);
                } catch (TokenException e) {
                    answer.failure = e;
                }
            }
            if (answer.failure != null) {
                throw answer.failure;
            }
            return answer.granted;
        }
    }
}
