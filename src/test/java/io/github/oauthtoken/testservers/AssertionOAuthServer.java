package io.github.oauthtoken.testservers;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OAuth server that checks what mock-oauth2-server does not: the signature, audience, expiry and {@code jti} of
 * every assertion, as ../shared/PROTOCOLS.md ("Secretless") describes the servers that accept them. One issuer at its
 * base URL, discovery at {@code /.well-known/openid-configuration}, the token endpoint at {@code /token}:
 * <ul>
 *   <li>{@code private_key_jwt} (Keycloak's {@code client-jwt}): {@code iss} = {@code sub} = the client, one
 *       {@code aud} that is the issuer or the token endpoint, {@code exp} in the future (15 s skew) and at most
 *       10 minutes ahead, a {@code jti} never seen before, the signature by the key of the client's registered
 *       certificate (RS256, PS256, ES256), {@code x5t#S256} matching that certificate, and a {@code kid} only if it
 *       is the server's own id of the key;</li>
 *   <li>a CI identity token as {@code client_assertion} (Entra ID federated credentials): the signature by the
 *       trusted issuer's JWKS, and {@code iss}, {@code sub} and {@code aud} exactly those of a federated credential of
 *       the client, answered with Entra's {@code AADSTS70021}, {@code AADSTS700024} and {@code AADSTS700016};</li>
 *   <li>the JWT bearer grant (RFC 7523 section 2.1) and token exchange (RFC 8693) with an identity token from a trusted
 *       issuer (Keycloak's JWT authorization grant): signature, an {@code aud} the issuer is allowed (by default the
 *       server's issuer or token endpoint), expiry, and {@code jti} reuse unless the issuer allows it, as Keycloak's
 *       identity providers may (a GitLab job has one token for all its steps).</li>
 * </ul>
 * Every access token it issues and every assertion it receives goes to the journal, so that ITs can search their logs.
 */
public final class AssertionOAuthServer extends SimulatorServer {
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String TOKEN_TYPE = "urn:ietf:params:oauth:token-type:";
    private static final long SKEW_SECONDS = 15;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_LIFETIME_SECONDS = 3600;

    /** A client of private_key_jwt: its certificate and, if the server names the key, the key's id. */
    private record KeyClient(X509Certificate certificate, String keyId) {}

    /** A federated credential: the identity token that authenticates the client. */
    public record FederatedCredential(String issuer, String subject, String audience) {}

    /** An issuer whose identity tokens the grants accept. */
    private record TrustedIssuer(boolean reuseAllowed, Set<String> extraAudiences) {}

    /**
     * What the server saw of one token request, for assertions in tests.
     *
     * @param authentication how the client authenticated: {@code client_secret_basic}, {@code client_secret_post},
     *                       {@code client_assertion} or {@code none}
     */
    public record Seen(String grantType, String client, String subject, String assertionAudience, String alg,
            String authentication) {}

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, KeyClient> keyClients = new ConcurrentHashMap<>();
    private final Map<String, String> secretClients = new ConcurrentHashMap<>();
    private final Map<String, List<FederatedCredential>> federated = new ConcurrentHashMap<>();
    private final Map<String, TrustedIssuer> trusted = new ConcurrentHashMap<>();
    private final Map<String, Map<String, PublicKey>> jwks = new ConcurrentHashMap<>();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> revocations = new CopyOnWriteArrayList<>();
    /** Access tokens issued and not revoked, with their expiry: what a resource server would accept. */
    private final Map<String, Instant> liveTokens = new ConcurrentHashMap<>();

    public AssertionOAuthServer(int port, Path journal) {
        this(port, journal, Clock.systemUTC());
    }

    public AssertionOAuthServer(int port, Path journal, Clock clock) {
        super(port, journal);
        this.clock = clock;
        route("/.well-known/openid-configuration", exchange -> json(exchange, 200, JSON.std.asString(Map.of(
                "issuer", issuer(), "token_endpoint", tokenEndpoint(), "revocation_endpoint", baseUrl() + "/revoke",
                "token_endpoint_auth_methods_supported", List.of("private_key_jwt", "client_secret_basic",
                        "client_secret_post", "none"),
                "token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "PS256", "ES256"),
                "grant_types_supported", List.of("client_credentials", JWT_BEARER, TOKEN_EXCHANGE)))));
        route("/token", this::token);
        route("/revoke", this::revoke);
        start();
    }

    public String issuer() {
        return baseUrl();
    }

    public String tokenEndpoint() {
        return baseUrl() + "/token";
    }

    /** Registers a private_key_jwt client. @param keyId the server's id of the key, or null when it names none */
    public AssertionOAuthServer keyClient(String clientId, X509Certificate certificate, String keyId) {
        keyClients.put(clientId, new KeyClient(certificate, keyId));
        return this;
    }

    /**
     * Registers a confidential client with a secret, for the JWT bearer grant and token exchange: it must
     * authenticate with Basic (its parts form-decoded, RFC 6749 section 2.3.1) or post; its {@code client_id} alone
     * is refused with 401 {@code invalid_client}, as Spring Authorization Server refuses it.
     */
    public AssertionOAuthServer secretClient(String clientId, String secret) {
        secretClients.put(clientId, secret);
        return this;
    }

    /** Registers a client that authenticates with an identity token matching {@code credential}. */
    public AssertionOAuthServer federatedClient(String clientId, FederatedCredential credential) {
        federated.computeIfAbsent(clientId, k -> new CopyOnWriteArrayList<>()).add(credential);
        trusted.putIfAbsent(credential.issuer(), new TrustedIssuer(false, Set.of()));
        return this;
    }

    /**
     * Trusts an issuer's identity tokens for the JWT bearer grant and token exchange.
     *
     * @param reuseAllowed   accept a {@code jti} seen before
     * @param extraAudiences audiences accepted besides the server's issuer and token endpoint
     */
    public AssertionOAuthServer trustIssuer(String issuer, boolean reuseAllowed, String... extraAudiences) {
        trusted.put(issuer, new TrustedIssuer(reuseAllowed, Set.of(extraAudiences)));
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !isForm(exchange)) {
            error(exchange, 400, "invalid_request", "POST a form");
            return;
        }
        Map<String, String> form = form(exchange);
        String grant = form.getOrDefault("grant_type", "");
        String clientId = form.get("client_id");
        countTokenRequest(clientId);
        String client;
        String authentication;
        JwtVerifier.Jws clientAssertion = null;
        if (form.containsKey("client_assertion_type") || form.containsKey("client_assertion")) {
            if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
                error(exchange, 400, "invalid_client", "client_assertion_type must be " + ASSERTION_TYPE);
                return;
            }
            String assertion = form.getOrDefault("client_assertion", "");
            recordIssued(assertion);
            Optional<JwtVerifier.Jws> jws = JwtVerifier.parse(assertion);
            if (jws.isEmpty()) {
                error(exchange, 400, "invalid_client", "client_assertion is not a JWT");
                return;
            }
            clientAssertion = jws.get();
            String named = clientId != null ? clientId : jws.get().claim("iss").orElse("");
            String problem;
            if (keyClients.containsKey(named) && named.equals(jws.get().claim("iss").orElse(null))) {
                problem = privateKeyJwt(jws.get(), named);
            } else if (federated.containsKey(named)) {
                Optional<String[]> refusal = federatedAssertion(jws.get(), named);
                if (refusal.isPresent()) {
                    error(exchange, refusal.get()[0].equals("invalid_request") ? 400 : 401, refusal.get()[0],
                            refusal.get()[1]);
                    return;
                }
                problem = null;
            } else {
                error(exchange, 400, "unauthorized_client", "AADSTS700016: Application with identifier '" + named
                        + "' was not found in the directory.");
                return;
            }
            if (problem != null) {
                error(exchange, 401, "invalid_client", problem);
                return;
            }
            client = named;
            authentication = "client_assertion";
        } else if (exchange.getRequestHeaders().getFirst("Authorization") != null || form.containsKey("client_secret")) {
            Optional<BasicCredentials> basic = BasicCredentials.of(exchange.getRequestHeaders().getFirst("Authorization"));
            String id = basic.map(BasicCredentials::id).orElse(clientId);
            String secret = basic.map(BasicCredentials::secret).orElse(form.get("client_secret"));
            if (id == null || secret == null || !secret.equals(secretClients.get(id))) {
                error(exchange, 401, "invalid_client", "unknown client or wrong secret");
                return;
            }
            client = id;
            authentication = basic.isPresent() ? "client_secret_basic" : "client_secret_post";
        } else if (grant.equals("client_credentials")) {
            error(exchange, 401, "invalid_client", "client authentication is required for client_credentials");
            return;
        } else if (clientId != null && secretClients.containsKey(clientId)) {
            error(exchange, 401, "invalid_client", "client " + clientId + " must authenticate");
            return;
        } else {
            client = clientId; // a public client, or none at all
            authentication = "none";
        }

        String subject;
        Map<String, Object> extra = new LinkedHashMap<>();
        switch (grant) {
            case "client_credentials" -> subject = client;
            case JWT_BEARER, TOKEN_EXCHANGE -> {
                String token = grant.equals(JWT_BEARER) ? form.get("assertion") : form.get("subject_token");
                if (token == null || token.isBlank()) {
                    error(exchange, 400, "invalid_request", grant.equals(JWT_BEARER) ? "assertion is missing"
                            : "subject_token is missing");
                    return;
                }
                recordIssued(token);
                if (grant.equals(TOKEN_EXCHANGE)) {
                    String type = form.getOrDefault("subject_token_type", "");
                    if (!type.equals(TOKEN_TYPE + "jwt") && !type.equals(TOKEN_TYPE + "id_token")) {
                        error(exchange, 400, "invalid_request", "unsupported subject_token_type " + type);
                        return;
                    }
                    String requested = form.getOrDefault("requested_token_type", TOKEN_TYPE + "access_token");
                    if (!requested.equals(TOKEN_TYPE + "access_token") && !requested.equals(TOKEN_TYPE + "jwt")) {
                        error(exchange, 400, "invalid_request", "unsupported requested_token_type " + requested);
                        return;
                    }
                    extra.put("issued_token_type", requested);
                }
                Optional<JwtVerifier.Jws> jws = JwtVerifier.parse(token);
                if (jws.isEmpty()) {
                    error(exchange, 400, "invalid_grant", "the token is not a JWT");
                    return;
                }
                String problem = identityGrant(jws.get());
                if (problem != null) {
                    error(exchange, 400, "invalid_grant", problem);
                    return;
                }
                subject = jws.get().claim("sub").orElse("");
            }
            default -> {
                error(exchange, 400, "unsupported_grant_type", "grant_type " + grant + " is not supported");
                return;
            }
        }
        seen.add(new Seen(grant, client, subject,
                clientAssertion == null ? null : String.valueOf(clientAssertion.claims().get("aud")),
                clientAssertion == null ? null : clientAssertion.alg(), authentication));
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String accessToken = "it-secretless-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        recordIssued(accessToken);
        liveTokens.put(accessToken, clock.instant().plusSeconds(TOKEN_LIFETIME_SECONDS));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME_SECONDS);
        body.putAll(extra);
        if (form.containsKey("scope")) {
            body.put("scope", form.get("scope"));
        }
        json(exchange, 200, JSON.std.asString(body));
    }

    /** RFC 7009, for clients with assertions: the assertion is checked as at the token endpoint. */
    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        String assertion = form.get("client_assertion");
        if (assertion == null) {
            error(exchange, 401, "invalid_client", "client authentication is required");
            return;
        }
        recordIssued(assertion);
        Optional<JwtVerifier.Jws> jws = JwtVerifier.parse(assertion);
        String client = form.getOrDefault("client_id", jws.flatMap(j -> j.claim("iss")).orElse(""));
        String problem;
        if (jws.isEmpty()) {
            problem = "client_assertion is not a JWT";
        } else if (keyClients.containsKey(client)) {
            problem = privateKeyJwt(jws.get(), client);
        } else if (federated.containsKey(client)) {
            problem = federatedAssertion(jws.get(), client).map(refusal -> refusal[1]).orElse(null);
        } else {
            problem = "unknown client";
        }
        if (problem != null) {
            error(exchange, 401, "invalid_client", problem);
            return;
        }
        revocations.add(form.getOrDefault("token", ""));
        liveTokens.remove(form.getOrDefault("token", ""));
        json(exchange, 200, "{}");
    }

    /** Whether a resource server would take this access token now: issued here, not expired, not revoked. */
    public boolean accepts(String token) {
        Instant expiry = liveTokens.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** The tokens revoked so far. */
    public List<String> revocations() {
        return List.copyOf(revocations);
    }

    /** @return why the assertion is refused, or null */
    private String privateKeyJwt(JwtVerifier.Jws jws, String clientId) {
        KeyClient registered = keyClients.get(clientId);
        if (!List.of("RS256", "PS256", "ES256").contains(jws.alg())) {
            return "unsupported signature algorithm " + jws.alg();
        }
        Object kid = jws.header().get("kid");
        if (kid != null && !kid.equals(registered.keyId())) {
            return "Unable to find the public key for kid " + kid;
        }
        Object thumbprint = jws.header().get("x5t#S256");
        if (thumbprint != null && !thumbprint.equals(thumbprint(registered.certificate()))) {
            return "x5t#S256 does not name the client's certificate";
        }
        if (!JwtVerifier.verifies(jws, registered.certificate().getPublicKey())) {
            return "Invalid signature of the client assertion";
        }
        if (!clientId.equals(jws.claim("sub").orElse(null))) {
            return "sub of the client assertion is not the client";
        }
        Object aud = jws.claims().get("aud");
        String audience = aud instanceof List<?> list && list.size() == 1 ? String.valueOf(list.get(0))
                : aud instanceof String s ? s : null;
        if (!issuer().equals(audience) && !tokenEndpoint().equals(audience)) {
            return "Invalid audience of the client assertion: " + aud;
        }
        long now = clock.instant().getEpochSecond();
        Optional<Long> exp = jws.time("exp");
        if (exp.isEmpty() || exp.get() + SKEW_SECONDS < now) {
            return "Token is not active (client assertion expired)";
        }
        if (exp.get() > now + 600) {
            return "client assertion lives too long (exp more than 10 minutes ahead)";
        }
        Optional<String> jti = jws.claim("jti");
        if (jti.isEmpty()) {
            return "client assertion has no jti";
        }
        if (!usedJtis.add(clientId + " " + jti.get())) {
            return "Token reuse detected";
        }
        return null;
    }

    /** Entra ID's checks of an identity token as client assertion; @return error code and description, if refused */
    private Optional<String[]> federatedAssertion(JwtVerifier.Jws jws, String clientId) {
        String iss = jws.claim("iss").orElse("");
        String sub = jws.claim("sub").orElse("");
        String aud = String.valueOf(jws.claims().get("aud") instanceof List<?> l && l.size() == 1 ? l.get(0)
                : jws.claims().get("aud"));
        if (!trusted.containsKey(iss) || !verifiesWithIssuerKeys(jws, iss)) {
            return Optional.of(new String[] {"invalid_client", "AADSTS700027: Client assertion failed signature "
                    + "validation."});
        }
        long now = clock.instant().getEpochSecond();
        if (jws.time("exp").orElse(0L) + SKEW_SECONDS < now) {
            return Optional.of(new String[] {"invalid_client", "AADSTS700024: Client assertion is not within its valid "
                    + "time range. Current time: " + now + ", expiry time of assertion " + jws.time("exp").orElse(0L)
                    + "."});
        }
        if (federated.get(clientId).stream().noneMatch(c -> c.issuer().equals(iss) && c.subject().equals(sub)
                && c.audience().equals(aud))) {
            return Optional.of(new String[] {"invalid_request", "AADSTS70021: No matching federated identity record "
                    + "found for presented assertion. Assertion Issuer: '" + iss + "'. Assertion Subject: '" + sub
                    + "'. Assertion Audience: '" + aud + "'."});
        }
        if (!trusted.get(iss).reuseAllowed() && !usedJtis.add(iss + " " + jws.claim("jti").orElse(""))) {
            return Optional.of(new String[] {"invalid_client", "AADSTS700021: Client assertion was already used "
                    + "(jti seen before)."});
        }
        return Optional.empty();
    }

    /** Keycloak's checks of an identity token as a grant; @return why it is refused, or null */
    private String identityGrant(JwtVerifier.Jws jws) {
        String iss = jws.claim("iss").orElse("");
        TrustedIssuer issuer = trusted.get(iss);
        if (issuer == null) {
            return "No identity provider for the token's issuer " + iss;
        }
        if (!verifiesWithIssuerKeys(jws, iss)) {
            return "Invalid token signature";
        }
        long now = clock.instant().getEpochSecond();
        if (jws.time("exp").isEmpty() || jws.time("exp").get() + SKEW_SECONDS < now) {
            return "Token is not active";
        }
        Object aud = jws.claims().get("aud");
        List<String> audiences = aud instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : aud == null ? List.of() : List.of(String.valueOf(aud));
        if (audiences.stream().noneMatch(a -> a.equals(issuer()) || a.equals(tokenEndpoint())
                || issuer.extraAudiences().contains(a))) {
            return "Invalid token audience " + audiences + "; this server expects " + issuer();
        }
        if (!issuer.reuseAllowed() && !usedJtis.add(iss + " " + jws.claim("jti").orElse(""))) {
            return "Token reuse detected";
        }
        return null;
    }

    private boolean verifiesWithIssuerKeys(JwtVerifier.Jws jws, String issuer) {
        PublicKey key = jwks.computeIfAbsent(issuer, this::fetchKeys).get(String.valueOf(jws.header().get("kid")));
        return key != null && JwtVerifier.verifies(jws, key);
    }

    /** The issuer's keys, found as a server finds them: discovery, then {@code jwks_uri}. */
    @SuppressWarnings("unchecked")
    private Map<String, PublicKey> fetchKeys(String issuer) {
        try {
            Map<String, Object> metadata = (Map<String, Object>) JSON.std.anyFrom(get(issuer
                    + "/.well-known/openid-configuration"));
            Map<String, Object> set = (Map<String, Object>) JSON.std.anyFrom(get((String) metadata.get("jwks_uri")));
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            for (Object entry : (List<Object>) set.get("keys")) {
                Map<String, Object> jwk = (Map<String, Object>) entry;
                Base64.Decoder b64 = Base64.getUrlDecoder();
                keys.put(String.valueOf(jwk.get("kid")), KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(new BigInteger(1, b64.decode((String) jwk.get("n"))),
                                new BigInteger(1, b64.decode((String) jwk.get("e"))))));
            }
            return keys;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        json(exchange, status, JSON.std.asString(Map.of("error", error, "error_description", description)));
    }
}
