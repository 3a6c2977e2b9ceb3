package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.secret.Redactor;
import org.slf4j.Logger;

/**
 * The core's log for the core extension, on Maven's own SLF4J (configured before core extensions load: levels,
 * {@code -X}, {@code -q}, {@code -l}), each line redacted with the build's secrets. Lines say {@code oauth-token:},
 * since no goal's header introduces them: they come before Maven reads the project, and after its summary.
 */
final class ExtensionLog implements BuildLog {
    static final String PREFIX = "oauth-token: ";
    private final Logger log;
    private final Redactor redactor;

    ExtensionLog(Logger log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(redactor.redact(PREFIX + message));
        }
    }

    @Override
    public void info(String message) {
        log.info(redactor.redact(PREFIX + message));
    }

    @Override
    public void warn(String message) {
        log.warn(redactor.redact(PREFIX + message));
    }
}
