package io.github.oauthtoken.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import io.github.oauthtoken.core.ci.RecordingConsole;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the goals print and write on each CI system: the exact masking lines on standard output, the GitHub files,
 * the token file, and that revoke cleans up.
 */
@MojoTest
class CiIntegrationMojoTest {
    @TempDir
    Path temp;

    private StubTokenServer server;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final RecordingConsole console = new RecordingConsole();
    private PrintStream originalOut;
    private final DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();

    @BeforeEach
    void start() {
        server = new StubTokenServer();
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        server.close();
    }

    private Properties prepare(AbstractTokenMojo mojo, String... environment) throws Exception {
        mojo.useConsole(console);
        return MojoFixture.prepare(mojo, server, new Settings(), repositorySession, new RecordingLog(),
                MojoFixture.credentialsInEnvironment(environment));
    }

    /** The CI commands, which go to the process's real standard output, never through System.out. */
    private List<String> commands() {
        return console.commands;
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "githubEnv", value = "API_TOKEN")
    @MojoParameter(name = "githubOutput", value = "token")
    void githubActionsMasksFirstThenWritesEnvOutputAndSummary(FetchMojo mojo) throws Exception {
        Path env = Files.createFile(temp.resolve("github_env"));
        Path output = Files.createFile(temp.resolve("github_output"));
        Path summary = Files.createFile(temp.resolve("summary.md"));
        Properties properties = prepare(mojo, "GITHUB_ACTIONS", "true", "GITHUB_ENV", env.toString(),
                "GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString());

        mojo.execute();

        String token = server.lastToken;
        assertThat(commands()).containsExactly("::add-mask::" + token);
        assertThat(Files.readString(env)).matches("API_TOKEN<<(ghadelimiter_[0-9a-f]{32})\n" + token + "\n\\1\n");
        assertThat(Files.readString(output)).matches("token<<(ghadelimiter_[0-9a-f]{32})\n" + token + "\n\\1\n");
        assertThat(Files.readString(summary))
                .contains("genesys", properties.getProperty("oauth.token.expiresAt"),
                        properties.getProperty("oauth.token.fingerprint"))
                .doesNotContain(token);
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "azureVariable", value = "API_TOKEN")
    void azurePipelinesSetsTheSecretThenTheVariable(FetchMojo mojo) throws Exception {
        prepare(mojo, "TF_BUILD", "True");

        mojo.execute();

        String token = server.lastToken;
        assertThat(commands()).containsExactly(
                "##vso[task.setsecret]" + token,
                "##vso[task.setvariable variable=API_TOKEN;issecret=true]" + token);
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    void gitlabHasNoMaskingSoNothingIsPrinted(FetchMojo mojo) throws Exception {
        prepare(mojo, "GITLAB_CI", "true");

        mojo.execute();

        assertThat(server.lastToken).isNotNull();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(commands()).isEmpty();
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "mask", value = "false")
    void maskFalsePrintsNothingEvenOnGithub(FetchMojo mojo) throws Exception {
        prepare(mojo, "GITHUB_ACTIONS", "true");

        mojo.execute();

        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(commands()).isEmpty();
    }

    @Test
    void tokenFileIsOwnerOnlyAndRevokeDeletesItEmptiesThePropertiesAndRevokes(
            @InjectMojo(goal = "fetch") @MojoParameter(name = "provider", value = "genesys") FetchMojo fetch,
            @InjectMojo(goal = "revoke") @MojoParameter(name = "provider", value = "genesys") RevokeMojo revoke)
            throws Exception {
        Path tokenFile = temp.resolve("secrets/token");
        Properties properties = prepare(fetch);
        prepare(revoke);
        setVariableValueToObject(fetch, "tokenFile", tokenFile.toFile());
        setVariableValueToObject(revoke, "tokenFile", tokenFile.toFile());

        fetch.execute();

        assertThat(Files.readString(tokenFile)).isEqualTo(server.lastToken);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");

        revoke.execute();

        assertThat(properties.getProperty("oauth.token")).isEmpty();
        assertThat(properties.getProperty("oauth.token.fingerprint")).isEmpty();
        assertThat(server.revocations).as("revoked when the build is over").hasValue(0);
        MojoFixture.endTheBuild(revoke);
        assertThat(tokenFile).doesNotExist();
        assertThat(server.revocations).hasValue(1);
    }

    @Test
    void aTokenSharedThroughTheFileCacheIsOnlyRevokedWithRevokeShared(
            @InjectMojo(goal = "fetch") @MojoParameter(name = "provider", value = "genesys")
                    @MojoParameter(name = "cache", value = "file") FetchMojo fetch,
            @InjectMojo(goal = "revoke") @MojoParameter(name = "provider", value = "genesys")
                    @MojoParameter(name = "cache", value = "file") RevokeMojo keep,
            @InjectMojo(goal = "revoke") @MojoParameter(name = "provider", value = "genesys")
                    @MojoParameter(name = "cache", value = "file")
                    @MojoParameter(name = "revokeShared", value = "true") RevokeMojo revoke)
            throws Exception {
        for (AbstractTokenMojo mojo : List.of(fetch, keep, revoke)) {
            prepare(mojo);
            setVariableValueToObject(mojo, "cacheDirectory", temp.resolve("cache").toFile());
        }
        fetch.execute();

        keep.execute();
        assertThat(server.revocations).hasValue(0);
        assertThat(temp.resolve("cache")).isDirectoryContaining(path -> path.toString().endsWith(".properties"));

        revoke.execute();
        MojoFixture.endTheBuild(revoke);
        assertThat(server.revocations).hasValue(1);
        assertThat(temp.resolve("cache")).isDirectoryNotContaining(path -> path.toString().endsWith(".properties"));
    }

    @Test
    void twoExecutionsSharingATokenMaskItOnceAndEachExportsUnderItsOwnName(
            @InjectMojo(goal = "fetch") @MojoParameter(name = "provider", value = "genesys")
                    @MojoParameter(name = "githubEnv", value = "FIRST_TOKEN") FetchMojo first,
            @InjectMojo(goal = "fetch") @MojoParameter(name = "provider", value = "genesys")
                    @MojoParameter(name = "propertyPrefix", value = "second.token")
                    @MojoParameter(name = "githubEnv", value = "SECOND_TOKEN") FetchMojo second)
            throws Exception {
        Path env = Files.createFile(temp.resolve("github_env"));
        for (FetchMojo mojo : List.of(first, second)) {
            prepare(mojo, "GITHUB_ACTIONS", "true", "GITHUB_ENV", env.toString());
        }

        first.execute();
        second.execute();

        String token = server.lastToken;
        assertThat(server.tokenRequests).hasValue(1);
        assertThat(commands()).containsExactly("::add-mask::" + token);
        assertThat(Files.readString(env)).contains("FIRST_TOKEN<<ghadelimiter_", "SECOND_TOKEN<<ghadelimiter_");
    }
}
