package io.github.oauthtoken.maven;

import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Maven's decrypter for settings whose passwords are plain: it hands every server and proxy back as it came. */
public final class PlainSettingsDecrypter {
    public static final SettingsDecrypter PLAIN = request -> new SettingsDecryptionResult() {
        @Override
        public Server getServer() {
            return request.getServers().isEmpty() ? null : request.getServers().get(0);
        }

        @Override
        public List<Server> getServers() {
            return request.getServers();
        }

        @Override
        public Proxy getProxy() {
            return request.getProxies().isEmpty() ? null : request.getProxies().get(0);
        }

        @Override
        public List<Proxy> getProxies() {
            return request.getProxies();
        }

        @Override
        public List<SettingsProblem> getProblems() {
            return List.of();
        }
    };

    private PlainSettingsDecrypter() {}
}
