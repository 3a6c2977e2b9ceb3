def log = new File(basedir, 'build.log').text
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 3
// GitLab masks nothing at run time, so nothing that holds a secret is printed, not even a mask command.
assert !log.contains('::add-mask::') && !log.contains('##vso[')
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'an identity token or a token appears in the log' }
assert !(log =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)

true
