package io.github.oauthtoken.core.config;

/**
 * The parameters of the {@code fetch} and {@code revoke} goals, by the name a user writes
 * ({@code <minValidity>}, {@code -Doauth-token.minValidity}), with their fixed defaults. The goals declare each as a
 * field of the same name, documented there; {@link RequestParser} gives each its meaning.
 */
public enum Parameter {
    // Which provider, and the client's credentials.
    PROVIDER("provider"),
    SERVER_ID("serverId"),
    CLIENT_ID_ENV("clientIdEnv"),
    CLIENT_SECRET_ENV("clientSecretEnv"),
    ACCESS_KEY_SERVER_ID("accessKeyServerId"),
    ACCESS_KEY_ID_ENV("accessKeyIdEnv", Defaults.ACCESS_KEY_ID_ENV),
    ACCESS_KEY_SECRET_ENV("accessKeySecretEnv", Defaults.ACCESS_KEY_SECRET_ENV),
    // Where the token server is, and what to ask it for.
    REGION("region"),
    ISSUER("issuer"),
    TOKEN_URL("tokenUrl"),
    API_URL("apiUrl"),
    SCOPE("scope"),
    AUDIENCE("audience"),
    CLIENT_AUTH("clientAuth"),
    REVOCATION_URL("revocationUrl"),
    INTROSPECTION_URL("introspectionUrl"),
    VERIFY("verify", Defaults.FALSE),
    DEFAULT_EXPIRES_IN("defaultExpiresIn"),
    MIN_VALIDITY("minValidity"),
    REQUIRED_SCOPES("requiredScopes"),
    // Without a stored secret: private_key_jwt and the CI's identity token.
    CLIENT_ID("clientId"),
    KEY_STORE("keyStore"),
    KEY_STORE_TYPE("keyStoreType"),
    KEY_ALIAS("keyAlias"),
    KEY_STORE_SERVER_ID("keyStoreServerId"),
    SIGNING_ALGORITHM("signingAlgorithm"),
    KEY_ID("keyId"),
    ASSERTION_THUMBPRINT("assertionThumbprint"),
    ASSERTION_AUDIENCE("assertionAudience"),
    IDENTITY_TOKEN("identityToken"),
    IDENTITY_TOKEN_VARIABLE("identityTokenVariable"),
    IDENTITY_TOKEN_FILE("identityTokenFile"),
    IDENTITY_AUDIENCE("identityAudience"),
    AZURE_SERVICE_CONNECTION_ID("azureServiceConnectionId"),
    GRANT("grant"),
    SUBJECT_TOKEN_TYPE("subjectTokenType"),
    REQUESTED_TOKEN_TYPE("requestedTokenType"),
    RESOURCE("resource"),
    // How to reach it.
    TIMEOUT("timeout", Defaults.TIMEOUT),
    CONNECT_TIMEOUT("connectTimeout", Defaults.CONNECT_TIMEOUT),
    RETRIES("retries", Defaults.RETRIES),
    MAX_RETRY_WAIT("maxRetryWait", Defaults.MAX_RETRY_WAIT),
    TRUST_STORE("trustStore"),
    TRUST_STORE_TYPE("trustStoreType"),
    TRUST_STORE_SERVER_ID("trustStoreServerId"),
    // Where the token is kept.
    CACHE("cache", Defaults.CACHE),
    CACHE_DIRECTORY("cacheDirectory", Defaults.CACHE_DIRECTORY),
    // Where the token goes.
    PROPERTY_PREFIX("propertyPrefix", Defaults.PROPERTY_PREFIX),
    TOKEN_AS_PROPERTY("tokenAsProperty", Defaults.TRUE),
    TOKEN_FILE("tokenFile"),
    REFRESH_TOKEN_FILE("refreshTokenFile", Defaults.FALSE),
    MASK("mask", Defaults.MASK),
    GITHUB_ENV("githubEnv"),
    GITHUB_OUTPUT("githubOutput"),
    AZURE_VARIABLE("azureVariable"),
    // What the goal does.
    SKIP("skip", Defaults.FALSE),
    FAIL_ON_ERROR("failOnError", Defaults.TRUE),
    /** The {@code revoke} goal's alone. */
    REVOKE_SHARED("revokeShared", Defaults.FALSE);

    private final String id;
    private final String defaultValue;

    Parameter(String id) {
        this(id, null);
    }

    Parameter(String id, String defaultValue) {
        this.id = id;
        this.defaultValue = defaultValue;
    }

    /** The name a user writes: the element in the POM, the goal's field. */
    public String id() {
        return id;
    }

    /** How messages name it: {@code <minValidity>}. */
    public String element() {
        return "<" + id + ">";
    }

    /** The value when none is written, as text, or null; {@code ${user.home}} expanded. */
    public String defaultValue() {
        return defaultValue == null ? null : defaultValue.replace("${user.home}", System.getProperty("user.home"));
    }

    /** The parameter a user writes as {@code name}, or null for a name the goals do not know. */
    public static Parameter byId(String name) {
        for (Parameter parameter : values()) {
            if (parameter.id.equals(name)) {
                return parameter;
            }
        }
        return null;
    }
}
