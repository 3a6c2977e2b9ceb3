package io.github.oauthtoken.maven;

import static io.github.oauthtoken.maven.PlainSettingsDecrypter.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.http.ProxySelection;
import io.github.oauthtoken.core.secret.Redactor;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.junit.jupiter.api.Test;

class SettingsSecretsTest {
    private static Proxy proxy(String id, String protocol, boolean active) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        if (protocol != null) {
            proxy.setProtocol(protocol);
        }
        proxy.setActive(active);
        proxy.setHost("proxy.corp");
        proxy.setPort(8080);
        return proxy;
    }

    private static List<ProxyRoute> routes(Proxy... proxies) throws Exception {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        for (Proxy proxy : proxies) {
            request.addProxy(proxy);
        }
        return new SettingsSecrets(request, PLAIN, new Redactor()).proxies();
    }

    @Test
    void protocolIsReadAsMavenReadsItAnHttpProxyServesHttpsTooWhenNoHttpsProxyDoes() throws Exception {
        List<ProxyRoute> routes = routes(proxy("plain", "http", true), proxy("tls", "HTTPS", true),
                proxy("unset", null, true), proxy("off", "https", false));

        assertThat(routes).extracting(ProxyRoute::origin).containsExactly("settings.xml proxy 'plain'",
                "settings.xml proxy 'tls'", "settings.xml proxy 'unset'");
        assertThat(routes).extracting(ProxyRoute::targetScheme).containsExactly("http", "https", "http");
        assertThat(routes).extracting(ProxyRoute::httpsFallback).containsExactly(true, false, true);
    }

    @Test
    void aLoneProxyWithoutProtocolCarriesHttpsUrls() throws Exception {
        List<ProxyRoute> routes = routes(proxy("corp", null, true));

        assertThat(new ProxySelection(routes).routeFor("https", "login.mypurecloud.ie", 443))
                .containsSame(routes.get(0));
    }
}
