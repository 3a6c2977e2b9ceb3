package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The token servers of the invoker integration tests, started by the build around them (see the POM) in a JVM of
 * their own:
 *
 * <pre>java -cp TEST_CLASSPATH io.github.oauthtoken.testservers.TestServersMain GENESYS_PORT CXONE_PORT OAUTH2_PORT PROXY_PORT READY_FILE</pre>
 *
 * runs the Genesys and CXone simulators, the third-party mock-oauth2-server (issuer id {@code default}) and an
 * authenticating proxy on loopback, prints one line per server, and creates {@code READY_FILE} once every one of
 * them has answered a request. The other files live beside it: {@code issued-tokens.txt} (every token the
 * simulators issue, one a line, so that each IT can search its log for them), {@code proxy-settings.xml} (global
 * settings for the ITs that go through the proxy), {@code failed} (why the start failed) and {@code stop}.
 *
 * <p>It runs until {@code stop} appears ({@link StopTestServers}), until it is killed, until the process that
 * started it (the Maven build) is gone, or for one hour at most, so that no build, however it ends, leaves it
 * behind. It never prints a secret or a token.
 */
public final class TestServersMain implements AutoCloseable {
    /** Credentials the simulators accept; the ITs' settings.xml and environment variables use the same. */
    public static final String GENESYS_SECRET = "it-genesys-secret-4Qx9Tb";
    public static final List<String> GENESYS_CLIENTS = List.of(
            "it-genesys-client", "it-reactor-client", "it-flaky-client", "it-cache-client", "it-ci-client",
            "it-debug-client", "it-proxy-client", "it-two-a-client", "it-two-b-client", "it-parallel-a-client",
            "it-parallel-b-client", "it-skip-client", "it-failatend-client", "it-hang-client", "it-logfile-client",
            "it-xdebug-client", "it-maven4-client", "it-nocache-client");
    public static final String CXONE_CLIENT = "it-cxone-app";
    public static final String CXONE_SECRET = "it-cxone-app-secret-Zk2w";
    public static final String CXONE_KEY_ID = "it-access-key-id";
    public static final String CXONE_KEY_SECRET = "it-access-key-secret-P8wq";
    public static final String PROXY_USER = "it-proxy-user";
    public static final String PROXY_PASSWORD = "it-proxy-pass-R5tv";

    static final String JOURNAL = "issued-tokens.txt";
    static final String PROXY_SETTINGS = "proxy-settings.xml";
    static final String FAILED = "failed";
    static final String STOP = "stop";
    static final String STOPPED = "stopped";
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final GenesysSimulator genesys;
    private final CxoneSimulator cxone;
    private final AuthProxy proxy;
    private final MockOAuth2Server oauth2;

    private TestServersMain(GenesysSimulator genesys, CxoneSimulator cxone, AuthProxy proxy, MockOAuth2Server oauth2) {
        this.genesys = genesys;
        this.cxone = cxone;
        this.proxy = proxy;
        this.oauth2 = oauth2;
    }

    /** Starts all four servers (port 0: any free port); if one fails, the ones already started are stopped. */
    static TestServersMain start(Path journal, int genesysPort, int cxonePort, int oauth2Port, int proxyPort)
            throws IOException {
        Map<String, GenesysSimulator.Client> clients = new HashMap<>();
        GENESYS_CLIENTS.forEach(id -> clients.put(id, new GenesysSimulator.Client(GENESYS_SECRET, true, 86399)));
        clients.put("it-nogrant-client", new GenesysSimulator.Client(GENESYS_SECRET, false, 86399));
        clients.put("it-shortlived-client", new GenesysSimulator.Client(GENESYS_SECRET, true, 120));
        GenesysSimulator genesys = null;
        CxoneSimulator cxone = null;
        AuthProxy proxy = null;
        try {
            genesys = new GenesysSimulator(genesysPort, journal, clients);
            cxone = new CxoneSimulator(cxonePort, journal, CXONE_CLIENT, CXONE_SECRET, Map.of(CXONE_KEY_ID, CXONE_KEY_SECRET));
            proxy = new AuthProxy(proxyPort, PROXY_USER, PROXY_PASSWORD);
            MockOAuth2Server oauth2 = new MockOAuth2Server();
            oauth2.start(InetAddress.getLoopbackAddress(), oauth2Port);
            return new TestServersMain(genesys, cxone, proxy, oauth2);
        } catch (IOException | RuntimeException e) {
            closeQuietly(genesys);
            closeQuietly(cxone);
            closeQuietly(proxy);
            throw e;
        }
    }

    String genesysUrl() {
        return genesys.baseUrl();
    }

    String cxoneUrl() {
        return cxone.baseUrl();
    }

    /** {@code http://localhost:PORT/default}: mock-oauth2-server names its issuer by host name. */
    String oauth2Issuer() {
        return oauth2.issuerUrl("default").toString().replaceAll("/$", "");
    }

    int proxyPort() {
        return proxy.port();
    }

    /** One line per server, for the build's console; URLs and ports only. */
    List<String> describe() {
        return List.of(
                "[test-servers] Genesys simulator (login and API): " + genesysUrl(),
                "[test-servers] CXone simulator (issuer): " + cxoneUrl(),
                "[test-servers] mock-oauth2-server (issuer): " + oauth2Issuer(),
                "[test-servers] authenticating proxy: 127.0.0.1:" + proxyPort());
    }

    /**
     * Waits until every server has answered: an HTTP request to each simulator and to mock-oauth2-server's discovery
     * document (through {@code localhost}, as the ITs reach it), a TCP connection to the proxy.
     */
    void awaitAnswering(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String url : List.of(genesysUrl() + "/__count", cxoneUrl() + "/.well-known/openid-configuration",
                oauth2Issuer() + "/.well-known/openid-configuration")) {
            awaitTrue(deadline, url, () -> {
                try {
                    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }
        awaitTrue(deadline, "proxy port " + proxyPort(), () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort()), 2000);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static void awaitTrue(long deadline, String what, BooleanSupplier answered)
            throws IOException, InterruptedException {
        while (!answered.getAsBoolean()) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                throw new IOException("no answer from " + what);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        oauth2.shutdown();
        closeQuietly(proxy);
        closeQuietly(cxone);
        closeQuietly(genesys);
    }

    private static void closeQuietly(AutoCloseable server) {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: TestServersMain GENESYS_PORT CXONE_PORT OAUTH2_PORT PROXY_PORT READY_FILE");
            System.exit(2);
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        int status = run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Path.of(args[4]).toAbsolutePath(), System.out,
                () -> parent.map(ProcessHandle::isAlive).orElse(true), MAX_LIFETIME);
        System.exit(status);
    }

    /**
     * Starts the servers, announces them, signals readiness through {@code ready}, and serves until a stop request,
     * until {@code stillWanted} turns false, or until {@code maxLifetime} has passed. Returns the exit status.
     */
    static int run(int genesysPort, int cxonePort, int oauth2Port, int proxyPort, Path ready, PrintStream out,
            BooleanSupplier stillWanted, Duration maxLifetime) throws IOException, InterruptedException {
        Path dir = ready.getParent();
        Files.createDirectories(dir);
        for (String stale : List.of(ready.getFileName().toString(), STOP, STOPPED, FAILED, JOURNAL)) {
            Files.deleteIfExists(dir.resolve(stale));
        }
        String reason;
        try (TestServersMain servers = start(dir.resolve(JOURNAL), genesysPort, cxonePort, oauth2Port, proxyPort);
                SecretlessServers secretless = SecretlessServers.fromSystemProperties(dir)) {
            servers.awaitAnswering(PROBE_TIMEOUT);
            servers.describe().forEach(out::println);
            secretless.describe().forEach(out::println);
            Files.writeString(dir.resolve(PROXY_SETTINGS), proxySettings(servers.proxyPort()));
            writeAtomically(ready, "ready\n");
            out.println("[test-servers] ready: " + ready);
            out.flush();
            long deadline = System.nanoTime() + maxLifetime.toNanos();
            while (true) {
                if (Files.exists(dir.resolve(STOP))) {
                    reason = "stop requested";
                    break;
                }
                if (!stillWanted.getAsBoolean()) {
                    reason = "the build that started them is gone";
                    break;
                }
                if (System.nanoTime() > deadline) {
                    reason = "maximum lifetime of " + maxLifetime.toMinutes() + " min reached";
                    break;
                }
                Thread.sleep(100);
            }
        } catch (IOException | RuntimeException e) {
            // Bind failures and probe timeouts carry ports and URLs only.
            writeAtomically(dir.resolve(FAILED), e.getClass().getSimpleName() + ": " + e.getMessage() + "\n");
            out.println("[test-servers] failed to start: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            out.flush();
            return 1;
        } finally {
            Files.deleteIfExists(ready);
        }
        writeAtomically(dir.resolve(STOPPED), reason + "\n");
        out.println("[test-servers] stopped (" + reason + ")");
        out.flush();
        return 0;
    }

    /** Written beside and then moved, so that a waiting build never reads half a file. */
    static void writeAtomically(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
}
