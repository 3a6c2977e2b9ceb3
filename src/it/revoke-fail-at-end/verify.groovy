def log = new File(basedir, 'build.log').text
assert log.contains('deliberate failure of m1')
assert new URL("${genesysUrl}/__count?client=it-failatend-client${clientSuffix}").text == '1'
def token = new File(basedir, 'm1/target/token').text
assert new File(basedir, 'm2/target/token').text == token
def check = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
check.setRequestProperty('Authorization', "Bearer ${token}")
assert check.responseCode == 401 : 'the failed build still revoked the token'
assert (log =~ /Revoked the genesys token \(fingerprint [0-9a-f]{8}\)\./).count == 1
assert !log.contains('it-genesys-secret-4Qx9Tb') && !log.contains(token)
true
