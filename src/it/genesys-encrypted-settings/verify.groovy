def log = new File(basedir, 'build.log').text
assert log =~ /Obtained genesys token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/
assert !log.contains('it-genesys-secret-4Qx9Tb')
assert !log.contains('WppG+Es+xxwH') : 'the encrypted password is not printed either'
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
