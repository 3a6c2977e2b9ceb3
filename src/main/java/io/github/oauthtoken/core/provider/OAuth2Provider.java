package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ClientAuthentication;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.EndpointPolicy;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.http.Json;
import io.github.oauthtoken.core.identity.IdentityToken;
import io.github.oauthtoken.core.text.ServerText;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import io.github.oauthtoken.core.token.TokenResponse;
import io.github.oauthtoken.core.token.TokenResult;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Any OAuth 2.0 server: client credentials (RFC 6749 section 4.4), or with a CI identity token the JWT bearer grant
 * (RFC 7523 section 2.1) or token exchange (RFC 8693), at {@code tokenUrl}, or at the token endpoint found by
 * discovery from {@code issuer} (RFC 8414 first, then OpenID Connect Discovery). With {@code verify}, the token is
 * introspected (RFC 7662) and must be {@code active}.
 */
public final class OAuth2Provider implements TokenProvider {
    private final ProviderContext context;

    public OAuth2Provider(ProviderContext context) {
        this.context = context;
    }

    /** The issuer a token would come from, known before any request. */
    static String tokenServer(ProviderSettings settings) {
        return settings.issuer() == null ? "" : settings.issuer().trim();
    }

    @Override
    public TokenResult fetch(Credentials credentials) throws TokenException {
        ProviderSettings settings = context.settings();
        if (settings.tokenUrl() == null && settings.issuer() == null) {
            throw new TokenException("Provider oauth2 needs <tokenUrl> (the token endpoint) or <issuer> (to discover "
                    + "it from /.well-known/oauth-authorization-server or /.well-known/openid-configuration).");
        }
        Optional<Map<String, Object>> metadata = Optional.empty();
        URI metadataUri = null;
        URI tokenUri;
        String issuerId = null;
        if (settings.tokenUrl() != null) {
            tokenUri = EndpointPolicy.require(settings.tokenUrl(), "<tokenUrl>");
        } else {
            URI issuer = EndpointPolicy.require(settings.issuer(), "<issuer>");
            Discovered discovered = discover(issuer);
            metadata = Optional.of(discovered.metadata());
            metadataUri = discovered.uri();
            tokenUri = Discovery.endpoint(discovered.metadata(), "token_endpoint", discovered.uri());
            issuerId = Json.string(discovered.metadata(), "issuer").orElse(settings.issuer().trim());
        }

        GrantSettings g = settings.grant();
        FormBody grant = new FormBody().add("grant_type", g.grant().grantType());
        switch (g.grant()) {
            case JWT_BEARER -> grant.add("assertion", identity(credentials).next().reveal());
            case TOKEN_EXCHANGE -> grant.add("subject_token", identity(credentials).next().reveal())
                    .add("subject_token_type", g.subjectTokenType())
                    .addIfPresent("requested_token_type", g.requestedTokenType());
            case CLIENT_CREDENTIALS -> {
                // the client's authentication is the whole grant
            }
        }
        grant.addIfPresent("scope", settings.scope())
                .addIfPresent("audience", settings.audience())
                .addIfPresent("resource", g.resource());
        String grantName = g.grant() == Grant.CLIENT_CREDENTIALS ? "client credentials" : g.grant().id();
        credentials.identity().ifPresent(identity -> context.log().info(describeIdentityRequest(tokenUri, identity,
                credentials.client())));
        RefusalHints hints = new RefusalHints(credentials, g.grant(), grantName);
        // The issuer identifier when discovery gave one (what draft-ietf-oauth-rfc7523bis asks for), else the token
        // endpoint (what RFC 7523 section 3 and Entra ID ask for), unless the user knows better.
        String assertionAudience = g.assertionAudience() != null ? g.assertionAudience()
                : issuerId != null ? issuerId : tokenUri.toString();
        TokenResponse response = TokenEndpoint.request(context, tokenUri, grant, credentials.client(), hints::apply,
                assertionAudience);

        if (settings.verify()) {
            introspect(introspectionUri(metadata, metadataUri), response.token(), credentials.client(),
                    assertionAudience);
        }
        Map<String, String> extras = Map.of();
        if (g.grant() == Grant.TOKEN_EXCHANGE) {
            Optional<String> issued = Json.string(response.json(), "issued_token_type");
            if (issued.isPresent()) {
                extras = Map.of("issuedTokenType", ServerText.neutralise(issued.get()));
            }
        }
        return new TokenResult(response.token(), tokenUri, extras);
    }

    /**
     * The line that says how a request with the CI's identity token is made: the grant, where the token comes from,
     * and how the client authenticates beside it and why (a default that reads a configured secret must not be a
     * surprise). Names and sources only, never a secret.
     */
    private String describeIdentityRequest(URI tokenUri, IdentityToken identity, ClientCredentials client) {
        ProviderSettings settings = context.settings();
        String presentation = switch (settings.grant().grant()) {
            case JWT_BEARER -> "the jwt-bearer grant (RFC 7523), " + identity.origin() + " as its assertion";
            case TOKEN_EXCHANGE -> "token-exchange (RFC 8693) of " + identity.origin();
            case CLIENT_CREDENTIALS -> "the client credentials grant, " + identity.origin() + " as the client's "
                    + "assertion";
        };
        String authentication = settings.clientAuth() == ClientAuthentication.IDENTITY_TOKEN_ASSERTION ? ""
                : "; client " + (client.clientId() == null ? "(no id)" : client.clientId()) + " authenticates with "
                        + settings.clientAuth().id() + " (" + settings.clientAuthOrigin() + ")";
        return "Asking " + tokenUri.getHost() + " for an oauth2 token with " + presentation + authentication + ".";
    }

    private static IdentityToken identity(Credentials credentials) {
        return credentials.identity().orElseThrow(() -> new IllegalStateException(
                "the request parser lets jwt-bearer and token-exchange through only with an identity token"));
    }

    /** RFC 7009: POST the token to the revocation endpoint with the client's authentication. */
    @Override
    public boolean revoke(AccessToken token, Credentials credentials) throws TokenException {
        ProviderSettings settings = context.settings();
        URI uri;
        if (settings.revocationUrl() != null) {
            uri = EndpointPolicy.require(settings.revocationUrl(), "<revocationUrl>");
        } else if (settings.issuer() != null) {
            Discovered discovered = discover(EndpointPolicy.require(settings.issuer(), "<issuer>"));
            if (Json.string(discovered.metadata(), "revocation_endpoint").isEmpty()) {
                throw new TokenException("The metadata at " + EndpointPolicy.describe(discovered.uri()) + " lists no "
                        + "revocation_endpoint; set <revocationUrl> (RFC 7009).");
            }
            uri = Discovery.endpoint(discovered.metadata(), "revocation_endpoint", discovered.uri());
        } else {
            throw new TokenException("Provider oauth2 needs <revocationUrl> (RFC 7009), or an <issuer> whose metadata "
                    + "lists a revocation_endpoint, to revoke a token.");
        }
        FormBody form = new FormBody()
                .add("token", token.value().reveal())
                .add("token_type_hint", "access_token");
        HttpReply reply = context.http().send(settings.clientAuth().apply("token revocation", uri, form,
                credentials.client(), context.redactor(), assertionAudience(uri)));
        if (reply.status() != 200) {
            RefusalHints clientHints = new RefusalHints(credentials, Grant.CLIENT_CREDENTIALS, "revocation");
            throw ProviderErrors.refused(reply, (code, description) -> code.equals("unsupported_token_type")
                    ? Optional.of("this server does not revoke access tokens (RFC 7009 section 2.2.1); the token "
                            + "stays valid until it expires.")
                    : clientHints.apply(code, description));
        }
        return true;
    }

    /**
     * The {@code aud} of a client assertion for a request that is no token request: the configured one, else the
     * issuer, else the token endpoint, else the endpoint itself.
     */
    private String assertionAudience(URI endpoint) {
        ProviderSettings settings = context.settings();
        if (settings.grant().assertionAudience() != null) {
            return settings.grant().assertionAudience();
        }
        if (settings.tokenUrl() != null) {
            return settings.tokenUrl().trim();
        }
        return settings.issuer() != null ? settings.issuer().trim() : endpoint.toString();
    }

    private record Discovered(Map<String, Object> metadata, URI uri) {}

    private Discovered discover(URI issuer) throws TokenException {
        // RFC 8414 section 3: the well-known segment goes between the host and the issuer's path.
        String path = issuer.getRawPath() == null || issuer.getRawPath().equals("/") ? "" : issuer.getRawPath();
        URI rfc8414 = URI.create(issuer.getScheme() + "://" + issuer.getRawAuthority()
                + "/.well-known/oauth-authorization-server" + stripTrailingSlash(path));
        URI oidc = Discovery.append(issuer, "/.well-known/openid-configuration");
        for (URI candidate : new URI[] {rfc8414, oidc}) {
            Optional<Map<String, Object>> document = Discovery.fetch(context, "discovery", candidate);
            if (document.isPresent()) {
                checkIssuer(issuer, document.get(), candidate);
                context.log().debug("Discovered the server metadata at " + EndpointPolicy.describe(candidate));
                return new Discovered(document.get(), candidate);
            }
        }
        throw new TokenException("Discovery found no metadata for <issuer> " + EndpointPolicy.describe(issuer)
                + ": both " + EndpointPolicy.describe(rfc8414) + " and " + EndpointPolicy.describe(oidc)
                + " answered with a 4xx status. Check <issuer>, or set <tokenUrl>.");
    }

    /** RFC 8414 section 3.3: metadata for another issuer must not be used (it could send credentials elsewhere). */
    private static void checkIssuer(URI issuer, Map<String, Object> metadata, URI documentUri) throws TokenException {
        Optional<String> declared = Json.string(metadata, "issuer");
        if (declared.isPresent() && !stripTrailingSlash(declared.get()).equals(stripTrailingSlash(issuer.toString()))) {
            throw new TokenException("The metadata at " + EndpointPolicy.describe(documentUri) + " belongs to issuer "
                    + ServerText.neutralise(declared.get()) + ", not to the configured <issuer> " + issuer
                    + ". Set <issuer> to exactly the server's issuer identifier.");
        }
    }

    private URI introspectionUri(Optional<Map<String, Object>> metadata, URI metadataUri) throws TokenException {
        if (context.settings().introspectionUrl() != null) {
            return EndpointPolicy.require(context.settings().introspectionUrl(), "<introspectionUrl>");
        }
        if (metadata.isPresent() && Json.string(metadata.get(), "introspection_endpoint").isPresent()) {
            return Discovery.endpoint(metadata.get(), "introspection_endpoint", metadataUri);
        }
        throw new TokenException("<verify> is true, but provider oauth2 has no introspection endpoint to check the "
                + "token with: set <introspectionUrl> (RFC 7662), or use an <issuer> whose metadata lists one.");
    }

    private Map<String, Object> introspect(URI uri, AccessToken token, ClientCredentials client,
            String assertionAudience) throws TokenException {
        FormBody form = new FormBody()
                .add("token", token.value().reveal())
                .add("token_type_hint", "access_token");
        HttpReply reply = context.http().send(context.settings().clientAuth().apply("token introspection", uri, form,
                client, context.redactor(), assertionAudience));
        if (reply.status() != 200) {
            throw ProviderErrors.refused(reply, TokenEndpoint.hints(client, "introspection"));
        }
        Map<String, Object> json = reply.jsonObject().orElse(Map.of());
        Object active = json.get("active");
        if (!Boolean.TRUE.equals(active)) {
            throw new TokenException("Token introspection (" + reply.call().describe() + ") reports the new token as "
                    + "not active (active: " + ServerText.neutralise(String.valueOf(active)) + "). Some servers "
                    + "(Keycloak) only report active: true to a client in the token's audience; check <audience>, or "
                    + "turn <verify> off.");
        }
        context.log().debug("The introspection endpoint reports the token as active.");
        return json;
    }

    /**
     * With {@code verify}, the introspection endpoint's {@code scope} (RFC 7662 section 2.2). Without it the plugin
     * asks nothing: {@code verify} is where the build says it wants the server asked about its token.
     */
    @Override
    public GrantedScopes grantedScopes(AccessToken token, Credentials credentials) throws TokenException {
        if (!context.settings().verify()) {
            return GrantedScopes.unknown("<verify> is false, so the introspection endpoint (RFC 7662) was not asked "
                    + "(set <verify>true</verify> to have it asked)");
        }
        Optional<Map<String, Object>> metadata = Optional.empty();
        URI metadataUri = null;
        if (context.settings().introspectionUrl() == null && context.settings().issuer() != null) {
            Discovered discovered = discover(EndpointPolicy.require(context.settings().issuer(), "<issuer>"));
            metadata = Optional.of(discovered.metadata());
            metadataUri = discovered.uri();
        }
        URI uri = introspectionUri(metadata, metadataUri);
        Map<String, Object> json = introspect(uri, token, credentials.client(), assertionAudience(uri));
        String source = "RFC 7662 introspection at " + EndpointPolicy.describe(uri);
        return GrantedScopes.stringOrStrings(json.get("scope"))
                .map(scopes -> GrantedScopes.of(scopes, source))
                .orElseGet(() -> GrantedScopes.unknown("the " + source + " has no scope"));
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
