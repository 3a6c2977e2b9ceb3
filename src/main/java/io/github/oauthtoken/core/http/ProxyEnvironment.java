package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.Variables;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Proxies from the conventional environment variables {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY}
 * (upper or lower case, as curl reads them), used when settings.xml has no active proxy.
 */
public final class ProxyEnvironment {
    private ProxyEnvironment() {}

    public static List<ProxyRoute> routes(Function<String, String> environment, Redactor redactor) throws TokenException {
        NonProxyHosts bypass = NonProxyHosts.noProxy(either(environment, "NO_PROXY"));
        List<ProxyRoute> routes = new ArrayList<>();
        for (String scheme : List.of("https", "http")) {
            String variable = scheme.toUpperCase() + "_PROXY";
            String value = either(environment, variable);
            if (value != null) {
                routes.add(parse(value, scheme, variable, bypass, redactor));
            }
        }
        return routes;
    }

    /** The variable in upper case, else in lower case (curl and most tools read both). */
    private static String either(Function<String, String> environment, String upper) {
        String value = Variables.read(environment, upper);
        return value != null ? value : Variables.read(environment, upper.toLowerCase(Locale.ROOT));
    }

    private static ProxyRoute parse(String value, String scheme, String variable, NonProxyHosts bypass,
            Redactor redactor) throws TokenException {
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            throw new TokenException("The environment variable " + variable + " is not a proxy URL such as "
                    + "http://proxy.example.com:3128.");
        }
        if (uri.getHost() == null) {
            throw new TokenException("The environment variable " + variable + " names no proxy host.");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new TokenException("The environment variable " + variable + " uses the proxy scheme '"
                    + uri.getScheme() + "'; only http:// proxies are supported.");
        }
        String user = null;
        Secret password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            if (parts.length > 1) {
                redactor.register(Secret.of(parts[1]));
                password = Secret.of(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                redactor.register(password);
            }
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return new ProxyRoute(scheme, uri.getHost(), port, user, password, bypass, variable);
    }
}
