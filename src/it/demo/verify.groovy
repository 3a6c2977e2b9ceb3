def log = new File(basedir, 'build.log').text
def fingerprint = (log =~ /Obtained genesys token from 127\.0\.0\.1 \(expires \S+, fingerprint ([0-9a-f]{8})\)/)
assert fingerprint.find()
assert log.contains("oauth.token                ${fingerprint.group(1)} (fingerprint")
assert log.contains('oauth.token.type           bearer')
assert log.contains('oauth.token.organizationId 0a1b2c3d-org')
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }
true
