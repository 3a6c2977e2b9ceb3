// What a -X IT against the IT servers ends with: no secret in any form it could travel in (as it is, URL-encoded),
// no key or trust store password, no token or assertion the servers issued or received (their journal), and nothing
// shaped like a JWT. A verify.groovy runs it with its log and the secrets of its scenario:
//
//     evaluate(new File(leakCheck))(log, ['the-secret', 'Basic ...'])
//
// (leakCheck and tokenJournal are script variables of every pass; see the POM.)
return { String log, List<String> secrets ->
    (secrets + ['it-keystore-pass-V6nz', 'it-trust-pass-M7cd']).each { s ->
        [s, URLEncoder.encode(s, 'UTF-8')].each { assert !log.contains(it) : 'a secret appears in the -X build log' }
    }
    new File(tokenJournal).readLines().findAll { !it.isEmpty() }.each {
        assert !log.contains(it) : 'a token or assertion appears in the -X build log'
    }
    assert !log.contains('client_assertion=') && !(log =~ /eyJ[\w-]{10,}\.[\w-]{10,}/)
    true
}
