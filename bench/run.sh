#!/usr/bin/env bash
# bench/run.sh
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the benchmarks (release), makes the calendar databases once
# (cached in build-bench/bench/data) and runs bench-calendar under Xvfb
# and a private D-Bus session. Prints the Markdown table for the README.
#
#   bench/run.sh [--runs N] [--switches N]
#   bench/run.sh --exchange [--large] [--runs N]
#
# --exchange runs the calendar exchange benchmark instead
# (bench/bench-exchange.sh: import, export and conflicts of 10,000 and
# 100,000 events, and 1,000,000 with --large).
#
# Nothing touches the user's settings or databases: GSettings uses the
# memory backend, and HOME and the XDG folders point into build-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --exchange ]; then
  shift
  exec bench/bench-exchange.sh "$@"
fi
top=$PWD
build=$top/build-bench

[ -f "$build/build.ninja" ] || meson setup "$build" -Dbench=true -Dbuildtype=release >/dev/null
meson compile -C "$build" >/dev/null

data=$build/bench/data
mkdir -p "$data"
for size in 10000 100000; do
  db=$data/calendar-$((size / 1000))k.db
  # Made again when gen-calendar changed since
  [ "$db" -nt "$build/bench/gen-calendar" ] ||
    "$build/bench/gen-calendar" --size "$size" --first-year 2021 --years 10 "$db"
done

home=$build/bench/home
mkdir -p "$home"
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
  XDG_STATE_HOME=$home/state
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data PARAAT_LOCALEDIR=$build/po
# As the ui suite: X11 and the cairo renderer, because Xvfb has no GPU and
# GL through llvmpipe would time the software rasteriser. No
# accessibility bus either (there is none in the private session).
export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 TZ=Europe/Amsterdam LC_ALL=C.UTF-8

# The caption for the README's table
echo "Measured $(date -u +%F) at commit $(git rev-parse --short HEAD) on $(nproc) cores" \
  "($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
  "load average $(cut -d' ' -f1 /proc/loadavg) at the start; Xvfb, cairo renderer."
echo
exec dbus-run-session -- xvfb-run -a -s '-screen 0 1280x1024x24' \
  "$build/bench/bench-calendar" "$@" "$data/calendar-10k.db" "$data/calendar-100k.db"
