package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.ConfigurationException;
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
import io.github.oauthtoken.core.publish.TokenFile;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.secret.StoreType;
import io.github.oauthtoken.core.token.MinValidity;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one execution's {@link Parameters} into an {@link ExecutionPlan}: every rule beyond a fixed default (those
 * are {@link Defaults}), every precedence (parameter, then environment variable; settings.xml proxies, then the
 * proxy variables) and every check of a value lives here. Mistakes are {@link ConfigurationException}s, which
 * {@code failOnError=false} does not hide, and all of them are found before any request is sent.
 */
public final class RequestParser {
    /** What GitHub Actions and Azure Pipelines accept as a variable or output name. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final List<String> GENESYS_REGION_VARIABLES = List.of("GENESYS_REGION", "GENESYSCLOUD_REGION");
    /** What only a goal's execution has a use for: a token of the build sets no property and refreshes no file. */
    private static final List<Parameter> MODULE_ONLY = List.of(Parameter.PROPERTY_PREFIX,
            Parameter.TOKEN_AS_PROPERTY, Parameter.REFRESH_TOKEN_FILE);

    private final BuildEnvironment build;
    private final Redactor redactor;

    public RequestParser(BuildEnvironment build, Redactor redactor) {
        this.build = build;
        this.redactor = redactor;
    }

    public ExecutionPlan parse(Parameters p) throws TokenException {
        ProviderKind kind = ProviderKind.parse(p.written(Parameter.PROVIDER));
        SecretlessParser.Result secretless = SecretlessParser.parse(kind, p, build);
        FetchRequest fetch = new FetchRequest(kind, providerSettings(kind, p, secretless),
                credentialRequest(kind, p, secretless), httpSettings(p), minValidity(p),
                CacheMode.parse(p.text(Parameter.CACHE)), p.path(Parameter.CACHE_DIRECTORY), build.offline());
        TokenFile tokenFile = TokenFile.of(p.path(Parameter.TOKEN_FILE));
        boolean refreshTokenFile = p.flag(Parameter.REFRESH_TOKEN_FILE);
        if (refreshTokenFile && tokenFile == null) {
            throw new ConfigurationException("<refreshTokenFile> is true, but no <tokenFile> is set: the refresher keeps "
                    + "a token file valid, so name one (for example ${project.build.directory}/oauth/token), or remove "
                    + "<refreshTokenFile>.");
        }
        return new ExecutionPlan(fetch, exports(p), tokenFile, p.text(Parameter.PROPERTY_PREFIX),
                p.flag(Parameter.REVOKE_SHARED), p.flag(Parameter.TOKEN_AS_PROPERTY), requiredScopes(p),
                refreshTokenFile);
    }

    /**
     * The plan of a token that belongs to the build rather than to a module (a repository's credential): the same as
     * a goal's, every default and check included, except that the parameters only a module has a use for are
     * mistakes.
     */
    public ExecutionPlan parseForBuild(Parameters p) throws TokenException {
        for (Parameter parameter : MODULE_ONLY) {
            if (p.isWritten(parameter)) {
                throw new ConfigurationException(parameter.element() + " has no use for a token of the build, such as "
                        + "a repository's credential: such a token sets no project property, and it is renewed for "
                        + "each new connection rather than in a token file. Remove it.");
            }
        }
        return parse(p);
    }

    /** Written, one bar for reuse and for a new token; unset, two (see {@link MinValidity}). */
    private static MinValidity minValidity(Parameters p) throws ConfigurationException {
        Duration written = p.duration(Parameter.MIN_VALIDITY);
        return written != null ? MinValidity.written(written)
                : MinValidity.unset(DurationParameter.parse(Defaults.MIN_VALIDITY_TO_REUSE, Parameter.MIN_VALIDITY.id()),
                        DurationParameter.parse(Defaults.MIN_VALIDITY_OF_NEW_TOKEN, Parameter.MIN_VALIDITY.id()));
    }

    /** RFC 6749 section 3.3: scopes never hold a space, so commas and blanks both separate them. */
    private static List<String> requiredScopes(Parameters p) {
        return p.items(Parameter.REQUIRED_SCOPES).stream()
                .flatMap(entry -> Arrays.stream(entry.split("[,\\s]+")))
                .filter(scope -> !scope.isEmpty())
                .distinct()
                .toList();
    }

    private static CiExports exports(Parameters p) throws ConfigurationException {
        boolean masking = switch (p.word(Parameter.MASK)) {
            case "auto", "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException("Unknown <mask> '" + p.written(Parameter.MASK) + "'. Valid "
                    + "values: auto (the default) and false.");
        };
        return new CiExports(masking, variableName(p, Parameter.GITHUB_ENV), variableName(p, Parameter.GITHUB_OUTPUT),
                variableName(p, Parameter.AZURE_VARIABLE));
    }

    /** A name later CI steps see the token under; a malformed one is a mistake in the POM, not in the CI. */
    private static String variableName(Parameters p, Parameter parameter) throws ConfigurationException {
        String name = p.written(parameter);
        if (name != null && !VARIABLE_NAME.matcher(name).matches()) {
            throw new ConfigurationException(parameter.element() + " '" + name + "' is not a valid variable name "
                    + "(letters, digits, '_', '.', '-', not starting with a digit).");
        }
        return name;
    }

    private ProviderSettings providerSettings(ProviderKind kind, Parameters p, SecretlessParser.Result secretless)
            throws TokenException {
        String region = p.written(Parameter.REGION);
        String regionOrigin = Parameter.REGION.element();
        if (region == null && kind == ProviderKind.GENESYS) {
            regionOrigin = Parameter.REGION.element() + ", environment variables "
                    + String.join(" and ", GENESYS_REGION_VARIABLES);
            for (String variable : GENESYS_REGION_VARIABLES) {
                String value = build.environment().apply(variable);
                if (value != null && !value.isBlank()) {
                    region = value.trim();
                    regionOrigin = "environment variable " + variable;
                    break;
                }
            }
        }
        Optional<Duration> lifetime = Optional.ofNullable(p.duration(Parameter.DEFAULT_EXPIRES_IN));
        if (lifetime.isPresent() && lifetime.get().isZero()) {
            throw new ConfigurationException("<defaultExpiresIn> must be longer than zero.");
        }
        return ProviderSettings.builder()
                .region(region, regionOrigin)
                .issuer(p.written(Parameter.ISSUER))
                .tokenUrl(p.written(Parameter.TOKEN_URL))
                .apiUrl(p.written(Parameter.API_URL))
                .scope(p.written(Parameter.SCOPE))
                .audience(p.written(Parameter.AUDIENCE))
                .clientAuth(secretless.clientAuth(), secretless.clientAuthOrigin())
                .grant(secretless.grant())
                .introspectionUrl(p.written(Parameter.INTROSPECTION_URL))
                .verify(p.flag(Parameter.VERIFY))
                .defaultExpiresIn(lifetime)
                .revocationUrl(p.written(Parameter.REVOCATION_URL))
                .build();
    }

    /** The variable pairs a client's id and secret are looked for in, in order: as written, else the provider's. */
    static List<EnvPair> clientEnv(ProviderKind kind, Parameters p) {
        List<EnvPair> defaults = kind.defaultClientEnv();
        String idEnv = p.written(Parameter.CLIENT_ID_ENV);
        String secretEnv = p.written(Parameter.CLIENT_SECRET_ENV);
        return idEnv == null && secretEnv == null ? defaults
                : List.of(new EnvPair(idEnv != null ? idEnv : defaults.get(0).idVariable(),
                        secretEnv != null ? secretEnv : defaults.get(0).secretVariable()));
    }

    private static CredentialRequest credentialRequest(ProviderKind kind, Parameters p,
            SecretlessParser.Result secretless) {
        List<EnvPair> clientEnv = clientEnv(kind, p);
        EnvPair accessKeyEnv = new EnvPair(p.text(Parameter.ACCESS_KEY_ID_ENV),
                p.text(Parameter.ACCESS_KEY_SECRET_ENV));
        return new CredentialRequest(p.written(Parameter.SERVER_ID), clientEnv, kind.needsAccessKey(),
                p.written(Parameter.ACCESS_KEY_SERVER_ID), accessKeyEnv, secretless.client(), secretless.identity(),
                secretless.clientSecretJwt());
    }

    private HttpSettings httpSettings(Parameters p) throws TokenException {
        Duration total = p.duration(Parameter.TIMEOUT);
        Duration connect = p.duration(Parameter.CONNECT_TIMEOUT);
        if (total.isZero() || connect.isZero()) {
            throw new ConfigurationException("<timeout> and <connectTimeout> must be longer than zero.");
        }
        RetryPolicy defaults = RetryPolicy.defaults();
        RetryPolicy retry = new RetryPolicy(p.count(Parameter.RETRIES), p.duration(Parameter.MAX_RETRY_WAIT),
                defaults.backoffBase(), defaults.backoffCap());
        List<ProxyRoute> proxies = build.settingsProxies();
        if (proxies.isEmpty()) {
            proxies = ProxyEnvironment.routes(build.environment(), redactor);
        }
        ProxySelection.requireOneLoginPerAddress(proxies);
        return new HttpSettings(connect, total, HttpSettings.DEFAULT_MAX_BODY_BYTES, retry, trust(p), proxies);
    }

    private TrustSettings trust(Parameters p) throws TokenException {
        String serverId = p.written(Parameter.TRUST_STORE_SERVER_ID);
        if (!p.isWritten(Parameter.TRUST_STORE)) {
            if (serverId != null) {
                throw new ConfigurationException("<trustStoreServerId> is set but <trustStore> is not; set both, or "
                        + "neither.");
            }
            return TrustSettings.JVM_DEFAULT;
        }
        Secret password = null;
        if (serverId != null) {
            password = build.servers().find(serverId)
                    .map(UsernamePassword::password)
                    .orElseThrow(() -> new ConfigurationException("<trustStoreServerId> names server '" + serverId
                            + "', which is not in " + build.servers().where() + "."));
        }
        return new TrustSettings(p.path(Parameter.TRUST_STORE),
                StoreType.of(p.path(Parameter.TRUST_STORE), p.written(Parameter.TRUST_STORE_TYPE)), password);
    }
}
