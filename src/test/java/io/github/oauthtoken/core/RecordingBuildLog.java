package io.github.oauthtoken.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every line the core would print, with its level, so tests can assert on log output (and search it for secrets). */
public final class RecordingBuildLog implements BuildLog {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    /** Every line, each prefixed with its level. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The messages logged at one level ("DEBUG", "INFO", "WARN"), without the prefix. */
    public List<String> at(String level) {
        return lines.stream().filter(l -> l.startsWith(level + " ")).map(l -> l.substring(level.length() + 1)).toList();
    }

    public String all() {
        return String.join("\n", lines);
    }
}
