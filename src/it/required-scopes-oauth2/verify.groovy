def log = new File(basedir, 'build.log').text
assert log.contains("The oauth2 token grants the required scopes orders:read, orders:write (according to the token "
        + "response's scope).")
def warnings = log.readLines().findAll { it.startsWith('[WARNING] <requiredScopes>') }
assert warnings.size() == 1 : warnings
assert warnings[0].contains('(orders:read) cannot be checked for the oauth2 token: the token response has no scope, '
        + '<verify> is false, so the introspection endpoint (RFC 7662) was not asked')
assert warnings[0].contains('the token is no JWT with a scope or scp claim')
assert log.contains('BUILD SUCCESS')
assert !log.contains('it-oauth2-secret-Hq4m')
assert !log.contains('eyJ') : 'a JWT (the token) appears in the build log'
true
