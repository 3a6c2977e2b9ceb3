package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.SettableClock;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code minValidity}, through the entry the goals use, on a clock the test moves. Unset, it has two bars: a token
 * reused from a cache must have 5 minutes left, a token just issued must live 60 s; and a token that lived less than
 * the reuse bar when issued is reused while it has the acceptance bar left, since asking again would bring no longer
 * a token (Spring Authorization Server's 299-second tokens, GitHub's 5-minute identity tokens). Written, it is the
 * one bar for both.
 */
class MinValidityTest {
    private static final String SECRET = "validity-SECRET-31";
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    private final StubHttpServer server = new StubHttpServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final SettableClock clock = new SettableClock(START);
    private volatile long expiresIn = 3600;

    MinValidityTest() {
        server.on("/oauth/token", request -> StubHttpServer.Response.json(200, "{\"access_token\":\"validity-token-"
                + issued.incrementAndGet() + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MapParameters oauth2() {
        return MapParameters.of().with(Parameter.PROVIDER, "oauth2")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token").with(Parameter.RETRIES, 0);
    }

    private TestExecution module(int number) {
        return new TestExecution("it:module-" + number + ":1", finished).env("OAUTH_CLIENT_ID", "validity-client",
                "OAUTH_CLIENT_SECRET", SECRET);
    }

    private TokenLifecycle build() {
        return new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, clock);
    }

    @Test
    void unsetAcceptsANewFiveMinuteTokenAndAnInfoSaysHowLongItLivesAndWhereToLookForLongerBuilds()
            throws TokenException {
        expiresIn = 299;
        TestExecution module = module(1);

        build().fetch(oauth2(), module);

        assertThat(module.properties.getProperty("oauth.token")).isEqualTo("validity-token-1");
        assertThat(module.log.at("INFO")).anyMatch(line -> line.contains("299 s") && line.contains("<refreshTokenFile>")
                && line.contains("60 s"));
        assertThat(module.log.at("WARN")).isEmpty();
    }

    @Test
    void unsetSaysNothingOfATokenThatLivesFiveMinutesOrLonger() throws TokenException {
        expiresIn = 300;
        TestExecution module = module(1);

        build().fetch(oauth2(), module);

        assertThat(module.log.at("INFO")).noneMatch(line -> line.contains("<refreshTokenFile>"));
    }

    @Test
    void unsetRefusesANewTokenThatLivesLessThanSixtySecondsNamingBothNumbers() {
        expiresIn = 59;

        assertThatThrownBy(() -> build().fetch(oauth2(), module(1)))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("expires in 59 s (expires_in)")
                .hasMessageContaining("60 s")
                .message().doesNotContain("validity-token-1", SECRET);
        assertThat(issued).hasValue(1);
    }

    @Test
    void unsetReusesACachedHourLongTokenWhileFiveMinutesAreLeftThenFetchesANewOne() throws TokenException {
        TokenLifecycle build = build();
        build.fetch(oauth2(), module(1));
        clock.advance(Duration.ofSeconds(3300));
        TestExecution second = module(2);
        build.fetch(oauth2(), second);

        assertThat(issued).hasValue(1);
        assertThat(second.properties.getProperty("oauth.token.expiresIn")).isEqualTo("300");

        clock.advance(Duration.ofSeconds(1));
        TestExecution third = module(3);
        build.fetch(oauth2(), third);

        assertThat(issued).hasValue(2);
        assertThat(third.properties.getProperty("oauth.token")).isEqualTo("validity-token-2");
    }

    /**
     * A reactor of modules against Spring's default client: every module's reuse would find less than 5 minutes
     * left, and a new token would live no longer, so one token serves them while it has 60 s left.
     */
    @Test
    void unsetReusesATokenThatLivedLessThanFiveMinutesWhileItHasSixtySecondsLeft() throws TokenException {
        expiresIn = 299;
        TokenLifecycle build = build();
        build.fetch(oauth2(), module(1));
        clock.advance(Duration.ofSeconds(120));
        build.fetch(oauth2(), module(2));
        clock.advance(Duration.ofSeconds(119));
        TestExecution third = module(3);
        build.fetch(oauth2(), third);

        assertThat(issued).hasValue(1);
        assertThat(third.properties.getProperty("oauth.token.expiresIn")).isEqualTo("60");
        assertThat(third.log.at("INFO")).anyMatch(line -> line.startsWith("Reusing (this build)"));

        clock.advance(Duration.ofSeconds(1));
        TestExecution fourth = module(4);
        build.fetch(oauth2(), fourth);

        assertThat(issued).hasValue(2);
        assertThat(fourth.properties.getProperty("oauth.token")).isEqualTo("validity-token-2");
    }

    @Test
    void theFileCacheReusesByTheSameRules(@TempDir Path cache) throws TokenException {
        MapParameters cached = oauth2().with(Parameter.CACHE, "file").with(Parameter.CACHE_DIRECTORY, cache);
        expiresIn = 299;
        build().fetch(cached, module(1));
        clock.advance(Duration.ofSeconds(239));
        TestExecution laterBuild = module(1);
        build().fetch(cached, laterBuild);

        assertThat(issued).hasValue(1);
        assertThat(laterBuild.log.at("INFO")).anyMatch(line -> line.startsWith("Reusing (file cache)"));

        clock.advance(Duration.ofSeconds(1));
        build().fetch(cached, module(1));
        assertThat(issued).hasValue(2);

        // An hour-long token in the file with less than 5 minutes left is not reused.
        expiresIn = 3600;
        clock.advance(Duration.ofSeconds(300));
        build().fetch(cached, module(1));
        assertThat(issued).hasValue(3);
        clock.advance(Duration.ofSeconds(3301));
        build().fetch(cached, module(1));
        assertThat(issued).hasValue(4);
    }

    @Test
    void writtenItIsTheBarForANewTokenAndForReuseAlike() throws TokenException {
        MapParameters oneMinute = oauth2().with(Parameter.MIN_VALIDITY, "PT60S");
        expiresIn = 61;
        TokenLifecycle build = build();
        TestExecution first = module(1);
        build.fetch(oneMinute, first);
        // Written, the bar is the user's choice: no advice about it.
        assertThat(first.log.at("INFO")).noneMatch(line -> line.contains("<refreshTokenFile>"));
        clock.advance(Duration.ofSeconds(1));
        build.fetch(oneMinute, module(2));
        assertThat(issued).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        build.fetch(oneMinute, module(3));
        assertThat(issued).hasValue(2);

        MapParameters tenMinutes = oauth2().with(Parameter.MIN_VALIDITY, "PT10M").with(Parameter.SCOPE, "other");
        expiresIn = 599;
        assertThatThrownBy(() -> build().fetch(tenMinutes, module(4)))
                .hasMessageContaining("expires in 599 s (expires_in), less than <minValidity> of 600 s");
        expiresIn = 3600;
        TokenLifecycle hour = build();
        hour.fetch(tenMinutes, module(5));
        clock.advance(Duration.ofSeconds(3000));
        hour.fetch(tenMinutes, module(6));
        int before = issued.get();
        clock.advance(Duration.ofSeconds(1));
        hour.fetch(tenMinutes, module(7));
        assertThat(issued).hasValue(before + 1);
    }
}
