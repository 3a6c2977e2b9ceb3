import groovy.json.JsonSlurper
import java.security.MessageDigest

def fingerprintOf = { String token ->
    MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')).encodeHex().toString().take(8)
}
def space = "bearer${clientSuffix}"
def group = "it/repo/${space}"
def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=${space}"))
def log = new File(basedir, 'build.log').text
def journal = new File(tokenJournal).readLines()

// Two servers with the same <oauthToken>: one token request.
assert new URL("${genesysUrl}/__count?client=it-repo-bearer-client${clientSuffix}").text == '1'

// Resolver 2 (Maven 3.10, 4) first asks for the repository's prefix file: without a credential on Maven 3.10 (then
// 401, which only turns the prefix filter off), with the token on Maven 4 (then 404: there is no such file).
def prefixes = requests.findAll { it.path == '.meta/prefixes.txt' }
assert prefixes.every { it.status == 401 && it.scheme == 'none' || it.status == 404 && it.live }
// The header goes with every other request, so the repository never had to challenge.
def others = requests - prefixes
def fingerprint = others[0]?.fingerprint
assert fingerprint != null
assert others.every { it.scheme == 'bearer' && it.live && it.fingerprint == fingerprint && it.status != 401 }
// Through the mirror, with the mirror server's own header beside the token.
def resolved = others.findAll { it.method == 'GET' && it.path.startsWith(group) }
assert resolved.any { it.status == 200 && it.path == "${group}/repo-parent/1/repo-parent-1.pom" }
assert resolved.any { it.status == 200 && it.path == "${group}/repo-lib/1/repo-lib-1.jar" }
assert resolved.every { it.marker == 'team-ci' }
// The deploy, to the distribution repository, whose server has no such header.
def deployed = others.findAll { it.method == 'PUT' }
assert deployed.any { it.path == 'it/repository-credentials-bearer/1/repository-credentials-bearer-1.pom' }
assert deployed.every { it.status == 201 && it.marker == null }
assert new File(basedir, 'target/parent-marker.txt').text == 'parent-from-the-authenticated-repository'
assert new File(basedir, 'target/resolved.txt').text.contains("it.repo.${space}:repo-lib:jar:1")

assert log.contains("oauth-token: repositories and mirrors with id 'it-repo-bearer-mirror' authenticate with an "
        + "OAuth token (Authorization: Bearer, fingerprint ${fingerprint})")
assert log.contains("oauth-token: repositories and mirrors with id 'it-repo-bearer-deploy' authenticate with an "
        + "OAuth token (Authorization: Bearer, fingerprint ${fingerprint})")
// Maven 3.9 and later: each new connection got the current token from the plugin's transporter factory. Maven 3.6
// and 3.8 have only wagon, which reads the header the extension set in the server's configuration at the start.
if (!(log =~ /Apache Maven 3\.[68]\./)) {
    assert log.contains("oauth-token: a new connection to repository 'it-repo-bearer-deploy' (")
    assert log.contains("sends the OAuth token of settings.xml server 'it-repo-bearer-deploy' as Authorization: Bearer "
            + "(fingerprint ${fingerprint}).")
}
assert log.contains("oauth-token: Revoked the genesys token (fingerprint ${fingerprint}).")
def token = journal.find { fingerprintOf(it) == fingerprint }
def me = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
me.setRequestProperty('Authorization', "Bearer ${token}")
assert me.responseCode == 401

// At -X Maven prints its repositories and settings, but neither the header nor the <oauthToken> element.
assert log.contains('[DEBUG]')
// Nor does help:effective-settings, which prints the servers' configurations (the mirror's own header is there).
assert log.contains('Effective user-specific configuration settings')
assert log =~ /(?s)<name>X-It-Marker<\/name>.*<id>it-repo-bearer-mirror<\/id>/
assert !log.contains('<oauthToken>')
evaluate(new File(leakCheck))(log, ['it-genesys-secret-4Qx9Tb'])
