package io.github.oauthtoken.testservers;

import static io.github.oauthtoken.testservers.SimulatorClient.basic;
import static io.github.oauthtoken.testservers.SimulatorClient.claims;
import static io.github.oauthtoken.testservers.SimulatorClient.get;
import static io.github.oauthtoken.testservers.SimulatorClient.postForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher the build runs around the ITs: ready only when all servers answer, stops on request, never leaks. */
class TestServersMainTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path temp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private CompletableFuture<Integer> launch(Path ready, int genesysPort, BooleanSupplier stillWanted) {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TestServersMain.run(genesysPort, 0, 0, 0, ready, out, stillWanted, Duration.ofMinutes(5));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private String announced(String server) {
        Matcher matcher = Pattern.compile(Pattern.quote(server) + "[^:]*: (\\S+)").matcher(console());
        assertThat(matcher.find()).as("a line for " + server + " in:\n" + console()).isTrue();
        return matcher.group(1);
    }

    @Test
    void startsAllServersAnnouncesThemWithoutSecretsAndStopsOnRequest() throws Exception {
        Path ready = temp.resolve("servers/ready");
        CompletableFuture<Integer> launcher = launch(ready, 0, () -> true);

        AwaitReady.await(ready, Duration.ofSeconds(60));

        List<String> lines = console().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("[test-servers] ")).hasSize(5);
        String genesys = announced("Genesys simulator");
        String cxone = announced("CXone simulator");
        String issuer = announced("mock-oauth2-server");
        assertThat(genesys).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(issuer).matches("http://localhost:\\d+/default");

        // Every server answers as the ITs will use it.
        String token = (String) postForm(genesys + "/oauth/token",
                basic("it-genesys-client", TestServersMain.GENESYS_SECRET), FORM, "grant_type=client_credentials")
                .json().get("access_token");
        assertThat(token).isNotBlank();
        assertThat(postForm(cxone + "/auth/token", basic(TestServersMain.CXONE_CLIENT, TestServersMain.CXONE_SECRET),
                FORM, "grant_type=password&username=" + TestServersMain.CXONE_KEY_ID + "&password="
                        + TestServersMain.CXONE_KEY_SECRET).status()).isEqualTo(200);
        assertThat(get(issuer + "/.well-known/openid-configuration").json()).containsEntry("issuer", issuer)
                .containsEntry("token_endpoint", issuer + "/token");
        String jwt = (String) postForm(issuer + "/token", basic("it-oauth2-client", "it-oauth2-secret-Hq4m"), FORM,
                "grant_type=client_credentials&scope=orders:read").json().get("access_token");
        assertThat(claims(jwt)).containsEntry("iss", issuer);
        assertThat(Files.readAllLines(ready.resolveSibling(TestServersMain.JOURNAL))).contains(token);
        assertThat(Files.readString(ready.resolveSibling(TestServersMain.PROXY_SETTINGS)))
                .contains("<port>" + announced("authenticating proxy").replace("127.0.0.1:", "") + "</port>");

        assertThat(StopTestServers.stop(ready, Duration.ofSeconds(10))).isTrue();
        assertThat(launcher.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(ready).doesNotExist();
        assertThat(console()).contains("[test-servers] stopped (stop requested)");
        for (String secret : List.of(TestServersMain.GENESYS_SECRET, TestServersMain.CXONE_SECRET,
                TestServersMain.CXONE_KEY_SECRET, TestServersMain.PROXY_PASSWORD, token, jwt)) {
            assertThat(console()).doesNotContain(secret);
        }
    }

    @Test
    void aServerThatCannotStartFailsTheWaitAtOnceAndLeavesNothingRunning() throws Exception {
        Path ready = temp.resolve("ready");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> launcher = launch(ready, taken.getLocalPort(), () -> true);

            long start = System.nanoTime();
            assertThatThrownBy(() -> AwaitReady.await(ready, Duration.ofSeconds(60)))
                    .hasMessageContaining("failed to start");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(launcher.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ready).doesNotExist();
        }
    }

    @Test
    void theServersStopWhenTheBuildThatStartedThemIsGone() throws Exception {
        Path ready = temp.resolve("ready");
        AtomicBoolean buildAlive = new AtomicBoolean(true);
        CompletableFuture<Integer> launcher = launch(ready, 0, buildAlive::get);
        AwaitReady.await(ready, Duration.ofSeconds(60));

        buildAlive.set(false);

        assertThat(launcher.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(console()).contains("stopped (the build that started them is gone)");
    }

    @Test
    void waitingForServersThatNeverComeIsBounded() {
        assertThatThrownBy(() -> AwaitReady.await(temp.resolve("ready"), Duration.ofMillis(300)))
                .hasMessageContaining("not ready within");
    }
}
