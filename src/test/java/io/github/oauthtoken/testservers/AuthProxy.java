package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A forward proxy on loopback that demands Basic proxy authentication (407 otherwise). Plain-HTTP requests are
 * relayed without {@code Proxy-Authorization}, as a real proxy does, so a test can check what each side saw;
 * {@code CONNECT} opens a tunnel for HTTPS. Like a real proxy it refuses (403) to {@code CONNECT} to itself. It
 * resolves {@link #PROXIED_HOST} to loopback: the client never proxies loopback names, so a test that wants its
 * request to go through the proxy names the target by a host only the proxy can reach.
 */
public final class AuthProxy extends LoopbackSocketServer {
    private static final byte[] PROXY_AUTHENTICATION_REQUIRED = ("HTTP/1.1 407 Proxy Authentication Required\r\n"
            + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    /** A reserved name (RFC 6761 {@code .test}) that only this proxy resolves, to loopback. */
    public static final String PROXIED_HOST = "oauth-token.test";

    private static final byte[] FORBIDDEN = ("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] BAD_GATEWAY = ("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close"
            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

    private final String expected;
    public final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    public AuthProxy(int port, String user, String password) throws IOException {
        super(port, "auth-proxy");
        this.expected = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void handle(Socket client) throws IOException {
        String request = readRequest(client.getInputStream());
        seen.add(request);
        String[] lines = request.split("\r\n");
        OutputStream out = client.getOutputStream();
        if (!authorized(lines)) {
            out.write(PROXY_AUTHENTICATION_REQUIRED);
            return;
        }
        if (lines[0].startsWith("CONNECT ")) {
            String hostAndPort = lines[0].split(" ")[1];
            if (hostAndPort.endsWith(":" + port()) && isLoopback(hostAndPort.substring(0, hostAndPort.lastIndexOf(':')))) {
                out.write(FORBIDDEN);
                return;
            }
            tunnel(client, hostAndPort);
            return;
        }
        URI target = URI.create(lines[0].split(" ")[1]);
        StringBuilder forwarded = new StringBuilder();
        forwarded.append(lines[0].split(" ")[0]).append(' ').append(target.getRawPath()).append(" HTTP/1.1\r\n");
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            if (!startsWithIgnoringCase(lines[i], "Proxy-Authorization:")
                    && !startsWithIgnoringCase(lines[i], "Connection:")
                    && !startsWithIgnoringCase(lines[i], "Proxy-Connection:")) {
                forwarded.append(lines[i]).append("\r\n");
            }
        }
        // One request per connection, on both sides: the client learns it from the upstream's answer.
        forwarded.append("Connection: close\r\n\r\n").append(request.substring(request.indexOf("\r\n\r\n") + 4));
        try (Socket upstream = new Socket(resolve(target.getHost()), target.getPort())) {
            upstream.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.getInputStream().transferTo(out);
        }
    }

    private static String resolve(String host) {
        return host.equalsIgnoreCase(PROXIED_HOST) ? "127.0.0.1" : host;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equalsIgnoreCase(PROXIED_HOST);
    }

    private boolean authorized(String[] lines) {
        for (String line : lines) {
            if (startsWithIgnoringCase(line, "Proxy-Authorization:")) {
                return line.substring(20).trim().equals(expected);
            }
        }
        return false;
    }

    private static boolean startsWithIgnoringCase(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** HTTPS through the proxy: bytes both ways after CONNECT, the TLS session end to end. */
    private static void tunnel(Socket client, String hostAndPort) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        Socket upstream;
        try {
            upstream = new Socket(resolve(hostAndPort.substring(0, colon)), Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (IOException e) {
            client.getOutputStream().write(BAD_GATEWAY);
            return;
        }
        try (upstream) {
            OutputStream out = client.getOutputStream();
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
}
