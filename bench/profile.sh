#!/usr/bin/env bash
# Where the time of the goal goes (issue 14), for BENCHMARKS.md: one single-module build of each case with
#  - -Xlog:class+load: the classes loaded, by where they come from;
#  - mvn -X with time stamps: Maven's phases for the plugin (resolving its realm, creating it, configuring the goal)
#    and the goal itself;
#  - -Xlog:startuptime: the JVM's own start, the same for every case.
# Usage (from anywhere): bash bench/profile.sh [runs per case, default 3]; prints medians.
RUNS=${1:-3}
source "$(dirname "$0")/setup.sh"
reactor "$WORK/none-1" 1 none
reactor "$WORK/hit-1" 1 hit
reactor "$WORK/fetch-1" 1 fetch
build "$WORK/hit-1"   # fills the file cache
med() { sort -g | awk '{a[NR]=$1} END {print (a[int((NR+1)/2)]+a[int(NR/2)+1])/2}'; }

echo "load average at start: $LOAD_START"
echo
echo "| case | classes loaded | from the plugin's jar | from the JDK's modules (not in the CDS archive) | JDK classes from the CDS archive | generated (lambdas, proxies) |"
echo "|---|---|---|---|---|---|"
for c in none hit fetch; do
  JVM_OPTS="-Xlog:class+load=info:file=$WORK/classes/$c.log" build "$WORK/$c-1"
  f=$WORK/classes/$c.log
  echo "| $c | $(grep -c 'source:' "$f") | $(grep -c 'source: .*oauth-token-maven-plugin' "$f") | $(grep -c 'source: jrt:/' "$f") | $(grep -c 'source: shared objects file' "$f") | $(grep 'source: ' "$f" | grep -c -v -E 'source: (jrt:|file:|shared objects file)') |"
done

# mvn -X time stamps: seconds.millis of the first line matching each pattern
TS=(-X -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=ss.SSS)
phase() {  # LOG FROM TO: ms between the first lines matching FROM and TO
  awk -v a="$2" -v b="$3" '$0 ~ a && !x {x=$1} $0 ~ b && !y {y=$1} END {d=(y-x)*1000; if (d<0) d+=60000; printf "%.0f\n", d}' "$1"
}
for c in hit fetch; do
  for i in $(seq "$RUNS"); do
    "$MVN" -B "${REPO[@]}" "${TS[@]}" -f "$WORK/$c-1/pom.xml" initialize > "$WORK/x.log" 2>&1
    phase "$WORK/x.log" 'Building root' 'PROJECT BUILD PLAN' >> "$WORK/$c.plan"
    phase "$WORK/x.log" '--- oauth-token' 'Dependency collection stats' >> "$WORK/$c.resolve"
    phase "$WORK/x.log" 'Dependency collection stats' 'Loading mojo' >> "$WORK/$c.realm"
    phase "$WORK/x.log" 'Loading mojo' 'end configuration' >> "$WORK/$c.configure"
    phase "$WORK/x.log" 'end configuration' 'genesys token from' >> "$WORK/$c.goal"
  done
done
echo
echo "mvn -X time stamps, median of $RUNS builds (ms; -X itself adds to the goal's own time: it logs every parameter):"
echo
echo "| case | execution plan (reads the plugin's descriptor) | resolve the plugin's dependencies | create its class realm | find and configure the goal | the goal |"
echo "|---|---|---|---|---|---|"
for c in hit fetch; do
  echo "| $c | $(med < "$WORK/$c.plan") | $(med < "$WORK/$c.resolve") | $(med < "$WORK/$c.realm") | $(med < "$WORK/$c.configure") | $(med < "$WORK/$c.goal") |"
done

echo
for c in none fetch; do
  JVM_OPTS="-Xlog:startuptime:file=$WORK/startup-$c.log" build "$WORK/$c-1"
done
echo "JVM start (-Xlog:startuptime, 'Create VM'): $(grep -m1 'Create VM' "$WORK/startup-none.log" | sed 's/.*Create VM, //; s/ secs.*//') s plain, $(grep -m1 'Create VM' "$WORK/startup-fetch.log" | sed 's/.*Create VM, //; s/ secs.*//') s with the plugin"
echo "load average at end: $(loadavg)"
