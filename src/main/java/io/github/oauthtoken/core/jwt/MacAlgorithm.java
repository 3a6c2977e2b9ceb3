package io.github.oauthtoken.core.jwt;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JOSE HMAC algorithms (RFC 7518 section 3.2) of {@code client_secret_jwt} (RFC 7523 section 2.2, OpenID Connect
 * Core section 9): the assertion is signed with the client secret's octets (its UTF-8 bytes) as the key, with the
 * JDK's own {@code javax.crypto.Mac}.
 *
 * <p>RFC 7518 section 3.2 says a key "of the same size as the hash output ... or larger MUST be used". Servers hold
 * clients to it: Nimbus JOSE, which Spring Authorization Server verifies with, refuses to verify with a shorter key
 * ("The secret length for HS512 must be at least 512 bits"), which the client sees only as a bare
 * {@code invalid_client}. So a shorter secret is a configuration error here, found before any request, with the
 * lengths (never the secret) in the message.
 */
public enum MacAlgorithm {
    /** HMAC with SHA-256: the default, and what a secret of 32 bytes or more allows. */
    HS256("HmacSHA256", 32),
    HS384("HmacSHA384", 48),
    HS512("HmacSHA512", 64);

    private final String jdkName;
    private final int minimumKeyBytes;

    MacAlgorithm(String jdkName, int minimumKeyBytes) {
        this.jdkName = jdkName;
        this.minimumKeyBytes = minimumKeyBytes;
    }

    public static MacAlgorithm parse(String value) throws ConfigurationException {
        for (MacAlgorithm algorithm : values()) {
            if (algorithm.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new ConfigurationException("Unknown <signingAlgorithm> '" + value.trim() + "' for client_secret_jwt. "
                + "Valid values: " + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                + " (default: HS256).");
    }

    /** The least length of the secret in bytes (UTF-8): the hash output's. */
    public int minimumKeyBytes() {
        return minimumKeyBytes;
    }

    /**
     * Fails when the secret is too short for this algorithm, before anything is sent.
     *
     * @param where where the secret came from, in words for the message ("server 'idp' in settings.xml")
     */
    public void check(Secret secret, String where) throws ConfigurationException {
        int length = key(secret).length;
        if (length < minimumKeyBytes) {
            String shorter = Arrays.stream(values()).filter(a -> a.minimumKeyBytes <= length).map(Enum::name)
                    .collect(Collectors.joining(" or "));
            throw new ConfigurationException("<signingAlgorithm> " + this + " needs a client secret of at least "
                    + minimumKeyBytes + " bytes (RFC 7518 section 3.2: a key as long as the hash output), but the "
                    + "secret from " + where + " has " + length + " bytes; servers refuse such assertions. "
                    + (shorter.isEmpty() ? "Ask the server for a longer secret: no HMAC algorithm allows one under "
                            + HS256.minimumKeyBytes + " bytes."
                            : "Use " + shorter + ", or a longer secret."));
        }
    }

    /** The signature over {@code input}, keyed with the secret's UTF-8 bytes. */
    public byte[] sign(Secret secret, byte[] input) throws TokenException {
        byte[] key = key(secret);
        try {
            Mac mac = Mac.getInstance(jdkName);
            mac.init(new SecretKeySpec(key, jdkName));
            return mac.doFinal(input);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message names the algorithm only: an empty key is the one IllegalArgumentException here.
            throw new TokenException("The client assertion could not be signed with " + this + " ("
                    + e.getClass().getSimpleName() + ").", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The JDK's name for the MAC. */
    public String jdkName() {
        return jdkName;
    }

    private static byte[] key(Secret secret) {
        return secret.reveal().getBytes(StandardCharsets.UTF_8);
    }
}
