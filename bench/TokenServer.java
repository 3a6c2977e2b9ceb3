import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's token server: Genesys-shaped answers on loopback, counting token requests.
 * Run with: java bench/TokenServer.java <port-file>. GET /count returns the count; GET /reset zeroes it.
 */
public class TokenServer {
    public static void main(String[] args) throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/oauth/token", exchange -> {
            tokenRequests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"access_token\":\"bench-" + UUID.randomUUID()
                    + "\",\"token_type\":\"bearer\",\"expires_in\":86399}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/count", exchange -> {
            byte[] body = Integer.toString(tokenRequests.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/reset", exchange -> {
            tokenRequests.set(0);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        Files.writeString(Path.of(args[0]), Integer.toString(server.getAddress().getPort()));
    }
}
