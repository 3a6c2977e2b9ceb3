package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.jwt.ClientAssertions;
import io.github.oauthtoken.core.jwt.CompactJwt;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import io.github.oauthtoken.core.secret.Secret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code private_key_jwt} (RFC 7523 section 2.2, OpenID Connect Core section 9): a new assertion for every request,
 * signed with the client's key. Claims {@code iss} = {@code sub} = the client id, {@code aud}, {@code jti} (random),
 * {@code iat} and {@code nbf} (now) and {@code exp} (a minute later: long enough for one request, short enough that a
 * copy is soon worthless); header {@code typ JWT}, {@code x5t#S256} of the certificate, and {@code kid} only when
 * configured, because Keycloak refuses a {@code kid} that is not its own id of the client's key.
 */
public final class PrivateKeyJwt implements ClientAssertions {
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientId;
    private final ClientKey key;
    private final SigningAlgorithm algorithm;
    private final String keyId;
    private final Clock clock;
    private final Consumer<Secret> issued;

    /**
     * @param keyId  the {@code kid} header, or null for none
     * @param issued sees every assertion before it is sent (to register it for redaction and mask it in CI)
     */
    public PrivateKeyJwt(String clientId, ClientKey key, SigningAlgorithm algorithm, String keyId, Clock clock,
            Consumer<Secret> issued) {
        this.clientId = clientId;
        this.key = key;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.clock = clock;
        this.issued = issued;
    }

    @Override
    public Secret next(String audience) throws TokenException {
        long now = clock.instant().getEpochSecond();
        byte[] jti = new byte[16];
        RANDOM.nextBytes(jti);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", audience);
        claims.put("jti", CompactJwt.base64url(jti));
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        header.put("x5t#S256", key.sha256Thumbprint());
        Secret assertion = Secret.of(CompactJwt.sign(header, claims, key.privateKey(), algorithm));
        issued.accept(assertion);
        return assertion;
    }

    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public String origin() {
        return "a " + algorithm + " client assertion signed with the " + key.origin();
    }

    @Override
    public String refusalAdvice() {
        return "the server did not accept the client assertion signed with the " + key.origin() + ". Check that the "
                + "server holds this key's certificate for client " + clientId + " and allows " + algorithm
                + (keyId == null ? "" : ", that <keyId> " + keyId + " is the server's id of the key")
                + ", that it accepts the assertion's audience (set <assertionAudience> if it expects another: Entra ID "
                + "wants the token endpoint), and that this machine's clock is right (the assertion is valid for "
                + LIFETIME.toSeconds() + " s).";
    }

    @Override
    public String toString() {
        return "PrivateKeyJwt[" + clientId + ", " + key.origin() + ", " + algorithm + "]";
    }
}
