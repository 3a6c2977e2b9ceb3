def lines = new File(basedir, 'build.log').readLines()
def secretLine = lines.find { it.startsWith('##vso[task.setsecret]') }
assert secretLine : 'no task.setsecret line'
def token = secretLine - '##vso[task.setsecret]'
assert new File(tokenJournal).readLines().contains(token)
// Only these two lines carry the token, the secret first, so the agent masks everything after it.
assert lines.findAll { it.contains(token) } == [secretLine, "##vso[task.setvariable variable=API_TOKEN;issecret=true]${token}".toString()]
assert !lines.any { it.contains('::add-mask::') }
assert !lines.any { it.contains('it-genesys-secret-4Qx9Tb') }
true
