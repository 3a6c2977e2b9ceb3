package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.TokenProperties;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.ci.CiPublisher;
import io.github.oauthtoken.core.provider.TokenResult;
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
    void run(Run run) throws TokenException {
        CiPublisher ci = new CiPublisher(run.environment(), System.out, run.log());
        ci.check(run.exports());
        CachedToken token = run.fetcher().obtain(run.request(), run.reactor(), run.fileCache());
        TokenResult result = token.result();
        String fingerprint = result.token().fingerprint();
        // Masking first: from here on later plugins may print the token. Both happen once per token in a build,
        // not once per module; an execution that exports under other names still exports.
        if (run.reactor().firstAnnouncement(fingerprint)) {
            ci.mask(result.token().value(), run.exports());
        }
        if (run.reactor().firstAnnouncement(fingerprint + " " + run.exports().exportNames())) {
            ci.export(run.request().provider().id(), result, run.exports());
        }
        if (run.exports().tokenFile() != null) {
            CiPublisher.writeTokenFile(run.exports().tokenFile(), result.token().value());
        }
        TokenProperties.of(propertyPrefix(), result).forEach(run.project().getProperties()::setProperty);
        String verb = switch (token.source()) {
            case FETCHED -> "Obtained";
            case FILE_CACHE -> "Reusing (file cache)";
            case THIS_BUILD -> "Reusing (this build)";
        };
        run.log().info(verb + " " + run.request().provider().id() + " token from " + result.tokenEndpoint().getHost()
                + " (expires " + result.token().expiresAt() + ", fingerprint " + fingerprint + ")");
    }
}
