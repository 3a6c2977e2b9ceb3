def log = new File(basedir, 'build.log').text
// It really ran at debug level, through the proxy, over HTTPS, with verify.
assert log.contains('[DEBUG]')
assert log.contains('Genesys Cloud accepted the token')
assert log =~ /Proxy for http URLs: 127\.0\.0\.1:\d+ \(settings.xml proxy 'it-proxy'\), with authentication/
assert log =~ /Obtained genesys token from oauth-token\.test \(expires \S+, fingerprint [0-9a-f]{8}\)/
// The proxy saw this build's tunnels, authenticated, to the HTTPS simulator, and nothing else from it.
def tunnels = new URL("${proxyUrl}/__requests?user=it-proxy-user").text.readLines()
assert !tunnels.isEmpty() : 'the build did not go through the proxy'
assert tunnels.every { it == "200 CONNECT ${genesysHttpsTarget}" } : "the proxy answered otherwise: ${tunnels}"
// None of the secrets, in any form the plugin sends them.
def secret = 'it-genesys-secret-4Qx9Tb'
def basic = 'it-debug-client:' + secret
[secret, 'it-proxy-pass-R5tv', 'it-trust-pass-M7cd', basic.bytes.encodeBase64().toString(),
 'it-proxy-user:it-proxy-pass-R5tv'.bytes.encodeBase64().toString()].each {
    assert !log.contains(it) : "a secret appears in the -X build log"
}
new File(tokenJournal).readLines().each { assert !log.contains(it) : 'a token appears in the -X build log' }
assert !(log =~ /(?i)authorization:/) : 'a request header was logged'
// Jetty's own debug output stays off, also relocated inside the plugin's jar (its lines name its components, such as
// "HttpClient@1a2b3c" or "igosoejus.SslContextFactory$Client@...", and Maven's -X logger prints no logger names).
assert !(log =~ /(?m)^\[DEBUG\] .*(HttpClient@|SslContextFactory|QueuedThreadPool|ClientConnector@)/) : 'Jetty debug output'
// Jetty and Jackson are inside the plugin's jar: Maven resolves no other artifact for the plugin's class realm.
def realm = log.readLines().findAll { it =~ /^\[DEBUG\]\s+Included: / }
assert realm.any { it.contains('oauth-token-maven-plugin') } : 'the -X log lists the plugin realm'
assert realm.every { it.contains('oauth-token-maven-plugin') } : "the plugin realm holds more than the plugin: ${realm}"

true
