/* paraat-store-plan.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planning the calendar in bulk: shifting exercises and copying a year
 * plan; and reading the times planners type.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "paraat-calendar.h"
#include "paraat-exercise-private.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

/**
 * paraat_parse_when:
 * @tzid: the zone for a time without offset
 * @when: (out): the time, in @tzid
 * @is_date: (out): whether @text was a bare date (local midnight)
 *
 * Reads ISO 8601: "2026-03-14", "2026-03-14T09:30", or with an offset.
 */
gboolean
paraat_parse_when (const char  *text,
                   const char  *tzid,
                   GDateTime  **when,
                   gboolean    *is_date)
{
  g_autoptr(GTimeZone) tz = paraat_store_zone_for (tzid);
  g_autoptr(GDateTime) parsed = NULL;
  GDate date;

  if (text == NULL)
    return FALSE;

  if (paraat_parse_iso_date (text, &date))
    {
      *when = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 0, 0, 0);
      *is_date = TRUE;
      return *when != NULL;
    }

  /* GLib wants seconds; planners write 09:30, and a space for the T. */
  if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}$", text, 0, 0))
    {
      g_autofree char *full = g_strconcat (text, ":00", NULL);

      full[10] = 'T';
      parsed = g_date_time_new_from_iso8601 (full, tz);
    }
  else
    parsed = g_date_time_new_from_iso8601 (text, tz);
  if (parsed == NULL)
    return FALSE;
  *when = g_date_time_to_timezone (parsed, tz);
  *is_date = FALSE;

  return TRUE;
}

/* Bulk changes */

/**
 * paraat_store_shift_exercises:
 * @days: whole days, in each exercise's own zone (a 09:00 start stays at
 *   09:00 across a DST change)
 *
 * Moves every exercise in @uids in one transaction; each move is recorded
 * in its history with @reason.
 */
gboolean
paraat_store_shift_exercises (ParaatStore         *self,
                              const char * const  *uids,
                              int                  days,
                              const char          *who,
                              const char          *reason,
                              GError             **error)
{
  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (uids != NULL, FALSE);

  if (!paraat_store_begin (self, error))
    return FALSE;

  for (guint i = 0; uids[i] != NULL; i++)
    {
      g_autoptr(ParaatExercise) ex = paraat_store_get_exercise (self, uids[i], error);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autoptr(GDateTime) new_start = NULL;
      g_autoptr(GDateTime) new_end = NULL;

      if (ex == NULL)
        goto failed;
      start = paraat_exercise_get_start (ex);
      end = paraat_exercise_get_end (ex);
      new_start = g_date_time_add_days (start, days);
      new_end = g_date_time_add_days (end, days);
      paraat_exercise_set_times (ex, new_start, new_end, ex->all_day);
      if (!paraat_store_save_exercise_in_transaction (self, ex, who, reason, error))
        {
          g_prefix_error (error, "%s: ", uids[i]);
          goto failed;
        }
    }

  if (!paraat_store_commit (self, error))
    goto failed;
  paraat_store_emit_changed (self, PARAAT_CHANGE_CALENDAR);

  return TRUE;

failed:
  paraat_store_rollback (self);
  return FALSE;
}

/**
 * paraat_store_copy_year:
 * @scope: (nullable): whose exercises, %NULL for all
 * @year: the year to copy from (in Europe/Amsterdam)
 *
 * Copies the year plan (exercises starting in @year, recurring ones as one
 * series) to the next year as new drafts, in one transaction.
 *
 * Returns: how many were copied; 0 with @error set on failure
 */
guint
paraat_store_copy_year (ParaatStore  *self,
                        ParaatScope  *scope,
                        int           year,
                        GError      **error)
{
  g_autoptr(GTimeZone) tz = paraat_store_zone_for (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, year + 1, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  guint copied = 0;

  g_return_val_if_fail (PARAAT_IS_STORE (self), 0);

  if (from == NULL || to == NULL)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: “%d” is not a year."), _("Year"), year);
      return 0;
    }

  stmt = paraat_store_prepare (self, "SELECT " PARAAT_EXERCISE_COLUMNS " FROM exercise e WHERE e.deleted = 0"
                                     " AND e.start_utc >= ?1 AND e.start_utc < ?2 ORDER BY e.start_utc", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (to));
  if (!(rows = paraat_store_collect_exercises (self, stmt, error)))
    return 0;

  if (!paraat_store_begin (self, error))
    return 0;
  for (guint i = 0; i < rows->len; i++)
    {
      ParaatExercise *ex = rows->pdata[i];
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autoptr(GDateTime) new_start = NULL;
      g_autoptr(GDateTime) new_end = NULL;

      if (!paraat_store_exercise_in_scope (scope, ex))
        continue;
      start = paraat_exercise_get_start (ex);
      end = paraat_exercise_get_end (ex);
      /* Same date next year; the week day moves, which planners expect
       * of a draft they will adjust. */
      new_start = g_date_time_add_years (start, 1);
      new_end = g_date_time_add_years (end, 1);
      paraat_exercise_set_times (ex, new_start, new_end, ex->all_day);
      ex->id = 0;
      g_clear_pointer (&ex->uid, g_free);
      ex->status = PARAAT_EXERCISE_STATUS_DRAFT;
      if (*ex->rrule != '\0')
        {
          struct icalrecurrencetype recur;

          /* A series that ends moves its end along with it. */
          if (paraat_store_parse_rrule (ex->rrule, &recur, NULL) && !icaltime_is_null_time (recur.until))
            {
              char *moved;

              recur.until.year++;
              /* 29 February has no twin next year */
              if (recur.until.month == 2 && recur.until.day == 29)
                recur.until.day = 28;
              moved = icalrecurrencetype_as_string_r (&recur);
              paraat_exercise_set_rrule (ex, moved);
              icalmemory_free_buffer (moved);
            }
        }
      if (!paraat_store_save_exercise_in_transaction (self, ex, NULL, _("Copied from the previous year plan"), error))
        {
          paraat_store_rollback (self);
          return 0;
        }
      copied++;
    }
  if (!paraat_store_commit (self, error))
    {
      paraat_store_rollback (self);
      return 0;
    }
  paraat_store_emit_changed (self, PARAAT_CHANGE_CALENDAR);

  return copied;
}
