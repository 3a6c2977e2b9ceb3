package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Opens the {@code <keyStore>} that holds the client's private key. Every way this can go wrong is a mistake in the
 * configuration, reported before any request with the file, the alias and what to change; never with the password.
 */
public final class ClientKeyStore {
    private ClientKeyStore() {}

    /**
     * @param alias    the key's alias, or null when the store holds exactly one key
     * @param password opens the store and the key (one password for both, as keytool and openssl make them)
     * @param passwordOrigin where the password came from, for messages
     */
    public static ClientKey open(Path file, String type, String alias, Secret password, String passwordOrigin)
            throws TokenException {
        String where = "<keyStore> " + file;
        if (!Files.isReadable(file)) {
            throw new ConfigurationException(where + " does not exist or cannot be read.");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException e) {
            throw new ConfigurationException("<keyStoreType> " + type + " is not a key store type this JVM knows; use "
                    + "PKCS12 or JKS.");
        }
        char[] secret = password.reveal().toCharArray();
        try {
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, secret);
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException) {
                    throw new ConfigurationException(where + " could not be opened: the password of " + passwordOrigin
                            + " does not open it.");
                }
                throw new ConfigurationException(where + " could not be read as a " + type + " store ("
                        + e.getMessage() + "). Check the file and <keyStoreType> (PKCS12 or JKS).");
            } catch (GeneralSecurityException e) {
                throw new ConfigurationException(where + " could not be read as a " + type + " store ("
                        + e.getMessage() + "). Check the file and <keyStoreType> (PKCS12 or JKS).");
            }
            String chosen = alias != null ? alias : onlyKey(store, where);
            Key key;
            try {
                if (!store.containsAlias(chosen)) {
                    throw new ConfigurationException(where + " has no entry '" + chosen + "' (<keyAlias>). Its keys: "
                            + keyAliases(store) + ".");
                }
                key = store.getKey(chosen, secret);
            } catch (UnrecoverableKeyException e) {
                throw new ConfigurationException("The key '" + chosen + "' in " + where + " could not be opened with the "
                        + "password of " + passwordOrigin + "; the plugin expects one password for the store and its key.");
            } catch (GeneralSecurityException e) {
                throw new ConfigurationException("The key '" + chosen + "' in " + where + " could not be read ("
                        + e.getMessage() + ").");
            }
            if (!(key instanceof PrivateKey privateKey)) {
                throw new ConfigurationException("The entry '" + chosen + "' in " + where + " holds no private key"
                        + " (a certificate or a secret key only). Its keys: " + keyAliases(store) + ".");
            }
            List<X509Certificate> chain = chain(store, chosen);
            if (chain.isEmpty()) {
                throw new ConfigurationException("The key '" + chosen + "' in " + where + " has no X.509 certificate; "
                        + "store it with its certificate (keytool -genkeypair, or openssl pkcs12 -export).");
            }
            return new ClientKey(privateKey, chain, "key '" + chosen + "' in " + where);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static String onlyKey(KeyStore store, String where) throws ConfigurationException {
        List<String> keys = keyAliases(store);
        if (keys.size() == 1) {
            return keys.get(0);
        }
        throw new ConfigurationException(where + (keys.isEmpty() ? " holds no private key."
                : " holds " + keys.size() + " private keys (" + String.join(", ", keys) + "); set <keyAlias> to the "
                        + "one the client authenticates with."));
    }

    private static List<String> keyAliases(KeyStore store) {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            Collections.sort(keys);
            return keys;
        } catch (KeyStoreException e) {
            throw new IllegalStateException("a loaded key store refused to list its entries", e);
        }
    }

    /** The key entry's chain, the key's own certificate first; empty when it has none that is X.509. */
    private static List<X509Certificate> chain(KeyStore store, String alias) {
        Certificate[] chain;
        try {
            chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                Certificate single = store.getCertificate(alias);
                chain = single == null ? new Certificate[0] : new Certificate[] {single};
            }
        } catch (KeyStoreException e) {
            throw new IllegalStateException("a loaded key store refused to give a certificate", e);
        }
        List<X509Certificate> x509 = new ArrayList<>();
        for (Certificate certificate : chain) {
            if (!(certificate instanceof X509Certificate c)) {
                break;
            }
            x509.add(c);
        }
        return x509;
    }
}
