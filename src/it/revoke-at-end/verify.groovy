def token = new File(basedir, 'target/seen-token').text
assert new File(tokenJournal).readLines().contains(token) : 'the token file held an issued token'
assert !new File(basedir, 'target/secrets/token').exists() : 'revoke deletes the token file'
assert new File(basedir, 'target/after-revoke.txt').text == '[][]' : 'revoke empties the properties'

def check = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
check.setRequestProperty('Authorization', "Bearer ${token}")
assert check.responseCode == 401 : 'Genesys no longer accepts the revoked token'

def log = new File(basedir, 'build.log').text
assert log =~ /Revoked the genesys token \(fingerprint [0-9a-f]{8}\)\./
assert log.contains('Deleted the token file')
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }
true
