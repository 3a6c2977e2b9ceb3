import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

assert new URL("${genesysUrl}/__count?client=it-cache-client${clientSuffix}").text == '1' : 'the offline build made no request'
def files = new File(basedir, 'target/token-cache').listFiles().findAll { it.name.endsWith('.properties') }
assert files.size() == 1
assert files[0].name ==~ /[0-9a-f]{64}\.properties/ : 'the file is named by a hash, not by the client'
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(files[0].toPath())) == 'rw-------'
assert !files[0].text.contains('it-genesys-secret-4Qx9Tb')

def log = new File(basedir, 'build.log').text
assert log.contains('Reusing (file cache) genesys token from 127.0.0.1')
assert log.contains('Maven runs offline (-o) and no cached genesys token is valid')
assert !log.contains('it-genesys-secret-4Qx9Tb')
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
