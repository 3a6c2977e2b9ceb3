def header = new File(basedir, 'target/header.txt').text
def token = header - 'Authorization: Bearer '
assert new File(tokenJournal).readLines().contains(token) : "not an issued token: ${header.take(24)}"
assert new File(basedir, 'target/org.txt').text == '0a1b2c3d-org'

def log = new File(basedir, 'build.log').text
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
