package io.github.oauthtoken.core;

import java.util.function.Function;

/** The CI system the build runs on, from the variables each one sets for its jobs. */
public enum CiSystem {
    GITHUB_ACTIONS("GitHub Actions"),
    AZURE_PIPELINES("Azure Pipelines"),
    GITLAB_CI("GitLab CI"),
    JENKINS("Jenkins"),
    NONE("no CI system");

    private final String displayName;

    CiSystem(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static CiSystem detect(Function<String, String> environment) {
        if ("true".equalsIgnoreCase(environment.apply("GITHUB_ACTIONS"))) {
            return GITHUB_ACTIONS;
        }
        if ("true".equalsIgnoreCase(environment.apply("TF_BUILD"))) {
            return AZURE_PIPELINES;
        }
        if ("true".equalsIgnoreCase(environment.apply("GITLAB_CI"))) {
            return GITLAB_CI;
        }
        if (environment.apply("JENKINS_URL") != null) {
            return JENKINS;
        }
        return NONE;
    }
}
