package io.github.oauthtoken.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Identifies tokens that are interchangeable: same provider, same server, same client, same requested scope and
 * audience (and for CXone the same access key, for a grant beyond client credentials or a CI identity token how it
 * was asked for and whom the identity token names). It never includes a secret, so it can name a cache file.
 *
 * <p>A class rather than a record: its hash, a SHA-256 that names the cache file and the session cache's slot, is
 * computed once, and no record's generated {@code equals}/{@code hashCode} runs, whose first use costs a cold JVM
 * about 12 ms on the path of every build (BENCHMARKS.md).
 */
public final class CacheKey {
    private final String provider;
    private final String endpoint;
    private final String clientId;
    private final String scope;
    private final String audience;
    private final String accessKeyId;
    private final String presentation;
    private final String hash;

    /**
     * @param presentation the grant and the identity token's issuer, subject and audience (never the token), or
     *                     null
     */
    public CacheKey(String provider, String endpoint, String clientId, String scope, String audience,
            String accessKeyId, String presentation) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.scope = scope;
        this.audience = audience;
        this.accessKeyId = accessKeyId;
        this.presentation = presentation;
        this.hash = hashOf(provider, endpoint, clientId, scope, audience, accessKeyId, presentation);
    }

    public CacheKey(String provider, String endpoint, String clientId, String scope, String audience,
            String accessKeyId) {
        this(provider, endpoint, clientId, scope, audience, accessKeyId, null);
    }

    /** SHA-256 over the parts, hex: the cache file name. */
    public String hash() {
        return hash;
    }

    private static String hashOf(String provider, String endpoint, String clientId, String scope, String audience,
            String accessKeyId, String presentation) {
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

    /** Two keys are equal when every part is; the hash covers every part, so it decides. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CacheKey that && hash.equals(that.hash);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    /** For messages: the parts that tell the user which token this is, no secret among them. */
    public String describe() {
        return provider + " token for client " + clientId + " at " + endpoint
                + (scope == null ? "" : " scope " + scope) + (audience == null ? "" : " audience " + audience)
                + (presentation == null ? "" : " (" + presentation + ")");
    }

    @Override
    public String toString() {
        return describe();
    }
}
