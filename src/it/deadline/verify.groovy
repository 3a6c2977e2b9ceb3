def log = new File(basedir, 'build.log').text
// The fetch gave up at its own <timeout>, with the reason, and did not retry past it.
assert log.contains('no complete answer within the <timeout> of 3 s for the whole fetch')
assert !log.contains('; retry ')
// A build that ignored <timeout> would wait for the default deadline of 60 s (or Jetty's idle timeout) before it
// failed: the whole build (Maven's own clock, JVM start excluded) ends well before that, whatever the machine's load.
def total = (log =~ /Total time:\s+(?:(\d+):(\d+) min|([\d.]+) s)/)
assert total.find() : 'no total time in the log'
def seconds = total.group(3) != null ? Double.parseDouble(total.group(3))
        : Integer.parseInt(total.group(1)) * 60 + Integer.parseInt(total.group(2))
assert seconds < 60 : "the build took ${seconds} s"
assert !log.contains('it-genesys-secret-4Qx9Tb')

true
