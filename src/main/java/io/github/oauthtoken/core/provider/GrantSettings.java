package io.github.oauthtoken.core.provider;

/**
 * How provider oauth2 asks for the token beyond client credentials, and the audience of the client assertions the
 * plugin signs. Token types are full URNs (RFC 8693 section 3); unset values are null.
 *
 * @param subjectTokenType   token exchange: {@code subject_token_type}
 * @param requestedTokenType token exchange: {@code requested_token_type}, or null to let the server choose
 * @param resource           RFC 8707 / RFC 8693 {@code resource}
 * @param assertionAudience  the {@code aud} of signed client assertions, instead of the issuer or the token endpoint
 */
public record GrantSettings(
        Grant grant, String subjectTokenType, String requestedTokenType, String resource, String assertionAudience) {
    public static final GrantSettings CLIENT_CREDENTIALS =
            new GrantSettings(Grant.CLIENT_CREDENTIALS, null, null, null, null);

    /**
     * Client credentials with nothing added, as {@link #CLIENT_CREDENTIALS}. Compared field by field rather than with
     * the record's generated {@code equals}, whose first use costs a cold JVM about 12 ms on every build's path.
     */
    public boolean isPlainClientCredentials() {
        return grant == Grant.CLIENT_CREDENTIALS && subjectTokenType == null && requestedTokenType == null
                && resource == null && assertionAudience == null;
    }

    /** For the cache key: what makes a token of this grant different from another's, no secret in it. */
    public String describe() {
        return grant.id() + (resource == null ? "" : " resource " + resource)
                + (requestedTokenType == null ? "" : " requested " + requestedTokenType)
                + (subjectTokenType == null ? "" : " subject type " + subjectTokenType);
    }
}
