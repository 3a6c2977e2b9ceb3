package io.github.oauthtoken.testservers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * What the provider simulators share: a loopback JDK HTTP (or HTTPS) server, request counters per client, and a
 * journal of issued tokens (so that integration tests can search their build logs for every token the build received).
 */
public abstract class SimulatorServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();
    private final AtomicInteger allTokenRequests = new AtomicInteger();
    private final Path journal;

    SimulatorServer(int port, Path journal) {
        this(port, journal, null);
    }

    /** With {@code tls}, the same server over HTTPS; null for plain HTTP. */
    SimulatorServer(int port, Path journal, SSLContext tls) {
        this.journal = journal;
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            if (tls == null) {
                server = HttpServer.create(address, 100);
            } else {
                HttpsServer https = HttpsServer.create(address, 100);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, getClass().getSimpleName());
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/__count", exchange -> {
            String client = query(exchange).getOrDefault("client", "");
            send(exchange, 200, "text/plain", Integer.toString(tokenRequests(client)));
        });
    }

    /**
     * Serves exactly {@code path}. The JDK server matches contexts by string prefix, so without the check a client
     * that posted to {@code /oauth/token/} or {@code /oauth/tokens} would be served as if its URL were right.
     */
    void route(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try {
                if (!path.equals(exchange.getRequestURI().getPath())) {
                    send(exchange, 404, "application/json", "{\"error\":\"not_found\"}");
                    return;
                }
                handler.handle(exchange);
            } catch (RuntimeException e) {
                send(exchange, 500, "application/json", "{\"error\":\"server_error\"}");
            }
        });
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    final SimulatorServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** By address; the HTTPS server's certificate names {@code 127.0.0.1} too. */
    public String baseUrl() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port();
    }

    /** Token requests of every client, whatever their outcome. */
    public int tokenRequests() {
        return allTokenRequests.get();
    }

    /** Token requests that named this client id (or {@code ""} for none), whatever their outcome. */
    public int tokenRequests(String clientId) {
        return tokenRequests.getOrDefault(clientId, new AtomicInteger()).get();
    }

    void countTokenRequest(String clientId) {
        allTokenRequests.incrementAndGet();
        tokenRequests.computeIfAbsent(clientId == null ? "" : clientId, k -> new AtomicInteger()).incrementAndGet();
    }

    void recordIssued(String token) {
        if (journal != null) {
            try {
                Files.writeString(journal, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The id and secret of an HTTP Basic header, each form-decoded (RFC 6749 section 2.3.1). */
    static Optional<String[]> basicCredentials(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {
            URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8)});
    }

    static Optional<String> bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? Optional.of(header.substring(7).trim())
                : Optional.empty();
    }

    static boolean isForm(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        return decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : decode(raw);
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
