package io.github.oauthtoken.core;

/**
 * How the build tells the core that it is over. The core asks for it only when a token needs the end of the build
 * (a revoke to run after the last module, a token file to keep fresh), so that a build that merely reuses a cached
 * token pays nothing for it; the Maven layer then arranges to be told (a lifecycle participant, an execution or
 * session listener) and calls the core's end-of-build step once.
 */
@FunctionalInterface
public interface EndOfBuild {
    /**
     * Arranges for the end of the build to be reported, if it is not already; cheap after the first call.
     *
     * @return true when the build will report its end, false when it cannot (the core then falls back to what a
     *         goal alone can do)
     */
    boolean arrange();

    /** A build that never reports its end. */
    EndOfBuild NEVER = () -> false;

    /** A build that always reports its end (the plugin as a build extension; tests). */
    EndOfBuild ALWAYS = () -> true;
}
