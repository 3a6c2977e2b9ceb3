// The plugin as a core extension of this build: src/it/core-extension.groovy writes .mvn/extensions.xml.
evaluate(new File(itSources, 'core-extension.groovy'))
// The ITs' local repository outlives a build: without this, the parent POM would come from it, not from the
// repository that demands the token.
new File(localRepositoryPath, "it/repo/refused${clientSuffix}").deleteDir()
true
