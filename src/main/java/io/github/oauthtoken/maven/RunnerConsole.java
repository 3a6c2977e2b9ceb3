package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.ci.ProcessStandardOutput;

/**
 * Decides whether this JVM's standard output is the one the CI runner reads. With {@code mvn} (3 or 4, with or
 * without {@code -l}, {@code -q}, {@code -B}) it is. In a Maven daemon (mvnd) it is not: the daemon is a background
 * process whose output the client relays line by line, decorated, so a workflow command never reaches the runner as
 * one and the token in it would be printed.
 */
public final class RunnerConsole {
    private RunnerConsole() {}

    public static CiConsole forThisProcess() {
        String command = System.getProperty("sun.java.command", "");
        if (System.getProperty("mvnd.home") != null || System.getProperty("mvnd.id") != null
                || command.startsWith("org.mvndaemon.")) {
            return CiConsole.unavailable("the build runs in a Maven daemon (mvnd), whose standard output is not the "
                    + "CI runner's; run the build with mvn, or hand the token on with <tokenFile>");
        }
        return new ProcessStandardOutput();
    }
}
