package io.github.oauthtoken.core.ci;

/**
 * How the CI system learns of the token: whether it masks it, and the names later steps receive it under (each
 * optional: null).
 *
 * @param mask           {@code auto} (mask on GitHub Actions and Azure Pipelines) or {@code false}
 * @param githubEnv      variable name to append to the file named by {@code GITHUB_ENV}
 * @param githubOutput   output name to append to the file named by {@code GITHUB_OUTPUT}
 * @param azureVariable  secret pipeline variable to set on Azure Pipelines
 */
public record CiExports(boolean mask, String githubEnv, String githubOutput, String azureVariable) {
    /** The names later steps receive the token under, to tell two executions' exports apart. */
    public String exportNames() {
        return "env=" + githubEnv + " output=" + githubOutput + " azure=" + azureVariable;
    }
}
