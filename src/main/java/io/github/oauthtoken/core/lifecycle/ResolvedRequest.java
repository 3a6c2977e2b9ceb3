package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.config.ExecutionPlan;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.credentials.Credentials;

/**
 * One execution's plan with what follows from it, each computed once: the credentials found for it, the key of the
 * token it asks for, and the key of the executions that show the same token. It is also what revokes the token
 * later: the request and credentials it was obtained with.
 */
final class ResolvedRequest {
    private final ExecutionPlan plan;
    private final Credentials credentials;
    private final CacheKey key;
    private final String holderKey;

    ResolvedRequest(ExecutionPlan plan, Credentials credentials, String projectId) {
        this.plan = plan;
        this.credentials = credentials;
        this.key = TokenFetcher.keyOf(plan.fetch(), credentials);
        // With a shared cache every module that fetched the token shows it; with cache=none each module has its own.
        this.holderKey = plan.fetch().cache() == CacheMode.NONE ? key.hash() + " " + projectId : key.hash();
    }

    ExecutionPlan plan() {
        return plan;
    }

    FetchRequest request() {
        return plan.fetch();
    }

    Credentials credentials() {
        return credentials;
    }

    CacheKey key() {
        return key;
    }

    /** Which executions show the same token: see {@link io.github.oauthtoken.core.publish.TokenHolders}. */
    String holderKey() {
        return holderKey;
    }

    /** The provider's name, for messages. */
    String provider() {
        return plan.fetch().provider().id();
    }
}
