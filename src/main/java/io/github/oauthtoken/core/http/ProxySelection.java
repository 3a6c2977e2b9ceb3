package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.ConfigurationException;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;

/**
 * Which configured proxy, if any, carries a request to a given origin. One decision for every route together, because
 * a route cannot decide alone: Jetty asks for a route also when it opens the connection to a proxy itself (for
 * {@code CONNECT}), and an {@code http} route that matched that proxy's own {@code http://host:port} would send the
 * tunnel request through a proxy, often the same one, which then refuses to {@code CONNECT} to itself.
 */
public final class ProxySelection {
    private final List<ProxyRoute> routes;

    public ProxySelection(List<ProxyRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * Fails when two routes name the same proxy address with different logins. Jetty keeps one login per proxy
     * address, so one of them would silently be sent with the other's requests (an {@code https} request with the
     * {@code HTTP_PROXY} user, say): a mistake to report, not to guess around.
     */
    public static void requireOneLoginPerAddress(List<ProxyRoute> routes) throws ConfigurationException {
        for (int i = 0; i < routes.size(); i++) {
            for (int j = i + 1; j < routes.size(); j++) {
                ProxyRoute a = routes.get(i);
                ProxyRoute b = routes.get(j);
                if (a.host().equalsIgnoreCase(b.host()) && a.port() == b.port()
                        && !(Objects.equals(a.username(), b.username()) && Objects.equals(a.password(), b.password()))) {
                    throw new ConfigurationException("The proxies " + a.origin() + " and " + b.origin() + " are both "
                            + a.host() + ":" + a.port() + " but with different credentials; one proxy address takes "
                            + "one login. Give both the same <username> and <password> (or user info), or use one "
                            + "proxy entry.");
                }
            }
        }
    }

    /**
     * The route for a request, or empty for a direct connection. A configured proxy's own address is always reached
     * directly, and so is a loopback host (as the JDK's default {@code http.nonProxyHosts}: a proxy would only carry
     * credentials off this machine, for plain {@code http://} in clear). Otherwise, as Maven's resolver chooses: among
     * the routes that do not
     * bypass the host, the first for the request's scheme; for {@code https} without one, the first {@code http} route
     * that may carry {@code https} too.
     */
    public Optional<ProxyRoute> routeFor(String scheme, String host, int port) {
        if (isConfiguredProxy(host, port) || EndpointPolicy.isLoopbackName(host)) {
            return Optional.empty();
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        Optional<ProxyRoute> own = first(s, host);
        if (own.isPresent() || !s.equals("https")) {
            return own;
        }
        return first("http", host).filter(ProxyRoute::httpsFallback);
    }

    private Optional<ProxyRoute> first(String scheme, String host) {
        return routes.stream()
                .filter(route -> scheme.equals(route.targetScheme()) && !route.bypass().bypasses(host))
                .findFirst();
    }

    private boolean isConfiguredProxy(String host, int port) {
        return routes.stream().anyMatch(route -> route.port() == port && route.host().equalsIgnoreCase(host));
    }
}
