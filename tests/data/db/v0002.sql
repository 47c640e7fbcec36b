-- v0002.sql
-- Copyright 2026 The Paraat developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A database as a Paraat with migrations 0001 and 0002 left it, before
-- the exercise calendar (0003): the schema of
-- src/core/migrations/0001-reference.sql and 0002-partners.sql (CREATE
-- statements copied verbatim, since sqlite_schema keeps their text), the
-- "seeded" mark in meta and a few rows, some edited by a planner.
-- tests/core/test-migrations.c upgrades it and compares the result with
-- a new database. Never edit this file; add vNNNN.sql for a later schema
-- instead.

PRAGMA user_version = 2;
PRAGMA application_id = 1346458177;

-- 0001-reference.sql

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

-- 0002-partners.sql

CREATE TABLE contact (
  id           INTEGER PRIMARY KEY,
  region_code  TEXT NOT NULL REFERENCES region (code) ON UPDATE CASCADE ON DELETE CASCADE,
  role         TEXT NOT NULL CHECK (role <> ''),
  name         TEXT NOT NULL CHECK (name <> ''),
  organisation TEXT NOT NULL DEFAULT '',
  email        TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  valid_from   TEXT CHECK (valid_from IS NULL OR date (valid_from) IS valid_from),
  valid_to     TEXT CHECK (valid_to IS NULL OR (date (valid_to) IS valid_to
                                                AND (valid_from IS NULL OR valid_to > valid_from)))
) STRICT;
CREATE INDEX contact_region ON contact (region_code, role);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

INSERT INTO meta (key, value) VALUES
  ('seeded', '1'),
  ('last_backup', '2025-11-02T08:15:00Z');

INSERT INTO region (code, number, name, province, aliases) VALUES
  ('VR01', 1, 'Groningen', 'Groningen', ''),
  ('VR02', 2, 'Fryslân', 'Friesland', 'Friesland'),
  ('VR03', 3, 'Drenthe', 'Drenthe', ''),
  ('VR04', 4, 'IJsselland', 'Overijssel', ''),
  ('VR05', 5, 'Twente (bewerkt)', 'Overijssel', 'Twente');

INSERT INTO brigade (id, name, location, rmc) VALUES
  ('43MB', '43 Gemechaniseerde Brigade', 'Havelte', 'RMC Noord');

INSERT INTO brigade_assignment (id, region_code, brigade_id, valid_from, valid_to, source) VALUES
  (1, 'VR05', '43MB', '2024-06-21', NULL, 'Defensie, 21 juni 2024');

INSERT INTO contact (id, region_code, role, name, organisation, email, phone, valid_from, valid_to) VALUES
  (1, 'VR05', 'RMOA', 'J. de Vries', '43 Gemechaniseerde Brigade', 'j.devries@example.org', '', '2024-06-21', NULL);

INSERT INTO discipline (code, name, description, statutory) VALUES
  ('BRW', 'Brandweer', 'Brandweerzorg van de veiligheidsregio.', 1);

INSERT INTO exercise_type (code, name, description, counts_as_exercise) VALUES
  ('ROT', 'ROT-oefening', 'Oefening van het Regionaal Operationeel Team.', 1);

INSERT INTO grip_level (code, name, description, teams, valid_from, valid_to) VALUES
  ('GRIP2', 'GRIP 2', 'Effectgebied.', 'CoPI, ROT', NULL, NULL);
