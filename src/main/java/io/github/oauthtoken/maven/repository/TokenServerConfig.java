package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * One settings.xml {@code <server>} whose {@code <configuration>} holds an {@code <oauthToken>} element: how the token
 * is sent, and the element's other children as text, by name. Those are the fetch goal's parameters
 * ({@code provider}, {@code tokenUrl}, {@code serverId}, {@code scope}...): the core will read them when it is
 * connected (PROTOTYPE: only {@code sendAs} and the stand-in's elements are used today).
 *
 * <p>Read from Maven 3's {@code Xpp3Dom}; Maven 4 hands its settings' {@code XmlNode} to the same class
 * ({@code org.codehaus.plexus.util.xml.Xpp3Dom} of plexus-xml 4 wraps it), so one reader serves every Maven.
 */
record TokenServerConfig(String serverId, String username, SendAs sendAs, Map<String, String> parameters) {
    static final String ELEMENT = "oauthToken";
    static final String SEND_AS = "sendAs";

    TokenServerConfig {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * The {@code <oauthToken>} element of a server's configuration, or null when the server has none (Maven's own
     * servers, which this extension leaves alone).
     */
    static Xpp3Dom element(Object configuration) {
        return configuration instanceof Xpp3Dom dom ? dom.getChild(ELEMENT) : null;
    }

    /** Reads {@code element}; a malformed one is a configuration error naming the server and the element. */
    static TokenServerConfig parse(String serverId, String username, Xpp3Dom element) throws ConfigurationException {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Xpp3Dom child : element.getChildren()) {
            String name = child.getName();
            if (child.getChildCount() > 0) {
                throw malformed(serverId, "<" + name + "> holds elements; every parameter of <" + ELEMENT
                        + "> is plain text, as in the fetch goal's <configuration>");
            }
            if (parameters.containsKey(name)) {
                throw malformed(serverId, "<" + name + "> appears twice");
            }
            String value = child.getValue() == null ? "" : child.getValue().trim();
            parameters.put(name, value);
        }
        if (parameters.isEmpty() && element.getValue() != null && !element.getValue().isBlank()) {
            throw malformed(serverId, "it holds text instead of parameters such as <provider> and <tokenUrl>");
        }
        SendAs sendAs = SendAs.BASIC;
        String sendAsText = parameters.remove(SEND_AS);
        if (sendAsText != null) {
            sendAs = SendAs.parse(sendAsText).orElseThrow(() -> malformed(serverId,
                    "<" + SEND_AS + "> must be basic (the token as the password beside <username>) or bearer "
                            + "(an Authorization: Bearer header)"));
        }
        if (sendAs == SendAs.BASIC && (username == null || username.isBlank())) {
            throw new ConfigurationException("settings.xml server '" + serverId + "' sends its OAuth token as the "
                    + "password of HTTP Basic, which needs a <username> beside it: add the user name the repository "
                    + "expects (Google Artifact Registry: oauth2accesstoken; Azure Artifacts: any), or send the "
                    + "token as <" + SEND_AS + ">bearer</" + SEND_AS + "> in <" + ELEMENT + ">.");
        }
        return new TokenServerConfig(serverId, username, sendAs, parameters);
    }

    private static ConfigurationException malformed(String serverId, String problem) {
        return new ConfigurationException("settings.xml server '" + serverId + "': the <" + ELEMENT + "> element "
                + "of its <configuration> is malformed: " + problem + ".");
    }
}
