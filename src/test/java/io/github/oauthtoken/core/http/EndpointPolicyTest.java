package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.TokenException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPolicyTest {
    private static final String LOOPBACK_ONLY = ", which would send credentials unencrypted. Use https://; http:// is "
            + "accepted only for loopback hosts (localhost, 127.0.0.0/8, [::1]).";

    @ParameterizedTest
    @ValueSource(strings = {"https://login.mypurecloud.ie/oauth/token", "https://login.example.com:8443/realms/a/token",
            "https://10.0.0.7/token", "HTTPS://Login.Example.COM/oauth/token",
            "http://localhost:8080/token", "http://LOCALHOST/token",
            "http://127.0.0.1:1/t", "http://127.1.2.3/t", "http://127.255.255.255/t",
            "http://[::1]:9000/t", "http://[0:0:0:0:0:0:0:1]/t"})
    void acceptsHttpsAnywhereAndHttpOnlyOnLiteralLoopbackHosts(String url) throws TokenException {
        assertThat(EndpointPolicy.require(url, "<tokenUrl>")).isEqualTo(URI.create(url));
    }

    @Test
    void surroundingWhitespaceIsIgnored() throws TokenException {
        assertThat(EndpointPolicy.require("  https://login.example.com/token\n", "<tokenUrl>"))
                .isEqualTo(URI.create("https://login.example.com/token"));
    }

    @ParameterizedTest
    @CsvSource({
            "http://login.example.com/token, login.example.com",
            "http://10.0.0.1/token, 10.0.0.1",
            "http://128.0.0.1/token, 128.0.0.1",
            "http://127.0.0.1.nip.io/token, 127.0.0.1.nip.io",
            "http://localhost.evil.example/token, localhost.evil.example",
            "http://auth.localhost:1/t, auth.localhost",
            "http://localhost.localhost/t, localhost.localhost",
            "http://[::2]/token, [::2]"})
    void refusesPlainHttpToAnyOtherHostNamingTheHost(String url, String host) {
        assertThatThrownBy(() -> EndpointPolicy.require(url, "<tokenUrl>"))
                .isInstanceOf(TokenException.class)
                .hasMessage("<tokenUrl> uses plain http:// to " + host + LOOPBACK_ONLY);
    }

    @Test
    void anOutOfRangeLoopbackLookalikeIsNotAHostAtAll() {
        // java.net.URI reads 127.0.0.256 as a registry-based authority without a host; refused either way.
        assertThatThrownBy(() -> EndpointPolicy.require("http://127.0.0.256/token", "<tokenUrl>"))
                .hasMessage("<tokenUrl> must be an absolute https:// URL with a host, but was 'http:…'.");
        assertThat(EndpointPolicy.isLoopback("127.0.0.256")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pw-S3cret@example.com/token", "https://user@example.com/token",
            "http://user:pw-S3cret@localhost:8080/token", "https://user%40corp:pw-S3cret@example.com/"})
    void refusesUserInfoWithoutRepeatingIt(String url) {
        assertThatThrownBy(() -> EndpointPolicy.require(url, "<issuer>"))
                .hasMessage("<issuer> must not contain user info (user:password@); put credentials in settings.xml or "
                        + "environment variables instead.")
                .message().doesNotContain("pw-S3cret").doesNotContain("example.com");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/oauth/token | (relative URL)",
            "login.example.com/oauth/token | (relative URL)",
            "'' | (relative URL)",
            "ftp://example.com/x | ftp://example.com/x",
            "mailto:ops@example.com | mailto:…",
            "file:///etc/passwd | file:…",
            "https:/token | https:…"})
    void refusesRelativeAndNonHttpUrls(String url, String described) {
        assertThatThrownBy(() -> EndpointPolicy.require(url, "<tokenUrl>"))
                .hasMessage("<tokenUrl> must be an absolute https:// URL with a host, but was '" + described + "'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://exa mple.com/token", "https://example.com/a b", "http://[::1/token", "%%%"})
    void refusesUnparseableText(String url) {
        assertThatThrownBy(() -> EndpointPolicy.require(url, "<tokenUrl>"))
                .message().startsWith("<tokenUrl> is not a valid URL: ").endsWith(". Give an absolute https:// URL.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<tokenUrl>", "<issuer>", "<apiUrl>", "token_endpoint from https://idp.example/.well-known/x"})
    void everyMessageStartsWithTheParameterItIsAbout(String what) {
        for (String bad : new String[] {"http://example.com/t", "https://u:p@example.com/t", "/t", "https://a b/"}) {
            assertThatThrownBy(() -> EndpointPolicy.require(bad, what)).message().startsWith(what + " ");
        }
    }

    @Test
    void aQueryIsNeverEchoed() {
        assertThatThrownBy(() -> EndpointPolicy.require("http://example.com/t?client_secret=pw-S3cret", "<tokenUrl>"))
                .message().doesNotContain("pw-S3cret");
    }

    @Test
    void describeNeutralisesWhatADiscoveredUrlCanCarry() throws TokenException {
        // java.net.URI accepts format characters such as a right-to-left override in a path.
        URI discovered = EndpointPolicy.require("https://idp.example/to\u202Eken\u2066", "token_endpoint");

        assertThat(EndpointPolicy.describe(discovered)).isEqualTo("https://idp.example/to ken ");
        assertThat(EndpointPolicy.describe(URI.create("https://idp.example/" + "p".repeat(300)))).hasSize(201).endsWith("…");
    }

    @Test
    void describeDropsUserInfoQueryAndFragment() {
        assertThat(EndpointPolicy.describe(URI.create("https://u:pw-S3cret@h.example:8443/p/q?secret=1#frag")))
                .isEqualTo("https://h.example:8443/p/q");
        assertThat(EndpointPolicy.describe(URI.create("http://127.0.0.1/token"))).isEqualTo("http://127.0.0.1/token");
        assertThat(EndpointPolicy.describe(URI.create("relative/path?x=1"))).isEqualTo("(relative URL)");
    }

    @Test
    void loopbackMeansLiteralLoopbackNames() {
        assertThat(EndpointPolicy.isLoopback("localhost")).isTrue();
        assertThat(EndpointPolicy.isLoopback("127.0.0.1")).isTrue();
        assertThat(EndpointPolicy.isLoopback("[::1]")).isTrue();
        assertThat(EndpointPolicy.isLoopback("::1")).isTrue();
        assertThat(EndpointPolicy.isLoopback("127.0.0")).isFalse();
        assertThat(EndpointPolicy.isLoopback("0.0.0.0")).isFalse();
        assertThat(EndpointPolicy.isLoopback("mylocalhost")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth.localhost", "AUTH.LOCALHOST", "a.b.localhost"})
    void aNameUnderLocalhostIsNotLoopbackForDnsAndSearchDomainsResolveIt(String host) {
        assertThat(EndpointPolicy.isLoopback(host)).isFalse();
    }

    private static EndpointPolicy.HostResolver resolvingTo(String... addresses) {
        return host -> {
            java.net.InetAddress[] all = new java.net.InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                all[i] = java.net.InetAddress.getByAddress(host, java.net.InetAddress.getByName(addresses[i]).getAddress());
            }
            return all;
        };
    }

    @Test
    void localhostIsLoopbackOnlyWhenEveryAddressItResolvesToIs() {
        assertThat(EndpointPolicy.isLoopback("localhost", resolvingTo("127.0.0.1", "::1"))).isTrue();
        assertThat(EndpointPolicy.isLoopback("LocalHost", resolvingTo("127.0.1.1"))).isTrue();
        assertThat(EndpointPolicy.isLoopback("localhost", resolvingTo("127.0.0.1", "10.0.0.7"))).isFalse();
        assertThat(EndpointPolicy.isLoopback("localhost", resolvingTo("192.0.2.1"))).isFalse();
        assertThat(EndpointPolicy.isLoopback("localhost", host -> {
            throw new java.net.UnknownHostException(host);
        })).isFalse();
        // Literal addresses are what they say, whatever a resolver would answer.
        assertThat(EndpointPolicy.isLoopback("127.0.0.1", resolvingTo("192.0.2.1"))).isTrue();
        assertThat(EndpointPolicy.isLoopback("[::1]", resolvingTo("192.0.2.1"))).isTrue();
    }

    @Test
    void aLocalhostThatResolvesElsewhereIsRefusedForPlainHttpSayingSo() {
        assertThatThrownBy(() -> EndpointPolicy.require("http://localhost:8080/token", "<tokenUrl>",
                resolvingTo("127.0.0.1", "10.0.0.7")))
                .isInstanceOf(TokenException.class)
                .hasMessage("<tokenUrl> uses plain http:// to localhost, which would send credentials unencrypted "
                        + "(localhost resolves to an address that is not loopback on this machine). Use https://; "
                        + "http:// is accepted only for loopback hosts (localhost, 127.0.0.0/8, [::1]).");
    }
}
