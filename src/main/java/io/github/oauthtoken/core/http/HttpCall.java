package io.github.oauthtoken.core.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request the plugin makes.
 *
 * @param purpose what the request is for, in words, for messages ("token request", "discovery"...)
 */
public record HttpCall(String purpose, String method, URI uri, Map<String, String> headers, String contentType, String body) {

    public static HttpCall get(String purpose, URI uri) {
        return new HttpCall(purpose, "GET", uri, new LinkedHashMap<>(), null, null);
    }

    public static HttpCall postForm(String purpose, URI uri, FormBody form) {
        return new HttpCall(purpose, "POST", uri, new LinkedHashMap<>(), FormBody.CONTENT_TYPE, form.encode());
    }

    public HttpCall header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpCall(purpose, method, uri, copy, contentType, body);
    }

    public HttpCall withMethod(String newMethod) {
        return new HttpCall(purpose, newMethod, uri, headers, contentType, body);
    }

    /** How messages start: "Token request (POST https://host/path)". */
    public String subject() {
        return (purpose.isEmpty() ? "" : Character.toUpperCase(purpose.charAt(0)) + purpose.substring(1)) + " ("
                + describe() + ")";
    }

    /** Method and URL without query, for messages. */
    public String describe() {
        return method + " " + EndpointPolicy.describe(uri);
    }
}
