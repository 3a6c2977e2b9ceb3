package io.github.oauthtoken.maven.repository;

import java.util.Locale;
import java.util.Optional;

/** How a repository receives the token: {@code <sendAs>} of a server's {@code <oauthToken>}. */
enum SendAs {
    /** The token as the password of HTTP Basic, beside the server's {@code <username>} (the default). */
    BASIC,
    /** {@code Authorization: Bearer <token>}, for registries that want a bearer token. */
    BEARER;

    static Optional<SendAs> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "basic" -> Optional.of(BASIC);
            case "bearer" -> Optional.of(BEARER);
            default -> Optional.empty();
        };
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
