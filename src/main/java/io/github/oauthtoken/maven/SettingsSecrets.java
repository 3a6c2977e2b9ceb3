package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.credentials.UsernamePassword;
import io.github.oauthtoken.core.http.NonProxyHosts;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Reads servers and proxies from settings.xml and decrypts their passwords with Maven's own
 * {@link SettingsDecrypter}, registering every password with the {@link Redactor} first. It reads them from the
 * execution request, which is where the session's settings come from on every Maven (3's {@code SettingsAdapter},
 * 4's {@code adaptSettings}) and all that a core extension has before the session exists. Maven 4 has decrypted
 * every password when it built the request; decrypting a plain one again hands it back as it is.
 */
public final class SettingsSecrets implements ServerLookup {
    private final MavenExecutionRequest request;
    private final SettingsDecrypter decrypter;
    private final Redactor redactor;

    public SettingsSecrets(MavenExecutionRequest request, SettingsDecrypter decrypter, Redactor redactor) {
        this.request = request;
        this.decrypter = decrypter;
        this.redactor = redactor;
    }

    @Override
    public Optional<UsernamePassword> find(String serverId) throws TokenException {
        Server server = null;
        for (Server candidate : request.getServers()) {
            if (serverId.equals(candidate.getId())) {
                server = candidate;
                break;
            }
        }
        if (server == null) {
            return Optional.empty();
        }
        registerEncrypted(server.getPassword());
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        failOnProblems(result, "server '" + serverId + "'");
        Server decrypted = result.getServer() != null ? result.getServer() : server;
        return Optional.of(new UsernamePassword(decrypted.getUsername(), secret(decrypted.getPassword())));
    }

    /**
     * The active proxies of settings.xml, each serving the URL scheme of its {@code <protocol>} ({@code http} when
     * missing), as Maven's resolver reads them: an {@code http} proxy also carries {@code https} URLs that no
     * {@code https} proxy serves, which is how a settings.xml with one {@code http} proxy reaches Maven Central.
     */
    public List<ProxyRoute> proxies() throws TokenException {
        List<ProxyRoute> routes = new ArrayList<>();
        for (Proxy proxy : request.getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            registerEncrypted(proxy.getPassword());
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
            failOnProblems(result, "proxy '" + proxy.getId() + "'");
            Proxy decrypted = result.getProxy() != null ? result.getProxy() : proxy;
            String user = decrypted.getUsername() == null || decrypted.getUsername().isBlank() ? null : decrypted.getUsername();
            String scheme = decrypted.getProtocol() == null ? "http" : decrypted.getProtocol().toLowerCase(Locale.ROOT);
            routes.add(new ProxyRoute(scheme, decrypted.getHost(), decrypted.getPort(), user,
                    secret(decrypted.getPassword()), NonProxyHosts.maven(decrypted.getNonProxyHosts()),
                    "settings.xml proxy '" + proxy.getId() + "'", scheme.equals("http")));
        }
        return routes;
    }

    private Secret secret(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        Secret secret = Secret.of(password);
        redactor.register(secret);
        return secret;
    }

    /** The encrypted form is no secret by itself, but a problem message quoting it has no place in a log. */
    private void registerEncrypted(String password) {
        if (password != null && !password.isEmpty()) {
            redactor.register(Secret.of(password));
        }
    }

    private void failOnProblems(SettingsDecryptionResult result, String what) throws TokenException {
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new TokenException("Maven could not decrypt the password of settings.xml " + what + ": "
                        + redactor.redact(problem.getMessage()) + ". Check the master password in "
                        + "settings-security.xml (~/.m2/settings-security.xml, or the file named by "
                        + "-Dsettings.security), or re-encrypt the password with mvn --encrypt-password.");
            }
        }
    }

    @Override
    public String where() {
        List<String> files = new ArrayList<>();
        File user = request.getUserSettingsFile();
        File global = request.getGlobalSettingsFile();
        if (user != null) {
            files.add(user.getPath());
        }
        if (global != null) {
            files.add(global.getPath());
        }
        return files.isEmpty() ? "settings.xml" : String.join(" and ", files);
    }
}
