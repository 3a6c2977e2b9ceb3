package io.github.oauthtoken.core.jwt;

import io.github.oauthtoken.core.ConfigurationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which certificate thumbprint a signed client assertion names in its JWS header (RFC 7515 sections 4.1.7 and
 * 4.1.8), the {@code assertionThumbprint} choice:
 * <ul>
 *   <li>{@code sha256}: {@code x5t#S256}, base64url of the SHA-256 of the certificate's DER form. Entra ID finds the
 *       certificate by it; the default.</li>
 *   <li>{@code sha1}: {@code x5t}, the same with SHA-1, which Microsoft's older documentation and AD FS ask for.</li>
 *   <li>{@code both}: both headers, for a server that reads one or the other.</li>
 *   <li>{@code none}: neither. Nimbus JOSE (Spring Authorization Server, Connect2id) selects the verification key by
 *       {@code x5t#S256} when the header has one, so against a key registered as a bare JWK (no {@code x5c}, no
 *       {@code x5t#S256}) an assertion that names a thumbprint finds no key and is refused as {@code invalid_client};
 *       Nimbus ignores {@code x5t}.</li>
 * </ul>
 */
public enum AssertionThumbprint {
    SHA256,
    SHA1,
    BOTH,
    NONE;

    /** The header of RFC 7515 section 4.1.8. */
    public static final String X5T_S256 = "x5t#S256";
    /** The header of RFC 7515 section 4.1.7. */
    public static final String X5T = "x5t";

    public static AssertionThumbprint parse(String value) throws ConfigurationException {
        for (AssertionThumbprint choice : values()) {
            if (choice.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw new ConfigurationException("Unknown <assertionThumbprint> '" + value.trim() + "'. Valid values: "
                + Arrays.stream(values()).map(AssertionThumbprint::value).collect(Collectors.joining(", "))
                + " (default: sha256, the x5t#S256 header; sha1 is x5t, none sends neither).");
    }

    /** The parameter's spelling of this choice. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The header members for the certificate, in the order they should appear; empty for {@link #NONE}. */
    public Map<String, Object> headers(X509Certificate certificate) {
        Map<String, Object> headers = new LinkedHashMap<>();
        if (this == SHA256 || this == BOTH) {
            headers.put(X5T_S256, thumbprint("SHA-256", certificate));
        }
        if (this == SHA1 || this == BOTH) {
            headers.put(X5T, thumbprint("SHA-1", certificate));
        }
        return headers;
    }

    /** What to check about the thumbprint when a server refuses the assertion, for the refusal's advice. */
    public String refusalAdvice() {
        return switch (this) {
            case NONE -> "the assertion names no certificate thumbprint (<assertionThumbprint> none), so the server "
                    + "must find the key by client (or by <keyId>)";
            case SHA1 -> "the assertion names the certificate by its SHA-1 thumbprint (x5t); if the server expects "
                    + "x5t#S256, set <assertionThumbprint> to sha256 or both";
            default -> "the assertion names the certificate by its thumbprint (" + (this == BOTH ? "x5t#S256 and x5t"
                    : "x5t#S256") + "); a server that holds the key as a bare JWK (without x5c or x5t#S256), such "
                    + "as Spring Authorization Server, finds no key by it: set <assertionThumbprint> to none";
        };
    }

    private static String thumbprint(String digest, X509Certificate certificate) {
        try {
            return CompactJwt.base64url(MessageDigest.getInstance(digest).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("a certificate read from a key store always encodes, and " + digest
                    + " exists in every JDK", e);
        }
    }
}
