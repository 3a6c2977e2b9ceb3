package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.TestJwts;
import io.github.oauthtoken.core.text.InertText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpReplyTest {
    private static final String TOKEN = "tok-SECRET-5f2c9e";

    private static HttpReply reply(int status, String body) {
        return new HttpReply(HttpCall.get("token request", URI.create("https://x/token")), status, "text/html",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void theExcerptIsTheNeutralisedStartOfTheBody() {
        String html = "<html>\n<body><h1>Proxy error</h1>\n##vso[task.complete]" + "x".repeat(500) + "</body></html>";

        String excerpt = reply(502, html).excerpt();

        assertThat(excerpt).startsWith("body starts: <html> <body><h1>Proxy error</h1> # #vso[task.complete]xxx")
                .hasSize("body starts: ".length() + 201).endsWith("x…");
        InertText.assertInert(excerpt);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\n\r\n"})
    void aBlankBodyIsSaidToBeEmpty(String body) {
        assertThat(reply(200, body).excerpt()).isEqualTo("empty body");
    }

    /** A 200 that is not a JSON object may still carry the token, which nothing has registered for redaction yet. */
    @ParameterizedTest
    @ValueSource(strings = {
            "access_token=" + TOKEN + "&scope=repo&token_type=bearer",
            "[{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\"}]",
            "{\"access_token\": \"" + TOKEN + "\", \"token_type\":\"bearer\",}",
            "callback({'accessToken':'" + TOKEN + "'})",
            "{\"refresh_token\":\"" + TOKEN + "\"",
            "\"" + TOKEN + "\"",
            "[\"" + TOKEN + "\"]",
            "<html>Your token is " + TOKEN + ".</html>",
            TOKEN,
            "  " + TOKEN + "\n"})
    void anythingThatLooksLikeATokenIsMasked(String body) {
        String excerpt = reply(200, body).excerpt();

        assertThat(excerpt).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 8)).contains("****");
    }

    @Test
    void aJwtIsMaskedWhereverItStands() {
        String jwt = TestJwts.unsigned("{\"sub\":\"ci\",\"exp\":1999999999}") + "c2lnbmF0dXJl";

        String excerpt = reply(200, "<p>your id is " + jwt + " ok</p>").excerpt();

        assertThat(excerpt).isEqualTo("body starts: <p>your id is **** ok</p>");
    }

    @Test
    void anErrorPageKeepsItsRequestIdsSinceNoTokenComesWithAnError() {
        assertThat(reply(502, "<html>upstream failed, request id 4f7a9c2e1b3d5f60a8c4</html>").excerpt())
                .isEqualTo("body starts: <html>upstream failed, request id 4f7a9c2e1b3d5f60a8c4</html>");
        assertThat(reply(200, "<html>upstream failed, request id 4f7a9c2e1b3d5f60a8c4</html>").excerpt())
                .isEqualTo("body starts: <html>upstream failed, request id ****</html>");
        assertThat(reply(401, "{\"error\":\"invalid_token\",\"access_token\":\"" + TOKEN + "\"}").excerpt())
                .doesNotContain(TOKEN);
    }

    @Test
    void ordinaryWordsAndOtherMembersStay() {
        assertThat(reply(200, "{\"token_type\":\"bearer\",\"expires_in\":3600} trailing").excerpt())
                .isEqualTo("body starts: {\"token_type\":\"bearer\",\"expires_in\":3600} trailing");
        assertThat(reply(200, "Forbidden").excerpt()).isEqualTo("body starts: Forbidden");
        assertThat(reply(200, "<html>Access denied by policy 42</html>").excerpt())
                .isEqualTo("body starts: <html>Access denied by policy 42</html>");
    }
}
