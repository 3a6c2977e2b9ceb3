// build.log holds both invocations. Assertions carry messages so a failure does not dump the whole log.
def log = new File(basedir, 'build.log').text
def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert failures.size() == 2 : "expected two failed invocations, got ${failures.size()}"
assert failures.every { it.contains('Missing credentials for provider genesys. Looked at:') } : failures.join('\n')
// 1: both variable pairs, in order, with what was found.
def first = 'environment variables GENESYS_CLIENT_ID (set) and GENESYS_CLIENT_SECRET (not set)'
def second = 'environment variables GENESYSCLOUD_OAUTHCLIENT_ID (not set) and GENESYSCLOUD_OAUTHCLIENT_SECRET (not set)'
assert log.contains(first) : "missing: ${first}"
assert log.contains(second) : "missing: ${second}"
assert log.indexOf(first) < log.indexOf(second) : 'the pairs are listed in the order they are tried'
// 2: the server id it was told to use.
assert log.contains("settings.xml server 'no-such-server'") : 'the server id is not named'
// Neither invocation reached the token endpoint.
assert new URL("${genesysUrl}/__count?client=it-missing-client").text == '0' : 'a token request was made'
assert !log.contains('Obtained genesys token') : 'a token was obtained'

true
