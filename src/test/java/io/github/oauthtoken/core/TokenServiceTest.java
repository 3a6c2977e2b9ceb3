package io.github.oauthtoken.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.config.TokenParameters;
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

/** The build-wide lifecycle through the entry the goals use: parameters in, properties, commands and revocations out. */
class TokenServiceTest {
    private static final String SECRET = "service-SECRET-77";
    private final StubHttpServer server = new StubHttpServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> revoked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();

    TokenServiceTest() {
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

    private TokenParameters.Builder genesys() {
        return TokenParameters.builder().provider("genesys").tokenUrl(server.url() + "/oauth/token")
                .apiUrl(server.url()).retries(0);
    }

    private TestExecution module(String id, String... revokePrefixes) {
        return new TestExecution(id, finished, revokePrefixes).env("GENESYS_CLIENT_ID", "svc-client",
                "GENESYS_CLIENT_SECRET", SECRET, "OTHER_ID", "svc-other", "OTHER_SECRET", SECRET + "-2");
    }

    private static TokenService service(boolean endOfBuild) {
        return new TokenService(new Redactor(), endOfBuild ? EndOfBuild.ALWAYS : EndOfBuild.NEVER, Clock.systemUTC());
    }

    @Test
    void twoTokensInOneModuleAreEachRevokedOnce() throws TokenException {
        TokenService service = service(false);
        TestExecution module = module("it:one:1", "a.token", "b.token");
        TokenParameters a = genesys().propertyPrefix("a.token").build();
        TokenParameters b = genesys().propertyPrefix("b.token").clientIdEnv("OTHER_ID").clientSecretEnv("OTHER_SECRET")
                .build();

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
        TokenService service = service(true);
        TestExecution first = module("it:m1:1", "oauth.token");
        TestExecution second = module("it:m2:1", "oauth.token");
        service.fetch(genesys().build(), first);
        service.fetch(genesys().build(), second);
        String token = first.properties.getProperty("oauth.token");

        service.revoke(genesys().build(), first);
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
        TokenService service = service(true);
        TestExecution failing = module("it:failing:1", "oauth.token");
        service.fetch(genesys().build(), failing);
        String token = failing.properties.getProperty("oauth.token");
        // No revoke ran: the module failed. It binds one, which is what asks for the revocation.

        service.endOfBuild(new RecordingBuildLog());

        assertThat(revoked).containsExactly("Bearer " + token);
    }

    @Test
    void aModuleThatBindsNoRevokeDoesNotHaveItsTokenRevoked() throws TokenException {
        TokenService service = service(true);
        service.fetch(genesys().build(), module("it:plain:1"));

        service.endOfBuild(new RecordingBuildLog());

        assertThat(revoked).isEmpty();
    }

    @Test
    void withoutTheHookTheLastUserRevokesAndAnEarlierOneWarnsOnce() throws TokenException {
        TokenService service = service(false);
        TestExecution first = module("it:m1:1", "oauth.token");
        TestExecution second = module("it:m2:1", "oauth.token");
        service.fetch(genesys().build(), first);
        service.fetch(genesys().build(), second);

        service.revoke(genesys().build(), first);
        assertThat(revoked).isEmpty();
        assertThat(first.log.at("WARN")).singleElement().asString()
                .contains("it:m2:1 still use it", "This build does not report its end to the plugin");

        service.revoke(genesys().build(), second);
        assertThat(revoked).hasSize(1);
    }

    @Test
    void withoutTheHookAFinishedUserWithoutRevokeDoesNotKeepTheTokenAlive() throws TokenException {
        TokenService service = service(false);
        TestExecution first = module("it:m1:1", "oauth.token");
        TestExecution skipped = module("it:m2:1");
        service.fetch(genesys().build(), first);
        service.fetch(genesys().build(), skipped);
        finished.add("it:m2:1");

        service.revoke(genesys().build(), first);

        assertThat(revoked).hasSize(1);
    }

    @Test
    void aFetchThatFailedFailsEveryLaterModuleAtOnceWithTheSameReason() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        server.on("/dead/token", request -> {
            attempts.incrementAndGet();
            return StubHttpServer.Response.json(503, "{\"message\":\"down\"}");
        });
        TokenService service = service(false);
        TokenParameters dead = genesys().tokenUrl(server.url() + "/dead/token").build();
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

    @Test
    void failOnErrorFalseDowngradesAServerFailureButNotAConfigurationMistake() throws TokenException {
        TokenService service = service(false);
        TestExecution module = module("it:m:1");
        module.env.remove("GENESYS_CLIENT_SECRET");

        service.fetch(genesys().failOnError(false).build(), module);
        assertThat(module.log.at("WARN")).singleElement().asString().startsWith("No token (failOnError is false");
        assertThat(module.properties).isEmpty();

        assertThatThrownBy(() -> service.fetch(genesys().failOnError(false).minValidity("five minutes").build(), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<minValidity>");
        assertThatThrownBy(() -> service.fetch(genesys().failOnError(false).cache("disk").build(), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<cache>");
        assertThatThrownBy(() -> service.fetch(genesys().failOnError(false).provider("okta").build(), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("<provider>");
        module.env.put("GENESYS_CLIENT_SECRET", SECRET);
        assertThatThrownBy(() -> service.fetch(genesys().failOnError(false).tokenUrl(null).region("mars_north_1")
                .build(), module)).isInstanceOf(ConfigurationException.class).hasMessageContaining("mars_north_1");
    }

    @Test
    void aTrustStoreThatDoesNotOpenIsAConfigurationMistakeEvenWithFailOnErrorFalse(@TempDir Path temp)
            throws Exception {
        Path garbage = Files.writeString(temp.resolve("trust.p12"), "not a key store");
        TokenService service = service(false);
        TestExecution module = module("it:m:1");
        module.env.put("GENESYS_CLIENT_SECRET", SECRET);

        assertThatThrownBy(() -> service.fetch(genesys().failOnError(false).trustStore(garbage).build(), module))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("trust.p12");
    }

    @Test
    void noModuleGetsTheTokenBeforeItsMaskCommandIsOut() throws Exception {
        TokenService service = service(false);
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
                    service.fetch(genesys().build(), module);
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
        assertThat(modules).allSatisfy(m -> assertThat(m.properties.getProperty("oauth.token")).startsWith("svc-token-"));
    }

    @Test
    void everyExecutionRedactsEverySecretOfTheBuild() throws TokenException {
        TokenService service = service(false);
        TestExecution first = module("it:m1:1");
        service.fetch(genesys().build(), first);
        service.fetch(genesys().propertyPrefix("b").clientIdEnv("OTHER_ID").clientSecretEnv("OTHER_SECRET").build(),
                module("it:m2:1"));
        String token = first.properties.getProperty("oauth.token");

        // What the Maven layer does with every line of every execution: redact with the build's one redactor.
        String line = service.redactor().redact("a library echoed " + token + " and " + SECRET + "-2");

        assertThat(line).isEqualTo("a library echoed **** and ****");
    }

    @Test
    void aVerifiedTokenServesAVerifyingExecutionAndAnUnverifiedOneDoesNot() throws TokenException {
        TokenService service = service(false);
        TestExecution module = module("it:m:1");

        service.fetch(genesys().build(), module);
        service.fetch(genesys().verify(true).build(), module);
        service.fetch(genesys().verify(true).build(), module);
        service.fetch(genesys().build(), module);

        assertThat(issued).hasValue(2);
    }

    @Test
    void aReusedTokenReportsTheLifetimeItHasLeft() throws Exception {
        TokenService service = service(false);
        TestExecution first = module("it:m1:1");
        TestExecution second = module("it:m2:1");
        service.fetch(genesys().build(), first);
        Thread.sleep(1100);
        service.fetch(genesys().build(), second);

        assertThat(first.properties.getProperty("oauth.token.expiresIn")).isEqualTo("3600");
        assertThat(Long.parseLong(second.properties.getProperty("oauth.token.expiresIn"))).isLessThan(3600);
    }

    @Test
    void aTokenTheFileCacheSharesIsKeptWithOneInfoAndRevokedOnceRevokeSharedAsks(@TempDir Path temp)
            throws TokenException {
        TokenService service = service(false);
        TestExecution module = module("it:m:1", "oauth.token");
        TokenParameters cached = genesys().cache("file").cacheDirectory(temp).build();
        service.fetch(cached, module);

        service.revoke(cached, module);

        assertThat(revoked).isEmpty();
        assertThat(module.log.at("WARN")).isEmpty();
        assertThat(module.log.at("INFO")).anyMatch(line -> line.contains("the file cache shares it"));

        service.revoke(genesys().cache("file").cacheDirectory(temp).revokeShared(true).build(), module);

        assertThat(revoked).hasSize(1);
    }

    @Test
    void twoProxiesOnOneAddressWithDifferentLoginsAreAConfigurationMistake() {
        TokenService service = service(false);
        TestExecution module = module("it:m:1").env(
                "HTTPS_PROXY", "http://https-user:pw-one-11@proxy.example:3128",
                "HTTP_PROXY", "http://http-user:pw-two-22@proxy.example:3128");

        assertThatThrownBy(() -> service.fetch(genesys().failOnError(false).build(), module))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("HTTPS_PROXY and HTTP_PROXY are both proxy.example:3128")
                .message().doesNotContain("pw-one-11", "pw-two-22");
    }
}
