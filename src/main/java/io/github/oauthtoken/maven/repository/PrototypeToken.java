package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PROTOTYPE ONLY: the STATIC value that stands in for a token fetched by the core, so that the mechanism can be
 * proven on every Maven before the core's token lifecycle is connected. It reads {@code <prototypeTokenFile>} (a
 * file holding the token, written by the IT servers with a live token) or {@code <prototypeToken>}. The lead
 * replaces this class with a call into the core (one token per distinct request, caches, refresh, revocation).
 */
final class PrototypeToken {
    static final String TOKEN = "prototypeToken";
    static final String TOKEN_FILE = "prototypeTokenFile";

    private PrototypeToken() {}

    static Secret of(TokenServerConfig server) throws ConfigurationException {
        String file = server.parameters().get(TOKEN_FILE);
        if (file != null && !file.isEmpty()) {
            try {
                String token = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
                if (token.isEmpty()) {
                    throw new ConfigurationException("settings.xml server '" + server.serverId() + "': the file "
                            + "named by <" + TOKEN_FILE + "> is empty: " + file);
                }
                return Secret.of(token);
            } catch (IOException e) {
                throw new ConfigurationException("settings.xml server '" + server.serverId() + "': the file named "
                        + "by <" + TOKEN_FILE + "> cannot be read (" + e.getClass().getSimpleName() + "): " + file);
            }
        }
        String token = server.parameters().get(TOKEN);
        if (token == null || token.isEmpty()) {
            throw new ConfigurationException("settings.xml server '" + server.serverId() + "': this prototype takes "
                    + "its token from <" + TOKEN_FILE + "> or <" + TOKEN + "> in <" + TokenServerConfig.ELEMENT
                    + ">; neither is set.");
        }
        return Secret.of(token);
    }
}
