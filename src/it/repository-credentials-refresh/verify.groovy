import groovy.json.JsonSlurper

def space = "refresh${clientSuffix}"
def group = "it/repo/${space}"
def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=${space}"))
def log = new File(basedir, 'build.log').text

// Every request with a credential had a live token: none went out expired or revoked.
def answered = requests.findAll { it.status != 401 }
assert answered.every { it.live }
def parent = answered.find { it.method == 'GET' && it.path == "${group}/repo-parent/1/repo-parent-1.pom" }
def jars = answered.findAll { it.method == 'GET' && it.path == "${group}/repo-lib/1/repo-lib-1.jar" }
def puts = answered.findAll { it.method == 'PUT' }
assert parent.scheme == 'basic' && parent.username == 'it-deployer'
assert jars.size() == 2 && jars.every { it.scheme == 'basic' } : "the dependency at the start and again: ${jars}"
assert !puts.isEmpty() && puts.every { it.scheme == 'bearer' && it.status == 201 }
// After the long build, a newer token than the start's: for Basic (the dependency again) and for bearer (the deploy).
assert jars[1].fingerprint != parent.fingerprint
assert puts.every { it.fingerprint != parent.fingerprint }
def used = answered*.fingerprint.unique()

// Each token one request, shared by both servers; each announced once, and revoked at the end.
def obtained = (log =~ /oauth-token: Obtained genesys token from 127\.0\.0\.1 for settings\.xml server 'it-repo-refresh(-deploy)?' \(expires \S+, fingerprint ([0-9a-f]{8})\)/)
        .collect { it[2] }
assert obtained.size() == obtained.unique(false).size()
assert obtained.containsAll(used)
assert new URL("${genesysUrl}/__count?client=it-repo-refresh-client${clientSuffix}").text == "${obtained.size()}"
obtained.each { assert log.contains("oauth-token: Revoked the genesys token (fingerprint ${it}).") }

evaluate(new File(leakCheck))(log, ['it-genesys-secret-4Qx9Tb'])
