#!/usr/bin/env bash
# The scaling table of docs/performance.md: the TDX generic private -> shared conversion
# (specs/catalog/cpu/tdx-generic-to-shared.pspec) at CPUs 2..8 x pages 1..4 (one converter on CPU 0
# over pages 1.., a zeropad reader of page 0 (into page 1) on every other CPU, the direct map only;
# with one page the converter converts page 0 and the other CPUs run no reader, only the hardware's
# TLB fills, as a zeropad read needs a following page), reduced (the default) and unreduced (--no-reduction), each run capped in time.
#
#   bench/scaling.sh [CAP_SECONDS (60)] [THREADS (1)] [reduced]  >  table.md
#
# With "reduced" only the reduced column is measured (the unreduced one is left "-").
#
# Prints a Markdown table (states and seconds; "> CAP s, N states" when the cap stopped a run) and,
# first, the date, load and machine. Builds the jar through ./pagestate when needed, then runs a copy of
# it (so that a change to the sources meanwhile changes nothing) with PAGESTATE_JAVA_OPTS as set (e.g.
# -Xmx4g); nice it on a shared machine: nice bench/scaling.sh 60.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cap="${1:-60}"
threads="${2:-1}"
only="${3:-}"
work="$(mktemp -d -t pagestate-scaling.XXXXXX)"
trap 'rm -rf "$work"' EXIT
"$root/pagestate" --version >/dev/null
cp "$root/cli/target/pagestate.jar" "$work/pagestate.jar"

spec() {   # spec CPUS PAGES > file
  local cpus=$1 pages=$2 conv_pages="0" reader_page=0 i
  if [ "$pages" -gt 1 ]; then conv_pages="$(seq -s ' ' 1 $((pages - 1)))"; fi
  cat <<SPEC
spec scaling-${cpus}cpu-${pages}pages
description "scaling: TDX generic private -> shared, $cpus cpus, $pages pages, direct map"
system cpu
platform tdx
cpus $cpus
pages $pages
mappings 1
converter conv on cpu 0 pages $conv_pages owner
  to shared:
    unmap_aliases
    flush_tlb
    flush_cache
    flip
    flush_tlb
    map_gpa
SPEC
  [ "$pages" -gt 1 ] || { echo "hardware all"; echo "check all"; return; }
  for ((i = 1; i < cpus; i++)); do echo "reader zp$i on cpu $i page $reader_page"; done
  echo "hardware all"
  echo "check all"
}

run() {   # run SPEC [--no-reduction] -> "states seconds complete"
  local json="$work/out.json"
  rm -f "$json"
  # shellcheck disable=SC2086
  java -Djava.awt.headless=true ${PAGESTATE_JAVA_OPTS:-} -jar "$work/pagestate.jar" check --quiet --threads "$threads" --max-seconds "$cap" --json "$json" "$@" \
      >/dev/null 2>&1 || true
  python3 - "$json" <<'PY'
import json, sys
try:
    s = json.load(open(sys.argv[1]))["specs"][0]
    st = s["stats"]
    print(st["distinct_states"], "%.1f" % st["seconds"], "yes" if s["complete"] else "no")
except Exception as e:
    print("-", "-", "error")
PY
}

cell() {   # cell "states seconds complete"
  read -r states seconds complete <<<"$1"
  if [ "$complete" = yes ]; then
    printf "%'d in %s s" "$states" "$seconds"
  elif [ "$complete" = no ]; then
    printf "> %s s, %'d states" "$cap" "$states"
  else
    printf "error"
  fi
}

echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "$(nproc) cores, --threads $threads, cap $cap s,"
echo "PAGESTATE_JAVA_OPTS='${PAGESTATE_JAVA_OPTS:-}'"
echo
echo "| CPUs | pages | reduced | unreduced |"
echo "|---:|---:|---|---|"
for cpus in 2 3 4 5 6 7 8; do
  for pages in 1 2 3 4; do
    f="$work/s-${cpus}-${pages}.pspec"
    spec "$cpus" "$pages" >"$f"
    reduced="$(cell "$(run "$f")")"
    if [ "$only" = reduced ]; then unreduced="-"; else unreduced="$(cell "$(run "$f" --no-reduction)")"; fi
    echo "| $cpus | $pages | $reduced | $unreduced |"
  done
done
echo
echo "Finished $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)."
