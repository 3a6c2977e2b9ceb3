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
// summary, revoked the tokens it had fetched and deleted the file.
def stopped = lines.findIndexOf { it.contains('Stopped refreshing the token file ') && it.contains('refreshes in this build') }
def success = lines.findIndexOf { it.contains('BUILD SUCCESS') }
assert stopped >= 0 && stopped < success
assert !log.contains('still finishing a fetch')
def revokedAtEnd = lines.findIndexOf(success) { it =~ /Revoked the genesys token \(fingerprint [0-9a-f]{8}\)\./ }
assert revokedAtEnd > success
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
