package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Key stores for the tests, made at test time with the JDK's keytool (a key pair and a self-signed certificate,
 * which the JDK has no public API for): key material is never committed.
 */
public final class TestKeyStores {
    /**
     * keytool's JVM options: it runs for a second, so the optimising compiler and a parallel collector only cost CPU
     * (about half of each run on a busy two-core machine), which the test servers' start waits for.
     */
    static final List<String> SHORT_LIVED_JVM = List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC");

    private TestKeyStores() {}

    /** The kinds of key the plugin signs with. */
    public enum KeyKind {
        RSA("RSA", "2048", "SHA256withRSA"),
        EC("EC", null, "SHA256withECDSA"),
        /** A curve ES256 cannot use, to test the refusal. */
        EC_P384("EC", null, "SHA384withECDSA");

        final String keyalg;
        final String keysize;
        final String sigalg;

        KeyKind(String keyalg, String keysize, String sigalg) {
            this.keyalg = keyalg;
            this.keysize = keysize;
            this.sigalg = sigalg;
        }
    }

    /** Creates (or replaces) {@code file} with one key entry {@code alias}; store and key share {@code password}. */
    public static Path create(Path file, String storeType, KeyKind kind, String alias, String password)
            throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        addKey(file, storeType, kind, alias, password);
        return file;
    }

    /** Adds one more key entry to a store (created when missing). */
    public static void addKey(Path file, String storeType, KeyKind kind, String alias, String password)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                SHORT_LIVED_JVM.get(0), SHORT_LIVED_JVM.get(1), "-genkeypair", "-noprompt", "-alias", alias, "-keyalg", kind.keyalg, "-sigalg", kind.sigalg,
                "-dname", "CN=" + alias + ", O=oauth-token-maven-plugin tests", "-validity", "2",
                "-storetype", storeType, "-keystore", file.toString(), "-storepass", password, "-keypass", password));
        if (kind.keysize != null) {
            command.addAll(List.of("-keysize", kind.keysize));
        }
        if (kind == KeyKind.EC) {
            command.addAll(List.of("-groupname", "secp256r1"));
        } else if (kind == KeyKind.EC_P384) {
            command.addAll(List.of("-groupname", "secp384r1"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed for " + file + ": " + output);
        }
    }
}
