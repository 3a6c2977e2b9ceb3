package io.github.oauthtoken.core.http;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The client's key and certificate chain that the TLS handshake presents when the server asks for one: mutual TLS,
 * {@code tls_client_auth} (RFC 8705 section 2.1). Only the key and chain are kept, never the password of the key
 * store they came from; Jetty gets them in a key store of its own, in memory, opened by a random password that
 * protects nothing beyond this object's life.
 */
public final class ClientCertificate {
    private static final String ALIAS = "client";

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String origin;

    /**
     * @param chain  the client's certificate first, then those of the CAs above it
     * @param origin where it came from, in words for messages ({@code key 'ci' in <keyStore> /path/ci.p12})
     */
    public ClientCertificate(PrivateKey key, List<X509Certificate> chain, String origin) {
        this.key = key;
        this.chain = List.copyOf(chain);
        this.origin = origin;
    }

    /** The certificate's subject, as servers compare it (RFC 2253). */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /** Who issued the certificate (RFC 2253). */
    public String issuer() {
        return chain.get(0).getIssuerX500Principal().getName();
    }

    /** How many certificates the chain holds: a server tells a CA-issued certificate from a self-signed one by it. */
    public int chainLength() {
        return chain.size();
    }

    /** The certificate in words for messages: subject, issuer and where it came from; nothing secret. */
    public String describe() {
        return "the certificate of subject " + subject() + " issued by " + issuer() + " (" + origin + ")";
    }

    /** Has Jetty's TLS context offer this key and chain, and no other, to a server that asks for a certificate. */
    void configure(SslContextFactory.Client tls) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getEncoder().encodeToString(random);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(new X509Certificate[0]));
            tls.setKeyStore(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an empty in-memory PKCS12 store takes any key read from a key store", e);
        }
        tls.setKeyStorePassword(password);
        tls.setCertAlias(ALIAS);
    }

    @Override
    public String toString() {
        return "ClientCertificate[" + subject() + ", " + origin + "]";
    }
}
