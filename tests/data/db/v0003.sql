-- v0003.sql
-- Copyright 2026 The Paraat developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A database as a Paraat with migrations 0001 to 0003 left it, before
-- calendar sources (0004): the schema of src/core/migrations/0001 to
-- 0003 (CREATE statements copied verbatim, since sqlite_schema keeps
-- their text), the reference rows of v0002.sql and one exercise with its
-- children and history. tests/core/test-migrations.c upgrades it and
-- compares the result with a new database. Never edit this file; add
-- vNNNN.sql for a later schema instead.

PRAGMA user_version = 3;
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

-- 0003-exercises.sql
--
-- The MOTO exercise calendar: exercises with their participants, a
-- history of every change of status or date, evaluations and the action
-- items that follow from them.

CREATE TABLE exercise (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE CHECK (uid <> ''),
  sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  title         TEXT NOT NULL CHECK (title <> ''),
  description   TEXT NOT NULL DEFAULT '',
  type_code     TEXT NOT NULL REFERENCES exercise_type (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  grip_code     TEXT REFERENCES grip_level (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  region_code   TEXT NOT NULL REFERENCES region (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  -- Seconds since the epoch (UTC). An all-day exercise runs from local
  -- midnight of its first day to local midnight after its last day.
  start_utc     INTEGER NOT NULL,
  end_utc       INTEGER NOT NULL CHECK (end_utc > start_utc),
  all_day       INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  tzid          TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
  location      TEXT NOT NULL DEFAULT '',
  latitude      REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
  longitude     REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
  scenario_code TEXT NOT NULL DEFAULT '',
  defence       TEXT NOT NULL DEFAULT 'none'
                CHECK (defence IN ('none', 'requested', 'confirmed', 'declined')),
  defence_units TEXT NOT NULL DEFAULT '',
  ovr_observer  INTEGER NOT NULL DEFAULT 0 CHECK (ovr_observer IN (0, 1)),
  reservists    INTEGER NOT NULL DEFAULT 0 CHECK (reservists >= 0),
  status        TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'planned', 'confirmed', 'postponed', 'cancelled', 'held', 'evaluated')),
  rrule         TEXT NOT NULL DEFAULT '',
  -- End of the last occurrence of a recurring exercise, NULL when it
  -- repeats without end; equal to end_utc for a single one.
  series_end_utc INTEGER,
  created       TEXT NOT NULL,
  modified      TEXT NOT NULL,
  -- Deleted exercises are kept until the deletion can no longer be
  -- undone, and so an exchange can tell "deleted here" from "never seen".
  deleted       INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
) STRICT;
CREATE INDEX exercise_start ON exercise (start_utc);
CREATE INDEX exercise_region_start ON exercise (region_code, start_utc);
CREATE INDEX exercise_recurring ON exercise (start_utc) WHERE rrule <> '';

-- Further regions taking part, besides the organising one
CREATE TABLE exercise_region (
  exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  region_code TEXT NOT NULL REFERENCES region (code) ON UPDATE CASCADE ON DELETE CASCADE,
  PRIMARY KEY (exercise_id, region_code)
) STRICT;
CREATE INDEX exercise_region_region ON exercise_region (region_code);

CREATE TABLE exercise_discipline (
  exercise_id     INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  discipline_code TEXT NOT NULL REFERENCES discipline (code) ON UPDATE CASCADE ON DELETE RESTRICT,
  PRIMARY KEY (exercise_id, discipline_code)
) STRICT;

CREATE TABLE exercise_organisation (
  exercise_id  INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  organisation TEXT NOT NULL CHECK (organisation <> ''),
  PRIMARY KEY (exercise_id, organisation)
) STRICT;

-- What moved and why: one row per changed status or date
CREATE TABLE exercise_history (
  id          INTEGER PRIMARY KEY,
  exercise_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  changed_at  TEXT NOT NULL,
  who         TEXT NOT NULL DEFAULT '',
  reason      TEXT NOT NULL DEFAULT '',
  field       TEXT NOT NULL CHECK (field IN ('created', 'status', 'start', 'end')),
  old_value   TEXT NOT NULL DEFAULT '',
  new_value   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX exercise_history_exercise ON exercise_history (exercise_id, id);

CREATE TABLE evaluation (
  exercise_id       INTEGER PRIMARY KEY REFERENCES exercise (id) ON DELETE CASCADE,
  quick_report_date TEXT CHECK (quick_report_date IS NULL OR date (quick_report_date) IS quick_report_date),
  quick_report_ref  TEXT NOT NULL DEFAULT '',
  final_report_date TEXT CHECK (final_report_date IS NULL OR date (final_report_date) IS final_report_date),
  final_report_ref  TEXT NOT NULL DEFAULT '',
  lessons           TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE action_item (
  id           INTEGER PRIMARY KEY,
  exercise_id  INTEGER NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
  what         TEXT NOT NULL CHECK (what <> ''),
  owner        TEXT NOT NULL DEFAULT '',
  due_date     TEXT CHECK (due_date IS NULL OR date (due_date) IS due_date),
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done')),
  done_date    TEXT CHECK (done_date IS NULL OR date (done_date) IS done_date)
) STRICT;
CREATE INDEX action_item_exercise ON action_item (exercise_id);
CREATE INDEX action_item_open ON action_item (due_date) WHERE status <> 'done';

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

INSERT INTO exercise (id, uid, sequence, title, description, type_code, grip_code, region_code, start_utc, end_utc,
                      all_day, tzid, location, defence, defence_units, status, created, modified) VALUES
  (1, 'rot-twente-2026@paraat', 2, 'ROT-oefening Hengelo', '', 'ROT', 'GRIP2', 'VR05', 1780300800, 1780315200,
   0, 'Europe/Amsterdam', 'Hengelo', 'requested', '43 Herstelcompagnie', 'planned',
   '2026-01-10T09:00:00Z', '2026-02-01T14:30:00Z');

INSERT INTO exercise_region (exercise_id, region_code) VALUES (1, 'VR04');
INSERT INTO exercise_discipline (exercise_id, discipline_code) VALUES (1, 'BRW');
INSERT INTO exercise_organisation (exercise_id, organisation) VALUES (1, '43 Gemechaniseerde Brigade');
INSERT INTO exercise_history (id, exercise_id, changed_at, who, reason, field, old_value, new_value) VALUES
  (1, 1, '2026-01-10T09:00:00Z', 'planner', '', 'created', '', 'draft'),
  (2, 1, '2026-02-01T14:30:00Z', 'planner', '', 'status', 'draft', 'planned');
