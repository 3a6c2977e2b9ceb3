package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.AccessKey;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.EndpointPolicy;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.Json;
import io.github.oauthtoken.core.text.ServerText;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import io.github.oauthtoken.core.token.JwtClaims;
import io.github.oauthtoken.core.token.TokenResponse;
import io.github.oauthtoken.core.token.TokenResult;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * NICE CXone back-end applications: the OAuth password grant with a user's access key, at the token endpoint
 * named by {@code {issuer}/.well-known/openid-configuration}. The tenant comes from the {@code id_token}, and the
 * tenant's API host from {@code {issuer}/.well-known/cxone-configuration?tenantId=...}.
 */
public final class CxoneProvider implements TokenProvider {
    static final String DEFAULT_ISSUER = "https://cxone.niceincontact.com";

    private final ProviderContext context;

    public CxoneProvider(ProviderContext context) {
        this.context = context;
    }

    /** The issuer a token would come from, known before any request (discovery only finds its token endpoint). */
    static String tokenServer(ProviderSettings settings) {
        return settings.issuer() != null ? settings.issuer().trim() : DEFAULT_ISSUER;
    }

    @Override
    public TokenResult fetch(Credentials credentials) throws TokenException {
        ProviderSettings settings = context.settings();
        URI issuer = EndpointPolicy.require(settings.issuer() != null ? settings.issuer() : DEFAULT_ISSUER, "<issuer>");
        URI tokenUri = settings.tokenUrl() != null
                ? EndpointPolicy.require(settings.tokenUrl(), "<tokenUrl>")
                : discoverTokenEndpoint(issuer);

        AccessKey key = credentials.accessKey().orElseThrow(() -> new IllegalStateException("CXone needs an access key"));
        FormBody grant = new FormBody()
                .add("grant_type", "password")
                .add("username", key.id())
                .add("password", key.secret().reveal());
        var clientHints = TokenEndpoint.hints(credentials.client(), "password");
        TokenResponse response = TokenEndpoint.request(context, tokenUri, grant, credentials.client(),
                code -> code.equals("invalid_grant")
                        ? Optional.of("check the access key id and secret in " + key.origin()
                                + " (CXone answers invalid_grant when the access key is wrong, expired or disabled).")
                        : clientHints.apply(code));

        Map<String, String> extras = new LinkedHashMap<>();
        Optional<String> tenantId = tenantId(response);
        if (tenantId.isPresent()) {
            extras.put("tenantId", tenantId.get());
            extras.put("apiEndpoint", apiEndpoint(issuer, tenantId.get()));
        } else {
            context.log().warn("The CXone token response has no id_token with a tenantId claim, so the properties "
                    + "tenantId and apiEndpoint are not set.");
        }
        if (settings.verify()) {
            context.log().debug("CXone has no documented token check endpoint; the tenant lookup is the check.");
        }
        return new TokenResult(response.token(), tokenUri, extras);
    }

    /** CXone documents no way to revoke an access token; it simply expires. */
    @Override
    public boolean revoke(AccessToken token, Credentials credentials) {
        context.log().warn("CXone documents no token revocation; the token (fingerprint " + token.fingerprint()
                + ") stays valid until " + token.expiresAt() + ".");
        return false;
    }

    @Override
    public GrantedScopes grantedScopes(AccessToken token, Credentials credentials) {
        return GrantedScopes.unknown("CXone documents no API that reports a token's scopes");
    }

    private URI discoverTokenEndpoint(URI issuer) throws TokenException {
        URI document = Discovery.append(issuer, "/.well-known/openid-configuration");
        Map<String, Object> metadata = Discovery.fetch(context, "CXone discovery", document)
                .orElseThrow(() -> new TokenException("CXone discovery found no document at "
                        + EndpointPolicy.describe(document) + " (a 4xx status). Check <issuer> (default "
                        + DEFAULT_ISSUER + "), or set <tokenUrl>."));
        return Discovery.endpoint(metadata, "token_endpoint", document);
    }

    private static Optional<String> tenantId(TokenResponse response) {
        return Json.string(response.json(), "id_token")
                .flatMap(JwtClaims::parse)
                .map(claims -> claims.get("tenantId"))
                .filter(value -> value instanceof String || value instanceof Number)
                .map(String::valueOf)
                .filter(value -> !value.isBlank());
    }

    private String apiEndpoint(URI issuer, String tenantId) throws TokenException {
        URI document = Discovery.append(issuer,
                "/.well-known/cxone-configuration?tenantId=" + FormBody.encode(tenantId));
        Map<String, Object> configuration = Discovery.fetch(context, "CXone tenant lookup", document)
                .orElseThrow(() -> new TokenException("CXone has no configuration for tenant "
                        + ServerText.neutralise(tenantId) + " at " + EndpointPolicy.describe(document)
                        + " (a 4xx status). Check <issuer>: US government tenants use https://cxone-gov.niceincontact.com."));
        return Discovery.endpoint(configuration, "api_endpoint", document).toString();
    }
}
