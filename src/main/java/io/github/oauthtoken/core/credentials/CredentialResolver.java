package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the client credentials (and CXone's access key) in settings.xml servers or environment variables. When
 * something is missing it fails once, listing every place it looked and what each lacked, and never a value.
 * Every secret it finds is registered with the {@link Redactor} before anything else can print it.
 */
public final class CredentialResolver {
    private final ServerLookup servers;
    private final Function<String, String> environment;
    private final Redactor redactor;

    public CredentialResolver(ServerLookup servers, Function<String, String> environment, Redactor redactor) {
        this.servers = servers;
        this.environment = environment;
        this.redactor = redactor;
    }

    public Credentials resolve(String providerName, CredentialRequest request) throws TokenException {
        List<String> problems = new ArrayList<>();
        Optional<ClientCredentials> client = request.serverId() != null
                ? fromServer(request.serverId(), "client id", "client secret", problems)
                        .map(p -> new ClientCredentials(p.username(), p.password(), serverOrigin(request.serverId())))
                : fromEnvironment(request.clientEnv(), problems)
                        .map(p -> new ClientCredentials(p.username(), p.password(), p.origin()));

        Optional<AccessKey> accessKey = Optional.empty();
        if (request.needsAccessKey()) {
            accessKey = request.accessKeyServerId() != null
                    ? fromServer(request.accessKeyServerId(), "access key id", "access key secret", problems)
                            .map(p -> new AccessKey(p.username(), p.password(), serverOrigin(request.accessKeyServerId())))
                    : fromEnvironment(List.of(request.accessKeyEnv()), problems)
                            .map(p -> new AccessKey(p.username(), p.password(), p.origin()));
        }

        if (!problems.isEmpty()) {
            throw new TokenException("Missing credentials for provider " + providerName + ". Looked at:\n  - "
                    + String.join("\n  - ", problems) + "\n" + advice(request));
        }
        return new Credentials(client.orElseThrow(), accessKey);
    }

    private static String advice(CredentialRequest request) {
        String client = request.serverId() != null
                ? "Give server '" + request.serverId() + "' in settings.xml a <username> (client id) and a <password> (client secret)"
                : "Set one of the variable pairs above, or set <serverId> to a settings.xml server whose <username> is the "
                        + "client id and <password> the client secret";
        String key = !request.needsAccessKey() ? "" : request.accessKeyServerId() != null
                ? "; give server '" + request.accessKeyServerId() + "' the access key id as <username> and its secret as <password>"
                : "; for the access key set " + request.accessKeyEnv() + ", or set <accessKeyServerId>";
        return client + key + ".";
    }

    private static String serverOrigin(String serverId) {
        return "server '" + serverId + "' in settings.xml";
    }

    private record Found(String username, Secret password, String origin) {}

    private Optional<Found> fromServer(String serverId, String idName, String secretName, List<String> problems)
            throws TokenException {
        Optional<UsernamePassword> server = servers.find(serverId);
        if (server.isEmpty()) {
            problems.add("settings.xml server '" + serverId + "': no <server> with this id in " + servers.where()
                    + " (the plugin does not fall back to environment variables when a server id is given)");
            return Optional.empty();
        }
        UsernamePassword found = server.get();
        if (found.password() != null) {
            redactor.register(found.password());
        }
        boolean hasId = found.username() != null && !found.username().isBlank();
        boolean hasSecret = found.password() != null && !found.password().isEmpty();
        if (hasId && hasSecret) {
            return Optional.of(new Found(found.username().trim(), found.password(), serverOrigin(serverId)));
        }
        List<String> missing = new ArrayList<>();
        if (!hasId) {
            missing.add("<username> (the " + idName + ")");
        }
        if (!hasSecret) {
            missing.add("<password> (the " + secretName + ")");
        }
        problems.add("settings.xml server '" + serverId + "': has no " + String.join(" and no ", missing));
        return Optional.empty();
    }

    private Optional<Found> fromEnvironment(List<EnvPair> pairs, List<String> problems) {
        List<String> looked = new ArrayList<>();
        for (EnvPair pair : pairs) {
            String id = variable(pair.idVariable());
            String secret = variable(pair.secretVariable());
            if (secret != null) {
                redactor.register(Secret.of(secret));
            }
            if (id != null && secret != null) {
                return Optional.of(new Found(id, Secret.of(secret), "environment variables " + pair));
            }
            looked.add("environment variables " + pair.idVariable() + (id == null ? " (not set)" : " (set)") + " and "
                    + pair.secretVariable() + (secret == null ? " (not set)" : " (set)"));
        }
        problems.addAll(looked);
        return Optional.empty();
    }

    private String variable(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
