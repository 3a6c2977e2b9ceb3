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
def SECRETS = []

// At -X: no secret in any form it could travel in, no token or assertion the servers issued or received.
def secrets = SECRETS + ['it-keystore-pass-V6nz', 'it-trust-pass-M7cd']
secrets.each { s ->
    [s, URLEncoder.encode(s, 'UTF-8')].each { assert !log.contains(it) : 'a secret appears in the -X build log' }
}
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token or assertion appears in the -X build log' }
assert !log.contains('client_assertion=') && !(log =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)

true
