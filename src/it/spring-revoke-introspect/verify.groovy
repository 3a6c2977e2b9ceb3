def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 3
def journal = new File(tokenJournal).readLines()
def tokens = ['basic', 'post', 'pkjwt'].collect { new File(basedir, "target/seen/${it}").text.trim() }
tokens.each { assert journal.contains(it) : 'the token file held a token the server issued' }
assert tokens.every { !it.contains('.') } : 'opaque tokens, not JWTs'
assert tokens.unique(false).size() == 3
['basic', 'post', 'pkjwt'].each { assert !new File(basedir, "target/secrets/${it}").exists() : 'revoke deletes the file' }
// The server no longer knows them as active.
tokens.each { token ->
    def introspect = new URL("${springUrl}/oauth2/introspect").openConnection()
    introspect.requestMethod = 'POST'
    introspect.doOutput = true
    def pair = "it-spring-opaque:" + URLEncoder.encode('it-spring-opaque-secret-8Fw3', 'UTF-8')
    introspect.setRequestProperty('Authorization', 'Basic ' + pair.bytes.encodeBase64().toString())
    introspect.setRequestProperty('Content-Type', 'application/x-www-form-urlencoded')
    introspect.outputStream.withWriter { it << 'token=' + URLEncoder.encode(token, 'UTF-8') }
    assert introspect.responseCode == 200
    assert introspect.inputStream.text.replace(' ', '') == '{"active":false}' : 'the revoked token is inactive'
}
assert (log =~ /Revoked the oauth2 token \(fingerprint [0-9a-f]{8}\)/).count == 3 : 'each token revoked once'
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, ['it-spring-opaque-secret-8Fw3', 'Basic aXQtc3ByaW5nLW9wYXF1ZTppdC1zcHJpbmctb3BhcXVlLXNlY3JldC04Rncz'])
