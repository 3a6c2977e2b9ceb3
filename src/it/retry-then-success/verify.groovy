def log = new File(basedir, 'build.log').text
assert log.contains('got HTTP 429; retry 1 of 3 in 1.0 s (as the server asked with Retry-After).')
assert log =~ /Obtained genesys token from 127\.0\.0\.1/
assert new URL("${genesysUrl}/__count?client=it-flaky-client").text == '2' : 'one 429, then one success'
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
