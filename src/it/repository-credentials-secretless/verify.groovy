import groovy.json.JsonSlurper
import java.security.MessageDigest

def fingerprintOf = { String token ->
    MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')).encodeHex().toString().take(8)
}
def space = "secretless${clientSuffix}"
def group = "it/repo/${space}"
def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=${space}"))
def lines = new File(basedir, 'build.log').readLines()
def journal = new File(tokenJournal).readLines()

// Resolver 2 asks for the prefix file without a credential, the others after a challenge; every answered one carried
// the one access token the build got, as the Basic password.
def authenticated = requests.findAll { it.status != 401 }
def fingerprint = authenticated[0]?.fingerprint
assert fingerprint != null
assert authenticated.every { it.scheme == 'basic' && it.username == 'ci' && it.live && it.fingerprint == fingerprint }
assert authenticated.any { it.method == 'GET' && it.status == 200 && it.path == "${group}/repo-parent/1/repo-parent-1.pom" }
assert authenticated.any { it.method == 'PUT' && it.status == 201
        && it.path == 'it/repository-credentials-secretless/1/repository-credentials-secretless-1.pom' }
assert new File(basedir, 'target/parent-marker.txt').text == 'parent-from-the-authenticated-repository'
def token = journal.find { fingerprintOf(it) == fingerprint }
assert token != null : 'the assertion-verifying server issued the token'
assert new URL("${assertionIssuer}/__count?client=it-repo-entra-app").text == '1' : 'one token request for the build'

// Masked before anything could print them: the identity token before it was sent, the access token before any
// other line; each on a line of its own, on the process's standard output (which the invoker logs).
def masks = lines.findAll { it.startsWith('::add-mask::') }.collect { it - '::add-mask::' }
def firstMavenLine = lines.findIndexOf { it.contains('Scanning for projects') }
def accessMask = lines.indexOf("::add-mask::${token}".toString())
assert accessMask >= 0 && accessMask < firstMavenLine
def identityTokens = masks.findAll { it.startsWith('eyJ') }
assert !identityTokens.isEmpty() && identityTokens.every { journal.contains(it) }
assert lines.findIndexOf { it.startsWith('::add-mask::eyJ') } < accessMask
def log = lines.join('\n')
assert log.contains("oauth-token: repositories and mirrors with id 'it-repo-secretless' authenticate with an OAuth "
        + "token (the Basic password of user 'ci', fingerprint ${fingerprint})")

// Revoked at the end of the build (RFC 7009, with a new identity token): the repository takes it no more.
assert log.contains("oauth-token: Revoked the oauth2 token (fingerprint ${fingerprint}).")
def after = new URL("${repositoryUrl}/basic/${space}/${group}/repo-parent/1/repo-parent-1.pom").openConnection()
after.setRequestProperty('Authorization', 'Basic ' + Base64.encoder.encodeToString("ci:${token}".getBytes('UTF-8')))
assert after.responseCode == 401

// Apart from the mask commands, no line holds an identity token, the request token or the access token.
def others = lines.findAll { !it.startsWith('::add-mask::') }.join('\n')
journal.each { assert !others.contains(it) }
assert !others.contains('it-actions-request-token-Hq3v')
assert !(others =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)
true
