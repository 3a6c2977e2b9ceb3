package io.github.oauthtoken.core.refresh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

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

    /** The module's {@code revoke}: its properties under {@code prefix} no longer show the token. */
    public void release(String key, String projectId, String prefix) {
        List<TokenHolder> holders = byKey.get(key);
        if (holders != null) {
            synchronized (holders) {
                holders.removeIf(h -> sameExecution(h, projectId, prefix));
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
