def lines = new File(basedir, 'build.log').readLines()
def warnings = lines.findAll { it.contains('No token (failOnError is false, so the build goes on)') }
assert warnings.size() == 21 : 'every module (and the parent) reports'
warnings.each { assert it.contains('no complete answer within the <timeout> of 3 s') : 'with the same reason' }
assert warnings.count { it.contains('The same token failed earlier in this build; not retried.') } == 20 : 'one wait for the build'
assert lines.any { it.contains('BUILD SUCCESS') }
assert !lines.any { it.contains('it-genesys-secret-4Qx9Tb') }
true
