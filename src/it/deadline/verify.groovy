def log = new File(basedir, 'build.log').text
assert log.contains('no complete answer within the <timeout> of 3 s for the whole fetch')
// Maven's own clock: the whole build, JVM start excluded, stays near the 3 s timeout.
def total = (log =~ /Total time:\s+([\d.]+) s/)
assert total.find() : 'no total time in the log'
assert Double.parseDouble(total.group(1)) < 3 + 20
assert !log.contains('it-genesys-secret-4Qx9Tb')

true
