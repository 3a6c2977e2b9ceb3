package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.FetchRequest;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.TokenFetcher;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.cache.FileTokenCache;
import io.github.oauthtoken.core.cache.SessionTokenCache;
import io.github.oauthtoken.core.ci.CiExports;
import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.credentials.UsernamePassword;
import io.github.oauthtoken.core.http.HttpLibraryLogging;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.ProxyEnvironment;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.http.RetryPolicy;
import io.github.oauthtoken.core.http.TrustSettings;
import io.github.oauthtoken.core.provider.ClientAuthentication;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.secret.RedactedException;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The configuration that {@code fetch} and {@code revoke} share: which provider, which credentials, how to reach
 * it, and where tokens are kept. Subclasses only decide what to do with the token.
 */
abstract class AbstractTokenMojo extends AbstractMojo {

    /** The token provider: {@code genesys}, {@code cxone} or {@code oauth2}. */
    @Parameter(property = "oauth-token.provider")
    private String provider;

    /**
     * Id of a {@code <server>} in settings.xml whose {@code username} is the OAuth client id and {@code password}
     * the client secret (Maven-encrypted passwords work). When set, environment variables are not consulted.
     */
    @Parameter(property = "oauth-token.serverId")
    private String serverId;

    /**
     * Name of the environment variable that holds the client id, used when {@code serverId} is not set. Default per
     * provider: genesys {@code GENESYS_CLIENT_ID} (then {@code GENESYSCLOUD_OAUTHCLIENT_ID}), cxone
     * {@code NICE_CLIENT_ID}, oauth2 {@code OAUTH_CLIENT_ID}.
     */
    @Parameter(property = "oauth-token.clientIdEnv")
    private String clientIdEnv;

    /**
     * Name of the environment variable that holds the client secret. Default per provider: genesys
     * {@code GENESYS_CLIENT_SECRET} (then {@code GENESYSCLOUD_OAUTHCLIENT_SECRET}), cxone {@code NICE_CLIENT_SECRET},
     * oauth2 {@code OAUTH_CLIENT_SECRET}.
     */
    @Parameter(property = "oauth-token.clientSecretEnv")
    private String clientSecretEnv;

    /**
     * CXone only: id of a settings.xml {@code <server>} whose {@code username} is the access key id and
     * {@code password} the access key secret. When not set, {@code accessKeyIdEnv} / {@code accessKeySecretEnv} are read.
     */
    @Parameter(property = "oauth-token.accessKeyServerId")
    private String accessKeyServerId;

    /** CXone only: environment variable that holds the access key id. */
    @Parameter(property = "oauth-token.accessKeyIdEnv", defaultValue = "NICE_ACCESS_KEY_ID")
    private String accessKeyIdEnv;

    /** CXone only: environment variable that holds the access key secret. */
    @Parameter(property = "oauth-token.accessKeySecretEnv", defaultValue = "NICE_ACCESS_KEY_SECRET")
    private String accessKeySecretEnv;

    /**
     * Genesys only: the region, as a name ({@code eu_west_1} or {@code eu-west-1}) or a domain
     * ({@code mypurecloud.ie}). Falls back to the environment variables {@code GENESYS_REGION}, then
     * {@code GENESYSCLOUD_REGION}.
     */
    @Parameter(property = "oauth-token.region")
    private String region;

    /**
     * The issuer URL. CXone: default {@code https://cxone.niceincontact.com}; the token endpoint comes from
     * {@code {issuer}/.well-known/openid-configuration}. oauth2: discovery through RFC 8414 then OpenID Connect.
     */
    @Parameter(property = "oauth-token.issuer")
    private String issuer;

    /** The token endpoint, overriding region and discovery for every provider. */
    @Parameter(property = "oauth-token.tokenUrl")
    private String tokenUrl;

    /** Genesys only: the API base URL, overriding the region's {@code https://api.<domain>} (used by {@code verify}). */
    @Parameter(property = "oauth-token.apiUrl")
    private String apiUrl;

    /** oauth2 only: the {@code scope} to request. */
    @Parameter(property = "oauth-token.scope")
    private String scope;

    /** oauth2 only: the {@code audience} to request (Auth0 and similar servers). */
    @Parameter(property = "oauth-token.audience")
    private String audience;

    /**
     * How the client authenticates: {@code basic} (HTTP Basic, RFC 6749 section 2.3.1, the default) or {@code post}
     * (id and secret in the form body).
     */
    @Parameter(property = "oauth-token.clientAuth", defaultValue = "basic")
    private String clientAuth;

    /** oauth2 only: RFC 7009 revocation endpoint used by the {@code revoke} goal (else the one from discovery). */
    @Parameter(property = "oauth-token.revocationUrl")
    private String revocationUrl;

    /** oauth2 only: RFC 7662 introspection endpoint used by {@code verify} (else the one from discovery). */
    @Parameter(property = "oauth-token.introspectionUrl")
    private String introspectionUrl;

    /** Prefix of the properties set: {@code ${prefix}} is the token, {@code ${prefix}.expiresAt} its expiry, etc. */
    @Parameter(property = "oauth-token.propertyPrefix", defaultValue = "oauth.token")
    private String propertyPrefix;

    /**
     * The least validity the token must have left, as an ISO-8601 duration ({@code PT5M}) or seconds; a token that
     * expires sooner fails the build.
     */
    @Parameter(property = "oauth-token.minValidity", defaultValue = "PT5M")
    private String minValidity;

    /**
     * The lifetime to assume when the server sends no {@code expires_in} and the token is not a JWT with an
     * {@code exp} claim. Without it such a response fails the build.
     */
    @Parameter(property = "oauth-token.defaultExpiresIn")
    private String defaultExpiresIn;

    /**
     * Check the new token with the provider: genesys calls {@code GET /api/v2/tokens/me} (and sets
     * {@code ${prefix}.organizationId}); oauth2 introspects it (RFC 7662) and requires {@code active: true}.
     */
    @Parameter(property = "oauth-token.verify", defaultValue = "false")
    private boolean verify;

    /** Deadline for all HTTP requests of one fetch together, ISO-8601 or seconds. */
    @Parameter(property = "oauth-token.timeout", defaultValue = "PT60S")
    private String timeout;

    /**
     * How many times a transient failure (connection failure or reset, HTTP 408, 429, 500, 502, 503, 504, Genesys's
     * rate-limit 400) is retried, with exponential backoff and full jitter, or as the server asks with
     * {@code Retry-After}. OAuth errors such as {@code invalid_client} are never retried.
     */
    @Parameter(property = "oauth-token.retries", defaultValue = "3")
    private int retries;

    /** The longest {@code Retry-After} the plugin waits for; a server asking for more fails the build at once. */
    @Parameter(property = "oauth-token.maxRetryWait", defaultValue = "PT60S")
    private String maxRetryWait;

    /**
     * A trust store (PKCS12 or JKS) with the certificates to trust instead of the JVM's default, for servers with a
     * private CA. Certificates and host names are always verified; nothing turns that off.
     */
    @Parameter(property = "oauth-token.trustStore")
    private File trustStore;

    /** Type of {@code trustStore}: {@code PKCS12} or {@code JKS}; default from the file extension (PKCS12 unless .jks). */
    @Parameter(property = "oauth-token.trustStoreType")
    private String trustStoreType;

    /**
     * Id of a settings.xml {@code <server>} whose {@code password} opens {@code trustStore} (a store without password
     * needs none). There is no password parameter, since {@code mvn -X} prints every parameter.
     */
    @Parameter(property = "oauth-token.trustStoreServerId")
    private String trustStoreServerId;

    /** Deadline for one connection attempt, ISO-8601 or seconds. */
    @Parameter(property = "oauth-token.connectTimeout", defaultValue = "PT10S")
    private String connectTimeout;

    /**
     * Where tokens are reused from: {@code none}; {@code session} (the default: one request per build, shared by all
     * modules and executions); {@code file} (also kept in {@code cacheDirectory} between builds on this machine, and
     * served to offline builds).
     */
    @Parameter(property = "oauth-token.cache", defaultValue = "session")
    private String cache;

    /** Directory of the file cache ({@code cache=file}); one owner-only file per provider, server, client and scope. */
    @Parameter(property = "oauth-token.cacheDirectory", defaultValue = "${user.home}/.m2/oauth-token")
    private File cacheDirectory;

    /**
     * Print the CI system's masking command for the token: {@code auto} (GitHub Actions {@code ::add-mask::}, Azure
     * Pipelines {@code task.setsecret}; nothing elsewhere) or {@code false}.
     */
    @Parameter(property = "oauth-token.mask", defaultValue = "auto")
    private String mask;

    /** GitHub Actions: name of an environment variable for later steps, appended to the {@code GITHUB_ENV} file. */
    @Parameter(property = "oauth-token.githubEnv")
    private String githubEnv;

    /** GitHub Actions: name of a step output, appended to the {@code GITHUB_OUTPUT} file. */
    @Parameter(property = "oauth-token.githubOutput")
    private String githubOutput;

    /** Azure Pipelines: name of a secret pipeline variable to set ({@code task.setvariable ...;issecret=true}). */
    @Parameter(property = "oauth-token.azureVariable")
    private String azureVariable;

    /** A file to write the token to, owner-only (0600 on POSIX), atomically; {@code revoke} deletes it. */
    @Parameter(property = "oauth-token.tokenFile")
    private File tokenFile;

    /** Skip the goal. */
    @Parameter(property = "oauth-token.skip", defaultValue = "false")
    private boolean skip;

    /** When false, a failure logs a warning instead of failing the build. */
    @Parameter(property = "oauth-token.failOnError", defaultValue = "true")
    private boolean failOnError;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    private final SettingsDecrypter settingsDecrypter;

    AbstractTokenMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    /** What the goal does once its configuration is read; {@link TokenException}s become build failures. */
    abstract void run(Run run) throws TokenException;

    /** What a goal needs while it runs: the parsed request, its helpers, and the project. */
    record Run(FetchRequest request, TokenFetcher fetcher, Optional<FileTokenCache> fileCache, CiExports exports,
            Redactor redactor, BuildLog log, MavenProject project, MavenSession session, SessionTokenCache reactor,
            Function<String, String> environment) {}

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: oauth-token.skip is true.");
            return;
        }
        // Before any Jetty class loads: its debug output would carry credentials under -X.
        HttpLibraryLogging.quietJetty(session.getSystemProperties().getProperty("maven.version", "3").startsWith("3")
                ? HttpLibraryLogging.MAVEN_3_PREFIX
                : HttpLibraryLogging.MAVEN_4_PREFIX);
        Redactor redactor = new Redactor();
        MavenBuildLog log = new MavenBuildLog(getLog(), redactor);
        try {
            ProviderKind kind = ProviderKind.parse(provider);
            SettingsSecrets settings = new SettingsSecrets(session, settingsDecrypter, redactor);
            CacheMode cacheMode = CacheMode.parse(cache);
            FetchRequest request = new FetchRequest(kind, providerSettings(kind), credentialRequest(kind),
                    httpSettings(settings, redactor), DurationParameter.parse(minValidity, "minValidity"), cacheMode,
                    session.isOffline());
            CredentialResolver credentials = new CredentialResolver(settings, environment(), redactor);
            TokenFetcher fetcher = new TokenFetcher(credentials, redactor, log, Clock.systemUTC());
            Optional<FileTokenCache> files = cacheMode == CacheMode.FILE
                    ? Optional.of(new FileTokenCache(cacheDirectory.toPath(), redactor, log))
                    : Optional.empty();
            run(new Run(request, fetcher, files, ciExports(), redactor, log, project, session, ReactorTokens.of(session),
                    environment()));
        } catch (TokenException e) {
            String message = redactor.redact(e.getMessage());
            if (!failOnError) {
                log.warn("No token (failOnError is false, so the build goes on): " + message);
                return;
            }
            throw new MojoFailureException(message, RedactedException.copyOf(e.getCause(), redactor));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Unexpected failure in oauth-token: "
                    + redactor.redact(String.valueOf(e.getMessage())), RedactedException.copyOf(e, redactor));
        }
    }

    String propertyPrefix() {
        return propertyPrefix;
    }

    private CiExports ciExports() throws TokenException {
        boolean masking = switch (mask == null ? "auto" : mask.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "true", "" -> true;
            case "false" -> false;
            default -> throw new TokenException("Unknown <mask> '" + mask.trim() + "'. Valid values: auto (the "
                    + "default) and false.");
        };
        return new CiExports(masking, trimToNull(githubEnv), trimToNull(githubOutput), trimToNull(azureVariable),
                tokenFile == null ? null : tokenFile.toPath());
    }

    private ProviderSettings providerSettings(ProviderKind kind) throws TokenException {
        String regionValue = trimToNull(region);
        String regionOrigin = "<region>";
        if (regionValue == null && kind == ProviderKind.GENESYS) {
            for (String variable : List.of("GENESYS_REGION", "GENESYSCLOUD_REGION")) {
                regionValue = trimToNull(environment().apply(variable));
                if (regionValue != null) {
                    regionOrigin = "environment variable " + variable;
                    break;
                }
            }
            if (regionValue == null) {
                regionOrigin = "<region>, environment variables GENESYS_REGION and GENESYSCLOUD_REGION";
            }
        }
        Optional<Duration> lifetime = trimToNull(defaultExpiresIn) == null
                ? Optional.empty()
                : Optional.of(DurationParameter.parse(defaultExpiresIn, "defaultExpiresIn"));
        if (lifetime.isPresent() && lifetime.get().isZero()) {
            throw new TokenException("<defaultExpiresIn> must be longer than zero.");
        }
        return new ProviderSettings(regionValue, regionOrigin, trimToNull(issuer), trimToNull(tokenUrl),
                trimToNull(apiUrl), trimToNull(scope), trimToNull(audience), ClientAuthentication.parse(clientAuth),
                trimToNull(introspectionUrl), verify, lifetime, trimToNull(revocationUrl));
    }

    private CredentialRequest credentialRequest(ProviderKind kind) {
        List<EnvPair> clientEnv = trimToNull(clientIdEnv) == null && trimToNull(clientSecretEnv) == null
                ? kind.defaultClientEnv()
                : List.of(new EnvPair(
                        orDefault(clientIdEnv, kind.defaultClientEnv().get(0).idVariable()),
                        orDefault(clientSecretEnv, kind.defaultClientEnv().get(0).secretVariable())));
        return new CredentialRequest(trimToNull(serverId), clientEnv, kind.needsAccessKey(),
                trimToNull(accessKeyServerId), new EnvPair(accessKeyIdEnv.trim(), accessKeySecretEnv.trim()));
    }

    private HttpSettings httpSettings(SettingsSecrets settings, Redactor redactor) throws TokenException {
        Duration total = DurationParameter.parse(timeout, "timeout");
        Duration connect = DurationParameter.parse(connectTimeout, "connectTimeout");
        if (total.isZero() || connect.isZero()) {
            throw new TokenException("<timeout> and <connectTimeout> must be longer than zero.");
        }
        if (retries < 0) {
            throw new TokenException("<retries> must be 0 or more, but was " + retries + ".");
        }
        RetryPolicy defaults = RetryPolicy.defaults();
        RetryPolicy retry = new RetryPolicy(retries, DurationParameter.parse(maxRetryWait, "maxRetryWait"),
                defaults.backoffBase(), defaults.backoffCap());
        List<ProxyRoute> proxies = settings.proxies();
        if (proxies.isEmpty()) {
            proxies = ProxyEnvironment.routes(environment(), redactor);
        }
        return new HttpSettings(connect, total, HttpSettings.DEFAULT_MAX_BODY_BYTES, retry, trust(settings), proxies);
    }

    private TrustSettings trust(SettingsSecrets settings) throws TokenException {
        if (trustStore == null) {
            if (trimToNull(trustStoreServerId) != null) {
                throw new TokenException("<trustStoreServerId> is set but <trustStore> is not; set both, or neither.");
            }
            return TrustSettings.JVM_DEFAULT;
        }
        String type = trimToNull(trustStoreType) != null ? trustStoreType.trim().toUpperCase(Locale.ROOT)
                : trustStore.getName().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        Secret password = null;
        if (trimToNull(trustStoreServerId) != null) {
            String id = trustStoreServerId.trim();
            password = settings.find(id)
                    .map(UsernamePassword::password)
                    .orElseThrow(() -> new TokenException("<trustStoreServerId> names server '" + id + "', which is "
                            + "not in " + settings.where() + "."));
        }
        return new TrustSettings(trustStore.toPath(), type, password);
    }

    /**
     * Environment variables as Maven sees them ({@code env.*} of the session, which embedders and tests can set),
     * falling back to the process environment.
     */
    Function<String, String> environment() {
        return name -> {
            String value = session.getSystemProperties().getProperty("env." + name);
            return value != null ? value : System.getenv(name);
        };
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return trimToNull(value) == null ? fallback : value.trim();
    }
}
