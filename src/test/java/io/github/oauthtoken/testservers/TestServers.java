package io.github.oauthtoken.testservers;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The token servers of the invoker integration tests, run by the build around them (see the POM):
 * {@code start DIR GENESYS_PORT CXONE_PORT OAUTH2_PORT PROXY_PORT} runs, in its own JVM, the Genesys and CXone
 * simulators, the third-party mock-oauth2-server and an authenticating proxy on loopback, until {@code DIR/stop}
 * appears; {@code await DIR SECONDS} waits until they all accept connections; {@code stop DIR} ends them.
 * Issued tokens are appended to {@code DIR/issued-tokens.txt} so that each IT can search its log for them.
 * Nothing here prints a secret or a token.
 */
public final class TestServers {
    /** Credentials the simulators accept; the ITs' settings.xml and environment variables use the same. */
    public static final String GENESYS_SECRET = "it-genesys-secret-4Qx9Tb";
    public static final List<String> GENESYS_CLIENTS = List.of(
            "it-genesys-client", "it-reactor-client", "it-flaky-client", "it-cache-client", "it-ci-client",
            "it-debug-client", "it-proxy-client");
    public static final String CXONE_CLIENT = "it-cxone-app";
    public static final String CXONE_SECRET = "it-cxone-app-secret-Zk2w";
    public static final String CXONE_KEY_ID = "it-access-key-id";
    public static final String CXONE_KEY_SECRET = "it-access-key-secret-P8wq";
    public static final String PROXY_USER = "it-proxy-user";
    public static final String PROXY_PASSWORD = "it-proxy-pass-R5tv";

    private TestServers() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "start" -> start(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
            case "await" -> await(dir, Duration.ofSeconds(Long.parseLong(args[2])));
            case "stop" -> Files.writeString(dir.resolve("stop"), "stop");
            default -> throw new IllegalArgumentException("start | await | stop");
        }
    }

    private static void start(Path dir, int genesysPort, int cxonePort, int oauth2Port, int proxyPort) throws Exception {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("stop"));
        Files.deleteIfExists(dir.resolve("ready"));
        Path journal = dir.resolve("issued-tokens.txt");
        Files.deleteIfExists(journal);

        Map<String, GenesysSimulator.Client> clients = new java.util.HashMap<>();
        GENESYS_CLIENTS.forEach(id -> clients.put(id, new GenesysSimulator.Client(GENESYS_SECRET, true, 86399)));
        clients.put("it-nogrant-client", new GenesysSimulator.Client(GENESYS_SECRET, false, 86399));
        clients.put("it-shortlived-client", new GenesysSimulator.Client(GENESYS_SECRET, true, 120));
        try (GenesysSimulator genesys = new GenesysSimulator(genesysPort, journal, clients);
                CxoneSimulator cxone = new CxoneSimulator(cxonePort, journal, CXONE_CLIENT, CXONE_SECRET,
                        Map.of(CXONE_KEY_ID, CXONE_KEY_SECRET));
                AuthProxy proxy = new AuthProxy(proxyPort, PROXY_USER, PROXY_PASSWORD)) {
            MockOAuth2Server oauth2 = new MockOAuth2Server();
            oauth2.start(InetAddress.getLoopbackAddress(), oauth2Port);
            try {
                System.out.println("[test-servers] Genesys simulator " + genesys.baseUrl() + ", CXone simulator "
                        + cxone.baseUrl() + ", mock-oauth2-server " + oauth2.issuerUrl("default") + ", proxy 127.0.0.1:"
                        + proxy.port());
                Files.writeString(dir.resolve("proxy-settings.xml"), proxySettings(proxy.port()));
                Files.writeString(dir.resolve("ready"), "ready");
                while (!Files.exists(dir.resolve("stop"))) {
                    Thread.sleep(200);
                }
            } finally {
                oauth2.shutdown();
            }
        }
        System.out.println("[test-servers] stopped");
        System.exit(0);
    }

    /**
     * Global settings for the ITs that go through the proxy: Maven 3.9 cannot interpolate a property into a
     * proxy's {@code <port>}, so the file is written once the port is known. Maven's own downloads bypass it.
     */
    private static String proxySettings(int port) {
        return "<settings>\n  <servers>\n    <server>\n      <id>genesys-debug</id>\n"
                + "      <username>it-debug-client</username>\n      <password>" + GENESYS_SECRET + "</password>\n"
                + "    </server>\n  </servers>\n  <proxies>\n    <proxy>\n      <id>it-proxy</id>\n"
                + "      <active>true</active>\n      <protocol>http</protocol>\n      <host>127.0.0.1</host>\n"
                + "      <port>" + port + "</port>\n      <username>" + PROXY_USER + "</username>\n"
                + "      <password>" + PROXY_PASSWORD + "</password>\n"
                + "      <nonProxyHosts>*.maven.org|*.apache.org|localhost</nonProxyHosts>\n    </proxy>\n"
                + "  </proxies>\n</settings>\n";
    }

    private static void await(Path dir, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(dir.resolve("ready"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The IT token servers did not start within " + timeout.toSeconds()
                        + " s (no " + dir.resolve("ready") + ").");
            }
            Thread.sleep(100);
        }
    }

}
