assert new URL("${genesysUrl}/__count?client=it-reactor-client").text == '2' : 'one token request per build'
def fingerprints = (1..20).collect { new File(basedir, String.format('m%02d/target/fingerprint.txt', it)).text }
fingerprints.each { assert it ==~ /[0-9a-f]{8}/ : "a module without the property: ${it}" }
assert fingerprints[0..17].toSet().size() == 1 : 'the first build shared one token'
assert fingerprints[18..19].toSet().size() == 1 && fingerprints[18] != fingerprints[0] : 'the -rf build fetched its own'
def log = new File(basedir, 'build.log').text
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
