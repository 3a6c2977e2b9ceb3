package io.github.oauthtoken.core.token;

import io.github.oauthtoken.core.TokenException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code minValidity}: how long a token must still be valid, for the two things it decides. Whether a token from a
 * cache (this build's, or the file cache) is reused, and when a refreshed token file needs its next token; and
 * whether a token the server has just issued is accepted.
 *
 * <p>Written by the user, it is one bar for both, as the user asked. Unset, the bars differ: a cached token must
 * have {@code reuse} left (5 minutes), while a new token is accepted when it lives {@code accept} (60 s), since
 * failing a token the server has just issued gains nothing (asking again brings the same lifetime). For the same
 * reason a token that lived less than {@code reuse} when it was issued (Spring Authorization Server's 299 s, GitHub's
 * 5-minute identity tokens) is reused while it has {@code accept} left: else every module of a reactor would find
 * it short and ask again, for a token that lives no longer, and a build would send a token request per module.
 *
 * <p>A final class rather than a record: it is asked on every cache hit, where a record's generated methods would
 * cost a cold JVM their first use.
 */
public final class MinValidity {
    private final Duration reuse;
    private final Duration accept;
    private final boolean written;

    private MinValidity(Duration reuse, Duration accept, boolean written) {
        this.reuse = reuse;
        this.accept = accept;
        this.written = written;
    }

    /** {@code minValidity} as the user wrote it: the bar for reuse and for a new token alike. */
    public static MinValidity written(Duration bar) {
        return new MinValidity(bar, bar, true);
    }

    /**
     * {@code minValidity} unset.
     *
     * @param reuse  what a cached token must have left (unless it lived less than this when issued)
     * @param accept what a new token must live, and what a token that lived less than {@code reuse} must have left
     */
    public static MinValidity unset(Duration reuse, Duration accept) {
        return new MinValidity(reuse, accept, false);
    }

    /** The least validity a token must have left to be reused, or to stay in a refreshed token file. */
    public Duration toReuse(AccessToken token) {
        return toReuse(token.expiresIn());
    }

    /** @param lifetimeSeconds how long the token lived when it was issued ({@code expires_in}) */
    public Duration toReuse(long lifetimeSeconds) {
        return !written && lifetimeSeconds < reuse.toSeconds() ? accept : reuse;
    }

    /** Whether a cached token may be used at {@code now}. */
    public boolean reusable(AccessToken token, Instant now) {
        return !token.expiresAt().isBefore(now.plus(toReuse(token)));
    }

    /**
     * Accepts a token the server has just issued, or fails naming its lifetime and the bar.
     *
     * @param provider the provider's name, for the message
     */
    public void accept(String provider, AccessToken token) throws TokenException {
        if (token.expiresIn() >= accept.toSeconds()) {
            return;
        }
        String lifetime = "The " + provider + " token expires in " + token.expiresIn() + " s ("
                + token.expiresInSource() + "), less than ";
        if (written) {
            throw new TokenException(lifetime + "<minValidity> of " + accept.toSeconds() + " s. Lower <minValidity>, or "
                    + "raise the token lifetime of the OAuth client on the server.");
        }
        throw new TokenException(lifetime + "the " + accept.toSeconds() + " s a new token must live (<minValidity> is "
                + "unset: " + accept.toSeconds() + " s for a new token, " + reuse.toSeconds() + " s left for one "
                + "reused from a cache). Raise the token lifetime of the OAuth client on the server, or set "
                + "<minValidity> to what the build needs.");
    }

    /**
     * What to tell the user about a new token that lives less than a cached one must have left; empty when it lives
     * long enough, or when the user chose the bar.
     */
    public Optional<String> shortLifetimeNote(String provider, AccessToken token) {
        if (written || token.expiresIn() >= reuse.toSeconds()) {
            return Optional.empty();
        }
        return Optional.of("The " + provider + " token lives " + token.expiresIn() + " s (" + token.expiresInSource()
                + "), less than the " + reuse.toSeconds() + " s a token from a cache must have left, so this build "
                + "reuses it while it has " + accept.toSeconds() + " s left (a new token would live no longer). A build "
                + "that needs a valid token for longer can have the plugin keep a token file valid with "
                + "<refreshTokenFile> (README: Builds longer than the token lifetime).");
    }

    /** For messages: the least validity a reused token needs, as the user configured it or not. */
    public String describe() {
        return written ? "<minValidity> of " + reuse.toSeconds() + " s"
                : reuse.toSeconds() + " s left, or " + accept.toSeconds() + " s for a token that lived less than "
                        + reuse.toSeconds() + " s (<minValidity> unset)";
    }

    /** For messages about one token: the least validity it must have left, and why. */
    public String describe(long lifetimeSeconds) {
        Duration bar = toReuse(lifetimeSeconds);
        return bar.toSeconds() + " s (" + (written ? "<minValidity>" : bar.equals(reuse)
                ? "<minValidity> unset" : "<minValidity> unset, for a token that lives less than "
                        + reuse.toSeconds() + " s") + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
