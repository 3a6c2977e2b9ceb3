package io.github.oauthtoken.core.ci;

import java.nio.file.Path;

/**
 * Where the token goes besides the project properties; every field is optional (null).
 *
 * @param mask           {@code auto} (mask on GitHub Actions and Azure Pipelines) or {@code false}
 * @param githubEnv      variable name to append to the file named by {@code GITHUB_ENV}
 * @param githubOutput   output name to append to the file named by {@code GITHUB_OUTPUT}
 * @param azureVariable  secret pipeline variable to set on Azure Pipelines
 * @param tokenFile      file to write the token to, owner-only
 */
public record CiExports(boolean mask, String githubEnv, String githubOutput, String azureVariable, Path tokenFile) {
    /** The names later steps receive the token under, to tell two executions' exports apart. */
    public String exportNames() {
        return "env=" + githubEnv + " output=" + githubOutput + " azure=" + azureVariable;
    }
}
