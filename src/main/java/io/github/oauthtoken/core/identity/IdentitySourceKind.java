package io.github.oauthtoken.core.identity;

/** The sources {@code identityToken} names; {@code auto} becomes one of them by the CI system the build runs on. */
public enum IdentitySourceKind {
    GITHUB,
    AZURE,
    VARIABLE,
    FILE
}
