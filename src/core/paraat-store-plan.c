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
#include "paraat-ical.h"
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

/* Monday of ISO week 1 of week-numbering @year: the week with 4 January */
static void
set_iso_week_one (GDate *date,
                  int    year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 4, G_DATE_JANUARY, year);
  g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
}

/* 52 or 53; 28 December always lies in the last week */
static guint
count_iso_weeks (int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 28, G_DATE_DECEMBER, year);

  return g_date_get_iso8601_week_of_year (&date);
}

/*
 * Days from @date to the same weekday of the same ISO week one week-year
 * later; week 53 goes to week 52 when the next year has no week 53. Always
 * a whole number of weeks (52 or 53), so the weekday stays.
 */
static int
days_to_same_week_next_year (GDateTime *date)
{
  int year = g_date_time_get_week_numbering_year (date);
  guint week = g_date_time_get_week_of_year (date);
  int weekday = g_date_time_get_day_of_week (date);
  GDate from, to;
  int y, m, d;

  if (week > count_iso_weeks (year + 1))
    week = count_iso_weeks (year + 1);
  g_date_clear (&from, 1);
  g_date_time_get_ymd (date, &y, &m, &d);
  g_date_set_dmy (&from, d, m, y);
  set_iso_week_one (&to, year + 1);
  g_date_add_days (&to, (week - 1) * 7 + (weekday - 1));

  return g_date_days_between (&from, &to);
}

/*
 * The first occurrence of @recur from @anchor on (the series' zone, the
 * anchor's time of day), ignoring COUNT and UNTIL; %NULL if there is none.
 * libical leaves out an anchor that does not fit the rule.
 */
static GDateTime *
find_first_occurrence (struct icalrecurrencetype  recur,
                       GDateTime                 *anchor,
                       gboolean                   all_day)
{
  icalrecur_iterator *it;
  icaltimetype t;

  recur.count = 0;
  recur.until = icaltime_null_time ();
  if (!(it = icalrecur_iterator_new (recur, paraat_ical_local_time (anchor, all_day))))
    return NULL;
  t = icalrecur_iterator_next (it);
  icalrecur_iterator_free (it);
  if (icaltime_is_null_time (t))
    return NULL;

  return g_date_time_new (g_date_time_get_timezone (anchor), t.year, t.month, t.day,
                          g_date_time_get_hour (anchor), g_date_time_get_minute (anchor),
                          g_date_time_get_seconds (anchor));
}

/*
 * Where a copied series starts, @days after @start by the week rule,
 * unless its rule fixes other days: "the first Tuesday of the month" has
 * no twin in the same week. Then the copy starts at the rule's first day
 * from a week before the same date next year, which is where the series
 * started a year ago (5 January 2027 for 6 January 2026).
 */
static int
days_to_series_start (struct icalrecurrencetype  recur,
                      GDateTime                 *start,
                      int                        days,
                      gboolean                   all_day)
{
  g_autoptr(GDateTime) moved = g_date_time_add_days (start, days);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) year_later = NULL;
  g_autoptr(GDateTime) anchor = NULL;

  if (moved == NULL)
    return days;
  first = find_first_occurrence (recur, moved, all_day);
  if (first != NULL && paraat_count_local_days (moved, first) == 0)
    return days;

  year_later = g_date_time_add_years (start, 1);
  anchor = year_later ? g_date_time_add_days (year_later, -7) : NULL;
  g_clear_pointer (&first, g_date_time_unref);
  if (anchor == NULL || !(first = find_first_occurrence (recur, anchor, all_day)))
    return days;

  return paraat_count_local_days (start, first);
}

/* Moves a series' UNTIL by @days local days, as its DTSTART moved. */
static void
move_until (struct icalrecurrencetype *recur,
            int                        days,
            GTimeZone                 *tz)
{
  g_autoptr(GDateTime) until_utc = NULL;
  g_autoptr(GDateTime) until_local = NULL;
  g_autoptr(GDateTime) moved_local = NULL;
  g_autoptr(GDateTime) moved_utc = NULL;

  if (!icaltime_is_utc (recur->until))
    {
      /* A date, or a floating time: local already */
      icaltime_adjust (&recur->until, days, 0, 0, 0);
      return;
    }

  /* In local time, so that a bound at the last occurrence's start still
   * matches it when only one of the two years is in summer time there. */
  until_utc = g_date_time_new_utc (recur->until.year, recur->until.month, recur->until.day,
                                   recur->until.hour, recur->until.minute, recur->until.second);
  if (until_utc == NULL)
    return;
  until_local = g_date_time_to_timezone (until_utc, tz);
  moved_local = g_date_time_add_days (until_local, days);
  moved_utc = g_date_time_to_utc (moved_local);
  recur->until.year = g_date_time_get_year (moved_utc);
  recur->until.month = g_date_time_get_month (moved_utc);
  recur->until.day = g_date_time_get_day_of_month (moved_utc);
  recur->until.hour = g_date_time_get_hour (moved_utc);
  recur->until.minute = g_date_time_get_minute (moved_utc);
  recur->until.second = g_date_time_get_second (moved_utc);
}

/**
 * paraat_store_copy_year:
 * @scope: (nullable): whose exercises, %NULL for all
 * @year: the ISO week-numbering year to copy from (weeks 1 to 52 or 53,
 *   from Monday of week 1 to Monday of week 1 of the next year, in
 *   Europe/Amsterdam)
 *
 * Copies the year plan (the exercises starting in @year, recurring ones as
 * one series) to the next year as new drafts, in one transaction.
 *
 * Each copy keeps its ISO week and weekday: an exercise on the Tuesday of
 * week 12 goes to the Tuesday of week 12 of the next year, and one in week
 * 53 goes to week 52 when the next year has no week 53. The year is the
 * ISO one because a week 1 or 53 can start or end in another calendar
 * year: 29 December 2025 is the Monday of week 1 of 2026, and goes to 4
 * January 2027. The local start and end times (in the exercise's own zone,
 * so 09:00–17:00 stays 09:00–17:00 across DST) and the number of days stay.
 *
 * A recurring exercise's first occurrence moves the same way and its rule
 * stays. Where the rule fixes other days than the week does (“the first
 * Tuesday of the month”, BYDAY=1TU), the copy starts at the rule's first
 * day from a week before the same date next year instead: a series from
 * 6 January 2026 copies to one from 5 January 2027, not from 12 January,
 * which the rule would skip. A COUNT counts from the new start; an UNTIL
 * moves by as many days as the start, so the series spans as long as
 * before (a weekly drill from March to June stays one from March to June).
 * A series without an end is not copied: it already runs through the next
 * year, and a copy would double every occurrence.
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
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;
  guint copied = 0;
  GDate first, next_first;

  g_return_val_if_fail (PARAAT_IS_STORE (self), 0);

  /* g_date_valid_year() and a margin for the week before 1 January */
  if (year < 2 || year > 9998)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: “%d” is not a year."), _("Year"), year);
      return 0;
    }
  set_iso_week_one (&first, year);
  set_iso_week_one (&next_first, year + 1);
  from = g_date_time_new (tz, g_date_get_year (&first), g_date_get_month (&first), g_date_get_day (&first),
                          0, 0, 0);
  to = g_date_time_new (tz, g_date_get_year (&next_first), g_date_get_month (&next_first),
                        g_date_get_day (&next_first), 0, 0, 0);
  g_assert (from != NULL && to != NULL);

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
      g_autoptr(GTimeZone) ex_tz = paraat_store_zone_for (ex->tzid);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autoptr(GDateTime) new_start = NULL;
      g_autoptr(GDateTime) new_end = NULL;
      int days;

      if (!paraat_store_exercise_in_scope (scope, ex))
        continue;
      start = paraat_exercise_get_start (ex);
      end = paraat_exercise_get_end (ex);
      days = days_to_same_week_next_year (start);
      /* Whole local days, so the wall-clock times stay */
      new_start = g_date_time_add_days (start, days);
      new_end = g_date_time_add_days (end, days);
      if (*ex->rrule != '\0')
        {
          struct icalrecurrencetype recur;

          /* Refused on save already; skipped rather than failing the plan */
          if (!paraat_store_parse_rrule (ex->rrule, &recur, NULL))
            continue;
          if (recur.count == 0 && icaltime_is_null_time (recur.until))
            continue;
          days = days_to_series_start (recur, start, days, ex->all_day);
          g_clear_pointer (&new_start, g_date_time_unref);
          g_clear_pointer (&new_end, g_date_time_unref);
          new_start = g_date_time_add_days (start, days);
          new_end = g_date_time_add_days (end, days);
          if (!icaltime_is_null_time (recur.until))
            {
              char *moved;

              move_until (&recur, days, ex_tz);
              moved = icalrecurrencetype_as_string_r (&recur);
              paraat_exercise_set_rrule (ex, moved);
              icalmemory_free_buffer (moved);
            }
        }
      if (new_start == NULL || new_end == NULL)
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s”: “%d” is not a year."), _("Year"), year);
          paraat_store_rollback (self);
          return 0;
        }
      paraat_exercise_set_times (ex, new_start, new_end, ex->all_day);
      ex->id = 0;
      g_clear_pointer (&ex->uid, g_free);
      ex->status = PARAAT_EXERCISE_STATUS_DRAFT;
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
