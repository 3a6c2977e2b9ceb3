package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.maven.MojoParameters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The {@code <oauthToken>} element of a settings.xml {@code <server>}'s {@code <configuration>}: how the token is sent
 * ({@code <sendAs>}, the extension's own), and the {@code fetch} goal's parameters by name, as a
 * {@link MapParameters} that the core reads like a goal's fields, so that every default, rule and check is the
 * parser's. Each child is a parameter, written as in a goal's {@code <configuration>}: text, or for a list one child
 * element per item. Anything else is a configuration error that names the element.
 *
 * <p>Read from Maven 3's {@code Xpp3Dom}; Maven 4 hands its settings' {@code XmlNode} wrapped in plexus-xml 4's
 * {@code Xpp3Dom} of the same name, so one reader serves every Maven.
 *
 * @param sendAs     how the repository receives the token
 * @param parameters the fetch goal's parameters, as written
 */
record OAuthTokenElement(SendAs sendAs, MapParameters parameters) {
    static final String NAME = "oauthToken";
    static final String SEND_AS = "sendAs";

    /** The element in a server's configuration, or null when it has none (a server this extension leaves alone). */
    static Xpp3Dom find(Object configuration) {
        return configuration instanceof Xpp3Dom dom ? dom.getChild(NAME) : null;
    }

    /**
     * Reads the element; the checks of the values themselves are the core parser's.
     *
     * @param username the server's {@code <username>}, which Basic needs beside the token
     */
    static OAuthTokenElement parse(Xpp3Dom element, String username) throws ConfigurationException {
        if (element.getChildCount() == 0 && element.getValue() != null && !element.getValue().isBlank()) {
            throw new ConfigurationException("it holds text instead of parameters such as <provider> and "
                    + "<tokenUrl>.");
        }
        MapParameters parameters = MapParameters.of();
        SendAs sendAs = SendAs.BASIC;
        Set<String> seen = new HashSet<>();
        for (Xpp3Dom child : element.getChildren()) {
            String name = child.getName();
            if (!seen.add(name)) {
                throw new ConfigurationException("<" + name + "> appears twice.");
            }
            if (SEND_AS.equals(name)) {
                sendAs = SendAs.parse(text(child)).orElseThrow(() -> new ConfigurationException("<" + SEND_AS
                        + "> must be basic (the token as the password beside <username>) or bearer (an "
                        + "Authorization: Bearer header), but was '" + value(child) + "'."));
                continue;
            }
            Parameter parameter = Parameter.byId(name);
            if (parameter == null) {
                throw new ConfigurationException("<" + name + "> is no parameter of the fetch goal" + suggestion(name)
                        + ". The children of <" + NAME + "> are the fetch goal's parameters (mvn oauth-token:help "
                        + "-Ddetail lists them) and <" + SEND_AS + ">.");
            }
            parameters.with(parameter, MojoParameters.isList(parameter) ? items(child) : text(child));
        }
        if (sendAs == SendAs.BASIC && (username == null || username.isBlank())) {
            throw new ConfigurationException("the token is sent as the password of HTTP Basic, which needs a "
                    + "<username> beside it in the <server>: add the user name the repository expects with a token "
                    + "(your repository manager's documentation names it), or send the token as <" + SEND_AS
                    + ">bearer</" + SEND_AS + ">.");
        }
        return new OAuthTokenElement(sendAs, parameters);
    }

    /** A parameter's text; one that holds elements is a mistake, since only a list does. */
    private static String text(Xpp3Dom child) throws ConfigurationException {
        if (child.getChildCount() > 0) {
            throw new ConfigurationException("<" + child.getName() + "> holds elements, but it is a plain value, "
                    + "written as text as in the fetch goal's <configuration>.");
        }
        return value(child);
    }

    /** A list written as one child element per item, or as one text of items separated by commas or blanks. */
    private static Object items(Xpp3Dom child) {
        if (child.getChildCount() == 0) {
            return value(child);
        }
        List<String> items = new ArrayList<>();
        for (Xpp3Dom item : child.getChildren()) {
            String value = value(item);
            if (!value.isEmpty()) {
                items.add(value);
            }
        }
        return items;
    }

    private static String value(Xpp3Dom node) {
        return node.getValue() == null ? "" : node.getValue().trim();
    }

    /** The parameter a misspelt name most likely means: the same but for case. */
    private static String suggestion(String name) {
        for (Parameter parameter : Parameter.values()) {
            if (parameter.id().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return " (did you mean " + parameter.element() + "?)";
            }
        }
        return "";
    }
}
