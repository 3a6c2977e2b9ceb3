package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.ci.ProcessStandardOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only a JVM whose standard output is the CI runner's gets workflow commands; a Maven daemon's is not. */
class RunnerConsoleTest {
    @AfterEach
    void clear() {
        System.clearProperty("mvnd.home");
    }

    @Test
    void plainMavenWritesCommandsToTheProcessStandardOutput() {
        assertThat(RunnerConsole.forThisProcess()).isInstanceOf(ProcessStandardOutput.class);
        assertThat(RunnerConsole.forThisProcess().unavailable()).isEmpty();
    }

    @Test
    void insideAMavenDaemonNoCommandIsWrittenAndTheReasonSaysWhatToDo() {
        System.setProperty("mvnd.home", "/opt/mvnd");

        CiConsole console = RunnerConsole.forThisProcess();

        assertThat(console.unavailable()).get().asString().contains("Maven daemon (mvnd)", "<tokenFile>");
    }
}
