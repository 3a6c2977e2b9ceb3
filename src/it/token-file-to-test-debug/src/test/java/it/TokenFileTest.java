package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TokenFileTest {
    /** The README's helper: read the file for every request, so a refreshed token is always the one sent. */
    static String token() throws Exception {
        return Files.readString(Path.of(System.getProperty("api.token.file"))).trim();
    }

    @Test
    void theTestReadsTheTokenFromTheFileAndTheApiAcceptsIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty("api.url") + "/api/v2/tokens/me"))
                .header("Authorization", "Bearer " + token()).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
    }
}
