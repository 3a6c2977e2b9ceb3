package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.ci.CiSystem;
import io.github.oauthtoken.core.credentials.KeyStoreRequest;
import io.github.oauthtoken.core.credentials.SecretlessClient;
import io.github.oauthtoken.core.identity.IdentityRequest;
import io.github.oauthtoken.core.identity.IdentitySourceKind;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import io.github.oauthtoken.core.provider.ClientAuthentication;
import io.github.oauthtoken.core.provider.Grant;
import io.github.oauthtoken.core.provider.GrantSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
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
    static final String DEFAULT_IDENTITY_VARIABLE = "OAUTH_ID_TOKEN";
    private static final String TOKEN_TYPE_PREFIX = "urn:ietf:params:oauth:token-type:";

    /**
     * @param client   null for a client with a stored secret
     * @param identity null when no identity token is used
     */
    record Result(ClientAuthentication clientAuth, GrantSettings grant, SecretlessClient client,
            IdentityRequest identity) {}

    private SecretlessParser() {}

    static Result parse(ProviderKind kind, TokenParameters p, Function<String, String> environment, BuildLog log)
            throws TokenException {
        String clientAuthText = trimToNull(p.clientAuth());
        ClientAuthentication parsedAuth = clientAuthText == null ? null : ClientAuthentication.parse(clientAuthText);
        Grant grant = Grant.parse(p.grant());
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
        if ((trimToNull(p.subjectTokenType()) != null || trimToNull(p.requestedTokenType()) != null)
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
        if (auth == ClientAuthentication.PRIVATE_KEY_JWT) {
            key = keyStore(p);
        } else if (!keyParameters(p).isEmpty()) {
            throw new ConfigurationException(String.join(", ", keyParameters(p)) + " belong to <clientAuth>"
                    + "private_key_jwt, but <clientAuth> is " + describe(auth) + ". Set <clientAuth>private_key_jwt"
                    + "</clientAuth>, or remove them.");
        }
        String assertionAudience = trimToNull(p.assertionAudience());
        if (assertionAudience != null && auth != ClientAuthentication.PRIVATE_KEY_JWT) {
            throw new ConfigurationException("<assertionAudience> sets the audience of the client assertions the "
                    + "plugin signs, so it needs <clientAuth>private_key_jwt</clientAuth>. An identity token's audience "
                    + "is chosen when it is issued (<identityAudience> on GitHub Actions, id_tokens aud on GitLab).");
        }
        String clientId = trimToNull(p.clientId());
        if (clientId != null && auth.needsSecret()) {
            throw new ConfigurationException("<clientId> is for clients without a stored secret (private_key_jwt, an "
                    + "identity token, clientAuth none). With <clientAuth> " + describe(auth) + " the id comes with the "
                    + "secret: the <username> of the settings.xml server, or the client id variable.");
        }
        SecretlessClient client = auth.needsSecret() ? null : new SecretlessClient(clientId,
                auth != ClientAuthentication.NONE, key, auth == ClientAuthentication.IDENTITY_TOKEN_ASSERTION);
        GrantSettings settings = new GrantSettings(grant,
                grant == Grant.TOKEN_EXCHANGE ? tokenType(p.subjectTokenType(), "jwt", "subjectTokenType") : null,
                grant == Grant.TOKEN_EXCHANGE && trimToNull(p.requestedTokenType()) != null
                        ? tokenType(p.requestedTokenType(), null, "requestedTokenType") : null,
                trimToNull(p.resource()), assertionAudience);
        return new Result(auth, settings, client, identity);
    }

    private static IdentityRequest identity(TokenParameters p, Function<String, String> environment, BuildLog log)
            throws ConfigurationException {
        String source = trimToNull(p.identityToken());
        List<String> details = new ArrayList<>();
        addIfSet(details, "identityTokenVariable", p.identityTokenVariable());
        addIfSet(details, "identityTokenFile", p.identityTokenFile() == null ? null : p.identityTokenFile().toString());
        addIfSet(details, "identityAudience", p.identityAudience());
        addIfSet(details, "azureServiceConnectionId", p.azureServiceConnectionId());
        if (source == null) {
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
                default -> p.identityTokenFile() != null ? IdentitySourceKind.FILE : IdentitySourceKind.VARIABLE;
            };
            default -> throw new ConfigurationException("Unknown <identityToken> '" + source + "'. Valid values: github "
                    + "(GitHub Actions' token endpoint), azure (Azure Pipelines' token endpoint), variable (an "
                    + "environment variable: GitLab CI id_tokens, Jenkins), file (Kubernetes and other token files) "
                    + "and auto (by the CI system this build runs on).");
        };
        String serviceConnection = trimToNull(p.azureServiceConnectionId());
        if (kind == IdentitySourceKind.AZURE && serviceConnection == null) {
            throw new ConfigurationException("<identityToken> " + source + " asks Azure Pipelines for an identity "
                    + "token, which needs <azureServiceConnectionId>: the id of the service connection (with workload "
                    + "identity federation) the token is for.");
        }
        if (kind == IdentitySourceKind.FILE && p.identityTokenFile() == null) {
            throw new ConfigurationException("<identityToken> file needs <identityTokenFile>, the file that holds the "
                    + "token.");
        }
        String audience = trimToNull(p.identityAudience());
        if (audience != null && kind != IdentitySourceKind.GITHUB) {
            // Not an error: with auto, one POM serves GitHub Actions and other CI systems.
            log.info("<identityAudience> " + audience + " is not used: only GitHub Actions issues the identity token for "
                    + "an audience asked for at build time; this token's audience is set where it is issued (GitLab: "
                    + "the job's id_tokens aud; Azure Pipelines: api://AzureADTokenExchange).");
        }
        return new IdentityRequest(kind,
                trimToNull(p.identityTokenVariable()) == null ? DEFAULT_IDENTITY_VARIABLE : p.identityTokenVariable().trim(),
                p.identityTokenFile(), kind == IdentitySourceKind.GITHUB ? audience : null, serviceConnection);
    }

    private static KeyStoreRequest keyStore(TokenParameters p) throws ConfigurationException {
        if (p.keyStore() == null) {
            throw new ConfigurationException("<clientAuth>private_key_jwt</clientAuth> needs <keyStore>, a PKCS12 or "
                    + "JKS file with the client's private key and certificate, and <keyStoreServerId>, the settings.xml "
                    + "server whose <password> opens it.");
        }
        String serverId = trimToNull(p.keyStoreServerId());
        if (serverId == null) {
            throw new ConfigurationException("<keyStore> " + p.keyStore() + " needs <keyStoreServerId>: the id of the "
                    + "settings.xml server whose <password> opens the store and its key (a password is never a "
                    + "parameter, since mvn -X prints every parameter).");
        }
        String type = trimToNull(p.keyStoreType()) != null ? p.keyStoreType().trim().toUpperCase(Locale.ROOT)
                : p.keyStore().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        SigningAlgorithm algorithm = trimToNull(p.signingAlgorithm()) == null ? null
                : SigningAlgorithm.parse(p.signingAlgorithm());
        return new KeyStoreRequest(p.keyStore(), type, trimToNull(p.keyAlias()), serverId, algorithm,
                trimToNull(p.keyId()));
    }

    /** A token type URN (RFC 8693 section 3), from the short forms {@code jwt}, {@code id_token} and so on. */
    private static String tokenType(String value, String fallback, String parameter) throws ConfigurationException {
        String text = trimToNull(value) == null ? fallback : value.trim();
        if (text.startsWith("urn:")) {
            return text;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "jwt", "id_token", "access_token", "refresh_token", "saml1", "saml2" -> TOKEN_TYPE_PREFIX
                    + text.toLowerCase(Locale.ROOT);
            default -> throw new ConfigurationException("<" + parameter + "> '" + text + "' is no token type. Give a "
                    + "URN (urn:ietf:params:oauth:token-type:jwt) or one of the short forms jwt, id_token, "
                    + "access_token.");
        };
    }

    private static List<String> secretlessParameters(TokenParameters p, ClientAuthentication auth, Grant grant) {
        List<String> used = new ArrayList<>();
        if (auth != null && !auth.needsSecret()) {
            used.add("<clientAuth> " + p.clientAuth().trim());
        }
        if (grant != Grant.CLIENT_CREDENTIALS) {
            used.add("<grant> " + grant.id());
        }
        addIfSet(used, "clientId", p.clientId());
        addIfSet(used, "identityToken", p.identityToken());
        addIfSet(used, "identityTokenVariable", p.identityTokenVariable());
        addIfSet(used, "identityTokenFile", p.identityTokenFile() == null ? null : p.identityTokenFile().toString());
        addIfSet(used, "identityAudience", p.identityAudience());
        addIfSet(used, "azureServiceConnectionId", p.azureServiceConnectionId());
        addIfSet(used, "subjectTokenType", p.subjectTokenType());
        addIfSet(used, "requestedTokenType", p.requestedTokenType());
        addIfSet(used, "resource", p.resource());
        addIfSet(used, "assertionAudience", p.assertionAudience());
        used.addAll(keyParameters(p));
        return used;
    }

    private static List<String> keyParameters(TokenParameters p) {
        List<String> used = new ArrayList<>();
        addIfSet(used, "keyStore", p.keyStore() == null ? null : p.keyStore().toString());
        addIfSet(used, "keyStoreType", p.keyStoreType());
        addIfSet(used, "keyAlias", p.keyAlias());
        addIfSet(used, "keyStoreServerId", p.keyStoreServerId());
        addIfSet(used, "signingAlgorithm", p.signingAlgorithm());
        addIfSet(used, "keyId", p.keyId());
        return used;
    }

    private static void addIfSet(List<String> names, String name, String value) {
        if (trimToNull(value) != null) {
            names.add("<" + name + ">");
        }
    }

    private static String describe(ClientAuthentication auth) {
        return auth.name().toLowerCase(Locale.ROOT);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
