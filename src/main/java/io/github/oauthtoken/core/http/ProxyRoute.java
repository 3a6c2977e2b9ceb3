package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.secret.Secret;
import java.util.Locale;

/**
 * A forward proxy and the requests it carries.
 *
 * @param targetScheme {@code http} or {@code https}: the scheme of the URLs this proxy serves, or null for both
 * @param username     null when the proxy needs no authentication
 * @param password     the proxy password, a secret like any other
 * @param origin       where it was configured, for messages ("settings.xml proxy 'corp'", "HTTPS_PROXY")
 */
public record ProxyRoute(
        String targetScheme, String host, int port, String username, Secret password, NonProxyHosts bypass,
        String origin) {

    public boolean carries(String scheme, String targetHost) {
        return (targetScheme == null || targetScheme.equals(scheme.toLowerCase(Locale.ROOT)))
                && !bypass.bypasses(targetHost);
    }

    public String describe() {
        return host + ":" + port + " (" + origin + ")";
    }
}
