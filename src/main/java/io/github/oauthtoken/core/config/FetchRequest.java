package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.token.MinValidity;
import java.nio.file.Path;

/**
 * Everything one token fetch needs, already parsed.
 *
 * @param minValidity    how long a cached token must still be valid to be reused, and a new one to be accepted
 * @param cache          where tokens are reused from
 * @param cacheDirectory where {@link CacheMode#FILE} keeps tokens
 * @param offline        Maven runs with {@code -o}: only a cached token can be had
 */
public record FetchRequest(
        ProviderKind provider,
        ProviderSettings settings,
        CredentialRequest credentials,
        HttpSettings http,
        MinValidity minValidity,
        CacheMode cache,
        Path cacheDirectory,
        boolean offline) {}
