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
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The token servers of the invoker integration tests, started by the build around them (see the POM) in a JVM of
 * their own:
 *
 * <pre>java [-Dit.clientSuffixes=-a,-b] -cp TEST_CLASSPATH io.github.oauthtoken.testservers.TestServersMain GENESYS_PORT CXONE_PORT OAUTH2_PORT PROXY_PORT GENESYS_HTTPS_PORT READY_FILE</pre>
 *
 * runs the Genesys and CXone simulators, the third-party mock-oauth2-server (issuer id {@code default}), an
 * authenticating proxy and a second Genesys simulator over HTTPS on loopback, prints one line per server, and creates
 * {@code READY_FILE} once every one of them has answered a request. The HTTPS simulator's certificate comes from a
 * private CA made at start ({@link PrivateCa}) and names {@link AuthProxy#PROXIED_HOST}: a build reaches it as
 * {@code https://oauth-token.test:GENESYS_HTTPS_PORT} through the proxy only, as a company's token server behind its
 * proxy. The other files live beside the ready file: {@code issued-tokens.txt} (every token the simulators issue, one
 * a line, so that each IT can search its log for them), {@code trust-store.p12} (the CA's certificate alone, opened by
 * {@link #TRUST_STORE_PASSWORD}), {@code tls/} (the CA's and the server's keys), {@code proxy-settings.xml} and
 * {@code proxy-pair-settings.xml} (global settings for the ITs that go through the proxy), {@code failed} (why the
 * start failed) and {@code stop}. With system properties naming their ports, the secretless ITs' servers
 * ({@link SecretlessServers}) and a Spring Authorization Server ({@link SpringAuthorizationServer}) run beside them.
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
            "it-xdebug-client", "it-maven4-client", "it-nocache-client", "it-extension-client",
            // The repository-credentials-* ITs: the core extension's tokens for the loopback repository.
            "it-repo-basic-client", "it-repo-bearer-client", "it-repo-wrong-client");
    /** Opens {@link #TRUST_STORE}; the ITs' settings.xml has it as server {@code it-trust-store}. */
    public static final String TRUST_STORE_PASSWORD = "it-trust-pass-M7cd";
    public static final String CXONE_CLIENT = "it-cxone-app";
    public static final String CXONE_SECRET = "it-cxone-app-secret-Zk2w";
    public static final String CXONE_KEY_ID = "it-access-key-id";
    public static final String CXONE_KEY_SECRET = "it-access-key-secret-P8wq";
    public static final String PROXY_PASSWORD = "it-proxy-pass-R5tv";
    /**
     * The proxy's users, all with {@link #PROXY_PASSWORD}: one per IT scenario that goes through the proxy (ITs run in
     * parallel), so that each IT can ask the proxy what its own build sent ({@code /__requests?user=}).
     */
    public static final String PROXY_USER = "it-proxy-user";
    public static final String PAIR_PROXY_USER = "it-pair-user";
    public static final String ENV_PROXY_USER = "it-env-user";
    /**
     * {@link #PROXY_PASSWORD} as {@code mvn --encrypt-password} wrote it with the master password of
     * {@code src/it/corporate-proxy-pair/settings-security.xml} (salted: any run gives another string that decrypts the
     * same).
     */
    static final String PROXY_PASSWORD_ENCRYPTED = "{l8iosXCqIdIHKsmkN56Al2exFPUr8W+e/YtNBEII2DLkcAZy2DZp/P+dAgllws7T}";
    /** The system property with the client id suffixes of the passes that share these servers. */
    static final String CLIENT_SUFFIXES = "it.clientSuffixes";
    /** Token lifetime of {@code it-refresh-client}. */
    public static final long REFRESH_LIFETIME_SECONDS = 6;
    /**
     * Token lifetime of {@code it-repo-refresh-client}: its IT asks for 70 s of validity, so that a token is renewed
     * 5 s after it was issued.
     */
    public static final long REPOSITORY_REFRESH_LIFETIME_SECONDS = 75;

    static final String JOURNAL = "issued-tokens.txt";
    static final String PROXY_SETTINGS = "proxy-settings.xml";
    static final String PROXY_PAIR_SETTINGS = "proxy-pair-settings.xml";
    /**
     * The proxy by a name, as a company's proxy has one, rather than by a loopback address: the plugin never proxies a
     * loopback name, so only under another name does it ask which route leads to the proxy itself, the question the
     * corporate pair used to answer wrongly. {@code src/it/corporate-proxy-pair/hosts} resolves it to loopback for
     * the build ({@code -Djdk.net.hosts.file}); the proxy takes it for itself.
     */
    public static final String PAIR_PROXY_HOST = "proxy." + AuthProxy.PROXIED_HOST;
    static final String TRUST_STORE = "trust-store.p12";
    static final String TLS_DIRECTORY = "tls";
    static final String FAILED = "failed";
    static final String STOP = "stop";
    static final String STOPPED = "stopped";
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private final GenesysSimulator genesys;
    private final CxoneSimulator cxone;
    private final AuthProxy proxy;
    private final MockOAuth2Server oauth2;
    private final GenesysSimulator genesysHttps;
    private final PrivateCa ca;

    private TestServersMain(GenesysSimulator genesys, CxoneSimulator cxone, AuthProxy proxy, MockOAuth2Server oauth2,
            GenesysSimulator genesysHttps, PrivateCa ca) {
        this.genesys = genesys;
        this.cxone = cxone;
        this.proxy = proxy;
        this.oauth2 = oauth2;
        this.genesysHttps = genesysHttps;
        this.ca = ca;
    }

    /**
     * Starts all five servers (port 0: any free port), with their journal and key material in {@code dir}; if one
     * fails, the ones already started are stopped.
     */
    static TestServersMain start(Path dir, int genesysPort, int cxonePort, int oauth2Port, int proxyPort,
            int genesysHttpsPort) throws IOException {
        Path journal = dir.resolve(JOURNAL);
        Map<String, GenesysSimulator.Client> clients = new HashMap<>();
        GENESYS_CLIENTS.forEach(id -> clients.put(id, new GenesysSimulator.Client(GENESYS_SECRET, true, 86399)));
        clients.put("it-nogrant-client", new GenesysSimulator.Client(GENESYS_SECRET, false, 86399));
        clients.put("it-shortlived-client", new GenesysSimulator.Client(GENESYS_SECRET, true, 120));
        // refresh-token-file: tokens of a few seconds, so a build outlives several of them.
        clients.put("it-refresh-client", new GenesysSimulator.Client(GENESYS_SECRET, true, REFRESH_LIFETIME_SECONDS));
        // repository-credentials-refresh: tokens the build renews between resolving and deploying.
        clients.put("it-repo-refresh-client", new GenesysSimulator.Client(GENESYS_SECRET, true,
                REPOSITORY_REFRESH_LIFETIME_SECONDS));
        // required-scopes-*: a client whose tokens/me lists scopes.
        clients.put("it-scoped-client", new GenesysSimulator.Client(GENESYS_SECRET, true, 86399,
                List.of("users:readonly", "routing")));
        // Each pass of Maven that shares these servers asks with clients of its own, so that what one pass's ITs
        // count (requests per client) does not include another's.
        for (String suffix : clientSuffixes()) {
            Map.copyOf(clients).forEach((id, client) -> clients.putIfAbsent(id + suffix, client));
        }
        GenesysSimulator genesys = null;
        CxoneSimulator cxone = null;
        AuthProxy proxy = null;
        GenesysSimulator genesysHttps = null;
        try {
            genesys = new GenesysSimulator(genesysPort, journal, clients);
            cxone = new CxoneSimulator(cxonePort, journal, CXONE_CLIENT, CXONE_SECRET, Map.of(CXONE_KEY_ID, CXONE_KEY_SECRET));
            Map<String, String> proxyUsers = new HashMap<>();
            for (String user : List.of(PROXY_USER, PAIR_PROXY_USER, ENV_PROXY_USER)) {
                proxyUsers.put(user, PROXY_PASSWORD);
            }
            proxy = new AuthProxy(proxyPort, proxyUsers);
            PrivateCa ca = PrivateCa.create(dir.resolve(TLS_DIRECTORY));
            genesysHttps = new GenesysSimulator(genesysHttpsPort, journal, clients, ca.serverContext());
            MockOAuth2Server oauth2 = new MockOAuth2Server();
            oauth2.start(InetAddress.getLoopbackAddress(), oauth2Port);
            return new TestServersMain(genesys, cxone, proxy, oauth2, genesysHttps, ca);
        } catch (IOException | RuntimeException e) {
            closeQuietly(genesys);
            closeQuietly(cxone);
            closeQuietly(proxy);
            closeQuietly(genesysHttps);
            throw e;
        }
    }

    /**
     * The client id suffixes of {@value #CLIENT_SUFFIXES} (comma-separated): the ITs that several passes run against
     * one set of servers name their Genesys client {@code it-...-client${it.run.client.suffix}}.
     */
    static List<String> clientSuffixes() {
        String suffixes = System.getProperty(CLIENT_SUFFIXES, "");
        return suffixes.isBlank() ? List.of() : List.of(suffixes.trim().split("\\s*,\\s*"));
    }

    String genesysUrl() {
        return genesys.baseUrl();
    }

    /** By address, for this JVM; builds name it {@link AuthProxy#PROXIED_HOST} and go through the proxy. */
    String genesysHttpsUrl() {
        return genesysHttps.baseUrl();
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
                "[test-servers] Genesys simulator over HTTPS (private CA, reached as " + AuthProxy.PROXIED_HOST
                        + " through the proxy): " + genesysHttpsUrl(),
                "[test-servers] CXone simulator (issuer): " + cxoneUrl(),
                "[test-servers] mock-oauth2-server (issuer): " + oauth2Issuer(),
                "[test-servers] authenticating proxy: 127.0.0.1:" + proxyPort());
    }

    /**
     * Waits until every server has answered: an HTTP request to each simulator and to mock-oauth2-server's discovery
     * document (through {@code localhost}, as the ITs reach it), a TCP connection to the proxy.
     */
    void awaitAnswering(Duration timeout) throws IOException, InterruptedException {
        awaitAnswering(timeout, List.of(genesysUrl() + "/__count", cxoneUrl() + "/.well-known/openid-configuration",
                oauth2Issuer() + "/.well-known/openid-configuration", genesysHttpsUrl() + "/__count"));
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitTrue(deadline, "proxy port " + proxyPort(), () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxyPort()), 2000);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** Waits until each URL answers 200 (over HTTPS: with a certificate of the private CA). */
    void awaitAnswering(Duration timeout, List<String> urls) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).sslContext(trustingTheCa())
                .proxy(HttpClient.Builder.NO_PROXY).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String url : urls) {
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
    }

    /** The probe trusts what the ITs trust: the private CA alone. */
    private SSLContext trustingTheCa() throws IOException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(ca.trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS context trusts the private CA", e);
        }
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
        closeQuietly(genesysHttps);
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
        if (args.length != 6) {
            System.err.println("usage: TestServersMain GENESYS_PORT CXONE_PORT OAUTH2_PORT PROXY_PORT "
                    + "GENESYS_HTTPS_PORT READY_FILE");
            System.exit(2);
        }
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        int status = run(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]).toAbsolutePath(), System.out,
                () -> parent.map(ProcessHandle::isAlive).orElse(true), MAX_LIFETIME);
        System.exit(status);
    }

    /**
     * Starts the servers, announces them, signals readiness through {@code ready}, and serves until a stop request,
     * until {@code stillWanted} turns false, or until {@code maxLifetime} has passed. Returns the exit status.
     */
    static int run(int genesysPort, int cxonePort, int oauth2Port, int proxyPort, int genesysHttpsPort, Path ready,
            PrintStream out, BooleanSupplier stillWanted, Duration maxLifetime) throws IOException, InterruptedException {
        Path dir = ready.getParent();
        Files.createDirectories(dir);
        for (String stale : List.of(ready.getFileName().toString(), STOP, STOPPED, FAILED, JOURNAL, TRUST_STORE,
                SpringAuthorizationServer.USER_TOKEN_FILE)) {
            Files.deleteIfExists(dir.resolve(stale));
        }
        String reason;
        try (TestServersMain servers = start(dir, genesysPort, cxonePort, oauth2Port, proxyPort, genesysHttpsPort);
                SecretlessServers secretless = SecretlessServers.fromSystemProperties(dir);
                // After the secretless servers, whose key stores its private_key_jwt clients are registered with.
                SpringAuthorizationServer spring = SpringAuthorizationServer.fromSystemProperties(dir, servers.ca);
                ItRepository repository = ItRepository.fromSystemProperties(
                        token -> servers.genesys.accepts(token) || secretless.accepts(token))) {
            servers.awaitAnswering(PROBE_TIMEOUT);
            if (spring != null) {
                servers.awaitAnswering(PROBE_TIMEOUT, List.of(spring.issuer() + "/.well-known/openid-configuration",
                        spring.httpsIssuer() + "/.well-known/oauth-authorization-server"));
            }
            servers.describe().forEach(out::println);
            secretless.describe().forEach(out::println);
            repository.describe().forEach(out::println);
            if (spring != null) {
                spring.describe().forEach(out::println);
            }
            servers.ca.writeTrustStore(dir.resolve(TRUST_STORE), TRUST_STORE_PASSWORD);
            Files.writeString(dir.resolve(PROXY_SETTINGS), proxySettings(servers.proxyPort()));
            Files.writeString(dir.resolve(PROXY_PAIR_SETTINGS), proxyPairSettings(servers.proxyPort()));
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

    /**
     * Global settings for {@code corporate-proxy-pair}: what many companies hand out, an {@code http} and an
     * {@code https} proxy, both active, on the same host and port, with the same account; the {@code https} one, the
     * one that carries the token request, has its password encrypted, as Maven's documentation recommends. The host
     * is {@link #PAIR_PROXY_HOST}, not a loopback name, as a company's proxy is not.
     */
    private static String proxyPairSettings(int port) {
        return "<settings>\n  <proxies>\n"
                + pairProxy("corp-http", "http", port, PAIR_PROXY_USER, PROXY_PASSWORD)
                + pairProxy("corp-https", "https", port, PAIR_PROXY_USER, PROXY_PASSWORD_ENCRYPTED)
                + "  </proxies>\n</settings>\n";
    }

    private static String pairProxy(String id, String protocol, int port, String user, String password) {
        return "    <proxy>\n      <id>" + id + "</id>\n      <active>true</active>\n      <protocol>" + protocol
                + "</protocol>\n      <host>" + PAIR_PROXY_HOST + "</host>\n      <port>" + port + "</port>\n      <username>" + user
                + "</username>\n      <password>" + password + "</password>\n"
                + "      <nonProxyHosts>localhost|*.maven.org|*.apache.org</nonProxyHosts>\n    </proxy>\n";
    }
}
