package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.config.Parameter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code mvn -X} prints every mojo parameter's value, so no parameter may hold a secret: secrets are named
 * indirectly (an environment variable's name, a settings.xml server id) and read inside the goal.
 */
class PluginDescriptorTest {

    @Test
    void noParameterCanHoldASecret() throws Exception {
        List<String> names = parameterNames();

        assertThat(names).contains("serverId", "clientSecretEnv", "accessKeySecretEnv", "trustStoreServerId");
        assertThat(names).noneMatch(name -> name.matches("(?i).*(secret|password|credential)")
                || name.equalsIgnoreCase("token") || name.equalsIgnoreCase("accessToken"));
    }

    @Test
    void theReadmeDocumentsEveryParameter() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> undocumented = new ArrayList<>();
        for (String name : parameterNames()) {
            boolean internal = name.equals("session") || name.equals("project")
                    || List.of("detail", "goal", "indentSize", "lineLength").contains(name); // the help goal's own
            if (!internal && !readme.contains("`" + name + "`")) {
                undocumented.add(name);
            }
        }
        assertThat(undocumented).as("parameters missing from the README's table").isEmpty();
    }

    /**
     * The goals' fields and the core's {@link Parameter}s are one list: a field the core does not read would be a
     * parameter that does nothing, a {@link Parameter} no goal declares one that users cannot set, and a default
     * written twice could drift.
     */
    @Test
    void everyGoalParameterIsOneTheCoreReadsWithTheSameDefault() throws Exception {
        Map<String, String> fetch = defaults("fetch");
        Map<String, String> revoke = defaults("revoke");
        Map<String, String> core = new TreeMap<>();
        for (Parameter parameter : Parameter.values()) {
            core.put(parameter.id(), parameter.defaultValue());
        }
        Map<String, String> shared = new TreeMap<>(core);
        shared.remove(Parameter.REVOKE_SHARED.id());

        assertThat(fetch).isEqualTo(shared);
        assertThat(revoke).isEqualTo(core);
    }

    /** A goal's parameters and their defaults as the descriptor declares them ({@code ${user.home}} expanded). */
    private static Map<String, String> defaults(String goal) throws Exception {
        Map<String, String> defaults = new TreeMap<>();
        NodeList mojos = descriptor().getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (!goal.equals(mojo.getElementsByTagName("goal").item(0).getTextContent())) {
                continue;
            }
            NodeList values = ((Element) mojo.getElementsByTagName("configuration").item(0)).getChildNodes();
            for (int j = 0; j < values.getLength(); j++) {
                if (values.item(j) instanceof Element value && !List.of("session", "project")
                        .contains(value.getTagName())) {
                    String declared = value.hasAttribute("default-value") ? value.getAttribute("default-value")
                            .replace("${user.home}", System.getProperty("user.home")) : null;
                    defaults.put(value.getTagName(), declared);
                }
            }
        }
        assertThat(defaults).as("the parameters of goal " + goal).isNotEmpty();
        return defaults;
    }

    private static Document descriptor() throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("the generated plugin descriptor").isNotNull();
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    static List<String> parameterNames() throws Exception {
        Document descriptor = descriptor();
        List<String> names = new ArrayList<>();
        NodeList parameters = descriptor.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            names.add(parameter.getElementsByTagName("name").item(0).getTextContent());
        }
        return names;
    }
}
