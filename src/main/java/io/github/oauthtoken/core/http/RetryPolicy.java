package io.github.oauthtoken.core.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How transient failures are retried: at most {@code retries} more attempts, waiting as the server asks
 * ({@code Retry-After}) or else an exponential backoff with full jitter (a random wait between zero and
 * {@code backoffBase * 2^(attempt-1)}, capped at {@code backoffCap}), which spreads the retries of many CI jobs
 * that failed together instead of sending them back in step.
 *
 * @param maxRetryWait a {@code Retry-After} longer than this fails at once rather than stalling the build
 */
public record RetryPolicy(int retries, Duration maxRetryWait, Duration backoffBase, Duration backoffCap) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(20));
    }


    /** @param retry 1 for the first retry */
    public Duration backoff(int retry) {
        long ceiling = Math.min(backoffCap.toMillis(), backoffBase.toMillis() << Math.min(retry - 1, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
