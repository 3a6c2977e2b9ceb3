def lines = new File(basedir, 'build.log').readLines()
def masks = lines.findAll { it.startsWith('::add-mask::') }
assert masks.size() == 1
def token = masks[0] - '::add-mask::'
assert new File(tokenJournal).readLines().contains(token)
// The mask line is the only line with the token, so it comes before anything else could print it.
assert lines.findAll { it.contains(token) } == masks

def env = new File(basedir, 'github_env').text
def matcher = env =~ /(?s)^API_TOKEN<<(ghadelimiter_[0-9a-f]{32})\n(.*)\n\1\n$/
assert matcher.matches() && matcher.group(2) == token
assert new File(basedir, 'github_output').text.startsWith('api-token<<ghadelimiter_')
def summary = new File(basedir, 'summary.md').text
assert summary.contains('genesys') && summary =~ /fingerprint `[0-9a-f]{8}`/ && !summary.contains(token)
assert !lines.any { it.contains('it-genesys-secret-4Qx9Tb') }

true
