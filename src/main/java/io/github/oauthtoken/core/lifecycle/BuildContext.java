package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.config.BuildEnvironment;

/**
 * What the build offers a token that belongs to it rather than to a module (a repository's credential, supplied
 * before Maven reads the project): what its configuration is read against, and where CI commands go. A goal's
 * {@link ExecutionContext} is one too, with its module added.
 */
public interface BuildContext extends BuildEnvironment {
    /** Where CI workflow commands go: the process's real standard output, when it can be had. */
    CiConsole console();
}
