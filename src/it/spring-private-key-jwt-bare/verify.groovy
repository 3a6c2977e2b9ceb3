def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 2
assert new URL("${springUrl}/__requests?client=it-spring-pkjwt-bare").text == '1'
assert new URL("${springUrl}/__requests?client=it-spring-pkjwt-bare-ec").text == '1'
// The assertions the server received from these clients named no thumbprint.
def decode = { String part -> new String(Base64.urlDecoder.decode(part), 'UTF-8') }
def mine = new File(tokenJournal).readLines().findAll { it.startsWith('eyJ') && it.count('.') == 2 }
        .collect { it.split('\\.') }.findAll { decode(it[1]).contains('"iss":"it-spring-pkjwt-bare') }
assert mine.size() == 2 : 'one assertion per client'
assert mine.every { !decode(it[0]).contains('x5t') }
assert mine.any { decode(it[0]).contains('"ES256"') }
// At -X: no secret, key store password, assertion or token anywhere in the log.
evaluate(new File(leakCheck))(log, [])
