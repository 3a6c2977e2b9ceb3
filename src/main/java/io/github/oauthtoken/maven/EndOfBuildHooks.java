package io.github.oauthtoken.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.aether.SessionData;

/**
 * What runs when the build is over: plain {@link Runnable}s in one list in the build session's data, so that every
 * version of the plugin in a build adds to the same list, and whichever route reports the end of the build (the
 * execution listener a goal installs, or the lifecycle participant of the plugin declared as an extension) runs
 * each hook exactly once.
 */
final class EndOfBuildHooks {
    /** The list, of JDK types only: another version of the plugin has other classes of the same names. */
    static final String KEY = "io.github.oauthtoken.endOfBuild";

    private EndOfBuildHooks() {}

    /** The build's list, or null when nothing has arranged to run one yet. */
    @SuppressWarnings("unchecked")
    static List<Runnable> of(SessionData data) {
        return (List<Runnable>) data.get(KEY);
    }

    /**
     * Makes the build's list, unless it exists.
     *
     * @return the new list, or null when one existed: then its maker runs it at the end of the build
     */
    static List<Runnable> create(SessionData data) {
        List<Runnable> hooks = new CopyOnWriteArrayList<>();
        return data.set(KEY, null, hooks) ? hooks : null;
    }

    /** Runs each hook still in the list, taking it out first: a second route, or a second call, finds none. */
    static void runEach(List<?> hooks) {
        for (Object hook : List.copyOf(hooks)) {
            if (hooks.remove(hook) && hook instanceof Runnable runnable) {
                runnable.run();
            }
        }
    }
}
