package io.github.oauthtoken.core.text;

import java.util.regex.Pattern;

/**
 * Text a server sent (an OAuth error and its description, a JSON member name or value, a header value, a body
 * excerpt), made fit to quote in a message. Build logs are a command channel: Azure Pipelines runs {@code ##vso[...]}
 * found anywhere in a line, GitHub Actions runs {@code ##[...]} anywhere and {@code ::name::} at the start of a line
 * (after whitespace). A server whose words could end a line in our message could forge log lines, set pipeline
 * variables or switch the runner's masking of the token off ({@code ::stop-commands::}). So every piece of server
 * text goes through {@link #neutralise} before it reaches a message:
 * <ul>
 *   <li>control characters, line and paragraph separators, format characters (bidi overrides, zero-width
 *       characters) and the other invisible code points become a space, so the text stays on our line and shows
 *       what it says;</li>
 *   <li>{@code ##vso[} and {@code ##[} get a space after the first {@code #} (any case), so no runner matches them;</li>
 *   <li>a leading {@code ::} (after blanks) becomes {@code : :}, since the text could be the start of a line;</li>
 *   <li>the result is cut to a length that cannot flood the log, marked with {@link #ELLIPSIS}.</li>
 * </ul>
 * Secrets are not this class's business: the Maven layer's {@code Redactor} masks them in every message afterwards.
 */
public final class ServerText {
    /** Enough to recognise a description or an error page, not enough to bury the rest of the message. */
    public static final int MAX_CHARS = 200;
    /** Marks text that was cut; the {@code Redactor} knows it, so a secret cut short is masked all the same. */
    public static final String ELLIPSIS = "…";

    private static final Pattern RUNNER_COMMAND = Pattern.compile("#(?=#(?:vso)?\\[)", Pattern.CASE_INSENSITIVE);

    private ServerText() {}

    /** The text, neutralised and cut to {@link #MAX_CHARS}; {@code null} becomes {@code "null"}. */
    public static String neutralise(String raw) {
        return neutralise(raw, MAX_CHARS);
    }

    /** The text, neutralised and cut to {@code maxChars} characters plus the {@link #ELLIPSIS}. */
    public static String neutralise(String raw, int maxChars) {
        String text = String.valueOf(raw);
        StringBuilder visible = new StringBuilder(Math.min(text.length(), maxChars + 16));
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isInvisible(c)) {
                if (!gap) {
                    visible.append(' ');
                }
                gap = true;
            } else {
                visible.appendCodePoint(c);
                gap = false;
            }
        }
        String result = RUNNER_COMMAND.matcher(visible).replaceAll("# ");
        int start = firstNonBlank(result);
        if (result.startsWith("::", start)) {
            result = result.substring(0, start) + ": " + result.substring(start + 1);
        }
        if (result.length() > maxChars) {
            int cut = Character.isHighSurrogate(result.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
            result = result.substring(0, cut).stripTrailing() + ELLIPSIS;
        }
        return result;
    }

    /**
     * Code points that break a line, steer a terminal or show nothing. The runners look for their prefixes with .NET's
     * culture-sensitive {@code IndexOf(string)}, which skips "ignorable" code points: {@code #}, a zero-width space and
     * {@code #vso[} match {@code ##vso[} there. Hence not just the control and format categories but every Unicode
     * default-ignorable code point, and unassigned ones, which a newer Unicode version may have made ignorable.
     */
    static boolean isInvisible(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED -> {
                return true;
            }
            default -> {
                return c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                        || (c >= 0x180B && c <= 0x180F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0
                        || (c >= 0xE0000 && c <= 0xE0FFF);
            }
        }
    }

    /** Where the GitHub runner looks for {@code ::}: its TrimStart skips every kind of blank, no-break spaces too. */
    private static int firstNonBlank(String text) {
        int start = 0;
        while (start < text.length() && isBlank(text.charAt(start))) {
            start++;
        }
        return start;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
