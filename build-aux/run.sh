#!/usr/bin/env bash
# build-aux/run.sh
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the dependencies, builds Paraat and starts it on a demo
# database (created on first run, in the user data folder).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh

[ -f build/build.ninja ] || meson setup build
meson compile -C build

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/paraat"
demo_db="$data_dir/demo.db"
if [ ! -f "$demo_db" ]; then
  ./build/src/cli/paraat-cli --db "$demo_db" init --demo
fi

# Uninstalled: the settings schema and the translations come from the build tree.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
export PARAAT_LOCALEDIR="$PWD/build/po"
exec ./build/src/app/paraat --db "$demo_db" "$@"
