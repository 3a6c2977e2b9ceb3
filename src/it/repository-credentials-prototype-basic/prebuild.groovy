// The plugin as a core extension. Invoker filters POMs but not .mvn/extensions.xml, so the version comes from the POM.
def version = (new File(basedir, 'pom.xml').text =~ /<oauth\.plugin\.version>([^<]+)</)[0][1]
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/extensions.xml').text = """<extensions>
  <extension>
    <groupId>io.github.oauthtoken</groupId>
    <artifactId>oauth-token-maven-plugin</artifactId>
    <version>${version}</version>
  </extension>
</extensions>
"""
true
