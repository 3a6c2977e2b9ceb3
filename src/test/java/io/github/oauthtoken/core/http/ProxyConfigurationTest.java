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
        assertThat(https.carries("https", "login.mypurecloud.ie")).isTrue();
        assertThat(https.carries("https", "localhost")).isFalse();
        assertThat(https.carries("http", "login.mypurecloud.ie")).isFalse();
        assertThat(routes.get(1).port()).isEqualTo(8080);
        assertThat(redactor.redact("p@ss-w0rd and p%40ss-w0rd")).isEqualTo("**** and ****");
    }

    @Test
    void aSocksProxyIsRefusedClearly() {
        assertThatThrownBy(() -> ProxyEnvironment.routes(Map.of("HTTPS_PROXY", "socks5://proxy:1080")::get, new Redactor()))
                .hasMessageContaining("HTTPS_PROXY uses the proxy scheme 'socks5'");
    }
}
