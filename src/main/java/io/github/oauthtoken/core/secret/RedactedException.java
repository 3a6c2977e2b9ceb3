package io.github.oauthtoken.core.secret;

import io.github.oauthtoken.core.text.ServerText;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A copy of an exception chain whose messages went through a {@link Redactor}, then {@link ServerText}. Maven prints
 * the whole cause chain with {@code -e} or {@code -X}, and a library exception could carry a secret in its message (an
 * HTTP failure quoting a request, say) or server text (Jetty quotes the status line of a response cut short); the
 * copy keeps the class names and stack frames that make the chain useful, without either.
 */
public final class RedactedException extends Exception {
    private static final long serialVersionUID = 1L;
    /** Library messages run long (Jetty describes its whole connection state): a trace line, not a page. */
    static final int MAX_MESSAGE_CHARS = 2000;

    private RedactedException(String message, Throwable cause) {
        super(message, cause, false, true);
    }

    public static Throwable copyOf(Throwable original, Redactor redactor) {
        return copyOf(original, redactor, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** {@code seen} ends the copy at a cause met before: Throwable allows cycles (A caused by B caused by A). */
    private static Throwable copyOf(Throwable original, Redactor redactor, Set<Throwable> seen) {
        if (original == null || !seen.add(original)) {
            return null;
        }
        Throwable cause = copyOf(original.getCause(), redactor, seen);
        String message = original.getClass().getName()
                + (original.getMessage() == null ? ""
                        : ": " + ServerText.neutralise(redactor.redact(original.getMessage()), MAX_MESSAGE_CHARS));
        RedactedException copy = new RedactedException(message, cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }
}
