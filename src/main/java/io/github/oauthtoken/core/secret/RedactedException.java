package io.github.oauthtoken.core.secret;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A copy of an exception chain whose messages went through a {@link Redactor}. Maven prints the whole cause chain
 * with {@code -e} or {@code -X}, and a library exception (an HTTP failure quoting a request, say) could carry a
 * secret in its message; the copy keeps the class names and stack frames that make the chain useful, without that.
 */
public final class RedactedException extends Exception {
    private static final long serialVersionUID = 1L;

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
                + (original.getMessage() == null ? "" : ": " + redactor.redact(original.getMessage()));
        RedactedException copy = new RedactedException(message, cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }
}
