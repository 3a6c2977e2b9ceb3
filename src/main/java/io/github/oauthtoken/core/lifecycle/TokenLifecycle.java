package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.cache.SessionTokenCache;
import io.github.oauthtoken.core.cache.SharedTokens;
import io.github.oauthtoken.core.ci.Announcements;
import io.github.oauthtoken.core.ci.CiPublisher;
import io.github.oauthtoken.core.config.ExecutionPlan;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.config.ParameterView;
import io.github.oauthtoken.core.config.Parameters;
import io.github.oauthtoken.core.config.RequestParser;
import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.credentials.SecretlessResolver;
import io.github.oauthtoken.core.identity.IdentityClaims;
import io.github.oauthtoken.core.revocation.TokenRecord;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The whole life of the build's tokens, one instance per build, behind the three things the goals ask: {@link #fetch}
 * a token for an execution, {@link #revoke} it when the module is done, and {@link #endOfBuild}; and a fourth that
 * the build itself asks before any module runs, a {@link #buildToken} (a repository's credential). Each step is a
 * named part: the configuration's parser, the {@link TokenFetcher} (caches, then the provider), the {@link Publisher}
 * (mask, exports, token file, properties), the {@link ScopeVerification}, the {@link Refreshes} of token files and
 * the {@link Revocations}. This class holds the order between them and the {@code failOnError} policy.
 */
public final class TokenLifecycle {
    private final Redactor redactor;
    private final EndOfBuild endOfBuild;
    private final Clock clock;
    private final TokenFetcher fetcher;
    private final Publisher publisher;
    private final Revocations revocations;
    private final Refreshes refreshes;
    private final ScopeVerification scopes;
    /** Whom each CI identity token source names, learnt from its first token: later executions key caches with it. */
    private final Map<String, IdentityClaims> identities = new ConcurrentHashMap<>();

    /**
     * @param redactor   the build's one redactor: every secret any execution sees is masked in every line
     * @param endOfBuild whether, once asked, the build calls {@link #endOfBuild} when it is over
     */
    public TokenLifecycle(Redactor redactor, EndOfBuild endOfBuild, Clock clock) {
        this(redactor, endOfBuild, clock, SharedTokens.NONE);
    }

    /**
     * @param shared what the build's parts share: the goals read the tokens of the build's repository credentials
     *               there, and a {@link #buildToken} offers its tokens there
     */
    public TokenLifecycle(Redactor redactor, EndOfBuild endOfBuild, Clock clock, SharedTokens shared) {
        this.redactor = redactor;
        this.endOfBuild = endOfBuild;
        this.clock = clock;
        Announcements announcements = new Announcements();
        this.fetcher = new TokenFetcher(redactor, clock, shared);
        this.publisher = new Publisher(announcements, clock);
        this.revocations = new Revocations(fetcher, announcements, endOfBuild, clock);
        this.refreshes = new Refreshes(fetcher, publisher, revocations, redactor, clock);
        this.scopes = new ScopeVerification(fetcher, announcements);
    }

    public Redactor redactor() {
        return redactor;
    }

    /** The {@code fetch} goal: obtains the token and sets the project's properties. */
    public void fetch(ParameterView parameters, ExecutionContext context) throws TokenException {
        FirstFetchWarmUp.start();
        unlessFailOnErrorIsOff(parameters, context, "No token", RequestParser::parse, plan -> {
            fetch(plan, context);
            return null;
        });
    }

    /**
     * The {@code revoke} goal: this module is done with the token. Empties its properties and asks for the token to
     * be revoked: at the end of the build when the build can report it, else as soon as every module that uses it is
     * done with it or has finished.
     */
    public void revoke(ParameterView parameters, ExecutionContext context) throws TokenException {
        unlessFailOnErrorIsOff(parameters, context, "Nothing revoked", RequestParser::parse, plan -> {
            revoke(plan, context);
            return null;
        });
    }

    /**
     * A token that belongs to the build rather than to a module (a repository's credential, supplied before Maven
     * reads the project): read from the same parameters as the {@code fetch} goal's, with the same defaults, checks,
     * credentials, caches and masking, obtained now, and from then on renewed whenever a new connection asks for it
     * with less than {@code minValidity} left ({@link BuildToken#current}). It sets no property; it is revoked at the
     * end of the build where the provider allows it (a token the file cache shares only with {@code revokeShared}).
     * An offline build that no cache serves gets none, and says so: it reaches no repository anyway.
     *
     * @param owner who the token is for, in messages and as its user in the revocation ledger ({@code settings.xml
     *              server 'company'})
     * @return empty when {@code failOnError} is false and no token could be had (a warning says why), or offline
     */
    public Optional<BuildToken> buildToken(ParameterView parameters, BuildContext context, String owner)
            throws TokenException {
        return unlessFailOnErrorIsOff(parameters, context, "No token for " + owner, RequestParser::parseForBuild,
                plan -> {
                    CiPublisher ci = new CiPublisher(context.environment(), context.console(), context.log());
                    ci.check(plan.exports());
                    BuildToken token = new BuildToken(resolve(plan, context, ci, owner), owner, ci, context.log(),
                            fetcher, publisher, revocations, scopes, clock);
                    try {
                        token.current();
                    } catch (TokenException e) {
                        if (!plan.fetch().offline() || isConfigurationError(e)) {
                            throw e;
                        }
                        context.log().info("No token for " + owner + ": " + e.getMessage());
                        return null;
                    }
                    return token;
                });
    }

    /** Revokes every token the build asked to revoke and has not yet; the build calls it once, when it is over. */
    public void endOfBuild(BuildLog log) {
        refreshes.stopAll(log);
        revocations.endOfBuild(log);
    }

    @FunctionalInterface
    private interface Goal<T> {
        /** @return what the goal made, or null for nothing */
        T run(ExecutionPlan plan) throws TokenException;
    }

    @FunctionalInterface
    private interface Parse {
        ExecutionPlan parse(RequestParser parser, Parameters parameters) throws TokenException;
    }

    /**
     * {@code failOnError=false} turns failures to reach or satisfy the server into a warning, never a mistake in the
     * configuration, which would otherwise go unnoticed on every machine. The configuration is read, and every
     * mistake in it found, before any request; what it cannot read (a settings.xml password that does not decrypt)
     * is a failure like any other.
     */
    private <T> Optional<T> unlessFailOnErrorIsOff(ParameterView view, BuildContext context, String what,
            Parse parse, Goal<T> goal) throws TokenException {
        Parameters parameters = new Parameters(view);
        boolean failOnError = parameters.flag(Parameter.FAIL_ON_ERROR);
        try {
            return Optional.ofNullable(goal.run(parse.parse(new RequestParser(context, redactor), parameters)));
        } catch (TokenException e) {
            if (failOnError || isConfigurationError(e)) {
                throw e;
            }
            context.log().warn(what + " (failOnError is false, so the build goes on): " + e.getMessage());
            return Optional.empty();
        }
    }

    private void fetch(ExecutionPlan plan, ExecutionContext context) throws TokenException {
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
        ResolvedRequest request = resolve(plan, context, ci, context.projectId());
        CachedToken token = fetcher.obtain(plan.fetch(), request.credentials(), request.key(), context.log(),
                loaded -> publisher.mask(ci, loaded.result().token().value(), plan.exports(), context.log()));
        AccessToken accessToken = token.result().token();
        // A token masked by an execution with mask=false is masked here by the first one that asks.
        publisher.mask(ci, accessToken.value(), plan.exports(), context.log());
        // Recorded before the scope check, so that a token the build cannot use is still revoked at its end; one that
        // another part of the build obtained is that part's to revoke.
        if (token.source() != CachedToken.Source.SHARED_BY_BUILD) {
            TokenRecord<ResolvedRequest> record = revocations.record(request, accessToken, token.shared(),
                    context.projectId(), plan.tokenFile());
            if (context.revokeBound(plan.propertyPrefix())) {
                revocations.expect(record, plan.revokeShared());
            }
        }
        scopes.check(request, accessToken, context.log());
        publisher.show(request, token, ci, context);
        if (plan.refreshTokenFile()) {
            refreshes.keepFresh(request, accessToken, ci, context.log());
        }
        context.log().info(obtained(request, token, ""));
    }

    /** The line that says where a token came from, never the token. */
    static String obtained(ResolvedRequest request, CachedToken token, String forWhom) {
        String verb = switch (token.source()) {
            case FETCHED -> "Obtained";
            case FILE_CACHE -> "Reusing (file cache)";
            case THIS_BUILD -> "Reusing (this build)";
            case SHARED_BY_BUILD -> "Reusing (this build's repository credentials)";
        };
        AccessToken accessToken = token.result().token();
        return verb + " " + request.provider() + " token from " + token.result().tokenEndpoint().getHost() + forWhom
                + " (expires " + accessToken.expiresAt() + ", fingerprint " + accessToken.fingerprint() + ")";
    }

    private void revoke(ExecutionPlan plan, ExecutionContext context) throws TokenException {
        ResolvedRequest request = resolve(plan, context,
                new CiPublisher(context.environment(), context.console(), context.log()), context.projectId());
        Properties properties = context.projectProperties();
        // Read before the release empties it.
        String shown = properties.getProperty(plan.propertyPrefix() + ".fingerprint");
        publisher.release(request, context.projectId(), properties);
        Optional<TokenRecord<ResolvedRequest>> used = revocations.usedBy(request, shown, context);
        if (used.isPresent()) {
            refreshes.stopIfUnused(request.holderKey(), context.log());
            revocations.release(request, used.get(), context);
        }
    }

    /**
     * The plan's credentials, found once per execution; identity tokens and assertions are masked as they come.
     *
     * @param user the module, or whom a token of the build is for
     */
    private ResolvedRequest resolve(ExecutionPlan plan, BuildContext context, CiPublisher ci, String user)
            throws TokenException {
        Credentials credentials;
        if (SecretlessResolver.applies(plan.fetch().credentials())) {
            // Identity tokens and client assertions are secrets like the token: masked before anything could print
            // them, and redacted from every line of the build.
            Consumer<Secret> issued = secret -> {
                redactor.register(secret);
                publisher.mask(ci, secret, plan.exports(), context.log());
            };
            credentials = new SecretlessResolver(context.servers(), context.environment(), redactor,
                    plan.fetch().http(), context.log(), clock, issued, identities)
                    .resolve(plan.fetch().provider().id(), plan.fetch().credentials());
        } else {
            credentials = new CredentialResolver(context.servers(), context.environment(), redactor)
                    .resolve(plan.fetch().provider().id(), plan.fetch().credentials());
        }
        return new ResolvedRequest(plan, credentials, user);
    }

    private static boolean isConfigurationError(TokenException e) {
        return e instanceof ConfigurationException
                || e instanceof SessionTokenCache.SharedFailure shared
                        && shared.original() instanceof ConfigurationException;
    }
}
