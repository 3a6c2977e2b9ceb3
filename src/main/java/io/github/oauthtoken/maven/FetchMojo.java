package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.ParameterView;
import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Obtains an OAuth access token and sets it, with its type, expiry and fingerprint, as properties of the current
 * project ({@code ${oauth.token}} and friends) for later plugins, filtered resources and tests.
 *
 * <p>In a reactor all modules share one token (one request per build, even under {@code -T}); bound a second time
 * later in the build, the goal reuses the token while it is valid for {@code minValidity} and otherwise fetches a
 * new one. Credentials are read from a settings.xml server or environment variables, never from mojo parameters,
 * because {@code mvn -X} prints every parameter's value.
 */
@Mojo(name = "fetch", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class FetchMojo extends AbstractTokenMojo {

    @Inject
    public FetchMojo(SettingsDecrypter settingsDecrypter) {
        super(settingsDecrypter);
    }

    @Override
    void run(TokenLifecycle lifecycle, ParameterView parameters, MavenExecutionContext context)
            throws TokenException {
        lifecycle.fetch(parameters, context);
    }
}
