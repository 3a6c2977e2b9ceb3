package io.github.oauthtoken.testservers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * What the loopback repository serves in a space before anything is deployed: a parent POM and a dependency (its POM
 * and a jar), each with the {@code .md5}, {@code .sha1}, {@code .sha256} and {@code .sha512} files that Maven's
 * resolvers ask for, as a repository manager serves them. Their group is the space's own,
 * {@code it.repo.SPACE}: the ITs share one local repository, and a parent POM another IT (or the same IT on the
 * other Maven) already put there would be taken from it without a request. Made in memory, the same bytes each time.
 */
final class RepositoryArtifacts {
    static final String GROUP_PREFIX = "it.repo.";
    static final String PARENT = "/repo-parent/1/repo-parent-1.pom";
    static final String LIB_POM = "/repo-lib/1/repo-lib-1.pom";
    static final String LIB_JAR = "/repo-lib/1/repo-lib-1.jar";
    /** A property of the parent POM, so that a build can show that it really read this parent. */
    static final String PARENT_MARKER = "parent-from-the-authenticated-repository";
    /** The resource inside the dependency's jar, and its content. */
    static final String LIB_RESOURCE = "repo-lib.txt";
    static final String LIB_RESOURCE_TEXT = "dependency-from-the-authenticated-repository\n";
    /** Checksum file extensions and their JDK digest names. */
    static final Map<String, String> CHECKSUMS = Map.of(".md5", "MD5", ".sha1", "SHA-1", ".sha256", "SHA-256",
            ".sha512", "SHA-512");

    private RepositoryArtifacts() {}

    /** The group path of a space's artifacts: {@code it/repo/SPACE}. */
    static String groupPath(String space) {
        return (GROUP_PREFIX + space).replace('.', '/');
    }

    /** A file of a space's artifacts, by its path below the space ({@code PARENT} and the others are suffixes). */
    static String path(String space, String file) {
        return groupPath(space) + file;
    }

    /** Path (below the space) to content, for one space. */
    static Map<String, byte[]> of(String space) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        addWithChecksums(files, path(space, PARENT), pom(space, "repo-parent", "pom",
                "  <properties>\n    <repo.parent.marker>" + PARENT_MARKER
                        + "</repo.parent.marker>\n  </properties>\n"));
        addWithChecksums(files, path(space, LIB_POM), pom(space, "repo-lib", "jar", ""));
        addWithChecksums(files, path(space, LIB_JAR), jar());
        return files;
    }

    private static byte[] pom(String space, String artifactId, String packaging, String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
                + "  <modelVersion>4.0.0</modelVersion>\n  <groupId>" + GROUP_PREFIX + space + "</groupId>\n"
                + "  <artifactId>" + artifactId
                + "</artifactId>\n  <version>1</version>\n  <packaging>" + packaging + "</packaging>\n" + body
                + "</project>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jar() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            ZipEntry manifestEntry = new ZipEntry("META-INF/MANIFEST.MF");
            manifestEntry.setTime(0);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            ZipEntry entry = new ZipEntry(LIB_RESOURCE);
            entry.setTime(0);
            jar.putNextEntry(entry);
            jar.write(LIB_RESOURCE_TEXT.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void addWithChecksums(Map<String, byte[]> files, String path, byte[] content) {
        files.put(path, content);
        CHECKSUMS.forEach((extension, algorithm) ->
                files.put(path + extension, hex(algorithm, content).getBytes(StandardCharsets.US_ASCII)));
    }

    static String hex(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }
}
