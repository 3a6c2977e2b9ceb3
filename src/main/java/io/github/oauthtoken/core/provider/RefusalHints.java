package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.identity.IdentityToken;
import java.util.Optional;

/**
 * What to check when provider oauth2 refuses a request made without a stored secret: the server's own error code
 * and description (Entra ID puts its {@code AADSTS} number at the start of the description) decide the advice.
 */
final class RefusalHints {
    private final Credentials credentials;
    private final Grant grant;
    private final String grantName;

    RefusalHints(Credentials credentials, Grant grant, String grantName) {
        this.credentials = credentials;
        this.grant = grant;
        this.grantName = grantName;
    }

    Optional<String> apply(String code, Optional<String> description) {
        ClientCredentials client = credentials.client();
        Optional<IdentityToken> identity = credentials.identity();
        String said = description.orElse("");
        if (said.contains("AADSTS70021")) {
            return Optional.of("Entra ID found no federated credential on the application that matches the identity "
                    + "token" + identity.map(t -> " (" + t.knownIdentity().describe() + ")").orElse("") + ". Add one "
                    + "with exactly this issuer, subject and audience (the audience is api://AzureADTokenExchange "
                    + "unless the credential names another; on GitHub Actions set <identityAudience> to it).");
        }
        if (said.contains("AADSTS700016")) {
            return Optional.of("Entra ID knows no application with client id " + client.clientId() + " in this "
                    + "tenant: check <clientId> (the application's 'Application (client) ID', not its object id) and "
                    + "the tenant in <tokenUrl> or <issuer>.");
        }
        switch (code) {
            case "invalid_grant" -> {
                if (grant != Grant.CLIENT_CREDENTIALS && identity.isPresent()) {
                    return Optional.of(identity.get().refusalAdvice());
                }
            }
            case "unsupported_grant_type" -> {
                if (grant == Grant.JWT_BEARER) {
                    return Optional.of("the server does not accept the JWT bearer grant (RFC 7523) at this endpoint. "
                            + "Keycloak 26 needs the preview feature jwt-authorization-grant and an identity provider "
                            + "for the CI's issuer; or use <grant>token-exchange</grant> or client_credentials.");
                }
                if (grant == Grant.TOKEN_EXCHANGE) {
                    return Optional.of("the server does not accept token exchange (RFC 8693) at this endpoint. "
                            + "Keycloak's standard token exchange takes only its own tokens; or use "
                            + "<grant>jwt-bearer</grant> or client_credentials.");
                }
            }
            default -> {
                // the general advice below
            }
        }
        return TokenEndpoint.hints(client, grantName).apply(code);
    }
}
