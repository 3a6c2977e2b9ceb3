package io.github.oauthtoken.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OAuthErrorResponseTest {
    private static Optional<OAuthErrorResponse> parse(String body) {
        return OAuthErrorResponse.from(new HttpReply(HttpCall.get("token request", URI.create("https://x/token")), 400,
                "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    @Test
    void rfc6749Shape() {
        assertThat(parse("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
                + "\"error_uri\":\"https://idp.example/errors/1\"}"))
                .contains(new OAuthErrorResponse("invalid_client", Optional.of("Client authentication failed")));
    }

    @Test
    void genesysShapeWithBothDescriptionMembers() {
        assertThat(parse("{\"error\":\"invalid_client\",\"description\":\"authentication failed\","
                + "\"error_description\":\"authentication failed\"}"))
                .contains(new OAuthErrorResponse("invalid_client", Optional.of("authentication failed")));
        assertThat(parse("{\"error\":\"unauthorized_client\",\"description\":\"grant not allowed\"}"))
                .contains(new OAuthErrorResponse("unauthorized_client", Optional.of("grant not allowed")));
    }

    @Test
    void cxoneCamelCaseShape() {
        assertThat(parse("{\"error\":\"invalid_grant\",\"errorDescription\":\"Invalid access key\"}"))
                .contains(new OAuthErrorResponse("invalid_grant", Optional.of("Invalid access key")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"error\":\"e\",\"error_description\":\"rfc\",\"errorDescription\":\"camel\",\"description\":\"d\",\"message\":\"m\"} | rfc",
            "{\"error\":\"e\",\"errorDescription\":\"camel\",\"description\":\"d\",\"message\":\"m\"} | camel",
            "{\"error\":\"e\",\"description\":\"d\",\"message\":\"m\"} | d",
            "{\"error\":\"e\",\"message\":\"m\"} | m",
            "{\"error\":\"e\",\"error_description\":null,\"description\":\"d\"} | d"})
    void theRfcDescriptionWinsThenCamelCaseThenDescriptionThenMessage(String body, String description) {
        assertThat(parse(body)).get().extracting(OAuthErrorResponse::description).isEqualTo(Optional.of(description));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":\"invalid_scope\"}", "{\"error\":\"invalid_scope\",\"error_description\":\"  \"}",
            "{\"error\":\"invalid_scope\",\"error_description\":42}"})
    void anErrorWithoutAUsableDescription(String body) {
        assertThat(parse(body)).contains(new OAuthErrorResponse("invalid_scope", Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html><body>Bad Request</body></html>", "", "[{\"error\":\"x\"}]", "{\"error\":42}",
            "{\"error\":null}", "{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\",\"status\":401}"})
    void anythingWithoutAStringErrorIsNotAnOAuthError(String body) {
        assertThat(parse(body)).isEmpty();
    }

    @Test
    void anEmptyErrorDescriptionDoesNotHideTheGenesysDescription() {
        assertThat(parse("{\"error\":\"invalid_client\",\"error_description\":\"\",\"description\":\"authentication failed\"}"))
                .contains(new OAuthErrorResponse("invalid_client", Optional.of("authentication failed")));
    }
}
