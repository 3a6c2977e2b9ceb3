def log = new File(basedir, 'build.log').text
def requests = { user -> new URL("${proxyUrl}/__requests?user=${user}").text.readLines() }
def tunnel = "200 CONNECT ${genesysHttpsTarget}".toString()

// Both builds got their token from the HTTPS server, over the proxy that names https.
// (Each assert on the log has a message: without one, Groovy would print the whole log.)
def obtained = log.findAll(/Obtained genesys token from oauth-token\.test \(expires \S+, fingerprint [0-9a-f]{8}\)/)
assert obtained.size() == 2 : "two builds, two tokens, but: ${obtained}"
[/Proxy for http URLs: proxy\.oauth-token\.test:\d+ \(settings.xml proxy 'corp-http'\), with authentication/,
 /Proxy for https URLs: proxy\.oauth-token\.test:\d+ \(settings.xml proxy 'corp-https'\), with authentication/,
 /Proxy for http URLs: proxy\.oauth-token\.test:\d+ \(HTTP_PROXY\), with authentication, bypassed for /,
 /Proxy for https URLs: proxy\.oauth-token\.test:\d+ \(HTTPS_PROXY\), with authentication, bypassed for /].each {
    assert log =~ it : "no debug line ${it}"
}
// Exactly one tunnel per build, and nothing else: the pair used to send the CONNECT itself through the http proxy
// (a CONNECT to the proxy's own address), which the proxy refused with HTTP 403.
assert requests('it-pair-user') == [tunnel] : "what the settings.xml build sent through the proxy: ${requests('it-pair-user')}"
assert requests('it-env-user') == [tunnel] : "what the environment build sent through the proxy: ${requests('it-env-user')}"
assert !(log =~ /\[WARNING\].*(?i)retry/) : 'a request was retried'

def secret = 'it-genesys-secret-4Qx9Tb'
[secret, 'it-proxy-pass-R5tv', 'it-trust-pass-M7cd', ('it-proxy-client:' + secret).bytes.encodeBase64().toString(),
 'it-pair-user:it-proxy-pass-R5tv'.bytes.encodeBase64().toString(),
 'it-env-user:it-proxy-pass-R5tv'.bytes.encodeBase64().toString()].each {
    assert !log.contains(it) : 'a secret appears in the build log'
}
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token appears in the build log' }
assert !(log =~ /(?i)authorization:/) : 'a request header was logged'

true
