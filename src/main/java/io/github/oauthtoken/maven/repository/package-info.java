/**
 * PROTOTYPE (issue 21, first phase): OAuth tokens as the credentials of Maven's own repositories, for the parent POM,
 * build extensions, plugins, dependencies and deploy.
 *
 * <p>The plugin's artifact, declared as a core extension in {@code .mvn/extensions.xml}, takes part in the build
 * before Maven reads the project: {@link io.github.oauthtoken.maven.repository.RepositoryCredentialsSpy}, an
 * {@code EventSpy}, receives the {@code MavenExecutionRequest} (with settings.xml's servers) before Maven builds the
 * repository session from it, on Maven 3.6.3 to 4.0.0-rc-7. For each {@code <server>} whose {@code <configuration>}
 * holds an {@code <oauthToken>} element it makes a token that server's credential (the password beside the server's
 * {@code <username>}, or an {@code Authorization: Bearer} header), and removes the element, which no transport
 * understands. A mistake is reported by
 * {@link io.github.oauthtoken.maven.repository.RepositoryCredentialsCheck} before the project is read.
 *
 * <p>What is prototype: the token is a STATIC value ({@link io.github.oauthtoken.maven.repository.PrototypeToken},
 * from {@code <prototypeToken>} or {@code <prototypeTokenFile>}), standing in for the core's token lifecycle; the
 * other children of {@code <oauthToken>} are collected as the fetch goal's parameters but not used yet.
 *
 * <p>The components are declared in {@code META-INF/plexus/components.xml}, not in the Sisu index: Maven 3.6.3 and
 * 3.8.8 skip an indexed Java 17 class without a word.
 */
package io.github.oauthtoken.maven.repository;
