package io.github.oauthtoken.testservers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ITs prove that a build went through the proxy by asking the proxy what each of its users sent; several ITs
 * share the proxy at once, so each has a user of its own.
 */
class AuthProxyTest {
    private AuthProxy proxy;
    private ServerSocket target;

    @BeforeEach
    void start() throws IOException {
        proxy = new AuthProxy(0, Map.of("user-a", "pw-a", "user-b", "pw-b"));
        // Connections wait in the backlog: enough for the proxy to open its tunnel.
        target = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        target.close();
        proxy.close();
    }

    /** Sends one request head on a new connection and returns the proxy's status line. */
    private String send(String requestLine, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()), 5000);
            socket.setSoTimeout(10_000);
            String head = requestLine + "\r\nHost: " + requestLine.split(" ")[1] + "\r\n";
            if (user != null) {
                head += "Proxy-Authorization: Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
            }
            socket.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return statusLine(socket.getInputStream());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != -1 && b != '\n'; ) {
            line.append((char) b);
        }
        return line.toString().trim();
    }

    private HttpResponse<String> report(String user) throws Exception {
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port()
                + "/__requests?user=" + user)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reportsEachUsersRequestsWithTheAnswersTheProxyGave() throws Exception {
        String tunnelTarget = AuthProxy.PROXIED_HOST + ":" + target.getLocalPort();
        String itself = "127.0.0.1:" + proxy.port();

        assertThat(send("CONNECT " + tunnelTarget + " HTTP/1.1", "user-a", "pw-a")).endsWith(" 200 Connection Established");
        assertThat(send("CONNECT " + itself + " HTTP/1.1", "user-a", "pw-a")).startsWith("HTTP/1.1 403");
        assertThat(send("GET http://" + itself + "/loop HTTP/1.1", "user-a", "pw-a")).startsWith("HTTP/1.1 403");
        // A name under the reserved one is this machine too: a test can name the proxy by a host that is no
        // loopback name (the plugin never proxies those) and still have it refuse to tunnel to itself.
        String itselfByName = "proxy." + AuthProxy.PROXIED_HOST + ":" + proxy.port();
        assertThat(send("CONNECT " + itselfByName + " HTTP/1.1", "user-a", "pw-a")).startsWith("HTTP/1.1 403");
        assertThat(send("CONNECT " + tunnelTarget + " HTTP/1.1", "user-b", "wrong")).startsWith("HTTP/1.1 407");
        assertThat(send("CONNECT " + tunnelTarget + " HTTP/1.1", null, null)).startsWith("HTTP/1.1 407");

        HttpResponse<String> a = report("user-a");
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.body().lines()).containsExactly("200 CONNECT " + tunnelTarget, "403 CONNECT " + itself,
                "403 GET http://" + itself + "/loop", "403 CONNECT " + itselfByName);
        assertThat(report("user-b").body().lines()).as("a wrong password is kept under the user it claimed")
                .containsExactly("407 CONNECT " + tunnelTarget);
        assertThat(report("").body().lines()).containsExactly("407 CONNECT " + tunnelTarget);
        assertThat(report("user-c").body()).isEmpty();
        assertThat(report("user-a").body()).as("asking is not a request through the proxy").isEqualTo(a.body());
    }

    @Test
    void anotherRequestAddressedToTheProxyItselfIsABadRequest() throws Exception {
        assertThat(send("GET /something HTTP/1.1", "user-a", "pw-a")).startsWith("HTTP/1.1 400");
        assertThat(report("user-a").body()).isEmpty();
    }
}
