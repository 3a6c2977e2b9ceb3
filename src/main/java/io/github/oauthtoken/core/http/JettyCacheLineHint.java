package io.github.oauthtoken.core.http;

/**
 * Tells Jetty how many object references fit in a CPU cache line, before Jetty asks the JVM itself. Jetty pads its
 * queues by that number, and to learn it, its {@code MemoryUtils} starts the JVM's platform MBean server and queries
 * the {@code UseCompressedOops} option: some 200 JDK classes and 40 to 70 ms of every fetch in a cold Maven JVM
 * (BENCHMARKS.md), for a padding size. The value only spaces counters apart; a wrong one costs a little contention,
 * never correctness.
 *
 * <p>The property name starts with Jetty's package, so in the plugin's jar, where Jetty is relocated, it names the
 * plugin's own copy and no other Jetty in the JVM reads it. A value already set (by the user) is left alone.
 */
final class JettyCacheLineHint {
    /** Jetty's {@code MemoryUtils} reads this once, when the class initialises. */
    static final String PROPERTY = "org.eclipse.jetty.util.referencesPerCacheLine";
    /** The cache line Jetty assumes unless told otherwise ({@code org.eclipse.jetty.util.cacheLineBytes}). */
    private static final int CACHE_LINE_BYTES = 64;
    /** HotSpot compresses references (4 bytes instead of 8) by default for heaps under 32 GiB. */
    private static final long COMPRESSED_OOPS_MAX_HEAP = 32L << 30;

    private JettyCacheLineHint() {}

    static void apply() {
        if (System.getProperty(PROPERTY) == null) {
            int referenceBytes = Runtime.getRuntime().maxMemory() < COMPRESSED_OOPS_MAX_HEAP ? 4 : 8;
            System.setProperty(PROPERTY, Integer.toString(CACHE_LINE_BYTES / referenceBytes));
        }
    }
}
