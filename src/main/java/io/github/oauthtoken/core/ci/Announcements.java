package io.github.oauthtoken.core.ci;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the build has already told the CI system. Masking a token, exporting it under a name and warning that it
 * cannot be masked each need to happen once per build, not once per module that shares the token.
 */
public final class Announcements {
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    /** @return true the first time, when the caller should make the announcement */
    public boolean first(String announcement) {
        return made.add(announcement);
    }
}
