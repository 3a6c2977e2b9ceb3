package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    static List<String> parameterNames() throws Exception {
        Document descriptor;
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("the generated plugin descriptor").isNotNull();
            descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        List<String> names = new ArrayList<>();
        NodeList parameters = descriptor.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            names.add(parameter.getElementsByTagName("name").item(0).getTextContent());
        }
        return names;
    }
}
