def log = new File(basedir, 'build.log').text
assert log =~ /Obtained genesys token from 127\.0\.0\.1/
assert !log.contains('::add-mask::') && !log.contains('##vso[')
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
