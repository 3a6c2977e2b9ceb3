package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The pipeline examples must stay usable: valid YAML, and only parameters that the plugin really has. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of("examples");
    private static final Pattern USER_PROPERTY = Pattern.compile("oauth-token\\.([A-Za-z]+)");
    private static final Pattern GOAL = Pattern.compile("<goal>([a-z-]+)</goal>|oauth-token-maven-plugin:[^:\\s]+:([a-z-]+)");

    private static List<Path> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void thereIsAnExampleForEachCiSystem() throws IOException {
        assertThat(exampleFiles()).extracting(p -> p.getFileName().toString())
                .contains("github-actions.yml", "azure-pipelines.yml", "gitlab-ci.yml", "Jenkinsfile");
    }

    @Test
    void theSecretlessExamplesAskForTheIdentityTokenAndStoreNoSecret() throws IOException {
        for (String name : List.of("github-actions-entra-oidc.yml", "github-actions-keycloak-oidc.yml")) {
            String text = Files.readString(EXAMPLES.resolve(name));
            Object permissions = ((java.util.Map<?, ?>) new Yaml().load(text)).get("permissions");
            assertThat(permissions).as(name).isInstanceOf(java.util.Map.class);
            assertThat(((java.util.Map<?, ?>) permissions).get("id-token")).as(name).isEqualTo("write");
            assertThat(text).as(name).doesNotContain("secrets.").contains("-Doauth-token.identityToken=");
        }
        String entra = Files.readString(EXAMPLES.resolve("github-actions-entra-oidc.yml"));
        assertThat(entra).contains("api://AzureADTokenExchange").containsPattern("api://[^\\s]+/\\.default");
        String gitlab = Files.readString(EXAMPLES.resolve("gitlab-ci-oidc.yml"));
        assertThat(gitlab).contains("id_tokens:").doesNotContain("CLIENT_SECRET")
                .contains("-Doauth-token.identityToken=");
    }

    @Test
    void theRepositoryCredentialsExampleDeploysWithAnIdentityTokenAndNoSecret() throws IOException {
        String name = "github-actions-azure-artifacts-deploy.yml";
        String text = Files.readString(EXAMPLES.resolve(name));
        Object permissions = ((java.util.Map<?, ?>) new Yaml().load(text)).get("permissions");
        assertThat(((java.util.Map<?, ?>) permissions).get("id-token")).as(name).isEqualTo("write");
        assertThat(text).as(name).doesNotContain("secrets.").doesNotContain("<password>")
                .contains("<identityToken>github</identityToken>", "api://AzureADTokenExchange",
                        "<scope>499b84ac-1321-427f-aa17-267ca6975798/.default</scope>", "./mvnw -B deploy");
    }

    @Test
    void everyOAuthTokenElementOfTheExamplesHoldsOnlyParametersAndSendAs() throws Exception {
        Set<String> allowed = new TreeSet<>(PluginDescriptorTest.parameterNames());
        allowed.add("sendAs");
        Pattern element = Pattern.compile("<oauthToken>(.*?)</oauthToken>", Pattern.DOTALL);
        Pattern child = Pattern.compile("<([A-Za-z]+)>");
        List<String> unknown = new ArrayList<>();
        int children = 0;
        for (Path file : exampleFiles()) {
            Matcher block = element.matcher(Files.readString(file));
            while (block.find()) {
                Matcher name = child.matcher(block.group(1));
                while (name.find()) {
                    children++;
                    if (!allowed.contains(name.group(1))) {
                        unknown.add(file.getFileName() + ": <" + name.group(1) + ">");
                    }
                }
            }
        }
        assertThat(children).as("parameters in <oauthToken> elements of the examples").isGreaterThan(3);
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyYamlExampleParses() throws IOException {
        for (Path file : exampleFiles()) {
            if (file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")) {
                String text = Files.readString(file);
                assertThatCode(() -> assertThat((Object) new Yaml().load(text)).isNotNull())
                        .as(file.toString()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyParameterAndGoalTheExamplesMentionExists() throws Exception {
        Set<String> parameters = new TreeSet<>(PluginDescriptorTest.parameterNames());
        List<String> unknown = new ArrayList<>();
        int mentioned = 0;
        for (Path file : exampleFiles()) {
            String text = Files.readString(file);
            Matcher property = USER_PROPERTY.matcher(text);
            while (property.find()) {
                mentioned++;
                if (!parameters.contains(property.group(1))) {
                    unknown.add(file.getFileName() + ": oauth-token." + property.group(1));
                }
            }
            Matcher goal = GOAL.matcher(text);
            while (goal.find()) {
                String name = goal.group(1) != null ? goal.group(1) : goal.group(2);
                if (!Set.of("fetch", "revoke", "help").contains(name) && !file.toString().endsWith(".xml")) {
                    unknown.add(file.getFileName() + ": goal " + name);
                }
            }
        }
        assertThat(mentioned).as("parameters mentioned by the examples").isGreaterThan(5);
        assertThat(unknown).isEmpty();
    }
}
