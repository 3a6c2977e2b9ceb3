package io.github.oauthtoken.core.publish;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which executions show which token, by the token's key: every module that fetched a token, so that a refreshed one
 * reaches all of them, and none that has since run {@code revoke}, whose properties stay empty.
 */
public final class TokenHolders {
    private final Map<String, List<TokenHolder>> byKey = new ConcurrentHashMap<>();

    /** Adds the execution, replacing an earlier one of the same module and prefix (a second {@code fetch}). */
    public void register(String key, TokenHolder holder) {
        List<TokenHolder> holders = byKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        synchronized (holders) {
            holders.removeIf(h -> sameExecution(h, holder.projectId(), holder.prefix()));
            holders.add(holder);
        }
    }

    /**
     * The module's {@code revoke}: its properties under {@code prefix} no longer show the token, and are emptied so
     * that later plugins see no stale token. They are emptied with the execution removed and under the same lock as
     * {@link #forEach}, so that a refresh that lands meanwhile either set the properties before they are emptied or
     * no longer counts this execution.
     */
    public void release(String key, String projectId, String prefix, Properties properties) {
        List<TokenHolder> holders = byKey.get(key);
        if (holders == null) {
            TokenProperties.empty(prefix, properties);
            return;
        }
        synchronized (holders) {
            holders.removeIf(h -> sameExecution(h, projectId, prefix));
            TokenProperties.empty(prefix, properties);
        }
    }

    /** Runs {@code update} on every execution that shows the token, none of them released meanwhile. */
    public void forEach(String key, Consumer<TokenHolder> update) {
        List<TokenHolder> holders = byKey.get(key);
        if (holders != null) {
            synchronized (holders) {
                holders.forEach(update);
            }
        }
    }

    public List<TokenHolder> of(String key) {
        return List.copyOf(byKey.getOrDefault(key, List.of()));
    }

    private static boolean sameExecution(TokenHolder holder, String projectId, String prefix) {
        return holder.projectId().equals(projectId) && holder.prefix().equals(prefix);
    }
}
