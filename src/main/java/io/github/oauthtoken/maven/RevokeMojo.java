package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.Defaults;
import io.github.oauthtoken.core.config.ParameterView;
import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Says that this module is done with the token that {@code fetch} obtained (or, with {@code cache=file}, the one in
 * the file cache, so that a last pipeline step can revoke what earlier steps used): empties its properties and has
 * the token revoked once no module of the build uses it any more. Each token is revoked exactly once, whatever the
 * number of modules, tokens and executions, and its {@code tokenFile} is deleted then.
 *
 * <p>The plugin revokes every such token when the build ends, after Maven's summary, also when a module failed or
 * never reached its {@code revoke}; no {@code <extensions>true</extensions>} is needed.
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
    @Parameter(property = "oauth-token.revokeShared", defaultValue = Defaults.FALSE)
    private boolean revokeShared;

    @Inject
    public RevokeMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(TokenLifecycle lifecycle, ParameterView parameters, MavenExecutionContext context)
            throws TokenException {
        lifecycle.revoke(parameters, context);
    }
}
