#!/usr/bin/env bash
# build-aux/fuzz.sh
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the two libFuzzer targets (fuzz/fuzz-xcal.c, fuzz/fuzz-ics.c) with
# clang, ASan and UBSan, and runs each for MINUTES (both at once, at nice 10).
# Each event read is also made into an exercise (paraat_ical_to_exercise())
# and back into a VEVENT, as import and export do.
#
#   build-aux/fuzz.sh MINUTES [JOBS_PER_TARGET]
#
# Works in build-fuzz/ (FUZZ_BUILDDIR to change it): the growing corpora
# in corpus-xcal/ and corpus-ics/ (seeded from fuzz/corpus/), crashes,
# leaks, timeouts and out-of-memory inputs in artifacts-*/, logs in
# fuzz-*.log. Copy every artifact to tests/data/xcal/regressions/ once it
# is fixed; the core suite replays them. Installs clang-14 and
# libclang-rt-14-dev when missing, so CI's install-deps.sh needn't.
set -euo pipefail

minutes=${1:?usage: build-aux/fuzz.sh MINUTES [JOBS_PER_TARGET]}
jobs=${2:-1}
src=$(cd "$(dirname "$0")/.." && pwd)
out=${FUZZ_BUILDDIR:-$src/build-fuzz}

need=()
command -v clang-14 >/dev/null || need+=(clang-14)
dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q 'install ok installed' \
  || need+=(libclang-rt-14-dev)
if [ ${#need[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  echo "Installing: ${need[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

mkdir -p "$out"
printf '#define GETTEXT_PACKAGE "paraat"\n#define PACKAGE_VERSION "fuzz"\n' > "$out/config.h"

cflags=(-g -O1 -fno-omit-frame-pointer
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
        -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
        -DG_LOG_DOMAIN=\"paraat-fuzz\" -Wall -Wno-unused-parameter
        -I"$out" -I"$src/src/core")
read -r -a pkg_cflags <<< "$(pkg-config --cflags glib-2.0 gobject-2.0 gio-unix-2.0 libxml-2.0 libical)"
read -r -a pkg_libs <<< "$(pkg-config --libs glib-2.0 gobject-2.0 gio-unix-2.0 libxml-2.0 libical)"
# The readers, and the mapping of each event to an exercise and back
core=("$src/src/core/paraat-calendar-reader.c" "$src/src/core/paraat-xcal-reader.c" "$src/src/core/paraat-xcal-tape.c"
      "$src/src/core/paraat-xml-scan.c"
      "$src/src/core/paraat-ics-reader.c" "$src/src/core/paraat-ical.c"
      "$src/src/core/paraat-exercise.c" "$src/src/core/paraat-utils.c")

for t in xcal ics; do
  echo "Building $out/fuzz-$t"
  clang-14 "${cflags[@]}" "${pkg_cflags[@]}" "$src/fuzz/fuzz-$t.c" "${core[@]}" "${pkg_libs[@]}" \
    -o "$out/fuzz-$t"
done

run () {
  local t=$1 dict=$2
  mkdir -p "$out/corpus-$t" "$out/artifacts-$t"
  # fork mode keeps going after a crash, so one run collects them all.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 G_SLICE=always-malloc \
  nice -n 10 "$out/fuzz-$t" \
    -max_total_time=$((minutes * 60)) -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -dict="$src/fuzz/$dict" -artifact_prefix="$out/artifacts-$t/" -print_final_stats=1 \
    "$out/corpus-$t" "$src/fuzz/corpus/$t" > "$out/fuzz-$t.log" 2>&1
}

echo "Fuzzing both targets for $minutes minute(s) each; logs in $out/fuzz-*.log"
run xcal xcal.dict &
pid_xcal=$!
run ics ics.dict &
pid_ics=$!
status=0
wait "$pid_xcal" || status=1
wait "$pid_ics" || status=1

for t in xcal ics; do
  echo "== $t: $(grep -E '^#[0-9]+' "$out/fuzz-$t.log" | tail -n 1)"
  found=$(find "$out/artifacts-$t" -type f | wc -l)
  echo "   artifacts: $found (in $out/artifacts-$t)"
  [ "$found" -eq 0 ] || status=1
done

exit "$status"
