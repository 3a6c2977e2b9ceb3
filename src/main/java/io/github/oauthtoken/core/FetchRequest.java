package io.github.oauthtoken.core;

import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import java.time.Duration;

/**
 * Everything one token fetch needs, already parsed.
 *
 * @param minValidity a token that expires sooner than this is refused
 */
public record FetchRequest(
        ProviderKind provider,
        ProviderSettings settings,
        CredentialRequest credentials,
        HttpSettings http,
        Duration minValidity) {}
