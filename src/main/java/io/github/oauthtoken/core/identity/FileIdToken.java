package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An identity token in a file: a Kubernetes projected service account token, an {@code AWS_WEB_IDENTITY_TOKEN_FILE}
 * style file, Jenkins' file binding. Read at each use: such files are rotated while the job runs.
 */
public final class FileIdToken implements IdentityTokenSource {
    /** A token is a few KiB at most; a large file is the wrong file. */
    private static final long MAX_BYTES = 64 * 1024;

    private final Path file;

    public FileIdToken(Path file) {
        this.file = file;
    }

    @Override
    public Secret obtain() throws TokenException {
        String where = "<identityTokenFile> " + file.toAbsolutePath();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new TokenException(where + " is larger than 64 KiB, which no identity token is; check the path.");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                throw new TokenException(where + " is empty; whatever writes the token has not written it yet.");
            }
            return Secret.of(text);
        } catch (NoSuchFileException e) {
            throw new TokenException(where + " does not exist. Check the path (a Kubernetes projected token is "
                    + "mounted where the pod's volume says, Jenkins writes the file withCredentials names).");
        } catch (IOException e) {
            throw new TokenException(where + " could not be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ").");
        }
    }

    @Override
    public String describe() {
        return "the identity token in file " + file.toAbsolutePath();
    }

    @Override
    public String memoryKey() {
        return "file " + file.toAbsolutePath().normalize();
    }
}
