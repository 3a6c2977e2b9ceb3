package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.secret.Secret;

/** The username and (decrypted) password of a settings.xml server; either may be missing. */
public record UsernamePassword(String username, Secret password) {}
