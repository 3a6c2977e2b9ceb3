def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 1
// Set, minValidity is the user's bar: no INFO about the token's lifetime.
assert !log.contains('<refreshTokenFile>')
// Maven's parameter dump names the server, never its password.
assert log.contains('spring-default')
def SECRETS = ['it-spring!&=+%:secret-Jd4w', 'Basic aXQtc3ByaW5nLWNsaWVudDppdC1zcHJpbmclMjElMjYlM0QlMkIlMjUlM0FzZWNyZXQtSmQ0dw==']

// At -X: no secret in any form it could travel in, no token or assertion the servers issued or received.
def secrets = SECRETS + ['it-keystore-pass-V6nz', 'it-trust-pass-M7cd']
secrets.each { s ->
    [s, URLEncoder.encode(s, 'UTF-8')].each { assert !log.contains(it) : 'a secret appears in the -X build log' }
}
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token or assertion appears in the -X build log' }
assert !log.contains('client_assertion=') && !(log =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)

true
