package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.credentials.UsernamePassword;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Finds a settings.xml server and decrypts its password with Maven's own {@link SettingsDecrypter}. */
final class SettingsServerLookup implements ServerLookup {
    private final MavenSession session;
    private final SettingsDecrypter decrypter;
    private final Redactor redactor;

    SettingsServerLookup(MavenSession session, SettingsDecrypter decrypter, Redactor redactor) {
        this.session = session;
        this.decrypter = decrypter;
        this.redactor = redactor;
    }

    @Override
    public Optional<UsernamePassword> find(String serverId) throws TokenException {
        Server server = session.getSettings().getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        if (server.getPassword() != null) {
            // The encrypted form is no secret by itself, but a problem message quoting it has no place in a log.
            redactor.register(Secret.of(server.getPassword()));
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new TokenException("Maven could not decrypt the password of settings.xml server '" + serverId
                        + "': " + redactor.redact(problem.getMessage()) + ". Check the master password in "
                        + "settings-security.xml (~/.m2/settings-security.xml, or the file named by "
                        + "-Dsettings.security), or re-encrypt the password with mvn --encrypt-password.");
            }
        }
        Server decrypted = result.getServer() != null ? result.getServer() : server;
        String password = decrypted.getPassword();
        return Optional.of(new UsernamePassword(decrypted.getUsername(), password == null ? null : Secret.of(password)));
    }

    @Override
    public String where() {
        List<String> files = new ArrayList<>();
        File user = session.getRequest().getUserSettingsFile();
        File global = session.getRequest().getGlobalSettingsFile();
        if (user != null) {
            files.add(user.getPath());
        }
        if (global != null) {
            files.add(global.getPath());
        }
        return files.isEmpty() ? "settings.xml" : String.join(" and ", files);
    }
}
