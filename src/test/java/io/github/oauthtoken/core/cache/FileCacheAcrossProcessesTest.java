package io.github.oauthtoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel builds on one machine (separate JVMs) that share the file cache fetch one token between them. */
class FileCacheAcrossProcessesTest {
    @TempDir
    Path dir;

    @Test
    void fourJvmsStartedTogetherMakeOneTokenRequest() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/oauth/token", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(300); // a slow server, so the other processes really have to wait for the first
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
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token";
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
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
        } finally {
            server.stop(0);
        }
    }
}
