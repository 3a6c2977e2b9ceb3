package io.github.oauthtoken.testservers;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CI systems' OpenID Connect identity token issuers, as ../shared/PROTOCOLS.md ("Secretless") describes them, on
 * one loopback port: an issuer per CI ({@code /github}, {@code /gitlab}, {@code /azure}, each with its discovery
 * document), one JWKS ({@code /jwks}, an RSA key made at start), RS256 tokens with the claims each CI puts in them,
 * and the two request endpoints:
 * <ul>
 *   <li>GitHub Actions: {@code GET /github/idtoken?api-version=2.0&audience=<aud>} with
 *       {@code Authorization: bearer <request token>}, answering {@code {"value": "<JWT>"}} (default audience the
 *       owner's URL, 5 minutes of life);</li>
 *   <li>Azure Pipelines: {@code POST /azure/oidctoken?api-version=7.1&serviceConnectionId=<id>} with
 *       {@code Authorization: Bearer <System.AccessToken>}, answering {@code {"oidcToken": "<JWT>"}} (audience
 *       {@code api://AzureADTokenExchange}, 10 minutes).</li>
 * </ul>
 * GitLab has no endpoint: a job's {@code id_tokens} are in its environment from the start ({@link #gitLabToken}).
 * A test hook that no CI has: the GitHub request token {@link #EXPIRED_REQUEST_TOKEN} gets a token that expired a
 * minute ago. Every token issued goes to the journal.
 */
public final class CiIdentityIssuer extends SimulatorServer {
    public static final String GITHUB_REQUEST_TOKEN = "it-actions-request-token-Hq3v";
    public static final String EXPIRED_REQUEST_TOKEN = "it-actions-expired-request-token-Mb7c";
    public static final String AZURE_ACCESS_TOKEN = "it-azure-system-access-token-Lw2e";
    public static final String GITHUB_SUBJECT = "repo:it-org/it-repo:ref:refs/heads/main";
    public static final String GITLAB_SUBJECT = "project_path:it-group/it-project:ref_type:branch:ref:main";
    public static final String AZURE_AUDIENCE = "api://AzureADTokenExchange";
    static final String KEY_ID = "it-ci-key-1";

    private final KeyPair key;
    private final Clock clock;
    private final Map<String, AtomicInteger> issued = new ConcurrentHashMap<>();

    public CiIdentityIssuer(int port, Path journal) {
        this(port, journal, Clock.systemUTC());
    }

    public CiIdentityIssuer(int port, Path journal, Clock clock) {
        super(port, journal);
        this.clock = clock;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.key = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String ci : List.of("github", "gitlab", "azure")) {
            route("/" + ci + "/.well-known/openid-configuration", exchange -> json(exchange, 200, JSON.std.asString(
                    Map.of("issuer", issuer(ci), "jwks_uri", baseUrl() + "/jwks",
                            "id_token_signing_alg_values_supported", List.of("RS256")))));
        }
        route("/jwks", exchange -> json(exchange, 200, JSON.std.asString(Map.of("keys", List.of(jwk())))));
        route("/github/idtoken", this::github);
        route("/azure/oidctoken", this::azure);
        start();
    }

    /** The issuer identifier of one CI system: {@code github}, {@code gitlab} or {@code azure}. */
    public String issuer(String ci) {
        return baseUrl() + "/" + ci;
    }

    /** What the runner puts into {@code ACTIONS_ID_TOKEN_REQUEST_URL}; it has a query already. */
    public String githubRequestUrl() {
        return baseUrl() + "/github/idtoken?api-version=2.0";
    }

    /** What the agent puts into {@code SYSTEM_OIDCREQUESTURI}. */
    public String azureRequestUri() {
        return baseUrl() + "/azure/oidctoken";
    }

    public PublicKey publicKey() {
        return key.getPublic();
    }

    /** Tokens issued so far for one CI system. */
    public int issued(String ci) {
        return issued.getOrDefault(ci, new AtomicInteger()).get();
    }

    /** A GitLab job's {@code id_tokens} token for {@code audience}, living {@code life}. */
    public String gitLabToken(String audience, Duration life) {
        Map<String, Object> claims = claims("gitlab", GITLAB_SUBJECT, audience, life);
        claims.put("namespace_path", "it-group");
        claims.put("project_path", "it-group/it-project");
        claims.put("ref", "main");
        claims.put("ref_type", "branch");
        claims.put("ref_protected", "true");
        claims.put("pipeline_id", "4711");
        claims.put("job_id", "815");
        claims.put("user_login", "it-user");
        return sign("gitlab", claims);
    }

    private void github(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            json(exchange, 405, "{\"message\":\"GET only\"}");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean expired = ("bearer " + EXPIRED_REQUEST_TOKEN).equals(authorization);
        if (!expired && !("bearer " + GITHUB_REQUEST_TOKEN).equals(authorization)) {
            json(exchange, 401, "{\"message\":\"Unable to authorize the request\"}");
            return;
        }
        Map<String, String> query = query(exchange);
        if (!"2.0".equals(query.get("api-version"))) {
            json(exchange, 400, "{\"message\":\"api-version 2.0 is required\"}");
            return;
        }
        String audience = query.getOrDefault("audience", "https://github.com/it-org");
        Map<String, Object> claims = claims("github", GITHUB_SUBJECT, audience, Duration.ofMinutes(5));
        if (expired) {
            long past = clock.instant().getEpochSecond() - 360;
            claims.put("iat", past);
            claims.put("nbf", past);
            claims.put("exp", past + 300);
        }
        claims.put("repository", "it-org/it-repo");
        claims.put("repository_owner", "it-org");
        claims.put("ref", "refs/heads/main");
        claims.put("ref_type", "branch");
        claims.put("sha", "0123456789abcdef0123456789abcdef01234567");
        claims.put("workflow", "api-tests");
        claims.put("job_workflow_ref", "it-org/it-repo/.github/workflows/api-tests.yml@refs/heads/main");
        claims.put("event_name", "push");
        claims.put("actor", "it-user");
        claims.put("run_id", "123456789");
        claims.put("runner_environment", "github-hosted");
        json(exchange, 200, JSON.std.asString(Map.of("count", 1, "value", sign("github", claims))));
    }

    private void azure(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            json(exchange, 405, "{\"message\":\"POST only\"}");
            return;
        }
        exchange.getRequestBody().readAllBytes();
        if (!("Bearer " + AZURE_ACCESS_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, "{\"message\":\"TF400813: The user is not authorized to access this resource.\"}");
            return;
        }
        Map<String, String> query = query(exchange);
        String connection = query.get("serviceConnectionId");
        if (!"7.1".equals(query.get("api-version")) || connection == null || connection.isBlank()) {
            json(exchange, 400, "{\"message\":\"api-version 7.1 and serviceConnectionId are required\"}");
            return;
        }
        Map<String, Object> claims = claims("azure", "sc://it-org/it-project/" + connection, AZURE_AUDIENCE,
                Duration.ofMinutes(10));
        claims.put("org_id", "00000000-0000-4000-8000-000000000001");
        claims.put("prj_id", "00000000-0000-4000-8000-000000000002");
        claims.put("def_id", "7");
        claims.put("run_id", "4242");
        json(exchange, 200, JSON.std.asString(Map.of("oidcToken", sign("azure", claims))));
    }

    private Map<String, Object> claims(String ci, String subject, String audience, Duration life) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iss", issuer(ci));
        claims.put("nbf", now);
        claims.put("iat", now);
        claims.put("exp", now + life.toSeconds());
        return claims;
    }

    private String sign(String ci, Map<String, Object> claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(JSON.std.asString(Map.of("alg", "RS256", "typ", "JWT", "kid", KEY_ID))
                    .getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JSON.std.asString(claims).getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            String token = input + "." + b64.encodeToString(signature.sign());
            issued.computeIfAbsent(ci, k -> new AtomicInteger()).incrementAndGet();
            recordIssued(token);
            return token;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> jwk() {
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return Map.of("kty", "RSA", "kid", KEY_ID, "use", "sig", "alg", "RS256",
                "n", b64.encodeToString(unsigned(rsa.getModulus().toByteArray())),
                "e", b64.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())));
    }

    /** JWK integers are unsigned big-endian, without BigInteger's leading sign byte. */
    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
