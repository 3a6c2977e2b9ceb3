package io.github.oauthtoken.core.ci;

import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * Run in a child JVM by {@link ProcessStandardOutputTest}: replaces {@code System.out} as {@code mvn -l} does (with a
 * file) or as Maven 4 does (with a decorating stream), logs a line, writes a command, and logs again.
 */
public final class StandardOutputChild {
    private StandardOutputChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream real = System.out;
        PrintStream replaced = switch (args[0]) {
            case "log-file" -> new PrintStream(new FileOutputStream(args[1]), true, "UTF-8");
            case "decorated" -> new PrintStream(real, true, "UTF-8") {
                @Override
                public void println(String line) {
                    super.println("[INFO] [stdout] " + line);
                }
            };
            default -> throw new IllegalArgumentException(args[0]);
        };
        System.setOut(replaced);
        System.out.print("[INFO] a log line without its end yet");
        new ProcessStandardOutput().command("::add-mask::child-token-%41");
        System.out.println("[INFO] after");
        System.out.flush();
    }
}
