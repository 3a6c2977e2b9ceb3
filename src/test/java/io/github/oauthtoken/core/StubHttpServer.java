package io.github.oauthtoken.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny JDK HttpServer on 127.0.0.1 and a free port, with canned answers per path and a record of every request.
 * Only what the unit tests of the core need; the full Genesys/CXone simulators live in the testservers package.
 */
public final class StubHttpServer implements AutoCloseable {

    /** A request as the server saw it; header names lower case, first value only. */
    public record Request(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A canned answer. */
    public record Response(int status, Map<String, String> headers, String body) {
        public static Response json(int status, String body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body);
        }

        public Response header(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Response(status, copy, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "stub-http-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        // Anything not routed is a 404, and still recorded.
        server.createContext("/", exchange -> {
            record(exchange);
            send(exchange, Response.json(404, "{\"message\":\"not found\"}"));
        });
        server.start();
    }

    /** Answers every request to {@code path} (and below it) with what {@code handler} returns. */
    public StubHttpServer on(String path, Function<Request, Response> handler) {
        server.createContext(path, exchange -> send(exchange, handler.apply(record(exchange))));
        return this;
    }

    /** Answers every request to {@code path} with the same JSON. */
    public StubHttpServer onJson(String path, int status, String json) {
        return on(path, request -> Response.json(status, json));
    }

    /** Full control over the exchange, for malformed or oversized answers; the request is recorded first. */
    public StubHttpServer raw(String path, RawHandler handler) {
        server.createContext(path, exchange -> {
            record(exchange);
            handler.handle(exchange);
        });
        return this;
    }

    @FunctionalInterface
    public interface RawHandler {
        void handle(HttpExchange exchange) throws IOException;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private Request record(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
        requests.add(request);
        return request;
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
