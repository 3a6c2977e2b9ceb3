package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.CiSystem;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ClientAuthentication;
import io.github.oauthtoken.core.credentials.KeyStoreRequest;
import io.github.oauthtoken.core.credentials.SecretlessClient;
import io.github.oauthtoken.core.identity.IdentityRequest;
import io.github.oauthtoken.core.identity.IdentitySourceKind;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import io.github.oauthtoken.core.provider.Grant;
import io.github.oauthtoken.core.provider.GrantSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.secret.StoreType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The parameters of authenticating without a stored secret: {@code clientAuth}, the key store of
 * {@code private_key_jwt}, the CI identity token and how it is presented ({@code grant}). Their defaults and the
 * combinations that make no sense live here, each refused with what to change.
 */
final class SecretlessParser {
    private static final String TOKEN_TYPE_PREFIX = "urn:ietf:params:oauth:token-type:";
    /** What describes the identity token; meaningless without {@code identityToken}. */
    private static final List<Parameter> IDENTITY_DETAILS = List.of(Parameter.IDENTITY_TOKEN_VARIABLE,
            Parameter.IDENTITY_TOKEN_FILE, Parameter.IDENTITY_AUDIENCE, Parameter.AZURE_SERVICE_CONNECTION_ID);
    /** What belongs to {@code private_key_jwt}. */
    private static final List<Parameter> KEY_PARAMETERS = List.of(Parameter.KEY_STORE, Parameter.KEY_STORE_TYPE,
            Parameter.KEY_ALIAS, Parameter.KEY_STORE_SERVER_ID, Parameter.SIGNING_ALGORITHM, Parameter.KEY_ID);
    /** What only provider oauth2 can use, beside a clientAuth without secret and a grant beyond client credentials. */
    private static final List<Parameter> OAUTH2_ONLY = List.of(Parameter.CLIENT_ID, Parameter.IDENTITY_TOKEN,
            Parameter.IDENTITY_TOKEN_VARIABLE, Parameter.IDENTITY_TOKEN_FILE, Parameter.IDENTITY_AUDIENCE,
            Parameter.AZURE_SERVICE_CONNECTION_ID, Parameter.SUBJECT_TOKEN_TYPE, Parameter.REQUESTED_TOKEN_TYPE,
            Parameter.RESOURCE, Parameter.ASSERTION_AUDIENCE);

    /**
     * @param client   null for a client with a stored secret
     * @param identity null when no identity token is used
     */
    record Result(ClientAuthentication clientAuth, GrantSettings grant, SecretlessClient client,
            IdentityRequest identity) {}

    private SecretlessParser() {}

    static Result parse(ProviderKind kind, Parameters p, Function<String, String> environment, BuildLog log)
            throws TokenException {
        String clientAuthText = p.written(Parameter.CLIENT_AUTH);
        ClientAuthentication parsedAuth = clientAuthText == null ? null : ClientAuthentication.parse(clientAuthText);
        Grant grant = p.isWritten(Parameter.GRANT) ? Grant.parse(p.written(Parameter.GRANT)) : Grant.CLIENT_CREDENTIALS;
        if (kind != ProviderKind.OAUTH2) {
            List<String> used = secretlessParameters(p, parsedAuth, grant);
            if (!used.isEmpty()) {
                throw new ConfigurationException("Provider " + kind.id() + " cannot use " + String.join(", ", used)
                        + ": " + (kind == ProviderKind.GENESYS ? "Genesys Cloud" : "NICE CXone") + " documents no "
                        + "private_key_jwt, CI identity tokens, JWT bearer grant or token exchange, so it needs its "
                        + "stored client secret" + (kind.needsAccessKey() ? " and access key" : "") + ". Remove "
                        + (used.size() == 1 ? "it" : "them") + ", or use provider oauth2 with a server that offers these.");
            }
            return new Result(parsedAuth == null ? ClientAuthentication.BASIC : parsedAuth,
                    GrantSettings.CLIENT_CREDENTIALS, null, null);
        }

        IdentityRequest identity = identity(p, environment, log);
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
        if (identity != null && grant == Grant.CLIENT_CREDENTIALS) {
            if (parsedAuth != null) {
                throw new ConfigurationException("With <identityToken> and the client credentials grant the identity "
                        + "token authenticates the client (as its client_assertion), so <clientAuth> " + clientAuthText
                        + " has no place. Remove <clientAuth>, or set <grant> to jwt-bearer or token-exchange to "
                        + "present the identity token as the grant, with a client authentication of its own.");
            }
            auth = ClientAuthentication.IDENTITY_TOKEN_ASSERTION;
        } else if (parsedAuth != null) {
            auth = parsedAuth;
        } else {
            // No stored secret is the point of an identity token; a client that needs one says so with clientAuth.
            auth = identity != null ? ClientAuthentication.NONE : ClientAuthentication.BASIC;
        }

        KeyStoreRequest key = null;
        List<String> keyParameters = written(p, KEY_PARAMETERS);
        if (auth == ClientAuthentication.PRIVATE_KEY_JWT) {
            key = keyStore(p);
        } else if (!keyParameters.isEmpty()) {
            throw new ConfigurationException(String.join(", ", keyParameters) + " belong to <clientAuth>"
                    + "private_key_jwt, but <clientAuth> is " + auth.id() + ". Set <clientAuth>private_key_jwt"
                    + "</clientAuth>, or remove them.");
        }
        String assertionAudience = p.written(Parameter.ASSERTION_AUDIENCE);
        if (assertionAudience != null && auth != ClientAuthentication.PRIVATE_KEY_JWT) {
            throw new ConfigurationException("<assertionAudience> sets the audience of the client assertions the "
                    + "plugin signs, so it needs <clientAuth>private_key_jwt</clientAuth>. An identity token's audience "
                    + "is chosen when it is issued (<identityAudience> on GitHub Actions, id_tokens aud on GitLab).");
        }
        String clientId = p.written(Parameter.CLIENT_ID);
        if (clientId != null && auth.needsSecret()) {
            throw new ConfigurationException("<clientId> is for clients without a stored secret (private_key_jwt, an "
                    + "identity token, clientAuth none). With <clientAuth> " + auth.id() + " the id comes with the "
                    + "secret: the <username> of the settings.xml server, or the client id variable.");
        }
        SecretlessClient client = auth.needsSecret() ? null : new SecretlessClient(clientId, auth, key);
        GrantSettings settings = new GrantSettings(grant,
                grant == Grant.TOKEN_EXCHANGE
                        ? tokenType(p, Parameter.SUBJECT_TOKEN_TYPE, Defaults.SUBJECT_TOKEN_TYPE) : null,
                grant == Grant.TOKEN_EXCHANGE && p.isWritten(Parameter.REQUESTED_TOKEN_TYPE)
                        ? tokenType(p, Parameter.REQUESTED_TOKEN_TYPE, null) : null,
                p.written(Parameter.RESOURCE), assertionAudience);
        return new Result(auth, settings, client, identity);
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

    private static KeyStoreRequest keyStore(Parameters p) throws ConfigurationException {
        if (!p.isWritten(Parameter.KEY_STORE)) {
            throw new ConfigurationException("<clientAuth>private_key_jwt</clientAuth> needs <keyStore>, a PKCS12 or "
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
        return new KeyStoreRequest(p.path(Parameter.KEY_STORE),
                StoreType.of(p.path(Parameter.KEY_STORE), p.written(Parameter.KEY_STORE_TYPE)),
                p.written(Parameter.KEY_ALIAS), serverId, algorithm == null ? null : SigningAlgorithm.parse(algorithm),
                p.written(Parameter.KEY_ID));
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
        if (auth != null && !auth.needsSecret()) {
            used.add("<clientAuth> " + p.written(Parameter.CLIENT_AUTH));
        }
        if (grant != Grant.CLIENT_CREDENTIALS) {
            used.add("<grant> " + grant.id());
        }
        used.addAll(written(p, OAUTH2_ONLY));
        used.addAll(written(p, KEY_PARAMETERS));
        return used;
    }

    /** The elements of those parameters the user wrote, in the given order. */
    private static List<String> written(Parameters p, List<Parameter> parameters) {
        return parameters.stream().filter(p::isWritten).map(Parameter::element).toList();
    }
}
