package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.TokenException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Starts a transport's TLS context on a thread of its own while the build thread builds the rest of Jetty's client.
 * In a cold JVM the two take about as long each (the JDK's TLS provider and the trust store on one side, Jetty's
 * client classes on the other; BENCHMARKS.md), so on a machine with a second core a fetch waits for the longer of
 * the two instead of their sum. The thread is a daemon named like every other thread of the transport, and ends
 * once the context is started.
 */
final class TlsContextStart {
    private final CompletableFuture<SslContextFactory.Client> started = new CompletableFuture<>();

    private TlsContextStart() {}

    /** @param certificate the client certificate to present when the server asks for one, or null */
    static TlsContextStart begin(TrustSettings trust, ClientCertificate certificate, String threadName) {
        TlsContextStart start = new TlsContextStart();
        // A thread of its own rather than a shared pool: it inherits the build thread's context class loader (the
        // plugin's realm, in which Jetty looks up its services), and nothing of it outlives the start.
        Thread thread = new Thread(() -> {
            try {
                start.started.complete(started(trust, certificate));
            } catch (Throwable e) {
                start.started.completeExceptionally(e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    private static SslContextFactory.Client started(TrustSettings trust, ClientCertificate certificate)
            throws Exception {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        // Host name verification; there is deliberately no option to turn it (or certificate checks) off.
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        if (trust.trustStore() != null) {
            // Opened here, so that a store that cannot be used fails before any request, with its own message.
            tls.setTrustStore(TrustStoreFile.open(trust));
        }
        if (certificate != null) {
            certificate.configure(tls);
        }
        tls.start();
        return tls;
    }

    /**
     * The started context.
     *
     * @throws TokenException           the trust store cannot be used (a {@link io.github.oauthtoken.core.ConfigurationException})
     * @throws ExecutionException       the context did not start; the cause says why
     * @throws InterruptedException     the build thread was interrupted while waiting
     */
    SslContextFactory.Client await() throws TokenException, ExecutionException, InterruptedException {
        try {
            return started.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TokenException tokenException) {
                throw tokenException;
            }
            throw e;
        }
    }

    /** Stops the context once it has started, whether or not anyone took it; waits for nobody. */
    void stop() {
        started.thenAccept(tls -> {
            try {
                tls.stop();
            } catch (Exception e) {
                // Nothing to release but memory: a TLS context holds no thread and no socket.
            }
        });
    }
}
