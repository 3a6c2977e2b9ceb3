// build.log is the process's standard output, what the runner reads; maven*.log are Maven's -l files.
def stdout = new File(basedir, 'build.log').readLines()
def masks = stdout.findAll { it.startsWith('::add-mask::') }
assert masks.size() == 2 : 'one mask command per build, each at the start of a line'
def journal = new File(tokenJournal).readLines()
masks.each { assert journal.contains(it - '::add-mask::') }
assert !stdout.any { it.contains('[stdout]') || (it.contains('::add-mask::') && !it.startsWith('::add-mask::')) }
['maven.log', 'maven-quiet.log'].each { name ->
    def file = new File(basedir, name)
    assert file.exists() : "${name} was written"
    def text = file.text
    assert !text.contains('add-mask') : "${name} holds the mask command"
    journal.each { assert !text.contains(it) : "${name} holds a token" }
    assert !text.contains('it-genesys-secret-4Qx9Tb')
}
assert new File(basedir, 'maven.log').text.contains('Obtained genesys token')
true
