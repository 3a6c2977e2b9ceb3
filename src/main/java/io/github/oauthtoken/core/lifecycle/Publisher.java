package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.ci.Announcements;
import io.github.oauthtoken.core.ci.CiExports;
import io.github.oauthtoken.core.ci.CiPublisher;
import io.github.oauthtoken.core.config.ExecutionPlan;
import io.github.oauthtoken.core.publish.TokenFile;
import io.github.oauthtoken.core.publish.TokenHolder;
import io.github.oauthtoken.core.publish.TokenHolders;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.Fingerprint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

/**
 * Shows a token to the build, in the order that keeps it from leaking: masked in the CI log first, then exported to
 * later CI steps, written to the token files, and set as the properties of every execution that shows it. A token
 * just fetched and a refreshed one take the same path; the refresh reaches every execution that shows the token.
 */
final class Publisher {
    private final Announcements announcements;
    private final Clock clock;
    private final TokenHolders holders = new TokenHolders();

    Publisher(Announcements announcements, Clock clock) {
        this.announcements = announcements;
        this.clock = clock;
    }

    /** Masks a token (or identity token, or assertion) in the CI log, once per build; before anything can print it. */
    void mask(CiPublisher ci, Secret secret, CiExports exports, BuildLog log) {
        if (exports.mask() && announcements.first("mask " + Fingerprint.of(secret.reveal()))
                && !ci.mask(secret, exports) && announcements.first("mask unavailable")) {
            log.warn(ci.maskUnavailable());
        }
    }

    /** A fetched token to the execution: its exports (once per build and names), its token file, its properties. */
    void show(ResolvedRequest request, CachedToken token, CiPublisher ci, ExecutionContext context)
            throws TokenException {
        handOver(request, token, ci);
        ExecutionPlan plan = request.plan();
        if (plan.tokenAsProperty() && context.debugLogging()
                && announcements.first("debug warning " + plan.propertyPrefix())) {
            context.log().warn("Maven runs with -X, and at debug level other plugins print every project property "
                    + "(maven-resources-plugin, for one), so ${" + plan.propertyPrefix() + "} holds the token in "
                    + "this log. Set <tokenAsProperty>false</tokenAsProperty> and give tests <tokenFile> (its path "
                    + "is ${" + plan.propertyPrefix() + ".file}) to keep the token out of -X logs.");
        }
        TokenHolder holder = new TokenHolder(context.projectId(), plan.propertyPrefix(), context.projectProperties(),
                plan.tokenAsProperty(), plan.tokenFile());
        holder.show(token, clock.instant());
        holders.register(request.holderKey(), holder);
    }

    /**
     * A token to what lies outside any project: its exports to later CI steps (once per build and names) and its
     * token file. All a token of the build, which no module shows, is shown to.
     */
    void handOver(ResolvedRequest request, CachedToken token, CiPublisher ci) throws TokenException {
        ExecutionPlan plan = request.plan();
        if (announcements.first("export " + token.result().token().fingerprint() + " "
                + plan.exports().exportNames())) {
            ci.export(request.provider(), token.result(), plan.exports());
        }
        if (plan.tokenFile() != null) {
            plan.tokenFile().write(token.result().token().value());
        }
    }

    /**
     * A refreshed token to its files and to every execution that shows the token now; an execution whose revoke ran
     * meanwhile keeps its properties empty. A file that cannot be written keeps its previous token, whole.
     */
    void showRefreshed(String holderKey, CachedToken token, List<TokenFile> files, String replaced, BuildLog log) {
        for (TokenFile file : files) {
            try {
                file.write(token.result().token().value());
            } catch (TokenException e) {
                log.warn(e.getMessage() + " It keeps the previous token (fingerprint " + replaced + ").");
            }
        }
        Instant now = clock.instant();
        holders.forEach(holderKey, holder -> holder.show(token, now));
    }

    /** The executions that show the token now. */
    List<TokenHolder> holders(String holderKey) {
        return holders.of(holderKey);
    }

    /** The module's {@code revoke}: its properties no longer show the token. */
    void release(ResolvedRequest request, String projectId, Properties properties) {
        holders.release(request.holderKey(), projectId, request.plan().propertyPrefix(), properties);
    }
}
