package io.github.oauthtoken.testservers;

import static io.github.oauthtoken.testservers.SimulatorClient.basic;
import static io.github.oauthtoken.testservers.SimulatorClient.postForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import io.github.oauthtoken.core.token.Fingerprint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loopback Maven repository of the ITs serves and accepts artifacts only with a live token of the token servers
 * (here the Genesys simulator), in the form its mode asks for, answers everything else as a repository manager does
 * (401 with a Basic challenge), and records what each request carried without keeping the token.
 */
class LoopbackMavenRepositoryTest {
    private static final String SECRET = "repo-test-secret-3Kd8";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;
    private GenesysSimulator genesys;
    private LoopbackMavenRepository repository;

    @BeforeEach
    void start() throws Exception {
        genesys = new GenesysSimulator(0, temp.resolve("journal.txt"), Map.of(
                "repo-client", new GenesysSimulator.Client(SECRET, true, 86399),
                "expired-client", new GenesysSimulator.Client(SECRET, true, 0)));
        repository = new LoopbackMavenRepository(0, genesys::accepts);
    }

    @AfterEach
    void stop() {
        repository.close();
        genesys.close();
    }

    private String token(String client) throws Exception {
        return (String) postForm(genesys.baseUrl() + "/oauth/token", basic(client, SECRET),
                "application/x-www-form-urlencoded", "grant_type=client_credentials").json().get("access_token");
    }

    /** {@code /MODE/SPACE/} and a file of the space's own artifacts. */
    private static String url(String mode, String space, String file) {
        return url(mode, space, space, file);
    }

    /** {@code /MODE/SPACE/} and a file of another space's artifacts. */
    private static String url(String mode, String space, String artifactsOf, String file) {
        return "/" + mode + "/" + space + "/" + RepositoryArtifacts.path(artifactsOf, file);
    }

    /** The status of a GET of the space's parent POM. */
    private int parentStatus(String mode, String space, String authorization) throws Exception {
        return send("GET", url(mode, space, RepositoryArtifacts.PARENT), authorization, null).statusCode();
    }

    private static String basicPassword(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(String method, String path, String authorization, byte[] body) throws Exception {
        return send(method, path, authorization, body, null);
    }

    private HttpResponse<byte[]> send(String method, String path, String authorization, byte[] body, String marker)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(repository.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (marker != null) {
            request.header(LoopbackMavenRepository.MARKER, marker);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private List<Map<String, Object>> recorded(String space) throws Exception {
        HttpResponse<byte[]> reply = send("GET", LoopbackMavenRepository.REQUESTS + "?space=" + space, null, null);
        assertThat(reply.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) (List<?>) JSON.std.listFrom(reply.body());
        return list;
    }

    @Test
    void withoutACredentialEveryRequestGets401WithABasicChallenge() throws Exception {
        for (String method : List.of("GET", "HEAD", "PUT")) {
            HttpResponse<byte[]> reply = send(method, url("basic", "s1", RepositoryArtifacts.PARENT), null,
                    method.equals("PUT") ? new byte[] {1} : null);
            assertThat(reply.statusCode()).as(method).isEqualTo(401);
            assertThat(reply.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Basic realm=\"" + LoopbackMavenRepository.REALM + "\"");
        }
        assertThat(repository.deployed("s1")).isEmpty();
        assertThat(recorded("s1")).extracting(r -> r.get("scheme")).containsOnly("none");
    }

    @Test
    void aLiveTokenAsTheBasicPasswordGetsTheParentPomTheDependencyAndTheirChecksums() throws Exception {
        String auth = basicPassword("anyone", token("repo-client"));

        HttpResponse<byte[]> parent = send("GET", url("basic", "s2", RepositoryArtifacts.PARENT), auth, null);
        assertThat(parent.statusCode()).isEqualTo(200);
        assertThat(new String(parent.body(), StandardCharsets.UTF_8)).contains("<artifactId>repo-parent</artifactId>")
                .contains(RepositoryArtifacts.PARENT_MARKER);
        for (String suffix : List.of(RepositoryArtifacts.PARENT, RepositoryArtifacts.LIB_POM,
                RepositoryArtifacts.LIB_JAR)) {
            String file = RepositoryArtifacts.path("s2", suffix);
            byte[] content = send("GET", "/basic/s2/" + file, auth, null).body();
            for (Map.Entry<String, String> checksum : RepositoryArtifacts.CHECKSUMS.entrySet()) {
                HttpResponse<byte[]> reply = send("GET", "/basic/s2/" + file + checksum.getKey(), auth, null);
                assertThat(reply.statusCode()).isEqualTo(200);
                assertThat(new String(reply.body(), StandardCharsets.US_ASCII))
                        .isEqualTo(RepositoryArtifacts.hex(checksum.getValue(), content));
            }
        }
        HttpResponse<byte[]> jar = send("GET", url("basic", "s2", RepositoryArtifacts.LIB_JAR), auth, null);
        assertThat(jar.headers().firstValue("Content-Type")).hasValue("application/java-archive");
        assertThat(send("HEAD", url("basic", "s2", RepositoryArtifacts.LIB_JAR), auth, null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/basic/s2/it/repo/nothing/1/nothing-1.pom", auth, null).statusCode()).isEqualTo(404);
        assertThat(new String(parent.body(), StandardCharsets.UTF_8)).as("the space's own group")
                .contains("<groupId>it.repo.s2</groupId>");
        assertThat(send("GET", url("basic", "s2", "s3", RepositoryArtifacts.PARENT), auth, null)
                .statusCode()).as("another space's group").isEqualTo(404);
        assertThat(send("GET", "/basic/s.2/" + RepositoryArtifacts.path("s2", RepositoryArtifacts.PARENT), auth, null)
                .statusCode()).as("not a group id segment").isEqualTo(404);
    }

    @Test
    void tokensTheServersDoNotAcceptAreRefused() throws Exception {
        String expired = token("expired-client");
        String revoked = token("repo-client");
        URI tokensMe = URI.create(genesys.baseUrl() + "/api/v2/tokens/me");
        HttpResponse<String> delete = CLIENT.send(HttpRequest.newBuilder(tokensMe)
                .header("Authorization", "Bearer " + revoked).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(204);

        for (String token : List.of("never-issued", expired, revoked, "")) {
            assertThat(parentStatus("any", "s3", basicPassword("u", token)))
                    .as("Basic").isEqualTo(401);
            assertThat(parentStatus("any", "s3", "Bearer " + token))
                    .as("Bearer").isEqualTo(401);
        }
        assertThat(parentStatus("any", "s3", "Digest username=\"u\""))
                .isEqualTo(401);
        assertThat(parentStatus("any", "s3", "Basic %%%")).isEqualTo(401);
    }

    @Test
    void eachModeTakesOnlyItsOwnFormOfTheToken() throws Exception {
        String token = token("repo-client");
        String bearer = "Bearer " + token;

        assertThat(parentStatus("bearer", "s4", bearer)).isEqualTo(200);
        assertThat(parentStatus("bearer", "s4", basicPassword("u", token)))
                .isEqualTo(401);
        assertThat(parentStatus("basic", "s4", bearer)).isEqualTo(401);
        assertThat(send("GET", url("basic-as-oauth2accesstoken", "s4", RepositoryArtifacts.PARENT),
                basicPassword("oauth2accesstoken", token), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", url("basic-as-oauth2accesstoken", "s4", RepositoryArtifacts.PARENT),
                basicPassword("someone-else", token), null).statusCode()).isEqualTo(401);
        assertThat(parentStatus("any", "s4", bearer)).isEqualTo(200);
        assertThat(parentStatus("any", "s4", basicPassword("u", token)))
                .isEqualTo(200);
    }

    @Test
    void aDeployIsKeptInItsOwnSpaceAndServedBack() throws Exception {
        String auth = basicPassword("deployer", token("repo-client"));
        byte[] pom = "<project/>".getBytes(StandardCharsets.UTF_8);

        assertThat(send("PUT", "/basic/s5/it/x/1/x-1.pom", null, pom).statusCode()).isEqualTo(401);
        assertThat(repository.deployed("s5")).isEmpty();
        assertThat(send("PUT", "/basic/s5/it/x/1/x-1.pom", auth, pom).statusCode()).isEqualTo(201);

        assertThat(repository.deployed("s5")).containsOnlyKeys("it/x/1/x-1.pom");
        assertThat(send("GET", "/basic/s5/it/x/1/x-1.pom", auth, null).body()).isEqualTo(pom);
        assertThat(send("GET", "/basic/other/it/x/1/x-1.pom", auth, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/basic/s5/it/x/1/x-1.pom", auth, null).statusCode()).isEqualTo(405);
    }

    @Test
    void theRecordTellsWhatEachRequestCarriedWithoutTheToken() throws Exception {
        String token = token("repo-client");
        send("GET", url("basic", "s6", RepositoryArtifacts.PARENT), null, null);
        send("GET", url("basic", "s6", RepositoryArtifacts.PARENT), basicPassword("ci", token), null);
        send("PUT", "/bearer/s6/it/x/1/x-1.pom", "Bearer " + token, new byte[] {1}, "team-ci");
        send("GET", url("basic", "s7", RepositoryArtifacts.PARENT), basicPassword("ci", "not-live"), null);

        List<Map<String, Object>> s6 = recorded("s6");
        assertThat(s6).hasSize(3);
        assertThat(s6.get(0)).containsEntry("scheme", "none").containsEntry("status", 401).containsEntry("live", false);
        assertThat(s6.get(1)).containsEntry("method", "GET")
                .containsEntry("path", RepositoryArtifacts.path("s6", RepositoryArtifacts.PARENT))
                .containsEntry("mode", "basic").containsEntry("scheme", "basic").containsEntry("username", "ci")
                .containsEntry("live", true).containsEntry("status", 200)
                .containsEntry("fingerprint", Fingerprint.of(token));
        assertThat(s6.get(1)).doesNotContainKey("marker");
        assertThat(s6.get(2)).containsEntry("method", "PUT").containsEntry("scheme", "bearer")
                .containsEntry("status", 201).containsEntry("fingerprint", Fingerprint.of(token))
                .containsEntry("marker", "team-ci");
        assertThat(recorded("s7")).singleElement().satisfies(r -> assertThat(r).containsEntry("live", false)
                .containsEntry("status", 401));
        String raw = new String(send("GET", LoopbackMavenRepository.REQUESTS + "?space=s6", null, null).body(),
                StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(token);
    }
}
