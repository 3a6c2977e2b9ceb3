def tokens = ['a-token', 'b-token'].collect { new File(basedir, "target/${it}").text }
def journal = new File(tokenJournal).readLines()
tokens.each { assert journal.contains(it) : 'each property held an issued token' }
assert tokens[0] != tokens[1] : 'two clients, two tokens'
tokens.each { token ->
    def check = new URL("${genesysUrl}/api/v2/tokens/me").openConnection()
    check.setRequestProperty('Authorization', "Bearer ${token}")
    assert check.responseCode == 401 : 'Genesys no longer accepts the revoked token'
}
def log = new File(basedir, 'build.log').text
assert (log =~ /Revoked the genesys token \(fingerprint [0-9a-f]{8}\)\./).count == 2 : 'each token revoked once'
assert !log.contains('it-genesys-secret-4Qx9Tb')
journal.each { assert !log.contains(it) }
true
