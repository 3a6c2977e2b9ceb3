package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.jwt.ClientAssertions;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.text.ServerText;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CI identity token of one execution: used as the client's assertion, the {@code assertion} of the JWT bearer
 * grant or the {@code subject_token} of a token exchange. Every token it obtains goes to {@code issued} first (to be
 * registered for redaction and masked in CI) and is checked to be a JWT of visible ASCII, since it travels in form
 * bodies and masking commands. A token is handed out once: servers may refuse a {@code jti} they have seen, and a CI
 * endpoint gives a new one for each request; a variable or file is read again.
 */
public final class IdentityToken implements ClientAssertions {
    private final IdentityTokenSource source;
    private final Consumer<Secret> issued;
    private final Map<String, IdentityClaims> knownIdentities;
    /** Obtained to learn the identity and not sent yet: the first request takes it instead of asking again. */
    private Secret unused;
    private IdentityClaims claims;

    /**
     * @param knownIdentities the build's identities by {@link IdentityTokenSource#memoryKey()}, shared by executions
     */
    public IdentityToken(IdentityTokenSource source, Consumer<Secret> issued, Map<String, IdentityClaims> knownIdentities) {
        this.source = source;
        this.issued = issued;
        this.knownIdentities = knownIdentities;
    }

    /** Whom the tokens identify: learnt from the first token of the build (obtaining one if need be). */
    public synchronized IdentityClaims identity() throws TokenException {
        if (claims == null) {
            IdentityClaims known = knownIdentities.get(source.memoryKey());
            if (known != null) {
                claims = known;
            } else {
                unused = obtain();
            }
        }
        return claims;
    }

    /** The identity, once {@link #identity()} has learnt it; for the cache key, which cannot fail. */
    public synchronized IdentityClaims knownIdentity() {
        if (claims == null) {
            throw new IllegalStateException("identity() must have been called first");
        }
        return claims;
    }

    /** A token for one request. */
    public synchronized Secret next() throws TokenException {
        if (unused != null) {
            Secret token = unused;
            unused = null;
            return token;
        }
        return obtain();
    }

    @Override
    public Secret next(String audience) throws TokenException {
        return next();
    }

    @Override
    public String origin() {
        return source.describe();
    }

    @Override
    public String refusalAdvice() {
        return "the server did not accept " + source.describe() + (claims == null ? "" : " (" + claims.describe()
                + ")") + ". Check that the server trusts this issuer and has a federated "
                + "credential or identity provider for exactly this subject and audience, that the audience the token "
                + "was issued for is the one the server expects, and that the token has not expired.";
    }

    private Secret obtain() throws TokenException {
        Secret token = source.obtain();
        issued.accept(token);
        if (!token.reveal().chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new TokenException(source.describe() + " holds characters other than visible ASCII (whitespace, "
                    + "control or non-ASCII characters), so it is no JWT and cannot be sent safely.");
        }
        IdentityClaims read = IdentityClaims.of(token.reveal()).orElseThrow(() -> new TokenException(
                source.describe() + " is not a JWT (three base64url parts with JSON claims), so no server would "
                        + "accept it. Check that it holds the identity token itself (on GitLab, the variable named in "
                        + "the job's id_tokens)."));
        if (claims == null) {
            claims = read;
            knownIdentities.putIfAbsent(source.memoryKey(), read);
        }
        return token;
    }

    @Override
    public String toString() {
        return "IdentityToken[" + ServerText.neutralise(source.describe()) + "]";
    }
}
