import groovy.json.JsonSlurper
import java.security.MessageDigest

// PROTOTYPE (issue 21): the stand-in token is the live Genesys token the IT servers wrote at start.
def token = new File(new File(tokenJournal).parentFile, 'repo-token.txt').text.trim()
def fingerprint = MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')).encodeHex().toString().take(8)
def space = "proto-basic-m${mavenMajor}"
def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=${space}"))
def group = "it/repo/${space}"

// Maven's transports send Basic credentials only after the repository's challenge: each unauthenticated request got
// 401 with WWW-Authenticate: Basic, and every other one carried the token as the password of the server's user.
def challenged = requests.findAll { it.status == 401 }
assert challenged.every { it.scheme == 'none' } : "refused with a credential: ${challenged}"
def authenticated = requests.findAll { it.status != 401 }
assert authenticated.every { it.scheme == 'basic' && it.username == 'it-deployer' && it.live && it.fingerprint == fingerprint }
// The parent POM (read before any goal), the dependency, and the deploy, all through the token.
assert authenticated.any { it.method == 'GET' && it.status == 200 && it.path == "${group}/repo-parent/1/repo-parent-1.pom" }
assert authenticated.any { it.method == 'GET' && it.status == 200 && it.path == "${group}/repo-lib/1/repo-lib-1.jar" }
def deployed = authenticated.findAll { it.method == 'PUT' }
assert deployed.any { it.status == 201 && it.path == 'it/repository-credentials-prototype-basic/1/repository-credentials-prototype-basic-1.pom' }
assert deployed.every { it.status == 201 }

assert new File(basedir, 'target/parent-marker.txt').text == 'parent-from-the-authenticated-repository'
assert new File(basedir, 'target/resolved.txt').text.contains("it.repo.${space}:repo-lib:jar:1")

def log = new File(basedir, 'build.log').text
assert log.contains("oauth-token: repositories and mirrors with id 'it-repo-basic' authenticate with an OAuth token "
        + "(the Basic password of user 'it-deployer', fingerprint ${fingerprint}; PROTOTYPE: a static token)")
assert !log.contains(token)
assert !log.contains(Base64.encoder.encodeToString("it-deployer:${token}".getBytes('UTF-8')))
new File(tokenJournal).readLines().each { assert !log.contains(it) }
true
