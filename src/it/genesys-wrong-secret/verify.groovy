def log = new File(basedir, 'build.log').text
assert log.contains('was refused: HTTP 400, error invalid_client (authentication failed).')
assert log.contains('Hint: check the client id and secret in environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET.')
assert !log.contains('definitely-the-wrong-secret-9z')

true
