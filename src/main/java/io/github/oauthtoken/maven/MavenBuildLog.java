package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.secret.Redactor;
import org.apache.maven.plugin.logging.Log;

/** The core's log, written to Maven's logger after redaction with the build's secrets. */
final class MavenBuildLog implements BuildLog {
    private final Log log;
    private final Redactor redactor;

    MavenBuildLog(Log log, Redactor redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(redactor.redact(message));
        }
    }

    @Override
    public void info(String message) {
        log.info(redactor.redact(message));
    }

    @Override
    public void warn(String message) {
        log.warn(redactor.redact(message));
    }
}
