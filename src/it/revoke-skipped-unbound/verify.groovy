assert new URL("${genesysUrl}/__count?client=it-skip-client").text == '1' : 'one token for the build'
def tokens = ['m1', 'm2', 'm3'].collect { new File(basedir, "${it}/target/token").text }.toSet()
assert tokens.size() == 1 : 'every module saw the one token'
def token = tokens.first()
assert new File(tokenJournal).readLines().contains(token)
def check = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
check.setRequestProperty('Authorization', "Bearer ${token}")
assert check.responseCode == 401 : 'revoked despite the skipped and the unbound revoke'
def log = new File(basedir, 'build.log').text
assert (log =~ /Revoked the genesys token \(fingerprint [0-9a-f]{8}\)\./).count == 1
assert !log.contains('it-genesys-secret-4Qx9Tb') && !log.contains(token)
true
