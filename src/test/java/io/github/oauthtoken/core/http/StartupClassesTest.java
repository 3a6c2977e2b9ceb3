package io.github.oauthtoken.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.cache.FileCacheChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a build's JVM loads for the plugin, seen in a JVM of its own (this test JVM has loaded everything already):
 * the classes named here cost tens of milliseconds of every build (BENCHMARKS.md). Each child obtains one token
 * with {@code cache=file}: the first from the server, the second from the file cache.
 */
class StartupClassesTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    private final StubHttpServer server = new StubHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs one child build with class loading logged; returns the names of the classes it loaded. */
    private List<String> loadedClasses(String name) throws Exception {
        Path log = dir.resolve(name + ".classes");
        Path output = dir.resolve(name + ".out");
        Process child = new ProcessBuilder(JAVA, "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), FileCacheChild.class.getName(),
                server.url() + "/oauth/token", dir.resolve("cache").toString(), dir.resolve(name + ".fingerprint").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child build ends").isTrue();
        assertThat(child.exitValue()).as(Files.readString(output)).isZero();
        // Lines are "[uptime][info][class,load] <class name> source: <where>".
        return Files.readAllLines(log).stream()
                .filter(line -> line.contains("[class,load] "))
                .map(line -> line.substring(line.indexOf("[class,load] ") + 13).split(" ")[0])
                .toList();
    }

    @Test
    void aFetchStartsNeitherTheJvmsManagementServerForJettysPaddingSizeNorGzip() throws Exception {
        server.onJson("/oauth/token", 200, "{\"access_token\":\"startup-token\",\"token_type\":\"bearer\",\"expires_in\":3600}");

        List<String> classes = loadedClasses("fetch");

        assertThat(server.requests("/oauth/token")).hasSize(1);
        // Jetty's padding helper did run (the request queue uses it), without asking the platform MBean server.
        assertThat(classes).anyMatch(c -> c.endsWith(".jetty.util.MemoryUtils"));
        assertThat(classes).noneMatch(c -> c.startsWith("java.lang.management.") || c.startsWith("javax.management."));
        // Nor does it look up and set up gzip: it accepts the identity coding only.
        assertThat(classes).noneMatch(c -> c.contains(".jetty.compression.") || c.startsWith("java.util.zip.GZIP"));
    }

    @Test
    void aFileCacheHitLoadsNoJettyNoTlsAndNoJson() throws Exception {
        server.onJson("/oauth/token", 200, "{\"access_token\":\"startup-token\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        loadedClasses("fetch");

        List<String> classes = loadedClasses("hit");

        assertThat(server.requests("/oauth/token")).as("the second build used the file cache").hasSize(1);
        assertThat(Files.readString(dir.resolve("hit.fingerprint"))).isEqualTo(Files.readString(dir.resolve("fetch.fingerprint")));
        assertThat(classes).noneMatch(c -> c.contains(".jetty."));
        assertThat(classes).noneMatch(c -> c.startsWith("javax.net.ssl.") || c.startsWith("sun.security.ssl."));
        // The cache file is a properties file: a hit needs no JSON reader, nor the thread that warms one up.
        assertThat(classes).noneMatch(c -> c.contains(".jackson."));
        // No record's generated equals, hashCode or toString runs: their first use costs a cold JVM about 12 ms.
        assertThat(classes).as(() -> "loaded just before: " + before(classes, "java.lang.runtime.ObjectMethods"))
                .doesNotContain("java.lang.runtime.ObjectMethods");
    }

    /**
     * The plugin's classes concatenate strings with StringBuilder, as Maven's own (Java 8) classes do, rather than
     * through invokedynamic, whose bootstrap every build's JVM would otherwise pay on the plugin's first
     * concatenation (the {@code -XDstringConcat=inline} compiler option in the POM).
     */
    @Test
    void thePluginsClassesConcatenateWithoutInvokedynamic() throws Exception {
        Path classes = Path.of(TlsContextStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        byte[] bootstrap = "makeConcatWithConstants".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<Path> withIndy;
        try (var files = Files.walk(classes)) {
            withIndy = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> indexOf(read(f), bootstrap) >= 0).toList();
        }
        assertThat(classes.resolve("io/github/oauthtoken/core/lifecycle/TokenLifecycle.class")).exists();
        assertThat(withIndy).isEmpty();
    }

    /** What a failure needs to find the caller: the plugin's classes loaded shortly before {@code name}. */
    private static String before(List<String> classes, String name) {
        int at = classes.indexOf(name);
        return String.join(" ", classes.subList(Math.max(0, at - 25), Math.max(0, at)).stream()
                .filter(c -> c.startsWith("io.github.oauthtoken.")).toList());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
