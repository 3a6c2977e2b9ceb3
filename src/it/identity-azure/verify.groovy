def lines = new File(basedir, 'build.log').readLines()
def log = lines.join('\n')
assert (log =~ /Obtained oauth2 token from 127\.0\.0\.1 \(expires \S+, fingerprint [0-9a-f]{8}\)/).count == 3
def secrets = lines.findAll { it.contains('##vso[task.setsecret]') }
       .collect { it.substring(it.indexOf('##vso[task.setsecret]') + '##vso[task.setsecret]'.length()) }
def identityTokens = secrets.findAll { it.startsWith('eyJ') }
assert identityTokens.size() == 3 && identityTokens.unique(false).size() == 3
def others = lines.findAll { !it.contains('##vso[task.setsecret]') }.join('\n')
new File(tokenJournal).readLines().each { assert !others.contains(it) : 'an identity token or a token appears in the log' }
assert !others.contains('it-azure-system-access-token-Lw2e') : 'System.AccessToken appears in the log'

true
