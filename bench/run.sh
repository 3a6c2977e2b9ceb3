#!/usr/bin/env bash
# Benchmark of the fetch goal: token requests and wall time of `mvn -q initialize` for reactors of N modules,
# with the plugin and without it, plus the cold single-module cost against the curl script it replaces, and a
# file-cache hit. Usage (from the project root): bash bench/run.sh [runs-per-case, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-5}
WORK=$(mktemp -d)
trap 'kill "${SERVER_PID:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "Installing the plugin (unit tests and ITs skipped)..." >&2
./mvnw -B -q install -DskipTests -Dinvoker.skip=true >&2
VERSION=$(./mvnw -B -q help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null)
MVN="$ROOT/mvnw"

java "$ROOT/bench/TokenServer.java" "$WORK/port" &
SERVER_PID=$!
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
URL="http://127.0.0.1:$PORT"
export GENESYS_CLIENT_ID=bench-client GENESYS_CLIENT_SECRET=bench-secret-value

# reactor DIR N MODE: MODE is plugin | none | curl | filecache
reactor() {
  local dir=$1 n=$2 mode=$3 plugin="" modules=""
  mkdir -p "$dir"
  case $mode in
    plugin|filecache)
      local cache=session; [ "$mode" = filecache ] && cache=file
      plugin="<plugin><groupId>io.github.oauthtoken</groupId><artifactId>oauth-token-maven-plugin</artifactId>
        <version>$VERSION</version><executions><execution><goals><goal>fetch</goal></goals></execution></executions>
        <configuration><provider>genesys</provider><tokenUrl>$URL/oauth/token</tokenUrl><cache>$cache</cache>
        <cacheDirectory>$WORK/cache</cacheDirectory></configuration></plugin>";;
    curl)
      plugin="<plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.6.2</version>
        <executions><execution><phase>initialize</phase><goals><goal>exec</goal></goals><configuration>
        <executable>sh</executable><arguments><argument>-c</argument>
        <argument>curl -sf -u \"\$GENESYS_CLIENT_ID:\$GENESYS_CLIENT_SECRET\" -d grant_type=client_credentials $URL/oauth/token > /dev/null</argument>
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

# median wall time in ms of RUNS runs of `mvn -q initialize` in DIR, with extra args
median_ms() {
  local dir=$1; shift
  "$MVN" -B -q -f "$dir/pom.xml" initialize "$@" > /dev/null   # warm-up: plugin resolution, file caches
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s%N)
    "$MVN" -B -q -f "$dir/pom.xml" initialize "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

requests() { curl -s "$URL/count"; }
reset() { curl -s "$URL/reset" > /dev/null; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), runs per case: $RUNS"
echo
echo "| modules | -T | token requests per build | without plugin (ms) | with plugin (ms) | added (ms) | added per module after the first (ms) |"
echo "|---|---|---|---|---|---|---|"
for n in 1 10 100; do
  reactor "$WORK/none-$n" "$n" none
  reactor "$WORK/plugin-$n" "$n" plugin
  for threads in 1 4; do
    [ "$n" -eq 1 ] && [ "$threads" -ne 1 ] && continue
    base=$(median_ms "$WORK/none-$n" -T "$threads")
    reset
    "$MVN" -B -q -f "$WORK/plugin-$n/pom.xml" initialize -T "$threads" > /dev/null
    count=$(requests)
    with=$(median_ms "$WORK/plugin-$n" -T "$threads")
    added=$(( with - base ))
    per=$([ "$n" -gt 1 ] && echo "scale=2; ($added - ${single_added:-0}) / ($n - 1)" | bc || echo "-")
    [ "$n" -eq 1 ] && single_added=$added
    echo "| $n | $threads | $count | $base | $with | $added | $per |"
  done
done

echo
reactor "$WORK/curl-1" 1 curl
curl_ms=$(median_ms "$WORK/curl-1")
base=$(median_ms "$WORK/none-1")
plugin_ms=$(median_ms "$WORK/plugin-1")
echo "| single module, cold JVM | wall time (ms) | vs plain mvn initialize |"
echo "|---|---|---|"
echo "| plain \`mvn initialize\` | $base | - |"
echo "| with the plugin | $plugin_ms | $(echo "scale=1; 100 * ($plugin_ms - $base) / $base" | bc)% |"
echo "| with exec-maven-plugin running curl (the script it replaces) | $curl_ms | $(echo "scale=1; 100 * ($curl_ms - $base) / $base" | bc)% |"

echo
reactor "$WORK/filecache-1" 1 filecache
reset
"$MVN" -B -q -f "$WORK/filecache-1/pom.xml" initialize > /dev/null
first=$(requests)
reset
hit_ms=$(median_ms "$WORK/filecache-1")
echo "| file cache | token requests | wall time (ms) |"
echo "|---|---|---|"
echo "| first build (cache empty) | $first | - |"
echo "| later builds (cache hit), $((RUNS + 1)) builds | $(requests) | $hit_ms |"
