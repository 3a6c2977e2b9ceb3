package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.secret.Secret;
import java.nio.file.Path;

/**
 * Which certificates to trust. Without a trust store the JVM's default applies (its {@code cacerts}, or the file
 * named by {@code -Djavax.net.ssl.trustStore}); with one, only that store's certificates are trusted, as with
 * curl's {@code --cacert}. Host names are verified either way.
 *
 * @param password may be null for a store without one
 */
public record TrustSettings(Path trustStore, String type, Secret password) {
    public static final TrustSettings JVM_DEFAULT = new TrustSettings(null, null, null);

    @Override
    public String toString() {
        return trustStore == null ? "the JVM's default trust store" : "trust store " + trustStore;
    }
}
