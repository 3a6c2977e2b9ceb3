package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.SharedTokens;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.config.Parameters;
import io.github.oauthtoken.core.lifecycle.BuildToken;
import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.maven.BuildServices;
import io.github.oauthtoken.maven.MavenBuildContext;
import io.github.oauthtoken.maven.MavenSystemProperties;
import io.github.oauthtoken.maven.RunnerConsole;
import io.github.oauthtoken.maven.SettingsSecrets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.SessionData;
import org.slf4j.Logger;

/**
 * One build's repository tokens, from the execution request to the end of the build: a token lifecycle of its own
 * (the core extension's classes are not the goals' classes, see the README's design notes), the token of each
 * settings.xml server with an {@code <oauthToken>}, and what could not be supplied, for the lifecycle participant to
 * report. Maven makes a new request per build, also in a daemon or an embedder, and so a new one of these.
 */
final class RepositoryBuild {
    /** Where the participant leaves this build for the transporter factory: the repository session's data. */
    static final String SESSION_KEY = RepositoryBuild.class.getName();
    /** Parameters that name another settings.xml server, whose password they read. */
    private static final List<Parameter> SERVER_REFERENCES = List.of(Parameter.SERVER_ID,
            Parameter.ACCESS_KEY_SERVER_ID, Parameter.KEY_STORE_SERVER_ID, Parameter.TRUST_STORE_SERVER_ID);

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final Redactor redactor = new Redactor(secrets);
    /** The tokens offered to the goals: the repository credentials revoke their own, so a goal may reuse them. */
    private final Map<String, Properties> shared = new ConcurrentHashMap<>();
    private final BuildLog log;
    private final TokenLifecycle lifecycle = new TokenLifecycle(redactor, EndOfBuild.ALWAYS, Clock.systemUTC(),
            new SharedTokens(shared));
    private final Map<String, ServerToken> servers = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private RepositoryBuild(Logger logger) {
        this.log = new ExtensionLog(logger, redactor);
    }

    /**
     * Makes an OAuth token the credential of every server of the request whose configuration has an
     * {@code <oauthToken>}, and takes the element out of every such configuration, whatever happens: no transport
     * understands it (wagon warns on each connection and then ignores the server's other settings).
     */
    static RepositoryBuild supply(MavenExecutionRequest request, SettingsDecrypter decrypter, Logger logger) {
        RepositoryBuild build = new RepositoryBuild(logger);
        List<Server> withToken = new ArrayList<>();
        for (Server server : request.getServers()) {
            if (OAuthTokenElement.find(server.getConfiguration()) != null) {
                withToken.add(server);
            }
        }
        if (!withToken.isEmpty()) {
            MavenSystemProperties.quietHttpLibrary(request.getSystemProperties());
            MavenBuildContext context = new MavenBuildContext(request.getSystemProperties(), request.isOffline(),
                    new SettingsSecrets(request, decrypter, build.redactor), build.log,
                    RunnerConsole.forThisProcess());
            List<String> ids = withToken.stream().map(Server::getId).toList();
            for (Server server : withToken) {
                build.supply(server, context, ids);
            }
        }
        return build;
    }

    private void supply(Server server, MavenBuildContext context, List<String> tokenServers) {
        String owner = "settings.xml server '" + server.getId() + "'";
        Optional<OAuthTokenElement> element = Optional.empty();
        try {
            element = Optional.of(OAuthTokenElement.parse(OAuthTokenElement.find(server.getConfiguration()),
                    server.getUsername()));
            Parameters parameters = new Parameters(element.get().parameters());
            checkReferences(parameters, server.getId(), tokenServers);
            if (parameters.flag(Parameter.SKIP)) {
                log.info(owner + " has <skip>true</skip> in its <" + OAuthTokenElement.NAME + ">: its repositories "
                        + "get no OAuth token.");
                ServerCredentials.removeTokenElement(server);
                return;
            }
            Optional<BuildToken> token = lifecycle.buildToken(element.get().parameters(), context, owner);
            if (token.isEmpty()) {
                ServerCredentials.removeTokenElement(server);
                return;
            }
            AccessToken current = token.get().current();
            SendAs sendAs = element.get().sendAs();
            ServerToken serverToken = new ServerToken(server.getId(), sendAs, server.getUsername(), token.get(),
                    redactor);
            ServerCredentials.apply(server, sendAs, serverToken.redactedAsSent(current.value()));
            servers.put(server.getId(), serverToken);
            log.info("repositories and mirrors with id '" + server.getId() + "' authenticate with an OAuth token ("
                    + (sendAs == SendAs.BASIC ? "the Basic password of user '" + server.getUsername() + "'"
                            : "Authorization: Bearer")
                    + ", fingerprint " + current.fingerprint() + "), renewed for new connections when it has less "
                    + "than <minValidity> left.");
        } catch (ConfigurationException e) {
            ServerCredentials.removeTokenElement(server);
            problems.add(owner + ", in <" + OAuthTokenElement.NAME + ">: " + redactor.redact(e.getMessage()));
        } catch (TokenException e) {
            ServerCredentials.removeTokenElement(server);
            problems.add(owner + ": its repositories and mirrors get no OAuth token. "
                    + redactor.redact(e.getMessage()));
        } catch (RuntimeException e) {
            ServerCredentials.removeTokenElement(server);
            problems.add(owner + ": its repositories and mirrors get no OAuth token, after an unexpected failure: "
                    + redactor.redact(String.valueOf(e)));
        }
    }

    /**
     * A server named for the client's credentials, a key store's or a trust store's password must hold them: not
     * be this one (whose password becomes the token), nor another whose password is a token.
     */
    private static void checkReferences(Parameters parameters, String serverId, List<String> tokenServers)
            throws ConfigurationException {
        for (Parameter reference : SERVER_REFERENCES) {
            String named = parameters.written(reference);
            if (serverId.equals(named)) {
                throw new ConfigurationException(reference.element() + " names this server itself, whose password "
                        + "becomes the token. Put the credentials it should read in a <server> of their own, and "
                        + "name that one.");
            }
            if (tokenServers.contains(named)) {
                throw new ConfigurationException(reference.element() + " names settings.xml server '" + named
                        + "', whose password is an OAuth token itself (it has an <" + OAuthTokenElement.NAME
                        + ">). Name a server that holds the credentials.");
            }
        }
    }

    /** Everything that could not be supplied, in one message; empty when everything was. */
    Optional<String> failure() {
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String intro = "oauth-token could not supply the OAuth token of Maven's repositories, so the build stops "
                + "before Maven reads the project";
        return Optional.of(problems.size() == 1 ? intro + ": " + problems.get(0)
                : intro + " (" + problems.size() + " settings.xml servers):\n  - " + String.join("\n  - ", problems));
    }

    /** The token of the server with this id, or null when the server has none from this extension. */
    ServerToken server(String serverId) {
        return serverId == null ? null : servers.get(serverId);
    }

    /**
     * The session has started, and no goal has run yet: this build's secrets become the build's one redaction (the
     * goals' too), its tokens are offered to the goals that ask for the same ones, the build is left in the
     * repository session for the transporter factory, and the bearer tokens leave the servers' configurations.
     */
    void joinSession(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        Set<String> buildSecrets = BuildServices.secrets(data, () -> secrets);
        if (buildSecrets != secrets) {
            buildSecrets.addAll(secrets);
        }
        Map<String, Properties> buildTokens = BuildServices.sharedTokens(data, () -> shared);
        if (buildTokens != shared) {
            buildTokens.putAll(shared);
        }
        data.set(SESSION_KEY, this);
        // The repository session holds the bearer headers now; the settings the goals see keep no token: Maven 3's
        // are the request's servers, Maven 4's a copy the session made of them.
        removeBearerHeaders(session.getRequest().getServers());
        if (session.getSettings() != null) {
            removeBearerHeaders(session.getSettings().getServers());
        }
    }

    private void removeBearerHeaders(List<Server> settingsServers) {
        for (Server server : settingsServers) {
            ServerToken token = server(server.getId());
            if (token != null && token.sendAs() == SendAs.BEARER) {
                ServerCredentials.removeTokenHeader(server);
            }
        }
    }

    /** The build this extension left in a repository session, or null (another session, another class realm). */
    static RepositoryBuild of(SessionData data) {
        return data.get(SESSION_KEY) instanceof RepositoryBuild build ? build : null;
    }

    /** The end of the build: every token the build asked to revoke, revoked once. */
    void end() {
        lifecycle.endOfBuild(log);
    }
}
