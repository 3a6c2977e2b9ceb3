package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshedTokenFileTest {
    /** The README's helper, on a content read once per request, so the refreshed token is always the one sent. */
    static String token(String fileContent) {
        return fileContent.trim();
    }

    @Test
    void everyCallSucceedsForLongerThanThreeTokenLifetimes() throws Exception {
        Path file = Path.of(System.getProperty("api.token.file"));
        long lifetime = Long.parseLong(System.getProperty("token.lifetime.seconds"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // The scenario, not an assertion: calls keep coming for more than three lifetimes of any one token.
        long end = System.nanoTime() + Duration.ofSeconds(3 * lifetime + 3).toNanos();
        Set<String> fingerprints = new LinkedHashSet<>();
        List<String> report = new ArrayList<>();
        int calls = 0;
        while (System.nanoTime() < end) {
            // One read per call: the refresher may replace the file between two reads, which is no fault.
            String raw = Files.readString(file);
            assertFalse(raw.isEmpty(), "the token file was empty at call " + calls);
            String token = token(raw);
            assertEquals(raw, token, "the token file holds more than a token at call " + calls);
            String fingerprint = fingerprint(token);
            HttpResponse<String> reply = client.send(HttpRequest.newBuilder(
                            URI.create(System.getProperty("api.url") + "/api/v2/tokens/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), "call " + calls + " with the token " + fingerprint + " was refused");
            fingerprints.add(fingerprint);
            calls++;
            Thread.sleep(100);
        }
        report.add("calls " + calls);
        fingerprints.forEach(f -> report.add("token " + f));
        Files.write(Path.of(System.getProperty("report.file")), report);
        assertTrue(fingerprints.size() >= 4, "three refreshes or more, but saw " + fingerprints);
    }

    /** As the plugin logs it: the first 8 hex digits of the token's SHA-256, never the token itself. */
    private static String fingerprint(String token) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 8);
    }
}
