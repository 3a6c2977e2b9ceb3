package io.github.oauthtoken.core.text;

import static io.github.oauthtoken.core.text.InertText.assertInert;
import static io.github.oauthtoken.core.text.ServerText.neutralise;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerTextTest {
    /** The example of issue 10: a token endpoint that tries to write into the CI's command channel. */
    private static final String HOSTILE = "bad\n::stop-commands::x\n##vso[task.setvariable variable=MAVEN_OPTS]-Devil";

    @Test
    void theIssuesExampleStaysOnOneLineReadableAndInert() {
        String result = neutralise(HOSTILE);

        assertThat(result).isEqualTo("bad ::stop-commands::x # #vso[task.setvariable variable=MAVEN_OPTS]-Devil");
        assertInert(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_client", "Client authentication failed", "authentication failed",
            "Invalid access key", "text/html; charset=utf-8", "https://idp.example/realms/ci", "[::1]", "a::b",
            "Zugriff verweigert – Schlüssel ungültig", "認証に失敗しました", "ok 😀 done", "50% done; # of tries: 3",
            "C# ## heading", "#vso[not a command]", "## [spaced]", "non-breaking\u00A0inside"})
    void ordinaryTextIsLeftAsItIs(String text) {
        assertThat(neutralise(text)).isEqualTo(text);
        assertInert(neutralise(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n", "\u000B", "\u000C", "\u0085", "\u2028", "\u2029", "\t", "\u0000",
            "\u0007", "\u001B", "\u007F", "\u009B", "\u009F"})
    void everyLineBreakAndControlCharacterBecomesOneSpaceBetweenTheWords(String c) {
        assertThat(neutralise("first" + c + "second")).isEqualTo("first second");
        assertThat(neutralise("first" + c + c + c + "second")).isEqualTo("first second");
    }

    @Test
    void noCcCharacterSurvives() {
        String all = IntStream.concat(IntStream.rangeClosed(0, 0x1F), IntStream.rangeClosed(0x7F, 0x9F))
                .mapToObj(c -> "w" + (char) c).reduce("", String::concat) + "w";

        String result = neutralise(all, 10_000);

        assertInert(result);
        assertThat(result.replace(" ", "")).isEqualTo("w".repeat(66));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\uFEFF", "\u00AD", "\u061C", "\u180E",
            "\uDB40\uDC01", "\u034F", "\u115F", "\u1160", "\u17B4", "\u3164", "\uFE0F", "\u180B", "\uFFA0",
            "\uDB40\uDD00", "\uFFFF", "\uD800", "\uDC00"})
    void formatCharactersAndOtherInvisibleCodePointsBecomeASpace(String c) {
        assertThat(neutralise("left" + c + "right")).isEqualTo("left right");
    }

    @Test
    void ansiEscapesLoseTheirEscapeCharacter() {
        String result = neutralise("\u001B[31mred\u001B[0m \u001B]0;title\u0007");

        assertInert(result);
        assertThat(result).isEqualTo(" [31mred [0m  ]0;title ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"##vso[task.setvariable variable=X]y", "##VSO[task.setsecret]y", "##Vso[task.complete]",
            "x##vso[task.logissue]y", "###vso[task.setvariable]", "####vso[a]", "##[group]x", "##[error]x", "x ##[warning]",
            "###[section]", "##vso[##vso[##[", "#\u200B#vso[task.setvariable]", "#\n#[group]", "#\u00AD#vso[x]",
            "##\u200Bvso[x]", "##v\u200Bso[x]"})
    void azureAndGitHubBracketCommandsAreDefusedAnywhereInTheText(String text) {
        String result = neutralise(text);

        assertInert(result);
        assertThat(result.replace(" ", "")).isEqualTo(text.replaceAll("[\\s\\u200B\\u00AD]", ""));
    }

    @Test
    void theDefusedCommandStaysReadable() {
        assertThat(neutralise("##vso[task.setvariable variable=X]y")).isEqualTo("# #vso[task.setvariable variable=X]y");
        assertThat(neutralise("##[group]x")).isEqualTo("# #[group]x");
        assertThat(neutralise("###vso[x]")).isEqualTo("## #vso[x]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::stop-commands::x", "  ::add-mask::x", "\t::set-output name=a::b", "\n::error::x",
            "\u00A0::warning::x", "\u2003::notice::x", "\u3000::debug::x", "\u2028::group::x", "\u0085::endgroup::",
            ":\u200B:stop-commands::x", "\u200B::x", "\uFEFF::x", "::", ":::"})
    void textThatWouldStartAGitHubCommandDoesNot(String text) {
        String result = neutralise(text);

        assertInert(result);
        assertThat(result.replaceFirst("^[\\s\\p{Z}]+", "")).startsWith(": :");
    }

    @Test
    void aDoubleColonInsideTheTextIsKept() {
        assertThat(neutralise("see ::stop-commands::x")).isEqualTo("see ::stop-commands::x");
        assertThat(neutralise("host [::1]:8080")).isEqualTo("host [::1]:8080");
    }

    @Test
    void blanksAreKeptAsTheServerSentThem() {
        assertThat(neutralise(" 7200 ")).isEqualTo(" 7200 ");
        assertThat(neutralise(" \u00A0\u2003 words \n\u3000")).isEqualTo(" \u00A0\u2003 words  \u3000");
        assertThat(neutralise("\n\n\n")).isEqualTo(" ");
        assertThat(neutralise("")).isEmpty();
    }

    @Test
    void aDoubleColonAfterLeadingBlanksIsDefusedWhereItStands() {
        assertThat(neutralise("  ::add-mask::x")).isEqualTo("  : :add-mask::x");
        assertThat(neutralise("\n::stop-commands::x")).isEqualTo(" : :stop-commands::x");
    }

    @Test
    void nullIsSaidAsNull() {
        assertThat(neutralise(null)).isEqualTo("null");
    }

    @Test
    void textIsCutAt200CharactersWithAnEllipsis() {
        assertThat(ServerText.MAX_CHARS).isEqualTo(200);
        String exactly = "a".repeat(200);
        assertThat(neutralise(exactly)).isEqualTo(exactly);

        assertThat(neutralise("a".repeat(199) + "bc")).isEqualTo("a".repeat(199) + "b…");
        assertThat(neutralise("x".repeat(70_000))).hasSize(201).endsWith("…");
    }

    @Test
    void theCutNeverSplitsASurrogatePairAndDropsTheBlankBeforeTheEllipsis() {
        String result = neutralise("a".repeat(199) + "😀😀");

        assertThat(result).isEqualTo("a".repeat(199) + "…");
        assertThat(neutralise("a".repeat(195) + "     bcdef")).isEqualTo("a".repeat(195) + "…");
    }

    @Test
    void anotherLimitCanBeAsked() {
        assertThat(neutralise("3600 seconds and then some", 20)).isEqualTo("3600 seconds and the…");
        assertThat(neutralise("##vso[task.setvariable]", 5)).isEqualTo("# #vs…");
    }

    @Test
    void theCutComesAfterTheDefusingSoItCannotRestoreACommand() {
        String result = neutralise("a".repeat(196) + "##vso[x]");

        assertThat(result).isEqualTo("a".repeat(196) + "# #v…");
        assertInert(result);
    }

    /** Random mixtures of the dangerous pieces: whatever their order, the result is inert and bounded. */
    @Test
    void anyMixtureOfHostilePiecesComesOutInertAndBounded() {
        List<String> pieces = List.of("#", "##", "vso", "VSO", "[", "]", ":", "::", " ", "\u00A0", "\u3000", "\n", "\r",
                "\u0085", "\u2028", "\u2029", "\u200B", "\u202E", "\u2066", "\u00AD", "\uFEFF", "\u034F", "\uFE0F",
                "\u001B", "\t", "\u0000", "a", "é", "😀", "\uD800", "\uDC00", "task.setvariable", "stop-commands");
        Random random = new Random(10);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            int max = 1 + random.nextInt(60);

            String result = neutralise(text.toString(), max);

            assertInert(result);
            assertThat(result.length()).as("length of %s", result).isLessThanOrEqualTo(max + 1);
        }
    }
}
