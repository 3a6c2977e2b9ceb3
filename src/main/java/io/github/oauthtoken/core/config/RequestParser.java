package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.ExecutionContext;
import io.github.oauthtoken.core.FetchRequest;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.ci.CiExports;
import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.credentials.UsernamePassword;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.ProxyEnvironment;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.http.ProxySelection;
import io.github.oauthtoken.core.http.RetryPolicy;
import io.github.oauthtoken.core.http.TrustSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one execution's {@link TokenParameters} into an {@link ExecutionPlan}: every default, every precedence rule
 * (parameter, then environment variable; settings.xml proxies, then the proxy variables) and every check of a value
 * lives here. Mistakes are {@link ConfigurationException}s, which {@code failOnError=false} does not hide.
 */
public final class RequestParser {
    static final String DEFAULT_PREFIX = "oauth.token";

    private final ExecutionContext context;
    private final Redactor redactor;

    public RequestParser(ExecutionContext context, Redactor redactor) {
        this.context = context;
        this.redactor = redactor;
    }

    public ExecutionPlan parse(TokenParameters p) throws TokenException {
        ProviderKind kind = ProviderKind.parse(p.provider());
        Path cacheDirectory = p.cacheDirectory() != null ? p.cacheDirectory()
                : Path.of(System.getProperty("user.home"), ".m2", "oauth-token");
        SecretlessParser.Result secretless = SecretlessParser.parse(kind, p, context.environment(), context.log());
        FetchRequest fetch = new FetchRequest(kind, providerSettings(kind, p, secretless),
                credentialRequest(kind, p, secretless),
                httpSettings(p), DurationParameter.parse(orDefault(p.minValidity(), "PT5M"), "minValidity"),
                CacheMode.parse(p.cache()), cacheDirectory, context.offline());
        String prefix = orDefault(p.propertyPrefix(), DEFAULT_PREFIX);
        if (p.refreshTokenFile() && p.tokenFile() == null) {
            throw new ConfigurationException("<refreshTokenFile> is true, but no <tokenFile> is set: the refresher keeps "
                    + "a token file valid, so name one (for example ${project.build.directory}/oauth/token), or remove "
                    + "<refreshTokenFile>.");
        }
        return new ExecutionPlan(fetch, exports(p), prefix, p.failOnError(), p.revokeShared(), p.tokenAsProperty(),
                requiredScopes(p), p.refreshTokenFile());
    }

    /** RFC 6749 section 3.3: scopes never hold a space, so commas and blanks both separate them. */
    private static List<String> requiredScopes(TokenParameters p) {
        return p.requiredScopes().stream()
                .flatMap(entry -> Arrays.stream(entry.split("[,\\s]+")))
                .filter(scope -> !scope.isEmpty())
                .distinct()
                .toList();
    }

    private static CiExports exports(TokenParameters p) throws ConfigurationException {
        String mask = p.mask();
        boolean masking = switch (mask == null ? "auto" : mask.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "true", "" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException("Unknown <mask> '" + mask.trim() + "'. Valid values: auto "
                    + "(the default) and false.");
        };
        return new CiExports(masking, trimToNull(p.githubEnv()), trimToNull(p.githubOutput()),
                trimToNull(p.azureVariable()), p.tokenFile());
    }

    private ProviderSettings providerSettings(ProviderKind kind, TokenParameters p, SecretlessParser.Result secretless)
            throws TokenException {
        String region = trimToNull(p.region());
        String regionOrigin = "<region>";
        if (region == null && kind == ProviderKind.GENESYS) {
            for (String variable : List.of("GENESYS_REGION", "GENESYSCLOUD_REGION")) {
                region = trimToNull(context.environment().apply(variable));
                if (region != null) {
                    regionOrigin = "environment variable " + variable;
                    break;
                }
            }
            if (region == null) {
                regionOrigin = "<region>, environment variables GENESYS_REGION and GENESYSCLOUD_REGION";
            }
        }
        Optional<Duration> lifetime = trimToNull(p.defaultExpiresIn()) == null
                ? Optional.empty()
                : Optional.of(DurationParameter.parse(p.defaultExpiresIn(), "defaultExpiresIn"));
        if (lifetime.isPresent() && lifetime.get().isZero()) {
            throw new ConfigurationException("<defaultExpiresIn> must be longer than zero.");
        }
        return ProviderSettings.builder()
                .region(region, regionOrigin)
                .issuer(trimToNull(p.issuer()))
                .tokenUrl(trimToNull(p.tokenUrl()))
                .apiUrl(trimToNull(p.apiUrl()))
                .scope(trimToNull(p.scope()))
                .audience(trimToNull(p.audience()))
                .clientAuth(secretless.clientAuth())
                .grant(secretless.grant())
                .introspectionUrl(trimToNull(p.introspectionUrl()))
                .verify(p.verify())
                .defaultExpiresIn(lifetime)
                .revocationUrl(trimToNull(p.revocationUrl()))
                .build();
    }

    private static CredentialRequest credentialRequest(ProviderKind kind, TokenParameters p,
            SecretlessParser.Result secretless) {
        List<EnvPair> defaults = kind.defaultClientEnv();
        List<EnvPair> clientEnv = trimToNull(p.clientIdEnv()) == null && trimToNull(p.clientSecretEnv()) == null
                ? defaults
                : List.of(new EnvPair(orDefault(p.clientIdEnv(), defaults.get(0).idVariable()),
                        orDefault(p.clientSecretEnv(), defaults.get(0).secretVariable())));
        EnvPair accessKeyEnv = new EnvPair(
                orDefault(p.accessKeyIdEnv(), ProviderKind.DEFAULT_ACCESS_KEY_ENV.idVariable()),
                orDefault(p.accessKeySecretEnv(), ProviderKind.DEFAULT_ACCESS_KEY_ENV.secretVariable()));
        return new CredentialRequest(trimToNull(p.serverId()), clientEnv, kind.needsAccessKey(),
                trimToNull(p.accessKeyServerId()), accessKeyEnv, secretless.client(), secretless.identity());
    }

    private HttpSettings httpSettings(TokenParameters p) throws TokenException {
        Duration total = DurationParameter.parse(orDefault(p.timeout(), "PT60S"), "timeout");
        Duration connect = DurationParameter.parse(orDefault(p.connectTimeout(), "PT10S"), "connectTimeout");
        if (total.isZero() || connect.isZero()) {
            throw new ConfigurationException("<timeout> and <connectTimeout> must be longer than zero.");
        }
        if (p.retries() < 0) {
            throw new ConfigurationException("<retries> must be 0 or more, but was " + p.retries() + ".");
        }
        RetryPolicy defaults = RetryPolicy.defaults();
        RetryPolicy retry = new RetryPolicy(p.retries(),
                DurationParameter.parse(orDefault(p.maxRetryWait(), "PT60S"), "maxRetryWait"),
                defaults.backoffBase(), defaults.backoffCap());
        List<ProxyRoute> proxies = context.settingsProxies();
        if (proxies.isEmpty()) {
            proxies = ProxyEnvironment.routes(context.environment(), redactor);
        }
        ProxySelection.requireOneLoginPerAddress(proxies);
        return new HttpSettings(connect, total, HttpSettings.DEFAULT_MAX_BODY_BYTES, retry, trust(p), proxies);
    }

    private TrustSettings trust(TokenParameters p) throws TokenException {
        String serverId = trimToNull(p.trustStoreServerId());
        if (p.trustStore() == null) {
            if (serverId != null) {
                throw new ConfigurationException("<trustStoreServerId> is set but <trustStore> is not; set both, or "
                        + "neither.");
            }
            return TrustSettings.JVM_DEFAULT;
        }
        String type = trimToNull(p.trustStoreType()) != null ? p.trustStoreType().trim().toUpperCase(Locale.ROOT)
                : p.trustStore().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        Secret password = null;
        if (serverId != null) {
            password = context.servers().find(serverId)
                    .map(UsernamePassword::password)
                    .orElseThrow(() -> new ConfigurationException("<trustStoreServerId> names server '" + serverId
                            + "', which is not in " + context.servers().where() + "."));
        }
        return new TrustSettings(p.trustStore(), type, password);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return trimToNull(value) == null ? fallback : value.trim();
    }
}
