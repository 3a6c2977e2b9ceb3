import java.security.MessageDigest

def props = new Properties()
new File(basedir, 'target/classes/api.properties').withInputStream { props.load(it) }
def token = props.getProperty('api.token')
assert token && !token.startsWith('${') : 'the filtered resource has no token'
assert new File(tokenJournal).readLines().contains(token) : 'the token is not one the simulator issued'
def sha = MessageDigest.getInstance('SHA-256').digest(token.getBytes('UTF-8')).encodeHex().toString()
assert props.getProperty('api.token.fingerprint') == sha.substring(0, 8)
assert props.getProperty('api.token.expiresAt') ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/

def log = new File(basedir, 'build.log').text
assert log.contains("Obtained genesys token from 127.0.0.1 (expires ${props.getProperty('api.token.expiresAt')}, fingerprint ${sha.substring(0, 8)})")
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
