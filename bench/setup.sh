# Sourced by bench/run.sh and bench/profile.sh: installs the plugin into a throw-away local repository chained to
# yours, makes a private CA and a server certificate for 127.0.0.1, starts bench/TokenServer.java over HTTPS, and
# defines reactor() (generates the benchmark's builds) and build() (runs one). Sets WORK (deleted on exit unless
# BENCH_KEEP=1), MVN, REPO, VERSION, URL, TLS, TIMER.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
WORK=$(mktemp -d)
SERVER_PID=
# Commands a script adds (CLEANUP+=("...")) run first, before the server stops and the work directory goes.
CLEANUP=()
on_exit() {
  local c
  for c in "${CLEANUP[@]}"; do eval "$c"; done
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  [ "${BENCH_KEEP:-}" = 1 ] || rm -rf "$WORK"
}
trap on_exit EXIT
mkdir -p "$WORK/times" "$WORK/mojo" "$WORK/tls" "$WORK/classes"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_START=$(loadavg)

echo "Building and installing the plugin (unit tests and ITs skipped)..." >&2
MAVEN_HOME=$(./mvnw -B --version | sed -n 's/^Maven home: //p')
USER_REPO=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)
SOURCE_VERSION=$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout)
# A release version, as users run the plugin: Maven resolves a -SNAPSHOT plugin's version from maven-metadata files,
# under their locks, in every build, which a released plugin does not cost (about 25 ms in a class-load timeline).
VERSION="${SOURCE_VERSION%-SNAPSHOT}-bench"
REPO=(-Dmaven.repo.local="$WORK/repo" -Dmaven.repo.local.tail="$USER_REPO")

# install_plugin DIR VERSION: builds the plugin in DIR (a copy) as VERSION, into the benchmark's local repository.
install_plugin() {
  # The project's own <version> is the POM's first: the POM has no parent.
  sed -i "0,/<version>[^<]*<\/version>/s//<version>$2<\/version>/" "$1/pom.xml"
  (cd "$1" && "$ROOT/mvnw" -B -q "${REPO[@]}" install -DskipTests -Dinvoker.skip=true >&2)
}
# The working tree as it is, uncommitted changes included, in a copy: the version changes, the clone's target does not.
mkdir "$WORK/tree"
tar -C "$ROOT" --exclude=./target --exclude=./.git --exclude=./dependency-reduced-pom.xml -cf - . | tar -C "$WORK/tree" -xf -
install_plugin "$WORK/tree" "$VERSION"
# Maven itself, not the wrapper script: the wrapper's own start-up would be in every figure alike and only add noise.
MVN="$MAVEN_HOME/bin/mvn"

# The time-inside-the-goal recorder (bench/MojoTimer.java), a core extension of the benchmark's builds only.
javac -nowarn -d "$WORK/timer" -cp "$MAVEN_HOME/lib/*" bench/MojoTimer.java
mkdir -p "$WORK/timer/META-INF/sisu"
echo bench.MojoTimer > "$WORK/timer/META-INF/sisu/javax.inject.Named"
jar cf "$WORK/timer.jar" -C "$WORK/timer" .
mkdir -p "$WORK/project"
TIMER=(-Dmaven.ext.class.path="$WORK/timer.jar" -Dbench.mojoTimes="$WORK/mojo/current"
  -Dbench.projectTimes="$WORK/project/current")

# A private CA and a server certificate for 127.0.0.1 (SAN IP:127.0.0.1, which host name verification needs for a
# URL with an IP address), made by keytool here, so that every fetch is a real TLS handshake with a real chain.
echo "Making a private CA and the token server's certificate..." >&2
TLS=$WORK/tls
PW=bench-store-pass
kt() { keytool -J-XX:TieredStopAtLevel=1 -J-Xshare:auto "$@" 2>/dev/null; }
kt -genkeypair -alias ca -keyalg RSA -keysize 2048 -dname CN=bench-ca -ext bc:c -validity 3 \
  -keystore "$TLS/ca.p12" -storetype PKCS12 -storepass "$PW"
kt -exportcert -rfc -alias ca -keystore "$TLS/ca.p12" -storepass "$PW" -file "$TLS/ca.pem"
kt -genkeypair -alias server -keyalg RSA -keysize 2048 -dname CN=127.0.0.1 -validity 3 \
  -keystore "$TLS/server.p12" -storetype PKCS12 -storepass "$PW"
kt -certreq -alias server -keystore "$TLS/server.p12" -storepass "$PW" -file "$TLS/server.csr"
kt -gencert -alias ca -keystore "$TLS/ca.p12" -storepass "$PW" -infile "$TLS/server.csr" -outfile "$TLS/server.pem" \
  -rfc -validity 3 -ext san=ip:127.0.0.1 -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth
kt -importcert -noprompt -alias ca -file "$TLS/ca.pem" -keystore "$TLS/server.p12" -storepass "$PW"
kt -importcert -alias server -file "$TLS/server.pem" -keystore "$TLS/server.p12" -storepass "$PW"
# The plugin's <trustStore>: the CA alone, as curl's --cacert. A JKS store needs no password to list certificates.
kt -importcert -noprompt -alias ca -file "$TLS/ca.pem" -keystore "$TLS/trust.jks" -storetype JKS -storepass "$PW"

java "$ROOT/bench/TokenServer.java" "$WORK/port" "$TLS/server.p12" "$PW" &
SERVER_PID=$!
for _ in $(seq 300); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
URL="https://127.0.0.1:$PORT"
export GENESYS_CLIENT_ID=bench-client GENESYS_CLIENT_SECRET=bench-secret-value
requests() { curl -sf --cacert "$TLS/ca.pem" "$URL/count"; }
reset() { curl -sf --cacert "$TLS/ca.pem" "$URL/reset" > /dev/null; }

# reactor DIR N MODE [VERSION]: MODE is none | fetch (cache=session: one fetch per build) | hit (cache=file) | curl;
# VERSION is the plugin's (default: the working tree's; bench/compare.sh installs another beside it)
reactor() {
  local dir=$1 n=$2 mode=$3 version=${4:-$VERSION} plugin="" modules=""
  mkdir -p "$dir"
  case $mode in
    fetch|hit)
      local cache=session; [ "$mode" = hit ] && cache=file
      plugin="<plugin><groupId>io.github.oauthtoken</groupId><artifactId>oauth-token-maven-plugin</artifactId>
        <version>$version</version><executions><execution><goals><goal>fetch</goal></goals></execution></executions>
        <configuration><provider>genesys</provider><tokenUrl>$URL/oauth/token</tokenUrl><cache>$cache</cache>
        <cacheDirectory>$WORK/cache-$version</cacheDirectory><trustStore>$TLS/trust.jks</trustStore></configuration></plugin>";;
    curl)
      plugin="<plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.6.2</version>
        <executions><execution><phase>initialize</phase><goals><goal>exec</goal></goals><configuration>
        <executable>sh</executable><arguments><argument>-c</argument>
        <argument>curl -sf --cacert $TLS/ca.pem -u \"\$GENESYS_CLIENT_ID:\$GENESYS_CLIENT_SECRET\" -d grant_type=client_credentials $URL/oauth/token > /dev/null</argument>
        </arguments></configuration></execution></executions></plugin>";;
  esac
  for i in $(seq "$n"); do
    [ "$n" -gt 1 ] || break
    modules="$modules<module>m$i</module>"
    mkdir -p "$dir/m$i"
    echo "<project><modelVersion>4.0.0</modelVersion><parent><groupId>bench</groupId><artifactId>root</artifactId><version>1</version></parent><artifactId>m$i</artifactId></project>" > "$dir/m$i/pom.xml"
  done
  echo "<project><modelVersion>4.0.0</modelVersion><groupId>bench</groupId><artifactId>root</artifactId><version>1</version>
    <packaging>pom</packaging><modules>$modules</modules><build><plugins>$plugin</plugins></build></project>" > "$dir/pom.xml"
}

# build DIR [ARGS...]: one `mvn -B -q initialize`; fails the benchmark with the build's output if the build fails.
# $JVM_OPTS, when set, goes to Maven's JVM (after the user's own MAVEN_OPTS).
build() {
  local dir=$1; shift
  if ! MAVEN_OPTS="${MAVEN_OPTS:-} ${JVM_OPTS:-}" "$MVN" -B -q "${REPO[@]}" -f "$dir/pom.xml" initialize "$@" \
      > "$WORK/last.log" 2>&1; then
    echo "benchmark build in $dir failed:" >&2; cat "$WORK/last.log" >&2; exit 1
  fi
}

# rounds CASE ROUNDS "LABEL DIR [ARGS...]"...: one warm-up build of each variant, then ROUNDS rounds in which every
# variant builds once, the order rotating by one each round. Wall times (ms) go to $WORK/times/CASE.LABEL, line r
# being round r, so that line r of two variants is a pair measured under the same load; what MojoTimer wrote for a
# build given ${TIMER[*]} ($WORK/mojo/current, $WORK/project/current) is appended to $WORK/mojo/CASE.LABEL and
# $WORK/project/CASE.LABEL.
rounds() {
  local case=$1 n=$2; shift 2
  local variants=("$@") k=$# r j s e a
  for v in "${variants[@]}"; do read -r -a a <<< "$v"; build "${a[@]:1}"; done
  rm -f "$WORK/mojo/current" "$WORK/project/current"
  for r in $(seq 0 $((n - 1))); do
    for j in $(seq 0 $((k - 1))); do
      read -r -a a <<< "${variants[$(( (r + j) % k ))]}"
      s=$(date +%s%N); build "${a[@]:1}"; e=$(date +%s%N)
      echo $(( (e - s) / 1000000 )) >> "$WORK/times/$case.${a[0]}"
      for spy in mojo project; do
        if [ -f "$WORK/$spy/current" ]; then
          cat "$WORK/$spy/current" >> "$WORK/$spy/$case.${a[0]}"; rm "$WORK/$spy/current"
        fi
      done
    done
  done
}

