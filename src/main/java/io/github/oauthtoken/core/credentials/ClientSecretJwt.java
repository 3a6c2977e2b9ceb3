package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.jwt.AssertionClaims;
import io.github.oauthtoken.core.jwt.ClientAssertions;
import io.github.oauthtoken.core.jwt.CompactJwt;
import io.github.oauthtoken.core.jwt.MacAlgorithm;
import io.github.oauthtoken.core.secret.Secret;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * {@code client_secret_jwt} (RFC 7523 section 2.2, OpenID Connect Core section 9): a new assertion for every request,
 * with the claims of {@link AssertionClaims}, MACed with the client secret (its UTF-8 octets) as the key. The secret
 * itself never travels, which is the point of the method for a server that forbids sending it. The header names no
 * certificate thumbprint and no key id: there is no certificate, and the server knows the client's one secret.
 */
public final class ClientSecretJwt implements ClientAssertions {
    private final String clientId;
    private final Secret secret;
    private final String secretOrigin;
    private final MacAlgorithm algorithm;
    private final Clock clock;
    private final Consumer<Secret> issued;

    /**
     * @param secretOrigin where the secret came from, in words for messages
     * @param issued       sees every assertion before it is sent (to register it for redaction and mask it in CI)
     */
    public ClientSecretJwt(String clientId, Secret secret, String secretOrigin, MacAlgorithm algorithm, Clock clock,
            Consumer<Secret> issued) {
        this.clientId = clientId;
        this.secret = secret;
        this.secretOrigin = secretOrigin;
        this.algorithm = algorithm;
        this.clock = clock;
        this.issued = issued;
    }

    @Override
    public Secret next(String audience) throws TokenException {
        Secret assertion = Secret.of(CompactJwt.sign(AssertionClaims.header(),
                AssertionClaims.of(clientId, audience, clock.instant()), secret, algorithm));
        issued.accept(assertion);
        return assertion;
    }

    @Override
    public String origin() {
        return "a " + algorithm + " client assertion signed with the client secret from " + secretOrigin;
    }

    @Override
    public String refusalAdvice() {
        return "the server did not accept the " + algorithm + " client assertion signed with the client secret from "
                + secretOrigin + ". Check that it is the secret the server holds for client " + clientId + ", that the "
                + "server allows client_secret_jwt with " + algorithm + " for it (Spring Authorization Server allows "
                + "one algorithm per client: set <signingAlgorithm> to that one), that it accepts the assertion's "
                + "audience (set <assertionAudience> if it expects another), and that this machine's clock is right "
                + "(the assertion is valid for " + AssertionClaims.LIFETIME.toSeconds() + " s).";
    }

    @Override
    public String toString() {
        return "ClientSecretJwt[" + clientId + ", " + secretOrigin + ", " + algorithm + "]";
    }
}
