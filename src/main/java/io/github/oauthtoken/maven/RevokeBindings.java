package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.config.Defaults;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads from a module's model whether it binds this plugin's {@code revoke} goal for a property prefix, so that a
 * token is revoked at the end of the build even when the module fails before its {@code revoke} runs. The model
 * holds configuration as written; a value with an expression counts as a match, since revoking one token too many
 * is safer than leaving one valid.
 */
final class RevokeBindings {
    static final String GROUP_ID = "io.github.oauthtoken";
    static final String ARTIFACT_ID = "oauth-token-maven-plugin";

    private RevokeBindings() {}

    static boolean bindsRevoke(MavenProject project, String propertyPrefix) {
        for (Plugin plugin : project.getBuildPlugins()) {
            if (!GROUP_ID.equals(plugin.getGroupId()) || !ARTIFACT_ID.equals(plugin.getArtifactId())) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains("revoke") && execution.getPhase() != null
                        && !"none".equals(execution.getPhase())
                        && revokes(execution, plugin, propertyPrefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean revokes(PluginExecution execution, Plugin plugin, String propertyPrefix) {
        String skip = value(execution, plugin, "skip");
        if ("true".equals(skip)) {
            return false;
        }
        String prefix = value(execution, plugin, "propertyPrefix");
        return prefix == null ? Defaults.PROPERTY_PREFIX.equals(propertyPrefix)
                : prefix.contains("${") || prefix.equals(propertyPrefix);
    }

    /** The execution's value, else the plugin-level one, trimmed; null when neither sets it. */
    private static String value(PluginExecution execution, Plugin plugin, String name) {
        for (Object configuration : new Object[] {execution.getConfiguration(), plugin.getConfiguration()}) {
            if (configuration instanceof Xpp3Dom dom && dom.getChild(name) != null) {
                String value = dom.getChild(name).getValue();
                return value == null ? null : value.trim();
            }
        }
        return null;
    }
}
