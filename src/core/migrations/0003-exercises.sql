-- 0003-exercises.sql
-- Copyright 2026 The Paraat developers
-- SPDX-License-Identifier: GPL-3.0-or-later
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
