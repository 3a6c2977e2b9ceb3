def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
// The root and its three modules each run fetch; one token request serves them all.
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 1
assert (log =~ /Reusing \(this build\) oauth2 token from 127\.0\.0\.1/).count == 3
assert new URL("${springUrl}/__requests?client=it-spring-reactor").text == '1' : 'one token request for the reactor'
assert !log.contains('less than <minValidity>') : 'a token the server has just issued is not refused'
// The INFO about the short lifetime (Spring answers expires_in 299; 298 when its answer took a second under load),
// and where to look for longer builds.
def info = log.readLines().findAll { it.startsWith('[INFO]') && it =~ /lives 29\d s \(expires_in\)/ }
assert info.size() == 1 : 'one INFO names the lifetime of the one token'
assert info[0].contains('<refreshTokenFile>') && info[0].contains('60 s')
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, ['it-spring-reactor!&=+%:secret-Rx7r', 'Basic aXQtc3ByaW5nLXJlYWN0b3I6aXQtc3ByaW5nLXJlYWN0b3IlMjElMjYlM0QlMkIlMjUlM0FzZWNyZXQtUng3cg=='])
