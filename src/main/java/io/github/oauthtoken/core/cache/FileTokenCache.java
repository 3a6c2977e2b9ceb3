package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.core.secret.OwnerOnlyFile;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.MinValidity;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokens kept on disk between builds, one file per {@link CacheKey} (named by its hash, never by a secret).
 *
 * <p>Files are owner-only (0600, directory 0700 on POSIX), written to a temporary file and moved into place so a
 * reader never sees half a file, and guarded by a lock file so parallel Maven processes on one machine fetch once.
 * A file that is corrupt, unreadable, owned by someone else or readable by group or others is ignored with one
 * warning and replaced.
 *
 * <p>The file cache only saves token requests; it never costs a build its token. When the directory cannot be
 * created or written, the lock cannot be had, or the token cannot be stored, this instance warns once and from then
 * on acts as if the cache were empty and read-only: the token is fetched and kept in the session cache alone.
 */
public final class FileTokenCache {
    /** 1 was a JSON file named {@code <hash>.json}, which this version neither reads nor writes. */
    private static final boolean POSIX = OwnerOnlyFile.POSIX;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = OwnerOnlyFile.OWNER_READ_WRITE;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path directory;
    private final Redactor redactor;
    private final BuildLog log;
    /** Set by the first failure, which is the one warned about; later steps skip the disk instead of failing again. */
    private final AtomicBoolean sessionOnly = new AtomicBoolean();
    /** Guarded by {@code this}; null until learnt. */
    private Optional<CacheFileOwner> owner;

    public FileTokenCache(Path directory, Redactor redactor, BuildLog log) {
        this.directory = directory;
        this.redactor = redactor;
        this.log = log;
    }

    public Path directory() {
        return directory;
    }

    Path file(CacheKey key) {
        return directory.resolve(key.hash() + ".properties");
    }

    /** Work that runs while this process holds the key's lock file. */
    @FunctionalInterface
    public interface Locked<T> {
        T run() throws TokenException;
    }

    /**
     * Runs {@code work} holding the key's lock file, waiting at most {@code maxWait} for another build (another
     * process, or another thread or plugin realm of this JVM) to release it. When the lock cannot be had in that time
     * or at all, it warns once and runs {@code work} anyway, with this cache switched off, so the work fetches. Only
     * the work's own failures (and an interrupt) are thrown.
     */
    public <T> T withLock(CacheKey key, Duration maxWait, Locked<T> work) throws TokenException {
        Optional<HeldLock> lock = lock(key, maxWait);
        try {
            return work.run();
        } finally {
            lock.ifPresent(HeldLock::release);
        }
    }

    /** The OS lock on a key's lock file, the channel it was taken through, and the JVM-wide lock around both. */
    private record HeldLock(FileChannel channel, FileLock lock, JvmWideLock inJvm) {
        void release() {
            // Failing to unlock cannot undo the work; closing the channel releases the lock in any case.
            try {
                lock.release();
            } catch (IOException ignored) {
                // closed below
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // the OS drops the lock with the descriptor
            }
            // Last: until the channel is closed, another thread of this JVM must not open one on the file.
            inJvm.release();
        }
    }

    private Optional<HeldLock> lock(CacheKey key, Duration maxWait) throws TokenException {
        if (sessionOnly.get()) {
            return Optional.empty();
        }
        try {
            createDirectory();
        } catch (IOException e) {
            return giveUp("the directory could not be created", e);
        }
        Path lockFile;
        try {
            // The real path, so that every spelling of the directory (a symlink, a relative path) meets at one lock.
            lockFile = directory.toRealPath().resolve(key.hash() + ".lock");
        } catch (IOException e) {
            return giveUp("its real path could not be resolved", e);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            Optional<JvmWideLock> inJvm = JvmWideLock.acquire(lockFile, deadline);
            if (inJvm.isEmpty()) {
                return waitedTooLong(lockFile, maxWait);
            }
            Optional<HeldLock> held = Optional.empty();
            try {
                held = lockFile(lockFile, deadline, maxWait, inJvm.get());
                return held;
            } finally {
                if (held.isEmpty()) {
                    inJvm.get().release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("Interrupted while waiting for the token cache lock " + lockFile + ".");
        }
    }

    /** The OS lock that keeps other processes out; taken under the JVM-wide lock, so ours is the JVM's only channel. */
    private Optional<HeldLock> lockFile(Path lockFile, long deadline, Duration maxWait, JvmWideLock inJvm)
            throws InterruptedException {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return giveUp("the lock file " + lockFile.getFileName() + " could not be created", e);
        }
        boolean locked = false;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    // Only a copy of this plugin older than the JVM-wide lock, in another realm, can hold it here.
                    lock = null;
                }
                if (lock != null) {
                    locked = true;
                    return Optional.of(new HeldLock(channel, lock, inJvm));
                }
                if (System.nanoTime() - deadline > 0) {
                    return waitedTooLong(lockFile, maxWait);
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            return giveUp("the lock file " + lockFile.getFileName() + " could not be locked", e);
        } finally {
            if (!locked) {
                closeQuietly(channel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked through it
        }
    }

    /** Switches this cache off for the rest of the build, with the one warning that explains it. */
    private <T> Optional<T> giveUp(String whatFailed, IOException cause) {
        if (sessionOnly.compareAndSet(false, true)) {
            log.warn("The token cache in " + directory + " cannot be used: " + whatFailed + " (" + describe(cause)
                    + "). The token is kept for this build only. Set <cacheDirectory> to a writable directory, or "
                    + "use <cache>session</cache>.");
        }
        return Optional.empty();
    }

    /**
     * A build that holds the lock this long is stuck or slower than this build may wait ({@code <timeout>}); waiting
     * longer or failing would not help this build, fetching does.
     */
    private <T> Optional<T> waitedTooLong(Path lockFile, Duration maxWait) {
        if (sessionOnly.compareAndSet(false, true)) {
            log.warn("Waited " + seconds(maxWait) + " s (<timeout>) for the token cache lock " + lockFile + ", which "
                    + "another build on this machine holds; going on without the file cache, so the token is kept for "
                    + "this build only.");
        }
        return Optional.empty();
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    /** What went wrong, in words: many NIO exceptions carry only the path as their message. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() == null) {
            String what = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or directory"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : e.getClass().getSimpleName();
            return fs.getFile() == null ? what : fs.getFile() + ": " + what;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The cached token for this key when it is still valid long enough to reuse at {@code now}. */
    public Optional<TokenResult> read(CacheKey key, MinValidity minValidity, Instant now) {
        if (sessionOnly.get()) {
            return Optional.empty();
        }
        Path file = file(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Optional<CacheFileOwner> mine;
        try {
            mine = owner();
        } catch (IOException e) {
            giveUp("no file could be created in it to learn which user this build's files belong to", e);
            return Optional.empty();
        }
        Optional<String> unsafe = unsafeReason(file, mine);
        if (unsafe.isPresent()) {
            log.warn("Ignoring the token cache file " + file + ": " + unsafe.get() + ". It will be replaced.");
            return Optional.empty();
        }
        Optional<TokenResult> parsed;
        try {
            parsed = parse(Files.readString(file, StandardCharsets.UTF_8), key);
        } catch (IOException | RuntimeException e) {
            parsed = Optional.empty();
        }
        if (parsed.isEmpty()) {
            log.warn("Ignoring the token cache file " + file + ": it is corrupt or unreadable. It will be replaced.");
            return Optional.empty();
        }
        TokenResult result = parsed.get();
        redactor.register(result.token().value());
        if (!minValidity.reusable(result.token(), now)) {
            log.debug("The cached token (fingerprint " + result.token().fingerprint() + ") expires at "
                    + result.token().expiresAt() + ", sooner than it may be reused ("
                    + minValidity.describe(result.token().expiresIn()) + "); fetching a new one.");
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /**
     * Stores the token for later builds. A failure (directory gone or read-only, disk full) warns once and leaves any
     * earlier file as it was; the build goes on with the token it has.
     *
     * @return true when the token is on disk, for other builds to share
     */
    public boolean write(CacheKey key, TokenResult result) {
        if (sessionOnly.get()) {
            return false;
        }
        Path file = file(key);
        try {
            createDirectory();
            OwnerOnlyFile.write(file, serialize(key, result));
            // The JSON file an earlier version kept for this key holds a token too: one file per token on disk.
            Files.deleteIfExists(directory.resolve(key.hash() + ".json"));
            return true;
        } catch (IOException e) {
            giveUp("the token could not be written to " + file, e);
            return false;
        }
    }

    public void delete(CacheKey key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            log.warn("The token cache file " + file(key) + " could not be deleted: " + e.getMessage());
        }
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            FileAttribute<?>[] attributes = POSIX
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                    : new FileAttribute<?>[0];
            Files.createDirectories(directory, attributes);
        }
    }

    /** This build's user as the cache directory's file system sees it; learnt once, when a file must be checked. */
    private synchronized Optional<CacheFileOwner> owner() throws IOException {
        if (owner == null) {
            owner = CacheFileOwner.learn(directory);
        }
        return owner;
    }

    private static Optional<String> unsafeReason(Path file, Optional<CacheFileOwner> owner) {
        if (!Files.isRegularFile(file)) {
            return Optional.of("it is not a regular file");
        }
        if (!POSIX) {
            return Optional.empty();
        }
        try {
            if (owner.isPresent()) {
                Optional<String> foreign = owner.get().foreignOwner(file);
                if (foreign.isPresent()) {
                    return foreign;
                }
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                return Optional.of("its permissions (" + PosixFilePermissions.toString(permissions)
                        + ") let group or others read it");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("its owner and permissions cannot be read (" + describe(e) + ")");
        }
    }

    /**
     * A Java properties file rather than JSON: a cache hit is the common case on a developer's machine, and reading a
     * properties file needs only classes Maven has already loaded, where the JSON library's first use costs a cold
     * JVM tens of milliseconds (BENCHMARKS.md). {@link Properties} escapes every value, so a token cannot break the
     * format.
     */
    private static String serialize(CacheKey key, TokenResult result) throws IOException {
        StringWriter text = new StringWriter();
        TokenProperties.of(key, result).store(text,
                "oauth-token-maven-plugin token cache: owner-only, holds a token until expires_at_utc");
        return text.toString();
    }

    private static Optional<TokenResult> parse(String text, CacheKey key) throws IOException {
        Properties file = new Properties();
        file.load(new StringReader(text));
        return TokenProperties.read(file, key);
    }
}
