#!/usr/bin/env bash
# build-aux/test.sh
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the dependencies, builds with --werror and runs every suite
# (core, cli, data, ui under Xvfb), then the same again built with
# AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

build-aux/install-deps.sh

run_suites() {
  local dir=$1
  shift
  # One X server and one session bus for the whole run; the ui tests need both.
  dbus-run-session -- xvfb-run -a -s '-screen 0 1280x1024x24' \
    meson test -C "$dir" --print-errorlogs --num-processes 2 "$@"
}

status=0

echo "== Build (--werror) and test: build-test"
[ -f build-test/build.ninja ] || meson setup build-test --werror
meson compile -C build-test
run_suites build-test || status=1

echo "== Build with ASan/UBSan and test: build-asan"
[ -f build-asan/build.ninja ] || meson setup build-asan --werror -Dbuildtype=debug \
  -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
LSAN_OPTIONS=suppressions=$top/tests/lsan.supp:print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suites build-asan --timeout-multiplier 4 || status=1

# One closing line over both runs, "N passed, N failed".
python3 - build-test build-asan <<'PY'
import json, sys
passed = failed = skipped = 0
for d in sys.argv[1:]:
    try:
        with open(f"{d}/meson-logs/testlog.json") as f:
            for line in f:
                r = json.loads(line).get("result")
                if r in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif r == "SKIP":
                    skipped += 1
                else:
                    failed += 1
    except FileNotFoundError:
        failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY

exit $status
