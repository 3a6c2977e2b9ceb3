package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.secret.Secret;
import java.util.Locale;

/**
 * A forward proxy and the requests it may carry; {@link ProxySelection} decides which route a request takes.
 *
 * @param targetScheme {@code http} or {@code https}: the scheme of the URLs this proxy serves (either case)
 * @param username     null when the proxy needs no authentication
 * @param password     the proxy password, a secret like any other
 * @param origin       where it was configured, for messages ("settings.xml proxy 'corp'", "HTTPS_PROXY")
 * @param httpsFallback an {@code http} route that also carries {@code https} URLs when no {@code https} route does,
 *                     as Maven's resolver treats a settings.xml proxy; {@code HTTP_PROXY} does not (curl's reading)
 */
public record ProxyRoute(
        String targetScheme, String host, int port, String username, Secret password, NonProxyHosts bypass,
        String origin, boolean httpsFallback) {

    public ProxyRoute {
        targetScheme = targetScheme.toLowerCase(Locale.ROOT);
    }

    public ProxyRoute(String targetScheme, String host, int port, String username, Secret password,
            NonProxyHosts bypass, String origin) {
        this(targetScheme, host, port, username, password, bypass, origin, false);
    }

    public String describe() {
        return host + ":" + port + " (" + origin + ")";
    }
}
