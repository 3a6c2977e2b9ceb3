package io.github.oauthtoken.core.refresh;

import java.time.Duration;
import java.time.Instant;

/**
 * When a token file gets its next token. The file must hold a new one before the current token falls below
 * {@code minValidity}, and the fetch that gets it may take up to its {@code timeout}; so the refresh starts that long
 * before, or halfway there when the token is too short-lived for a whole {@code timeout} of lead.
 */
public final class RefreshSchedule {
    /** Less room than this before {@code minValidity} leaves no time to fetch; see {@link #noRoom}. */
    static final Duration MIN_WINDOW = Duration.ofSeconds(1);

    private RefreshSchedule() {}

    /**
     * @param validUntil  when the token the files hold expires (the earliest, when they hold more than one)
     * @param since       when the files got it
     * @param minValidity the least validity a reader may find
     * @param timeout     the deadline of one fetch, retries included
     */
    public static Instant refreshAt(Instant validUntil, Instant since, Duration minValidity, Duration timeout) {
        Instant deadline = validUntil.minus(minValidity);
        Duration window = Duration.between(since, deadline);
        if (noRoom(validUntil, since, minValidity)) {
            // Tokens that live hardly longer than minValidity: refreshing "before minValidity" would mean at once,
            // and again at once for the next token. Halfway through the token's life keeps the file valid without that.
            Duration half = Duration.between(since, validUntil).dividedBy(2);
            return since.plus(half.compareTo(MIN_WINDOW) < 0 ? MIN_WINDOW : half);
        }
        Duration lead = timeout.compareTo(window.dividedBy(2)) < 0 ? timeout : window.dividedBy(2);
        return deadline.minus(lead);
    }

    /** The token's life leaves less than {@link #MIN_WINDOW} before it falls below {@code minValidity}. */
    public static boolean noRoom(Instant validUntil, Instant since, Duration minValidity) {
        return Duration.between(since, validUntil.minus(minValidity)).compareTo(MIN_WINDOW) < 0;
    }
}
