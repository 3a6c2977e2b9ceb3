package io.github.oauthtoken.testservers;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.oauthtoken.core.token.Fingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Maven repository on loopback (Jetty) that, like a company's repository manager, serves and accepts artifacts only
 * with a live OAuth token from the IT token servers: the token as the password of HTTP Basic, or as
 * {@code Authorization: Bearer}. Anything else gets 401 with {@code WWW-Authenticate: Basic realm="..."}, the
 * challenge real managers (Artifactory, Nexus, Azure Artifacts) send, and the one Maven's transports wait for before
 * they send Basic credentials.
 *
 * <p>URLs are {@code http://127.0.0.1:PORT/MODE/SPACE/...}:
 * <ul>
 *   <li>{@code MODE} is what the repository accepts: {@code basic} (the token as the password, any user name),
 *       {@code basic-as-USER} (only with user name {@code USER}, as Google Artifact Registry's
 *       {@code oauth2accesstoken}), {@code bearer} (only {@code Authorization: Bearer}), or {@code any};</li>
 *   <li>{@code SPACE} is a name each IT picks for itself ({@code [A-Za-z0-9_-]}): every space serves a parent POM
 *       {@code it.repo.SPACE:repo-parent:1} and a dependency {@code it.repo.SPACE:repo-lib:1}
 *       ({@link RepositoryArtifacts}) and keeps its own deploys and its own record of requests, so ITs that run at
 *       the same time never see each other's.</li>
 * </ul>
 * {@code GET /__requests?space=SPACE} answers what each request of that space carried, in order, as JSON: method,
 * path, status, the scheme of its {@code Authorization} ({@code none}, {@code basic}, {@code bearer}, {@code other}),
 * the Basic user name, whether the token was live, and the token's fingerprint (first 8 hex digits of its SHA-256,
 * as the plugin prints it) so that an IT can tell how many tokens the build used, and the value of a request's
 * {@value #MARKER} header, which an IT's settings.xml can add to its server's {@code <httpHeaders>} to see that they
 * still go with the token. The token itself is never kept, never printed and never answered.
 *
 * <p>Whether a token is live (issued by a token server and neither expired nor revoked) is the token servers' own
 * answer, asked in this JVM: {@code liveTokens}.
 */
public final class LoopbackMavenRepository implements AutoCloseable {
    static final String REALM = "oauth-token-it-repository";
    static final String REQUESTS = "/__requests";
    /** A header of no meaning to the repository, recorded to show that a server's other headers were sent. */
    static final String MARKER = "X-It-Marker";
    /** The mode that takes the token as the Basic password of one user name only, which follows. */
    static final String BASIC_AS = "basic-as-";
    /** Larger uploads are refused: an IT deploys a few kilobytes. */
    private static final int MAX_UPLOAD = 10 * 1024 * 1024;

    /** What one request carried and got. */
    public record Seen(String space, String mode, String method, String path, int status, String scheme,
            String username, boolean live, String fingerprint, String marker) {
        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("mode", mode);
            json.put("method", method);
            json.put("path", path);
            json.put("status", status);
            json.put("scheme", scheme);
            json.put("username", username);
            json.put("live", live);
            json.put("fingerprint", fingerprint);
            json.put("marker", marker);
            return json;
        }
    }

    /** The credential of a request's {@code Authorization} header. */
    private record Credential(String scheme, String username, String token) {
        static final Credential NONE = new Credential("none", null, null);

        static Credential of(String header) {
            if (header == null || header.isBlank()) {
                return NONE;
            }
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return new Credential("bearer", null, header.substring(7).trim());
            }
            if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    // RFC 7617: user-id ":" password, no form encoding (unlike OAuth's client authentication).
                    String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                            StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    if (colon >= 0) {
                        return new Credential("basic", pair.substring(0, colon), pair.substring(colon + 1));
                    }
                } catch (IllegalArgumentException e) {
                    // not Base64: an unusable credential, like any other
                }
            }
            return new Credential("other", null, null);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final Predicate<String> liveTokens;
    /** A space's name is part of its artifacts' group id, so it is kept to what a group id segment may hold. */
    private static final Pattern SPACE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, Map<String, byte[]>> artifacts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, byte[]>> deployed = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    /** On {@code port} of loopback (0: any free port). */
    public LoopbackMavenRepository(int port, Predicate<String> liveTokens) throws IOException {
        this.liveTokens = liveTokens;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("it-repository");
        threads.setDaemon(true);
        server = new Server(threads);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                serve(request, response, callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IOException("the loopback repository did not start on port " + port, e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The requests of one space, in order. */
    public List<Seen> requests(String space) {
        return seen.stream().filter(s -> s.space().equals(space)).toList();
    }

    /** What was deployed into a space (path below the space to bytes); empty when nothing was. */
    public Map<String, byte[]> deployed(String space) {
        return Map.copyOf(deployed.getOrDefault(space, Map.of()));
    }

    private void serve(Request request, Response response, Callback callback) throws IOException {
        String path = Request.getPathInContext(request);
        if (path.equals(REQUESTS)) {
            Fields query = Request.extractQueryParameters(request);
            String space = Optional.ofNullable(query.getValue("space")).orElse("");
            List<Map<String, Object>> list = new ArrayList<>();
            requests(space).forEach(s -> list.add(s.json()));
            send(request, response, callback, 200, "application/json",
                    JSON.std.asString(list).getBytes(StandardCharsets.UTF_8));
            return;
        }
        String[] parts = path.split("/", 4);
        if (parts.length < 4 || parts[1].isEmpty() || !SPACE.matcher(parts[2]).matches() || parts[3].isEmpty()) {
            send(request, response, callback, 404, "text/plain", bytes("no such repository: " + path));
            return;
        }
        String mode = parts[1];
        String space = parts[2];
        String file = parts[3];
        Credential credential = Credential.of(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        boolean live = credential.token() != null && !credential.token().isEmpty()
                && liveTokens.test(credential.token());
        String fingerprint = credential.token() == null || credential.token().isEmpty() ? null
                : Fingerprint.of(credential.token());
        int status;
        if (!acceptedBy(mode, credential) || !live) {
            status = 401;
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
            send(request, response, callback, status, "text/plain", bytes("a live OAuth token is required"));
        } else {
            status = switch (request.getMethod()) {
                case "GET", "HEAD" -> download(space, file, request, response, callback);
                case "PUT" -> upload(space, file, request, response, callback);
                default -> {
                    send(request, response, callback, 405, "text/plain", bytes("GET, HEAD and PUT only"));
                    yield 405;
                }
            };
        }
        seen.add(new Seen(space, mode, request.getMethod(), file, status, credential.scheme(), credential.username(),
                live, fingerprint, request.getHeaders().get(MARKER)));
    }

    /** Whether the repository's mode takes this kind of credential at all (liveness aside). */
    private static boolean acceptedBy(String mode, Credential credential) {
        return switch (credential.scheme()) {
            case "basic" -> mode.equals("any") || mode.equals("basic")
                    || mode.startsWith(BASIC_AS) && mode.substring(BASIC_AS.length()).equals(credential.username());
            case "bearer" -> mode.equals("any") || mode.equals("bearer");
            default -> false;
        };
    }

    private int download(String space, String file, Request request, Response response, Callback callback) {
        byte[] content = deployed.getOrDefault(space, Map.of()).get(file);
        if (content == null) {
            content = artifacts.computeIfAbsent(space, RepositoryArtifacts::of).get(file);
        }
        if (content == null) {
            send(request, response, callback, 404, "text/plain", bytes("not found: " + file));
            return 404;
        }
        send(request, response, callback, 200, contentType(file), content);
        return 200;
    }

    private int upload(String space, String file, Request request, Response response, Callback callback)
            throws IOException {
        byte[] content;
        try (InputStream in = Content.Source.asInputStream(request)) {
            content = in.readNBytes(MAX_UPLOAD + 1);
        }
        if (content.length > MAX_UPLOAD) {
            send(request, response, callback, 413, "text/plain", bytes("too large"));
            return 413;
        }
        deployed.computeIfAbsent(space, s -> new ConcurrentHashMap<>()).put(file, content);
        send(request, response, callback, 201, "text/plain", new byte[0]);
        return 201;
    }

    private static String contentType(String file) {
        if (file.endsWith(".pom") || file.endsWith(".xml")) {
            return "application/xml";
        }
        return file.endsWith(".jar") ? "application/java-archive" : "text/plain";
    }

    private static void send(Request request, Response response, Callback callback, int status, String type,
            byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        boolean head = "HEAD".equals(request.getMethod());
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }
}
