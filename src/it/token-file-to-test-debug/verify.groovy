def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
// -X did print surefire's configuration: the path is there, so the check below looked at a real dump.
assert log.contains('api.token.file') && log.contains('target/oauth/token')
assert log.contains('[DEBUG] oauth.token.fingerprint: ') : 'maven-resources-plugin printed the project properties'
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token in the -X log' }
true
