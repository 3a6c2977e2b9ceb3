package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ITs' loopback Maven repository, started by {@link TestServersMain} beside the token servers when the build names
 * its port ({@code -Dit.repository.port=...}). It takes the tokens the Genesys simulator and the assertion-verifying
 * OAuth server would take ({@code liveTokens}).
 *
 * <p>PROTOTYPE (issue 21, first phase): until the extension fetches tokens through the core, the ITs hand it a live
 * token in a file, {@value #PROTOTYPE_TOKEN_FILE} beside the ready file: a real token of the Genesys simulator
 * (client {@value #PROTOTYPE_CLIENT}), issued at start and listed in the journal of issued tokens like any other, so
 * that every IT's search of its log covers it.
 */
final class ItRepository implements AutoCloseable {
    static final String PORT_PROPERTY = "it.repository.port";
    static final String PROTOTYPE_TOKEN_FILE = "repo-token.txt";
    static final String PROTOTYPE_CLIENT = "it-repo-client";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private final LoopbackMavenRepository repository;

    private ItRepository(LoopbackMavenRepository repository) {
        this.repository = repository;
    }

    /** The repository the system property asks for, or none (an instance that does nothing). */
    static ItRepository fromSystemProperties(Path dir, String genesysUrl, Predicate<String> liveTokens)
            throws IOException, InterruptedException {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            return new ItRepository(null);
        }
        LoopbackMavenRepository repository = new LoopbackMavenRepository(Integer.parseInt(port), liveTokens);
        try {
            TestServersMain.writeAtomically(dir.resolve(PROTOTYPE_TOKEN_FILE), prototypeToken(genesysUrl) + "\n");
        } catch (IOException | InterruptedException | RuntimeException e) {
            repository.close();
            throw e;
        }
        return new ItRepository(repository);
    }

    /** A token of {@link #PROTOTYPE_CLIENT}, asked for as any client asks Genesys. */
    private static String prototypeToken(String genesysUrl) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((PROTOTYPE_CLIENT + ":" + TestServersMain.GENESYS_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> reply = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build().send(
                HttpRequest.newBuilder(URI.create(genesysUrl + "/oauth/token")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(reply.body());
        if (reply.statusCode() != 200 || !token.find()) {
            throw new IOException("the Genesys simulator gave no token to " + PROTOTYPE_CLIENT + " (HTTP "
                    + reply.statusCode() + ")");
        }
        return token.group(1);
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
