package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.Fingerprint;
import java.util.Map;
import java.util.Optional;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic with an OAuth token as the password, filled in when a transport asks for it: the resolver makes an
 * {@link AuthenticationContext} per transporter (per resolution batch, per deploy) and asks it for the user name and
 * password then, so each new connection gets the token that is valid at that moment. It is also how
 * {@link TokenTransporterFactory} recognises a repository it has already decorated.
 */
final class TokenAuthentication implements Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(TokenAuthentication.class);
    private final ServerToken server;

    TokenAuthentication(ServerToken server) {
        this.server = server;
    }

    @Override
    public void fill(AuthenticationContext context, String key, Map<String, String> data) {
        if (AuthenticationContext.USERNAME.equals(key)) {
            context.put(AuthenticationContext.USERNAME, server.username());
        } else if (AuthenticationContext.PASSWORD.equals(key)) {
            // No password when no token can be had: the repository refuses the connection, and a warning said why.
            Optional<Secret> token = server.forConnection();
            if (token.isPresent()) {
                LOG.debug("oauth-token: a new connection to repository '{}' ({}) sends the OAuth token of "
                        + "settings.xml server '{}' as the Basic password of user '{}' (fingerprint {}).",
                        context.getRepository().getId(), context.getRepository().getUrl(), server.serverId(),
                        server.username(), Fingerprint.of(token.get().reveal()));
                context.put(AuthenticationContext.PASSWORD, token.get().reveal().toCharArray());
            }
        }
    }

    /** The same for every token of the server: caches keyed by it stay valid when the token is renewed. */
    @Override
    public void digest(AuthenticationDigest digest) {
        digest.update(AuthenticationContext.USERNAME, server.username(), "oauth-token", server.serverId());
    }

    /** Maven prints it at -X ("Using transporter ... with ..."): never the token. */
    @Override
    public String toString() {
        return "username=" + server.username() + ", password=*** (OAuth token of settings.xml server '"
                + server.serverId() + "')";
    }
}
