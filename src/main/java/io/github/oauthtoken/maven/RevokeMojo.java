package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.TokenProperties;
import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.secret.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Revokes the token that {@code fetch} obtained in this build (or, with {@code cache=file}, the one in the file
 * cache, so that a last pipeline step can revoke what earlier steps used), forgets it, empties its properties and deletes {@code tokenFile}.
 * In a reactor the modules share one token: each module's {@code revoke} empties its own properties, and only the
 * build's last {@code revoke} execution revokes the token, so that no module loses its token while it runs.
 * Genesys Cloud: {@code DELETE /api/v2/tokens/me}; oauth2: RFC 7009 at {@code revocationUrl} or the discovered
 * {@code revocation_endpoint}; CXone documents no revocation, so nothing is sent. A failed revocation only warns.
 * Bind it late, for example to {@code post-integration-test}, with the same configuration as {@code fetch}.
 */
@Mojo(name = "revoke", threadSafe = true)
public class RevokeMojo extends AbstractTokenMojo {

    /**
     * Also revoke a token that the file cache ({@code cache=file}) shares with other builds on this machine; by
     * default such a token is left valid for them.
     */
    @Parameter(property = "oauth-token.revokeShared", defaultValue = "false")
    private boolean revokeShared;

    private static final String PLUGIN_GROUP_ID = "io.github.oauthtoken";
    private static final String PLUGIN_ARTIFACT_ID = "oauth-token-maven-plugin";

    @Inject
    public RevokeMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(Run run) throws TokenException {
        CacheKey key = run.fetcher().keyOf(run.request());
        Optional<CachedToken> cached = run.reactor().peek(key).or(() -> run.fileCache()
                .flatMap(files -> files.read(key, Duration.ZERO, Instant.now()))
                .map(result -> new CachedToken(result, true, CachedToken.Source.FILE_CACHE)));
        Optional<AccessToken> token = cached.map(c -> c.result().token()).or(() -> fromProperties(run));
        deleteTokenFile(run);
        emptyProperties(run.project().getProperties());
        if (token.isEmpty()) {
            run.log().info("No " + run.request().provider().id() + " token to revoke in this build.");
            return;
        }
        String fingerprint = token.get().fingerprint();
        if (run.request().offline()) {
            run.log().warn("Maven runs offline (-o), so the token (fingerprint " + fingerprint + ") is not revoked; "
                    + "it stays valid until " + token.get().expiresAt() + ".");
            return;
        }
        // A cached token is shared by the build's modules; one a module fetched for itself (cache=none) is not.
        int expected = cached.isPresent() ? revokeExecutionsInReactor(run.session()) : 0;
        int seen = run.reactor().countRevoke(key);
        if (seen < expected) {
            run.log().info("Not revoking the token (fingerprint " + fingerprint + ") yet: other modules of this build "
                    + "share it; the last revoke execution of the build (" + expected + " in all, this is " + seen
                    + ") revokes it.");
            return;
        }
        boolean shared = cached.map(CachedToken::shared).orElse(false);
        if (shared && !revokeShared) {
            run.log().info("Not revoking the token (fingerprint " + fingerprint + "): the file cache shares it with "
                    + "other builds on this machine. Set <revokeShared>true</revokeShared> to revoke it anyway.");
            return;
        }
        if (!run.reactor().markRevoked(fingerprint)) {
            run.log().debug("The token (fingerprint " + fingerprint + ") was already revoked by another module.");
            return;
        }
        run.reactor().remove(key, fingerprint);
        run.fileCache().ifPresent(files -> files.delete(key));
        try {
            if (run.fetcher().revoke(run.request(), token.get())) {
                run.log().info("Revoked the " + run.request().provider().id() + " token (fingerprint " + fingerprint
                        + ").");
            }
        } catch (TokenException e) {
            run.log().warn("The token (fingerprint " + fingerprint + ") could not be revoked; it stays valid until "
                    + token.get().expiresAt() + ". " + run.redactor().redact(e.getMessage()));
        }
    }

    /** How many revoke executions the reactor's projects bind; a direct invocation binds none and revokes at once. */
    private static int revokeExecutionsInReactor(MavenSession session) {
        int count = 0;
        for (MavenProject project : session.getProjects()) {
            for (Plugin plugin : project.getBuildPlugins()) {
                if (PLUGIN_GROUP_ID.equals(plugin.getGroupId()) && PLUGIN_ARTIFACT_ID.equals(plugin.getArtifactId())) {
                    for (PluginExecution execution : plugin.getExecutions()) {
                        count += (int) execution.getGoals().stream().filter("revoke"::equals).count();
                    }
                }
            }
        }
        return count;
    }

    /** A token set by {@code fetch} with {@code cache=none}, which only the project properties remember. */
    private Optional<AccessToken> fromProperties(Run run) {
        Properties properties = run.project().getProperties();
        String value = properties.getProperty(propertyPrefix());
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Secret secret = Secret.of(value);
        run.redactor().register(secret);
        String expiresAt = properties.getProperty(propertyPrefix() + ".expiresAt");
        return Optional.of(new AccessToken(secret, properties.getProperty(propertyPrefix() + ".type", "bearer"),
                0, expiresAt == null || expiresAt.isEmpty() ? Instant.EPOCH : Instant.parse(expiresAt), Optional.empty(),
                "properties"));
    }

    private void emptyProperties(Properties properties) {
        for (String suffix : TokenProperties.SUFFIXES) {
            if (properties.containsKey(propertyPrefix() + suffix)) {
                properties.setProperty(propertyPrefix() + suffix, "");
            }
        }
    }

    private static void deleteTokenFile(Run run) {
        if (run.exports().tokenFile() != null) {
            try {
                if (Files.deleteIfExists(run.exports().tokenFile())) {
                    run.log().info("Deleted the token file " + run.exports().tokenFile() + ".");
                }
            } catch (IOException e) {
                run.log().warn("The token file " + run.exports().tokenFile() + " could not be deleted: " + e.getMessage());
            }
        }
    }
}
