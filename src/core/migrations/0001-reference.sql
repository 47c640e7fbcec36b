-- 0001-reference.sql
-- Copyright 2026 The Paraat developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Reference data: regions, brigades and the dated brigade mapping,
-- disciplines, exercise types and GRIP levels. Never edit a released
-- migration; add a new file instead.

PRAGMA application_id = 1346458177; -- 'PARA'

CREATE TABLE region (
  code     TEXT PRIMARY KEY CHECK (code GLOB 'VR[0-9][0-9]'),
  number   INTEGER NOT NULL UNIQUE CHECK (number > 0),
  name     TEXT NOT NULL CHECK (name <> ''),
  province TEXT NOT NULL DEFAULT '',
  aliases  TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE brigade (
  id       TEXT PRIMARY KEY CHECK (id <> ''),
  name     TEXT NOT NULL CHECK (name <> ''),
  location TEXT NOT NULL DEFAULT '',
  rmc      TEXT NOT NULL DEFAULT ''
) STRICT;

-- Which brigade serves a region, and since when: the mapping changes
-- (the one in force since 21 June 2024 replaced an older one), so it is
-- never a column of the region.
CREATE TABLE brigade_assignment (
  id          INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL REFERENCES region (code) ON UPDATE CASCADE ON DELETE CASCADE,
  brigade_id  TEXT NOT NULL REFERENCES brigade (id) ON UPDATE CASCADE ON DELETE RESTRICT,
  valid_from  TEXT NOT NULL CHECK (date (valid_from) IS valid_from),
  valid_to    TEXT CHECK (valid_to IS NULL OR (date (valid_to) IS valid_to AND valid_to > valid_from)),
  source      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX brigade_assignment_region ON brigade_assignment (region_code, valid_from);
CREATE INDEX brigade_assignment_brigade ON brigade_assignment (brigade_id);

CREATE TABLE discipline (
  code        TEXT PRIMARY KEY CHECK (code <> ''),
  name        TEXT NOT NULL CHECK (name <> ''),
  description TEXT NOT NULL DEFAULT '',
  statutory   INTEGER NOT NULL DEFAULT 0 CHECK (statutory IN (0, 1))
) STRICT;

CREATE TABLE exercise_type (
  code               TEXT PRIMARY KEY CHECK (code <> ''),
  name               TEXT NOT NULL CHECK (name <> ''),
  description        TEXT NOT NULL DEFAULT '',
  counts_as_exercise INTEGER NOT NULL DEFAULT 1 CHECK (counts_as_exercise IN (0, 1))
) STRICT;

CREATE TABLE grip_level (
  code        TEXT PRIMARY KEY CHECK (code <> ''),
  name        TEXT NOT NULL CHECK (name <> ''),
  description TEXT NOT NULL DEFAULT '',
  teams       TEXT NOT NULL DEFAULT '',
  valid_from  TEXT CHECK (valid_from IS NULL OR date (valid_from) IS valid_from),
  valid_to    TEXT CHECK (valid_to IS NULL OR (date (valid_to) IS valid_to
                                               AND (valid_from IS NULL OR valid_to > valid_from)))
) STRICT;
