package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.EndpointPolicy;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.http.Json;
import io.github.oauthtoken.core.http.RetryRule;
import io.github.oauthtoken.core.text.ServerText;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import io.github.oauthtoken.core.token.TokenResponse;
import io.github.oauthtoken.core.token.TokenResult;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Genesys Cloud: client credentials at {@code https://login.<domain>/oauth/token}; with {@code verify}, a call to
 * {@code GET https://api.<domain>/api/v2/tokens/me}, which needs no permission and returns the organization.
 */
public final class GenesysProvider implements TokenProvider {
    static final String TOKENS_ME = "/api/v2/tokens/me";
    private static final String READ_ONLY = ":readonly";

    /**
     * Genesys Cloud reports some rate limiting as HTTP 400 {@code invalid_request} with a description that says so;
     * its own tools retry those like a 429 (PROTOCOLS.md).
     */
    static final RetryRule RETRY_RULE = RetryRule.STANDARD.orElse(reply -> {
        if (reply.status() != 400) {
            return null;
        }
        Optional<Map<String, Object>> json = reply.jsonObject();
        if (json.isEmpty() || !"invalid_request".equals(json.get().get("error"))) {
            return null;
        }
        String text = (json.get().get("error_description") + " " + json.get().get("description") + " "
                + json.get().get("message")).toLowerCase(Locale.ROOT);
        return text.contains("rate limit") || text.contains("rate-limit") || text.contains("too many requests")
                ? "HTTP 400 invalid_request (rate limit)" : null;
    });

    private final ProviderContext context;

    public GenesysProvider(ProviderContext context) {
        this.context = context;
    }

    /**
     * The login server a token would come from, known before any request: the region's domain, however the region
     * was spelled, so that {@code eu_west_1} and {@code mypurecloud.ie} share a cached token.
     */
    static String tokenServer(ProviderSettings settings) {
        String region = settings.region() == null ? "" : settings.region().trim().toLowerCase(Locale.ROOT);
        try {
            return "genesys:" + GenesysRegion.parse(region, settings.regionOrigin()).domain();
        } catch (TokenException e) {
            // The fetch reports the bad region; the key only has to tell it apart from good ones.
            return "genesys:" + region;
        }
    }

    /**
     * Genesys Cloud's API accepts the read-write scope wherever it asks for the read-only one (an endpoint lists
     * both {@code routing} and {@code routing:readonly}), so {@code routing} covers {@code routing:readonly}.
     */
    static boolean covers(Set<String> granted, String required) {
        return granted.contains(required) || required.endsWith(READ_ONLY)
                && granted.contains(required.substring(0, required.length() - READ_ONLY.length()));
    }

    /** Where a client credentials client gets a scope it lacks. */
    static String whereToGrant(String clientId, String them) {
        return "Grant " + them + " to OAuth client " + clientId + " in Genesys Cloud under Admin > Integrations > "
                + "OAuth (a client credentials client gets its permissions from the roles on its Roles tab), or remove "
                + them + " from <requiredScopes>.";
    }

    @Override
    public TokenResult fetch(Credentials credentials) throws TokenException {
        ProviderSettings settings = context.settings();
        URI tokenUri = settings.tokenUrl() != null
                ? EndpointPolicy.require(settings.tokenUrl(), "<tokenUrl>")
                : EndpointPolicy.require("https://login." + region().domain() + "/oauth/token", "the region's login URL");
        URI apiBase = settings.verify() ? apiBase() : null;

        TokenResponse response = TokenEndpoint.request(context, tokenUri,
                new FormBody().add("grant_type", "client_credentials"), credentials.client(),
                TokenEndpoint.hints(credentials.client(), "client credentials"));

        Map<String, String> extras = new LinkedHashMap<>();
        if (settings.verify()) {
            verify(apiBase, response).ifPresent(org -> extras.put("organizationId", org));
        }
        return new TokenResult(response.token(), tokenUri, extras);
    }

    /** @return the token's organization id, when the answer names one */
    private Optional<String> verify(URI apiBase, TokenResponse response) throws TokenException {
        Map<String, Object> info = tokenInfo(apiBase, response.token());
        Optional<String> organization = Json.object(info, "organization").flatMap(org -> Json.string(org, "id"));
        context.log().debug("Genesys Cloud accepted the token at GET "
                + EndpointPolicy.describe(Discovery.append(apiBase, TOKENS_ME))
                + organization.map(id -> " (organization " + ServerText.neutralise(id) + ")").orElse(""));
        return organization;
    }

    /**
     * {@code authorizedScope} of {@code GET /api/v2/tokens/me}, "the list of scopes authorized for the OAuth client".
     * Genesys applies scopes to the other grants only; a client credentials client's permissions are the roles
     * of the OAuth client, which the answer does not name. So an empty list says nothing, rather than "none".
     */
    @Override
    public GrantedScopes grantedScopes(AccessToken token, Credentials credentials) throws TokenException {
        Map<String, Object> info = tokenInfo(apiBase(), token);
        Optional<List<String>> scopes = GrantedScopes.stringOrStrings(info.get("authorizedScope"));
        if (scopes.isPresent() && !scopes.get().isEmpty()) {
            return GrantedScopes.of(scopes.get(), "Genesys Cloud GET " + TOKENS_ME + ", authorizedScope");
        }
        return GrantedScopes.unknown("Genesys Cloud GET " + TOKENS_ME + " lists no authorizedScope for it (the "
                + "permissions of a client credentials client come from the roles of its OAuth client, which the API "
                + "does not name)");
    }

    /** {@code GET /api/v2/tokens/me}: needs no permission, so it only fails for a token Genesys does not accept. */
    private Map<String, Object> tokenInfo(URI apiBase, AccessToken token) throws TokenException {
        HttpCall call = HttpCall.get("token check", Discovery.append(apiBase, TOKENS_ME))
                .header("Authorization", "Bearer " + token.value().reveal())
                .header("Accept", "application/json");
        HttpReply reply = context.http().send(call);
        if (reply.status() != 200) {
            // Genesys's API refuses a token with its own body ({"message", "code", "status"}), not an OAuth error,
            // and ProviderErrors only adds hints to OAuth errors: so the hint is added here, whatever the body.
            String refused = ProviderErrors.refused(reply, code -> Optional.empty()).getMessage();
            throw new TokenException(refused + (refused.endsWith(".") ? "" : ".") + " Hint: Genesys Cloud did not "
                    + "accept the token it just issued; check that <apiUrl> or <region> matches the login region of the "
                    + "OAuth client.");
        }
        return reply.jsonObject().orElse(Map.of());
    }

    /** {@code DELETE /api/v2/tokens/me} with the token itself. */
    @Override
    public boolean revoke(AccessToken token, Credentials credentials) throws TokenException {
        HttpCall call = HttpCall.get("token revocation", Discovery.append(apiBase(), TOKENS_ME))
                .withMethod("DELETE")
                .header("Authorization", "Bearer " + token.value().reveal());
        HttpReply reply = context.http().send(call);
        if (reply.status() / 100 != 2) {
            throw ProviderErrors.refused(reply, code -> Optional.empty());
        }
        return true;
    }

    private URI apiBase() throws TokenException {
        ProviderSettings settings = context.settings();
        return settings.apiUrl() != null
                ? EndpointPolicy.require(settings.apiUrl(), "<apiUrl>")
                : EndpointPolicy.require("https://api." + region().domain(), "the region's API URL");
    }

    private GenesysRegion region() throws TokenException {
        ProviderSettings settings = context.settings();
        if (settings.region() == null || settings.region().isBlank()) {
            throw new TokenException("Provider genesys needs a region: set <region> (for example eu_west_1 or "
                    + "mypurecloud.ie), or the environment variable GENESYS_REGION or GENESYSCLOUD_REGION. "
                    + "Looked at: " + settings.regionOrigin() + ".");
        }
        return GenesysRegion.parse(settings.region(), settings.regionOrigin());
    }
}
