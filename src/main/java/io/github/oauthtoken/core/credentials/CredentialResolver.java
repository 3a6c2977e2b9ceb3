package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.Variables;
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
                : fromEnvironment(request.clientEnv(), true, problems)
                        .map(p -> new ClientCredentials(p.username(), p.password(), p.origin()));

        Optional<AccessKey> accessKey = Optional.empty();
        if (request.needsAccessKey()) {
            accessKey = request.accessKeyServerId() != null
                    ? fromServer(request.accessKeyServerId(), "access key id", "access key secret", problems)
                            .map(p -> new AccessKey(p.username(), p.password(), serverOrigin(request.accessKeyServerId())))
                    : fromEnvironment(List.of(request.accessKeyEnv()), true, problems)
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

    /**
     * The client's id for a client without a stored secret: from the settings.xml server's {@code <username>} or
     * the client id variables, looked up as for a client with a secret but without reading the secret beside it.
     *
     * @param looked where it looked without finding it, for the caller's message
     */
    Optional<Found> clientIdOnly(CredentialRequest request, List<String> looked) throws TokenException {
        return request.serverId() != null
                ? fromServer(request.serverId(), "client id", null, looked)
                : fromEnvironment(request.clientEnv(), false, looked);
    }

    /**
     * What a lookup found.
     *
     * @param secret null when only the id was asked for
     */
    record Found(String username, Secret password, String origin) {}

    /** @param secretName what the password is, or null to read only the username */
    private Optional<Found> fromServer(String serverId, String idName, String secretName, List<String> problems)
            throws TokenException {
        boolean withSecret = secretName != null;
        Optional<UsernamePassword> server = servers.find(serverId);
        if (server.isEmpty()) {
            problems.add("settings.xml server '" + serverId + "': no <server> with this id in " + servers.where()
                    + (withSecret ? " (the plugin does not fall back to environment variables when a server id is "
                            + "given)" : ""));
            return Optional.empty();
        }
        UsernamePassword found = server.get();
        boolean hasId = found.username() != null && !found.username().isBlank();
        if (!withSecret) {
            if (hasId) {
                return Optional.of(new Found(found.username().trim(), null, "the <username> of server '" + serverId
                        + "' in settings.xml"));
            }
            problems.add("settings.xml server '" + serverId + "': has no <username>");
            return Optional.empty();
        }
        if (found.password() != null) {
            redactor.register(found.password());
        }
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

    /** @param withSecret false to read only the id variables */
    private Optional<Found> fromEnvironment(List<EnvPair> pairs, boolean withSecret, List<String> problems) {
        List<String> looked = new ArrayList<>();
        for (EnvPair pair : pairs) {
            String id = Variables.read(environment, pair.idVariable());
            if (!withSecret) {
                if (id != null) {
                    return Optional.of(new Found(id, null, "environment variable " + pair.idVariable()));
                }
                looked.add("environment variable " + pair.idVariable() + " (not set)");
                continue;
            }
            String secret = Variables.read(environment, pair.secretVariable());
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
}
