package io.github.oauthtoken.core.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * Provider configuration as the user gave it; every URL is still unchecked text (null when not set).
 *
 * @param region           Genesys region or domain
 * @param regionOrigin     where {@code region} came from, for messages ("<region>", "environment variable GENESYS_REGION")
 * @param issuer           CXone or OAuth 2.0 issuer, for discovery
 * @param tokenUrl         overrides the token endpoint of every provider
 * @param apiUrl           overrides the Genesys API base URL
 * @param introspectionUrl RFC 7662 endpoint for {@code verify} with provider oauth2
 * @param defaultExpiresIn lifetime to assume when the server sends no {@code expires_in} and the token is no JWT
 * @param revocationUrl    RFC 7009 endpoint for the {@code revoke} goal with provider oauth2 (else from discovery)
 */
public record ProviderSettings(
        String region,
        String regionOrigin,
        String issuer,
        String tokenUrl,
        String apiUrl,
        String scope,
        String audience,
        ClientAuthentication clientAuth,
        String introspectionUrl,
        boolean verify,
        Optional<Duration> defaultExpiresIn,
        String revocationUrl) {

    /** Settings without a revocation endpoint (the {@code fetch} goal does not need one). */
    public ProviderSettings(String region, String regionOrigin, String issuer, String tokenUrl, String apiUrl,
            String scope, String audience, ClientAuthentication clientAuth, String introspectionUrl, boolean verify,
            Optional<Duration> defaultExpiresIn) {
        this(region, regionOrigin, issuer, tokenUrl, apiUrl, scope, audience, clientAuth, introspectionUrl, verify,
                defaultExpiresIn, null);
    }
}
