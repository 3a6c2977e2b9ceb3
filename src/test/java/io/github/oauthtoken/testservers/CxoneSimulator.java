package io.github.oauthtoken.testservers;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * NICE CXone's authentication server on loopback, as ../shared/PROTOCOLS.md describes it: the discovery document,
 * the password grant with a user's access key at {@code /auth/token} (client authentication by HTTP Basic with
 * form-encoded id and secret, or in the body), an {@code id_token} carrying {@code tenantId}, errors in CXone's
 * camelCase shape, and {@code /.well-known/cxone-configuration?tenantId=...}.
 */
public final class CxoneSimulator extends SimulatorServer {
    public static final String TENANT_ID = "11EB0358-F8A7-4A5F-8D6E-simulated";

    private final String clientId;
    private final String clientSecret;
    private final Map<String, String> accessKeys;

    public CxoneSimulator(int port, Path journal, String clientId, String clientSecret, Map<String, String> accessKeys) {
        super(port, journal);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.accessKeys = Map.copyOf(accessKeys);
        route("/.well-known/openid-configuration", exchange -> json(exchange, 200, "{\"issuer\":\"" + baseUrl()
                + "\",\"token_endpoint\":\"" + baseUrl() + "/auth/token\",\"authorization_endpoint\":\"" + baseUrl()
                + "/auth/authorize\",\"jwks_uri\":\"" + baseUrl() + "/auth/jwks\",\"grant_types_supported\":"
                + "[\"password\",\"authorization_code\",\"refresh_token\",\"client_credentials\"]}"));
        route("/.well-known/cxone-configuration", this::configuration);
        route("/auth/token", this::token);
        start();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = isForm(exchange) ? form(exchange) : Map.of();
        Optional<String[]> basic = basicCredentials(exchange);
        String id = basic.map(b -> b[0]).orElse(form.get("client_id"));
        String secret = basic.map(b -> b[1]).orElse(form.get("client_secret"));
        countTokenRequest(id);
        if (!"POST".equals(exchange.getRequestMethod()) || !isForm(exchange)) {
            error(exchange, 400, "invalid_request", "Expected a form POST");
            return;
        }
        if (!clientId.equals(id) || !clientSecret.equals(secret)) {
            error(exchange, 401, "invalid_client", "Client authentication failed");
            return;
        }
        if (form.get("grant_type") == null) {
            error(exchange, 400, "invalid_request", "grant_type is required");
            return;
        }
        if (!"password".equals(form.get("grant_type"))) {
            error(exchange, 400, "unsupported_grant_type", "Grant type is not supported");
            return;
        }
        if (form.get("username") == null || form.get("password") == null) {
            error(exchange, 400, "invalid_request", "username and password are required");
            return;
        }
        String keySecret = accessKeys.get(form.get("username"));
        if (keySecret == null || !keySecret.equals(form.get("password"))) {
            error(exchange, 400, "invalid_grant", "Invalid access key");
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        String accessToken = jwt("{\"iss\":\"" + baseUrl() + "\",\"sub\":\"user:" + form.get("username")
                + "\",\"tenantId\":\"" + TENANT_ID + "\",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        String idToken = jwt("{\"iss\":\"" + baseUrl() + "\",\"sub\":\"user:" + form.get("username") + "\",\"aud\":\""
                + clientId + "\",\"tenantId\":\"" + TENANT_ID + "\",\"icBUId\":4601234,\"icClusterId\":\"C32\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        String refreshToken = UUID.randomUUID().toString();
        // All three are credentials the build log must not show, so the ITs search for each of them.
        recordIssued(accessToken);
        recordIssued(refreshToken);
        recordIssued(idToken);
        json(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"" + refreshToken + "\",\"id_token\":\"" + idToken + "\"}");
    }

    private void configuration(HttpExchange exchange) throws IOException {
        String tenant = query(exchange).get("tenantId");
        if (!TENANT_ID.equals(tenant)) {
            send(exchange, 404, "application/json", "{\"error\":\"not_found\",\"errorDescription\":\"Unknown tenant\"}");
            return;
        }
        json(exchange, 200, "{\"api_endpoint\":\"" + baseUrl() + "/tenants/" + tenant + "\",\"area\":\"na1\","
                + "\"domain\":\"niceincontact.com\",\"ui_endpoint\":\"" + baseUrl() + "/ui\"}");
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        json(exchange, status, "{\"error\":\"" + error + "\",\"errorDescription\":\"" + description + "\"}");
    }

    /** An unsigned JWT: the plugin reads claims but never trusts them, and the real signature is no concern here. */
    private static String jwt(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ltdWxhdGVk";
    }
}
