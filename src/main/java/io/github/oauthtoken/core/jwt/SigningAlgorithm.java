package io.github.oauthtoken.core.jwt;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JOSE signature algorithms (RFC 7518 section 3) the plugin signs client assertions with, each mapped to the
 * JDK's own {@code java.security} implementation, so no JOSE library is needed at run time.
 */
public enum SigningAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256: what every server accepts. */
    RS256("RSA"),
    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt: Entra ID's choice for certificates. */
    PS256("RSA"),
    /**
     * ECDSA on P-256 with SHA-256. JOSE wants the signature as the two 32-byte integers side by side (IEEE P1363);
     * the JDK's plain {@code SHA256withECDSA} gives DER, which no server would verify.
     */
    ES256("EC");

    private final String keyAlgorithm;

    SigningAlgorithm(String keyAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
    }

    public static SigningAlgorithm parse(String value) throws ConfigurationException {
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return algorithm;
            }
        }
        throw new ConfigurationException("Unknown <signingAlgorithm> '" + value.trim() + "'. Valid values: "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
                + " (default: RS256 for an RSA key, ES256 for an EC key).");
    }

    /** The algorithm a key signs with when none is configured: RS256 for RSA, ES256 for EC. */
    public static SigningAlgorithm defaultFor(PrivateKey key, String where) throws ConfigurationException {
        return switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> RS256;
            case "EC" -> ES256;
            default -> throw new ConfigurationException(where + " is a " + key.getAlgorithm() + " key; client "
                    + "assertions need an RSA key (RS256, PS256) or an EC key on P-256 (ES256).");
        };
    }

    /** Fails when the key cannot make this signature, before anything is sent. */
    public void check(PrivateKey key, String where) throws ConfigurationException {
        if (!key.getAlgorithm().equalsIgnoreCase(keyAlgorithm)) {
            throw new ConfigurationException("<signingAlgorithm> " + this + " needs an " + keyAlgorithm + " key, but "
                    + where + " is a " + key.getAlgorithm() + " key. Use "
                    + (keyAlgorithm.equals("RSA") ? "ES256 for an EC key" : "RS256 or PS256 for an RSA key")
                    + ", or leave <signingAlgorithm> out to choose by the key.");
        }
        if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new ConfigurationException("ES256 needs an EC key on the curve P-256 (secp256r1), but " + where
                    + " is on a " + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve.");
        }
        if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new ConfigurationException(where + " is an RSA key of " + rsa.getModulus().bitLength() + " bits; "
                    + "RFC 7518 section 3.3 asks for 2048 bits or more, and servers refuse shorter keys.");
        }
    }

    /** The signature over {@code input}, in the form JOSE expects. */
    public byte[] sign(PrivateKey key, byte[] input) throws TokenException {
        try {
            Signature signature = Signature.getInstance(jdkName());
            AlgorithmParameterSpec parameters = parameters();
            if (parameters != null) {
                signature.setParameter(parameters);
            }
            signature.initSign(key);
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new TokenException("The client assertion could not be signed with " + this + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ").", e);
        }
    }

    /** The JDK's name for the signature. */
    public String jdkName() {
        return switch (this) {
            case RS256 -> "SHA256withRSA";
            case PS256 -> "RSASSA-PSS";
            case ES256 -> "SHA256withECDSAinP1363Format";
        };
    }

    /** The PSS parameters RFC 7518 section 3.5 fixes for PS256; none for the others. */
    public AlgorithmParameterSpec parameters() {
        return this == PS256 ? new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1) : null;
    }
}
