def log = new File(basedir, 'build.log').text
assert log.contains('The genesys token grants the required scopes users:readonly, routing:readonly (according to '
        + 'Genesys Cloud GET /api/v2/tokens/me, authorizedScope).')
def warnings = log.readLines().findAll { it.startsWith('[WARNING] <requiredScopes>') }
assert warnings.size() == 1 : warnings
assert warnings[0].contains('(analytics) cannot be checked for the genesys token: the token response has no scope, '
        + 'Genesys Cloud GET /api/v2/tokens/me lists no authorizedScope for it')
assert warnings[0].contains('The plugin does not guess')
// Both executions got their token: the unknowable check does not cost the build its token.
assert new File(basedir, 'target/fingerprints.txt').text ==~ /[0-9a-f]{8} [0-9a-f]{8}/
assert log.contains('BUILD SUCCESS')
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token in the log' }
true
