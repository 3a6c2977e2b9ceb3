// The plugin as a core extension of this build: src/it/core-extension.groovy writes .mvn/extensions.xml.
evaluate(new File(itSources, 'core-extension.groovy'))
// The ITs' local repository outlives a build: without this, a second run takes the parent POM from it, not from the
// repository that demands the token.
new File(localRepositoryPath, "it/repo/secretless${clientSuffix}").deleteDir()
new File(localRepositoryPath, 'it/repository-credentials-secretless').deleteDir()
true
