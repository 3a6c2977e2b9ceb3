import groovy.json.JsonSlurper
import java.security.MessageDigest

def fingerprintOf = { String token ->
    MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')).encodeHex().toString().take(8)
}
def space = "basic${clientSuffix}"
def group = "it/repo/${space}"
def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=${space}"))
def log = new File(basedir, 'build.log').text
def journal = new File(tokenJournal).readLines()

// One token request for the whole build, cache=session: the core extension's, which the fetch goal reused.
assert new URL("${genesysUrl}/__count?client=it-repo-basic-client${clientSuffix}").text == '1'

// Maven's transports send Basic credentials only after the repository's challenge: each unauthenticated request got
// 401 with WWW-Authenticate: Basic, and every other one carried the token as the password of the server's user.
def challenged = requests.findAll { it.status == 401 }
assert challenged.every { it.scheme == 'none' } : "refused with a credential: ${challenged}"
def authenticated = requests.findAll { it.status != 401 }
def fingerprints = authenticated*.fingerprint.unique()
assert fingerprints.size() == 1 : "one token for the build: ${fingerprints}"
def fingerprint = fingerprints[0]
assert authenticated.every { it.scheme == 'basic' && it.username == 'it-deployer' && it.live }
// The parent POM (read before any goal), the dependency, and the deploy, all through the token.
assert authenticated.any { it.method == 'GET' && it.status == 200 && it.path == "${group}/repo-parent/1/repo-parent-1.pom" }
assert authenticated.any { it.method == 'GET' && it.status == 200 && it.path == "${group}/repo-lib/1/repo-lib-1.jar" }
def deployed = authenticated.findAll { it.method == 'PUT' }
assert deployed.any { it.path == 'it/repository-credentials-basic/1/repository-credentials-basic-1.pom' }
assert deployed.every { it.status == 201 }
assert new File(basedir, 'target/parent-marker.txt').text == 'parent-from-the-authenticated-repository'
assert new File(basedir, 'target/resolved.txt').text.contains("it.repo.${space}:repo-lib:jar:1")

assert log.contains("oauth-token: repositories and mirrors with id 'it-repo-basic' authenticate with an OAuth token "
        + "(the Basic password of user 'it-deployer', fingerprint ${fingerprint})")
// Each new connection got the current token from the plugin's transporter factory, on this Maven's transport too.
assert log.contains("oauth-token: a new connection to repository 'it-repo-basic' (")
assert log.contains("sends the OAuth token of settings.xml server 'it-repo-basic' as the Basic password of user "
        + "'it-deployer' (fingerprint ${fingerprint}).")
// The goals, in another class realm, took the same token and left its revocation to the extension; the deploy after
// their revoke still had it.
assert log.contains("Reusing (this build's repository credentials) genesys token from 127.0.0.1 (expires ")
assert log.contains("The genesys token (fingerprint ${fingerprint}) is not revoked here: the repository credentials "
        + "of this build obtained it, and revoke it when the build is over.")
// The end of the build revoked it: Genesys takes it no more.
assert log.contains("oauth-token: Revoked the genesys token (fingerprint ${fingerprint}).")
def token = journal.find { fingerprintOf(it) == fingerprint }
assert token != null
def me = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
me.setRequestProperty('Authorization', "Bearer ${token}")
assert me.responseCode == 401

// At -X Maven prints repositories and their authentication, never the token or the secret.
assert log.contains('[DEBUG]')
assert !log.contains('<oauthToken>')
evaluate(new File(leakCheck))(log, ['it-genesys-secret-4Qx9Tb',
        Base64.encoder.encodeToString("it-deployer:${token}".getBytes('UTF-8'))])
