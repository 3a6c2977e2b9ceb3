package io.github.oauthtoken.testservers;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import java.util.stream.Collectors;

/**
 * Genesys Cloud's login and API hosts on one loopback port, as ../shared/PROTOCOLS.md describes them: client
 * credentials with HTTP Basic at {@code POST /oauth/token}, lowercase {@code bearer}, the 400 {@code invalid_client}
 * body with both {@code description} and {@code error_description}, and {@code /api/v2/tokens/me} (GET, HEAD,
 * DELETE) on the API side.
 *
 * <p>Two test hooks that are not part of Genesys: under {@code /flaky/oauth/token} each client's first request gets
 * 429 with {@code Retry-After: 1}, and {@code /hang/oauth/token} accepts and never answers.
 */
public final class GenesysSimulator extends SimulatorServer {
    /**
     * An OAuth client: its secret, whether the client credentials grant is enabled, its token lifetime, and what
     * {@code GET /api/v2/tokens/me} lists as its tokens' {@code authorizedScope}. PROTOCOLS.md does not say what
     * Genesys lists there for a client credentials client (its permissions are roles); by default the simulator
     * lists nothing, and a client can be given scopes to list.
     */
    public record Client(String secret, boolean grantEnabled, long expiresIn, List<String> authorizedScope) {
        public Client(String secret, boolean grantEnabled, long expiresIn) {
            this(secret, grantEnabled, expiresIn, List.of());
        }
    }

    /** An issued token: whose it is and when it stops being accepted. */
    private record Issued(Client client, long expiresAtNanos) {
        boolean valid() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Client> clients;
    private final Map<String, Issued> validTokens = new ConcurrentHashMap<>();
    private final Set<String> throttledOnce = ConcurrentHashMap.newKeySet();

    public GenesysSimulator(int port, Path journal, Map<String, Client> clients) {
        this(port, journal, clients, null);
    }

    /** The same simulator over HTTPS with {@code tls}, or plain HTTP with null. */
    public GenesysSimulator(int port, Path journal, Map<String, Client> clients, SSLContext tls) {
        super(port, journal, tls);
        this.clients = Map.copyOf(clients);
        route("/oauth/token", exchange -> token(exchange, false));
        route("/flaky/oauth/token", exchange -> token(exchange, true));
        route("/hang/oauth/token", exchange -> {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        route("/api/v2/tokens/me", this::tokensMe);
        start();
    }

    private void token(HttpExchange exchange, boolean throttleFirst) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "application/json", "{\"error\":\"invalid_request\",\"description\":\"POST only\","
                    + "\"error_description\":\"POST only\"}");
            return;
        }
        Optional<String[]> basic = basicCredentials(exchange);
        countTokenRequest(basic.map(b -> b[0]).orElse(""));
        if (throttleFirst && throttledOnce.add(basic.map(b -> b[0]).orElse(""))) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            json(exchange, 429, "{\"message\":\"Rate limit exceeded the maximum\",\"status\":429}");
            return;
        }
        if (!isForm(exchange)) {
            oauthError(exchange, "invalid_request", "content type must be application/x-www-form-urlencoded");
            return;
        }
        Map<String, String> form = form(exchange);
        Client client = basic.map(b -> clients.get(b[0])).orElse(null);
        if (client == null || !client.secret().equals(basic.get()[1])) {
            oauthError(exchange, "invalid_client", "authentication failed");
            return;
        }
        String grant = form.get("grant_type");
        if (grant == null || grant.isEmpty()) {
            oauthError(exchange, "invalid_request", "grant_type is required");
            return;
        }
        if (!"client_credentials".equals(grant)) {
            oauthError(exchange, "unsupported_grant_type", "grant type not supported");
            return;
        }
        if (!client.grantEnabled()) {
            oauthError(exchange, "unauthorized_client", "client is not authorized for this grant type");
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Genesys refuses a token once its lifetime is over; a reader that kept an old token would see that here.
        validTokens.put(token, new Issued(client, System.nanoTime() + client.expiresIn() * 1_000_000_000L));
        recordIssued(token);
        json(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
                + client.expiresIn() + "}");
    }

    /** Scopes of the simulator's own table: plain words, so no escaping is needed. */
    private static String jsonStrings(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static void oauthError(HttpExchange exchange, String error, String description) throws IOException {
        json(exchange, 400, "{\"error\":\"" + error + "\",\"description\":\"" + description
                + "\",\"error_description\":\"" + description + "\"}");
    }

    /** Whether Genesys would take this token now: issued here, not expired, not revoked. */
    public boolean accepts(String token) {
        Issued issued = validTokens.get(token);
        return issued != null && issued.valid();
    }

    private void tokensMe(HttpExchange exchange) throws IOException {
        Optional<Issued> issued = bearer(exchange).map(validTokens::get).filter(Issued::valid);
        if (issued.isEmpty()) {
            json(exchange, 401, "{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\","
                    + "\"status\":401}");
            return;
        }
        switch (exchange.getRequestMethod()) {
            case "GET", "HEAD" -> json(exchange, 200, "{\"organization\":{\"id\":\"0a1b2c3d-org\",\"name\":\"Simulated "
                    + "Org\"},\"homeOrganization\":{\"id\":\"0a1b2c3d-org\",\"name\":\"Simulated Org\"},"
                    + "\"authorizedScope\":" + jsonStrings(issued.get().client().authorizedScope())
                    + ",\"OAuthClient\":{\"id\":\"simulated-client\",\"name\":\"CI\","
                    + "\"organization\":{\"id\":\"0a1b2c3d-org\"}}}");
            case "DELETE" -> {
                validTokens.remove(bearer(exchange).orElseThrow());
                send(exchange, 204, "application/json", "");
            }
            default -> json(exchange, 405, "{\"message\":\"method not allowed\",\"status\":405}");
        }
    }
}
