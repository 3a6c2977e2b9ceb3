package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A forward proxy on loopback that demands Basic proxy authentication (407 otherwise). Plain-HTTP requests are
 * relayed without {@code Proxy-Authorization}, as a real proxy does, so a test can check what each side saw;
 * {@code CONNECT} opens a tunnel for HTTPS. Like a real proxy it refuses (403) to {@code CONNECT} to itself, or to
 * relay a request to itself. It resolves {@link #PROXIED_HOST}, and the names under it, to loopback: the client never
 * proxies loopback names, so a test that wants its request to go through the proxy names the target by a host only
 * the proxy can reach.
 *
 * <p>Each request is also recorded under the user name it authenticated with (right or wrong password; {@code ""}
 * for none), with the proxy's answer: {@code 200 CONNECT host:port}, {@code 403 CONNECT 127.0.0.1:port}, {@code 407
 * ...}, {@code relayed GET http://...}. A request addressed to the proxy itself, {@code GET /__requests?user=NAME},
 * answers one such line per request of that user, so that several integration tests can share the proxy, each with a
 * user of its own, and ask what their build sent through it.
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
    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close"
            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    private static final String REPORT_PATH = "/__requests";

    private final Map<String, String> passwords;
    private final Map<String, List<String>> answered = new ConcurrentHashMap<>();
    public final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    public AuthProxy(int port, String user, String password) throws IOException {
        this(port, Map.of(user, password));
    }

    /** A proxy that accepts each of these users with its password. */
    public AuthProxy(int port, Map<String, String> passwords) throws IOException {
        super(port, "auth-proxy");
        this.passwords = Map.copyOf(passwords);
    }

    @Override
    protected void handle(Socket client) throws IOException {
        String request = readRequest(client.getInputStream());
        String[] lines = request.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        OutputStream out = client.getOutputStream();
        if (requestLine.length < 2 || requestLine[1].startsWith("/")) {
            // Addressed to the proxy itself, not through it.
            if (requestLine.length >= 2 && URI.create(requestLine[1]).getPath().equals(REPORT_PATH)) {
                report(out, URI.create(requestLine[1]).getRawQuery());
            } else {
                out.write(BAD_REQUEST);
            }
            return;
        }
        seen.add(request);
        String method = requestLine[0];
        String target = requestLine[1];
        Credentials credentials = credentials(lines);
        if (!credentials.valid()) {
            record(credentials.user(), "407 " + method + " " + target);
            out.write(PROXY_AUTHENTICATION_REQUIRED);
            return;
        }
        if (method.equals("CONNECT")) {
            if (isItself(target)) {
                record(credentials.user(), "403 " + method + " " + target);
                out.write(FORBIDDEN);
                return;
            }
            tunnel(client, target, credentials.user());
            return;
        }
        URI uri = URI.create(target);
        if (isItself(uri.getHost() + ":" + uri.getPort())) {
            record(credentials.user(), "403 " + method + " " + target);
            out.write(FORBIDDEN);
            return;
        }
        record(credentials.user(), "relayed " + method + " " + target);
        StringBuilder forwarded = new StringBuilder();
        forwarded.append(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n");
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            if (!startsWithIgnoringCase(lines[i], "Proxy-Authorization:")
                    && !startsWithIgnoringCase(lines[i], "Connection:")
                    && !startsWithIgnoringCase(lines[i], "Proxy-Connection:")) {
                forwarded.append(lines[i]).append("\r\n");
            }
        }
        // One request per connection, on both sides: the client learns it from the upstream's answer.
        forwarded.append("Connection: close\r\n\r\n").append(request.substring(request.indexOf("\r\n\r\n") + 4));
        try (Socket upstream = new Socket(resolve(uri.getHost()), uri.getPort())) {
            upstream.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstream.getInputStream().transferTo(out);
        }
    }

    /** What the proxy answered each request of {@code user}, one line each, in the order they came. */
    public List<String> requestsOf(String user) {
        List<String> lines = answered.getOrDefault(user, List.of());
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private void record(String user, String line) {
        answered.computeIfAbsent(user, u -> Collections.synchronizedList(new ArrayList<>())).add(line);
    }

    private void report(OutputStream out, String rawQuery) throws IOException {
        String user = "";
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.startsWith("user=")) {
                user = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        StringBuilder body = new StringBuilder();
        requestsOf(user).forEach(line -> body.append(line).append('\n'));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
    }

    /** A loop: this proxy's own port on a name that leads back to this machine. */
    private boolean isItself(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 && hostAndPort.substring(colon + 1).equals(Integer.toString(port()))
                && isLoopback(hostAndPort.substring(0, colon));
    }

    private static String resolve(String host) {
        return isProxiedName(host) ? "127.0.0.1" : host;
    }

    /** {@link #PROXIED_HOST} and every name under it, such as {@code proxy.oauth-token.test}. */
    private static boolean isProxiedName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals(PROXIED_HOST) || h.endsWith("." + PROXIED_HOST);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || isProxiedName(host);
    }

    /** The user a request's {@code Proxy-Authorization} names, and whether its password is that user's. */
    private record Credentials(String user, boolean valid) {}

    private Credentials credentials(String[] lines) {
        for (String line : lines) {
            if (line.isEmpty()) {
                break;
            }
            if (startsWithIgnoringCase(line, "Proxy-Authorization:")) {
                String value = line.substring(20).trim();
                if (!startsWithIgnoringCase(value, "Basic ")) {
                    return new Credentials("", false);
                }
                String pair;
                try {
                    pair = new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return new Credentials("", false);
                }
                int colon = pair.indexOf(':');
                if (colon < 0) {
                    return new Credentials("", false);
                }
                String user = pair.substring(0, colon);
                return new Credentials(user, pair.substring(colon + 1).equals(passwords.get(user)));
            }
        }
        return new Credentials("", false);
    }

    private static boolean startsWithIgnoringCase(String line, String prefix) {
        return line.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** HTTPS through the proxy: bytes both ways after CONNECT, the TLS session end to end. */
    private void tunnel(Socket client, String hostAndPort, String user) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        Socket upstream;
        try {
            upstream = new Socket(resolve(hostAndPort.substring(0, colon)), Integer.parseInt(hostAndPort.substring(colon + 1)));
        } catch (IOException e) {
            record(user, "502 CONNECT " + hostAndPort);
            client.getOutputStream().write(BAD_GATEWAY);
            return;
        }
        try (upstream) {
            record(user, "200 CONNECT " + hostAndPort);
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
