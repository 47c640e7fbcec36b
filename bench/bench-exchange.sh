#!/usr/bin/env bash
# bench/bench-exchange.sh
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The calendar exchange benchmark (issue 5): for 10,000 and 100,000
# events (and 1,000,000 with --large) it generates the same events as
# xCal and .ics with gen-xcal.py and times, each in a process of its own
# with its peak RSS (bench-run: wait4() and ru_maxrss):
#
#   the floor      xmllint --stream --noout over the xCal file
#   the peer       libical's own parse of the .ics (bench-libical)
#   Paraat         its reader alone (bench-reader), the import of either
#                  file into a fresh database (paraat-cli init, then
#                  paraat-cli import --kind region), the export of that
#                  database in both formats and paraat-cli conflicts on it
#
# then bench-conflicts (the analysis alone, 10k to 1M items). Each round
# starts with bench-latency: how long a cache line takes from one core to
# the other, which the import's time follows. With
# --runs N it makes N rounds, each running every command once, and
# reports the median of each command's N times: a slow spell of a shared
# machine then falls on a reference and on what is compared with it
# alike, not on all the runs of one of them. Each import runs right
# after its reference, and the targets take the median of the rounds'
# own ratios, with the best round of each beside it. Prints the Markdown
# tables for the README. Run by bench/run.sh --exchange.
#
#   bench/bench-exchange.sh [--large] [--runs N]
#
# Files over 500,000 events are written in parts of 500,000, because the
# readers refuse a file over 512 MiB; the import and the references read
# all the parts in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
build=$top/build-bench

large=0
runs=1
while [ $# -gt 0 ]; do
  case $1 in
    --large) large=1 ;;
    --runs) runs=$2; shift ;;
    *) echo "usage: bench/bench-exchange.sh [--large] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done

[ -f "$build/build.ninja" ] || meson setup "$build" -Dbench=true -Dbuildtype=release >/dev/null
meson compile -C "$build" >/dev/null
cli=$build/src/cli/paraat-cli
run=$build/bench/bench-run

data=$build/bench/data/exchange
work=$build/bench/exchange
rm -rf "$work"
mkdir -p "$data" "$work"
log=$work/log
: >"$log"
export LC_ALL=C.UTF-8 TZ=Europe/Amsterdam

sizes="10000 100000"
[ $large = 1 ] && sizes="$sizes 1000000"
part_size=500000

# The files of each size, made again when gen-xcal.py changed since
parts () {
  local n=$1 ext=$2 i
  for ((i = 0; i * part_size < n; i++)); do
    echo "$data/events-$((n / 1000))k-$i.$ext"
  done
}
for n in $sizes; do
  for ((i = 0; i * part_size < n; i++)); do
    xml=$data/events-$((n / 1000))k-$i.xml
    ics=${xml%.xml}.ics
    count=$((n - i * part_size < part_size ? n - i * part_size : part_size))
    if ! [ "$xml" -nt "$top/bench/gen-xcal.py" ] || ! [ "$ics" -nt "$top/bench/gen-xcal.py" ]; then
      echo "Writing $count events from $((i * part_size)) to $xml and .ics …" >&2
      python3 "$top/bench/gen-xcal.py" --first $((i * part_size)) --ics "$ics" "$count" "$xml"
    fi
  done
done

# measure KEY [--out FILE] COMMAND…: runs it once, adds its time to the
# list in L[KEY] (T[KEY] holds the last one) and keeps the largest peak
# RSS in M[KEY]. With $fresh set, that database is made new and empty
# first. B[KEY] ends as the best (shortest) of the rounds.
declare -A T M L B
measure () {
  local key=$1 out=$log t k s
  shift
  if [ "$1" = --out ]; then out=$2; shift 2; fi
  if [ -n "${fresh:-}" ]; then
    rm -f "$fresh" "$fresh"-*
    "$cli" --db "$fresh" init >>"$log"
  fi
  if ! "$run" "$work/result" "$@" >>"$out" 2>>"$log"; then
    echo "bench-exchange: failed: $*" >&2
    tail -5 "$log" >&2
    exit 1
  fi
  read -r t k s <"$work/result"
  T[$key]=$t
  L[$key]="${L[$key]:-} $t"
  [ "$k" -gt "${M[$key]:-0}" ] && M[$key]=$k
  return 0
}

# measure_each KEY COMMAND… -- FILE…: one process per file (bench-reader
# takes one); the times add up, the RSS is the largest.
measure_each () {
  local key=$1 total=0 cmd=() f
  shift
  while [ "$1" != -- ]; do cmd+=("$1"); shift; done
  shift
  for f in "$@"; do
    measure "$key.part" "${cmd[@]}" "$f"
    total=$(awk -v a="$total" -v b="${T[$key.part]}" 'BEGIN { print a + b }')
    [ "${M[$key.part]}" -gt "${M[$key]:-0}" ] && M[$key]=${M[$key.part]}
  done
  unset "L[$key.part]" "B[$key.part]"
  T[$key]=$total
  L[$key]="${L[$key]:-} $total"
}

# pair KEY REF: the ratio of the last times of KEY and REF, kept in
# L[KEY/REF] with the other rounds'
pair () {
  L[$1/$2]="${L[$1/$2]:-} $(awk -v a="${T[$1]}" -v b="${T[$2]}" 'BEGIN { print a / b }')"
}

median () { printf '%s\n' $1 | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
best () { printf '%s\n' $1 | sort -g | head -1; }

echo "Measured $(date -u +%F) at commit $(git rev-parse --short HEAD) on $(nproc) cores" \
  "($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
  "load average $(cut -d' ' -f1 /proc/loadavg) at the start; median of $runs round(s)," \
  "each running every command once, so that a slow spell of this shared machine falls on all alike."

for n in $sizes; do
  mapfile -t xml < <(parts "$n" xml)
  mapfile -t ics < <(parts "$n" ics)
  echo "$n events: $(du -chm "${xml[@]}" | tail -1 | cut -f1) MB of xCal, $(du -chm "${ics[@]}" | tail -1 | cut -f1) MB of .ics …" >&2
  last_year=$((2026 + n / 8760 + 1))

  for ((round = 0; round < runs; round++)); do
    latencies="${latencies:-} $("$build/bench/bench-latency")"
    fresh=
    measure_each "reader-xml.$n" "$build/bench/bench-reader" -- "${xml[@]}"
    measure_each "reader-ics.$n" "$build/bench/bench-reader" -- "${ics[@]}"

    # Each import right after its reference, so that the two share the
    # host's mood; their ratio is kept for each round (see pair).
    measure "libical.$n" "$build/bench/bench-libical" "${ics[@]}"
    fresh=$work/ics-$n.db
    measure "import-ics.$n" "$cli" --db "$fresh" import --kind region --source bench "${ics[@]}"
    pair "import-ics.$n" "libical.$n"
    rm -f "$fresh"
    fresh=
    measure "xmllint.$n" xmllint --stream --noout "${xml[@]}"
    fresh=$work/xcal-$n.db
    measure "import-xml.$n" "$cli" --db "$fresh" import --kind region --source bench "${xml[@]}"
    pair "import-xml.$n" "xmllint.$n"

    # On the database of the last xCal import. The exports write event by
    # event, so they run at every size (1,000,000 events: 2 GB of xCal).
    db=$fresh
    fresh=
    measure "export-xml.$n" "$cli" --db "$db" export --format xcal -o "$work/export-$n.xml"
    measure "export-ics.$n" "$cli" --db "$db" export --format ics -o "$work/export-$n.ics"
    measure "cli-floor.$n" "$cli" --db "$db" regions list
    measure "conflicts.$n" --out /dev/null "$cli" --db "$db" conflicts --from 2026-01-01 --to "$last_year-12-31"
    rm -f "$db" "$work/export-$n.xml" "$work/export-$n.ics"
  done
  for key in "${!L[@]}"; do
    if [[ $key == *.$n || $key == *.$n/* ]]; then
      T[$key]=$(median "${L[$key]}")
      B[$key]=$(best "${L[$key]}")
    fi
  done
done

# Printing
sec () { awk -v t="$1" 'BEGIN { if (t < 10) printf "%.2f s", t; else printf "%.1f s", t }'; }
mb () { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; if (r < 10) printf "%.2f×", r; else printf "%.0f×", r }'; }

header="| Figure |"
rule="|---|"
for n in $sizes; do
  header="$header $(echo "$n" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta') events |"
  rule="$rule---:|"
done

echo
echo "A cache line took $(best "$latencies")–$(printf '%s\n' $latencies | sort -g | tail -1) ns one way between the two cores" \
  "at the starts of the rounds (bench-latency; the import hands every event from one core to the other)."
echo
echo "Time (ratio to the reference in brackets) and peak RSS of each process:"
echo
echo "$header Reference |"
echo "$rule---|"
row () {
  local label=$1 key=$2 ref=$3 refname=$4 line="| $1 |" n
  for n in $sizes; do
    if [ -z "${T[$key.$n]:-}" ]; then
      line="$line — |"
    elif [ -n "$ref" ]; then
      line="$line $(sec "${T[$key.$n]}") ($(ratio "${T[$key.$n]}" "${T[$ref.$n]}")), $(mb "${M[$key.$n]}") |"
    else
      line="$line $(sec "${T[$key.$n]}"), $(mb "${M[$key.$n]}") |"
    fi
  done
  echo "$line $refname |"
}
row "xmllint --stream --noout, xCal (the floor)" xmllint "" "—"
row "libical's parse of the .ics (the peer)" libical "" "—"
row "Paraat's reader alone, xCal" reader-xml xmllint "xmllint"
row "Paraat's reader alone, .ics" reader-ics libical "libical"
row "xCal import into a fresh database" import-xml xmllint "xmllint"
row ".ics import into a fresh database" import-ics libical "libical"
row "xCal export of that database" export-xml xmllint "xmllint"
row ".ics export of that database" export-ics libical "libical"
row "paraat-cli regions list (the CLI's floor)" cli-floor "" "—"
# regions list takes 10 ms now that a read needs no damage check: seconds only
row "paraat-cli conflicts, all years" conflicts "" "—"

echo
echo "The analysis alone (bench-conflicts, generated items, best of 3):"
echo
"$build/bench/bench-conflicts" --runs 3 --max 1000000

# The targets, for 100,000 events. A time is judged on the median of the
# rounds; the best round is beside it, because a shared host slows
# Paraat's import, which hands every event from one core to the other,
# more than its single-threaded references (docs/benchmarks.md, "Two
# cores that share a cache, and two that do not").
echo
echo "| Target | Median of $runs | Best of $runs | Met |"
echo "|---|---|---|---|"
met () { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "yes" : "**no**" }'; }
# target LABEL LIMIT KIND A [B]: KIND ratio compares A with B, KIND sec
# shows A's time
target () {
  local label=$1 limit=$2 kind=$3 a=$4 b=${5:-} m x shown_m shown_x verdict
  if [ "$kind" = ratio ]; then
    # The median of the rounds' own ratios where they were kept (see
    # pair), else the ratio of the medians; and the best times compared
    m=${T[$a/$b]:-$(awk -v a="${T[$a]}" -v b="${T[$b]}" 'BEGIN { print a / b }')}
    x=$(awk -v a="${B[$a]}" -v b="${B[$b]}" 'BEGIN { print a / b }')
    shown_m=$(ratio "$m" 1)
    shown_x=$(ratio "${B[$a]}" "${B[$b]}")
  else
    m=${T[$a]} x=${B[$a]}
    shown_m=$(sec "$m") shown_x=$(sec "$x")
  fi
  if [ "$(met "$m" "$limit")" = yes ]; then
    verdict=yes
  elif [ "$(met "$x" "$limit")" = yes ]; then
    verdict="in the best round"
  else
    verdict="**no**"
  fi
  echo "| $label | $shown_m | $shown_x | $verdict |"
}
target "xCal import ≤ 3× xmllint (100,000 events)" 3 ratio import-xml.100000 xmllint.100000
target ".ics import ≤ libical's parse (100,000 events)" 1 ratio import-ics.100000 libical.100000
min=0 max=0 list=""
for n in $sizes; do
  k=${M[import-xml.$n]}
  list="$list${list:+ / }$(mb "$k")"
  { [ "$min" = 0 ] || [ "$k" -lt "$min" ]; } && min=$k
  [ "$k" -gt "$max" ] && max=$k
done
if [ $large = 1 ]; then
  echo "| xCal import peak RSS flat (largest ≤ 1.5× smallest, 10k / 100k / 1M) | $list | — | $(met "$(awk -v a="$max" -v b="$min" 'BEGIN { print a / b }')" 1.5) |"
else
  echo "| xCal import peak RSS flat (needs --large for 1M) | $list | — | — |"
fi
target "paraat-cli conflicts, 100,000 events ≤ 1 s" 1 sec conflicts.100000
target "paraat-cli conflicts, 10× events ≤ 15× time (10k → 100k)" 15 ratio conflicts.100000 conflicts.10000
if [ $large = 1 ]; then
  target "paraat-cli conflicts, 10× events ≤ 15× time (100k → 1M)" 15 ratio conflicts.1000000 conflicts.100000
fi
echo
echo "The analysis alone: see bench-conflicts' table above (its ×10 column)."
