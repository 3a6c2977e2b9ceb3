import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The benchmark's token server: Genesys-shaped answers on loopback, counting token requests.
 * Run with: java bench/TokenServer.java <port-file> [<server-keystore.p12> <password>]. With a key store it speaks
 * HTTPS only (the key store holds the server's key and its chain up to the bench's private CA). GET /count returns
 * the count; GET /reset zeroes it.
 */
public class TokenServer {
    public static void main(String[] args) throws Exception {
        AtomicInteger tokenRequests = new AtomicInteger();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server;
        if (args.length >= 3) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            char[] password = args[2].toCharArray();
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                keys.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            HttpsServer https = HttpsServer.create(loopback, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(loopback, 50);
        }
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
        Path portFile = Path.of(args[0]);
        Path partial = Path.of(args[0] + ".tmp");
        Files.writeString(partial, Integer.toString(server.getAddress().getPort()));
        Files.move(partial, portFile);
    }
}
