package io.github.oauthtoken.core.http;

import org.eclipse.jetty.client.ContentDecoder;
import org.eclipse.jetty.io.Content;

/**
 * The only content coding the client accepts: {@code identity}, that is none (RFC 9110 section 12.5.3). Token
 * responses are a few hundred bytes, so compression saves nothing, and a client with no decoder registered has Jetty
 * look up every compression library through {@link java.util.ServiceLoader} and initialise gzip at start, about 13 ms
 * of every fetch in a cold JVM (BENCHMARKS.md), to decompress bytes an untrusted server chose. With this one decoder
 * Jetty sends {@code Accept-Encoding: identity}; a server that compresses anyway is refused by name
 * ({@link HttpTransport}).
 */
final class IdentityEncoding extends ContentDecoder.Factory {
    IdentityEncoding() {
        super("identity");
    }

    @Override
    public Content.Source newDecoderContentSource(Content.Source source) {
        return source;
    }
}
