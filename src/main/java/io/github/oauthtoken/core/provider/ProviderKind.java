package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.http.RetryRule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The supported token providers, with the environment variables each reads by default. */
public enum ProviderKind {
    GENESYS(List.of(
            new EnvPair("GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET"),
            // The names Genesys's own CLI and Terraform provider use.
            new EnvPair("GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_SECRET")), false),
    CXONE(List.of(new EnvPair("NICE_CLIENT_ID", "NICE_CLIENT_SECRET")), true),
    OAUTH2(List.of(new EnvPair("OAUTH_CLIENT_ID", "OAUTH_CLIENT_SECRET")), false);

    private final List<EnvPair> defaultClientEnv;
    private final boolean needsAccessKey;

    ProviderKind(List<EnvPair> defaultClientEnv, boolean needsAccessKey) {
        this.defaultClientEnv = defaultClientEnv;
        this.needsAccessKey = needsAccessKey;
    }

    public List<EnvPair> defaultClientEnv() {
        return defaultClientEnv;
    }

    /** CXone back-end applications authenticate a user's access key with the password grant. */
    public boolean needsAccessKey() {
        return needsAccessKey;
    }

    public TokenProvider create(ProviderContext context) {
        return switch (this) {
            case GENESYS -> new GenesysProvider(context);
            case CXONE -> new CxoneProvider(context);
            case OAUTH2 -> new OAuth2Provider(context);
        };
    }

    /**
     * The server a token would come from, for the cache key: tokens from the same server for the same client are
     * interchangeable. Known before any request; each provider says what identifies its server.
     */
    public String tokenServer(ProviderSettings settings) {
        if (settings.tokenUrl() != null) {
            return settings.tokenUrl().trim();
        }
        return switch (this) {
            case GENESYS -> GenesysProvider.tokenServer(settings);
            case CXONE -> CxoneProvider.tokenServer(settings);
            case OAUTH2 -> OAuth2Provider.tokenServer(settings);
        };
    }

    /**
     * Why this provider's server cannot be asked to revoke a token, as far as the configuration tells before any
     * request: Genesys Cloud always can, CXone never (it documents no way), an OAuth 2.0 server when a revocation
     * endpoint is named or may be discovered from the issuer. A token of the build is revoked at its end only when it
     * can, so that a server that cannot does not cost every build a warning.
     *
     * @return empty when the server can be asked, else the reason, for a message
     */
    public Optional<String> whyNoRevocation(ProviderSettings settings) {
        return switch (this) {
            case GENESYS -> Optional.empty();
            case CXONE -> Optional.of("CXone documents no way to revoke a token");
            case OAUTH2 -> settings.revocationUrl() != null || settings.issuer() != null ? Optional.empty()
                    : Optional.of("no <revocationUrl> or <issuer> names an RFC 7009 endpoint");
        };
    }

    /** Which answers of this provider's servers are worth another attempt. */
    public RetryRule retryRule() {
        return this == GENESYS ? GenesysProvider.RETRY_RULE : RetryRule.STANDARD;
    }

    /** Whether a token that grants {@code granted} covers {@code required}, as this provider's API sees it. */
    public boolean covers(Set<String> granted, String required) {
        return this == GENESYS ? GenesysProvider.covers(granted, required) : granted.contains(required);
    }

    /**
     * Where to grant scopes a token lacks, for {@code requiredScopes}' failure.
     *
     * @param them           "it" or "them"
     * @param requestedScope the {@code scope} the build asked for, or null
     */
    public String whereToGrant(String clientId, String requestedScope, String them) {
        return switch (this) {
            case GENESYS -> GenesysProvider.whereToGrant(clientId, them);
            case CXONE -> "Grant " + them + " to the CXone back-end application " + clientId + ", or remove " + them
                    + " from <requiredScopes>.";
            case OAUTH2 -> "Grant " + them + " to client " + clientId + " at the authorization server and request "
                    + them + " with <scope> (" + (requestedScope == null ? "not set" : "now '" + requestedScope + "'")
                    + "), or remove " + them + " from <requiredScopes>.";
        };
    }

    /** The name users write in the POM. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProviderKind parse(String value) throws TokenException {
        String valid = Arrays.stream(values()).map(ProviderKind::id).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("No <provider> is configured. Set it to one of: " + valid + ".");
        }
        for (ProviderKind kind : values()) {
            if (kind.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new ConfigurationException("Unknown <provider> '" + value.trim() + "'. Valid values: " + valid + ".");
    }
}
