def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert !log.contains('Obtained oauth2 token')
def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
assert error.contains('401') && error.contains('invalid_client') : 'the server refused the client: 401 invalid_client'
// The hint: which certificate was presented, by subject and issuer.
assert error.contains('CN=it-spring-mtls-other') && error.contains('oauth-token IT private CA')
// One request: an invalid_client is never retried.
assert new URL("${springUrl}/__requests?client=it-spring-mtls-refusing").text == '1'
def SECRETS = []

// At -X: no secret in any form it could travel in, no token or assertion the servers issued or received.
def secrets = SECRETS + ['it-keystore-pass-V6nz', 'it-trust-pass-M7cd']
secrets.each { s ->
    [s, URLEncoder.encode(s, 'UTF-8')].each { assert !log.contains(it) : 'a secret appears in the -X build log' }
}
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token or assertion appears in the -X build log' }
assert !log.contains('client_assertion=') && !(log =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)

true
