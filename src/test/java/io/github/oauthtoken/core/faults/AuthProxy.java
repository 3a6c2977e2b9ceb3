package io.github.oauthtoken.core.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A forward proxy for plain-HTTP targets on loopback that demands Basic proxy authentication (407 otherwise), and
 * strips {@code Proxy-Authorization} before forwarding, like a real proxy, so a test can check what each side saw.
 */
final class AuthProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expected;
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    AuthProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expected = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::acceptLoop, "auth-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread worker = new Thread(() -> relay(client), "auth-proxy-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            String request = FaultServer.readRequest(client.getInputStream());
            seen.add(request);
            String[] lines = request.split("\r\n");
            boolean authorized = false;
            StringBuilder forwarded = new StringBuilder();
            URI target = URI.create(lines[0].split(" ")[1]);
            forwarded.append(lines[0].split(" ")[0]).append(' ').append(target.getRawPath()).append(" HTTP/1.1\r\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    break;
                }
                if (lines[i].regionMatches(true, 0, "Proxy-Authorization:", 0, 20)) {
                    authorized = lines[i].substring(20).trim().equals(expected);
                    continue;
                }
                forwarded.append(lines[i]).append("\r\n");
            }
            OutputStream out = client.getOutputStream();
            if (!authorized) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            int bodyStart = request.indexOf("\r\n\r\n") + 4;
            forwarded.append("\r\n").append(request.substring(bodyStart));
            try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                upstream.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = upstream.getInputStream();
                in.transferTo(out);
            }
        } catch (IOException | RuntimeException e) {
            // A client that went away; the test looks at what arrived.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
