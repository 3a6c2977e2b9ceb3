package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.jwt.CompactJwt;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/**
 * The client's private key and its certificate, from a key store, for {@code private_key_jwt}.
 *
 * @param origin where it came from, in words for messages ({@code key 'ci' in <keyStore> /path/ci.p12})
 */
public record ClientKey(PrivateKey privateKey, X509Certificate certificate, String origin) {

    /**
     * The {@code x5t#S256} header (RFC 7515 section 4.1.8): base64url of the SHA-256 of the certificate's DER form,
     * by which Entra ID finds the certificate among the application's credentials.
     */
    public String sha256Thumbprint() {
        try {
            return CompactJwt.base64url(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("a certificate read from a key store always encodes, and SHA-256 exists", e);
        }
    }

    @Override
    public String toString() {
        return "ClientKey[" + origin + "]";
    }
}
