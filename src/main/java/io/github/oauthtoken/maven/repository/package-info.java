/**
 * OAuth tokens as the credentials of Maven's own repositories (the parent POM, build extensions, plugins,
 * dependencies and deploy), from the plugin's artifact declared as a core extension in {@code .mvn/extensions.xml}.
 *
 * <p>{@link io.github.oauthtoken.maven.repository.RepositoryCredentialsSpy}, an {@code EventSpy}, receives the
 * {@code MavenExecutionRequest} (with settings.xml's servers) before Maven builds the repository session from it, on
 * Maven 3.6.3 to 4.0.0-rc-7. For each {@code <server>} whose {@code <configuration>} holds an {@code <oauthToken>}
 * element (the fetch goal's parameters, {@link io.github.oauthtoken.maven.repository.OAuthTokenElement}) it asks the
 * core for a token of the build ({@code TokenLifecycle.buildToken}), makes it that server's credential (the password
 * beside the server's {@code <username>}, or an {@code Authorization: Bearer} header among its
 * {@code <httpHeaders>}) and removes the element, which no transport understands.
 * {@link io.github.oauthtoken.maven.repository.RepositoryCredentialsCheck}, a lifecycle participant, reports what
 * could not be supplied in one message before the project is read.
 * {@link io.github.oauthtoken.maven.repository.TokenTransporterFactory} gives each new connection to those
 * repositories the token valid at that moment, renewed when it has less than {@code minValidity} left. The spy revokes
 * the tokens when the build is over.
 *
 * <p>The components are declared in {@code META-INF/plexus/components.xml}, not in the Sisu index: Maven 3.6.3 and
 * 3.8.8 skip an indexed Java 17 class without a word.
 */
package io.github.oauthtoken.maven.repository;
