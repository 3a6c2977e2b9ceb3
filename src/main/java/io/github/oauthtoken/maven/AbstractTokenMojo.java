package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.Defaults;
import io.github.oauthtoken.core.config.ParameterView;
import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.secret.RedactedException;
import io.github.oauthtoken.core.secret.Redactor;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * The parameters that {@code fetch} and {@code revoke} share: which provider, which credentials, how to reach it,
 * and where tokens are kept. Each field is named as the {@link io.github.oauthtoken.core.config.Parameter} it is,
 * and its default is one of {@link Defaults}; the goals hand the fields, unparsed, to the build's
 * {@link TokenLifecycle} through a {@link MojoParameters} view, and every rule and check lives in the core.
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
    @Parameter(property = "oauth-token.accessKeyIdEnv", defaultValue = Defaults.ACCESS_KEY_ID_ENV)
    private String accessKeyIdEnv;

    /** CXone only: environment variable that holds the access key secret. */
    @Parameter(property = "oauth-token.accessKeySecretEnv", defaultValue = Defaults.ACCESS_KEY_SECRET_ENV)
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
     * (id and secret in the form body). oauth2 also: {@code client_secret_jwt} (an assertion signed with the client
     * secret, HS256 or {@code signingAlgorithm}; the secret itself is never sent), {@code private_key_jwt} (an
     * assertion signed with the key in {@code keyStore}, no secret), {@code tls_client_auth} (mutual TLS, RFC 8705:
     * the certificate in {@code keyStore} is presented in the TLS handshake with the token, introspection and
     * revocation endpoints; the form carries only {@code client_id}) and {@code none} (only the client id).
     * <p>
     * With {@code identityToken} and {@code grant} jwt-bearer or token-exchange, unset means {@code basic} when a
     * client secret is configured ({@code serverId} names a server with a {@code password}, or the client secret
     * variable is set) and {@code none} otherwise, or when {@code clientId} names a client without a stored secret;
     * the INFO line that describes the request says which and why. With {@code identityToken} and the client
     * credentials grant the identity token authenticates the client, and {@code clientAuth} stays unset.
     */
    @Parameter(property = "oauth-token.clientAuth")
    private String clientAuth;

    /** oauth2 only: RFC 7009 revocation endpoint used by the {@code revoke} goal (else the one from discovery). */
    @Parameter(property = "oauth-token.revocationUrl")
    private String revocationUrl;

    /** oauth2 only: RFC 7662 introspection endpoint used by {@code verify} (else the one from discovery). */
    @Parameter(property = "oauth-token.introspectionUrl")
    private String introspectionUrl;

    /** Prefix of the properties set: {@code ${prefix}} is the token, {@code ${prefix}.expiresAt} its expiry, etc. */
    @Parameter(property = "oauth-token.propertyPrefix", defaultValue = Defaults.PROPERTY_PREFIX)
    private String propertyPrefix;

    /**
     * How long the token must still be valid, as an ISO-8601 duration ({@code PT5M}) or seconds. Set, it is one bar:
     * a token from a cache (this build's, or {@code cache=file}) with less left is not reused, a new token that lives
     * less fails the build, and {@code refreshTokenFile} replaces the file's token before it has less left.
     * <p>
     * Unset (the default), the bars differ: a token from a cache must have 5 minutes left to be reused, while a token
     * the server has just issued is accepted when it lives at least 60 s (asking again would bring no longer a token;
     * an INFO names a lifetime under 5 minutes and points to {@code refreshTokenFile} for longer builds); under 60 s
     * the build fails. A token that lived less than 5 minutes when issued (Spring Authorization Server's default 299
     * s) is reused, and kept in a refreshed token file, while it has 60 s left, so that a reactor still sends one
     * token request instead of one per module.
     */
    @Parameter(property = "oauth-token.minValidity")
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
    @Parameter(property = "oauth-token.verify", defaultValue = Defaults.FALSE)
    private boolean verify;

    /** Deadline for all HTTP requests of one fetch together, ISO-8601 or seconds. */
    @Parameter(property = "oauth-token.timeout", defaultValue = Defaults.TIMEOUT)
    private String timeout;

    /**
     * How many times a transient failure (connection failure or reset, HTTP 408, 429, 500, 502, 503, 504, Genesys's
     * rate-limit 400) is retried, with exponential backoff and full jitter, or as the server asks with
     * {@code Retry-After}. OAuth errors such as {@code invalid_client} are never retried.
     */
    @Parameter(property = "oauth-token.retries", defaultValue = Defaults.RETRIES)
    private int retries;

    /** The longest {@code Retry-After} the plugin waits for; a server asking for more fails the build at once. */
    @Parameter(property = "oauth-token.maxRetryWait", defaultValue = Defaults.MAX_RETRY_WAIT)
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
    @Parameter(property = "oauth-token.connectTimeout", defaultValue = Defaults.CONNECT_TIMEOUT)
    private String connectTimeout;

    /**
     * Where tokens are reused from: {@code none}; {@code session} (the default: one request per build, shared by all
     * modules and executions); {@code file} (also kept in {@code cacheDirectory} between builds on this machine, and
     * served to offline builds).
     */
    @Parameter(property = "oauth-token.cache", defaultValue = Defaults.CACHE)
    private String cache;

    /** Directory of the file cache ({@code cache=file}); one owner-only file per provider, server, client and scope. */
    @Parameter(property = "oauth-token.cacheDirectory", defaultValue = Defaults.CACHE_DIRECTORY)
    private File cacheDirectory;

    /**
     * Print the CI system's masking command for the token: {@code auto} (GitHub Actions {@code ::add-mask::}, Azure
     * Pipelines {@code task.setsecret}; nothing elsewhere) or {@code false}.
     */
    @Parameter(property = "oauth-token.mask", defaultValue = Defaults.MASK)
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

    /**
     * A file to write the token to, owner-only (0600 on POSIX), atomically; deleted when the token is revoked. Its
     * path is {@code ${prefix}.file}: hand tests the path rather than the token (see {@code tokenAsProperty}).
     */
    @Parameter(property = "oauth-token.tokenFile")
    private File tokenFile;

    /**
     * Set {@code ${prefix}} to the token itself. Under {@code mvn -X} other plugins print every project property
     * (maven-resources-plugin, for one), so a build that may run with {@code -X} should set this to false and hand
     * tests {@code tokenFile} instead: {@code ${prefix}.file} is its path, and only the path is printed.
     */
    @Parameter(property = "oauth-token.tokenAsProperty", defaultValue = Defaults.TRUE)
    private boolean tokenAsProperty;

    /**
     * Scopes the token must grant, checked right after the fetch so that a client without a permission fails the
     * build at {@code initialize}, naming what is missing, instead of with an HTTP 403 deep into the tests.
     * Written as a list ({@code <requiredScope>users:readonly</requiredScope>} elements) or comma-separated
     * ({@code -Doauth-token.requiredScopes=users:readonly,routing}). What the token grants comes from the token
     * response's {@code scope}, then from the server (Genesys {@code GET /api/v2/tokens/me}; oauth2 introspection
     * with {@code verify}), then from the token's JWT {@code scope} or {@code scp} claim. When none of them tells,
     * the plugin warns that it could not check and goes on; it never guesses.
     */
    @Parameter(property = "oauth-token.requiredScopes")
    private List<String> requiredScopes;

    /**
     * Keep {@code tokenFile} valid for the rest of the build: a background thread replaces the file (atomically,
     * owner-only) with a new token before the current one has less than {@code minValidity} left, and updates the
     * properties, so a test phase of any length that reads the file per request always has a valid token. The
     * refresher stops when the build ends (also under mvnd or an embedder that keeps the JVM), and {@code revoke}
     * revokes every token it fetched.
     */
    @Parameter(property = "oauth-token.refreshTokenFile", defaultValue = Defaults.FALSE)
    private boolean refreshTokenFile;

    // --- Without a stored secret (provider oauth2): private_key_jwt and the CI's identity token ---

    /**
     * oauth2: the client id, for a client that needs no secret ({@code private_key_jwt}, {@code tls_client_auth}, an
     * identity token, {@code clientAuth=none}); the id is no secret. Otherwise it comes from {@code serverId}'s {@code username} or
     * the client id variable ({@code OAUTH_CLIENT_ID}), and the secret beside it is not read.
     */
    @Parameter(property = "oauth-token.clientId")
    private String clientId;

    /**
     * {@code private_key_jwt} and {@code tls_client_auth}: a PKCS12 or JKS key store with the client's private key
     * and its certificate (for {@code tls_client_auth} with the chain up to the CA, as the key entry holds it). It is
     * opened before any request; a store that does not open, a missing alias or a wrong password fails the build.
     */
    @Parameter(property = "oauth-token.keyStore")
    private File keyStore;

    /** Type of {@code keyStore}: {@code PKCS12} or {@code JKS}; default from the file extension (PKCS12 unless .jks). */
    @Parameter(property = "oauth-token.keyStoreType")
    private String keyStoreType;

    /** Alias of the client's key in {@code keyStore}; needed only when the store holds more than one key. */
    @Parameter(property = "oauth-token.keyAlias")
    private String keyAlias;

    /**
     * Id of a settings.xml {@code <server>} whose {@code password} opens {@code keyStore} and the key in it (one
     * password for both). There is no password parameter, since {@code mvn -X} prints every parameter.
     */
    @Parameter(property = "oauth-token.keyStoreServerId")
    private String keyStoreServerId;

    /**
     * Signature of the client assertion. {@code private_key_jwt}: {@code RS256} (default for an RSA key),
     * {@code PS256} (RSA-PSS, what Entra ID asks for) or {@code ES256} (default for an EC key on P-256).
     * {@code client_secret_jwt}: {@code HS256} (the default), {@code HS384} or {@code HS512}; the client secret must
     * have at least 32, 48 or 64 bytes (RFC 7518 section 3.2), else the build fails before any request.
     */
    @Parameter(property = "oauth-token.signingAlgorithm")
    private String signingAlgorithm;

    /**
     * {@code private_key_jwt}: the {@code kid} header of the client assertion, sent only when set: Keycloak refuses a
     * {@code kid} that is not its own id of the client's key. The certificate is named as {@code assertionThumbprint}
     * says.
     */
    @Parameter(property = "oauth-token.keyId")
    private String keyId;

    /**
     * {@code private_key_jwt}: how the assertion's header names the client's certificate: {@code sha256} (the default,
     * {@code x5t#S256}, by which Entra ID finds the certificate), {@code sha1} ({@code x5t}, what AD FS and Microsoft's
     * older documentation ask for), {@code both}, or {@code none} for a server that holds the key as a bare JWK
     * (without {@code x5c} or {@code x5t#S256}), such as a Spring Authorization Server client registered with a JWK
     * set of bare keys: it looks for a key with the named thumbprint, finds none and answers {@code invalid_client}.
     */
    @Parameter(property = "oauth-token.assertionThumbprint")
    private String assertionThumbprint;

    /**
     * The {@code aud} of the client assertion ({@code private_key_jwt}, {@code client_secret_jwt}). Default: the
     * server's issuer identifier when the token endpoint comes from discovery ({@code issuer}), else the token endpoint
     * ({@code tokenUrl}, which is what Entra ID expects).
     */
    @Parameter(property = "oauth-token.assertionAudience")
    private String assertionAudience;

    /**
     * Authenticate with the CI's OpenID Connect identity token instead of a stored secret, fetched when a request
     * needs it: {@code github} (GitHub Actions; the job needs {@code permissions: id-token: write}), {@code azure}
     * (Azure Pipelines; needs {@code azureServiceConnectionId} and {@code SYSTEM_ACCESSTOKEN} in the step's
     * environment), {@code variable} (an environment variable: GitLab CI's {@code id_tokens}, Jenkins'
     * {@code withCredentials}), {@code file} (a Kubernetes projected token and the like) or {@code auto} (by the CI
     * system the build runs on; {@code variable} where no CI endpoint exists). How it is presented: {@code grant}.
     */
    @Parameter(property = "oauth-token.identityToken")
    private String identityToken;

    /** The environment variable with the identity token ({@code identityToken=variable}); default {@code OAUTH_ID_TOKEN}. */
    @Parameter(property = "oauth-token.identityTokenVariable")
    private String identityTokenVariable;

    /** The file with the identity token ({@code identityToken=file}); read at each use, since such files rotate. */
    @Parameter(property = "oauth-token.identityTokenFile")
    private File identityTokenFile;

    /**
     * GitHub Actions: the audience ({@code aud}) to ask the identity token for, the one the OAuth server expects (Entra
     * ID: {@code api://AzureADTokenExchange}). Default: GitHub's, the repository owner's URL.
     */
    @Parameter(property = "oauth-token.identityAudience")
    private String identityAudience;

    /** Azure Pipelines: the id of the service connection (workload identity federation) the identity token is for. */
    @Parameter(property = "oauth-token.azureServiceConnectionId")
    private String azureServiceConnectionId;

    /**
     * oauth2: how to ask for the token. {@code client_credentials} (the default; with {@code identityToken} the
     * identity token is the {@code client_assertion}: Entra ID federated credentials, Keycloak {@code federated-jwt});
     * {@code jwt-bearer} (RFC 7523: the identity token is the {@code assertion} of the grant); {@code token-exchange}
     * (RFC 8693: the identity token is the {@code subject_token}; the answer's {@code issued_token_type} becomes
     * {@code ${prefix}.issuedTokenType}). The client authenticates as {@code clientAuth} says.
     */
    @Parameter(property = "oauth-token.grant")
    private String grant;

    /**
     * Token exchange: the {@code subject_token_type}; default {@code urn:ietf:params:oauth:token-type:jwt}, short forms
     * {@code jwt} and {@code id_token} accepted.
     */
    @Parameter(property = "oauth-token.subjectTokenType")
    private String subjectTokenType;

    /** Token exchange: the {@code requested_token_type} (a URN, or {@code access_token}, {@code jwt}...); default none. */
    @Parameter(property = "oauth-token.requestedTokenType")
    private String requestedTokenType;

    /** oauth2: the {@code resource} to request (RFC 8707, RFC 8693). */
    @Parameter(property = "oauth-token.resource")
    private String resource;

    /** Skip the goal. */
    @Parameter(property = "oauth-token.skip", defaultValue = Defaults.FALSE)
    private boolean skip;

    /**
     * When false, a failure to obtain the token (no credentials, an unreachable or refusing server) logs a warning
     * and the build goes on without the properties. Configuration mistakes (an unknown provider, a malformed
     * duration, a trust store that does not open) still fail the build.
     */
    @Parameter(property = "oauth-token.failOnError", defaultValue = Defaults.TRUE)
    private boolean failOnError;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    private final SettingsDecrypter settingsDecrypter;

    /** Where CI commands go; tests record them instead of writing to the test JVM's standard output. */
    private CiConsole console;

    AbstractTokenMojo(SettingsDecrypter settingsDecrypter) {
        this.settingsDecrypter = settingsDecrypter;
    }

    void useConsole(CiConsole console) {
        this.console = console;
    }

    /** What the goal asks of the build's token lifecycle. */
    abstract void run(TokenLifecycle lifecycle, ParameterView parameters, MavenExecutionContext context)
            throws TokenException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: oauth-token.skip is true.");
            return;
        }
        // Before any Jetty class loads: its debug output would carry credentials under -X.
        MavenSystemProperties.quietHttpLibrary(session.getSystemProperties());
        TokenLifecycle lifecycle = BuildServices.tokenLifecycle(session, getLog());
        Redactor redactor = lifecycle.redactor();
        MavenExecutionContext context = new MavenExecutionContext(session, project,
                new MavenBuildLog(getLog(), redactor), new SettingsSecrets(session.getRequest(), settingsDecrypter, redactor),
                console != null ? console : RunnerConsole.forThisProcess());
        try {
            run(lifecycle, new MojoParameters(this), context);
        } catch (TokenException e) {
            throw new MojoFailureException(redactor.redact(e.getMessage()),
                    RedactedException.copyOf(e.getCause(), redactor));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Unexpected failure in oauth-token: "
                    + redactor.redact(String.valueOf(e.getMessage())), RedactedException.copyOf(e, redactor));
        }
    }
}
