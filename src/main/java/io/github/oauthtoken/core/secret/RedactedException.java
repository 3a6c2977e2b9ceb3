package io.github.oauthtoken.core.secret;

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
        if (original == null) {
            return null;
        }
        Throwable cause = original.getCause() == original ? null : copyOf(original.getCause(), redactor);
        String message = original.getClass().getName()
                + (original.getMessage() == null ? "" : ": " + redactor.redact(original.getMessage()));
        RedactedException copy = new RedactedException(message, cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }
}
