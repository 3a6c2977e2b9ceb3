package io.github.oauthtoken.core;

import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.provider.ProviderContext;
import io.github.oauthtoken.core.provider.TokenResult;
import io.github.oauthtoken.core.secret.Redactor;
import java.time.Clock;

/** Obtains one token: credentials, the provider's exchange, and the minimum-validity check. */
public final class TokenFetcher {
    private final CredentialResolver credentialResolver;
    private final Redactor redactor;
    private final BuildLog log;
    private final Clock clock;

    public TokenFetcher(CredentialResolver credentialResolver, Redactor redactor, BuildLog log, Clock clock) {
        this.credentialResolver = credentialResolver;
        this.redactor = redactor;
        this.log = log;
        this.clock = clock;
    }

    public TokenResult fetch(FetchRequest request) throws TokenException {
        Credentials credentials = credentialResolver.resolve(request.provider().id(), request.credentials());
        TokenResult result;
        try (HttpTransport http = new HttpTransport(request.http(), log)) {
            ProviderContext context = new ProviderContext(request.settings(), http, redactor, log, clock);
            result = request.provider().create(context).fetch(credentials);
        }
        long minSeconds = request.minValidity().toSeconds();
        if (result.token().expiresIn() < minSeconds) {
            throw new TokenException("The " + request.provider().id() + " token expires in "
                    + result.token().expiresIn() + " s (" + result.token().expiresInSource() + "), less than "
                    + "<minValidity> of " + minSeconds + " s. Lower <minValidity>, or raise the token lifetime of the "
                    + "OAuth client on the server.");
        }
        return result;
    }
}
