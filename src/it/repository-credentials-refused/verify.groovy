import groovy.json.JsonSlurper

// The build stopped before Maven read the project: the repository saw no request at all.
def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=refused${clientSuffix}"))
assert requests.isEmpty() : "the build reached the repository: ${requests}"
// One token request: the refused one (invalid_client is never retried); the malformed server made none.
assert new URL("${genesysUrl}/__count?client=it-repo-wrong-client${clientSuffix}").text == '1'

def log = new File(basedir, 'build.log').text
def message = "oauth-token could not supply the OAuth token of Maven's repositories, so the build stops before Maven " +
        "reads the project (2 settings.xml servers):"
assert log.contains(message)
// One line each (Maven 4 may put its level in front of each).
def lines = log.readLines()
def at = lines.findIndexOf { it.contains(message) }
def refused = "  - settings.xml server 'it-repo-refused': its repositories and mirrors get no OAuth token. " +
        "Token request (POST ${genesysUrl}/oauth/token) was refused: HTTP 400, error invalid_client " +
        "(authentication failed). Hint: check the client id and secret in server 'it-repo-client' in settings.xml."
def malformed = "  - settings.xml server 'it-repo-malformed', in <oauthToken>: <tokenURL> is no parameter of the " +
        "fetch goal (did you mean <tokenUrl>?). The children of <oauthToken> are the fetch goal's parameters " +
        "(mvn oauth-token:help -Ddetail lists them) and <sendAs>."
assert lines[at + 1].endsWith(refused)
assert lines[at + 2].endsWith(malformed)
assert !log.contains('Non-resolvable parent POM') : 'stopped before the project was read'
evaluate(new File(leakCheck))(log, ['a-wrong-secret-Vf62q'])
