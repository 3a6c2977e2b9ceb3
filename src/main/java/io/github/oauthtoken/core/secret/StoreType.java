package io.github.oauthtoken.core.secret;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The type of a key or trust store file: as configured, else by its extension ({@code .jks} is JKS, anything else
 * PKCS12, the JDK's default since Java 9). The JDK reads either format whatever the type says; the type still
 * matters for what messages call the file.
 */
public final class StoreType {
    private StoreType() {}

    /** @param configured the type the user wrote, or null */
    public static String of(Path file, String configured) {
        if (configured != null) {
            return configured.toUpperCase(Locale.ROOT);
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
    }
}
