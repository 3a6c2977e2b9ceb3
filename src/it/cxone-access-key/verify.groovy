def (tenant, api, type, expiresIn) = new File(basedir, 'target/cxone.txt').text.split('\\|')
assert tenant == '11EB0358-F8A7-4A5F-8D6E-simulated'
assert api ==~ /http:\/\/127\.0\.0\.1:\d+\/tenants\/11EB0358-F8A7-4A5F-8D6E-simulated/
assert type == 'Bearer'
assert expiresIn == '3600'
def log = new File(basedir, 'build.log').text
assert log.contains('Obtained cxone token from 127.0.0.1')
['it-cxone-app-secret-Zk2w', 'it-access-key-secret-P8wq'].each { assert !log.contains(it) }
new File(tokenJournal).readLines().each { assert !log.contains(it) }

true
