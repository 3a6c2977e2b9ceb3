package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.text.ServerText;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decides which URLs the plugin will send credentials to: {@code https://} anywhere, plain {@code http://} only to
 * this machine (tests, local token servers), never a URL with user info (which would put a credential in every log
 * line that names the URL).
 */
public final class EndpointPolicy {
    private EndpointPolicy() {}

    /**
     * @param url  the URL as configured or discovered
     * @param what where it came from, for the message (for example {@code "tokenUrl"})
     */
    /** Name resolution, replaceable in tests: what {@code localhost} resolves to is the machine's business. */
    interface HostResolver {
        InetAddress[] allByName(String host) throws UnknownHostException;
    }

    public static URI require(String url, String what) throws TokenException {
        return require(url, what, InetAddress::getAllByName);
    }

    static URI require(String url, String what, HostResolver resolver) throws TokenException {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new TokenException(what + " is not a valid URL: " + e.getReason() + ". Give an absolute https:// URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new TokenException(what + " must be an absolute https:// URL with a host, but was '" + describe(uri)
                    + "'.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TokenException(what + " must not contain user info (user:password@); put credentials in "
                    + "settings.xml or environment variables instead.");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost(), resolver)) {
            throw new TokenException(what + " uses plain http:// to " + uri.getHost() + ", which would send "
                    + "credentials unencrypted" + (isLoopbackName(uri.getHost()) ? " (localhost resolves to an address "
                    + "that is not loopback on this machine)" : "") + ". Use https://; http:// is accepted only for "
                    + "loopback hosts (localhost, 127.0.0.0/8, [::1]).");
        }
        return uri;
    }

    /**
     * Whether a host is this machine, so that plain {@code http://} keeps credentials on it: a literal loopback
     * address, or {@code localhost} when every address it resolves to is loopback (a hosts file can say otherwise).
     * Names under {@code .localhost} do not count: resolvers pass them to DNS and search domains, so where they lead
     * is not this machine's decision alone.
     */
    public static boolean isLoopback(String host) {
        return isLoopback(host, InetAddress::getAllByName);
    }

    static boolean isLoopback(String host, HostResolver resolver) {
        String h = bare(host);
        if (isLoopbackAddress(h)) {
            return true;
        }
        if (!h.equals("localhost")) {
            return false;
        }
        try {
            InetAddress[] addresses = resolver.allByName(h);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The hosts that are never sent through a proxy, as written and without resolving them: {@code localhost},
     * {@code 127.*} and {@code [::1]}, the JDK's default {@code http.nonProxyHosts}.
     */
    public static boolean isLoopbackName(String host) {
        String h = bare(host);
        return h.equals("localhost") || isLoopbackAddress(h);
    }

    private static boolean isLoopbackAddress(String bare) {
        return bare.equals("::1") || bare.equals("0:0:0:0:0:0:0:1")
                || bare.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /**
     * A URL without user info, query or fragment, fit for messages. A discovered URL is server text, and
     * java.net.URI lets format characters (bidi overrides) through in its path.
     */
    public static String describe(URI uri) {
        if (uri.getHost() == null) {
            return uri.getScheme() == null ? "(relative URL)" : ServerText.neutralise(uri.getScheme()) + ":…";
        }
        return ServerText.neutralise(uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }
}
