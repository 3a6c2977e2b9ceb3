package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.secret.Secret;
import org.apache.maven.settings.Server;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Makes a token the credential of one settings.xml server, in the form every Maven's repository session reads when
 * it is built from the request's servers:
 * <ul>
 *   <li>{@link SendAs#BASIC}: the server's password (Maven builds the resolver's {@code Authentication} from
 *       {@code <username>} and {@code <password>}, for every transport: wagon-http on 3.6/3.8, the native/Apache
 *       transport on 3.9, 3.10 and 4);</li>
 *   <li>{@link SendAs#BEARER}: an {@code Authorization} property in the server's {@code <httpHeaders>}, which
 *       wagon-http reads from the server's configuration and Maven 3.9 and later also copy into the resolver's
 *       {@code aether.(connector|transport).http.headers.<id>}.</li>
 * </ul>
 * In both cases the {@code <oauthToken>} element leaves the configuration: wagon configures itself from every child
 * of it (an unknown one is a warning on each connection) and nothing else needs it.
 *
 * <p>The configuration is replaced, never changed in place: on Maven 4 {@code Server} wraps an immutable model and
 * only its setters reach the model the repository session is built from.
 */
final class ServerCredentials {
    static final String HTTP_HEADERS = "httpHeaders";
    static final String PROPERTY = "property";
    static final String NAME = "name";
    static final String VALUE = "value";
    static final String AUTHORIZATION = "Authorization";

    private ServerCredentials() {}

    static void apply(Server server, SendAs sendAs, Secret token) {
        Xpp3Dom configuration = copyWithout((Xpp3Dom) server.getConfiguration(), OAuthTokenElement.NAME);
        if (sendAs == SendAs.BEARER) {
            configuration = withHeader(configuration, AUTHORIZATION, "Bearer " + token.reveal());
        } else {
            server.setPassword(token.reveal());
        }
        server.setConfiguration(configuration.getChildCount() == 0 ? null : configuration);
    }

    /** Only {@code <oauthToken>} leaves: the rest of the configuration (timeouts, other headers) stays as written. */
    static void removeTokenElement(Server server) {
        Xpp3Dom configuration = copyWithout((Xpp3Dom) server.getConfiguration(), OAuthTokenElement.NAME);
        server.setConfiguration(configuration.getChildCount() == 0 ? null : configuration);
    }

    /**
     * Takes the {@code Authorization} header out of the server's {@code <httpHeaders>} again, once the repository
     * session holds it: the session copied the server's configuration when Maven built it (wagon's configuration and
     * Maven 3.9's header setting), and the transporter factory sends later tokens, while the settings every goal sees
     * would still hold the token (help:effective-settings prints a server's configuration, headers included).
     */
    static void removeTokenHeader(Server server) {
        if (!(server.getConfiguration() instanceof Xpp3Dom configuration)) {
            return;
        }
        Xpp3Dom existing = configuration.getChild(HTTP_HEADERS);
        if (existing == null) {
            return;
        }
        Xpp3Dom result = copyWithout(configuration, HTTP_HEADERS);
        Xpp3Dom headers = copyHeadersWithout(existing, AUTHORIZATION);
        if (headers.getChildCount() > 0) {
            result.addChild(headers);
        }
        server.setConfiguration(result.getChildCount() == 0 ? null : result);
    }

    private static Xpp3Dom copyWithout(Xpp3Dom configuration, String name) {
        Xpp3Dom copy = new Xpp3Dom(configuration.getName());
        for (Xpp3Dom child : configuration.getChildren()) {
            if (!name.equals(child.getName())) {
                copy.addChild(new Xpp3Dom(child));
            }
        }
        return copy;
    }

    /** The header among the server's {@code <httpHeaders>}, replacing one of the same name (any case). */
    private static Xpp3Dom withHeader(Xpp3Dom configuration, String header, String value) {
        Xpp3Dom result = copyWithout(configuration, HTTP_HEADERS);
        Xpp3Dom existing = configuration.getChild(HTTP_HEADERS);
        Xpp3Dom headers = existing == null ? new Xpp3Dom(HTTP_HEADERS) : copyHeadersWithout(existing, header);
        Xpp3Dom property = new Xpp3Dom(PROPERTY);
        property.addChild(text(NAME, header));
        property.addChild(text(VALUE, value));
        headers.addChild(property);
        result.addChild(headers);
        return result;
    }

    /** The {@code <httpHeaders>} without the properties of one header (any case). */
    private static Xpp3Dom copyHeadersWithout(Xpp3Dom headers, String header) {
        Xpp3Dom copy = new Xpp3Dom(HTTP_HEADERS);
        for (Xpp3Dom property : headers.getChildren(PROPERTY)) {
            Xpp3Dom name = property.getChild(NAME);
            if (name == null || name.getValue() == null || !name.getValue().trim().equalsIgnoreCase(header)) {
                copy.addChild(new Xpp3Dom(property));
            }
        }
        return copy;
    }

    private static Xpp3Dom text(String name, String value) {
        Xpp3Dom node = new Xpp3Dom(name);
        node.setValue(value);
        return node;
    }
}
