package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.jwt.AssertionClaims;
import io.github.oauthtoken.core.jwt.AssertionThumbprint;
import io.github.oauthtoken.core.jwt.ClientAssertions;
import io.github.oauthtoken.core.jwt.CompactJwt;
import io.github.oauthtoken.core.jwt.SigningAlgorithm;
import io.github.oauthtoken.core.secret.Secret;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code private_key_jwt} (RFC 7523 section 2.2, OpenID Connect Core section 9): a new assertion for every request,
 * with the claims of {@link AssertionClaims}, signed with the client's key. Header {@code typ JWT}, the certificate's
 * thumbprint as {@code assertionThumbprint} asks ({@code x5t#S256} by default), and {@code kid} only when configured,
 * because Keycloak refuses a {@code kid} that is not its own id of the client's key.
 */
public final class PrivateKeyJwt implements ClientAssertions {
    private final String clientId;
    private final ClientKey key;
    private final SigningAlgorithm algorithm;
    private final String keyId;
    private final AssertionThumbprint thumbprint;
    private final Clock clock;
    private final Consumer<Secret> issued;

    /**
     * @param keyId      the {@code kid} header, or null for none
     * @param thumbprint which thumbprint of the certificate the header names
     * @param issued     sees every assertion before it is sent (to register it for redaction and mask it in CI)
     */
    public PrivateKeyJwt(String clientId, ClientKey key, SigningAlgorithm algorithm, String keyId,
            AssertionThumbprint thumbprint, Clock clock, Consumer<Secret> issued) {
        this.clientId = clientId;
        this.key = key;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.thumbprint = thumbprint;
        this.clock = clock;
        this.issued = issued;
    }

    @Override
    public Secret next(String audience) throws TokenException {
        Map<String, Object> header = AssertionClaims.header();
        if (keyId != null) {
            header.put("kid", keyId);
        }
        header.putAll(thumbprint.headers(key.certificate()));
        Secret assertion = Secret.of(CompactJwt.sign(header, AssertionClaims.of(clientId, audience, clock.instant()),
                key.privateKey(), algorithm));
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
                + "; " + thumbprint.refusalAdvice() + "; that it accepts the assertion's audience (set "
                + "<assertionAudience> if it expects another: Entra ID wants the token endpoint), and that this "
                + "machine's clock is right (the assertion is valid for " + AssertionClaims.LIFETIME.toSeconds()
                + " s).";
    }

    @Override
    public String toString() {
        return "PrivateKeyJwt[" + clientId + ", " + key.origin() + ", " + algorithm + "]";
    }
}
