def log = new File(basedir, 'build.log').text
def fingerprint = (log =~ /Obtained genesys token from 127\.0\.0\.1 \(expires \S+, fingerprint ([0-9a-f]{8})\)/)
assert fingerprint.find()
assert log.contains("oauth.token                ${fingerprint.group(1)} (fingerprint")
assert log.contains('oauth.token.type           bearer')
assert log.contains('oauth.token.organizationId 0a1b2c3d-org')
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }
// The README's first command (-Pdemo, Maven 3) shows this build's output: nothing in it may look like a failure. The
// ITs' local.central repository (src/it/settings.xml) is the developer's local repository, which keeps no checksum
// files; with Maven's default checksum policy every artifact the demo took from it printed a ChecksumFailureException
// as a WARNING. Maven 4 also warns about the shared settings' legacy encrypted password (another IT's fixture) and
// about repositories that do not serve its prefix files, none of which a newcomer's demo run meets.
def alarming = log.readLines().findAll {
    it.contains('Checksum') || it.contains('Exception') || (mavenMajor.toString() == '3' && (it.startsWith('[WARNING]') || it.startsWith('[ERROR]')))
}
assert alarming.isEmpty() : "the demo's own build printed:\n" + alarming.join('\n')
true
