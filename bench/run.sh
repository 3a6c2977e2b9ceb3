#!/usr/bin/env bash
# Start-up benchmark of the fetch goal (issue 14): wall time of `mvn -B -q initialize` with the plugin against the
# same build without it, and against an exec-maven-plugin step running curl, in PAIRED, interleaved runs (the
# variants of a case take turns, in a rotating order, so that the load of a shared machine hits them alike), plus the
# classes each case loads and the time inside the goal per module. Every figure is printed beside its target.
#
# Usage (from anywhere): bash bench/run.sh [rounds per case, default 10]
# Needs JDK 17+ (java, javac, jar, keytool), curl, bc, and Maven Central (or a local repository that has the build's
# plugins). The plugin is installed into a throw-away local repository chained to yours (maven.repo.local.tail), so
# nothing of the benchmark lands in ~/.m2.
ROUNDS=${1:-10}
source "$(dirname "$0")/setup.sh"

# stats: reads numbers, prints "median q1 q3"
stats() { sort -g | awk '{a[NR]=$1} END {m=(a[int((NR+1)/2)]+a[int(NR/2)+1])/2; q=int((NR+3)/4); printf "%s %s %s\n", m, a[q], a[NR+1-q]}'; }
med() { stats < "$1" | cut -d' ' -f1; }
# ratios A B: per-pair B/A of two variants' time files
ratios() { paste "$1" "$2" | awk '{printf "%.4f\n", $2 / $1}'; }
fmt() { LC_ALL=C printf "%.${2:-2}f" "$1"; }
verdict() { [ "$(echo "$1" | bc -l)" = 1 ] && echo yes || echo "**no**"; }

T="$WORK/times"
echo "Timing: $ROUNDS rounds per case (after one warm-up build of each variant); load average at start $LOAD_START" >&2

# --- Case 1: file-cache hit against plain Maven -----------------------------------------------------------------------
reactor "$WORK/none-1" 1 none
reactor "$WORK/hit-1" 1 hit
reset
rounds hit "$ROUNDS" "plain $WORK/none-1 ${TIMER[*]}" "hit $WORK/hit-1 ${TIMER[*]}"   # the warm-up of hit fills the cache
hit_requests=$(( $(requests) - 1 ))
read -r hit_ratio hit_q1 hit_q3 <<< "$(ratios "$T/hit.plain" "$T/hit.hit" | stats)"

# --- Case 2: a fetch over HTTPS against exec-maven-plugin + curl -------------------------------------------------------
reactor "$WORK/fetch-1" 1 fetch
reactor "$WORK/curl-1" 1 curl
reset
rounds https "$ROUNDS" "plain $WORK/none-1 ${TIMER[*]}" "curl $WORK/curl-1 ${TIMER[*]}" "fetch $WORK/fetch-1 ${TIMER[*]}"
https_requests=$(requests)   # warm-ups and rounds: one plugin and one curl request per build
read -r fc_ratio fc_q1 fc_q3 <<< "$(ratios "$T/https.curl" "$T/https.fetch" | stats)"
read -r cp_ratio _ _ <<< "$(ratios "$T/https.plain" "$T/https.curl" | stats)"
# The project's build (MojoTimer: ProjectStarted to ProjectSucceeded), per round: what a variant adds inside Maven's
# build of the module, without the JVM's start and end, which are alike in every variant and carry most of the noise.
project_ms() { awk '{print $2 / 1000}' "$WORK/project/$1"; }
project_diff() { paste <(project_ms "$1") <(project_ms "$2") | awk '{printf "%.1f\n", $2 - $1}' | stats; }
read -r hit_pd hit_pd1 hit_pd3 <<< "$(project_diff hit.plain hit.hit)"
read -r curl_pd _ _ <<< "$(project_diff https.plain https.curl)"
read -r fetch_pd _ _ <<< "$(project_diff https.plain https.fetch)"
read -r fc_pd fc_pd1 fc_pd3 <<< "$(project_diff https.curl https.fetch)"
read -r fp_ratio _ _ <<< "$(ratios "$T/https.plain" "$T/https.fetch" | stats)"

# --- Case 3: cost per module after the first ---------------------------------------------------------------------------
for n in 10 100; do reactor "$WORK/none-$n" "$n" none; reactor "$WORK/fetch-$n" "$n" fetch; done
per_module() {  # CASE N: per round ((fetch-N - none-N) - (fetch-1 - none-1)) / (N - 1), in ms
  paste "$T/$1.none1" "$T/$1.fetch1" "$T/$1.none$2" "$T/$1.fetch$2" \
    | awk -v n="$2" '{printf "%.3f\n", (($4 - $3) - ($2 - $1)) / (n - 1)}'
}
for threads in 1 4; do
  reset
  vs=()
  for n in 1 10 100; do
    vs+=("none$n $WORK/none-$n -T $threads ${TIMER[*]}")
    vs+=("fetch$n $WORK/fetch-$n -T $threads ${TIMER[*]}")
  done
  rounds "T$threads" "$ROUNDS" "${vs[@]}"
  eval "requests_T$threads=$(requests)"
done
builds_T=$(( 3 * (ROUNDS + 1) ))   # fetch builds per -T setting (warm-ups included), one token request each

# in-build time of the goal, modules after the first: median over every such execution of every round, in ms
mojo_after_first() { awk '$1 > 0 {print $2 / 1000}' "$WORK/mojo/T$1.fetch$2" | stats | cut -d' ' -f1; }
mojo_first() { awk '$1 == 0 {print $2 / 1000}' "$WORK/mojo/T$1.fetch$2" | stats | cut -d' ' -f1; }

# --- Classes loaded (one build each, -Xlog:class+load) ------------------------------------------------------------------
classes() {  # LABEL DIR: total classes loaded; and those from the plugin's jars (its own, Jetty, Jackson)
  JVM_OPTS="-Xlog:class+load=info:file=$WORK/classes/$1.log" build "$2"
  local total plugin
  total=$(grep -c 'source:' "$WORK/classes/$1.log" || true)
  plugin=$(grep -E -c 'source: .*(oauth-token-maven-plugin|jetty-|jackson-)' "$WORK/classes/$1.log" || true)
  echo "$total $plugin"
}
read -r cl_plain _ <<< "$(classes plain "$WORK/none-1")"
read -r cl_hit cl_hit_plugin <<< "$(classes hit "$WORK/hit-1")"
read -r cl_fetch cl_fetch_plugin <<< "$(classes fetch "$WORK/fetch-1")"
LOAD_END=$(loadavg)

# --- Report --------------------------------------------------------------------------------------------------------------
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), $("$MVN" --version | head -1 | sed 's/ (.*//')"
echo "rounds per case: $ROUNDS; load average (1, 5, 15 min) at start: $LOAD_START, at end: $LOAD_END"
echo
echo "| case | plain mvn (ms) | exec + curl (ms) | with the plugin (ms) | median of per-pair ratios (IQR) | target | met? |"
echo "|---|---|---|---|---|---|---|"
echo "| file-cache hit, 1 module ($hit_requests token requests in $((ROUNDS)) builds) | $(med "$T/hit.plain") | - | $(med "$T/hit.hit") | $(fmt "$hit_ratio") x plain ($(fmt "$hit_q1")-$(fmt "$hit_q3")) | <= 1.10 x plain | $(verdict "$hit_ratio <= 1.10") |"
echo "| fetch over HTTPS (private CA), 1 module | $(med "$T/https.plain") | $(med "$T/https.curl") | $(med "$T/https.fetch") | $(fmt "$fc_ratio") x curl ($(fmt "$fc_q1")-$(fmt "$fc_q3")); curl $(fmt "$cp_ratio") x plain, plugin $(fmt "$fp_ratio") x plain | <= 1.00 x curl | $(verdict "$fc_ratio <= 1.00") |"
echo
echo "The same rounds, inside Maven's build of the module (ProjectStarted to ProjectSucceeded; it leaves out the JVM's"
echo "start and end, alike in every variant): a cache hit adds $(fmt "$hit_pd" 0) ms (IQR $(fmt "$hit_pd1" 0) to $(fmt "$hit_pd3" 0)) to plain Maven's $(fmt "$(project_ms hit.plain | stats | cut -d' ' -f1)" 0) ms;"
echo "the curl step adds $(fmt "$curl_pd" 0) ms, the plugin's fetch $(fmt "$fetch_pd" 0) ms: $(fmt "$fc_pd" 0) ms more than curl (IQR $(fmt "$fc_pd1" 0) to $(fmt "$fc_pd3" 0))."
echo
echo "HTTPS case: $https_requests token requests in $((2 * (ROUNDS + 1))) builds that request one (curl and plugin, warm-ups included)."
echo
echo "| modules | -T | token requests per build | plain mvn (ms) | with the plugin (ms) | per module after the first, wall time: median of rounds (IQR) | per module after the first, inside the goal (median) | target | met? |"
echo "|---|---|---|---|---|---|---|---|---|"
for threads in 1 4; do
  req=$(eval echo "\$requests_T$threads")
  for n in 10 100; do
    read -r pm pq1 pq3 <<< "$(per_module "T$threads" "$n" | stats)"
    inside=$(mojo_after_first "$threads" "$n")
    echo "| $n | $threads | $(echo "scale=2; $req / $builds_T" | bc) | $(med "$T/T$threads.none$n") | $(med "$T/T$threads.fetch$n") | $(fmt "$pm") ($(fmt "$pq1") to $(fmt "$pq3")) | $(fmt "$inside" 3) | < 2 ms | $(verdict "$inside < 2") inside the goal; wall time $( [ "$(echo "$pq3 < 2" | bc -l)" = 1 ] && echo "yes" || { [ "$(echo "$pq1 < 2" | bc -l)" = 1 ] && echo "within noise" || echo "**no**"; }) |"
  done
done
echo
echo "Inside the goal, first module (Maven builds the plugin's class realm, then the goal runs): -T 1 fetch $(fmt "$(mojo_first 1 1)" 0) ms (median)."
echo
echo "| classes loaded by the whole build (-Xlog:class+load) | all | from the plugin's jars (its own, Jetty, Jackson) |"
echo "|---|---|---|"
echo "| plain mvn initialize | $cl_plain | - |"
echo "| file-cache hit | $cl_hit (+$((cl_hit - cl_plain))) | $cl_hit_plugin |"
echo "| fetch over HTTPS | $cl_fetch (+$((cl_fetch - cl_plain))) | $cl_fetch_plugin |"
