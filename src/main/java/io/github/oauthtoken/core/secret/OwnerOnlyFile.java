package io.github.oauthtoken.core.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file that holds a secret: created owner-only (0600 on POSIX) from its first byte, as a temporary file in
 * the same directory moved into place, so no reader ever sees it half written or with wider permissions.
 */
public final class OwnerOnlyFile {
    public static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    public static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFile() {}

    /** Replaces {@code target} (whose directory must exist) with {@code content}. */
    public static void write(Path target, String content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = POSIX
                ? Files.createTempFile(directory, ".oauth-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE))
                : Files.createTempFile(directory, ".oauth-token", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                // Already moved on success; on failure nothing with the secret stays behind.
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The directory went away; the original failure, if any, is what the caller needs to see.
            }
        }
    }
}
