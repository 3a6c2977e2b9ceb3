package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.text.ServerText;
import java.net.URI;
import java.net.URISyntaxException;
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
    public static URI require(String url, String what) throws TokenException {
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
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new TokenException(what + " uses plain http:// to " + uri.getHost() + ", which would send "
                    + "credentials unencrypted. Use https://; http:// is accepted only for loopback hosts "
                    + "(localhost, 127.0.0.0/8, [::1]).");
        }
        return uri;
    }

    /** Literal loopback names only: resolving a name here would let DNS decide whether credentials travel in clear. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
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
