def lines = new File(basedir, 'build.log').readLines()
def log = lines.join('\n')
assert log.contains('deliberate failure of m1')
assert new URL("${genesysUrl}/__count?client=it-extension-client${clientSuffix}").text == '1' : 'one token for the build'
def tokens = ['m1', 'm2', 'm3'].collect { new File(basedir, "${it}/target/token").text }.toSet()
assert tokens.size() == 1 : 'every module saw the one token'
def token = tokens.first()
def check = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
check.setRequestProperty('Authorization', "Bearer ${token}")
assert check.responseCode == 401 : 'the failed build still revoked the token'
def revoked = lines.findIndexValues { it =~ /Revoked the genesys token \(fingerprint [0-9a-f]{8}\)\./ }
assert revoked.size() == 1 : 'revoked exactly once'
assert revoked[0] > lines.findIndexOf { it.contains('BUILD FAILURE') } : 'when the build is over'
assert !log.contains('it-genesys-secret-4Qx9Tb') && !log.contains(token)
true
