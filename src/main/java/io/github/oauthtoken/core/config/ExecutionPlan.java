package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.ci.CiExports;
import io.github.oauthtoken.core.publish.TokenFile;
import java.util.List;

/**
 * One execution's configuration, parsed and checked.
 *
 * @param fetch            what token to obtain and how
 * @param exports          where CI systems hand the token to later steps, and whether it is masked
 * @param tokenFile        the file to write the token to, or null
 * @param propertyPrefix   prefix of the project properties
 * @param revokeShared     revoke also a token the file cache shares with other builds
 * @param tokenAsProperty  set {@code ${prefix}} to the token itself
 * @param requiredScopes   scopes the token must grant, one per entry, in the order written; empty: no check
 * @param refreshTokenFile keep the token file valid for the rest of the build (a token file is then set)
 */
public record ExecutionPlan(FetchRequest fetch, CiExports exports, TokenFile tokenFile, String propertyPrefix,
        boolean revokeShared, boolean tokenAsProperty, List<String> requiredScopes, boolean refreshTokenFile) {}
