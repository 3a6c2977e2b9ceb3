def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 1
assert new URL("${springUrl}/__requests?client=it-spring-mtls").text == '1'
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, [])
