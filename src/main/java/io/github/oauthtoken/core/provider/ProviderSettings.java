package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.credentials.ClientAuthentication;
import java.time.Duration;
import java.util.Optional;

/**
 * Provider configuration as the user gave it; every URL is still unchecked text (null when not set).
 *
 * @param region           Genesys region or domain
 * @param regionOrigin     where {@code region} came from, for messages ({@code <region>},
 *                         "environment variable GENESYS_REGION")
 * @param issuer           CXone or OAuth 2.0 issuer, for discovery
 * @param tokenUrl         overrides the token endpoint of every provider
 * @param apiUrl           overrides the Genesys API base URL
 * @param introspectionUrl RFC 7662 endpoint for {@code verify} with provider oauth2
 * @param defaultExpiresIn lifetime to assume when the server sends no {@code expires_in} and the token is no JWT
 * @param revocationUrl    RFC 7009 endpoint for the {@code revoke} goal with provider oauth2 (else from discovery)
 * @param grant            provider oauth2: the grant and its parameters (client credentials unless configured)
 * @param clientAuthOrigin why the client authenticates as {@code clientAuth} says, in words for the line that
 *                         describes a request ({@code <clientAuth>}, or the rule that chose it)
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
        String revocationUrl,
        GrantSettings grant,
        String clientAuthOrigin) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names every setting, so that no caller passes twelve values by position; unset ones are empty. */
    public static final class Builder {
        private String region;
        private String regionOrigin = "<region>";
        private String issuer;
        private String tokenUrl;
        private String apiUrl;
        private String scope;
        private String audience;
        private ClientAuthentication clientAuth = ClientAuthentication.BASIC;
        private String clientAuthOrigin = "the default";
        private String introspectionUrl;
        private boolean verify;
        private Optional<Duration> defaultExpiresIn = Optional.empty();
        private String revocationUrl;
        private GrantSettings grant = GrantSettings.CLIENT_CREDENTIALS;

        private Builder() {}

        /** @param origin where it came from, for messages ({@code <region>}, "environment variable GENESYS_REGION") */
        public Builder region(String value, String origin) {
            this.region = value;
            this.regionOrigin = origin;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder regionOrigin(String value) {
            this.regionOrigin = value;
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder tokenUrl(String value) {
            this.tokenUrl = value;
            return this;
        }

        public Builder apiUrl(String value) {
            this.apiUrl = value;
            return this;
        }

        public Builder scope(String value) {
            this.scope = value;
            return this;
        }

        public Builder audience(String value) {
            this.audience = value;
            return this;
        }

        public Builder clientAuth(ClientAuthentication value) {
            return clientAuth(value, "<clientAuth>");
        }

        /** @param origin why, in words ({@code <clientAuth>}, or the rule that chose it) */
        public Builder clientAuth(ClientAuthentication value, String origin) {
            this.clientAuth = value;
            this.clientAuthOrigin = origin;
            return this;
        }

        public Builder introspectionUrl(String value) {
            this.introspectionUrl = value;
            return this;
        }

        public Builder verify(boolean value) {
            this.verify = value;
            return this;
        }

        public Builder defaultExpiresIn(Optional<Duration> value) {
            this.defaultExpiresIn = value;
            return this;
        }

        public Builder revocationUrl(String value) {
            this.revocationUrl = value;
            return this;
        }

        public Builder grant(GrantSettings value) {
            this.grant = value;
            return this;
        }

        public ProviderSettings build() {
            return new ProviderSettings(region, regionOrigin, issuer, tokenUrl, apiUrl, scope, audience, clientAuth,
                    introspectionUrl, verify, defaultExpiresIn, revocationUrl, grant, clientAuthOrigin);
        }
    }
}
