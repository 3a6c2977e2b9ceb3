package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import org.eclipse.jetty.client.BasicAuthentication;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpProxy;
import org.eclipse.jetty.client.Origin;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The Jetty client of one {@link HttpTransport}, built and started when its first request is sent and stopped with
 * it: daemon threads named {@code oauth-token-http…}, the TLS context started on a thread of its own while the rest
 * is built, the proxies of the settings, no redirects followed, no content decoder but {@code identity}, and no
 * challenge handling that would hide an OAuth server's 401 body.
 */
final class JettyClient implements AutoCloseable {
    private static final String USER_AGENT = "oauth-token-maven-plugin";
    static final String THREAD_NAME = "oauth-token-http";

    private final HttpClient client;
    private final TlsContextStart tls;

    private JettyClient(HttpClient client, TlsContextStart tls) {
        this.client = client;
        this.tls = tls;
    }

    HttpClient client() {
        return client;
    }

    /**
     * @param call the request that needs the client, for the message when its start is interrupted
     */
    static JettyClient start(HttpSettings settings, ProxySelection proxies, BuildLog log, HttpCall call)
            throws TokenException {
        // Before Jetty's MemoryUtils initialises (with the first client's queues): it reads the hint only then.
        JettyCacheLineHint.apply();
        TlsContextStart tls = TlsContextStart.begin(settings.trust(), settings.clientCertificate(),
                THREAD_NAME + "-tls");
        ClientConnector connector = new ClientConnector();
        connector.setConnectTimeout(settings.connectTimeout());
        HttpClient created = new HttpClient(new HttpClientTransportOverHTTP(connector));
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName(THREAD_NAME);
        // Daemon threads: a client that was not closed (a bug, or a build killed mid-way) never holds the JVM.
        threads.setDaemon(true);
        // Reserved threads speed up servers that take many connections; a few sequential requests need none.
        threads.setReservedThreads(0);
        created.setExecutor(threads);
        // Jetty's own default scheduler (request timeouts) is not a daemon.
        created.setScheduler(new ScheduledExecutorScheduler(THREAD_NAME + "-scheduler", true));
        created.setFollowRedirects(false);
        created.setConnectTimeout(settings.connectTimeout().toMillis());
        created.setIdleTimeout(settings.timeout().toMillis());
        created.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
        created.getContentDecoderFactories().put(new IdentityEncoding());
        for (ProxyRoute route : settings.proxies()) {
            addProxy(created, proxies, route);
            log.debug("Proxy for " + route.targetScheme() + " URLs: "
                    + route.describe() + (route.username() == null ? "" : ", with authentication")
                    + (route.bypass().toString().isEmpty() ? "" : ", bypassed for " + route.bypass())
                    + (route.httpsFallback() ? ", also for https URLs that no https proxy serves" : ""));
        }
        try {
            connector.setSslContextFactory(tls.await());
            created.start();
            // OAuth servers answer a wrong client with 401 and often no WWW-Authenticate header; Jetty's
            // challenge handlers (installed by start()) would turn that into a protocol error and hide the
            // server's error body. The plugin authenticates preemptively, so 401 and 407 reach the caller as is.
            created.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
            created.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
            return new JettyClient(created, tls);
        } catch (TokenException e) {
            stopQuietly(created);
            tls.stop();
            throw e;
        } catch (Exception e) {
            // Jetty stops the parts it had started; stopping the whole client makes sure nothing is left.
            stopQuietly(created);
            tls.stop();
            if (e instanceof InterruptedException || HttpFailures.causeOf(e, InterruptedException.class).isPresent()) {
                // Jetty's start swallowed the interrupt it failed on; the build should still see it.
                Thread.currentThread().interrupt();
                throw new TokenException(call.subject() + " was interrupted while the HTTP client was starting.");
            }
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                    ? e.getCause() : e;
            throw new TokenException("The HTTP client could not start (" + settings.trust() + "): "
                    + cause.getMessage(), cause);
        }
    }

    private static void addProxy(HttpClient client, ProxySelection selection, ProxyRoute route) {
        HttpProxy proxy = new HttpProxy(new Origin.Address(route.host(), route.port()), false) {
            @Override
            public boolean matches(Origin origin) {
                // Replaces Jetty's include/exclude matching, and with it Jetty's rule that a proxy's own address
                // is not proxied; the selection keeps that rule, for every configured proxy.
                Origin.Address address = origin.getAddress();
                return selection.routeFor(origin.getScheme(), address.getHost(), address.getPort())
                        .orElse(null) == route;
            }
        };
        client.getProxyConfiguration().addProxy(proxy);
        if (route.username() != null) {
            // Preemptive, on the proxy's URI only: Jetty puts it on the CONNECT (or proxied) request, never on the
            // request the target server sees.
            client.getAuthenticationStore().addAuthenticationResult(new BasicAuthentication.BasicResult(
                    proxy.getURI(), HttpHeader.PROXY_AUTHORIZATION, route.username(),
                    route.password() == null ? "" : route.password().reveal()));
        }
    }

    private static void stopQuietly(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            // Nothing was lost: every response was already read. Threads are daemons and die with the JVM.
        }
    }

    @Override
    public void close() {
        stopQuietly(client);
        // Started before the client and handed to it ready, so the client does not stop it.
        tls.stop();
    }
}
