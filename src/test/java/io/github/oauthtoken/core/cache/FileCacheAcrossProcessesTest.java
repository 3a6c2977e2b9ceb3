package io.github.oauthtoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds in separate JVMs that share the file cache: parallel ones fetch one token between them. */
class FileCacheAcrossProcessesTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    /** A slow token server, so that processes started together really have to wait for the first. */
    private String startTokenServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/oauth/token", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void fourJvmsStartedTogetherMakeOneTokenRequest() throws Exception {
        String url = startTokenServer();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
                    FileCacheChild.class.getName(), url, dir.resolve("cache").toString(),
                    dir.resolve("out-" + i).toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log-" + i).toFile()).start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("child exit code").isZero();
        }
        List<String> fingerprints = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fingerprints.add(Files.readString(dir.resolve("out-" + i)));
        }
        assertThat(requests).hasValue(1);
        assertThat(fingerprints).containsOnly(fingerprints.get(0));
    }

    /**
     * A full disk, for real: the child runs under {@code ulimit -f 0}, so every byte it writes to a file fails
     * (EFBIG; the JVM ignores SIGXFSZ) while creating empty files still works, as on a disk with inodes but no blocks.
     */
    @Test
    void aFullDiskLeavesTheCacheFileAsItWasAndTheBuildGoesOnWithItsToken() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell for ulimit");
        String url = startTokenServer();
        Path cache = dir.resolve("cache");
        CacheKey key = FileCacheChild.key(url, cache);
        // An earlier build's token, too close to its expiry for minValidity, so the child fetches and must replace it.
        Instant soon = Instant.now().plusSeconds(60);
        new FileTokenCache(cache, new Redactor(), BuildLog.SILENT).write(key, new TokenResult(
                new AccessToken(Secret.of("earlier-token"), "bearer", 60, soon, Optional.empty(), "expires_in"),
                URI.create(url), Map.of()));
        Path file = cache.resolve(key.hash() + ".properties");
        String before = Files.readString(file);

        Process child = new ProcessBuilder("/bin/sh", "-c", "ulimit -f 0 && exec \"$0\" \"$@\"",
                JAVA, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                FileCacheChild.class.getName(), url, cache.toString(), "-")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("child exit code; its output:\n" + output).isZero();
        assertThat(output).contains("FINGERPRINT ");
        assertThat(output.lines().filter(line -> line.startsWith("WARN "))).singleElement().asString()
                .contains(file.toString()).contains("could not be written").contains("kept for this build only");
        assertThat(output).doesNotContain(FileCacheChild.SECRET);
        assertThat(requests).hasValue(1);
        assertThat(Files.readString(file)).as("the earlier build's cache file").isEqualTo(before);
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left behind").allMatch(name -> name.startsWith(key.hash()));
        }
    }
}
