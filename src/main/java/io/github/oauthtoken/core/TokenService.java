package io.github.oauthtoken.core;

import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.cache.FileTokenCache;
import io.github.oauthtoken.core.cache.SessionTokenCache;
import io.github.oauthtoken.core.ci.Announcements;
import io.github.oauthtoken.core.ci.CiExports;
import io.github.oauthtoken.core.ci.CiPublisher;
import io.github.oauthtoken.core.config.ExecutionPlan;
import io.github.oauthtoken.core.config.RequestParser;
import io.github.oauthtoken.core.config.TokenParameters;
import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.provider.TokenResult;
import io.github.oauthtoken.core.refresh.TokenFileRefresher;
import io.github.oauthtoken.core.refresh.TokenHolder;
import io.github.oauthtoken.core.refresh.TokenHolders;
import io.github.oauthtoken.core.credentials.SecretlessResolver;
import io.github.oauthtoken.core.identity.IdentityClaims;
import io.github.oauthtoken.core.revocation.RevocationLedger;
import io.github.oauthtoken.core.revocation.TokenRecord;
import io.github.oauthtoken.core.scope.GrantedScopes;
import io.github.oauthtoken.core.scope.ScopeAnswers;
import io.github.oauthtoken.core.scope.ScopeCheck;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The whole life of the build's tokens, one instance per build: parse an execution's parameters, find the
 * credentials, take the token from a cache or the provider, mask it in CI before anything can print it, export it,
 * write the token file, set the properties, and revoke every token the build asked to revoke exactly once, after
 * the last module that uses it is done with it. The goals only hand it their parameters and the build's context.
 */
public final class TokenService {
    private final Redactor redactor;
    private final EndOfBuild endOfBuild;
    private final Clock clock;
    private final SessionTokenCache tokens = new SessionTokenCache();
    private final Announcements announcements = new Announcements();
    private final RevocationLedger ledger = new RevocationLedger();
    private final ScopeAnswers scopeAnswers = new ScopeAnswers();
    private final TokenHolders holders = new TokenHolders();
    /** One refresher per token (per module with cache=none), however many executions keep a file of it valid. */
    private final Map<String, TokenFileRefresher> refreshers = new ConcurrentHashMap<>();
    /**
     * One file cache per directory for the build, so that a directory that cannot be used is reported once, not once
     * per module. It logs to the log of the execution that first used it, which every module's output shares.
     */
    private final Map<Path, FileTokenCache> fileCaches = new ConcurrentHashMap<>();
    /** Whom each CI identity token source names, learnt from its first token: later executions key caches with it. */
    private final Map<String, IdentityClaims> identities = new ConcurrentHashMap<>();

    /**
     * @param redactor            the build's one redactor: every secret any execution sees is masked in every line
     * @param endOfBuild whether, once asked, the build calls {@link #endOfBuild} when it is over
     */
    public TokenService(Redactor redactor, EndOfBuild endOfBuild, Clock clock) {
        this.redactor = redactor;
        this.endOfBuild = endOfBuild;
        this.clock = clock;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** The {@code fetch} goal: obtains the token and sets the project's properties. */
    public void fetch(TokenParameters parameters, ExecutionContext context) throws TokenException {
        FirstFetchWarmUp.start();
        unlessFailOnErrorIsOff(parameters, context, "No token",
                () -> fetch(new RequestParser(context, redactor).parse(parameters), context));
    }

    @FunctionalInterface
    private interface Goal {
        void run() throws TokenException;
    }

    /** {@code failOnError=false} turns failures to reach or satisfy the server into a warning, never a mistake in
     *  the configuration, which would otherwise go unnoticed on every machine. */
    private static void unlessFailOnErrorIsOff(TokenParameters parameters, ExecutionContext context, String what,
            Goal goal) throws TokenException {
        try {
            goal.run();
        } catch (TokenException e) {
            if (parameters.failOnError() || isConfigurationError(e)) {
                throw e;
            }
            context.log().warn(what + " (failOnError is false, so the build goes on): " + e.getMessage());
        }
    }

    private void fetch(ExecutionPlan plan, ExecutionContext context) throws TokenException {
        FetchRequest request = plan.fetch();
        if (plan.refreshTokenFile() && !endOfBuild.arrange()) {
            // Without the end of the build nothing would stop the refresher, which would go on fetching tokens in a
            // Maven daemon or an embedder long after its build.
            throw new ConfigurationException("<refreshTokenFile> needs to learn when the build ends, so that the "
                    + "refresher stops with the build (also in a Maven daemon or an embedder that keeps the JVM) and "
                    + "the tokens it fetched are revoked, but this build does not report its end to the plugin (the "
                    + "goal runs outside a Maven build's lifecycle). Run the goal in a Maven build, or remove "
                    + "<refreshTokenFile>.");
        }
        CiPublisher ci = new CiPublisher(context.environment(), context.console(), context.log());
        ci.check(plan.exports());
        Credentials credentials = credentials(plan, context, ci);
        TokenFetcher fetcher = new TokenFetcher(redactor, context.log(), clock);
        CachedToken token = fetcher.obtain(request, credentials, tokens, fileCache(plan, context.log()),
                loaded -> mask(ci, loaded.result().token().value(), plan.exports(), context.log()));
        AccessToken accessToken = token.result().token();
        String fingerprint = accessToken.fingerprint();
        // A token masked by an execution with mask=false is masked here by the first one that asks.
        mask(ci, accessToken.value(), plan.exports(), context.log());
        // Recorded before the scope check, so that a token the build cannot use is still revoked at its end.
        TokenRecord record = ledger.use(TokenFetcher.keyOf(request, credentials), request, credentials, accessToken,
                token.shared(), context.projectId(), plan.exports().tokenFile());
        if (context.revokeBound(plan.propertyPrefix())) {
            ledger.expect(record, plan.revokeShared());
            endOfBuild.arrange();
        }
        checkScopes(plan, credentials, accessToken, context.log());
        if (announcements.first("export " + fingerprint + " " + plan.exports().exportNames())) {
            ci.export(request.provider().id(), token.result(), plan.exports());
        }
        if (plan.exports().tokenFile() != null) {
            CiPublisher.writeTokenFile(plan.exports().tokenFile(), accessToken.value());
        }
        Map<String, String> properties = TokenProperties.of(plan.propertyPrefix(), token, clock.instant(),
                plan.exports().tokenFile());
        if (!plan.tokenAsProperty()) {
            properties.remove(plan.propertyPrefix());
        } else if (context.debugLogging() && announcements.first("debug warning " + plan.propertyPrefix())) {
            context.log().warn("Maven runs with -X, and at debug level other plugins print every project property "
                    + "(maven-resources-plugin, for one), so ${" + plan.propertyPrefix() + "} holds the token in "
                    + "this log. Set <tokenAsProperty>false</tokenAsProperty> and give tests <tokenFile> (its path "
                    + "is ${" + plan.propertyPrefix() + ".file}) to keep the token out of -X logs.");
        }
        properties.forEach(context.projectProperties()::setProperty);
        CacheKey key = TokenFetcher.keyOf(request, credentials);
        String holderKey = holderKey(request, key, context.projectId());
        holders.register(holderKey, new TokenHolder(context.projectId(), plan.propertyPrefix(),
                context.projectProperties(), plan.tokenAsProperty(), plan.exports().tokenFile()));
        if (plan.refreshTokenFile()) {
            keepFresh(plan, credentials, key, holderKey, accessToken, ci, context.log());
        }
        String verb = switch (token.source()) {
            case FETCHED -> "Obtained";
            case FILE_CACHE -> "Reusing (file cache)";
            case THIS_BUILD -> "Reusing (this build)";
        };
        context.log().info(verb + " " + request.provider().id() + " token from "
                + token.result().tokenEndpoint().getHost() + " (expires " + accessToken.expiresAt() + ", fingerprint "
                + fingerprint + ")");
    }

    /**
     * Which executions show the same token: with a shared cache every module that fetched it, with
     * {@code cache=none} only the module's own executions, each of which has a token of its own.
     */
    private static String holderKey(FetchRequest request, CacheKey key, String projectId) {
        return request.cache() == CacheMode.NONE ? key.hash() + " " + projectId : key.hash();
    }

    /** {@code refreshTokenFile}: the token's refresher keeps this execution's file valid too. */
    private void keepFresh(ExecutionPlan plan, Credentials credentials, CacheKey key, String holderKey,
            AccessToken token, CiPublisher ci, BuildLog log) {
        FetchRequest request = plan.fetch();
        Path file = plan.exports().tokenFile().toAbsolutePath().normalize();
        if (request.offline()) {
            log.warn("Maven runs offline (-o), so the token file " + file + " is not refreshed; its token expires at "
                    + token.expiresAt() + ".");
            return;
        }
        refreshers.compute(holderKey, (k, running) -> {
            if (running != null && running.add(file, token, request.minValidity())) {
                return running;
            }
            return TokenFileRefresher.start(request.provider().id(),
                    () -> new TokenFetcher(redactor, log, clock).fetch(request, credentials),
                    (fresh, files, replaced) -> publishRefreshed(request, credentials, key, holderKey, ci,
                            plan.exports(), log, fresh, files, replaced),
                    log, clock, request.http().retry(), request.http().timeout(), request.minValidity(), token, file);
        });
    }

    /**
     * A refreshed token reaches the build as a fetched one does: masked before anything else, recorded for
     * revocation, handed out by the session cache, written to the files, and set on every execution that shows the
     * token, so that plugins configured after the refresh see it.
     */
    private void publishRefreshed(FetchRequest request, Credentials credentials, CacheKey key, String holderKey,
            CiPublisher ci, CiExports exports, BuildLog log, TokenResult fresh, List<Path> files, String replaced) {
        AccessToken token = fresh.token();
        redactor.register(token.value());
        mask(ci, token.value(), exports, log);
        CachedToken cached = new CachedToken(fresh, false, request.settings().verify(), CachedToken.Source.FETCHED);
        Optional<TokenRecord> previous = ledger.find(replaced);
        List<TokenHolder> current = holders.of(holderKey);
        if (current.isEmpty()) {
            // A refresh that was under way when the last module released the token: nobody uses it, but the server
            // issued it, so it is recorded to be revoked with the one it replaces, and written nowhere.
            previous.ifPresent(old -> old.users().forEach(user -> {
                TokenRecord record = ledger.use(key, request, credentials, token, false, user, null);
                if (old.requested()) {
                    ledger.expect(record, old.revokeShared());
                }
            }));
            log.debug("A refreshed " + request.provider().id() + " token (fingerprint " + token.fingerprint()
                    + ") arrived after no module used the token any more; it is only kept to be revoked.");
            return;
        }
        for (TokenHolder holder : current) {
            Path file = holder.tokenFile() != null && files.contains(holder.tokenFile().toAbsolutePath().normalize())
                    ? holder.tokenFile() : null;
            TokenRecord record = ledger.use(key, request, credentials, token, false, holder.projectId(), file);
            // Revoked when the one it replaces would have been: the build asked for that token, not for a value.
            if (previous.isPresent() && previous.get().requested()) {
                ledger.expect(record, previous.get().revokeShared());
            }
        }
        if (request.cache() != CacheMode.NONE) {
            tokens.offer(key, cached);
        }
        for (Path file : files) {
            try {
                CiPublisher.writeTokenFile(file, token.value());
            } catch (TokenException e) {
                // The file keeps the previous token, whole: OwnerOnlyFile replaces it or leaves it as it was.
                log.warn(e.getMessage() + " It keeps the previous token (fingerprint " + replaced + ").");
            }
        }
        Instant now = clock.instant();
        // The executions that show the token now: one whose revoke ran meanwhile keeps its properties empty.
        holders.forEach(holderKey, holder -> {
            Map<String, String> properties = TokenProperties.of(holder.prefix(), cached, now, holder.tokenFile());
            if (!holder.tokenAsProperty()) {
                properties.remove(holder.prefix());
            }
            properties.forEach(holder.properties()::setProperty);
        });
        log.info("Refreshed the " + request.provider().id() + " token in " + String.join(", ",
                files.stream().map(Path::toString).toList()) + " (expires " + token.expiresAt() + ", fingerprint "
                + token.fingerprint() + ", replacing " + replaced + ").");
    }

    /** Stops the refresher of a token no module shows any more. */
    private void stopRefresherIfUnused(String holderKey, BuildLog log) {
        if (holders.of(holderKey).isEmpty()) {
            TokenFileRefresher refresher = refreshers.remove(holderKey);
            if (refresher != null) {
                refresher.stop(log);
            }
        }
    }

    /**
     * {@code requiredScopes}: fails when the token lacks one, names the scopes and where to grant them; warns, and
     * checks nothing, when no source says what the token grants.
     */
    private void checkScopes(ExecutionPlan plan, Credentials credentials, AccessToken token, BuildLog log)
            throws TokenException {
        List<String> required = plan.requiredScopes();
        if (required.isEmpty()) {
            return;
        }
        FetchRequest request = plan.fetch();
        GrantedScopes granted = scopeAnswers.granted(token, () -> request.offline()
                ? GrantedScopes.unknown("Maven runs offline (-o), so the server was not asked")
                : new TokenFetcher(redactor, log, clock).grantedScopes(request, credentials, token));
        if (!granted.known()) {
            if (announcements.first("scopes unknown " + token.fingerprint() + " " + required)) {
                log.warn(ScopeCheck.cannotCheck(required, granted, request.provider()));
            }
            return;
        }
        List<String> missing = ScopeCheck.missing(required, granted, request.provider());
        if (!missing.isEmpty()) {
            throw ScopeCheck.missingScopes(missing, granted, request.provider(), credentials.client().clientId(),
                    request.settings().scope());
        }
        log.info("The " + request.provider().id() + " token grants the required scopes " + String.join(", ", required)
                + " (according to " + granted.source() + ").");
    }

    private void mask(CiPublisher ci, Secret token, CiExports exports, BuildLog log) {
        if (exports.mask() && announcements.first("mask " + Fingerprint.of(token.reveal()))
                && !ci.mask(token, exports) && announcements.first("mask unavailable")) {
            log.warn(ci.maskUnavailable());
        }
    }

    /**
     * The {@code revoke} goal: this module is done with the token. Empties its properties and asks for the token
     * to be revoked: at the end of the build when the build says it will call {@link #endOfBuild}, else as soon as
     * every module that uses it is done with it or has finished.
     */
    public void revoke(TokenParameters parameters, ExecutionContext context) throws TokenException {
        unlessFailOnErrorIsOff(parameters, context, "Nothing revoked",
                () -> revoke(new RequestParser(context, redactor).parse(parameters), context));
    }

    private void revoke(ExecutionPlan plan, ExecutionContext context) throws TokenException {
        FetchRequest request = plan.fetch();
        Credentials credentials = credentials(plan, context,
                new CiPublisher(context.environment(), context.console(), context.log()));
        CacheKey key = TokenFetcher.keyOf(request, credentials);
        Properties properties = context.projectProperties();
        Optional<TokenRecord> own = ledger.find(properties.getProperty(plan.propertyPrefix() + ".fingerprint"));
        String holderKey = holderKey(request, key, context.projectId());
        holders.release(holderKey, context.projectId(), plan.propertyPrefix(),
                () -> TokenProperties.empty(plan.propertyPrefix(), properties));
        Optional<TokenRecord> known = own.or(() -> tokens.peek(key).flatMap(t -> ledger.find(
                t.result().token().fingerprint())));
        if (known.isEmpty()) {
            // Not from this build: a token an earlier build left in the file cache, for a last pipeline step.
            Optional<CachedToken> fromFile = fileCache(plan, context.log()).flatMap(files -> files
                    .read(key, Duration.ZERO, clock.instant())
                    .map(result -> new CachedToken(result, true, false, CachedToken.Source.FILE_CACHE)));
            known = fromFile.map(t -> ledger.use(key, request, credentials, t.result().token(), true,
                    context.projectId(), plan.exports().tokenFile()));
        }
        if (known.isEmpty()) {
            deleteTokenFiles(List.of(plan.exports().tokenFile()), context.log());
            context.log().info("No " + request.provider().id() + " token to revoke in this build.");
            return;
        }
        stopRefresherIfUnused(holderKey, context.log());
        ledger.request(key, context.projectId(), request.cache() == CacheMode.NONE, plan.revokeShared());
        if (request.cache() != CacheMode.NONE && endOfBuild.arrange()) {
            context.log().info("The " + request.provider().id() + " token (fingerprint " + known.get().fingerprint()
                    + ") is revoked at the end of the build, once no module uses it any more.");
            return;
        }
        for (TokenRecord due : ledger.due(context::isFinished)) {
            revoke(due, context.log());
        }
        TokenRecord mine = known.get();
        List<String> stillUsing = RevocationLedger.stillUsing(mine, context::isFinished);
        if (!mine.claimed() && !stillUsing.isEmpty() && announcements.first("deferred " + mine.fingerprint())) {
            context.log().warn("Not revoking the " + request.provider().id() + " token (fingerprint "
                    + mine.fingerprint() + ") yet: " + String.join(", ", stillUsing)
                    + " still use it. The revoke of the last of them revokes it; if "
                    + "none runs one, it stays valid until " + mine.token().expiresAt() + ". This build does not "
                    + "report its end to the plugin, which would revoke it then.");
        }
    }

    /** Revokes every token the build asked to revoke and has not yet; the build calls it once, when it is over. */
    public void endOfBuild(BuildLog log) {
        // First, so that no refresher writes a file or fetches a token once revocation has begun.
        for (String holderKey : List.copyOf(refreshers.keySet())) {
            TokenFileRefresher refresher = refreshers.remove(holderKey);
            if (refresher != null) {
                refresher.stop(log);
            }
        }
        for (TokenRecord record : ledger.outstanding()) {
            revoke(record, log);
        }
    }

    private void revoke(TokenRecord record, BuildLog log) {
        FetchRequest request = record.request();
        AccessToken token = record.token();
        String what = "The " + request.provider().id() + " token (fingerprint " + token.fingerprint() + ")";
        deleteTokenFiles(List.copyOf(record.tokenFiles()), log);
        if (record.shared() && !record.revokeShared()) {
            // Left unclaimed: a later revoke with revokeShared may still revoke it.
            if (announcements.first("kept shared " + token.fingerprint())) {
                log.info(what + " is not revoked: the file cache shares it with other builds on this machine. Set "
                        + "<revokeShared>true</revokeShared> to revoke it anyway.");
            }
            return;
        }
        if (!record.claim()) {
            return;
        }
        if (request.offline()) {
            log.warn(what + " is not revoked because Maven runs offline (-o); it stays valid until "
                    + token.expiresAt() + ".");
            return;
        }
        if (!token.expiresAt().isAfter(clock.instant())) {
            // A refreshed token file leaves superseded tokens behind, most of them expired by the end of the build.
            log.debug(what + " expired at " + token.expiresAt() + "; there is nothing to revoke.");
            return;
        }
        tokens.remove(record.key(), token.fingerprint());
        if (record.shared()) {
            fileCacheFor(request, log).ifPresent(files -> files.delete(record.key()));
        }
        try {
            if (new TokenFetcher(redactor, log, clock).revoke(request, record.credentials(), token)) {
                log.info("Revoked the " + request.provider().id() + " token (fingerprint " + token.fingerprint()
                        + ").");
            }
        } catch (TokenException e) {
            log.warn(what + " could not be revoked; it stays valid until " + token.expiresAt() + ". "
                    + e.getMessage());
        }
    }

    private Credentials credentials(ExecutionPlan plan, ExecutionContext context, CiPublisher ci)
            throws TokenException {
        FetchRequest request = plan.fetch();
        if (SecretlessResolver.applies(request.credentials())) {
            // Identity tokens and client assertions are secrets like the token: masked before anything could print
            // them, and redacted from every line of the build.
            Consumer<Secret> issued = secret -> {
                redactor.register(secret);
                mask(ci, secret, plan.exports(), context.log());
            };
            return new SecretlessResolver(context.servers(), context.environment(), redactor, request.http(),
                    context.log(), clock, issued, identities).resolve(request.provider().id(), request.credentials());
        }
        return new CredentialResolver(context.servers(), context.environment(), redactor)
                .resolve(request.provider().id(), request.credentials());
    }

    private Optional<FileTokenCache> fileCache(ExecutionPlan plan, BuildLog log) {
        return plan.fetch().cache() == CacheMode.FILE ? fileCacheFor(plan.fetch(), log) : Optional.empty();
    }

    private Optional<FileTokenCache> fileCacheFor(FetchRequest request, BuildLog log) {
        return Optional.of(fileCaches.computeIfAbsent(request.cacheDirectory().toAbsolutePath().normalize(),
                directory -> new FileTokenCache(directory, redactor, log)));
    }

    private static void deleteTokenFiles(List<Path> files, BuildLog log) {
        for (Path file : files) {
            if (file == null) {
                continue;
            }
            try {
                if (Files.deleteIfExists(file)) {
                    log.info("Deleted the token file " + file + ".");
                }
            } catch (IOException e) {
                log.warn("The token file " + file + " could not be deleted: " + e.getMessage());
            }
        }
    }

    private static boolean isConfigurationError(TokenException e) {
        return e instanceof ConfigurationException
                || e instanceof SessionTokenCache.SharedFailure shared && shared.original() instanceof ConfigurationException;
    }

}
