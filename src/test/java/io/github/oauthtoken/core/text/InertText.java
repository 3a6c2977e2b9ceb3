package io.github.oauthtoken.core.text;

import static org.assertj.core.api.Assertions.assertThat;

/** What a CI runner would act on in a log line, checked independently of {@link ServerText}'s implementation. */
public final class InertText {
    /**
     * Issue 10's example, escaped for a JSON string: Azure runs ##vso[ anywhere in a line, GitHub ::cmd:: at a line
     * start, and the newlines would start new lines.
     */
    public static final String HOSTILE_IN_JSON =
            "bad\\n::stop-commands::x\\n##vso[task.setvariable variable=MAVEN_OPTS]-Devil";
    /** What must still be readable of it, once neutralised. */
    public static final String[] HOSTILE_WORDS = {"bad ::stop-commands::x", "vso[task.setvariable variable=MAVEN_OPTS]-Devil"};

    private InertText() {}

    /**
     * No line break of any kind, no control, format or other invisible code point, no {@code ##vso[} or {@code ##[},
     * no {@code ::} at the start once the runner has trimmed its whitespace.
     */
    public static void assertInert(String text) {
        assertThat(text).doesNotContain("\r", "\n", "\u000B", "\u000C", "\u0085", "\u2028", "\u2029", "\u001B");
        text.codePoints().forEach(c -> assertThat(Character.getType(c))
                .as("type of U+%04X in %s", c, text)
                .isNotIn((int) Character.CONTROL, (int) Character.FORMAT, (int) Character.LINE_SEPARATOR,
                        (int) Character.PARAGRAPH_SEPARATOR, (int) Character.SURROGATE, (int) Character.UNASSIGNED));
        assertThat(text).doesNotContainIgnoringCase("##vso[").doesNotContain("##[");
        assertThat(text.replaceFirst("^[\\s\\p{Z}\\u0085]+", "")).doesNotStartWith("::");
    }
}
