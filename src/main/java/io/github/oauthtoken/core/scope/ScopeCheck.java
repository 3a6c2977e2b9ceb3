package io.github.oauthtoken.core.scope;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.text.ServerText;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code requiredScopes}: does the token grant what the build's API calls will need? Asked at {@code initialize},
 * so that a client without a permission fails there, naming it, instead of with an HTTP 403 an hour into the tests.
 */
public final class ScopeCheck {
    /** More are summarised: a list of hundreds would bury the message. */
    private static final int MAX_LISTED = 40;

    /** Asks the provider's server what the token grants; only when the token response named no scope. */
    @FunctionalInterface
    public interface ServerLookup {
        GrantedScopes ask() throws TokenException;
    }

    private ScopeCheck() {}

    /**
     * The scopes from the first source that tells: the token response's {@code scope}, then the server (Genesys
     * {@code GET /api/v2/tokens/me}, RFC 7662 introspection), then the token's own JWT claims, which the plugin
     * reads without checking a signature and so only after what the server said over TLS.
     */
    public static GrantedScopes granted(AccessToken token, ServerLookup server) throws TokenException {
        if (token.scope().isPresent()) {
            return GrantedScopes.of(GrantedScopes.split(token.scope().get()), "the token response's scope");
        }
        GrantedScopes fromServer = server.ask();
        if (fromServer.known()) {
            return fromServer;
        }
        Optional<GrantedScopes> fromJwt = GrantedScopes.fromJwt(token.value().reveal());
        return fromJwt.orElseGet(() -> GrantedScopes.unknown("the token response has no scope, "
                + fromServer.unknownBecause() + ", and the token is no JWT with a scope or scp claim"));
    }

    /** The required scopes that {@code granted} does not cover, in the order they were required. */
    public static List<String> missing(List<String> required, GrantedScopes granted, ProviderKind provider) {
        return required.stream().filter(scope -> !provider.covers(granted.scopes(), scope)).toList();
    }

    /** The failure for scopes the token lacks: which, what it grants instead, and where to grant them. */
    public static TokenException missingScopes(List<String> missing, GrantedScopes granted, ProviderKind provider,
            String clientId, String requestedScope) {
        String them = missing.size() == 1 ? "it" : "them";
        return new TokenException("The " + provider.id() + " token lacks " + (missing.size() == 1 ? "the scope "
                : "the scopes ") + String.join(", ", missing) + " that <requiredScopes> asks for. It grants "
                + (granted.scopes().isEmpty() ? "none" : listed(granted.scopes())) + " (according to "
                + granted.source() + "). " + provider.whereToGrant(clientId, requestedScope, them) + " Without "
                + them + " the API would refuse the build's requests with HTTP 403 later.");
    }

    /** The warning for a token whose scopes no source reported: said as it is, never guessed. */
    public static String cannotCheck(List<String> required, GrantedScopes granted, ProviderKind provider) {
        return "<requiredScopes> (" + String.join(", ", required) + ") cannot be checked for the " + provider.id()
                + " token: " + granted.unknownBecause() + ". The plugin does not guess, so nothing was checked and the "
                + "build goes on; a missing permission will show as an HTTP 403 from the API.";
    }

    /** Server text, each scope neutralised (a server could write CI commands into a scope's name). */
    private static String listed(Set<String> scopes) {
        String shown = scopes.stream().limit(MAX_LISTED).map(ServerText::neutralise).collect(Collectors.joining(", "));
        return scopes.size() > MAX_LISTED ? shown + " and " + (scopes.size() - MAX_LISTED) + " more" : shown;
    }
}
