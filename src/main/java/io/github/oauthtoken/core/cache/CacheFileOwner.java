package io.github.oauthtoken.core.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * The owner a cache file must have to be trusted: the owner of a file this process has just created in the cache
 * directory, which is how the file system itself sees this build's user.
 *
 * <p>Owners are compared by number ({@code unix:uid}) where the file system has numbers. Names do not work
 * everywhere: a container running under a uid without a passwd entry has {@code user.name} "?" and no name to look
 * up, while its files still carry its uid. Learning the uid from a new file needs neither a name nor native code.
 */
final class CacheFileOwner {
    private static final String UID = "unix:uid";
    /** For POSIX file systems that have no "unix" view; principals from the same file system compare correctly. */
    private static final String PRINCIPAL = "posix:owner";

    private final String attribute;
    private final Object expected;

    private CacheFileOwner(String attribute, Object expected) {
        this.attribute = attribute;
        this.expected = expected;
    }

    /**
     * Learns the owner from a file created for the purpose in {@code directory}, and deleted again.
     *
     * @return empty where files have no POSIX owner (Windows: the user profile's ACLs protect the directory)
     */
    static Optional<CacheFileOwner> learn(Path directory) throws IOException {
        Set<String> views = directory.getFileSystem().supportedFileAttributeViews();
        if (!views.contains("posix")) {
            return Optional.empty();
        }
        String attribute = views.contains("unix") ? UID : PRINCIPAL;
        Path probe = Files.createTempFile(directory, ".oauth-token-owner", ".tmp");
        try {
            return Optional.of(new CacheFileOwner(attribute, Files.getAttribute(probe, attribute)));
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /** An owner known by number, for tests of files that belong to someone else. */
    static CacheFileOwner uid(int uid) {
        return new CacheFileOwner(UID, uid);
    }

    /** @return why {@code file} is not to be trusted, when its owner is someone else */
    Optional<String> foreignOwner(Path file) throws IOException {
        Object actual = Files.getAttribute(file, attribute);
        return expected.equals(actual) ? Optional.empty()
                : Optional.of("it belongs to " + describe(actual) + ", not to " + describe(expected)
                        + " (this build's user)");
    }

    private String describe(Object owner) {
        return owner instanceof UserPrincipal principal ? principal.getName() : "uid " + owner;
    }
}
