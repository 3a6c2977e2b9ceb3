package io.github.oauthtoken.core;

/**
 * Where the core reports progress. The Maven layer implements it over the mojo's logger and redacts every line,
 * which keeps the core free of Maven types and lets tests capture what would be printed.
 */
public interface BuildLog {
    void debug(String message);

    void info(String message);

    void warn(String message);

    BuildLog SILENT = new BuildLog() {
        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}
    };
}
