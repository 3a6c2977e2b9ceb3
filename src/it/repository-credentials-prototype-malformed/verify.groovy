import groovy.json.JsonSlurper

def requests = new JsonSlurper().parse(new URL("${repositoryUrl}/__requests?space=proto-malformed-m${mavenMajor}"))
assert requests.isEmpty() : "the build reached the repository: ${requests}"

def log = new File(basedir, 'build.log').text
assert log.contains("settings.xml server 'it-repo-malformed': the <oauthToken> element of its <configuration> is "
        + "malformed: <sendAs> must be basic (the token as the password beside <username>) or bearer (an "
        + "Authorization: Bearer header).")
assert !log.contains('Non-resolvable parent POM') : 'stopped before the project was read'
def token = new File(new File(tokenJournal).parentFile, 'repo-token.txt').text.trim()
assert !log.contains(token)
true
