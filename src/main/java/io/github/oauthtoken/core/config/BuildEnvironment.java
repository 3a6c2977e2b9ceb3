package io.github.oauthtoken.core.config;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.http.ProxyRoute;
import java.util.List;
import java.util.function.Function;

/** What a configuration is read against besides its parameters: the build's variables, settings and mode. */
public interface BuildEnvironment {
    /** Where what happens is reported; every line is redacted with the build's secrets. */
    BuildLog log();

    /** settings.xml servers, passwords decrypted. */
    ServerLookup servers();

    /** The active settings.xml proxies; they take precedence over the proxy environment variables, as in Maven. */
    List<ProxyRoute> settingsProxies() throws TokenException;

    /** Environment variables as the build sees them. */
    Function<String, String> environment();

    /** Maven runs with {@code -o}. */
    boolean offline();
}
