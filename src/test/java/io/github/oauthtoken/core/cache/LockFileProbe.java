package io.github.oauthtoken.core.cache;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a JVM of its own: prints {@code held} when some other process holds an OS lock on the file given as the
 * argument, else {@code free}. Only another process can tell, since within one JVM the lock table answers first.
 */
public final class LockFileProbe {
    private LockFileProbe() {}

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.println(lock == null ? "held" : "free");
        }
    }
}
