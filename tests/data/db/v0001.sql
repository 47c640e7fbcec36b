-- v0001.sql
-- Copyright 2026 The Paraat developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A database as a Paraat with only migration 0001 left it: the schema of
-- src/core/migrations/0001-reference.sql (CREATE statements copied
-- verbatim, since sqlite_schema keeps their text) and a few rows, one of
-- them edited by a planner. tests/core/test-migrations.c upgrades it and
-- compares the result with a new database. Never edit this file; add
-- vNNNN.sql for a later schema instead.

PRAGMA application_id = 1346458177;
PRAGMA user_version = 1;

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

INSERT INTO region (code, number, name, province, aliases) VALUES
  ('VR01', 1, 'Groningen', 'Groningen', ''),
  ('VR02', 2, 'Fryslân', 'Friesland', 'Friesland'),
  ('VR03', 3, 'Drenthe (bewerkt)', 'Drenthe', 'Drenthe');

INSERT INTO brigade (id, name, location, rmc) VALUES
  ('43MB', '43 Gemechaniseerde Brigade', 'Havelte', 'RMC Noord'),
  ('11LMB', '11 Luchtmobiele Brigade', 'Schaarsbergen', 'RMC West/Midden');

INSERT INTO brigade_assignment (id, region_code, brigade_id, valid_from, valid_to, source) VALUES
  (1, 'VR01', '43MB', '2024-06-21', NULL, 'Defensie, 21 juni 2024'),
  (2, 'VR02', '11LMB', '2020-01-01', '2024-06-21', 'Oude verdeling'),
  (3, 'VR02', '43MB', '2024-06-21', NULL, 'Defensie, 21 juni 2024');

INSERT INTO discipline (code, name, description, statutory) VALUES
  ('BRW', 'Brandweer', 'Brandweerzorg van de veiligheidsregio.', 1);

INSERT INTO exercise_type (code, name, description, counts_as_exercise) VALUES
  ('TTX', 'Table-top', 'Oefening aan tafel.', 1);

INSERT INTO grip_level (code, name, description, teams, valid_from, valid_to) VALUES
  ('GRIP1', 'GRIP 1', 'Bronbestrijding.', 'CoPI', NULL, NULL);
