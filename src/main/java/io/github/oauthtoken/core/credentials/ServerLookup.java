package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.TokenException;
import java.util.Optional;

/** Finds a server of Maven's settings.xml by id and decrypts its password; the Maven layer implements it. */
@FunctionalInterface
public interface ServerLookup {
    /** @return empty when no server has this id; a decryption problem is a {@link TokenException}. */
    Optional<UsernamePassword> find(String serverId) throws TokenException;

    /** Where servers are looked up, for messages (the settings files in use). */
    default String where() {
        return "settings.xml";
    }
}
