package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Enumeration;

/**
 * Opens a {@code <trustStore>} before any request is sent. Left to the TLS library, a store it cannot use shows up
 * only inside a handshake, as {@code the trustAnchors parameter must be non-empty}: a PKCS12 store read without its
 * password hides its certificates rather than failing.
 */
final class TrustStoreFile {
    private static final String PASSWORD_HINT = " Its password comes from <trustStoreServerId>: the id of a "
            + "settings.xml <server> whose <password> opens the store.";

    private TrustStoreFile() {}

    /** The store with at least one certificate in it, or a message naming the file and what to change. */
    static KeyStore open(TrustSettings trust) throws TokenException {
        String file = "<trustStore> " + trust.trustStore();
        if (!Files.isReadable(trust.trustStore())) {
            throw new ConfigurationException(file + " does not exist or cannot be read.");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(trust.type());
        } catch (KeyStoreException e) {
            throw new ConfigurationException("<trustStoreType> " + trust.type() + " is not a key store type this JVM knows; "
                    + "use PKCS12 or JKS.");
        }
        char[] password = trust.password() == null ? null : trust.password().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(trust.trustStore())) {
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigurationException(file + " could not be opened: the password does not open it ("
                        + e.getMessage() + ")." + PASSWORD_HINT);
            }
            throw new ConfigurationException(file + " could not be read as a " + trust.type() + " store (" + e.getMessage()
                    + "). Check the file and <trustStoreType> (PKCS12 or JKS)." + PASSWORD_HINT);
        } catch (GeneralSecurityException e) {
            throw new ConfigurationException(file + " could not be read as a " + trust.type() + " store (" + e.getMessage()
                    + "). Check the file and <trustStoreType> (PKCS12 or JKS)." + PASSWORD_HINT);
        } finally {
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
        }
        if (certificates(store) == 0) {
            throw new ConfigurationException(file + " holds no certificate to trust"
                    + (trust.password() == null ? "; a PKCS12 store shows none without its password." : ".")
                    + PASSWORD_HINT + " The store must hold the certificate of the server's CA (keytool -importcert).");
        }
        return store;
    }

    /** What a trust manager would trust: certificate entries, and the certificate of each key entry. */
    private static int certificates(KeyStore store) throws TokenException {
        try {
            int count = 0;
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                if (store.getCertificate(aliases.nextElement()) != null) {
                    count++;
                }
            }
            return count;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("a loaded key store refused to list its entries", e);
        }
    }
}
