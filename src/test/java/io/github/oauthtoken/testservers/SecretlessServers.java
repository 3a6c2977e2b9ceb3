package io.github.oauthtoken.testservers;

import io.github.oauthtoken.testservers.AssertionOAuthServer.FederatedCredential;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The servers of the secretless ITs, started by {@link TestServersMain} beside the others when the build names their
 * ports ({@code -Dit.secretless.ciPort=... -Dit.secretless.oauthPort=...}): the loopback CI identity issuer and the
 * OAuth server that verifies assertions, with the clients the ITs use registered. Also made here, in the servers'
 * directory: the ITs' key stores ({@code keys/}, by keytool, never committed) and the environment of a GitLab job
 * ({@code gitlab-home/.mavenrc}, which Maven's launcher script reads from {@code $HOME}: the ITs set {@code HOME} to
 * it, as a GitLab runner sets a job's {@code id_tokens} variables before the job's commands run).
 */
final class SecretlessServers implements AutoCloseable {
    /** The fixture password of the ITs' key stores; src/it/settings.xml has it as server {@code it-keystore}. */
    static final String KEYSTORE_PASSWORD = "it-keystore-pass-V6nz";
    static final String SERVICE_CONNECTION = "it-sc-id";
    static final String EC_KEY_ID = "it-ec-key";
    static final String ENTRA_CLIENT = "it-entra-app";
    /** The same federated credential as GitHub's for {@link #ENTRA_CLIENT}: the repository ITs count its requests. */
    static final String REPOSITORY_ENTRA_CLIENT = "it-repo-entra-app";

    private final CiIdentityIssuer ci;
    private final AssertionOAuthServer oauth;

    private SecretlessServers(CiIdentityIssuer ci, AssertionOAuthServer oauth) {
        this.ci = ci;
        this.oauth = oauth;
    }

    /** The servers the system properties ask for, or none (an instance that does nothing) when they name no port. */
    static SecretlessServers fromSystemProperties(Path dir) throws IOException {
        String ciPort = System.getProperty("it.secretless.ciPort");
        String oauthPort = System.getProperty("it.secretless.oauthPort");
        if (ciPort == null || oauthPort == null) {
            return new SecretlessServers(null, null);
        }
        return start(dir, Integer.parseInt(ciPort), Integer.parseInt(oauthPort));
    }

    static SecretlessServers start(Path dir, int ciPort, int oauthPort) throws IOException {
        Path journal = dir.resolve(TestServersMain.JOURNAL);
        Path keys = dir.resolve("keys");
        X509Certificate rsa;
        X509Certificate ec;
        try {
            rsa = certificate(TestKeyStores.create(keys.resolve("rsa.p12"), "PKCS12", KeyKind.RSA, "it-client",
                    KEYSTORE_PASSWORD));
            ec = certificate(TestKeyStores.create(keys.resolve("ec.p12"), "PKCS12", KeyKind.EC, "it-client",
                    KEYSTORE_PASSWORD));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the key stores", e);
        }
        CiIdentityIssuer ci = new CiIdentityIssuer(ciPort, journal);
        AssertionOAuthServer oauth;
        try {
            oauth = new AssertionOAuthServer(oauthPort, journal);
        } catch (RuntimeException e) {
            ci.close();
            throw e;
        }
        oauth.keyClient("it-pkjwt-rsa", rsa, null)
                .keyClient("it-pkjwt-ps", rsa, null)
                .keyClient("it-pkjwt-ec", ec, EC_KEY_ID)
                .federatedClient(ENTRA_CLIENT, new FederatedCredential(ci.issuer("github"),
                        CiIdentityIssuer.GITHUB_SUBJECT, CiIdentityIssuer.AZURE_AUDIENCE))
                .federatedClient(ENTRA_CLIENT, new FederatedCredential(ci.issuer("azure"),
                        "sc://it-org/it-project/" + SERVICE_CONNECTION, CiIdentityIssuer.AZURE_AUDIENCE))
                .federatedClient(REPOSITORY_ENTRA_CLIENT, new FederatedCredential(ci.issuer("github"),
                        CiIdentityIssuer.GITHUB_SUBJECT, CiIdentityIssuer.AZURE_AUDIENCE))
                .federatedClient(ENTRA_CLIENT, new FederatedCredential(ci.issuer("gitlab"),
                        CiIdentityIssuer.GITLAB_SUBJECT, oauth.issuer()))
                .trustIssuer(ci.issuer("github"), false)
                // One id_tokens token serves every step of a GitLab job, so its reuse is allowed, as Keycloak can.
                .trustIssuer(ci.issuer("gitlab"), true)
                .trustIssuer(ci.issuer("azure"), false, CiIdentityIssuer.AZURE_AUDIENCE);
        Path home = dir.resolve("gitlab-home");
        Files.createDirectories(home);
        // The servers live an hour at most, so a GitLab job token of 65 minutes outlives them.
        Duration life = Duration.ofMinutes(65);
        String expired = ci.gitLabToken(oauth.issuer(), Duration.ofSeconds(-120));
        Files.writeString(home.resolve(".mavenrc"), "# Written by the IT servers: a GitLab job's id_tokens.\n"
                + "export OAUTH_ID_TOKEN='" + ci.gitLabToken(oauth.issuer(), life) + "'\n"
                + "export EXPIRED_ID_TOKEN='" + expired + "'\n"
                + "export WRONG_AUDIENCE_ID_TOKEN='" + ci.gitLabToken("https://gitlab.example/wrong", life) + "'\n");
        return new SecretlessServers(ci, oauth);
    }

    static X509Certificate certificate(Path store) throws IOException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, KEYSTORE_PASSWORD.toCharArray());
            return (X509Certificate) keyStore.getCertificate("it-client");
        } catch (GeneralSecurityException e) {
            throw new IOException("the IT key store " + store + " does not open", e);
        }
    }

    /** Whether the assertion-verifying OAuth server would take this access token now. */
    boolean accepts(String token) {
        return oauth != null && oauth.accepts(token);
    }

    List<String> describe() {
        return ci == null ? List.of() : List.of(
                "[test-servers] CI identity issuer (GitHub, GitLab, Azure): " + ci.baseUrl(),
                "[test-servers] assertion-verifying OAuth server (issuer): " + oauth.issuer());
    }

    @Override
    public void close() {
        if (oauth != null) {
            oauth.close();
        }
        if (ci != null) {
            ci.close();
        }
    }
}
