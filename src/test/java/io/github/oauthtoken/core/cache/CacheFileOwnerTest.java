package io.github.oauthtoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheFileOwnerTest {
    @TempDir
    Path dir;

    @Test
    void theOwnerIsTheUidOfAFileThisProcessCreatesAndNothingIsLeftBehind() throws Exception {
        Path mine = Files.createFile(dir.resolve("mine.json"));

        CacheFileOwner owner = CacheFileOwner.learn(dir).orElseThrow();

        assertThat(owner.foreignOwner(mine)).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(mine);
        }
    }

    /** Whatever user.name says, and whether or not the uid has a name: only the numbers count. */
    @Test
    void aFileOfAnotherUidIsForeignAndTheReasonGivesBothNumbers() throws Exception {
        Path file = Files.createFile(dir.resolve("theirs.json"));
        int fileUid = (Integer) Files.getAttribute(file, "unix:uid");

        assertThat(CacheFileOwner.uid(fileUid).foreignOwner(file)).isEmpty();
        assertThat(CacheFileOwner.uid(fileUid + 1).foreignOwner(file)).get().asString()
                .isEqualTo("it belongs to uid " + fileUid + ", not to uid " + (fileUid + 1) + " (this build's user)");
    }
}
