package io.github.oauthtoken.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One execution's configuration exactly as the user wrote it: unparsed text, null where not set. The Maven layer
 * copies its parameters in, one to one; {@link RequestParser} turns them into a request and owns every default and
 * precedence rule, so that a newcomer finds what a parameter does in one place.
 */
public final class TokenParameters {
    private final String provider;
    private final String serverId;
    private final String clientIdEnv;
    private final String clientSecretEnv;
    private final String accessKeyServerId;
    private final String accessKeyIdEnv;
    private final String accessKeySecretEnv;
    private final String region;
    private final String issuer;
    private final String tokenUrl;
    private final String apiUrl;
    private final String scope;
    private final String audience;
    private final String clientAuth;
    private final String revocationUrl;
    private final String introspectionUrl;
    private final String propertyPrefix;
    private final String minValidity;
    private final String defaultExpiresIn;
    private final boolean verify;
    private final String timeout;
    private final int retries;
    private final String maxRetryWait;
    private final Path trustStore;
    private final String trustStoreType;
    private final String trustStoreServerId;
    private final String connectTimeout;
    private final String cache;
    private final Path cacheDirectory;
    private final String mask;
    private final String githubEnv;
    private final String githubOutput;
    private final String azureVariable;
    private final Path tokenFile;
    private final boolean failOnError;
    private final boolean revokeShared;
    private final boolean tokenAsProperty;
    private final List<String> requiredScopes;
    private final boolean refreshTokenFile;
    // Without a stored secret (private_key_jwt, CI identity tokens).
    private final String clientId;
    private final Path keyStore;
    private final String keyStoreType;
    private final String keyAlias;
    private final String keyStoreServerId;
    private final String signingAlgorithm;
    private final String keyId;
    private final String assertionAudience;
    private final String identityToken;
    private final String identityTokenVariable;
    private final Path identityTokenFile;
    private final String identityAudience;
    private final String azureServiceConnectionId;
    private final String grant;
    private final String subjectTokenType;
    private final String requestedTokenType;
    private final String resource;

    private TokenParameters(Builder b) {
        this.provider = b.provider;
        this.serverId = b.serverId;
        this.clientIdEnv = b.clientIdEnv;
        this.clientSecretEnv = b.clientSecretEnv;
        this.accessKeyServerId = b.accessKeyServerId;
        this.accessKeyIdEnv = b.accessKeyIdEnv;
        this.accessKeySecretEnv = b.accessKeySecretEnv;
        this.region = b.region;
        this.issuer = b.issuer;
        this.tokenUrl = b.tokenUrl;
        this.apiUrl = b.apiUrl;
        this.scope = b.scope;
        this.audience = b.audience;
        this.clientAuth = b.clientAuth;
        this.revocationUrl = b.revocationUrl;
        this.introspectionUrl = b.introspectionUrl;
        this.propertyPrefix = b.propertyPrefix;
        this.minValidity = b.minValidity;
        this.defaultExpiresIn = b.defaultExpiresIn;
        this.verify = b.verify;
        this.timeout = b.timeout;
        this.retries = b.retries;
        this.maxRetryWait = b.maxRetryWait;
        this.trustStore = b.trustStore;
        this.trustStoreType = b.trustStoreType;
        this.trustStoreServerId = b.trustStoreServerId;
        this.connectTimeout = b.connectTimeout;
        this.cache = b.cache;
        this.cacheDirectory = b.cacheDirectory;
        this.mask = b.mask;
        this.githubEnv = b.githubEnv;
        this.githubOutput = b.githubOutput;
        this.azureVariable = b.azureVariable;
        this.tokenFile = b.tokenFile;
        this.failOnError = b.failOnError;
        this.revokeShared = b.revokeShared;
        this.tokenAsProperty = b.tokenAsProperty;
        this.requiredScopes = b.requiredScopes == null ? List.of()
                : b.requiredScopes.stream().filter(java.util.Objects::nonNull).toList();
        this.refreshTokenFile = b.refreshTokenFile;
        this.clientId = b.clientId;
        this.keyStore = b.keyStore;
        this.keyStoreType = b.keyStoreType;
        this.keyAlias = b.keyAlias;
        this.keyStoreServerId = b.keyStoreServerId;
        this.signingAlgorithm = b.signingAlgorithm;
        this.keyId = b.keyId;
        this.assertionAudience = b.assertionAudience;
        this.identityToken = b.identityToken;
        this.identityTokenVariable = b.identityTokenVariable;
        this.identityTokenFile = b.identityTokenFile;
        this.identityAudience = b.identityAudience;
        this.azureServiceConnectionId = b.azureServiceConnectionId;
        this.grant = b.grant;
        this.subjectTokenType = b.subjectTokenType;
        this.requestedTokenType = b.requestedTokenType;
        this.resource = b.resource;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code genesys}, {@code cxone} or {@code oauth2}. */
    public String provider() {
        return provider;
    }

    /** Settings.xml server of the client. */
    public String serverId() {
        return serverId;
    }

    /** Variable with the client id, instead of the provider's defaults. */
    public String clientIdEnv() {
        return clientIdEnv;
    }

    /** Variable with the client secret. */
    public String clientSecretEnv() {
        return clientSecretEnv;
    }

    /** CXone: settings.xml server of the access key. */
    public String accessKeyServerId() {
        return accessKeyServerId;
    }

    /** CXone: variable with the access key id. */
    public String accessKeyIdEnv() {
        return accessKeyIdEnv;
    }

    /** CXone: variable with the access key secret. */
    public String accessKeySecretEnv() {
        return accessKeySecretEnv;
    }

    /** Genesys region name or domain. */
    public String region() {
        return region;
    }

    /** Issuer for discovery. */
    public String issuer() {
        return issuer;
    }

    /** Token endpoint, overriding region and discovery. */
    public String tokenUrl() {
        return tokenUrl;
    }

    /** Genesys API base. */
    public String apiUrl() {
        return apiUrl;
    }

    /** Scope to request. */
    public String scope() {
        return scope;
    }

    /** Audience to request. */
    public String audience() {
        return audience;
    }

    /** {@code basic} or {@code post}. */
    public String clientAuth() {
        return clientAuth;
    }

    /** RFC 7009 endpoint. */
    public String revocationUrl() {
        return revocationUrl;
    }

    /** RFC 7662 endpoint. */
    public String introspectionUrl() {
        return introspectionUrl;
    }

    /** Prefix of the project properties. */
    public String propertyPrefix() {
        return propertyPrefix;
    }

    /** Least validity left, ISO-8601 or seconds. */
    public String minValidity() {
        return minValidity;
    }

    /** Lifetime to assume when the server names none. */
    public String defaultExpiresIn() {
        return defaultExpiresIn;
    }

    /** Check the token with the provider. */
    public boolean verify() {
        return verify;
    }

    /** Deadline of one fetch. */
    public String timeout() {
        return timeout;
    }

    /** Retries of transient failures. */
    public int retries() {
        return retries;
    }

    /** Longest Retry-After honoured. */
    public String maxRetryWait() {
        return maxRetryWait;
    }

    /** Trust store replacing the JVM's CAs. */
    public Path trustStore() {
        return trustStore;
    }

    /** {@code PKCS12} or {@code JKS}. */
    public String trustStoreType() {
        return trustStoreType;
    }

    /** Settings.xml server whose password opens the trust store. */
    public String trustStoreServerId() {
        return trustStoreServerId;
    }

    /** Deadline of one connection attempt. */
    public String connectTimeout() {
        return connectTimeout;
    }

    /** {@code none}, {@code session} or {@code file}. */
    public String cache() {
        return cache;
    }

    /** Where {@code cache=file} keeps tokens. */
    public Path cacheDirectory() {
        return cacheDirectory;
    }

    /** {@code auto} or {@code false}. */
    public String mask() {
        return mask;
    }

    /** GitHub Actions variable to export to. */
    public String githubEnv() {
        return githubEnv;
    }

    /** GitHub Actions step output to export to. */
    public String githubOutput() {
        return githubOutput;
    }

    /** Azure Pipelines secret variable to set. */
    public String azureVariable() {
        return azureVariable;
    }

    /** File to write the token to. */
    public Path tokenFile() {
        return tokenFile;
    }

    /** False: failures to obtain a token only warn. */
    public boolean failOnError() {
        return failOnError;
    }

    /** Revoke: also revoke a token the file cache shares. */
    public boolean revokeShared() {
        return revokeShared;
    }

    /** Set {@code ${prefix}} to the token itself; false leaves only the other properties (the file, the expiry). */
    public boolean tokenAsProperty() {
        return tokenAsProperty;
    }

    /** Scopes the token must grant, as written: each entry may hold several, separated by commas or spaces. */
    public List<String> requiredScopes() {
        return requiredScopes;
    }

    /** Keep {@code tokenFile} valid for the rest of the build. */
    public boolean refreshTokenFile() {
        return refreshTokenFile;
    }

    // Without a stored secret (private_key_jwt, CI identity tokens).

    /** Client id when no secret goes with it (private_key_jwt, identity tokens). */
    public String clientId() {
        return clientId;
    }

    /** private_key_jwt: PKCS12 or JKS store with the client's key. */
    public Path keyStore() {
        return keyStore;
    }

    /** {@code PKCS12} or {@code JKS}. */
    public String keyStoreType() {
        return keyStoreType;
    }

    /** Alias of the client's key in the store. */
    public String keyAlias() {
        return keyAlias;
    }

    /** Settings.xml server whose password opens the key store and the key. */
    public String keyStoreServerId() {
        return keyStoreServerId;
    }

    /** {@code RS256}, {@code PS256} or {@code ES256}. */
    public String signingAlgorithm() {
        return signingAlgorithm;
    }

    /** The {@code kid} header of client assertions. */
    public String keyId() {
        return keyId;
    }

    /** The {@code aud} of client assertions. */
    public String assertionAudience() {
        return assertionAudience;
    }

    /** Source of the CI identity token: github, azure, variable, file or auto. */
    public String identityToken() {
        return identityToken;
    }

    /** Variable with the identity token. */
    public String identityTokenVariable() {
        return identityTokenVariable;
    }

    /** File with the identity token. */
    public Path identityTokenFile() {
        return identityTokenFile;
    }

    /** GitHub Actions: audience to ask the identity token for. */
    public String identityAudience() {
        return identityAudience;
    }

    /** Azure Pipelines: the service connection of the identity token. */
    public String azureServiceConnectionId() {
        return azureServiceConnectionId;
    }

    /** client_credentials, jwt-bearer or token-exchange. */
    public String grant() {
        return grant;
    }

    /** Token exchange: subject_token_type. */
    public String subjectTokenType() {
        return subjectTokenType;
    }

    /** Token exchange: requested_token_type. */
    public String requestedTokenType() {
        return requestedTokenType;
    }

    /** RFC 8707 / RFC 8693 resource. */
    public String resource() {
        return resource;
    }

    /** Collects the parameters; every value may be left unset. */
    public static final class Builder {
        private String provider;
        private String serverId;
        private String clientIdEnv;
        private String clientSecretEnv;
        private String accessKeyServerId;
        private String accessKeyIdEnv;
        private String accessKeySecretEnv;
        private String region;
        private String issuer;
        private String tokenUrl;
        private String apiUrl;
        private String scope;
        private String audience;
        private String clientAuth;
        private String revocationUrl;
        private String introspectionUrl;
        private String propertyPrefix;
        private String minValidity;
        private String defaultExpiresIn;
        private boolean verify;
        private String timeout;
        private int retries = 3;
        private String maxRetryWait;
        private Path trustStore;
        private String trustStoreType;
        private String trustStoreServerId;
        private String connectTimeout;
        private String cache;
        private Path cacheDirectory;
        private String mask;
        private String githubEnv;
        private String githubOutput;
        private String azureVariable;
        private Path tokenFile;
        private boolean failOnError = true;
        private boolean revokeShared;
        private boolean tokenAsProperty = true;
        private List<String> requiredScopes;
        private boolean refreshTokenFile;
        private String clientId;
        private Path keyStore;
        private String keyStoreType;
        private String keyAlias;
        private String keyStoreServerId;
        private String signingAlgorithm;
        private String keyId;
        private String assertionAudience;
        private String identityToken;
        private String identityTokenVariable;
        private Path identityTokenFile;
        private String identityAudience;
        private String azureServiceConnectionId;
        private String grant;
        private String subjectTokenType;
        private String requestedTokenType;
        private String resource;

        private Builder() {}

        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        public Builder serverId(String value) {
            this.serverId = value;
            return this;
        }

        public Builder clientIdEnv(String value) {
            this.clientIdEnv = value;
            return this;
        }

        public Builder clientSecretEnv(String value) {
            this.clientSecretEnv = value;
            return this;
        }

        public Builder accessKeyServerId(String value) {
            this.accessKeyServerId = value;
            return this;
        }

        public Builder accessKeyIdEnv(String value) {
            this.accessKeyIdEnv = value;
            return this;
        }

        public Builder accessKeySecretEnv(String value) {
            this.accessKeySecretEnv = value;
            return this;
        }

        public Builder region(String value) {
            this.region = value;
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

        public Builder clientAuth(String value) {
            this.clientAuth = value;
            return this;
        }

        public Builder revocationUrl(String value) {
            this.revocationUrl = value;
            return this;
        }

        public Builder introspectionUrl(String value) {
            this.introspectionUrl = value;
            return this;
        }

        public Builder propertyPrefix(String value) {
            this.propertyPrefix = value;
            return this;
        }

        public Builder minValidity(String value) {
            this.minValidity = value;
            return this;
        }

        public Builder defaultExpiresIn(String value) {
            this.defaultExpiresIn = value;
            return this;
        }

        public Builder verify(boolean value) {
            this.verify = value;
            return this;
        }

        public Builder timeout(String value) {
            this.timeout = value;
            return this;
        }

        public Builder retries(int value) {
            this.retries = value;
            return this;
        }

        public Builder maxRetryWait(String value) {
            this.maxRetryWait = value;
            return this;
        }

        public Builder trustStore(Path value) {
            this.trustStore = value;
            return this;
        }

        public Builder trustStoreType(String value) {
            this.trustStoreType = value;
            return this;
        }

        public Builder trustStoreServerId(String value) {
            this.trustStoreServerId = value;
            return this;
        }

        public Builder connectTimeout(String value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder cache(String value) {
            this.cache = value;
            return this;
        }

        public Builder cacheDirectory(Path value) {
            this.cacheDirectory = value;
            return this;
        }

        public Builder mask(String value) {
            this.mask = value;
            return this;
        }

        public Builder githubEnv(String value) {
            this.githubEnv = value;
            return this;
        }

        public Builder githubOutput(String value) {
            this.githubOutput = value;
            return this;
        }

        public Builder azureVariable(String value) {
            this.azureVariable = value;
            return this;
        }

        public Builder tokenFile(Path value) {
            this.tokenFile = value;
            return this;
        }

        public Builder failOnError(boolean value) {
            this.failOnError = value;
            return this;
        }

        public Builder revokeShared(boolean value) {
            this.revokeShared = value;
            return this;
        }

        public Builder tokenAsProperty(boolean value) {
            this.tokenAsProperty = value;
            return this;
        }

        public Builder requiredScopes(List<String> value) {
            this.requiredScopes = value;
            return this;
        }

        public Builder refreshTokenFile(boolean value) {
            this.refreshTokenFile = value;
            return this;
        }

        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        public Builder keyStore(Path value) {
            this.keyStore = value;
            return this;
        }

        public Builder keyStoreType(String value) {
            this.keyStoreType = value;
            return this;
        }

        public Builder keyAlias(String value) {
            this.keyAlias = value;
            return this;
        }

        public Builder keyStoreServerId(String value) {
            this.keyStoreServerId = value;
            return this;
        }

        public Builder signingAlgorithm(String value) {
            this.signingAlgorithm = value;
            return this;
        }

        public Builder keyId(String value) {
            this.keyId = value;
            return this;
        }

        public Builder assertionAudience(String value) {
            this.assertionAudience = value;
            return this;
        }

        public Builder identityToken(String value) {
            this.identityToken = value;
            return this;
        }

        public Builder identityTokenVariable(String value) {
            this.identityTokenVariable = value;
            return this;
        }

        public Builder identityTokenFile(Path value) {
            this.identityTokenFile = value;
            return this;
        }

        public Builder identityAudience(String value) {
            this.identityAudience = value;
            return this;
        }

        public Builder azureServiceConnectionId(String value) {
            this.azureServiceConnectionId = value;
            return this;
        }

        public Builder grant(String value) {
            this.grant = value;
            return this;
        }

        public Builder subjectTokenType(String value) {
            this.subjectTokenType = value;
            return this;
        }

        public Builder requestedTokenType(String value) {
            this.requestedTokenType = value;
            return this;
        }

        public Builder resource(String value) {
            this.resource = value;
            return this;
        }

        public TokenParameters build() {
            return new TokenParameters(this);
        }
    }
}
