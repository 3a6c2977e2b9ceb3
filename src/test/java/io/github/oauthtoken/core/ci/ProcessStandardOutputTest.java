package io.github.oauthtoken.core.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workflow commands reach the process's standard output at the start of a line whatever {@code System.out} is: a
 * log file ({@code mvn -l}) or a decorating stream (Maven 4, mvnd). A child JVM, since only a process of its own has
 * a standard output the test can read (and surefire's own must not be written to).
 */
class ProcessStandardOutputTest {
    @TempDir
    Path temp;

    private List<String> runChild(String mode, Path logFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StandardOutputChild.class.getName(), mode, String.valueOf(logFile))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(temp.resolve(mode + ".stdout").toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        return Files.readAllLines(temp.resolve(mode + ".stdout"), StandardCharsets.UTF_8);
    }

    @Test
    void withMavenLogFileTheCommandGoesToTheRunnerAndNotIntoTheFile() throws Exception {
        Path logFile = temp.resolve("maven.log");

        List<String> stdout = runChild("log-file", logFile);

        assertThat(stdout).containsExactly("", "::add-mask::child-token-%41");
        String log = Files.readString(logFile);
        assertThat(log).contains("a log line without its end yet", "after").doesNotContain("child-token");
    }

    @Test
    void withADecoratedSystemOutTheCommandStandsUndecoratedAtTheStartOfALine() throws Exception {
        List<String> stdout = runChild("decorated", temp.resolve("unused"));

        assertThat(stdout).contains("::add-mask::child-token-%41");
        assertThat(stdout).noneMatch(line -> line.contains("child-token") && !line.startsWith("::add-mask::"));
    }

    @Test
    void commandDataIsEscapedAsEachRunnerUnescapesIt() {
        assertThat(WorkflowCommands.githubMask("a%b\r\nc")).isEqualTo("::add-mask::a%25b%0D%0Ac");
        assertThat(WorkflowCommands.azureSecret("a%b;c]d\r\n"))
                .isEqualTo("##vso[task.setsecret]a%AZP25b%3Bc%5Dd%0D%0A");
        assertThat(WorkflowCommands.azureSecretVariable("API", "x;y"))
                .isEqualTo("##vso[task.setvariable variable=API;issecret=true]x%3By");
    }

    @Test
    void whereTheConsoleIsNotTheRunnersNothingIsPrintedAndTheCallerIsTold() {
        CiConsole daemon = CiConsole.unavailable("the build runs in a Maven daemon");
        CiPublisher publisher = new CiPublisher(name -> name.equals("GITHUB_ACTIONS") ? "true" : null, daemon,
                io.github.oauthtoken.core.BuildLog.SILENT);

        boolean masked = publisher.mask(io.github.oauthtoken.core.secret.Secret.of("daemon-token"), new CiExports(true,
                null, null, null));

        assertThat(masked).isFalse();
        assertThat(publisher.maskUnavailable()).contains("not masked in the GitHub Actions log",
                "Maven daemon").doesNotContain("daemon-token");
    }
}
