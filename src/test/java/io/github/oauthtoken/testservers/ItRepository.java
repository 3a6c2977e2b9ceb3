package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ITs' loopback Maven repository, started by {@link TestServersMain} beside the token servers when the build names
 * its port ({@code -Dit.repository.port=...}). It takes the tokens the Genesys simulator and the assertion-verifying
 * OAuth server would take now ({@code liveTokens}): what the core extension fetched from them for the build.
 */
final class ItRepository implements AutoCloseable {
    static final String PORT_PROPERTY = "it.repository.port";

    private final LoopbackMavenRepository repository;

    private ItRepository(LoopbackMavenRepository repository) {
        this.repository = repository;
    }

    /** The repository the system property asks for, or none (an instance that does nothing). */
    static ItRepository fromSystemProperties(Predicate<String> liveTokens) throws IOException {
        String port = System.getProperty(PORT_PROPERTY);
        return new ItRepository(port == null ? null : new LoopbackMavenRepository(Integer.parseInt(port), liveTokens));
    }

    List<String> describe() {
        return repository == null ? List.of() : List.of("[test-servers] loopback Maven repository (MODE/SPACE/...): "
                + repository.baseUrl());
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
    }
}
