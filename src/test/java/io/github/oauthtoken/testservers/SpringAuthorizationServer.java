package io.github.oauthtoken.testservers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.security.auth.x500.X500Principal;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real Spring Authorization Server (Spring Security 7.0, the version Spring Boot 4.0.7 brings), configured as Spring
 * Boot's auto-configuration configures it (the authorization server's endpoints with OpenID Connect, its defaults
 * untouched), in Jetty's servlet container on loopback: plain HTTP on one port, HTTPS on another whose TLS asks for a
 * client certificate (want, not need: the certificate is the credential of one client only) and trusts the test
 * servers' {@link PrivateCa}. Its issuer is taken from each request, so each port is an issuer of its own:
 * {@code http://127.0.0.1:PORT} and {@code https://127.0.0.1:PORT}.
 *
 * <p>The registered clients are what ../shared/PROTOCOLS.md ("More client authentication; Spring Authorization
 * Server") describes, one per way a client authenticates; see the constants. Besides Spring's endpoints it serves the
 * JWK sets of its {@code private_key_jwt} clients ({@code /client-jwks/CLIENT}, which Spring itself fetches, as it
 * would fetch a client's {@code jwks_uri}) and {@code /__requests?client=ID}, how many requests reached the token
 * endpoint for a client (by {@code client_id} or Basic user). Every token it issues and every assertion it receives
 * goes to the journal, for the ITs to search their logs for.
 *
 * <p>Spring Boot is left out on purpose: its auto-configuration would add a second or more to every start (and a
 * hundred classes) for nothing these tests use; what Boot would configure is configured here in a few lines.
 */
public final class SpringAuthorizationServer implements AutoCloseable {
    /** Spring's default client: client_secret_basic, Spring's default token settings (5 minutes). */
    public static final String DEFAULT_CLIENT = "it-spring-client";
    /**
     * Characters a form-decoding server treats specially; Spring form-decodes Basic credentials (RFC 6749 2.3.1), so
     * a client must encode them, or the raw {@code %} makes the request malformed.
     */
    public static final String DEFAULT_SECRET = "it-spring!&=+%:secret-Jd4w";
    /**
     * Another client with Spring's defaults, for the reactor IT that counts its token requests: a client of its own,
     * since ITs run in parallel and the server counts by client (and a secret of its own: Spring refuses to register
     * two clients with one secret).
     */
    public static final String REACTOR_CLIENT = "it-spring-reactor";
    public static final String REACTOR_SECRET = "it-spring-reactor!&=+%:secret-Rx7r";
    /** client_secret_jwt, HS256 (Spring's per-client setting). */
    public static final String HS256_CLIENT = "it-spring-jwt";
    /** 43 octets: HS256 needs at least 32 (RFC 7518 3.2), which Nimbus enforces. */
    public static final String HS256_SECRET = "it-spring-jwt!&=+%:secret-3Kp8Vw2Qz6Ny4Rt1L";
    /** client_secret_jwt, HS512. */
    public static final String HS512_CLIENT = "it-spring-jwt-hs512";
    /** 72 octets: HS512 needs at least 64. */
    public static final String HS512_SECRET = "it-spring-jwt-hs512-secret-Q7m2Kx9Vb4Nz6Wc1Rt8Yp3Ld5Hs0Gf2Jk7Mn4Bv9Xq6Zw1";
    /** client_secret_jwt, HS256, with a secret shorter than RFC 7518 3.2 allows: Spring refuses every assertion. */
    public static final String SHORT_SECRET_CLIENT = "it-spring-jwt-short";
    public static final String SHORT_SECRET = "it-spring-short-4Tx9";
    /** private_key_jwt against a JWK set whose RSA key is bare: no {@code x5c}, no {@code x5t#S256}. */
    public static final String BARE_RSA_CLIENT = "it-spring-pkjwt-bare";
    /** private_key_jwt against a JWK set whose EC key (P-256) is bare. */
    public static final String BARE_EC_CLIENT = "it-spring-pkjwt-bare-ec";
    /** private_key_jwt against a JWK set whose RSA key carries its certificate ({@code x5c}, {@code x5t#S256}). */
    public static final String X5C_CLIENT = "it-spring-pkjwt-x5c";
    /** tls_client_auth: the subject of {@link #MTLS_KEY_STORE}'s certificate is registered. */
    public static final String MTLS_CLIENT = "it-spring-mtls";
    public static final String MTLS_SUBJECT = "CN=it-spring-mtls, O=oauth-token-maven-plugin tests";
    /**
     * Registered with {@link #MTLS_SUBJECT} like {@link #MTLS_CLIENT}, for the IT that presents the other subject's
     * certificate: a client of its own, so that the IT can count its requests.
     */
    public static final String MTLS_REFUSING_CLIENT = "it-spring-mtls-refusing";
    /** A certificate of the same CA for another subject, which {@link #MTLS_CLIENT} must refuse. */
    public static final String OTHER_SUBJECT = "CN=it-spring-mtls-other, O=oauth-token-maven-plugin tests";
    /** Opaque (reference) tokens, for introspection and revocation: Basic, post, and private_key_jwt (x5c JWK). */
    public static final String OPAQUE_CLIENT = "it-spring-opaque";
    public static final String OPAQUE_SECRET = "it-spring-opaque-secret-8Fw3";
    /** Token exchange (RFC 8693) with client_secret_basic, for the user's token {@link #userToken()}. */
    public static final String EXCHANGE_CLIENT = "it-spring-exchange";
    public static final String EXCHANGE_SECRET = "it-spring-exchange-secret-5Rd2";
    /** The application the user's token was issued to (authorization code, as a user's sign-in gives). */
    static final String USER_APP = "it-spring-user-app";
    static final String USER = "it-user";
    /** The key stores, in the keys directory, all opened by {@link SecretlessServers#KEYSTORE_PASSWORD}. */
    public static final String MTLS_KEY_STORE = "mtls-client.p12";
    public static final String OTHER_KEY_STORE = "mtls-other.p12";
    static final String RSA_KEY_STORE = "rsa.p12";
    static final String EC_KEY_STORE = "ec.p12";
    static final String KEY_ALIAS = "it-client";
    static final String USER_TOKEN_FILE = "spring-user-token.txt";
    static final String JWKS_PATH = "/client-jwks/";
    static final String REQUESTS_PATH = "/__requests";
    /** The user's token lives longer than the servers (one hour at most), as a token a CI job is handed would. */
    static final Duration USER_TOKEN_LIFETIME = Duration.ofMinutes(65);

    private final Server jetty;
    private final ServerConnector http;
    private final ServerConnector https;
    private final String userToken;
    private final Duration startTime;

    private SpringAuthorizationServer(Server jetty, ServerConnector http, ServerConnector https, String userToken,
            Duration startTime) {
        this.jetty = jetty;
        this.http = http;
        this.https = https;
        this.userToken = userToken;
        this.startTime = startTime;
    }

    /**
     * The server the IT servers' JVM starts beside the others when the build names its ports
     * ({@code -Dit.spring.httpPort=... -Dit.spring.httpsPort=...}), with the key stores in {@code dir/keys}, the journal
     * {@code dir/issued-tokens.txt} and the user's token in {@code dir/}{@value #USER_TOKEN_FILE} (the identity token
     * of the token exchange ITs, read by the plugin as {@code identityToken=file}); null when no port is named.
     */
    static SpringAuthorizationServer fromSystemProperties(Path dir, PrivateCa ca) throws IOException {
        String httpPort = System.getProperty("it.spring.httpPort");
        String httpsPort = System.getProperty("it.spring.httpsPort");
        if (httpPort == null || httpsPort == null) {
            return null;
        }
        SpringAuthorizationServer server = start(Integer.parseInt(httpPort), Integer.parseInt(httpsPort),
                dir.resolve("keys"), ca, dir.resolve(TestServersMain.JOURNAL));
        try {
            TestServersMain.writeAtomically(dir.resolve(USER_TOKEN_FILE), server.userToken() + "\n");
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * Starts the server (port 0: any free port), with the client key stores in {@code keys} (the RSA and EC stores of
     * the secretless ITs are used when present, else made; the mutual TLS ones are issued by {@code ca}).
     *
     * @param journal where issued tokens and received assertions go, one a line; null for none
     */
    public static SpringAuthorizationServer start(int httpPort, int httpsPort, Path keys, PrivateCa ca, Path journal)
            throws IOException {
        long started = System.nanoTime();
        // The server's own RSA key (Spring signs access tokens with RS256) takes from milliseconds to a second to
        // make; made meanwhile, it is waited for only when the first token is signed.
        CompletableFuture<RSAKey> signingKey = CompletableFuture.supplyAsync(SpringAuthorizationServer::signingKey);
        quietLibraryLogging();
        // The clients' key material (reading two key stores, issuing two certificates) meanwhile too: Spring needs
        // only the JWK sets, when it first fetches one, and the registered subject, which is known beforehand.
        CompletableFuture<Map<String, JWKSet>> clientJwks = CompletableFuture.supplyAsync(() -> {
            try {
                ca.issueClientKeyStore(keys.resolve(MTLS_KEY_STORE), KEY_ALIAS, MTLS_SUBJECT,
                        SecretlessServers.KEYSTORE_PASSWORD);
                ca.issueClientKeyStore(keys.resolve(OTHER_KEY_STORE), KEY_ALIAS, OTHER_SUBJECT,
                        SecretlessServers.KEYSTORE_PASSWORD);
                return clientJwks(clientCertificate(keys.resolve(RSA_KEY_STORE), TestKeyStores.KeyKind.RSA),
                        clientCertificate(keys.resolve(EC_KEY_STORE), TestKeyStores.KeyKind.EC));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Consumer<String> record = journal == null ? value -> { } : value -> append(journal, value);

        QueuedThreadPool threads = new QueuedThreadPool(24, 2);
        threads.setName("spring-authorization-server");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        ServerConnector http = new ServerConnector(jetty, 1, 1);
        http.setHost("127.0.0.1");
        http.setPort(httpPort);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(ca.serverKeyStore());
        tls.setKeyStorePassword(ca.serverKeyPassword());
        tls.setTrustStore(ca.trustStore());
        // Asks every client for a certificate and lets those without one in: Spring Boot's server.ssl.client-auth=want.
        tls.setWantClientAuth(true);
        HttpConfiguration httpsConfiguration = new HttpConfiguration();
        // The client's chain as the servlet attribute jakarta.servlet.request.X509Certificate, which Spring reads;
        // clients reach the server by address, so there is no SNI name to compare with the certificate's.
        httpsConfiguration.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector https = new ServerConnector(jetty, 1, 1, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(httpsConfiguration));
        https.setHost("127.0.0.1");
        https.setPort(httpsPort);
        jetty.addConnector(http);
        jetty.addConnector(https);
        // Bound before the clients are registered: their JWK set URLs name the HTTP port.
        http.open();
        https.open();
        String base = "http://127.0.0.1:" + http.getLocalPort();

        JWKSource<SecurityContext> jwkSource = (selector, context) -> selector.select(new JWKSet(signingKey.join()));
        List<RegisteredClient> clients = clients(base);
        RegisteredClientRepository repository = new InMemoryRegisteredClientRepository(clients);
        OAuth2AuthorizationService authorizations = new JournalingAuthorizationService(record);

        GenericWebApplicationContext spring = new GenericWebApplicationContext();
        // What an annotation-driven context has: @Configuration classes and @Bean methods are processed.
        AnnotationConfigUtils.registerAnnotationConfigProcessors(spring);
        spring.registerBean(RegisteredClientRepository.class, () -> repository);
        spring.registerBean(OAuth2AuthorizationService.class, () -> authorizations);
        spring.registerBean(JWKSourceHolder.class, () -> new JWKSourceHolder(jwkSource));
        spring.registerBean(SecurityConfiguration.class);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addEventListener(new ContextLoaderListener(spring));
        Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        context.addFilter(new FilterHolder(new RecordingFilter(record, requests)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain", spring)), "/*",
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new ClientJwksServlet(clientJwks)), JWKS_PATH + "*");
        context.addServlet(new ServletHolder(new RequestCountServlet(requests)), REQUESTS_PATH);
        jetty.setHandler(context);
        jetty.setStopTimeout(1000);
        try {
            jetty.start();
        } catch (Exception e) {
            close(jetty);
            throw new IOException("Spring Authorization Server did not start: " + e, e);
        }
        try {
            clientJwks.join();
        } catch (java.util.concurrent.CompletionException e) {
            close(jetty);
            throw new IOException("the clients' key material could not be made: " + e.getCause(), e.getCause());
        }
        String userToken = seedUserToken(repository.findByClientId(USER_APP), authorizations, jwkSource,
                "http://127.0.0.1:" + http.getLocalPort());
        record.accept(userToken);
        return new SpringAuthorizationServer(jetty, http, https, userToken,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The JWK sets of the private_key_jwt clients, from the IT key stores' certificates. */
    private static Map<String, JWKSet> clientJwks(X509Certificate rsa, X509Certificate ec) throws IOException {
        try {
            // RSAKey.parse(certificate) gives x5c and x5t#S256, as a JWK made from a certificate has.
            JWK withCertificate = RSAKey.parse(rsa);
            return Map.of(
                    BARE_RSA_CLIENT, new JWKSet(new RSAKey.Builder((RSAPublicKey) rsa.getPublicKey())
                            .keyID("it-spring-rsa").build()),
                    BARE_EC_CLIENT, new JWKSet(new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublicKey())
                            .keyID("it-spring-ec").build()),
                    X5C_CLIENT, new JWKSet(withCertificate),
                    OPAQUE_CLIENT, new JWKSet(withCertificate));
        } catch (JOSEException e) {
            throw new IOException("the client certificates do not make JWKs", e);
        }
    }

    private static RSAKey signingKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key for the server's tokens", e);
        }
    }

    /**
     * The registered clients. Secrets for Basic and post are stored as Spring Boot's documentation shows,
     * {@code {noop}} for a plain one; those of client_secret_jwt cannot be: Spring keys the HMAC with the stored
     * string as it is ({@code JwtClientAssertionDecoderFactory}), so a client_secret_jwt client has its secret
     * stored bare and can use no other method.
     */
    private static List<RegisteredClient> clients(String base) {
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(client(DEFAULT_CLIENT).clientSecret("{noop}" + DEFAULT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC).build());
        clients.add(client(REACTOR_CLIENT).clientSecret("{noop}" + REACTOR_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC).build());
        clients.add(secretJwtClient(HS256_CLIENT, HS256_SECRET, MacAlgorithm.HS256));
        clients.add(secretJwtClient(HS512_CLIENT, HS512_SECRET, MacAlgorithm.HS512));
        clients.add(secretJwtClient(SHORT_SECRET_CLIENT, SHORT_SECRET, MacAlgorithm.HS256));
        clients.add(keyJwtClient(BARE_RSA_CLIENT, base, SignatureAlgorithm.RS256).build());
        clients.add(keyJwtClient(BARE_EC_CLIENT, base, SignatureAlgorithm.ES256).build());
        clients.add(keyJwtClient(X5C_CLIENT, base, SignatureAlgorithm.RS256).build());
        for (String id : List.of(MTLS_CLIENT, MTLS_REFUSING_CLIENT)) {
            clients.add(client(id).clientAuthenticationMethod(ClientAuthenticationMethod.TLS_CLIENT_AUTH)
                    .clientSettings(ClientSettings.builder()
                            .x509CertificateSubjectDN(new X500Principal(MTLS_SUBJECT).getName()).build())
                    .build());
        }
        clients.add(keyJwtClient(OPAQUE_CLIENT, base, SignatureAlgorithm.RS256).clientSecret("{noop}" + OPAQUE_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .tokenSettings(TokenSettings.builder().accessTokenFormat(OAuth2TokenFormat.REFERENCE).build()).build());
        clients.add(client(EXCHANGE_CLIENT).clientSecret("{noop}" + EXCHANGE_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE).build());
        clients.add(RegisteredClient.withId(USER_APP).clientId(USER_APP)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/callback").build());
        return clients;
    }

    private static RegisteredClient.Builder client(String id) {
        return RegisteredClient.withId(id).clientId(id).authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
    }

    private static RegisteredClient secretJwtClient(String id, String secret, MacAlgorithm algorithm) {
        return client(id).clientSecret(secret).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .clientSettings(ClientSettings.builder().tokenEndpointAuthenticationSigningAlgorithm(algorithm).build())
                .build();
    }

    private static RegisteredClient.Builder keyJwtClient(String id, String base, SignatureAlgorithm algorithm) {
        return client(id).clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .clientSettings(ClientSettings.builder().jwkSetUrl(base + JWKS_PATH + id)
                        .tokenEndpointAuthenticationSigningAlgorithm(algorithm).build());
    }

    /**
     * A user's access token (a JWT signed with the server's key), saved as an authorization of {@link #USER_APP} with
     * the user as its principal, as a sign-in with the authorization code grant leaves it: Spring's token exchange
     * takes only a subject token it issued itself, and one with a principal (client credentials tokens have none).
     */
    private static String seedUserToken(RegisteredClient app, OAuth2AuthorizationService authorizations,
            JWKSource<SecurityContext> jwkSource, String issuer) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject(USER).audience(List.of(USER_APP))
                .issuedAt(now).notBefore(now).expiresAt(now.plus(USER_TOKEN_LIFETIME)).id(UUID.randomUUID().toString())
                .build();
        Jwt jwt = new NimbusJwtEncoder(jwkSource).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(),
                jwt.getIssuedAt(), jwt.getExpiresAt());
        UsernamePasswordAuthenticationToken user = UsernamePasswordAuthenticationToken.authenticated(USER, null,
                List.of());
        authorizations.save(OAuth2Authorization.withRegisteredClient(app).principalName(USER)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(token, metadata -> {
                    metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, jwt.getClaims());
                    metadata.put(OAuth2TokenFormat.class.getName(), OAuth2TokenFormat.SELF_CONTAINED.getValue());
                })
                .attribute(Principal.class.getName(), user).build());
        return jwt.getTokenValue();
    }

    /** {@code http://127.0.0.1:PORT}: the issuer of the plain HTTP port. */
    public String issuer() {
        return "http://127.0.0.1:" + http.getLocalPort();
    }

    /** {@code https://127.0.0.1:PORT}: the issuer of the port that asks for client certificates. */
    public String httpsIssuer() {
        return "https://127.0.0.1:" + https.getLocalPort();
    }

    public int httpPort() {
        return http.getLocalPort();
    }

    public int httpsPort() {
        return https.getLocalPort();
    }

    /** A user's access token that only {@link #EXCHANGE_CLIENT}'s token exchange takes; a secret. */
    public String userToken() {
        return userToken;
    }

    /** From the start of {@link #start} until Jetty and Spring answered: key stores, keys, Spring's context. */
    public Duration startTime() {
        return startTime;
    }

    /** One line per port, for the build's console; URLs and the start time only. */
    List<String> describe() {
        return List.of("[test-servers] Spring Authorization Server (issuer, started in " + startTime.toMillis()
                + " ms): " + issuer(), "[test-servers] Spring Authorization Server over HTTPS, asking for client "
                + "certificates (issuer): " + httpsIssuer());
    }

    @Override
    public void close() {
        close(jetty);
    }

    private static void close(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    /**
     * Jetty's and Spring's INFO lines (versions, started connectors, the context's start) would reach the build's
     * console from the servers' JVM; warnings still do. Set only where nothing chose a level already, and for the
     * server side of Jetty only, so the client's logging, which unit tests look at, keeps its binding's defaults.
     */
    private static void quietLibraryLogging() {
        for (String logger : List.of("org.eclipse.jetty.server", "org.eclipse.jetty.ee11", "org.eclipse.jetty.session",
                "org.springframework")) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }

    private static X509Certificate clientCertificate(Path store, TestKeyStores.KeyKind kind) throws IOException {
        if (!Files.exists(store)) {
            try {
                TestKeyStores.create(store, "PKCS12", kind, KEY_ALIAS, SecretlessServers.KEYSTORE_PASSWORD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making " + store, e);
            }
        }
        return SecretlessServers.certificate(store);
    }

    private static synchronized void append(Path journal, String value) {
        try {
            Files.writeString(journal, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Carries the JWK source into the context: a bean of a generic type is found by that type. */
    record JWKSourceHolder(JWKSource<SecurityContext> source) {}

    /** What Spring Boot's {@code OAuth2AuthorizationServerWebSecurityConfiguration} configures, without a login page. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class SecurityConfiguration {
        @Bean
        JWKSource<SecurityContext> jwkSource(JWKSourceHolder holder) {
            return holder.source();
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        /** No issuer: Spring takes it from each request, so the HTTP and the HTTPS port each are one. */
        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
            http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
            return http.build();
        }
    }

    /** Spring's own in-memory store, writing every token it stores to the journal. */
    private static final class JournalingAuthorizationService implements OAuth2AuthorizationService {
        private final InMemoryOAuth2AuthorizationService delegate = new InMemoryOAuth2AuthorizationService();
        private final Consumer<String> record;

        JournalingAuthorizationService(Consumer<String> record) {
            this.record = record;
        }

        @Override
        public void save(OAuth2Authorization authorization) {
            for (OAuth2Authorization.Token<? extends OAuth2Token> token : java.util.Arrays.asList(
                    authorization.getAccessToken(), authorization.getRefreshToken())) {
                if (token != null) {
                    record.accept(token.getToken().getTokenValue());
                }
            }
            delegate.save(authorization);
        }

        @Override
        public void remove(OAuth2Authorization authorization) {
            delegate.remove(authorization);
        }

        @Override
        public OAuth2Authorization findById(String id) {
            return delegate.findById(id);
        }

        @Override
        public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
            return delegate.findByToken(token, tokenType);
        }
    }

    /**
     * Before Spring: journals every {@code client_assertion} and {@code subject_token} a request carries, and counts
     * the token endpoint's requests by client ({@code client_id} in the form, else the Basic user).
     */
    private static final class RecordingFilter implements Filter {
        private final Consumer<String> record;
        private final Map<String, AtomicInteger> requests;

        RecordingFilter(Consumer<String> record, Map<String, AtomicInteger> requests) {
            this.record = record;
            this.requests = requests;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            if ("POST".equals(http.getMethod())) {
                for (String name : List.of("client_assertion", "subject_token", "client_secret")) {
                    String value = http.getParameter(name);
                    if (value != null && !value.isEmpty()) {
                        record.accept(value);
                    }
                }
                if ("/oauth2/token".equals(http.getRequestURI())) {
                    String client = http.getParameter("client_id");
                    if (client == null) {
                        client = BasicCredentials.of(http.getHeader("Authorization")).map(BasicCredentials::id)
                                .orElse(null);
                    }
                    requests.computeIfAbsent(String.valueOf(client), k -> new AtomicInteger()).incrementAndGet();
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** {@code GET /client-jwks/CLIENT}: the client's public JWK set, as its {@code jwks_uri} would serve it. */
    private static final class ClientJwksServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient CompletableFuture<Map<String, JWKSet>> sets;

        ClientJwksServlet(CompletableFuture<Map<String, JWKSet>> sets) {
            this.sets = sets;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String client = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
            JWKSet set = sets.join().get(client);
            if (set == null) {
                response.sendError(404);
                return;
            }
            response.setContentType("application/json");
            response.getWriter().write(set.toString(true));
        }
    }

    /** {@code GET /__requests?client=ID}: how many token requests named the client. */
    private static final class RequestCountServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, AtomicInteger> requests;

        RequestCountServlet(Map<String, AtomicInteger> requests) {
            this.requests = requests;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            AtomicInteger count = requests.get(String.valueOf(request.getParameter("client")));
            response.setContentType("text/plain");
            response.getWriter().write(String.valueOf(count == null ? 0 : count.get()));
        }
    }
}
