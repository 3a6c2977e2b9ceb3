def log = new File(basedir, 'build.log').text
assert log.contains("The oauth2 token lacks the scope orders:write that <requiredScopes> asks for. It grants "
        + "orders:read (according to the token response's scope). Grant it to client it-oauth2-client at the "
        + "authorization server and request it with <scope> (now 'orders:read')")
assert log.contains('BUILD FAILURE')
assert !log.contains('it-oauth2-secret-Hq4m')
assert !log.contains('eyJ') : 'a JWT (the token) appears in the build log'
true
