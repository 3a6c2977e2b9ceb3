// Shared by the prebuild.groovy of the ITs that load the plugin as a core extension: writes the IT's
// .mvn/extensions.xml. Invoker filters POMs but not that file, so the version comes from the IT's POM
// (<oauth.plugin.version>@project.version@</oauth.plugin.version>).
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
