package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.http.EndpointPolicy;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.http.Json;
import io.github.oauthtoken.core.text.ServerText;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reads server metadata documents (RFC 8414, OpenID Connect Discovery, CXone's tenant configuration). */
final class Discovery {
    private Discovery() {}

    /**
     * The document, or empty when the server answers with a 4xx status: it does not publish this one. Servers
     * differ in how they say so (404, or 405 from mock-oauth2-server for the RFC 8414 path), so any 4xx counts.
     */
    static Optional<Map<String, Object>> fetch(ProviderContext context, String purpose, URI uri) throws TokenException {
        HttpReply reply = context.http().send(HttpCall.get(purpose, uri).header("Accept", "application/json"));
        if (reply.status() >= 400 && reply.status() < 500) {
            context.log().debug(reply.call().subject() + " answered HTTP " + reply.status()
                    + "; taken as no document there.");
            return Optional.empty();
        }
        if (reply.status() != 200) {
            throw ProviderErrors.refused(reply, code -> Optional.empty());
        }
        return Optional.of(reply.jsonObject().orElseThrow(() -> new TokenException(reply.call().subject()
                + " did not return a JSON object (Content-Type '"
                + ServerText.neutralise(reply.contentType()) + "'); " + reply.excerpt() + ".")));
    }

    /** A URL member of a metadata document, checked like any configured URL. */
    static URI endpoint(Map<String, Object> metadata, String member, URI documentUri) throws TokenException {
        String value = Json.string(metadata, member).filter(s -> !s.isBlank()).orElseThrow(() -> new TokenException(
                "The metadata at " + EndpointPolicy.describe(documentUri) + " has no " + member + "."));
        return EndpointPolicy.require(value, member + " from " + EndpointPolicy.describe(documentUri));
    }

    /** Appends a path to an issuer URL, whether or not the issuer ends with '/'. */
    static URI append(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
