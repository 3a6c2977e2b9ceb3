def log = new File(basedir, 'build.log').text
assert log.contains('The genesys token lacks the scope analytics that <requiredScopes> asks for. It grants '
        + 'users:readonly, routing (according to Genesys Cloud GET /api/v2/tokens/me, authorizedScope). Grant it to '
        + 'OAuth client it-scoped-client in Genesys Cloud under Admin > Integrations > OAuth')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/oauth/token').exists() : 'no token file for a token the build cannot use'
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token in the log' }
true
