package io.github.oauthtoken.core.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hosts that bypass a proxy, in the two notations users bring: Maven's {@code nonProxyHosts}
 * ({@code localhost|*.internal|10.*}) and the {@code NO_PROXY} convention ({@code localhost,.internal,example.com},
 * where a name also covers its subdomains and {@code *} covers everything).
 */
public final class NonProxyHosts {
    public static final NonProxyHosts NONE = new NonProxyHosts(List.of(), false);

    private final List<String> patterns;
    private final boolean suffixMatch;

    private NonProxyHosts(List<String> patterns, boolean suffixMatch) {
        this.patterns = patterns;
        this.suffixMatch = suffixMatch;
    }

    public static NonProxyHosts maven(String value) {
        return new NonProxyHosts(split(value, "[|,]"), false);
    }

    public static NonProxyHosts noProxy(String value) {
        return new NonProxyHosts(split(value, ","), true);
    }

    private static List<String> split(String value, String separator) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(separator))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public boolean bypasses(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String pattern : patterns) {
            if (suffixMatch ? matchesNoProxy(pattern, h) : matchesWildcard(pattern, h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesNoProxy(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        String p = pattern.startsWith("*.") ? pattern.substring(1) : pattern;
        p = p.replaceFirst(":\\d+$", "");
        String bare = p.startsWith(".") ? p.substring(1) : p;
        return host.equals(bare) || host.endsWith("." + bare);
    }

    private static boolean matchesWildcard(String pattern, String host) {
        String regex = Arrays.stream(pattern.split("\\*", -1))
                .map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + ".*" + b)
                .orElse("");
        return host.matches(regex);
    }

    @Override
    public String toString() {
        return String.join(suffixMatch ? "," : "|", patterns);
    }
}
