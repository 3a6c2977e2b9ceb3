def lines = new File(basedir, 'build.log').readLines()
def log = lines.join('\n')
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 3
// Each execution asked GitHub for its own identity token (the server refuses a jti it has seen) and masked it
// before using it, as it masks each access token.
def masks = lines.findAll { it.startsWith('::add-mask::') }.collect { it - '::add-mask::' }
def identityTokens = masks.findAll { it.startsWith('eyJ') }
assert identityTokens.size() == 3 && identityTokens.unique(false).size() == 3
assert masks.size() == 6
def journal = new File(tokenJournal).readLines()
identityTokens.each { assert journal.contains(it) : 'the masked value is an identity token the issuer gave' }
// Apart from the mask commands, no line holds an identity token, the request token or an access token.
def others = lines.findAll { !it.startsWith('::add-mask::') }.join('\n')
journal.each { assert !others.contains(it) : 'an identity token, assertion or token appears in the -X build log' }
assert !others.contains('it-actions-request-token-Hq3v') : 'the request token appears in the log'
assert !(others =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)

true
