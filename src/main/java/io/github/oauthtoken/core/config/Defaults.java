package io.github.oauthtoken.core.config;

/**
 * Every parameter default that is a fixed value, as compile-time constants: the goals' {@code @Parameter}
 * annotations name them (so {@code mvn help:describe} and the plugin's documentation show them), and
 * {@link Parameter} applies the same ones where no goal stands in between (tests, a settings.xml
 * {@code <oauthToken>}). Defaults that depend on other values (the client id variables of each provider, the
 * Genesys region from the environment) are rules of {@link RequestParser}, not constants.
 */
public final class Defaults {
    public static final String PROPERTY_PREFIX = "oauth.token";
    public static final String TIMEOUT = "PT60S";
    public static final String CONNECT_TIMEOUT = "PT10S";
    public static final String MAX_RETRY_WAIT = "PT60S";
    public static final String RETRIES = "3";
    public static final String CACHE = "session";
    /** Maven expands {@code ${user.home}} in a goal's default; {@link Parameter#defaultValue()} does it elsewhere. */
    public static final String CACHE_DIRECTORY = "${user.home}/.m2/oauth-token";
    public static final String MASK = "auto";
    public static final String ACCESS_KEY_ID_ENV = "NICE_ACCESS_KEY_ID";
    public static final String ACCESS_KEY_SECRET_ENV = "NICE_ACCESS_KEY_SECRET";
    /**
     * Defaults that apply only with another parameter (an identity token read from a variable; token exchange), so
     * that the goals cannot declare them: a value Maven filled in would count as written where it does not belong.
     */
    public static final String IDENTITY_TOKEN_VARIABLE = "OAUTH_ID_TOKEN";
    public static final String SUBJECT_TOKEN_TYPE = "jwt";
    /** {@code client_secret_jwt}'s {@code signingAlgorithm}; private_key_jwt's follows the key. */
    public static final String MAC_ALGORITHM = "HS256";
    /** private_key_jwt's {@code assertionThumbprint}: {@code x5t#S256}. */
    public static final String ASSERTION_THUMBPRINT = "sha256";
    /**
     * {@code minValidity} unset: what a token from a cache must have left to be reused, and what a token the server
     * has just issued must live to be accepted (see {@code token.MinValidity}). Not the goal's default, so that the
     * parser can tell a value the user wrote, which is the bar for both, from none.
     */
    public static final String MIN_VALIDITY_TO_REUSE = "PT5M";
    public static final String MIN_VALIDITY_OF_NEW_TOKEN = "PT60S";
    public static final String FALSE = "false";
    public static final String TRUE = "true";

    private Defaults() {}
}
