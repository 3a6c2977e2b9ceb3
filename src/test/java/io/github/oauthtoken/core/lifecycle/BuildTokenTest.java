package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.SettableClock;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.SharedTokens;
import io.github.oauthtoken.core.ci.RecordingConsole;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.AccessToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A token of the build (a repository's credential) through the lifecycle's own entry: obtained once per distinct
 * request, renewed for a new connection when it has less than {@code minValidity} left, masked before anyone gets
 * it, revoked at the end of the build, and configured by the goal's parameters with the goal's checks.
 */
class BuildTokenTest {
    private static final String SECRET = "repo-client-SECRET-41";
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private final StubHttpServer server = new StubHttpServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private final SettableClock clock = new SettableClock(START);
    private final TokenLifecycle lifecycle = new TokenLifecycle(new Redactor(), EndOfBuild.ALWAYS, clock);
    private final TestExecution build = new TestExecution("the build").server("repo-client", "repo-id", SECRET);

    @TempDir
    Path temp;

    BuildTokenTest() {
        server.on("/oauth/token", request -> refusing.get()
                ? StubHttpServer.Response.json(400, "{\"error\":\"invalid_client\",\"description\":\"authentication "
                        + "failed\",\"error_description\":\"authentication failed\"}")
                : StubHttpServer.Response.json(200, "{\"access_token\":\"repo-token-" + issued.incrementAndGet()
                        + "-Zq8\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        server.on("/api/v2/tokens/me", request -> {
            if (!request.method().equals("DELETE")) {
                return StubHttpServer.Response.json(200, "{\"organization\":{\"id\":\"org-1\"}}");
            }
            revoked.add(request.header("authorization"));
            return new StubHttpServer.Response(204, Map.of(), null);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MapParameters repository() {
        return MapParameters.of().with(Parameter.PROVIDER, "genesys").with(Parameter.SERVER_ID, "repo-client")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token").with(Parameter.API_URL, server.url())
                .with(Parameter.RETRIES, "0");
    }

    private BuildToken token(MapParameters parameters, String owner) throws TokenException {
        return lifecycle.buildToken(parameters, build, owner).orElseThrow();
    }

    @Test
    void isObtainedAtOnceAndOncePerDistinctRequestHoweverManyServersAndConnectionsAskForIt() throws TokenException {
        BuildToken first = token(repository(), "settings.xml server 'mirror'");
        BuildToken second = token(repository(), "settings.xml server 'deploy'");

        assertThat(issued).hasValue(1);
        for (int connection = 0; connection < 5; connection++) {
            assertThat(first.forConnection().map(t -> t.value().reveal())).hasValue("repo-token-1-Zq8");
            assertThat(second.current().value().reveal()).isEqualTo("repo-token-1-Zq8");
        }
        assertThat(issued).hasValue(1);
        assertThat(build.log.at("INFO")).anySatisfy(line -> assertThat(line)
                .startsWith("Obtained genesys token from 127.0.0.1 for settings.xml server 'mirror' (expires ")
                .doesNotContain("repo-token-1"));
        assertThat(build.log.at("INFO")).anySatisfy(line -> assertThat(line)
                .startsWith("Reusing (this build) genesys token from 127.0.0.1 for settings.xml server 'deploy'"));
        assertThat(build.properties).isEmpty();
    }

    @Test
    void aNewConnectionGetsANewTokenOnceLessThanMinValidityIsLeftAndTheEndOfTheBuildRevokesBothOnce()
            throws TokenException {
        BuildToken token = token(repository().with(Parameter.MIN_VALIDITY, "PT10M"), "settings.xml server 'repo'");
        clock.now = START.plusSeconds(3600 - 600 - 1);
        assertThat(token.current().value().reveal()).isEqualTo("repo-token-1-Zq8");

        clock.now = START.plusSeconds(3600 - 600 + 1);
        assertThat(token.forConnection().map(t -> t.value().reveal())).hasValue("repo-token-2-Zq8");
        assertThat(issued).hasValue(2);

        lifecycle.endOfBuild(build.log);
        lifecycle.endOfBuild(build.log);
        assertThat(revoked).containsExactlyInAnyOrder("Bearer repo-token-1-Zq8", "Bearer repo-token-2-Zq8");
    }

    @Test
    void parallelConnectionsThatNeedARenewalWaitForOneRequestAlsoWithoutASharedCache() throws Exception {
        BuildToken token = token(repository().with(Parameter.CACHE, "none"), "settings.xml server 'repo'");
        clock.now = START.plusSeconds(3600);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<AccessToken>>> connections = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                connections.add(pool.submit(token::forConnection));
            }
            for (Future<Optional<AccessToken>> connection : connections) {
                assertThat(connection.get().map(t -> t.value().reveal())).hasValue("repo-token-2-Zq8");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(issued).hasValue(2);
    }

    @Test
    void whenNoNewTokenCanBeHadConnectionsKeepTheCurrentOneUntilItExpiresWithOneWarning() throws TokenException {
        BuildToken token = token(repository(), "settings.xml server 'repo'");
        refusing.set(true);
        clock.now = START.plusSeconds(3400);

        for (int connection = 0; connection < 3; connection++) {
            assertThat(token.forConnection().map(t -> t.value().reveal())).hasValue("repo-token-1-Zq8");
        }
        assertThat(build.log.at("WARN")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Could not renew the genesys token of settings.xml server 'repo': Token request (POST "
                        + server.url() + "/oauth/token) was refused: HTTP 400, error invalid_client")
                .contains("New connections use the current token (fingerprint ")
                .contains("until it expires at 2026-11-25T10:00:00Z, in 200 s."));

        clock.now = START.plusSeconds(3600);
        assertThat(token.forConnection()).isEmpty();
    }

    @Test
    void masksTheTokenInCiBeforeAnyoneGetsItAndHandsItToItsTokenFileButToNoProperty() throws TokenException {
        RecordingConsole console = new RecordingConsole();
        build.console = console;
        build.env("GITHUB_ACTIONS", "true");
        Path file = temp.resolve("repo-token");

        token(repository().with(Parameter.TOKEN_FILE, file.toString()), "settings.xml server 'repo'");

        assertThat(console.commands).containsExactly("::add-mask::repo-token-1-Zq8");
        assertThat(file).hasContent("repo-token-1-Zq8");
        assertThat(build.properties).isEmpty();
    }

    @Test
    void aServerThatCannotRevokeIsNotAskedToAndTheEndOfTheBuildWarnsOfNothing() throws TokenException {
        token(MapParameters.of().with(Parameter.PROVIDER, "oauth2").with(Parameter.SERVER_ID, "repo-client")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token").with(Parameter.RETRIES, "0"),
                "settings.xml server 'entra'");

        lifecycle.endOfBuild(build.log);

        assertThat(server.requests()).extracting(StubHttpServer.Request::path).containsExactly("/oauth/token");
        assertThat(build.log.at("WARN")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Parameter.class, names = {"PROPERTY_PREFIX", "TOKEN_AS_PROPERTY", "REFRESH_TOKEN_FILE"})
    void parametersOnlyAModuleHasAUseForAreConfigurationErrors(Parameter moduleOnly) {
        assertThatThrownBy(() -> lifecycle.buildToken(repository().with(moduleOnly, "true")
                        .with(Parameter.FAIL_ON_ERROR, "false"), build, "settings.xml server 'repo'"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(moduleOnly.element() + " has no use for a token of the build, such as a repository's "
                        + "credential: such a token sets no project property, and it is renewed for each new "
                        + "connection rather than in a token file. Remove it.");
        assertThat(issued).hasValue(0);
    }

    @Test
    void theGoalsChecksApplyBeforeAnyRequest() {
        assertThatThrownBy(() -> token(repository().with(Parameter.MIN_VALIDITY, "soon"), "server"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<minValidity> must be");
        assertThat(issued).hasValue(0);
    }

    @Test
    void aRefusedTokenFailsWithTheServersAnswerAndWhereTheCredentialsCameFromOnceFailOnErrorIsNotFalse()
            throws TokenException {
        refusing.set(true);
        assertThatThrownBy(() -> token(repository(), "settings.xml server 'repo'"))
                .hasMessage("Token request (POST " + server.url() + "/oauth/token) was refused: HTTP 400, error "
                        + "invalid_client (authentication failed). Hint: check the client id and secret in "
                        + "server 'repo-client' in settings.xml.")
                .hasMessageNotContaining(SECRET);

        assertThat(lifecycle.buildToken(repository().with(Parameter.FAIL_ON_ERROR, "false")
                .with(Parameter.SCOPE, "other"), build, "settings.xml server 'optional'")).isEmpty();
        assertThat(build.log.at("WARN")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("No token for settings.xml server 'optional' (failOnError is false, so the build goes "
                        + "on): Token request"));
    }

    @Test
    void anOfflineBuildThatNoCacheServesGetsNoneAndSaysSo() throws Exception {
        TestExecution offline = new TestExecution("the build").server("repo-client", "repo-id", SECRET);
        offline.offline = true;

        assertThat(lifecycle.buildToken(repository(), offline, "settings.xml server 'repo'")).isEmpty();
        assertThat(offline.log.at("INFO")).singleElement().satisfies(line -> assertThat(line)
                .startsWith("No token for settings.xml server 'repo': Maven runs offline (-o)"));
        assertThat(issued).hasValue(0);
    }

    @Test
    void aFileCacheTokenIsLeftToTheOtherBuildsThatShareItUnlessRevokeSharedSaysOtherwise() throws Exception {
        MapParameters cached = repository().with(Parameter.CACHE, "file")
                .with(Parameter.CACHE_DIRECTORY, temp.resolve("cache").toString());
        token(cached, "settings.xml server 'repo'");
        lifecycle.endOfBuild(build.log);
        assertThat(revoked).isEmpty();

        TokenLifecycle next = new TokenLifecycle(new Redactor(), EndOfBuild.ALWAYS, clock);
        next.buildToken(cached.copy().with(Parameter.REVOKE_SHARED, "true"), build, "settings.xml server 'repo'")
                .orElseThrow();
        next.endOfBuild(build.log);
        assertThat(issued).hasValue(1);
        assertThat(revoked).containsExactly("Bearer repo-token-1-Zq8");
        assertThat(Files.list(temp.resolve("cache")).filter(f -> f.toString().endsWith(".properties"))).isEmpty();
    }

    @Test
    void aGoalThatAsksForTheSameTokenReusesItWithoutRevokingItAndTheBuildTokenRevokesItOnce() throws TokenException {
        // Two copies of the plugin's classes in one build share a map of JDK types: the core extension and the goals.
        Map<String, Properties> shared = new ConcurrentHashMap<>();
        TokenLifecycle extension = new TokenLifecycle(new Redactor(), EndOfBuild.ALWAYS, clock,
                new SharedTokens(shared));
        TokenLifecycle goals = new TokenLifecycle(new Redactor(), EndOfBuild.ALWAYS, clock, new SharedTokens(shared));
        extension.buildToken(repository(), build, "settings.xml server 'repo'").orElseThrow();
        TestExecution module = new TestExecution("it:module:1", java.util.Set.of(), "oauth.token")
                .server("repo-client", "repo-id", SECRET);

        goals.fetch(repository(), module);
        goals.revoke(repository(), module);
        goals.endOfBuild(module.log);

        assertThat(issued).hasValue(1);
        assertThat(module.log.at("INFO")).anySatisfy(line -> assertThat(line).startsWith(
                "Reusing (this build's repository credentials) genesys token from 127.0.0.1 (expires "));
        assertThat(module.log.at("INFO")).anySatisfy(line -> assertThat(line).endsWith(") is not revoked here: the "
                + "repository credentials of this build obtained it, and revoke it when the build is over."));
        assertThat(revoked).isEmpty();
        extension.endOfBuild(build.log);
        assertThat(revoked).containsExactly("Bearer repo-token-1-Zq8");

        goals.fetch(repository().with(Parameter.VERIFY, "true").with(Parameter.PROPERTY_PREFIX, "verified"),
                module);
        assertThat(issued).as("a verified token is not taken from another part of the build").hasValue(2);
    }
}
