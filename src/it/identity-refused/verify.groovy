def log = new File(basedir, 'build.log').text
assert !log.contains('Obtained oauth2 token')
// No permission: the message names the missing workflow permission.
assert log.contains('No GitHub Actions identity token: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set')
assert log.contains("Add 'permissions: id-token: write' to the job")
// Expired: the server's own words, and what to check.
assert log =~ /error invalid_grant \(Token is not active\)\. Hint: the server did not accept the identity token in environment variable EXPIRED_ID_TOKEN/
assert log.contains('has not expired')
// Another audience: Entra's AADSTS70021 with the claims to compare, and the advice for it.
assert log.contains('error invalid_request (AADSTS70021: No matching federated identity record found for presented assertion.')
assert log =~ /Hint: Entra ID found no federated credential on the application that matches the identity token \(iss http:\/\/127\.0\.0\.1:\d+\/gitlab, sub project_path:it-group\/it-project:ref_type:branch:ref:main, aud https:\/\/gitlab\.example\/wrong\)/
// The refused tokens stay secret too; on GitHub Actions they were masked first.
def others = log.readLines().findAll { !it.startsWith('::add-mask::') }.join('\n')
new File(tokenJournal).readLines().each { assert !others.contains(it) : 'an identity token appears in the log' }

true
