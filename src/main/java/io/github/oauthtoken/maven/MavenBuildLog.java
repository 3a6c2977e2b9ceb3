package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.secret.Redactor;
import org.apache.maven.plugin.logging.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The core's log, written to Maven's logger after redaction with the build's secrets. */
final class MavenBuildLog implements BuildLog {
    private final Sink sink;
    private final Redactor redactor;

    private interface Sink {
        boolean debugEnabled();

        void debug(String line);

        void info(String line);

        void warn(String line);
    }

    MavenBuildLog(Log log, Redactor redactor) {
        this(new Sink() {
            @Override
            public boolean debugEnabled() {
                return log.isDebugEnabled();
            }

            @Override
            public void debug(String line) {
                log.debug(line);
            }

            @Override
            public void info(String line) {
                log.info(line);
            }

            @Override
            public void warn(String line) {
                log.warn(line);
            }
        }, redactor);
    }

    private MavenBuildLog(Sink sink, Redactor redactor) {
        this.sink = sink;
        this.redactor = redactor;
    }

    /** For what happens after the last goal: no mojo's log is current then, so Maven's logger is used directly. */
    static MavenBuildLog endOfBuild(Redactor redactor) {
        Logger logger = LoggerFactory.getLogger("io.github.oauthtoken");
        return new MavenBuildLog(new Sink() {
            @Override
            public boolean debugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String line) {
                logger.debug(line);
            }

            @Override
            public void info(String line) {
                logger.info(line);
            }

            @Override
            public void warn(String line) {
                logger.warn(line);
            }
        }, redactor);
    }

    @Override
    public void debug(String message) {
        if (sink.debugEnabled()) {
            sink.debug(redactor.redact(message));
        }
    }

    @Override
    public void info(String message) {
        sink.info(redactor.redact(message));
    }

    @Override
    public void warn(String message) {
        sink.warn(redactor.redact(message));
    }
}
