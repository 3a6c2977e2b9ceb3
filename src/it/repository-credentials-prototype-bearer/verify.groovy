import groovy.json.JsonSlurper
import java.security.MessageDigest

// PROTOTYPE (issue 21): the stand-in token is the live Genesys token the IT servers wrote at start.
def token = new File(new File(tokenJournal).parentFile, 'repo-token.txt').text.trim()
def fingerprint = MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')).encodeHex().toString().take(8)
def space = "proto-bearer-m${mavenMajor}"
def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=${space}"))
def group = "it/repo/${space}"

// Resolver 2 (Maven 3.10, 4) first asks for the repository's prefix file, and sends no credential with that request
// (seen with Basic too: no answer to the challenge); a 401 there only turns the prefix filter off.
def prefixes = requests.findAll { it.path == '.meta/prefixes.txt' }
assert prefixes.every { it.status == 401 }
// A header from the server's configuration goes with every other request, so the repository never had to challenge.
def others = requests - prefixes
assert !others.isEmpty()
assert others.every { it.scheme == 'bearer' && it.live && it.fingerprint == fingerprint && it.status != 401 }
assert others.any { it.method == 'GET' && it.status == 200 && it.path == "${group}/repo-parent/1/repo-parent-1.pom" }
assert others.any { it.method == 'GET' && it.status == 200 && it.path == "${group}/repo-lib/1/repo-lib-1.jar" }
def deployed = others.findAll { it.method == 'PUT' }
assert deployed.any { it.path == 'it/repository-credentials-prototype-bearer/1/repository-credentials-prototype-bearer-1.pom' }
assert deployed.every { it.status == 201 }

assert new File(basedir, 'target/parent-marker.txt').text == 'parent-from-the-authenticated-repository'
assert new File(basedir, 'target/resolved.txt').text.contains("it.repo.${space}:repo-lib:jar:1")

// At -X Maven prints its repositories and settings, but neither the header nor the <oauthToken> element.
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert log.contains("oauth-token: repositories and mirrors with id 'it-repo-bearer' authenticate with an OAuth token "
        + "(Authorization: Bearer, fingerprint ${fingerprint}; PROTOTYPE: a static token)")
assert !log.contains(token)
assert !log.contains('prototypeTokenFile') && !log.contains('<oauthToken>')
new File(tokenJournal).readLines().each { assert !log.contains(it) }
true
