def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 1
// Set, minValidity is the user's bar: no INFO about the token's lifetime.
assert !log.contains('<refreshTokenFile>')
// Maven's parameter dump names the server, never its password.
assert log.contains('spring-default')
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, ['it-spring!&=+%:secret-Jd4w', 'Basic aXQtc3ByaW5nLWNsaWVudDppdC1zcHJpbmclMjElMjYlM0QlMkIlMjUlM0FzZWNyZXQtSmQ0dw=='])
