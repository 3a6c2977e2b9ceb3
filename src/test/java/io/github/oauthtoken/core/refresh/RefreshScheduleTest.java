package io.github.oauthtoken.core.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When the next token is due: before minValidity, with a fetch's timeout of lead, and never in a hot loop. */
class RefreshScheduleTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aLongLivedTokenIsReplacedOneTimeoutBeforeItFallsBelowMinValidity() {
        assertThat(RefreshSchedule.refreshAt(at(3600), T0, Duration.ofMinutes(5), Duration.ofSeconds(60)))
                .isEqualTo(at(3600 - 300 - 60));
    }

    @Test
    void aShortLivedTokenIsReplacedHalfwayToMinValidityWhenATimeoutOfLeadDoesNotFit() {
        assertThat(RefreshSchedule.refreshAt(at(6), T0, Duration.ofSeconds(2), Duration.ofSeconds(60)))
                .isEqualTo(at(2));
    }

    @Test
    void aTokenThatLivesNoLongerThanMinValidityIsReplacedHalfwayThroughItsLifeNotAtOnce() {
        assertThat(RefreshSchedule.noRoom(at(300), T0, Duration.ofSeconds(300))).isTrue();
        assertThat(RefreshSchedule.refreshAt(at(300), T0, Duration.ofSeconds(300), Duration.ofSeconds(60)))
                .isEqualTo(at(150));
        assertThat(RefreshSchedule.refreshAt(at(1), T0, Duration.ofSeconds(1), Duration.ofSeconds(60)))
                .as("never sooner than a second after the last token").isEqualTo(at(1));
    }

    @Test
    void theLaterTheFilesGotTheirTokenTheLessLeadIsLeft() {
        assertThat(RefreshSchedule.noRoom(at(3600), at(3000), Duration.ofMinutes(5))).isFalse();
        assertThat(RefreshSchedule.refreshAt(at(3600), at(3200), Duration.ofMinutes(5), Duration.ofSeconds(60)))
                .isEqualTo(at(3250));
        assertThat(RefreshSchedule.refreshAt(at(3600), at(3280), Duration.ofMinutes(5), Duration.ofSeconds(60)))
                .isEqualTo(at(3290));
    }
}
