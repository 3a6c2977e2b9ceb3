def lines = new File(basedir, 'build.log').readLines()
assert lines.any { it.contains('BUILD SUCCESS') }
def fingerprints = new File(basedir, 'target/fingerprints.txt').text.split(' ')
assert fingerprints.size() == 2 && fingerprints[0] ==~ /[0-9a-f]{8}/ && fingerprints[0] == fingerprints[1] : 'both executions have the token, from the session cache'
def warnings = lines.findAll { it.startsWith('[WARNING]') && it.contains('a-regular-file') }
assert warnings.size() == 1 : "one warning for the unusable cache directory, not ${warnings.size()}"
assert new File(basedir, 'a-regular-file').text == 'not a directory\n' : 'the file in the way is untouched'
assert !lines.any { it.contains('it-genesys-secret-4Qx9Tb') }
new File(tokenJournal).readLines().each { token -> assert !lines.any { it.contains(token) } }
true
