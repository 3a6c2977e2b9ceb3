package io.github.oauthtoken.testservers;

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
public final class AuthProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expected;
    public final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    public AuthProxy(int port, String user, String password) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.expected = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread acceptor = new Thread(this::acceptLoop, "auth-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
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
            String request = readRequest(client.getInputStream());
            seen.add(request);
            String[] lines = request.split("\r\n");
            boolean authorized = false;
            StringBuilder forwarded = new StringBuilder();
            if (lines[0].startsWith("CONNECT ")) {
                tunnel(client, lines);
                return;
            }
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
                if (lines[i].regionMatches(true, 0, "Connection:", 0, 11)
                        || lines[i].regionMatches(true, 0, "Proxy-Connection:", 0, 17)) {
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
            // One request per connection, on both sides: the client learns it from the upstream's answer.
            forwarded.append("Connection: close\r\n");
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

    private boolean authorized(String[] lines) {
        for (String line : lines) {
            if (line.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)) {
                return line.substring(20).trim().equals(expected);
            }
        }
        return false;
    }

    /** HTTPS through the proxy: CONNECT host:port, then bytes both ways, the TLS session end to end. */
    private void tunnel(Socket client, String[] lines) throws IOException {
        OutputStream out = client.getOutputStream();
        if (!authorized(lines)) {
            out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        String[] hostPort = lines[0].split(" ")[1].split(":");
        try (Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread upward = new Thread(() -> {
                try {
                    client.getInputStream().transferTo(upstream.getOutputStream());
                    upstream.shutdownOutput();
                } catch (IOException e) {
                    // Either side closed.
                }
            }, "auth-proxy-tunnel");
            upward.setDaemon(true);
            upward.start();
            upstream.getInputStream().transferTo(out);
        }
    }

    /** Reads the head and the Content-Length body of one request. */
    public static String readRequest(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] so = head.toByteArray();
            int n = so.length;
            if (n >= 4 && so[n - 4] == '\r' && so[n - 3] == '\n' && so[n - 2] == '\r' && so[n - 1] == '\n') {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
