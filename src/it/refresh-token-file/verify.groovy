import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
def lines = log.readLines()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')

def report = new File(basedir, 'target/refresh-report.txt').readLines()
def seen = report.findAll { it.startsWith('token ') }.collect { it.substring(6) }
assert seen.size() >= 4 : "the test saw ${seen.size()} tokens"

def refreshed = lines.findAll { it.contains('Refreshed the genesys token in ') }
assert refreshed.size() >= 3 : "${refreshed.size()} refreshes in the log"
assert !log.contains('Could not refresh')

// The module's revoke stopped the refresher (its thread had ended), and the end of the build, after Maven's
// summary (the plugin is declared without <extensions>true</extensions>), deleted the file and revoked the tokens it
// had fetched that were still valid: those of 6 s are often all expired by then (Maven 4.0.0-rc-7 runs jar:jar at
// prepare-package, after the revoke, and may first download the jar plugin), so a revocation is not required.
def stopped = lines.findIndexOf { it.contains('Stopped refreshing the token file ') && it.contains('refreshes in this build') }
def success = lines.findIndexOf { it.contains('BUILD SUCCESS') }
assert stopped >= 0 && stopped < success
assert !log.contains('still finishing a fetch')
assert log.contains('is revoked at the end of the build, once no module uses it any more.')
def endOfBuild = lines.findIndexOf(success) { it.contains('Deleted the token file ') }
assert endOfBuild > success : 'the end of the build ran after Maven\'s summary'
def firstRevoked = lines.findIndexOf { it =~ /Revoked the genesys token/ }
assert firstRevoked == -1 || firstRevoked > endOfBuild : 'nothing revoked before the end of the build'

assert !new File(basedir, 'target/oauth/token').exists()

def fingerprint = { String token ->
    MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')).encodeHex().toString().substring(0, 8)
}
def issued = new File(tokenJournal).readLines()
def last = issued.find { fingerprint(it) == seen.last() }
assert last != null : 'the last token the test used was issued by the simulator'
def check = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
check.setRequestProperty('Authorization', "Bearer ${last}")
assert check.responseCode == 401 : 'the last token is revoked (or expired)'

assert !log.contains('it-genesys-secret-4Qx9Tb')
issued.each { assert !log.contains(it) : 'a token in the log' }
true
