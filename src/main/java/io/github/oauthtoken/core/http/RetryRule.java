package io.github.oauthtoken.core.http;

/**
 * Which answers are worth another attempt. The statuses every server means as "try again later" are the standard
 * rule; a provider whose server also signals rate limiting in its own way adds to it (Genesys Cloud's 400
 * {@code invalid_request} "rate limit"), so that the transport knows no provider by name.
 */
@FunctionalInterface
public interface RetryRule {
    /** @return why the answer is worth another attempt, for the retry's warning; null when it is final */
    String retryReason(HttpReply reply);

    /** HTTP 408, 429, 500, 502, 503 and 504, as Google's and AWS's clients and curl {@code --retry} retry them. */
    RetryRule STANDARD = reply -> switch (reply.status()) {
        case 408, 429, 500, 502, 503, 504 -> "HTTP " + reply.status();
        default -> null;
    };

    /** This rule, then {@code other} for an answer this one takes as final. */
    default RetryRule orElse(RetryRule other) {
        return reply -> {
            String reason = retryReason(reply);
            return reason != null ? reason : other.retryReason(reply);
        };
    }
}
