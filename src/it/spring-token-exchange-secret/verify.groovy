def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 1
assert new URL("${springUrl}/__requests?client=it-spring-exchange").text == '1'
// The INFO line that describes the request says the client authenticates with its secret (basic).
assert log.readLines().any { it.startsWith('[INFO]') && it.contains('token-exchange') && it.contains('basic') }
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, ['it-spring-exchange-secret-5Rd2', 'Basic aXQtc3ByaW5nLWV4Y2hhbmdlOml0LXNwcmluZy1leGNoYW5nZS1zZWNyZXQtNVJkMg=='])
