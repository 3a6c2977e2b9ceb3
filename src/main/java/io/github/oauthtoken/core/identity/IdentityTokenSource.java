package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Secret;

/**
 * Where the CI's OpenID Connect identity token for this job comes from. Tokens live minutes, so they are obtained at
 * the moment a request needs one, never kept beyond the build.
 */
public interface IdentityTokenSource {
    /** A token now: a new one from the CI's endpoint, or the one a variable or file holds at this moment. */
    Secret obtain() throws TokenException;

    /** In words, for messages: "the GitHub Actions identity token (audience api://AzureADTokenExchange)". */
    String describe();

    /**
     * Identifies the source within one build, so that the identity (issuer and subject) learnt from its first token
     * serves the cache key of every later execution without asking the CI again.
     */
    String memoryKey();
}
