package io.github.oauthtoken.maven;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The smallest Genesys-shaped token server the mojo tests need: HTTP Basic client credentials at
 * {@code /oauth/token}, {@code /api/v2/tokens/me} for verify and revoke. Provider behaviour in depth is tested in
 * the core tests and the invoker ITs; here only the Maven wiring is under test.
 */
final class StubTokenServer implements AutoCloseable {
    static final String CLIENT_ID = "mojo-test-client";
    static final String CLIENT_SECRET = "mojo-test-secret-" + UUID.randomUUID();

    private final HttpServer server;
    final AtomicInteger tokenRequests = new AtomicInteger();
    final AtomicInteger revocations = new AtomicInteger();
    volatile String lastToken;

    StubTokenServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        server.createContext("/oauth/token", exchange -> {
            tokenRequests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            String body;
            int status;
            if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                lastToken = "tok-" + UUID.randomUUID();
                body = "{\"access_token\":\"" + lastToken + "\",\"token_type\":\"bearer\",\"expires_in\":86399}";
                status = 200;
            } else {
                body = "{\"error\":\"invalid_client\",\"description\":\"authentication failed\","
                        + "\"error_description\":\"authentication failed\"}";
                status = 400;
            }
            send(exchange, status, body);
        });
        server.createContext("/api/v2/tokens/me", exchange -> {
            if ("DELETE".equals(exchange.getRequestMethod())) {
                revocations.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
                return;
            }
            send(exchange, 200, "{\"organization\":{\"id\":\"org-42\",\"name\":\"Test\"}}");
        });
        server.start();
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
