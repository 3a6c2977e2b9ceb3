package io.github.oauthtoken.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The release profile as a maintainer runs it (README, "Releasing"): on a copy of this project set to its release
 * version, with the Maven that runs this build (the wrapper's under {@code ./mvnw}), {@code MAVEN_GPG_KEY} and
 * {@code MAVEN_GPG_PASSPHRASE} holding a key made for this run, and {@code ./mvnw -B -Prelease -DskipTests deploy}
 * with {@code -DskipUpload=true}, so that the Central Portal plugin writes the bundle it would upload instead of
 * sending it. What the test reads is that bundle: the files Maven Central would receive.
 *
 * <p>No network: every repository is mirrored to an empty directory, and the build reads what this build already
 * fetched from its local repository as a read-only tail ({@code maven.repo.local.tail}); it installs into a
 * repository of its own under {@code target/release-check}. The mirror is named {@code central} so that the version
 * ranges in Bouncy Castle's POMs (maven-gpg-plugin's dependencies) resolve from the tail's
 * {@code maven-metadata-central.xml}. The release plugins are fetched ahead by this project's own build (the
 * {@code fetch-release-plugins-*} executions). Not offline ({@code -o}): the Central Portal plugin and the CycloneDX
 * plugin refuse to run offline.
 *
 * <p>The release builds' JVM runs with C1 only and the serial collector: half the CPU time of a build this short,
 * and no change to a single byte it writes.
 */
class ReleaseProfileIT {
    private static final String ARTIFACT_ID = "oauth-token-maven-plugin";
    private static final String GROUP_PATH = "io/github/oauthtoken/" + ARTIFACT_ID + "/";
    private static final Pattern PROJECT_VERSION =
            Pattern.compile("(<artifactId>" + ARTIFACT_ID + "</artifactId>\\s*<version>)([^<]+)(</version>)");
    private static final Pattern EMBEDDED_POM_PROPERTIES =
            Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
    private static final List<String> CHECKSUMS_CENTRAL_REQUIRES = List.of("md5", "sha1");
    private static final long BUILD_TIMEOUT_MINUTES = 10;
    private static final String SHORT_BUILD_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private static final Path PROJECT = Path.of(required("release-check.projectDir"));
    private static final Path WORK = Path.of(required("release-check.workDir"));
    private static final Path COPY = WORK.resolve("project");
    private static final Path LOCAL_REPOSITORY = WORK.resolve("local-repository");

    private static TestSigningKey key;
    private static String version;
    private static BuildRun firstBuild;
    private static Map<String, byte[]> firstBundle;

    @BeforeAll
    static void releaseACopyOfTheProject() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        copyProject();
        version = setReleaseVersion();
        key = TestSigningKey.generate();
        // To check a signature by hand: gpg --import signing-key.pub.asc; gpg --verify FILE.asc FILE
        Files.writeString(WORK.resolve("signing-key.pub.asc"), key.armouredPublicKey());
        firstBuild = maven(signingKey(key.armouredSecretKey()), "deploy");
        assertThat(firstBuild.exitCode()).as("the release build failed:%n%s", firstBuild.tail()).isZero();
        firstBundle = centralBundle();
    }

    @Test
    void theBundleHoldsTheJarPomSourcesJavadocAndSbomEachSignedByTheKeyWithChecksums() throws Exception {
        assertThat(artifactsOf(firstBundle))
                .containsExactlyInAnyOrder(jar(), pom(), sources(), javadoc(), sbom());
        for (String artifact : artifactsOf(firstBundle)) {
            byte[] content = firstBundle.get(artifact);
            assertThat(firstBundle).as("the bundle holds %s.asc", artifact).containsKey(artifact + ".asc");
            key.assertSigned(artifact, content, firstBundle.get(artifact + ".asc"));
            for (String algorithm : CHECKSUMS_CENTRAL_REQUIRES) {
                assertThat(firstBundle).as("the bundle holds %s.%s", artifact, algorithm)
                        .containsKey(artifact + "." + algorithm);
                assertThat(new String(firstBundle.get(artifact + "." + algorithm), StandardCharsets.US_ASCII).trim())
                        .as("%s.%s", artifact, algorithm)
                        .isEqualTo(digest(algorithm, content));
            }
        }
        byte[] tampered = firstBundle.get(jar()).clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(key.verifies(jar(), tampered, firstBundle.get(jar() + ".asc")))
                .as("a signature check that can fail: one changed bit of the jar")
                .isFalse();

        assertThat(entries(firstBundle.get(sources())))
                .as("the sources jar holds every source file of the release")
                .containsAll(mainSources())
                .contains("io/github/oauthtoken/maven/HelpMojo.java");
        assertThat(entries(firstBundle.get(javadoc())))
                .contains("index.html", "io/github/oauthtoken/maven/FetchMojo.html");
        assertThat(firstBuild.log()).contains("Signer 'bc'");
    }

    @Test
    void theSbomNamesEveryLibraryTheJarEmbedsWithVersionAndLicenceWhichThePomNoLongerLists() throws Exception {
        Map<String, String> embedded = embeddedLibraries(firstBundle.get(jar()));
        assertThat(embedded)
                .as("the libraries whose pom.properties the jar carries")
                .containsKeys("org.eclipse.jetty:jetty-client", "com.fasterxml.jackson.jr:jackson-jr-objects",
                        "com.fasterxml.jackson.core:jackson-core");

        Map<String, Object> sbom = JSON.std.mapFrom(firstBundle.get(sbom()));
        Map<String, Object> described = map(map(sbom.get("metadata")).get("component"));
        assertThat(described).containsEntry("group", "io.github.oauthtoken").containsEntry("name", ARTIFACT_ID)
                .containsEntry("version", version);

        Map<String, String> listed = new TreeMap<>();
        for (Object item : (List<?>) sbom.get("components")) {
            Map<String, Object> component = map(item);
            String coordinates = component.get("group") + ":" + component.get("name");
            listed.put(coordinates, (String) component.get("version"));
            assertThat((String) component.get("purl"))
                    .startsWith("pkg:maven/" + component.get("group") + "/" + component.get("name") + "@"
                            + component.get("version"));
            List<?> licences = (List<?>) component.get("licenses");
            assertThat(licences).as("the licences of %s", coordinates).isNotEmpty();
            for (Object licence : licences) {
                Map<String, Object> named = map(map(licence).get("license"));
                assertThat(named.get("id") != null || named.get("name") != null)
                        .as("a licence of %s has an SPDX id or a name: %s", coordinates, named)
                        .isTrue();
            }
        }
        assertThat(listed).as("the SBOM's components are the embedded libraries, versions included")
                .isEqualTo(embedded);

        assertThat(pomDependencies(firstBundle.get(pom())))
                .as("the published POM (the dependency-reduced one) names none of the embedded libraries")
                .doesNotContainAnyElementsOf(embedded.keySet());
    }

    @Test
    void aSecondBuildOfTheSameCopyGivesByteIdenticalArtifacts() throws Exception {
        deleteRecursively(COPY.resolve("target"));
        Files.deleteIfExists(COPY.resolve("dependency-reduced-pom.xml"));
        BuildRun second = maven(signingKey(key.armouredSecretKey()), "deploy");
        assertThat(second.exitCode()).as("the second release build failed:%n%s", second.tail()).isZero();
        Map<String, byte[]> secondBundle = centralBundle();

        List<String> differing = new ArrayList<>();
        for (String artifact : List.of(jar(), pom(), sources(), javadoc(), sbom())) {
            if (!Arrays.equals(firstBundle.get(artifact), secondBundle.get(artifact))) {
                differing.add(artifact + differingEntries(firstBundle.get(artifact), secondBundle.get(artifact)));
            }
        }
        assertThat(differing).as("artifacts that differ between two builds of the same copy").isEmpty();
    }

    @Test
    void withoutAKeyTheReleaseStopsBeforeBuildingAndSaysWhatToSet() throws Exception {
        BuildRun run = maven(Map.of(), "install");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.log())
                .contains("the environment variable MAVEN_GPG_KEY, which is not set")
                .contains("gpg --armor --export-secret-keys")
                .contains("MAVEN_GPG_PASSPHRASE")
                .doesNotContain("Compiling");
    }

    @Test
    void aPublicKeyInsteadOfTheSecretKeyStopsTheReleaseBeforeBuilding() throws Exception {
        BuildRun run = maven(signingKey(key.armouredPublicKey()), "install");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.log())
                .contains("MAVEN_GPG_KEY holds no armoured OpenPGP secret key")
                .doesNotContain(key.armouredPublicKey().lines().skip(3).findFirst().orElseThrow())
                .doesNotContain("Compiling");
    }

    @Test
    void theBuildLogShowsNeitherTheKeyNorThePassphrase() {
        assertThat(firstBuild.log()).doesNotContain(key.passphrase());
        key.armouredSecretKey().lines()
                .filter(line -> line.length() >= 16 && !line.startsWith("-----"))
                .forEach(line -> assertThat(firstBuild.log()).doesNotContain(line));
    }

    private static Map<String, String> signingKey(String armouredKey) {
        return Map.of("MAVEN_GPG_KEY", armouredKey, "MAVEN_GPG_PASSPHRASE", key.passphrase());
    }

    /** The project as a release is built from it: its POM, its .mvn directory and its main sources. */
    private static void copyProject() throws IOException {
        for (String part : List.of("pom.xml", "LICENSE", ".mvn", "src/main")) {
            Path source = PROJECT.resolve(part);
            if (!Files.exists(source)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = COPY.resolve(PROJECT.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    /** What the release commit does first (README, "Releasing"): the version without -SNAPSHOT. */
    private static String setReleaseVersion() throws IOException {
        Path pom = COPY.resolve("pom.xml");
        String text = Files.readString(pom);
        Matcher matcher = PROJECT_VERSION.matcher(text);
        assertThat(matcher.find()).as("the project's <version> in %s", pom).isTrue();
        String release = matcher.group(2).replace("-SNAPSHOT", "");
        Files.writeString(pom, text.substring(0, matcher.start(2)) + release + text.substring(matcher.end(2)));
        return release;
    }

    private static BuildRun maven(Map<String, String> signing, String goal) throws Exception {
        Path settings = WORK.resolve("settings.xml");
        Path nowhere = WORK.resolve("no-network-repository");
        Files.createDirectories(nowhere);
        Files.writeString(settings, "<settings><mirrors><mirror><id>central</id><mirrorOf>*</mirrorOf><url>"
                + nowhere.toUri() + "</url></mirror></mirrors></settings>");
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path mvn = Path.of(required("release-check.mavenHome"), "bin", windows ? "mvn.cmd" : "mvn");
        List<String> command = List.of(mvn.toString(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + LOCAL_REPOSITORY,
                "-Dmaven.repo.local.tail=" + required("release-check.localRepository"),
                "-Prelease", "-DskipTests", "-DskipUpload=true", goal);
        Path log = Files.createTempFile(WORK, goal + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(COPY.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("MAVEN_GPG_") || name.equals("MAVEN_ARGS"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.merge("MAVEN_OPTS", SHORT_BUILD_JVM, (mine, ours) -> mine + " " + ours);
        environment.putAll(signing);
        Process process = builder.start();
        if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the release build did not end within " + BUILD_TIMEOUT_MINUTES
                    + " minutes; its log: " + log);
        }
        return new BuildRun(process.exitValue(), Files.readString(log), log);
    }

    private static Map<String, byte[]> centralBundle() throws IOException {
        Path bundle = COPY.resolve("target/central-publishing/central-bundle.zip");
        assertThat(bundle).as("the bundle the Central Portal plugin uploads").isRegularFile();
        Map<String, byte[]> files = new TreeMap<>();
        String directory = GROUP_PATH + version + "/";
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.isDirectory()) {
                    assertThat(entry.getName()).as("a file of the bundle").startsWith(directory);
                    files.put(entry.getName().substring(directory.length()), zip.readAllBytes());
                }
            }
        }
        return files;
    }

    /** The paths of the copy's src/main/java files, as a sources jar names them. */
    private static Set<String> mainSources() throws IOException {
        Path root = COPY.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> sources = files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(sources).isNotEmpty();
            return sources;
        }
    }

    private static Set<String> artifactsOf(Map<String, byte[]> bundle) {
        return bundle.keySet().stream()
                .filter(name -> !name.matches(".*\\.(asc|md5|sha1|sha256|sha512)$"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** groupId:artifactId to version, from each embedded library's pom.properties (the plugin's own left out). */
    private static Map<String, String> embeddedLibraries(byte[] jar) throws IOException {
        Map<String, String> libraries = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : jarEntries(jar).entrySet()) {
            Matcher matcher = EMBEDDED_POM_PROPERTIES.matcher(entry.getKey());
            if (matcher.matches() && !matcher.group(2).equals(ARTIFACT_ID)) {
                Properties properties = new Properties();
                properties.load(new ByteArrayInputStream(entry.getValue()));
                libraries.put(properties.getProperty("groupId") + ":" + properties.getProperty("artifactId"),
                        properties.getProperty("version"));
            }
        }
        return libraries;
    }

    private static Set<String> pomDependencies(byte[] pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(pom)).getDocumentElement();
        Set<String> dependencies = new TreeSet<>();
        for (Element section : children(project, "dependencies")) {
            for (Element dependency : children(section, "dependency")) {
                dependencies.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
            }
        }
        return dependencies;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).stream().map(Element::getTextContent).findFirst().orElse("");
    }

    private static Set<String> entries(byte[] jar) throws IOException {
        return jarEntries(jar).keySet();
    }

    private static Map<String, byte[]> jarEntries(byte[] jar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** For a differing jar, which entries differ (or only the archive's own metadata, when none do). */
    private static String differingEntries(byte[] first, byte[] second) {
        try {
            Map<String, byte[]> a = jarEntries(first);
            Map<String, byte[]> b = jarEntries(second);
            Set<String> names = new TreeSet<>(a.keySet());
            names.addAll(b.keySet());
            List<String> differing = names.stream()
                    .filter(name -> !Arrays.equals(a.get(name), b.get(name)))
                    .limit(10)
                    .toList();
            return " (entries: " + (differing.isEmpty() ? "none; times or order" : differing) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static String digest(String algorithm, byte[] content) throws NoSuchAlgorithmException {
        String name = algorithm.equals("sha1") ? "SHA-1" : algorithm.toUpperCase();
        return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(content));
    }

    private String jar() {
        return ARTIFACT_ID + "-" + version + ".jar";
    }

    private String pom() {
        return ARTIFACT_ID + "-" + version + ".pom";
    }

    private String sources() {
        return ARTIFACT_ID + "-" + version + "-sources.jar";
    }

    private String javadoc() {
        return ARTIFACT_ID + "-" + version + "-javadoc.jar";
    }

    private String sbom() {
        return ARTIFACT_ID + "-" + version + "-cyclonedx.json";
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by the failsafe configuration in pom.xml)", property)
                .isNotBlank();
        return value;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private record BuildRun(int exitCode, String log, Path logFile) {
        /** The end of the build's log, where Maven says what failed. */
        String tail() {
            List<String> lines = log.lines().toList();
            List<String> end = lines.subList(Math.max(0, lines.size() - 60), lines.size());
            return "(" + logFile + ")\n" + String.join("\n", end);
        }
    }
}
