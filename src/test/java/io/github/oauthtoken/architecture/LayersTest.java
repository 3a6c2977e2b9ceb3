package io.github.oauthtoken.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages in layers, each using only those below it, as the README's design notes draw them. A class
 * that reaches up (a token value that knows its provider, a cache that knows the configuration) fails the build
 * here, with the offending dependency named, instead of growing a cycle that a newcomer has to untangle.
 */
class LayersTest {
    private static final String CORE = "io.github.oauthtoken.core";
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.oauthtoken");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("basics").definedBy(CORE)
                .layer("text and secrets").definedBy(CORE + ".text..", CORE + ".secret..")
                .layer("tokens, JWT, HTTP").definedBy(CORE + ".token..", CORE + ".jwt..", CORE + ".http..")
                .layer("credentials and identity").definedBy(CORE + ".credentials..", CORE + ".identity..")
                .layer("providers").definedBy(CORE + ".provider..")
                .layer("token services").definedBy(CORE + ".cache..", CORE + ".refresh..", CORE + ".revocation..",
                        CORE + ".scope..", CORE + ".ci..", CORE + ".publish..")
                .layer("configuration").definedBy(CORE + ".config..")
                .layer("lifecycle").definedBy(CORE + ".lifecycle..")
                .layer("goals").definedBy("io.github.oauthtoken.maven..")
                .whereLayer("goals").mayNotBeAccessedByAnyLayer()
                .whereLayer("lifecycle").mayOnlyBeAccessedByLayers("goals")
                .whereLayer("configuration").mayOnlyBeAccessedByLayers("lifecycle", "goals")
                .whereLayer("token services").mayOnlyBeAccessedByLayers("configuration", "lifecycle", "goals")
                .whereLayer("providers").mayOnlyBeAccessedByLayers("token services", "configuration", "lifecycle",
                        "goals")
                .whereLayer("credentials and identity").mayOnlyBeAccessedByLayers("providers", "token services",
                        "configuration", "lifecycle", "goals")
                .whereLayer("tokens, JWT, HTTP").mayOnlyBeAccessedByLayers("credentials and identity", "providers",
                        "token services", "configuration", "lifecycle", "goals")
                .whereLayer("text and secrets").mayOnlyBeAccessedByLayers("tokens, JWT, HTTP",
                        "credentials and identity", "providers", "token services", "configuration", "lifecycle",
                        "goals")
                .check(PLUGIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.github.oauthtoken.(**)").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    void theCoreKnowsNothingOfMaven() {
        noClasses().that().resideInAPackage(CORE + "..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..",
                        "org.eclipse.aether..", "org.eclipse.sisu..", "javax.inject..")
                .check(PLUGIN);
    }
}
