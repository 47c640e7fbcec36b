-- 0002-partners.sql
-- Copyright 2026 The Paraat developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The people a region works with (RMOA, RMBA, MOTO coordinator…), each
-- for a dated posting, and a small key/value table for facts about the
-- file itself (demo marker, last backup).

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
