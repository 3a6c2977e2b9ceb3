def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
// Three tokens, one per algorithm, each from the verifying server.
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 3
// Maven's parameter dump shows where the key is, never what opens it.
assert log.contains('it-keystore')
// None of the secrets: the key store password, any assertion the server received, any token it issued.
assert !log.contains('it-keystore-pass-V6nz') : 'the key store password appears in the -X build log'
def journal = new File(tokenJournal).readLines()
assert journal.any { it.startsWith('eyJ') } : 'the server recorded the assertions it received'
journal.each { assert !log.contains(it) : 'an assertion or a token appears in the -X build log' }
assert !log.contains('client_assertion=') && !(log =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)

true
