package io.github.oauthtoken.core.token;

import static io.github.oauthtoken.core.TestJwts.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.text.InertText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenResponseValidatorTest {
    /** Not on a whole second, so that truncation is visible. */
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.750Z");
    private static final String TOKEN = "tok-SECRET-5f2c9e";
    private static final String WHERE = "The token response from POST https://login.example.com/oauth/token";

    private final RecordingBuildLog log = new RecordingBuildLog();
    private final Redactor redactor = new Redactor();
    private final TokenResponseValidator validator = new TokenResponseValidator(redactor, log);

    private static HttpReply reply(String contentType, String body) {
        HttpCall call = HttpCall.postForm("token request", URI.create("https://login.example.com/oauth/token"),
                new FormBody().add("grant_type", "client_credentials"));
        return new HttpReply(call, 200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static HttpReply reply(String json) {
        return reply("application/json", json);
    }

    private TokenResponse validate(String json) throws TokenException {
        return validator.validate(reply(json), Optional.empty(), NOW);
    }

    private static String body(String tokenJson, String rest) {
        return "{\"access_token\":" + tokenJson + (rest.isEmpty() ? "" : "," + rest) + "}";
    }

    // --- the body -------------------------------------------------------------------------------------------

    @Test
    void aRfc6749ResponseBecomesAnAccessToken() throws TokenException {
        TokenResponse response = validate(body("\"" + TOKEN + "\"",
                "\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"a b\",\"refresh_token\":\"r\""));

        AccessToken token = response.token();
        assertThat(token.value().reveal()).isEqualTo(TOKEN);
        assertThat(token.type()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(3600);
        assertThat(token.expiresInSource()).isEqualTo("expires_in");
        assertThat(token.scope()).contains("a b");
        assertThat(token.fingerprint()).isEqualTo(Fingerprint.of(TOKEN));
        // The whole object stays available for provider-specific members.
        assertThat(response.json()).containsEntry("refresh_token", "r");
        assertThat(response.toString()).isEqualTo("TokenResponse[fingerprint " + Fingerprint.of(TOKEN) + "]");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void expiryIsCountedFromArrivalTruncatedToWholeSeconds() throws TokenException {
        AccessToken token = validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":3600")).token();

        // 10:00:00.750 truncated to 10:00:00, plus 3600 s; never later than the real expiry.
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"access_token\":\"tok-SECRET-5f2c9e\"}]", "\"tok-SECRET-5f2c9e\"", "42", "null"})
    void aBodyThatIsNotAJsonObjectIsRejectedWithItsStartButNeverTheToken(String bodyText) {
        assertThatThrownBy(() -> validate(bodyText))
                .isInstanceOf(TokenException.class)
                .hasMessageStartingWith(WHERE + " is not a JSON object (HTTP 200, Content-Type 'application/json', body "
                        + "starts: ")
                .hasMessageEndingWith("). Check that the token URL points at the OAuth token endpoint.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("tok-SECRET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyBodyIsRejectedAsSuch(String bodyText) {
        assertThatThrownBy(() -> validate(bodyText))
                .hasMessage(WHERE + " is not a JSON object (HTTP 200, Content-Type 'application/json', empty body). "
                        + "Check that the token URL points at the OAuth token endpoint.");
    }

    @Test
    void aFormEncodedOrHtmlAnswerIsRejectedWithItsStartAndTheTokenMasked() {
        assertThatThrownBy(() -> validator.validate(reply("application/x-www-form-urlencoded",
                "access_token=" + TOKEN + "&token_type=bearer"), Optional.empty(), NOW))
                .hasMessage(WHERE + " is not a JSON object (HTTP 200, Content-Type "
                        + "'application/x-www-form-urlencoded', body starts: access_token=****&token_type=bearer). Check "
                        + "that the token URL points at the OAuth token endpoint.");
        assertThatThrownBy(() -> validator.validate(reply("text/html", "<html>login</html>"), Optional.empty(), NOW))
                .hasMessageContaining("Content-Type 'text/html', body starts: <html>login</html>)");
    }

    // --- access_token ---------------------------------------------------------------------------------------

    @Test
    void aMissingAccessTokenListsTheMembersThatArePresent() {
        assertThatThrownBy(() -> validate("{\"token_type\":\"bearer\",\"expires_in\":60,\"id_token\":\"x.y.z\"}"))
                .hasMessage(WHERE + " has no access_token (members present: [token_type, expires_in, id_token]).");
        assertThatThrownBy(() -> validate(body("null", "\"token_type\":\"bearer\"")))
                .hasMessage(WHERE + " has no access_token (members present: [access_token, token_type]).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "12345", "true", "{\"value\":\"tok-SECRET-5f2c9e\"}", "[\"tok-SECRET-5f2c9e\"]"})
    void anEmptyOrNonStringAccessTokenIsRejected(String tokenJson) {
        assertThatThrownBy(() -> validate(body(tokenJson, "\"token_type\":\"bearer\",\"expires_in\":60")))
                .hasMessage(WHERE + " has no access_token string (members present: [access_token, token_type, expires_in]).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok-SECRET 5f2c9e", "tok-SECRET\\t5f2c9e", "tok-SECRET\\n5f2c9e", "tok-SECRET\\r\\n",
            "tok-SECRET\\u00005f2c9e", "tok-SECRET\\u00015f2c9e", "tok-SECRET\\u007f5f2c9e", "      ",
            // The token goes verbatim into CI commands (::add-mask::, ##vso[task.setsecret]), so only what RFC 6749
            // allows: no C1 control (NEL), no Unicode line separator, no bidi override, no non-ASCII at all.
            "tok-SECRET\\u00855f2c9e", "tok-SECRET\\u20285f2c9e", "tok-SECRET\\u202e5f2c9e", "tok-SECRET\\u00a05f2c9e",
            "tok-SECRET-\\u00e9t\\u00e9", "tok-SECRET-\\ud83d\\ude00"})
    void anAccessTokenWithWhitespaceControlOrNonAsciiCharactersIsRejected(String tokenInJson) {
        assertThatThrownBy(() -> validate(body("\"" + tokenInJson + "\"", "\"token_type\":\"bearer\",\"expires_in\":60")))
                .hasMessage(WHERE + " has an access_token with characters other than visible ASCII (whitespace, "
                        + "control or non-ASCII characters), which RFC 6749 does not allow; it cannot be sent in an "
                        + "Authorization header or handed to the CI safely.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~",
            "123456789|AbCdEf-_.~+/=", "quote\"and\\backslash"})
    void everyVisibleAsciiCharacterIsAllowedInAnAccessToken(String token) throws TokenException {
        String json = "{\"access_token\":\"" + token.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"token_type\":\"bearer\",\"expires_in\":60}";

        assertThat(validate(json).token().value().reveal()).isEqualTo(token);
    }

    @Test
    void aBlankAccessTokenIsNotRegisteredSoSpacesInLaterLinesSurvive() {
        assertThatThrownBy(() -> validate(body("\"      \"", "\"token_type\":\"bearer\",\"expires_in\":60")))
                .isInstanceOf(TokenException.class);

        assertThat(redactor.redact("a      b")).isEqualTo("a      b");
    }

    // --- token_type -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "Bearer", "BEARER", "bEaReR"})
    void tokenTypeBearerIsCaseInsensitiveAndKeptAsSpelled(String type) throws TokenException {
        AccessToken token = validate(body("\"" + TOKEN + "\"", "\"token_type\":\"" + type + "\",\"expires_in\":60")).token();

        assertThat(token.type()).isEqualTo(type);
    }

    @Test
    void tokenTypesOtherThanBearerAreRejected() {
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"mac\",\"expires_in\":60")))
                .hasMessage(WHERE + " has token_type 'mac', but the plugin only hands on bearer tokens (RFC 6750).");
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"DPoP\",\"expires_in\":60")))
                .hasMessage(WHERE + " has token_type 'DPoP', but the plugin only hands on bearer tokens (RFC 6750).");
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"expires_in\":60")))
                .hasMessage(WHERE + " has token_type missing, but the plugin only hands on bearer tokens (RFC 6750).");
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":1,\"expires_in\":60")))
                .hasMessage(WHERE + " has token_type '1', but the plugin only hands on bearer tokens (RFC 6750).");
    }

    // --- expires_in -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"1", "3600", "86399", "3600.0", "1E3"})
    void aWholeNumberOfSecondsIsAcceptedWithoutAnyLogLine(String expiresIn) throws TokenException {
        AccessToken token = validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":" + expiresIn)).token();

        assertThat(token.expiresIn()).isEqualTo(new java.math.BigDecimal(expiresIn).longValueExact());
        assertThat(token.expiresInSource()).isEqualTo("expires_in");
        assertThat(log.lines()).isEmpty();
    }

    @Test
    void aNumericStringIsAcceptedWithADebugNote() throws TokenException {
        AccessToken token = validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":\" 7200 \"")).token();

        assertThat(token.expiresIn()).isEqualTo(7200);
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(log.lines()).containsExactly("DEBUG The token response gives expires_in as a string (\" 7200 \"); "
                + "RFC 6749 asks for a number, accepted anyway.");
    }

    @Test
    void theLongestAcceptedLifetimeIsTenYears() throws TokenException {
        long max = Duration.ofDays(3653).toSeconds();

        assertThat(validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":" + max)).token().expiresIn())
                .isEqualTo(max);
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":" + (max + 1))))
                .hasMessage(WHERE + " has expires_in " + (max + 1) + " s, more than 10 years, which no real token lives; "
                        + "the server is likely sending milliseconds or a timestamp.");
    }

    static Stream<Arguments> badExpiresIn() {
        return Stream.of(
                Arguments.of("0", " has expires_in 0: the token is already expired. Check the server's token lifetime settings."),
                Arguments.of("-5", " has expires_in -5: the token is already expired. Check the server's token lifetime settings."),
                Arguments.of("\"-5\"", " has expires_in -5: the token is already expired. Check the server's token lifetime settings."),
                Arguments.of("1.5", " has a fractional expires_in (1.5); it must be a whole number of seconds."),
                Arguments.of("\"1.5\"", " has a fractional expires_in (1.5); it must be a whole number of seconds."),
                Arguments.of("\"abc\"", " has expires_in \"abc\", which is not a number of seconds."),
                Arguments.of("\"\"", " has expires_in \"\", which is not a number of seconds."),
                Arguments.of("\"3600 seconds and then some\"",
                        " has expires_in \"3600 seconds and the…\", which is not a number of seconds."),
                Arguments.of("true", " has expires_in true, which is not a number of seconds."),
                Arguments.of("1e400", " has expires_in Infinity, which is not a number of seconds."),
                Arguments.of("-1e400", " has expires_in -Infinity, which is not a number of seconds."),
                Arguments.of("1000000000000", " has expires_in 1000000000000 s, more than 10 years, which no real token "
                        + "lives; the server is likely sending milliseconds or a timestamp."),
                Arguments.of("100000000000000000000", " has expires_in 100000000000000000000 s, more than 10 years, which "
                        + "no real token lives; the server is likely sending milliseconds or a timestamp."));
    }

    @ParameterizedTest
    @MethodSource("badExpiresIn")
    void badExpiresInIsRejectedWithAClearMessage(String expiresIn, String problem) {
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":" + expiresIn)))
                .isInstanceOf(TokenException.class)
                .hasMessage(WHERE + problem);
    }

    @Test
    void anObjectOrArrayExpiresInIsNamedByItsKindNotPrinted() {
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":{\"s\":60}")))
                .hasMessageEndingWith(", which is not a number of seconds.")
                .message().doesNotContain("\"s\"");
    }

    // --- no expires_in --------------------------------------------------------------------------------------

    @Test
    void withoutExpiresInTheJwtExpClaimGivesTheLifetime() throws TokenException {
        long exp = NOW.getEpochSecond() + 900;
        String jwt = unsigned("{\"sub\":\"x\",\"exp\":" + exp + "}");

        AccessToken token = validate(body("\"" + jwt + "\"", "\"token_type\":\"bearer\"")).token();

        assertThat(token.expiresIn()).isEqualTo(900);
        assertThat(token.expiresInSource()).isEqualTo("jwt exp");
        assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(exp));
        assertThat(log.lines()).containsExactly(
                "DEBUG The token response has no expires_in; using the token's JWT exp claim (900 s).");
    }

    @Test
    void expiresInWinsOverTheJwtExpClaim() throws TokenException {
        String jwt = unsigned("{\"exp\":" + (NOW.getEpochSecond() + 900) + "}");

        AccessToken token = validate(body("\"" + jwt + "\"", "\"token_type\":\"bearer\",\"expires_in\":60")).token();

        assertThat(token.expiresIn()).isEqualTo(60);
        assertThat(token.expiresInSource()).isEqualTo("expires_in");
    }

    @Test
    void anExpiredJwtIsRejectedSayingHowLongAgo() {
        String expired = unsigned("{\"exp\":" + (NOW.getEpochSecond() - 60) + "}");
        String expiringNow = unsigned("{\"exp\":" + NOW.getEpochSecond() + "}");

        assertThatThrownBy(() -> validate(body("\"" + expired + "\"", "\"token_type\":\"bearer\"")))
                .hasMessage(WHERE + " has no expires_in, and the token's JWT exp claim lies 60 s in the past: the token is "
                        + "already expired. Check the server's clock and token lifetime settings.");
        assertThatThrownBy(() -> validate(body("\"" + expiringNow + "\"", "\"token_type\":\"bearer\"")))
                .hasMessageContaining("lies 0 s in the past");
    }

    @Test
    void aJwtExpClaimThatIsAnEpochTimeInSecondsIsUsedUpToTenYearsAhead() throws TokenException {
        long max = Duration.ofDays(3653).toSeconds();
        String jwt = unsigned("{\"exp\":" + (NOW.getEpochSecond() + max) + "}");

        assertThat(validate(body("\"" + jwt + "\"", "\"token_type\":\"bearer\"")).token().expiresIn()).isEqualTo(max);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1795600800000", // epoch milliseconds instead of seconds
            "9000000000000000000", // near Long.MAX_VALUE: expiresAt would lie beyond Instant.MAX
            "10000000000000000000", // beyond long: must not wrap around into the past
            "1e300"})
    void aJwtExpClaimMoreThanTenYearsAheadIsRejectedLikeExpiresIn(String exp) {
        String jwt = unsigned("{\"exp\":" + exp + "}");

        assertThatThrownBy(() -> validate(body("\"" + jwt + "\"", "\"token_type\":\"bearer\"")))
                .isInstanceOf(TokenException.class)
                .hasMessage(WHERE + " has no expires_in, and the token's JWT exp claim lies more than 10 years ahead, "
                        + "which no real token lives; the server is likely writing exp in milliseconds.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"opaque-token-value", "a.b", "not.a-jwt.at-all"})
    void aNonJwtWithoutExpiresInFailsUnlessDefaultExpiresInIsSet(String opaque) throws TokenException {
        String json = body("\"" + opaque + "\"", "\"token_type\":\"bearer\"");

        assertThatThrownBy(() -> validate(json))
                .hasMessage(WHERE + " has no expires_in and the token is not a JWT with an exp claim, so its lifetime is "
                        + "unknown. Set <defaultExpiresIn> (for example PT1H) to the lifetime your server gives its tokens.");

        AccessToken token = validator.validate(reply(json), Optional.of(Duration.ofMinutes(30)), NOW).token();
        assertThat(token.expiresIn()).isEqualTo(1800);
        assertThat(token.expiresInSource()).isEqualTo("defaultExpiresIn");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-25T10:30:00Z"));
        assertThat(log.lines()).containsExactly("DEBUG The token response has no expires_in and the token is not a JWT; "
                + "using defaultExpiresIn (1800 s).");
    }

    @Test
    void aJwtWithoutANumericExpClaimCountsAsNoJwt() throws TokenException {
        for (String claims : new String[] {"{\"sub\":\"x\"}", "{\"exp\":\"1800000000\"}", "{\"exp\":null}"}) {
            String json = body("\"" + unsigned(claims) + "\"", "\"token_type\":\"bearer\"");
            assertThatThrownBy(() -> validate(json)).hasMessageContaining("Set <defaultExpiresIn>");
            assertThat(validator.validate(reply(json), Optional.of(Duration.ofHours(1)), NOW).token().expiresInSource())
                    .isEqualTo("defaultExpiresIn");
        }
    }

    // --- scope ----------------------------------------------------------------------------------------------

    @Test
    void theGrantedScopeIsKeptWhenItIsANonBlankString() throws TokenException {
        String rest = "\"token_type\":\"bearer\",\"expires_in\":60";
        assertThat(validate(body("\"" + TOKEN + "\"", rest + ",\"scope\":\"orders:read users\"")).token().scope())
                .contains("orders:read users");
        assertThat(validate(body("\"" + TOKEN + "\"", rest + ",\"scope\":\"  \"")).token().scope()).isEmpty();
        assertThat(validate(body("\"" + TOKEN + "\"", rest + ",\"scope\":[\"a\"]")).token().scope()).isEmpty();
        assertThat(validate(body("\"" + TOKEN + "\"", rest)).token().scope()).isEmpty();
    }

    // --- the token never shows ------------------------------------------------------------------------------

    static Stream<String> failingBodiesThatCarryTheToken() {
        String t = "\"" + TOKEN + "\"";
        return Stream.of(
                body(t, "\"token_type\":\"mac\",\"expires_in\":60"),
                body(t, "\"expires_in\":60"),
                body(t, "\"token_type\":\"x\",\"expires_in\":60"),
                body(t, "\"token_type\":\"bearer\",\"expires_in\":0"),
                body(t, "\"token_type\":\"bearer\",\"expires_in\":-5"),
                body(t, "\"token_type\":\"bearer\",\"expires_in\":1.5"),
                body(t, "\"token_type\":\"bearer\",\"expires_in\":\"abc\""),
                body(t, "\"token_type\":\"bearer\",\"expires_in\":1000000000000"),
                body(t, "\"token_type\":\"bearer\""),
                body("\"" + TOKEN + " x\"", "\"token_type\":\"bearer\",\"expires_in\":60"),
                body("\"" + TOKEN + "\\u0001\"", "\"token_type\":\"bearer\",\"expires_in\":60"),
                body("[" + t + "]", "\"token_type\":\"bearer\",\"expires_in\":60"),
                "[" + t + "]");
    }

    @ParameterizedTest
    @MethodSource("failingBodiesThatCarryTheToken")
    void noMessageContainsTheTokenAndTheTokenIsRegisteredBeforeAnyCheckCanFail(String json) {
        assertThatThrownBy(() -> validate(json))
                .isInstanceOf(TokenException.class)
                .message().doesNotContain(TOKEN).doesNotContain("SECRET");
    }

    @Test
    void theTokenIsRegisteredWithTheRedactorEvenWhenALaterCheckFails() {
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"mac\",\"expires_in\":60")))
                .isInstanceOf(TokenException.class);

        assertThat(redactor.redact("leaked " + TOKEN)).isEqualTo("leaked ****");
    }

    @Test
    void anExpiredJwtIsNotQuoted() {
        String jwt = unsigned("{\"sub\":\"SECRET-subject\",\"exp\":" + (NOW.getEpochSecond() - 60) + "}");

        assertThatThrownBy(() -> validate(body("\"" + jwt + "\"", "\"token_type\":\"bearer\"")))
                .message().doesNotContain(jwt).doesNotContain(jwt.split("\\.")[1]);
        assertThat(redactor.redact(jwt)).isEqualTo("****");
    }

    // --- server text in messages (issue 10) ------------------------------------------------------------------

    @Test
    void aHostileTokenTypeIsQuotedNeutralised() {
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"" + InertText.HOSTILE_IN_JSON
                + "\",\"expires_in\":60")))
                .hasMessage(WHERE + " has token_type 'bad ::stop-commands::x # #vso[task.setvariable "
                        + "variable=MAVEN_OPTS]-Devil', but the plugin only hands on bearer tokens (RFC 6750).")
                .satisfies(e -> InertText.assertInert(e.getMessage()));
    }

    @Test
    void hostileMemberNamesAreListedNeutralisedAndBounded() {
        String many = IntStream.range(0, 100).mapToObj(i -> "\"member" + i + "\":1").collect(Collectors.joining(","));
        assertThatThrownBy(() -> validate("{\"" + InertText.HOSTILE_IN_JSON + "\":1,\"token_type\":\"bearer\"}"))
                .hasMessage(WHERE + " has no access_token (members present: [bad ::stop-commands::x # #vso[task."
                        + "setvariable variable=MAVEN_OPTS]-Devil, token_type]).");
        assertThatThrownBy(() -> validate("{" + many + "}"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(WHERE.length() + 260).contains("member0, member1"));
    }

    @Test
    void aHostileContentTypeIsQuotedNeutralised() {
        assertThatThrownBy(() -> validator.validate(reply("text/html\u2028##[group]x", "<html/>"), Optional.empty(), NOW))
                .hasMessageContaining("Content-Type 'text/html # #[group]x'")
                .satisfies(e -> InertText.assertInert(e.getMessage()));
    }

    @Test
    void aHostileExpiresInIsQuotedNeutralisedAndShort() {
        assertThatThrownBy(() -> validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":\"\\n::stop-commands::x\"")))
                .hasMessage(WHERE + " has expires_in \" : :stop-commands::x\", which is not a number of seconds.");
    }

    @Test
    void aNumericStringWithLineBreaksGivesADebugLineThatStaysOneLine() throws TokenException {
        validate(body("\"" + TOKEN + "\"", "\"token_type\":\"bearer\",\"expires_in\":\"\\n7200\\r\\n\""));

        assertThat(log.at("DEBUG")).singleElement().asString()
                .isEqualTo("The token response gives expires_in as a string (\" 7200 \"); RFC 6749 asks for a number, "
                        + "accepted anyway.");
    }
}
