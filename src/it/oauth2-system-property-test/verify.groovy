def fingerprint = new File(basedir, 'target/seen-fingerprint.txt').text
def log = new File(basedir, 'build.log').text
assert log.contains("Obtained oauth2 token from localhost (") && log.contains("fingerprint ${fingerprint})")
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
assert !log.contains('it-oauth2-secret-Hq4m')
assert !log.contains('eyJ') : 'a JWT (the token) appears in the build log'

true
