package io.github.oauthtoken.core.identity;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where to get the CI identity token, parsed and checked.
 *
 * @param variable            {@link IdentitySourceKind#VARIABLE}: the environment variable's name
 * @param file                {@link IdentitySourceKind#FILE}: the token file
 * @param audience            {@link IdentitySourceKind#GITHUB}: the audience to ask for, or null for GitHub's default
 * @param serviceConnectionId {@link IdentitySourceKind#AZURE}: the service connection
 */
public record IdentityRequest(IdentitySourceKind kind, String variable, Path file, String audience,
        String serviceConnectionId) {

    /** The source, reading the environment and sending requests as the build does. */
    public IdentityTokenSource open(Function<String, String> environment, HttpSettings http, Redactor redactor,
            BuildLog log) {
        return switch (kind) {
            case GITHUB -> new GitHubActionsIdToken(environment, audience, http, redactor, log);
            case AZURE -> new AzurePipelinesIdToken(environment, serviceConnectionId, http, redactor, log);
            case VARIABLE -> new VariableIdToken(environment, variable);
            case FILE -> new FileIdToken(file);
        };
    }
}
