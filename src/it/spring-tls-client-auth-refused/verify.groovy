def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert !log.contains('Obtained oauth2 token')
def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
assert error.contains('401') && error.contains('invalid_client') : 'the server refused the client: 401 invalid_client'
// The hint: which certificate was presented, by subject and issuer.
assert error.contains('CN=it-spring-mtls-other') && error.contains('oauth-token IT private CA')
// One request: an invalid_client is never retried.
assert new URL("${springUrl}/__requests?client=it-spring-mtls-refusing").text == '1'
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, [])
