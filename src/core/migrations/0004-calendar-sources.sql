-- 0004-calendar-sources.sql
-- Copyright 2026 The Paraat developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Imported calendars: a brigade's, an RMC's or another region's. Each
-- source keeps its events beside the region's own exercises; a later full
-- import marks events that disappeared as removed instead of deleting
-- them, so people can still see what was there.

CREATE TABLE calendar_source (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE CHECK (name <> ''),
  organisation    TEXT NOT NULL DEFAULT '',
  colour          TEXT NOT NULL DEFAULT '',
  kind            TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('defence', 'region', 'other')),
  last_import_utc INTEGER,
  last_file       TEXT NOT NULL DEFAULT '',
  visible         INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1))
) STRICT;

CREATE TABLE source_event (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES calendar_source (id) ON DELETE CASCADE,
  uid           TEXT NOT NULL CHECK (uid <> ''),
  sequence      INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  -- RECURRENCE-ID as iCalendar text (one changed occurrence), NULL for
  -- the event or series itself. UNIQUE treats NULLs as distinct, so the
  -- index below uses '' for them.
  recurrence_id TEXT,
  summary       TEXT NOT NULL DEFAULT '',
  description   TEXT NOT NULL DEFAULT '',
  location      TEXT NOT NULL DEFAULT '',
  start_utc     INTEGER NOT NULL,
  end_utc       INTEGER NOT NULL CHECK (end_utc >= start_utc),
  tzid          TEXT NOT NULL DEFAULT '',
  all_day       INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
  rrule         TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('tentative', 'confirmed', 'cancelled')),
  removed       INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  region_code   TEXT,
  regions       TEXT NOT NULL DEFAULT '',  -- further region codes, separated by ';'
  units         TEXT NOT NULL DEFAULT '',  -- Defence units, separated by ';'
  availability  TEXT NOT NULL DEFAULT 'committed'
                CHECK (availability IN ('committed', 'unavailable', 'available')),
  organiser     TEXT NOT NULL DEFAULT '',
  raw           TEXT NOT NULL DEFAULT ''   -- the VEVENT as iCalendar text, so nothing is lost
) STRICT;
CREATE UNIQUE INDEX source_event_key ON source_event (source_id, uid, ifnull (recurrence_id, ''));
CREATE INDEX source_event_start ON source_event (start_utc);
CREATE INDEX source_event_source ON source_event (source_id);
