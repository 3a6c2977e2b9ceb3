package io.github.oauthtoken.core.ci;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.CiSystem;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.TokenResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Follows each CI system's conventions for a new secret: masks it in the job log first (GitHub Actions'
 * {@code ::add-mask::}, Azure Pipelines' {@code task.setsecret}), then hands it to later steps when asked to.
 * The commands go to the {@link CiConsole} (the process's real standard output), never through the Maven logger,
 * whose {@code [INFO] } prefix would keep the runner from recognising them; they are the only place the token is
 * ever printed, and only on those systems. Where the console cannot reach the runner (a Maven daemon), nothing that
 * holds the token is printed and the build is told once.
 */
public final class CiPublisher {
    private final Function<String, String> environment;
    private final CiConsole console;
    private final BuildLog log;
    private final CiSystem system;

    public CiPublisher(Function<String, String> environment, CiConsole console, BuildLog log) {
        this.environment = environment;
        this.console = console;
        this.log = log;
        this.system = CiSystem.detect(environment);
    }

    public CiSystem system() {
        return system;
    }

    /**
     * Fails before anything is printed or written when an export names a CI system the build is not on: a fact of
     * where the build runs, not a mistake in the POM (the names themselves the configuration's parser checks).
     */
    public void check(CiExports exports) throws TokenException {
        if (exports.githubEnv() != null) {
            requireGithubFile("githubEnv", "GITHUB_ENV");
        }
        if (exports.githubOutput() != null) {
            requireGithubFile("githubOutput", "GITHUB_OUTPUT");
        }
        if (exports.azureVariable() != null) {
            if (system != CiSystem.AZURE_PIPELINES) {
                throw new TokenException("<azureVariable> is set, but this build does not run on Azure Pipelines "
                        + "(TF_BUILD is not True; detected: " + system.displayName() + "). Remove it, or set it only "
                        + "in the Azure pipeline (for example with -Doauth-token.azureVariable=NAME).");
            }
            if (console.unavailable().isPresent()) {
                throw new TokenException("<azureVariable> is set, but the pipeline cannot be told: "
                        + console.unavailable().get() + ". Run this build with mvn instead, or hand the token on "
                        + "with <tokenFile>.");
            }
        }
    }

    /**
     * Masks the token in the job log; call before anything else could print it.
     *
     * @return false when the CI system masks at run time but this build cannot tell it (the caller warns once)
     */
    public boolean mask(Secret token, CiExports exports) {
        if (!exports.mask()) {
            return true;
        }
        String command = switch (system) {
            case GITHUB_ACTIONS -> WorkflowCommands.githubMask(token.reveal());
            case AZURE_PIPELINES -> WorkflowCommands.azureSecret(token.reveal());
            default -> null; // GitLab CI, Jenkins, local: no runtime masking exists, so the token is never printed.
        };
        if (command == null) {
            return true;
        }
        if (console.unavailable().isPresent()) {
            return false;
        }
        console.command(command);
        return true;
    }

    /** Why {@link #mask} could not mask, for the one warning. */
    public String maskUnavailable() {
        return "The token is not masked in the " + system.displayName() + " log: " + console.unavailable().orElse("")
                + ". The plugin prints nothing that holds it, but later steps that print it are not masked either.";
    }

    /** Hands the token to later steps as configured; {@link #check} must have passed. */
    public void export(String provider, TokenResult result, CiExports exports) throws TokenException {
        Secret token = result.token().value();
        if (exports.githubEnv() != null) {
            appendHeredoc("GITHUB_ENV", exports.githubEnv(), token);
        }
        if (exports.githubOutput() != null) {
            appendHeredoc("GITHUB_OUTPUT", exports.githubOutput(), token);
        }
        if (exports.azureVariable() != null) {
            console.command(WorkflowCommands.azureSecretVariable(exports.azureVariable(), token.reveal()));
        }
        String summary = environment.apply("GITHUB_STEP_SUMMARY");
        if (system == CiSystem.GITHUB_ACTIONS && !blank(summary)) {
            try {
                appendLine(Path.of(summary), "GITHUB_STEP_SUMMARY",
                        "OAuth token (" + provider + ") from `" + result.tokenEndpoint().getHost() + "`: expires "
                                + result.token().expiresAt() + ", fingerprint `" + result.token().fingerprint() + "`\n");
            } catch (TokenException e) {
                // The summary is a courtesy; the build does not need it.
                log.warn(e.getMessage());
            }
        }
    }

    private void requireGithubFile(String parameter, String variable) throws TokenException {
        if (system != CiSystem.GITHUB_ACTIONS || blank(environment.apply(variable))) {
            throw new TokenException("<" + parameter + "> is set, but this build does not run on GitHub Actions "
                    + "with " + variable + " (GITHUB_ACTIONS=" + environment.apply("GITHUB_ACTIONS") + ", " + variable
                    + (blank(environment.apply(variable)) ? " not set" : " set") + "; detected: "
                    + system.displayName() + "). Set it only in the workflow (for example with -Doauth-token."
                    + parameter + "=NAME), so local builds do not write the token nowhere.");
        }
    }

    /** GitHub's multi-line form, with a random delimiter that cannot occur in the token. */
    private void appendHeredoc(String variable, String name, Secret token) throws TokenException {
        String delimiter;
        do {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            delimiter = "ghadelimiter_" + HexFormat.of().formatHex(random);
        } while (token.reveal().contains(delimiter));
        appendLine(Path.of(environment.apply(variable)), variable,
                name + "<<" + delimiter + "\n" + token.reveal() + "\n" + delimiter + "\n");
        log.info("Exported the token to later steps as " + name + " (" + variable + ").");
    }

    private static void appendLine(Path file, String variable, String text) throws TokenException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new TokenException("The file named by " + variable + " (" + file + ") could not be written ("
                    + e.getMessage() + ").", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
