package io.github.oauthtoken.maven;

import java.util.function.Supplier;
import org.eclipse.aether.SessionData;

/**
 * A value the build session's data holds once per build, made by whichever goal asks first. It uses only what every
 * Maven Resolver has ({@code get} and the put-if-absent {@code set(key, null, value)}): {@code computeIfAbsent}
 * arrived with Resolver 1.9 (Maven 3.9), and Maven 3.6.3 and 3.8.x fail on it with a {@code NoSuchMethodError}.
 * Two goals that ask at once may both make a value; one of them is kept and handed to both, so the values made here
 * must cost nothing to throw away (no thread, no file, no listener).
 */
final class OncePerBuild {
    private OncePerBuild() {}

    static Object value(SessionData data, Object key, Supplier<?> make) {
        Object value = data.get(key);
        while (value == null) {
            Object made = make.get();
            if (data.set(key, null, made)) {
                return made;
            }
            value = data.get(key);
        }
        return value;
    }
}
