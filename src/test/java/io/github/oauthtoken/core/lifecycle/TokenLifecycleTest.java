package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.ci.RecordingConsole;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The build-wide lifecycle through the entry the goals use: parameters in, properties, commands and revocations out. */
class TokenLifecycleTest {
    private static final String SECRET = "service-SECRET-77";
    private final StubHttpServer server = new StubHttpServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();

    TokenLifecycleTest() {
        server.on("/oauth/token", request -> StubHttpServer.Response.json(200, "{\"access_token\":\"svc-token-"
                + issued.incrementAndGet() + "-" + request.body().hashCode() + "\",\"token_type\":\"bearer\","
                + "\"expires_in\":3600}"));
        server.on("/api/v2/tokens/me", request -> {
            if (!request.method().equals("DELETE")) {
                return StubHttpServer.Response.json(200, "{\"organization\":{\"id\":\"org-1\"}}");
            }
            revoked.add(request.header("authorization"));
            return new StubHttpServer.Response(204, java.util.Map.of(), null);
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MapParameters genesys() {
        return MapParameters.of().with(Parameter.PROVIDER, "genesys")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token")
                .with(Parameter.API_URL, server.url()).with(Parameter.RETRIES, 0);
    }

    private TestExecution module(String id, String... revokePrefixes) {
        return new TestExecution(id, finished, revokePrefixes).env("GENESYS_CLIENT_ID", "svc-client",
                "GENESYS_CLIENT_SECRET", SECRET, "OTHER_ID", "svc-other", "OTHER_SECRET", SECRET + "-2");
    }

    private static TokenLifecycle service(boolean endOfBuild) {
        return new TokenLifecycle(new Redactor(), endOfBuild ? EndOfBuild.ALWAYS : EndOfBuild.NEVER, Clock.systemUTC());
    }

    @Test
    void twoTokensInOneModuleAreEachRevokedOnce() throws TokenException {
        TokenLifecycle service = service(false);
        TestExecution module = module("it:one:1", "a.token", "b.token");
        MapParameters a = genesys().with(Parameter.PROPERTY_PREFIX, "a.token");
        MapParameters b = genesys().with(Parameter.PROPERTY_PREFIX, "b.token")
                .with(Parameter.CLIENT_ID_ENV, "OTHER_ID").with(Parameter.CLIENT_SECRET_ENV, "OTHER_SECRET")
                ;

        service.fetch(a, module);
        service.fetch(b, module);
        String tokenA = module.properties.getProperty("a.token");
        String tokenB = module.properties.getProperty("b.token");
        assertThat(tokenA).isNotEqualTo(tokenB);

        service.revoke(a, module);
        service.revoke(b, module);

        assertThat(revoked).containsExactlyInAnyOrder("Bearer " + tokenA, "Bearer " + tokenB);
        assertThat(module.properties.getProperty("a.token")).isEmpty();
        assertThat(module.properties.getProperty("b.token")).isEmpty();
        assertThat(module.log.all()).doesNotContain(tokenA, tokenB, SECRET);
    }

    @Test
    void withTheEndOfBuildHookTokensAreRevokedOnlyWhenTheBuildEnds() throws TokenException {
        TokenLifecycle service = service(true);
        TestExecution first = module("it:m1:1", "oauth.token");
        TestExecution second = module("it:m2:1", "oauth.token");
        service.fetch(genesys(), first);
        service.fetch(genesys(), second);
        String token = first.properties.getProperty("oauth.token");

        service.revoke(genesys(), first);
        assertThat(revoked).isEmpty();
        assertThat(first.log.all()).contains("is revoked at the end of the build");

        RecordingBuildLog end = new RecordingBuildLog();
        service.endOfBuild(end);
        service.endOfBuild(end);

        assertThat(revoked).containsExactly("Bearer " + token);
        assertThat(issued).hasValue(1);
        assertThat(end.all()).contains("Revoked the genesys token").doesNotContain(token);
    }

    @Test
    void aModuleThatFailedBeforeItsRevokeStillHasItsTokenRevokedAtTheEnd() throws TokenException {
        TokenLifecycle service = service(true);
        TestExecution failing = module("it:failing:1", "oauth.token");
        service.fetch(genesys(), failing);
        String token = failing.properties.getProperty("oauth.token");
        // No revoke ran: the module failed. It binds one, which is what asks for the revocation.

        service.endOfBuild(new RecordingBuildLog());

        assertThat(revoked).containsExactly("Bearer " + token);
    }

    @Test
    void aModuleThatBindsNoRevokeDoesNotHaveItsTokenRevoked() throws TokenException {
        TokenLifecycle service = service(true);
        service.fetch(genesys(), module("it:plain:1"));

        service.endOfBuild(new RecordingBuildLog());

        assertThat(revoked).isEmpty();
    }

    @Test
    void withoutTheHookTheLastUserRevokesAndAnEarlierOneWarnsOnce() throws TokenException {
        TokenLifecycle service = service(false);
        TestExecution first = module("it:m1:1", "oauth.token");
        TestExecution second = module("it:m2:1", "oauth.token");
        service.fetch(genesys(), first);
        service.fetch(genesys(), second);

        service.revoke(genesys(), first);
        assertThat(revoked).isEmpty();
        assertThat(first.log.at("WARN")).singleElement().asString()
                .contains("it:m2:1 still use it", "This build does not report its end to the plugin");

        service.revoke(genesys(), second);
        assertThat(revoked).hasSize(1);
    }

    @Test
    void withoutTheHookAFinishedUserWithoutRevokeDoesNotKeepTheTokenAlive() throws TokenException {
        TokenLifecycle service = service(false);
        TestExecution first = module("it:m1:1", "oauth.token");
        TestExecution skipped = module("it:m2:1");
        service.fetch(genesys(), first);
        service.fetch(genesys(), skipped);
        finished.add("it:m2:1");

        service.revoke(genesys(), first);

        assertThat(revoked).hasSize(1);
    }

    @Test
    void aFetchThatFailedFailsEveryLaterModuleAtOnceWithTheSameReason() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        server.on("/dead/token", request -> {
            attempts.incrementAndGet();
            return StubHttpServer.Response.json(503, "{\"message\":\"down\"}");
        });
        TokenLifecycle service = service(false);
        MapParameters dead = genesys().with(Parameter.TOKEN_URL, server.url() + "/dead/token");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                TestExecution module = module("it:m" + i + ":1");
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        service.fetch(dead, module);
                        return "no failure";
                    } catch (TokenException e) {
                        return e.getMessage();
                    }
                }));
            }
            start.countDown();
            for (Future<String> outcome : outcomes) {
                assertThat(outcome.get(60, TimeUnit.SECONDS)).contains("HTTP 503");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts).hasValue(1);
    }

    /**
     * A name later CI steps could never use is a mistake in the POM: it fails the build however {@code failOnError}
     * is set, on the CI system it names, before the token server is asked or anything is written.
     */
    @ParameterizedTest
    @CsvSource({"githubEnv, GITHUB_ACTIONS", "githubOutput, GITHUB_ACTIONS", "azureVariable, TF_BUILD"})
    void aMalformedExportNameFailsBeforeAnyRequestEvenWithFailOnErrorFalse(String parameter, String ci,
            @TempDir Path dir) throws Exception {
        Path githubFile = Files.createFile(dir.resolve("github-file"));
        TestExecution module = module("it:m:1").env(ci, "true", "GITHUB_ENV", githubFile.toString(), "GITHUB_OUTPUT",
                githubFile.toString());

        assertThatThrownBy(() -> service(false).fetch(genesys().with(Parameter.FAIL_ON_ERROR, false)
                .with(Parameter.byId(parameter), "BAD NAME"), module))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("<" + parameter + "> 'BAD NAME' is not a valid variable name (letters, digits, '_', '.', "
                        + "'-', not starting with a digit).");
        assertThat(issued).hasValue(0);
        assertThat(((RecordingConsole) module.console).commands).isEmpty();
        assertThat(Files.readString(githubFile)).isEmpty();
        assertThat(module.properties).isEmpty();
    }

    @Test
    void failOnErrorFalseDowngradesAServerFailureButNotAConfigurationMistake() throws TokenException {
        TokenLifecycle service = service(false);
        TestExecution module = module("it:m:1");
        module.env.remove("GENESYS_CLIENT_SECRET");

        service.fetch(genesys().with(Parameter.FAIL_ON_ERROR, false), module);
        assertThat(module.log.at("WARN")).singleElement().asString().startsWith("No token (failOnError is false");
        assertThat(module.properties).isEmpty();

        assertThatThrownBy(() -> service.fetch(genesys().with(Parameter.FAIL_ON_ERROR, false)
                .with(Parameter.MIN_VALIDITY, "five minutes"), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<minValidity>");
        assertThatThrownBy(() -> service.fetch(genesys().with(Parameter.FAIL_ON_ERROR, false)
                .with(Parameter.CACHE, "disk"), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<cache>");
        assertThatThrownBy(() -> service.fetch(genesys().with(Parameter.FAIL_ON_ERROR, false)
                .with(Parameter.PROVIDER, "okta"), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<provider>");
        module.env.put("GENESYS_CLIENT_SECRET", SECRET);
        assertThatThrownBy(() -> service.fetch(genesys().with(Parameter.FAIL_ON_ERROR, false)
                .with(Parameter.TOKEN_URL, null).with(Parameter.REGION, "mars_north_1")
                , module)).isInstanceOf(ConfigurationException.class).hasMessageContaining("mars_north_1");
    }

    @Test
    void aTrustStoreThatDoesNotOpenIsAConfigurationMistakeEvenWithFailOnErrorFalse(@TempDir Path temp)
            throws Exception {
        Path garbage = Files.writeString(temp.resolve("trust.p12"), "not a key store");
        TokenLifecycle service = service(false);
        TestExecution module = module("it:m:1");
        module.env.put("GENESYS_CLIENT_SECRET", SECRET);

        assertThatThrownBy(() -> service.fetch(genesys().with(Parameter.FAIL_ON_ERROR, false)
                .with(Parameter.TRUST_STORE, garbage), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("trust.p12");
    }

    @Test
    void noModuleGetsTheTokenBeforeItsMaskCommandIsOut() throws Exception {
        TokenLifecycle service = service(false);
        List<String> seenAtMaskTime = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<TestExecution> modules = new ArrayList<>();
        CiConsole slowConsole = new CiConsole() {
            @Override
            public void command(String line) {
                // Whatever another module has set by now saw the token before the runner could mask it.
                modules.forEach(m -> seenAtMaskTime.add(String.valueOf(m.properties.getProperty("oauth.token"))));
                seenAtMaskTime.add("mask");
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public Optional<String> unavailable() {
                return Optional.empty();
            }
        };
        for (int i = 0; i < 6; i++) {
            TestExecution module = module("it:m" + i + ":1").env("GITHUB_ACTIONS", "true");
            module.console = slowConsole;
            modules.add(module);
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (TestExecution module : modules) {
                runs.add(pool.submit(() -> {
                    service.fetch(genesys(), module);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seenAtMaskTime).containsOnly("null", "mask").containsOnlyOnce("mask");
        assertThat(modules).allSatisfy(m -> assertThat(m.properties.getProperty("oauth.token"))
                .startsWith("svc-token-"));
    }

    @Test
    void everyExecutionRedactsEverySecretOfTheBuild() throws TokenException {
        TokenLifecycle service = service(false);
        TestExecution first = module("it:m1:1");
        service.fetch(genesys(), first);
        service.fetch(genesys().with(Parameter.PROPERTY_PREFIX, "b").with(Parameter.CLIENT_ID_ENV, "OTHER_ID")
                .with(Parameter.CLIENT_SECRET_ENV, "OTHER_SECRET"),
                module("it:m2:1"));
        String token = first.properties.getProperty("oauth.token");

        // What the Maven layer does with every line of every execution: redact with the build's one redactor.
        String line = service.redactor().redact("a library echoed " + token + " and " + SECRET + "-2");

        assertThat(line).isEqualTo("a library echoed **** and ****");
    }

    @Test
    void aVerifiedTokenServesAVerifyingExecutionAndAnUnverifiedOneDoesNot() throws TokenException {
        TokenLifecycle service = service(false);
        TestExecution module = module("it:m:1");

        service.fetch(genesys(), module);
        service.fetch(genesys().with(Parameter.VERIFY, true), module);
        service.fetch(genesys().with(Parameter.VERIFY, true), module);
        service.fetch(genesys(), module);

        assertThat(issued).hasValue(2);
    }

    @Test
    void aReusedTokenReportsTheLifetimeItHasLeft() throws Exception {
        TokenLifecycle service = service(false);
        TestExecution first = module("it:m1:1");
        TestExecution second = module("it:m2:1");
        service.fetch(genesys(), first);
        Thread.sleep(1100);
        service.fetch(genesys(), second);

        assertThat(first.properties.getProperty("oauth.token.expiresIn")).isEqualTo("3600");
        assertThat(Long.parseLong(second.properties.getProperty("oauth.token.expiresIn"))).isLessThan(3600);
    }

    @Test
    void aTokenTheFileCacheSharesIsKeptWithOneInfoAndRevokedOnceRevokeSharedAsks(@TempDir Path temp)
            throws TokenException {
        TokenLifecycle service = service(false);
        TestExecution module = module("it:m:1", "oauth.token");
        MapParameters cached = genesys().with(Parameter.CACHE, "file").with(Parameter.CACHE_DIRECTORY, temp);
        service.fetch(cached, module);

        service.revoke(cached, module);

        assertThat(revoked).isEmpty();
        assertThat(module.log.at("WARN")).isEmpty();
        assertThat(module.log.at("INFO")).anyMatch(line -> line.contains("the file cache shares it"));

        service.revoke(genesys().with(Parameter.CACHE, "file").with(Parameter.CACHE_DIRECTORY, temp)
                .with(Parameter.REVOKE_SHARED, true), module);

        assertThat(revoked).hasSize(1);
    }

    @Test
    void twoProxiesOnOneAddressWithDifferentLoginsAreAConfigurationMistake() {
        TokenLifecycle service = service(false);
        TestExecution module = module("it:m:1").env(
                "HTTPS_PROXY", "http://https-user:pw-one-11@proxy.example:3128",
                "HTTP_PROXY", "http://http-user:pw-two-22@proxy.example:3128");

        assertThatThrownBy(() -> service.fetch(genesys().with(Parameter.FAIL_ON_ERROR, false), module))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("HTTPS_PROXY and HTTP_PROXY are both proxy.example:3128")
                .message().doesNotContain("pw-one-11", "pw-two-22");
    }
}
