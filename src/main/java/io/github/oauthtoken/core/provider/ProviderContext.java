package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.TokenResponseValidator;
import java.time.Clock;

/** What every provider works with; one per token fetch. */
public record ProviderContext(
        ProviderSettings settings, HttpTransport http, Redactor redactor, BuildLog log, Clock clock) {

    TokenResponseValidator validator() {
        return new TokenResponseValidator(redactor, log);
    }
}
