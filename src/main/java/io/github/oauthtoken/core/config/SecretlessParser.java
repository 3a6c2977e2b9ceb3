package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.CiSystem;
import io.github.oauthtoken.core.Variables;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ClientAuthentication;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.credentials.KeyStoreRequest;
import io.github.oauthtoken.core.credentials.SecretlessClient;
import io.github.oauthtoken.core.credentials.UsernamePassword;
import io.github.oauthtoken.core.identity.IdentityRequest;
import io.github.oauthtoken.core.identity.IdentitySourceKind;
import io.github.oauthtoken.core.jwt.AssertionThumbprint;
import io.github.oauthtoken.core.jwt.MacAlgorithm;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import io.github.oauthtoken.core.provider.Grant;
import io.github.oauthtoken.core.provider.GrantSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.secret.StoreType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of how the client authenticates beyond sending its secret, and of authenticating without a stored
 * secret: {@code clientAuth}, the key store of {@code private_key_jwt} and {@code tls_client_auth}, the signature of
 * client assertions, the CI identity token and how it is presented ({@code grant}). Their defaults and the
 * combinations that make no sense live here, each refused with what to change.
 */
final class SecretlessParser {
    private static final String TOKEN_TYPE_PREFIX = "urn:ietf:params:oauth:token-type:";
    /** Why the client authenticates as it does: the user wrote it, or it is the plain default. */
    private static final String WRITTEN = "<clientAuth>";
    private static final String DEFAULT = "the default";
    /** What describes the identity token; meaningless without {@code identityToken}. */
    private static final List<Parameter> IDENTITY_DETAILS = List.of(Parameter.IDENTITY_TOKEN_VARIABLE,
            Parameter.IDENTITY_TOKEN_FILE, Parameter.IDENTITY_AUDIENCE, Parameter.AZURE_SERVICE_CONNECTION_ID);
    /** The client's key store: its key signs (private_key_jwt) or its certificate goes with the handshake. */
    private static final List<ClientAuthentication> WITH_KEY_STORE = List.of(ClientAuthentication.PRIVATE_KEY_JWT,
            ClientAuthentication.TLS_CLIENT_AUTH);
    /** The client assertions the plugin signs. */
    private static final List<ClientAuthentication> SIGNED = List.of(ClientAuthentication.PRIVATE_KEY_JWT,
            ClientAuthentication.CLIENT_SECRET_JWT);
    private static final List<ClientAuthentication> WITH_CERTIFICATE_IN_HEADER =
            List.of(ClientAuthentication.PRIVATE_KEY_JWT);
    /** Parameters that belong to some client authentications only, with those, in the order messages name them. */
    private static final Map<Parameter, List<ClientAuthentication>> AUTH_PARAMETERS = authParameters();
    /** What only provider oauth2 can use, beside a clientAuth without secret and a grant beyond client credentials. */
    private static final List<Parameter> OAUTH2_ONLY = List.of(Parameter.CLIENT_ID, Parameter.IDENTITY_TOKEN,
            Parameter.IDENTITY_TOKEN_VARIABLE, Parameter.IDENTITY_TOKEN_FILE, Parameter.IDENTITY_AUDIENCE,
            Parameter.AZURE_SERVICE_CONNECTION_ID, Parameter.SUBJECT_TOKEN_TYPE, Parameter.REQUESTED_TOKEN_TYPE,
            Parameter.RESOURCE);

    /**
     * @param clientAuthOrigin why the client authenticates so, in words for the line that describes a request
     * @param client           null for a client with a stored secret
     * @param identity         null when no identity token is used
     * @param clientSecretJwt  client_secret_jwt's MAC; else null
     */
    record Result(ClientAuthentication clientAuth, String clientAuthOrigin, GrantSettings grant,
            SecretlessClient client, IdentityRequest identity, MacAlgorithm clientSecretJwt) {}

    private SecretlessParser() {}

    private static Map<Parameter, List<ClientAuthentication>> authParameters() {
        Map<Parameter, List<ClientAuthentication>> parameters = new LinkedHashMap<>();
        for (Parameter keyStore : List.of(Parameter.KEY_STORE, Parameter.KEY_STORE_TYPE, Parameter.KEY_ALIAS,
                Parameter.KEY_STORE_SERVER_ID)) {
            parameters.put(keyStore, WITH_KEY_STORE);
        }
        parameters.put(Parameter.SIGNING_ALGORITHM, SIGNED);
        parameters.put(Parameter.ASSERTION_AUDIENCE, SIGNED);
        parameters.put(Parameter.KEY_ID, WITH_CERTIFICATE_IN_HEADER);
        parameters.put(Parameter.ASSERTION_THUMBPRINT, WITH_CERTIFICATE_IN_HEADER);
        return Collections.unmodifiableMap(parameters);
    }

    static Result parse(ProviderKind kind, Parameters p, BuildEnvironment build) throws TokenException {
        String clientAuthText = p.written(Parameter.CLIENT_AUTH);
        ClientAuthentication parsedAuth = clientAuthText == null ? null : ClientAuthentication.parse(clientAuthText);
        Grant grant = p.isWritten(Parameter.GRANT) ? Grant.parse(p.written(Parameter.GRANT)) : Grant.CLIENT_CREDENTIALS;
        if (kind != ProviderKind.OAUTH2) {
            List<String> used = secretlessParameters(p, parsedAuth, grant);
            if (!used.isEmpty()) {
                throw new ConfigurationException("Provider " + kind.id() + " cannot use " + String.join(", ", used)
                        + ": " + (kind == ProviderKind.GENESYS ? "Genesys Cloud" : "NICE CXone") + " documents no "
                        + "client_secret_jwt, private_key_jwt, mutual TLS, CI identity tokens, JWT bearer grant or "
                        + "token exchange, so it needs its stored client secret"
                        + (kind.needsAccessKey() ? " and access key" : "") + ". Remove "
                        + (used.size() == 1 ? "it" : "them") + ", or use provider oauth2 with a server that offers these.");
            }
            return new Result(parsedAuth == null ? ClientAuthentication.BASIC : parsedAuth,
                    parsedAuth == null ? DEFAULT : WRITTEN, GrantSettings.CLIENT_CREDENTIALS, null, null, null);
        }

        IdentityRequest identity = identity(p, build.environment(), build.log());
        if (identity == null && grant != Grant.CLIENT_CREDENTIALS) {
            throw new ConfigurationException("<grant> " + grant.id() + " presents the CI's identity token, but "
                    + "<identityToken> is not set. Set it to github, azure, variable, file or auto.");
        }
        if ((p.isWritten(Parameter.SUBJECT_TOKEN_TYPE) || p.isWritten(Parameter.REQUESTED_TOKEN_TYPE))
                && grant != Grant.TOKEN_EXCHANGE) {
            throw new ConfigurationException("<subjectTokenType> and <requestedTokenType> belong to token exchange; "
                    + "set <grant>token-exchange</grant>, or remove them.");
        }

        ClientAuthentication auth;
        String authOrigin = WRITTEN;
        if (identity != null && grant == Grant.CLIENT_CREDENTIALS) {
            if (parsedAuth != null) {
                throw new ConfigurationException("With <identityToken> and the client credentials grant the identity "
                        + "token authenticates the client (as its client_assertion), so <clientAuth> " + clientAuthText
                        + " has no place. Remove <clientAuth>, or set <grant> to jwt-bearer or token-exchange to "
                        + "present the identity token as the grant, with a client authentication of its own.");
            }
            auth = ClientAuthentication.IDENTITY_TOKEN_ASSERTION;
            authOrigin = "<identityToken> with the client credentials grant: the identity token is the client's "
                    + "assertion";
        } else if (parsedAuth != null) {
            auth = parsedAuth;
        } else if (identity == null) {
            auth = ClientAuthentication.BASIC;
            authOrigin = DEFAULT;
        } else {
            // The identity token is the grant; beside it the client authenticates with the secret the user configured
            // (a confidential client: Spring Authorization Server refuses its client_id alone), else not at all.
            String secret = p.isWritten(Parameter.CLIENT_ID) ? null : configuredSecret(kind, p, build);
            auth = secret != null ? ClientAuthentication.BASIC : ClientAuthentication.NONE;
            authOrigin = "<clientAuth> unset" + (p.isWritten(Parameter.CLIENT_ID)
                    ? "; <clientId> names a client without a stored secret"
                    : secret != null ? ", and a client secret is configured: " + secret
                    : ", and no client secret is configured (no <serverId> with a <password>, no "
                            + String.join(" or ", RequestParser.clientEnv(kind, p).stream()
                                    .map(EnvPair::secretVariable).toList()) + ")");
        }

        refuseParametersOfOtherMethods(p, auth);
        KeyStoreRequest key = auth.usesKeyStore() ? keyStore(p, auth) : null;
        String macAlgorithm = p.written(Parameter.SIGNING_ALGORITHM);
        MacAlgorithm mac = auth != ClientAuthentication.CLIENT_SECRET_JWT ? null
                : MacAlgorithm.parse(macAlgorithm != null ? macAlgorithm : Defaults.MAC_ALGORITHM);
        String assertionAudience = p.written(Parameter.ASSERTION_AUDIENCE);
        String clientId = p.written(Parameter.CLIENT_ID);
        if (clientId != null && auth.needsSecret()) {
            throw new ConfigurationException("<clientId> is for clients without a stored secret (private_key_jwt, "
                    + "tls_client_auth, an identity token, clientAuth none). With <clientAuth> " + auth.id() + " the id "
                    + "comes with the secret: the <username> of the settings.xml server, or the client id variable.");
        }
        SecretlessClient client = auth.needsSecret() ? null : new SecretlessClient(clientId, auth, key);
        GrantSettings settings = new GrantSettings(grant,
                grant == Grant.TOKEN_EXCHANGE
                        ? tokenType(p, Parameter.SUBJECT_TOKEN_TYPE, Defaults.SUBJECT_TOKEN_TYPE) : null,
                grant == Grant.TOKEN_EXCHANGE && p.isWritten(Parameter.REQUESTED_TOKEN_TYPE)
                        ? tokenType(p, Parameter.REQUESTED_TOKEN_TYPE, null) : null,
                p.written(Parameter.RESOURCE), assertionAudience);
        return new Result(auth, authOrigin, settings, client, identity, mac);
    }

    /**
     * Where a client secret is configured for this client, in words (never the secret), or null: a {@code serverId}
     * whose server has a password, else, without one, a client secret variable that is set.
     */
    private static String configuredSecret(ProviderKind kind, Parameters p, BuildEnvironment build)
            throws TokenException {
        String serverId = p.written(Parameter.SERVER_ID);
        if (serverId != null) {
            Optional<UsernamePassword> server = build.servers().find(serverId);
            boolean hasPassword = server.isPresent() && server.get().password() != null
                    && !server.get().password().isEmpty();
            return hasPassword ? "the <password> of server '" + serverId + "' in settings.xml" : null;
        }
        for (EnvPair pair : RequestParser.clientEnv(kind, p)) {
            if (Variables.read(build.environment(), pair.secretVariable()) != null) {
                return "environment variable " + pair.secretVariable();
            }
        }
        return null;
    }

    /**
     * A parameter of another client authentication than the one in use is a mistake (a key store that nothing
     * reads, an algorithm nothing signs with): refused, naming the methods it belongs to.
     */
    private static void refuseParametersOfOtherMethods(Parameters p, ClientAuthentication auth)
            throws ConfigurationException {
        Map<List<ClientAuthentication>, List<String>> misplaced = new LinkedHashMap<>();
        AUTH_PARAMETERS.forEach((parameter, methods) -> {
            if (p.isWritten(parameter) && !methods.contains(auth)) {
                misplaced.computeIfAbsent(methods, m -> new ArrayList<>()).add(parameter.element());
            }
        });
        if (misplaced.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        misplaced.forEach((methods, parameters) -> parts.add(String.join(", ", parameters)
                + (parameters.size() == 1 ? " belongs" : " belong") + " to <clientAuth> "
                + String.join(" or ", methods.stream().map(ClientAuthentication::id).toList())));
        String why = auth == ClientAuthentication.IDENTITY_TOKEN_ASSERTION
                ? "the identity token is the client's assertion (<identityToken> with the client credentials grant)"
                : "<clientAuth> is " + auth.id();
        boolean one = misplaced.size() == 1 && misplaced.values().iterator().next().size() == 1;
        throw new ConfigurationException(String.join("; ", parts) + ", but " + why + ". Set <clientAuth> to "
                + (one ? "a method it belongs to, or remove it." : "a method they belong to, or remove them.")
                + (p.isWritten(Parameter.ASSERTION_AUDIENCE) ? " An identity token's audience is chosen when it is "
                        + "issued (<identityAudience> on GitHub Actions, id_tokens aud on GitLab)." : ""));
    }

    private static IdentityRequest identity(Parameters p, Function<String, String> environment, BuildLog log)
            throws ConfigurationException {
        String source = p.written(Parameter.IDENTITY_TOKEN);
        if (source == null) {
            List<String> details = written(p, IDENTITY_DETAILS);
            if (!details.isEmpty()) {
                throw new ConfigurationException(String.join(", ", details) + " describe the CI identity token, but "
                        + "<identityToken> is not set. Set it to github, azure, variable, file or auto.");
            }
            return null;
        }
        IdentitySourceKind kind = switch (source.toLowerCase(Locale.ROOT)) {
            case "github" -> IdentitySourceKind.GITHUB;
            case "azure" -> IdentitySourceKind.AZURE;
            case "variable" -> IdentitySourceKind.VARIABLE;
            case "file" -> IdentitySourceKind.FILE;
            case "auto" -> switch (CiSystem.detect(environment)) {
                case GITHUB_ACTIONS -> IdentitySourceKind.GITHUB;
                case AZURE_PIPELINES -> IdentitySourceKind.AZURE;
                default -> p.isWritten(Parameter.IDENTITY_TOKEN_FILE) ? IdentitySourceKind.FILE
                        : IdentitySourceKind.VARIABLE;
            };
            default -> throw new ConfigurationException("Unknown <identityToken> '" + source + "'. Valid values: github "
                    + "(GitHub Actions' token endpoint), azure (Azure Pipelines' token endpoint), variable (an "
                    + "environment variable: GitLab CI id_tokens, Jenkins), file (Kubernetes and other token files) "
                    + "and auto (by the CI system this build runs on).");
        };
        String serviceConnection = p.written(Parameter.AZURE_SERVICE_CONNECTION_ID);
        if (kind == IdentitySourceKind.AZURE && serviceConnection == null) {
            throw new ConfigurationException("<identityToken> " + source + " asks Azure Pipelines for an identity "
                    + "token, which needs <azureServiceConnectionId>: the id of the service connection (with workload "
                    + "identity federation) the token is for.");
        }
        if (kind == IdentitySourceKind.FILE && !p.isWritten(Parameter.IDENTITY_TOKEN_FILE)) {
            throw new ConfigurationException("<identityToken> file needs <identityTokenFile>, the file that holds the "
                    + "token.");
        }
        String audience = p.written(Parameter.IDENTITY_AUDIENCE);
        if (audience != null && kind != IdentitySourceKind.GITHUB) {
            // Not an error: with auto, one POM serves GitHub Actions and other CI systems.
            log.info("<identityAudience> " + audience + " is not used: only GitHub Actions issues the identity token for "
                    + "an audience asked for at build time; this token's audience is set where it is issued (GitLab: "
                    + "the job's id_tokens aud; Azure Pipelines: api://AzureADTokenExchange).");
        }
        String variable = p.written(Parameter.IDENTITY_TOKEN_VARIABLE);
        return new IdentityRequest(kind, variable != null ? variable : Defaults.IDENTITY_TOKEN_VARIABLE,
                p.path(Parameter.IDENTITY_TOKEN_FILE), kind == IdentitySourceKind.GITHUB ? audience : null,
                serviceConnection);
    }

    private static KeyStoreRequest keyStore(Parameters p, ClientAuthentication auth) throws ConfigurationException {
        if (!p.isWritten(Parameter.KEY_STORE)) {
            throw new ConfigurationException("<clientAuth>" + auth.id() + "</clientAuth> needs <keyStore>, a PKCS12 or "
                    + "JKS file with the client's private key and certificate, and <keyStoreServerId>, the settings.xml "
                    + "server whose <password> opens it.");
        }
        String serverId = p.written(Parameter.KEY_STORE_SERVER_ID);
        if (serverId == null) {
            throw new ConfigurationException("<keyStore> " + p.path(Parameter.KEY_STORE) + " needs <keyStoreServerId>: "
                    + "the id of the settings.xml server whose <password> opens the store and its key (a password is "
                    + "never a parameter, since mvn -X prints every parameter).");
        }
        String algorithm = p.written(Parameter.SIGNING_ALGORITHM);
        String thumbprint = p.written(Parameter.ASSERTION_THUMBPRINT);
        boolean signs = auth == ClientAuthentication.PRIVATE_KEY_JWT;
        return new KeyStoreRequest(p.path(Parameter.KEY_STORE),
                StoreType.of(p.path(Parameter.KEY_STORE), p.written(Parameter.KEY_STORE_TYPE)),
                p.written(Parameter.KEY_ALIAS), serverId, algorithm == null ? null : SigningAlgorithm.parse(algorithm),
                p.written(Parameter.KEY_ID), !signs ? null
                        : AssertionThumbprint.parse(thumbprint != null ? thumbprint : Defaults.ASSERTION_THUMBPRINT));
    }

    /** A token type URN (RFC 8693 section 3), from the short forms {@code jwt}, {@code id_token} and so on. */
    private static String tokenType(Parameters p, Parameter parameter, String fallback) throws ConfigurationException {
        String text = p.isWritten(parameter) ? p.written(parameter) : fallback;
        if (text.startsWith("urn:")) {
            return text;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "jwt", "id_token", "access_token", "refresh_token", "saml1", "saml2" -> TOKEN_TYPE_PREFIX
                    + text.toLowerCase(Locale.ROOT);
            default -> throw new ConfigurationException(parameter.element() + " '" + text + "' is no token type. Give "
                    + "a URN (urn:ietf:params:oauth:token-type:jwt) or one of the short forms jwt, id_token, "
                    + "access_token.");
        };
    }

    private static List<String> secretlessParameters(Parameters p, ClientAuthentication auth, Grant grant) {
        List<String> used = new ArrayList<>();
        if (auth != null && !auth.sendsSecret()) {
            used.add("<clientAuth> " + p.written(Parameter.CLIENT_AUTH));
        }
        if (grant != Grant.CLIENT_CREDENTIALS) {
            used.add("<grant> " + grant.id());
        }
        used.addAll(written(p, OAUTH2_ONLY));
        used.addAll(written(p, List.copyOf(AUTH_PARAMETERS.keySet())));
        return used.stream().distinct().toList();
    }

    /** The elements of those parameters the user wrote, in the given order. */
    private static List<String> written(Parameters p, List<Parameter> parameters) {
        return parameters.stream().filter(p::isWritten).map(Parameter::element).toList();
    }
}
