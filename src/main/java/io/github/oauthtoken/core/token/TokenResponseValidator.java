package io.github.oauthtoken.core.token;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.text.ServerText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a 200 token response against RFC 6749 section 5.1 and turns it into an {@link AccessToken}. Every check
 * fails with a message that says which member was wrong and how, never with the member's value when it could be
 * a token.
 */
public final class TokenResponseValidator {
    /** Longer lifetimes are treated as a server bug (a value in milliseconds, say) rather than trusted. */
    static final long MAX_EXPIRES_IN_SECONDS = Duration.ofDays(3653).toSeconds();

    private final Redactor redactor;
    private final BuildLog log;

    public TokenResponseValidator(Redactor redactor, BuildLog log) {
        this.redactor = redactor;
        this.log = log;
    }

    /**
     * @param reply            a response with status 200
     * @param defaultExpiresIn used when the server sent no {@code expires_in} and the token is not a JWT with {@code exp}
     * @param sentAt           when the request was sent; expiry is counted from it (the server issued the token later)
     */
    public TokenResponse validate(HttpReply reply, Optional<Duration> defaultExpiresIn, Instant sentAt)
            throws TokenException {
        String where = "The token response from " + reply.call().describe();
        Map<String, Object> json = reply.jsonObject().orElseThrow(() -> new TokenException(where
                + " is not a JSON object (HTTP " + reply.status() + ", Content-Type '"
                + ServerText.neutralise(reply.contentType()) + "', " + reply.excerpt()
                + "). Check that the token URL points at the OAuth token endpoint."));

        Object rawToken = json.get("access_token");
        if (!(rawToken instanceof String tokenText) || tokenText.isEmpty()) {
            throw new TokenException(where + " has no access_token" + (rawToken == null ? "" : " string")
                    + " (members present: [" + ServerText.neutralise(String.join(", ", json.keySet())) + "]).");
        }
        // Register at once: every message from here on could otherwise quote it. A blank one is rejected below and
        // registering it would mask every run of spaces in later log lines.
        Secret token = Secret.of(tokenText);
        if (!tokenText.isBlank()) {
            redactor.register(token);
        }
        // RFC 6749 appendix A.12 allows visible ASCII only, and the token goes verbatim into the Authorization header
        // and the CI's commands (::add-mask::, ##vso[task.setsecret]), where it cannot be neutralised like other
        // server text: a NEL or U+2028 there could end the command's line.
        if (!tokenText.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new TokenException(where + " has an access_token with characters other than visible ASCII "
                    + "(whitespace, control or non-ASCII characters), which RFC 6749 does not allow; it cannot be sent "
                    + "in an Authorization header or handed to the CI safely.");
        }

        Object rawType = json.get("token_type");
        if (!(rawType instanceof String type) || !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new TokenException(where + " has token_type "
                    + (rawType == null ? "missing" : "'" + ServerText.neutralise(String.valueOf(rawType)) + "'")
                    + ", but the plugin only hands on bearer tokens (RFC 6750).");
        }

        long expiresIn;
        String source;
        Object rawExpiresIn = json.get("expires_in");
        if (rawExpiresIn != null) {
            expiresIn = parseExpiresIn(rawExpiresIn, where);
            source = "expires_in";
        } else {
            Optional<Long> fromJwt = secondsUntilJwtExpiry(tokenText, sentAt);
            if (fromJwt.isPresent()) {
                expiresIn = fromJwt.get();
                if (expiresIn <= 0) {
                    throw new TokenException(where + " has no expires_in, and the token's JWT exp claim lies "
                            + -expiresIn + " s in the past: the token is already expired. Check the server's clock "
                            + "and token lifetime settings.");
                }
                if (expiresIn > MAX_EXPIRES_IN_SECONDS) {
                    throw new TokenException(where + " has no expires_in, and the token's JWT exp claim lies more than "
                            + "10 years ahead, which no real token lives; the server is likely writing exp in milliseconds.");
                }
                source = "jwt exp";
                log.debug("The token response has no expires_in; using the token's JWT exp claim (" + expiresIn + " s).");
            } else if (defaultExpiresIn.isPresent()) {
                expiresIn = defaultExpiresIn.get().toSeconds();
                source = "defaultExpiresIn";
                log.debug("The token response has no expires_in and the token is not a JWT; using defaultExpiresIn ("
                        + expiresIn + " s).");
            } else {
                throw new TokenException(where + " has no expires_in and the token is not a JWT with an exp claim, so "
                        + "its lifetime is unknown. Set <defaultExpiresIn> (for example PT1H) to the lifetime your "
                        + "server gives its tokens.");
            }
        }

        Optional<String> scope = json.get("scope") instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
        // Whole seconds, rounded down, so the published instant is never later than the real expiry.
        Instant expiresAt = sentAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(expiresIn);
        AccessToken accessToken = new AccessToken(token, type, expiresIn, expiresAt, scope, source);
        return new TokenResponse(accessToken, json);
    }

    private long parseExpiresIn(Object raw, String where) throws TokenException {
        BigDecimal value;
        if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger) {
            value = new BigDecimal(raw.toString());
        } else if (raw instanceof Number number && Double.isFinite(number.doubleValue())) {
            // A JSON number beyond double range (1e400) parses as Infinity, which BigDecimal cannot take.
            value = new BigDecimal(number.toString());
        } else if (raw instanceof String text && text.trim().matches("[+-]?\\d+(\\.\\d+)?")) {
            value = new BigDecimal(text.trim());
            log.debug("The token response gives expires_in as a string (\"" + ServerText.neutralise(text)
                    + "\"); RFC 6749 asks for a number, accepted anyway.");
        } else {
            throw new TokenException(where + " has expires_in " + describe(raw) + ", which is not a number of seconds.");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw new TokenException(where + " has a fractional expires_in (" + value.toPlainString()
                    + "); it must be a whole number of seconds.");
        }
        if (value.signum() <= 0) {
            throw new TokenException(where + " has expires_in " + value.toPlainString()
                    + ": the token is already expired. Check the server's token lifetime settings.");
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_EXPIRES_IN_SECONDS)) > 0) {
            throw new TokenException(where + " has expires_in " + value.toPlainString() + " s, more than 10 years, "
                    + "which no real token lives; the server is likely sending milliseconds or a timestamp.");
        }
        return value.longValueExact();
    }

    private static String describe(Object raw) {
        if (raw instanceof String s) {
            return "\"" + ServerText.neutralise(s, 20) + "\"";
        }
        return raw instanceof Map || raw instanceof java.util.List ? raw.getClass().getSimpleName() : String.valueOf(raw);
    }

    private static Optional<Long> secondsUntilJwtExpiry(String token, Instant now) {
        return JwtClaims.parse(token)
                .map(claims -> claims.get("exp"))
                .filter(Number.class::isInstance)
                // Clamped, so that an absurd exp (beyond long, or a double out of range) cannot wrap around.
                .map(exp -> (long) Math.max(-1e15, Math.min(1e15, ((Number) exp).doubleValue())) - now.getEpochSecond());
    }
}
