package io.github.oauthtoken.core.publish;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.OwnerOnlyFile;
import io.github.oauthtoken.core.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@code tokenFile}: where it is (absolute and normalised once, so that two executions naming the same file by
 * different paths are one file), how it is written (owner-only, 0600 on POSIX, through a temporary file moved into
 * place, so a reader never sees it empty or half written) and how it goes when its token is revoked.
 */
public final class TokenFile {
    private final Path path;

    private TokenFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /** @return null for no file */
    public static TokenFile of(Path configured) {
        return configured == null ? null : new TokenFile(configured);
    }

    public Path path() {
        return path;
    }

    /** Replaces the file's content with the token; a failure leaves the previous file as it was. */
    public void write(Secret token) throws TokenException {
        try {
            Files.createDirectories(path.getParent());
            OwnerOnlyFile.write(path, token.reveal());
        } catch (IOException e) {
            throw new TokenException("<tokenFile> " + path + " could not be written (" + e.getMessage() + ").", e);
        }
    }

    /** Deletes the file, if it is there; a failure is a warning, since its token is being revoked anyway. */
    public void delete(BuildLog log) {
        try {
            if (Files.deleteIfExists(path)) {
                log.info("Deleted the token file " + path + ".");
            }
        } catch (IOException e) {
            log.warn("The token file " + path + " could not be deleted: " + e.getMessage());
        }
    }

    /*
     * equals and hashCode written out rather than a record's: a record's generated ones bootstrap method handles on
     * first use, which costs a cold JVM about 12 ms on the path of every build (BENCHMARKS.md).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenFile that && path.equals(that.path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
