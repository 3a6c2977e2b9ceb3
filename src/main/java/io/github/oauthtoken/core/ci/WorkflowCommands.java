package io.github.oauthtoken.core.ci;

/**
 * Builds the runners' workflow commands with their data escaped the way each runner unescapes it, so a value with a
 * line break or a command delimiter is carried whole and cannot end the command early or start another one.
 */
final class WorkflowCommands {
    private WorkflowCommands() {}

    /** GitHub Actions: {@code ::add-mask::value}; the runner unescapes {@code %25}, {@code %0D}, {@code %0A}. */
    static String githubMask(String value) {
        return "::add-mask::" + value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Azure Pipelines: {@code ##vso[task.setsecret]value}. */
    static String azureSecret(String value) {
        return "##vso[task.setsecret]" + azureEscape(value);
    }

    /** Azure Pipelines: a secret pipeline variable for later steps. */
    static String azureSecretVariable(String name, String value) {
        return "##vso[task.setvariable variable=" + name + ";issecret=true]" + azureEscape(value);
    }

    /** The agent's escape table ({@code %AZP25} first, so the other escapes are not escaped again). */
    private static String azureEscape(String value) {
        return value.replace("%", "%AZP25").replace(";", "%3B").replace("\r", "%0D").replace("\n", "%0A")
                .replace("]", "%5D");
    }
}
