package io.github.oauthtoken.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Identifies tokens that are interchangeable: same provider, same server, same client, same requested scope and
 * audience (and for CXone the same access key, for a grant beyond client credentials or a CI identity token how it
 * was asked for and whom the identity token names). It never includes a secret, so it can name a cache file.
 *
 * @param presentation the grant and the identity token's issuer, subject and audience (never the token), or null
 */
public record CacheKey(String provider, String endpoint, String clientId, String scope, String audience,
        String accessKeyId, String presentation) {

    public CacheKey(String provider, String endpoint, String clientId, String scope, String audience, String accessKeyId) {
        this(provider, endpoint, clientId, scope, audience, accessKeyId, null);
    }

    /** SHA-256 over the parts, hex: the cache file name. */
    public String hash() {
        // A key without a presentation hashes as before, so existing cache files stay valid.
        Stream<String> parts = presentation == null
                ? Stream.of(provider, endpoint, clientId, scope, audience, accessKeyId)
                : Stream.of(provider, endpoint, clientId, scope, audience, accessKeyId, presentation);
        String joined = parts
                .map(part -> Objects.toString(part, "").replace("\\", "\\\\").replace("\n", "\\n"))
                .collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /*
     * equals and hashCode written out: a record's generated ones bootstrap a tree of method handles on first use,
     * about 12 ms in a cold JVM, and the session cache hashes a key in every build (BENCHMARKS.md).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey that && Objects.equals(provider, that.provider)
                && Objects.equals(endpoint, that.endpoint) && Objects.equals(clientId, that.clientId)
                && Objects.equals(scope, that.scope) && Objects.equals(audience, that.audience)
                && Objects.equals(accessKeyId, that.accessKeyId) && Objects.equals(presentation, that.presentation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, endpoint, clientId, scope, audience, accessKeyId, presentation);
    }

    /** For messages: the parts that tell the user which token this is, no secret among them. */
    public String describe() {
        return provider + " token for client " + clientId + " at " + endpoint
                + (scope == null ? "" : " scope " + scope) + (audience == null ? "" : " audience " + audience)
                + (presentation == null ? "" : " (" + presentation + ")");
    }
}
