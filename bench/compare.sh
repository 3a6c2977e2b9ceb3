#!/usr/bin/env bash
# Measures a change against the code before it (issue 14: "measure again before and after each change"): installs
# the working tree's plugin and the plugin at a git ref (default HEAD) side by side, then runs paired rounds in which
# plain Maven, the ref's plugin and the working tree's take turns, for a file-cache hit and for a fetch over HTTPS.
# Prints, per case, the median of the per-round differences (working tree minus ref) of the wall time, of the
# project's build and of the time inside the goal (bench/MojoTimer.java; see the note under the table).
#
# Usage (from anywhere, in a clone with uncommitted or later changes): bash bench/compare.sh [REF] [rounds, default 15]
REF=${1:-HEAD}
ROUNDS=${2:-15}
source "$(dirname "$0")/setup.sh"

BASE_VERSION="$VERSION-base"
echo "Building and installing $REF's plugin as $BASE_VERSION..." >&2
git -C "$ROOT" worktree add -q --detach "$WORK/base" "$REF"
CLEANUP+=('git -C "$ROOT" worktree remove --force "$WORK/base" 2>/dev/null')
install_plugin "$WORK/base" "$BASE_VERSION"

T="$WORK/times"
stats() { sort -g | awk '{a[NR]=$1} END {m=(a[int((NR+1)/2)]+a[int(NR/2)+1])/2; q=int((NR+3)/4); printf "%s %s %s\n", m, a[q], a[NR+1-q]}'; }
med() { stats < "$1" | cut -d' ' -f1; }
diffs() { paste "$1" "$2" | awk '{printf "%.3f\n", $2 - $1}'; }
first_goal() { awk '$1 == 0 {print $2 / 1000}' "$1"; }
ms() { awk '{print $2 / 1000}' "$1"; }

reactor "$WORK/none-1" 1 none
for mode in hit fetch; do
  reactor "$WORK/$mode-base" 1 "$mode" "$BASE_VERSION"
  reactor "$WORK/$mode-new" 1 "$mode"
done
echo "Timing: $ROUNDS rounds per case; load average at start $LOAD_START" >&2
for mode in hit fetch; do
  rounds "$mode" "$ROUNDS" "plain $WORK/none-1 ${TIMER[*]}" "base $WORK/$mode-base ${TIMER[*]}" \
    "new $WORK/$mode-new ${TIMER[*]}"
done

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $REF ($(git -C "$ROOT" rev-parse --short "$REF")) against the working tree"
echo "rounds per case: $ROUNDS; load average at start: $LOAD_START, at end: $(loadavg)"
echo
echo "| case | plain (ms) | $REF (ms) | working tree (ms) | wall time, tree - $REF: median of rounds (IQR) | the project's build: plain / $REF / tree (ms) | project, tree - $REF (IQR) | inside the goal: $REF / tree (ms) | goal, tree - $REF (IQR) |"
echo "|---|---|---|---|---|---|---|---|---|"
for mode in hit fetch; do
  read -r d q1 q3 <<< "$(diffs "$T/$mode.base" "$T/$mode.new" | stats)"
  for v in plain base new; do ms "$WORK/project/$mode.$v" > "$WORK/p.$v"; done
  read -r p p1 p3 <<< "$(diffs "$WORK/p.base" "$WORK/p.new" | stats)"
  first_goal "$WORK/mojo/$mode.base" > "$WORK/g.base"; first_goal "$WORK/mojo/$mode.new" > "$WORK/g.new"
  read -r g g1 g3 <<< "$(diffs "$WORK/g.base" "$WORK/g.new" | stats)"
  echo "| $mode | $(med "$T/$mode.plain") | $(med "$T/$mode.base") | $(med "$T/$mode.new") | $d ($q1 to $q3) | $(med "$WORK/p.plain") / $(med "$WORK/p.base") / $(med "$WORK/p.new") | $p ($p1 to $p3) | $(med "$WORK/g.base") / $(med "$WORK/g.new") | $g ($g1 to $g3) |"
done
echo
echo "The project's build is MojoTimer's ProjectStarted to ProjectSucceeded of the one module: Maven reading the"
echo "plugin's descriptor and POM, building its realm, configuring the goal, and the goal; the JVM's start and end are"
echo "outside it. Inside the goal is the first module's MojoStarted to MojoSucceeded."
