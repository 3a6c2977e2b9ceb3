assert new URL("${genesysUrl}/__count?client=it-parallel-a-client${clientSuffix}").text == '1' : 'one request for token a'
assert new URL("${genesysUrl}/__count?client=it-parallel-b-client${clientSuffix}").text == '1' : 'one request for token b'
def a = ['m1', 'm2', 'm3'].collect { new File(basedir, "${it}/target/a-token").text }.toSet()
def b = ['m1', 'm2', 'm3'].collect { new File(basedir, "${it}/target/b-token").text }.toSet()
assert a.size() == 1 && b.size() == 1 && a != b : 'every module saw the same two tokens'
def journal = new File(tokenJournal).readLines()
(a + b).each { token ->
    assert journal.contains(token)
    def check = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
    check.setRequestProperty('Authorization', "Bearer ${token}")
    assert check.responseCode == 401 : 'revoked'
}
def log = new File(basedir, 'build.log').text
assert (log =~ /Revoked the genesys token \(fingerprint [0-9a-f]{8}\)\./).count == 2 : 'each token revoked exactly once'
assert log.contains('is revoked at the end of the build')
assert !log.contains('it-genesys-secret-4Qx9Tb')
journal.each { assert !log.contains(it) }
true
