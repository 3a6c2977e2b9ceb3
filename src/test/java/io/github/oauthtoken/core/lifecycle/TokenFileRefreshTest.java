package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.OwnerOnlyFile;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refreshTokenFile} through the entry the goals use. The stub's tokens live an hour and {@code minValidity}
 * asks for all but 5 s of it (room enough for a slow first fetch), so a new token is due every two seconds or so
 * while none ever expires during a test: every outcome is then the same however slowly the machine runs.
 */
class TokenFileRefreshTest {
    private static final String SECRET = "refresh-SECRET-93";
    private static final String MIN_VALIDITY = "PT3595S";
    private final StubHttpServer server = new StubHttpServer();
    /** Every token the stub issued, in order. */
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private volatile long expiresIn = 3600;
    /** When set, every token request after the first is refused with this status. */
    private volatile int failAfterFirst;

    @TempDir
    Path temp;

    TokenFileRefreshTest() {
        server.on("/oauth/token", request -> {
            if (failAfterFirst != 0 && !issued.isEmpty()) {
                return StubHttpServer.Response.json(failAfterFirst, "{\"message\":\"down for maintenance\"}");
            }
            String token = "refresh-token-" + (issued.size() + 1) + "-" + Long.toHexString(System.nanoTime());
            issued.add(token);
            return StubHttpServer.Response.json(200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                    + "\"expires_in\":" + expiresIn + "}");
        });
        server.on("/api/v2/tokens/me", request -> {
            if (request.method().equals("DELETE")) {
                revoked.add(request.header("authorization").substring("Bearer ".length()));
                return new StubHttpServer.Response(204, Map.of(), null);
            }
            return StubHttpServer.Response.json(200, "{\"organization\":{\"id\":\"org-1\"}}");
        });
    }

    private final List<TokenLifecycle> services = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        // A test that failed half way must not leave its refresher to the next one.
        services.forEach(service -> service.endOfBuild(BuildLog.SILENT));
        server.close();
    }

    private MapParameters refreshing(Path file) {
        return MapParameters.of().with(Parameter.PROVIDER, "genesys")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token")
                .with(Parameter.API_URL, server.url()).with(Parameter.RETRIES, 0).with(Parameter.TIMEOUT, "PT10S")
                .with(Parameter.MIN_VALIDITY, MIN_VALIDITY).with(Parameter.TOKEN_FILE, file)
                .with(Parameter.REFRESH_TOKEN_FILE, true);
    }

    private TestExecution module(String id, String... revokePrefixes) {
        return new TestExecution(id, finished, revokePrefixes).env("GENESYS_CLIENT_ID", "refresh-client",
                "GENESYS_CLIENT_SECRET", SECRET);
    }

    private TokenLifecycle service(boolean endOfBuild) {
        TokenLifecycle service = new TokenLifecycle(new Redactor(), endOfBuild ? EndOfBuild.ALWAYS : EndOfBuild.NEVER,
                Clock.systemUTC());
        services.add(service);
        return service;
    }

    /** Guards against a hang; what happened is asserted afterwards, never how fast. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        fail("Gave up waiting (60 s) for " + what);
    }

    private static List<Thread> refresherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("oauth-token-refresh") && t.isAlive()).toList();
    }

    @Test
    void theFileHoldsAWholeValidTokenThroughSeveralRefreshesAndNoThreadOutlivesEitherOfTwoBuildsInOneJvm()
            throws Exception {
        for (int build = 1; build <= 2; build++) {
            issued.clear();
            Path file = temp.resolve("build-" + build).resolve("token");
            TokenLifecycle service = service(true);
            TestExecution module = module("it:m:1").env("GITHUB_ACTIONS", "true");
            List<String> masked = new CopyOnWriteArrayList<>();
            List<String> problems = new CopyOnWriteArrayList<>();
            module.console = new CiConsole() {
                @Override
                public void command(String line) {
                    String token = line.substring("::add-mask::".length());
                    masked.add(token);
                    try {
                        if (Files.exists(file) && Files.readString(file).equals(token)) {
                            problems.add("the file held a token before its mask command was out");
                        }
                    } catch (IOException e) {
                        problems.add(e.toString());
                    }
                }

                @Override
                public Optional<String> unavailable() {
                    return Optional.empty();
                }
            };
            service.fetch(refreshing(file), module);

            // A reader that opens the file at any moment, as a test reading it per request does.
            AtomicBoolean reading = new AtomicBoolean(true);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            Thread reader = new Thread(() -> {
                while (reading.get()) {
                    try {
                        String content = Files.readString(file);
                        if (!issued.contains(content)) {
                            problems.add("read '" + content + "', which is no whole issued token");
                        }
                        seen.add(content);
                    } catch (NoSuchFileException e) {
                        problems.add("the file was missing");
                    } catch (IOException e) {
                        problems.add(e.toString());
                    }
                }
            });
            reader.start();
            // Three refreshes in the first build; one is enough to show the second build's thread ends too.
            int refreshes = build == 1 ? 3 : 1;
            await(refreshes + " refreshes", () -> issued.size() >= refreshes + 1);
            reading.set(false);
            reader.join();
            RecordingBuildLog end = new RecordingBuildLog();
            service.endOfBuild(end);

            assertThat(refresherThreads()).as("threads left after build " + build).isEmpty();
            assertThat(problems).isEmpty();
            assertThat(seen).isNotEmpty();
            String last = Files.readString(file);
            assertThat(issued).endsWith(last);
            assertThat(module.properties.getProperty("oauth.token")).isEqualTo(last);
            assertThat(module.properties.getProperty("oauth.token.fingerprint"))
                    .isEqualTo(Fingerprint.of(last));
            assertThat(masked).as("every token masked, once").containsExactlyElementsOf(issued);
            assertThat(issued).allSatisfy(token -> assertThat(service.redactor().redact(token)).isEqualTo("****"));
            assertThat(module.log.at("INFO").stream()
                    .filter(l -> l.startsWith("Refreshed the genesys token in " + file)))
                    .hasSizeGreaterThanOrEqualTo(refreshes);
            assertThat(end.at("INFO")).anySatisfy(l -> assertThat(l).startsWith("Stopped refreshing the token file "
                    + file));
            assertThat(module.log.all() + end.all()).doesNotContain(SECRET).doesNotContain(issued);
            if (OwnerOnlyFile.POSIX) {
                assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OwnerOnlyFile.OWNER_READ_WRITE);
            }
        }
    }

    /**
     * With {@code minValidity} unset, a token that lives less than the 5 minutes a cached token must have left keeps
     * its file until it has 60 s left, the least a new token must live: asking sooner would bring no longer a token.
     */
    @Test
    void unsetMinValidityRefreshesAShortLivedTokenBeforeItHasLessThanSixtySecondsLeft() throws Exception {
        // 70 s: 10 s of room above the 60 s bar, so that even a slow first fetch leaves time to schedule the next.
        expiresIn = 70;
        Path file = temp.resolve("token");
        TokenLifecycle service = service(true);
        TestExecution module = module("it:m:1");
        service.fetch(refreshing(file).with(Parameter.MIN_VALIDITY, null), module);

        await("a refresh", () -> issued.size() >= 2);
        service.endOfBuild(new RecordingBuildLog());

        assertThat(module.log.at("INFO")).anySatisfy(line -> assertThat(line)
                .startsWith("Keeping the token file " + file).contains("less than 60 s"));
        assertThat(module.log.at("WARN")).isEmpty();
        assertThat(refresherThreads()).isEmpty();
    }

    @Test
    void withoutAnEndOfTheBuildRefreshTokenFileIsAConfigurationMistakeBeforeAnyRequest() {
        assertThatThrownBy(() -> service(false).fetch(refreshing(temp.resolve("token"))
                .with(Parameter.FAIL_ON_ERROR, false),
                module("it:m:1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<refreshTokenFile> needs to learn when the build ends")
                .hasMessageContaining("this build does not report its end to the plugin");
        assertThat(issued).isEmpty();
    }

    @Test
    void refreshTokenFileWithoutATokenFileIsAConfigurationMistake() {
        assertThatThrownBy(() -> service(true).fetch(refreshing(null), module("it:m:1")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<refreshTokenFile> is true, but no <tokenFile> is set");
    }

    @Test
    void aRefreshThatKeepsFailingWarnsWithTheReasonAndTheExpiryAndNeverFailsTheBuild() throws Exception {
        failAfterFirst = 503;
        Path file = temp.resolve("token");
        TokenLifecycle service = service(true);
        TestExecution module = module("it:m:1");
        service.fetch(refreshing(file), module);

        await("two failed refreshes", () -> module.log.at("WARN").stream()
                .filter(l -> l.startsWith("Could not refresh")).count() >= 2);
        service.endOfBuild(new RecordingBuildLog());

        assertThat(module.log.at("WARN")).filteredOn(l -> l.startsWith("Could not refresh")).first().asString()
                .startsWith("Could not refresh the genesys token in " + file + " (attempt 1): ")
                .contains("HTTP 503", "down for maintenance",
                "The build goes on; the token the file holds (fingerprint "
                        + Fingerprint.of(issued.get(0)) + ") expires at ", "Next attempt in ");
        assertThat(file).hasContent(issued.get(0));
        assertThat(module.properties.getProperty("oauth.token")).isEqualTo(issued.get(0));
        assertThat(refresherThreads()).isEmpty();
    }

    @Test
    void everyModuleShowingTheTokenFollowsTheRefreshAndLaterModulesGetTheNewOneFromTheBuild() throws Exception {
        TokenLifecycle service = service(true);
        TestExecution refresher = module("it:a:1");
        TestExecution earlier = module("it:b:1");
        service.fetch(refreshing(temp.resolve("token")), refresher);
        service.fetch(refreshing(null).with(Parameter.REFRESH_TOKEN_FILE, false)
                .with(Parameter.PROPERTY_PREFIX, "b.token"), earlier);

        await("a refresh", () -> issued.size() >= 2);
        String refreshed = issued.get(1);
        await("the properties to follow", () -> refreshed.equals(earlier.properties.getProperty("b.token")));
        TestExecution later = module("it:c:1");
        // A lower minValidity than the refresher's, so that the cached token surely serves it.
        service.fetch(refreshing(null).with(Parameter.REFRESH_TOKEN_FILE, false)
                .with(Parameter.MIN_VALIDITY, "PT60S"), later);
        int issuedBefore = issued.size();
        service.endOfBuild(new RecordingBuildLog());

        assertThat(later.properties.getProperty("oauth.token")).isIn(issued.subList(1, issuedBefore));
        assertThat(later.log.at("INFO")).anySatisfy(l -> assertThat(l)
                .startsWith("Reusing (this build) genesys token"));
    }

    /**
     * A refresh that is setting a module's properties when the module's revoke empties them: it must not set them
     * again afterwards. The module's properties hold the refresher's first write of the new token until the revoke has
     * emptied them (or two seconds have passed, which is what a correct revoke costs here: it waits for the refresh).
     */
    @Test
    void aRefreshLandingWhileTheModuleRevokesLeavesItsPropertiesEmpty() throws Exception {
        CountDownLatch refreshWriting = new CountDownLatch(1);
        CountDownLatch emptied = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        TestExecution module = module("it:m:1", "oauth.token");
        module.properties = new Properties() {
            // Not synchronized, unlike Properties.setProperty: the held write must not hold the revoke's emptying up.
            @Override
            public Object setProperty(String key, String value) {
                if (key.equals("oauth.token") && !value.isEmpty() && armed.compareAndSet(true, false)) {
                    refreshWriting.countDown();
                    try {
                        emptied.await(2, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                Object previous = super.setProperty(key, value);
                if (key.equals("oauth.token") && value.isEmpty()) {
                    emptied.countDown();
                }
                return previous;
            }
        };
        TokenLifecycle service = service(true);
        Path file = temp.resolve("token");
        service.fetch(refreshing(file), module);
        armed.set(true);

        assertThat(refreshWriting.await(30, TimeUnit.SECONDS)).as("a refresh sets the properties").isTrue();
        service.revoke(refreshing(file), module);
        service.endOfBuild(new RecordingBuildLog());

        assertThat(module.properties.getProperty("oauth.token")).as("emptied by the revoke, and left empty").isEmpty();
        assertThat(revoked).containsExactlyInAnyOrderElementsOf(issued);
    }

    @Test
    void revokeStopsTheRefresherOfATokenNoModuleShowsAndTheEndRevokesEveryTokenItFetchedOnce() throws Exception {
        TokenLifecycle service = service(true);
        TestExecution module = module("it:m:1", "oauth.token");
        Path file = temp.resolve("token");
        service.fetch(refreshing(file), module);
        await("two refreshes", () -> issued.size() >= 3);

        service.revoke(refreshing(file), module);
        assertThat(refresherThreads()).as("stopped by the module's revoke").isEmpty();
        List<String> fetched = List.copyOf(issued);
        assertThat(module.properties.getProperty("oauth.token")).isEmpty();
        service.endOfBuild(new RecordingBuildLog());

        assertThat(issued).as("nothing fetched after the revoke").isEqualTo(fetched);
        assertThat(revoked).containsExactlyInAnyOrderElementsOf(fetched);
        assertThat(file).doesNotExist();
        assertThat(module.properties.getProperty("oauth.token")).as("stays empty").isEmpty();
    }

    @Test
    void anExpiredTokenIsNotSentForRevocation() throws Exception {
        expiresIn = 1;
        TokenLifecycle service = service(true);
        TestExecution module = module("it:m:1", "oauth.token");
        service.fetch(MapParameters.of().with(Parameter.PROVIDER, "genesys")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token")
                .with(Parameter.API_URL, server.url()).with(Parameter.RETRIES, 0)
                .with(Parameter.MIN_VALIDITY, "0"), module);
        Thread.sleep(1500);

        RecordingBuildLog end = new RecordingBuildLog();
        service.endOfBuild(end);

        assertThat(revoked).isEmpty();
        assertThat(end.at("DEBUG")).anySatisfy(l -> assertThat(l).contains("there is nothing to revoke"));
        assertThat(end.at("WARN")).isEmpty();
    }
}
