package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.secret.Redactor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyConfigurationTest {
    @Test
    void mavenNonProxyHostsUseWildcards() {
        NonProxyHosts hosts = NonProxyHosts.maven("localhost|*.internal.example|10.*");

        assertThat(hosts.bypasses("localhost")).isTrue();
        assertThat(hosts.bypasses("auth.internal.example")).isTrue();
        assertThat(hosts.bypasses("10.1.2.3")).isTrue();
        assertThat(hosts.bypasses("login.mypurecloud.ie")).isFalse();
    }

    @Test
    void noProxyCoversSubdomainsAndStar() {
        NonProxyHosts hosts = NonProxyHosts.noProxy(".corp.example, niceincontact.com,127.0.0.1");

        assertThat(hosts.bypasses("auth.corp.example")).isTrue();
        assertThat(hosts.bypasses("cxone.niceincontact.com")).isTrue();
        assertThat(hosts.bypasses("niceincontact.com")).isTrue();
        assertThat(hosts.bypasses("notniceincontact.com")).isFalse();
        assertThat(NonProxyHosts.noProxy("*").bypasses("anything")).isTrue();
    }

    @Test
    void environmentProxiesPerSchemeWithCredentialsRegisteredAsSecrets() throws Exception {
        Redactor redactor = new Redactor();
        Map<String, String> env = Map.of(
                "https_proxy", "http://alice:p%40ss-w0rd@proxy.example:3128",
                "HTTP_PROXY", "proxy.example:8080",
                "NO_PROXY", "localhost");

        List<ProxyRoute> routes = ProxyEnvironment.routes(env::get, redactor);

        assertThat(routes).hasSize(2);
        ProxyRoute https = routes.get(0);
        assertThat(https.targetScheme()).isEqualTo("https");
        assertThat(https.host()).isEqualTo("proxy.example");
        assertThat(https.port()).isEqualTo(3128);
        assertThat(https.username()).isEqualTo("alice");
        assertThat(https.password().reveal()).isEqualTo("p@ss-w0rd");
        assertThat(https.bypass().bypasses("localhost")).isTrue();
        assertThat(https.httpsFallback()).isFalse();
        assertThat(routes.get(1).port()).isEqualTo(8080);
        assertThat(redactor.redact("p@ss-w0rd and p%40ss-w0rd")).isEqualTo("**** and ****");
    }

    @Test
    void aSocksProxyIsRefusedClearly() {
        assertThatThrownBy(() -> ProxyEnvironment.routes(Map.of("HTTPS_PROXY", "socks5://proxy:1080")::get, new Redactor()))
                .hasMessageContaining("HTTPS_PROXY uses the proxy scheme 'socks5'");
    }

    private static ProxyRoute route(String scheme, String host, int port, String nonProxyHosts, boolean httpsFallback) {
        return new ProxyRoute(scheme, host, port, null, null, NonProxyHosts.maven(nonProxyHosts),
                "settings.xml proxy '" + scheme + port + "'", httpsFallback);
    }

    @Test
    void eachSchemeTakesItsOwnRouteOfTheUsualPair() {
        ProxyRoute http = route("http", "proxy.corp", 8080, null, true);
        ProxyRoute https = route("HTTPS", "proxy.corp", 8080, null, false);
        ProxySelection selection = new ProxySelection(List.of(http, https));

        assertThat(selection.routeFor("https", "login.mypurecloud.ie", 443)).containsSame(https);
        assertThat(selection.routeFor("http", "login.mypurecloud.ie", 80)).containsSame(http);
    }

    @Test
    void aProxysOwnAddressIsNeverProxiedNorIsAnotherConfiguredProxy() {
        ProxyRoute http = route("http", "proxy.corp", 8080, null, true);
        ProxyRoute https = route("https", "tls-proxy.corp", 3128, null, false);
        ProxySelection selection = new ProxySelection(List.of(http, https));

        // What Jetty asks when it opens the connection for a CONNECT to each proxy.
        assertThat(selection.routeFor("http", "proxy.corp", 8080)).isEmpty();
        assertThat(selection.routeFor("http", "tls-proxy.corp", 3128)).isEmpty();
        assertThat(selection.routeFor("http", "PROXY.corp", 8080)).isEmpty();
        // The same host on another port is an ordinary target.
        assertThat(selection.routeFor("http", "proxy.corp", 8081)).containsSame(http);
    }

    @Test
    void asMavenDoesAnHttpsUrlWithoutAnHttpsProxyTakesTheHttpProxyFromSettingsXmlButNotHttpProxy() throws Exception {
        ProxyRoute settingsHttp = route("http", "proxy.corp", 8080, null, true);
        assertThat(new ProxySelection(List.of(settingsHttp)).routeFor("https", "login.mypurecloud.ie", 443))
                .containsSame(settingsHttp);

        List<ProxyRoute> environment = ProxyEnvironment.routes(Map.of("HTTP_PROXY", "proxy.corp:8080")::get,
                new Redactor());
        assertThat(new ProxySelection(environment).routeFor("https", "login.mypurecloud.ie", 443)).isEmpty();
        assertThat(new ProxySelection(environment).routeFor("http", "login.mypurecloud.ie", 80))
                .containsSame(environment.get(0));
    }

    @Test
    void theFirstRouteOfASchemeThatDoesNotBypassTheHostWinsAsInMaven() {
        ProxyRoute internal = route("https", "inner.corp", 3128, "*.example.com", false);
        ProxyRoute outer = route("https", "outer.corp", 3128, null, false);
        ProxyRoute http = route("http", "proxy.corp", 8080, "*.mypurecloud.ie", true);
        ProxySelection selection = new ProxySelection(List.of(internal, outer, http));

        assertThat(selection.routeFor("https", "login.mypurecloud.ie", 443)).containsSame(internal);
        assertThat(selection.routeFor("https", "auth.example.com", 443)).containsSame(outer);
        assertThat(selection.routeFor("http", "login.mypurecloud.ie", 80)).isEmpty();
    }

    @Test
    void anHttpsUrlThatEveryHttpsProxyBypassesFallsBackToTheHttpProxyAsInMaven() {
        ProxyRoute https = route("https", "tls-proxy.corp", 3128, "*.example.com", false);
        ProxyRoute http = route("http", "proxy.corp", 8080, null, true);
        ProxySelection selection = new ProxySelection(List.of(https, http));

        assertThat(selection.routeFor("https", "auth.example.com", 443)).containsSame(http);
    }

    @Test
    void loopbackTargetsAreNeverProxiedAsTheJdksDefaultNonProxyHostsButNamesUnderLocalhostAre() {
        ProxyRoute http = route("http", "proxy.corp", 8080, null, true);
        ProxyRoute https = route("https", "proxy.corp", 8080, null, false);
        ProxySelection selection = new ProxySelection(List.of(http, https));

        for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.3.2.1", "[::1]", "::1"}) {
            assertThat(selection.routeFor("http", host, 8080)).as(host).isEmpty();
            assertThat(selection.routeFor("https", host, 8443)).as(host).isEmpty();
        }
        assertThat(selection.routeFor("https", "auth.localhost", 443)).containsSame(https);
        assertThat(selection.routeFor("https", "128.0.0.1", 443)).containsSame(https);
    }
}
