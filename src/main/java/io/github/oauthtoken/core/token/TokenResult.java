package io.github.oauthtoken.core.token;

import java.net.URI;
import java.util.Map;

/**
 * What a provider hands back.
 *
 * @param tokenEndpoint where the token came from (its host goes into the log line)
 * @param extras        provider-specific facts published as {@code ${prefix}.<name>}, such as CXone's {@code tenantId}
 */
public record TokenResult(AccessToken token, URI tokenEndpoint, Map<String, String> extras) {}
