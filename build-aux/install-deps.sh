#!/usr/bin/env bash
# build-aux/install-deps.sh
# Copyright 2026 The Paraat developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what building, running and testing Paraat needs on Debian 12,
# with sudo when not root. Does nothing when everything is there.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxml2-dev libxml2-utils
  libical-dev libjson-glib-dev libjemalloc-dev
  # validation of data/
  desktop-file-utils appstream
  # ui tests: an X server, a session bus, fonts, icons
  xvfb xauth dbus dbus-x11 at-spi2-core fonts-cantarell adwaita-icon-theme librsvg2-common
  # Dutch locale for the nl test runs; sqlite3 and poppler-utils for looking at results
  locales sqlite3 poppler-utils
)

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The interface and the CLI speak Dutch under nl_NL.UTF-8; the tests check it.
if ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\?8$'; then
  echo "Generating the nl_NL.UTF-8 locale"
  "${sudo[@]}" sed -i 's/^# *\(nl_NL.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^nl_NL.UTF-8 UTF-8' /etc/locale.gen || echo 'nl_NL.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
  "${sudo[@]}" locale-gen >/dev/null
fi
