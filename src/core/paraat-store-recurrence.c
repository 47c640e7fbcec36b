/* paraat-store-recurrence.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The occurrences of a recurring exercise: the walk over its rule (plain
 * DAILY and WEEKLY rules by adding days, everything else with libical's
 * iterator), the store's cache of the occurrences walked so far of each
 * series, a series' end for the range index, and the occurrences that
 * overlap a period. Part of ParaatStore; the rest of the exercises are in
 * paraat-store-exercises.c.
 */

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-exercise-private.h"
#include "paraat-ical.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

/* Iterations of one rule before giving up (a daily drill over decades) */
#define MAX_RECURRENCE_STEPS 100000

/* Where an occurrence starting at @start ends: all-day ones keep whole
 * local days, whatever DST does; others last as long as the first. */
static gint64
occurrence_end (GDateTime *start,
                gboolean   all_day,
                int        days,
                gint64     seconds)
{
  g_autoptr(GDateTime) end = NULL;

  if (!all_day)
    return g_date_time_to_unix (start) + seconds;
  end = g_date_time_add_days (start, days);

  return end != NULL ? g_date_time_to_unix (end) : g_date_time_to_unix (start);
}

/*
 * Whether every occurrence of @recur is its first one's wall time a
 * fixed number of days on: FREQ=DAILY or WEEKLY with no more than
 * INTERVAL and COUNT. Such a rule (standing drills, and most of what
 * calendars exchange) is walked without libical's iterator, which works
 * each step out with an ICU calendar: 2 µs a step, a quarter of the time
 * paraat-cli conflicts took over 100,000 events. UNTIL is left to libical,
 * for its comparison of dates with date-times.
 */
static gboolean
is_simple_rule (const struct icalrecurrencetype *recur)
{
  if (recur->freq != ICAL_DAILY_RECURRENCE && recur->freq != ICAL_WEEKLY_RECURRENCE)
    return FALSE;
  if (!icaltime_is_null_time (recur->until) || recur->rscale != NULL)
    return FALSE;

  return recur->by_second[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_minute[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_hour[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_day[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_year_day[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_week_no[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_month[0] == ICAL_RECURRENCE_ARRAY_MAX &&
         recur->by_set_pos[0] == ICAL_RECURRENCE_ARRAY_MAX;
}

/* A walk over the occurrences of a series, one at a time: by adding
 * days for an is_simple_rule() rule, else with libical's iterator */
typedef struct
{
  GTimeZone          *tz;
  icalrecur_iterator *it;             /* NULL once the walk has ended, or for a simple rule */
  gboolean            simple;         /* FALSE once a simple walk has ended */
  GDate               date;           /* simple: the next occurrence's day */
  int                 step;           /* simple: days between occurrences */
  int                 hour, minute, second;
  guint               count;          /* simple: COUNT, 0 for no end */
  int                 days;
  gint64              seconds;
  gboolean            all_day;
  guint               steps;
} Walk;

static void
walk_clear (Walk *walk)
{
  g_clear_pointer (&walk->it, icalrecur_iterator_free);
  g_clear_pointer (&walk->tz, g_time_zone_unref);
  walk->simple = FALSE;
}

/* Starts a walk at the first occurrence of a series that starts at
 * @start_utc and ends at @end_utc (its first occurrence) in the zone
 * @tzid, so that a drill at 19:00 stays at 19:00 local time after a DST
 * change. It has ended at once when the rule can't be read. */
static void
walk_init (Walk       *walk,
           const char *tzid,
           gint64      start_utc_s,
           gint64      end_utc_s,
           gboolean    all_day,
           const char *rrule)
{
  g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (start_utc_s);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end_utc = g_date_time_new_from_unix_utc (end_utc_s);
  g_autoptr(GDateTime) end = NULL;
  struct icalrecurrencetype recur;

  memset (walk, 0, sizeof *walk);
  walk->tz = paraat_store_zone_for (tzid);
  start = g_date_time_to_timezone (start_utc, walk->tz);
  end = g_date_time_to_timezone (end_utc, walk->tz);
  walk->days = paraat_count_local_days (start, end);
  walk->seconds = end_utc_s - start_utc_s;
  walk->all_day = all_day;

  if (!paraat_store_parse_rrule (rrule, &recur, NULL))
    return;
  if (is_simple_rule (&recur))
    {
      int y, m, d;

      walk->simple = TRUE;
      walk->step = MAX (recur.interval, 1) * (recur.freq == ICAL_WEEKLY_RECURRENCE ? 7 : 1);
      walk->count = recur.count > 0 ? (guint) recur.count : 0;
      walk->hour = all_day ? 0 : g_date_time_get_hour (start);
      walk->minute = all_day ? 0 : g_date_time_get_minute (start);
      walk->second = all_day ? 0 : g_date_time_get_second (start);
      g_date_time_get_ymd (start, &y, &m, &d);
      g_date_clear (&walk->date, 1);
      g_date_set_dmy (&walk->date, d, m, y);
      return;
    }
  /* The iterator runs in floating local time and compares UNTIL field by
   * field. RFC 5545 writes UNTIL in UTC when the start has a zone, which
   * would cut the last occurrence off by the zone's offset. */
  if (!icaltime_is_null_time (recur.until) && !recur.until.is_date && icaltime_is_utc (recur.until))
    {
      g_autoptr(GDateTime) until_utc = g_date_time_new_utc (recur.until.year, recur.until.month, recur.until.day,
                                                            recur.until.hour, recur.until.minute,
                                                            recur.until.second);
      g_autoptr(GDateTime) until = until_utc ? g_date_time_to_timezone (until_utc, walk->tz) : NULL;

      if (until != NULL)
        recur.until = paraat_ical_local_time (until, FALSE);
    }
  walk->it = icalrecur_iterator_new (recur, paraat_ical_local_time (start, all_day));
}

/* @date at @hour:@minute:@second, as seconds since the epoch count in UTC */
static gint64
local_seconds (const GDate *date,
               int          hour,
               int          minute,
               int          second)
{
  return paraat_date_get_day (date) * 86400 + hour * 3600 + minute * 60 + second;
}

/* The next occurrence; FALSE at the end of the rule or after
 * MAX_RECURRENCE_STEPS, and from then on. A simple rule takes the same
 * steps with the same times as the iterator would. */
static gboolean
walk_next (Walk   *walk,
           gint64 *start,
           gint64 *end)
{
  while ((walk->it != NULL || walk->simple) && walk->steps < MAX_RECURRENCE_STEPS)
    {
      g_autoptr(GDateTime) occ_start = NULL;

      if (walk->simple)
        {
          if (walk->count > 0 && walk->steps >= walk->count)
            break;
          if (walk->steps > 0)
            {
              if (g_date_get_julian (&walk->date) > G_MAXUINT32 - (guint) walk->step)
                break;
              g_date_add_days (&walk->date, walk->step);
            }
          walk->steps++;
          if (!walk->all_day && g_date_get_year (&walk->date) <= 9999 &&
              paraat_time_zone_local_to_utc (walk->tz, local_seconds (&walk->date, walk->hour, walk->minute,
                                                                      walk->second), start))
            {
              /* What follows gives the same, at ten times the cost */
              *end = *start + walk->seconds;
              return TRUE;
            }
          occ_start = g_date_time_new (walk->tz, g_date_get_year (&walk->date), g_date_get_month (&walk->date),
                                       g_date_get_day (&walk->date), walk->hour, walk->minute, walk->second);
        }
      else
        {
          icaltimetype t = icalrecur_iterator_next (walk->it);

          walk->steps++;
          if (icaltime_is_null_time (t))
            break;
          occ_start = g_date_time_new (walk->tz, t.year, t.month, t.day, t.is_date ? 0 : t.hour,
                                       t.is_date ? 0 : t.minute, t.is_date ? 0 : t.second);
        }
      if (occ_start == NULL)
        continue;
      *start = g_date_time_to_unix (occ_start);
      *end = occurrence_end (occ_start, walk->all_day, walk->days, walk->seconds);
      return TRUE;
    }
  walk_clear (walk);

  return FALSE;
}

/*
 * Walks the occurrences of a series in its own zone (see walk_init()).
 * Stops when @func returns FALSE, after MAX_RECURRENCE_STEPS, or at the
 * end of the rule.
 */
void
paraat_store_foreach_occurrence (const char           *tzid,
                                 gint64                start_utc,
                                 gint64                end_utc,
                                 gboolean              all_day,
                                 const char           *rrule,
                                 ParaatOccurrenceFunc  func,
                                 gpointer              data)
{
  Walk walk;
  gint64 start, end;

  walk_init (&walk, tzid, start_utc, end_utc, all_day, rrule);
  while (walk_next (&walk, &start, &end))
    {
      if (!func (start, end, data))
        break;
    }
  walk_clear (&walk);
}

static void
foreach_occurrence (ParaatExercise       *ex,
                    ParaatOccurrenceFunc  func,
                    gpointer              data)
{
  paraat_store_foreach_occurrence (ex->tzid, ex->start_utc, ex->end_utc, ex->all_day, ex->rrule, func, data);
}

/*
 * The occurrences of a stored series that the store has walked so far,
 * and the walk to go on with. libical (with ICU underneath) takes about
 * half a million instructions to set up and walk a series of twenty, and
 * every calendar period walked every series in it from its first
 * occurrence: a sixth of a month switch at 100,000 exercises. Kept per
 * exercise id, with the fields the walk depends on: an entry is used
 * only while they are the same.
 */
typedef struct
{
  gint64    id;
  gint64    start_utc;
  gint64    end_utc;
  gboolean  all_day;
  char     *tzid;
  char     *rrule;
  GArray   *times;                    /* gint64: start, end, start, end … */
  Walk      walk;
} Series;

static void
series_free (gpointer data)
{
  Series *series = data;

  walk_clear (&series->walk);
  g_array_unref (series->times);
  g_free (series->tzid);
  g_free (series->rrule);
  g_free (series);
}

static gboolean
series_matches (Series         *series,
                ParaatExercise *ex)
{
  return series->start_utc == ex->start_utc && series->end_utc == ex->end_utc &&
         series->all_day == ex->all_day && g_str_equal (series->tzid, ex->tzid) &&
         g_str_equal (series->rrule, ex->rrule);
}

static Series *
lookup_series (ParaatStore    *self,
               ParaatExercise *ex)
{
  Series *series;

  if (self->series == NULL)
    self->series = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, series_free);
  series = g_hash_table_lookup (self->series, &ex->id);
  if (series != NULL && series_matches (series, ex))
    return series;

  series = g_new0 (Series, 1);
  series->id = ex->id;
  series->start_utc = ex->start_utc;
  series->end_utc = ex->end_utc;
  series->all_day = ex->all_day;
  series->tzid = g_strdup (ex->tzid);
  series->rrule = g_strdup (ex->rrule);
  series->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  walk_init (&series->walk, ex->tzid, ex->start_utc, ex->end_utc, ex->all_day, ex->rrule);
  /* Replaces (and frees) an entry whose exercise has changed since */
  g_hash_table_insert (self->series, &series->id, series);

  return series;
}

/* As foreach_occurrence(), from what @series already holds, walking on
 * only past its end. */
static void
foreach_series_occurrence (Series               *series,
                           ParaatOccurrenceFunc  func,
                           gpointer              data)
{
  for (guint i = 0;; i++)
    {
      gint64 start, end;

      if (2 * i < series->times->len)
        {
          start = g_array_index (series->times, gint64, 2 * i);
          end = g_array_index (series->times, gint64, 2 * i + 1);
        }
      else if (walk_next (&series->walk, &start, &end))
        {
          g_array_append_val (series->times, start);
          g_array_append_val (series->times, end);
        }
      else
        break;
      if (!func (start, end, data))
        break;
    }
}

typedef struct
{
  gint64 last_end;
  guint  n;
  gboolean bounded;
} SeriesEnd;

static gboolean
note_series_end (gint64   start,
                 gint64   end,
                 gpointer data)
{
  SeriesEnd *series = data;

  series->last_end = end;
  series->n++;

  return TRUE;
}

/* The end of the last occurrence of an is_simple_rule() rule with COUNT, without
 * walking the others: an import writes thousands of series. 0 when it
 * cannot tell; then the caller walks them. */
static gint64
compute_plain_series_end (ParaatExercise                  *ex,
                          const struct icalrecurrencetype *recur)
{
  g_autoptr(GTimeZone) tz = paraat_store_zone_for (ex->tzid);
  g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (ex->start_utc);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (start_utc, tz);
  g_autoptr(GDateTime) end_utc = g_date_time_new_from_unix_utc (ex->end_utc);
  g_autoptr(GDateTime) end = g_date_time_to_timezone (end_utc, tz);
  g_autoptr(GDateTime) last_start = NULL;
  g_autoptr(GDateTime) last_end = NULL;
  gint64 days = (gint64) (recur->count - 1) * MAX (recur->interval, 1) * (recur->freq == ICAL_WEEKLY_RECURRENCE ? 7 : 1);
  GDate date;
  int y, m, d;

  g_date_time_get_ymd (start, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (days > G_MAXUINT - g_date_get_julian (&date))
    return 0;
  g_date_add_days (&date, days);
  if (!g_date_valid (&date))
    return 0;
  /* As foreach_occurrence() makes each occurrence */
  last_start = g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                ex->all_day ? 0 : g_date_time_get_hour (start),
                                ex->all_day ? 0 : g_date_time_get_minute (start),
                                ex->all_day ? 0 : g_date_time_get_second (start));
  if (last_start == NULL)
    return 0;
  last_end = ex->all_day ? g_date_time_add_days (last_start, paraat_count_local_days (start, end))
                         : g_date_time_add_seconds (last_start, ex->end_utc - ex->start_utc);

  return last_end ? g_date_time_to_unix (last_end) : 0;
}

/* For the range index: where the last occurrence ends, or 0 for never. */
gint64
paraat_store_compute_series_end (ParaatExercise *ex)
{
  struct icalrecurrencetype recur;
  SeriesEnd series = { ex->end_utc, 0, FALSE };
  gint64 end;

  if (*ex->rrule == '\0')
    return ex->end_utc;
  if (!paraat_store_parse_rrule (ex->rrule, &recur, NULL))
    return 0;
  if (recur.count == 0 && icaltime_is_null_time (recur.until))
    return 0;
  if (is_simple_rule (&recur) && recur.count > 0 && recur.count <= MAX_RECURRENCE_STEPS &&
      (end = compute_plain_series_end (ex, &recur)) != 0)
    return end;
  foreach_occurrence (ex, note_series_end, &series);

  return series.last_end;
}

typedef struct
{
  ParaatOccurrenceFunc  func;
  gpointer              data;
  gint64                from;
  gint64                to;
  guint                 emitted;
} Window;

static gboolean
window_occurrence (gint64   start,
                   gint64   end,
                   gpointer data)
{
  Window *w = data;

  if (start >= w->to)
    return FALSE;
  if (end <= w->from)
    return TRUE;
  if (!w->func (start, end, w->data))
    return FALSE;

  return ++w->emitted < PARAAT_MAX_OCCURRENCES;
}

/**
 * paraat_store_foreach_occurrence_in:
 * @from_utc: start of the range (inclusive)
 * @to_utc: end of the range (exclusive)
 *
 * paraat_store_foreach_occurrence() for the occurrences that overlap the
 * range, at most %PARAAT_MAX_OCCURRENCES of them: what every list of a
 * period shows of a series.
 */
void
paraat_store_foreach_occurrence_in (const char           *tzid,
                                    gint64                start_utc,
                                    gint64                end_utc,
                                    gboolean              all_day,
                                    const char           *rrule,
                                    gint64                from_utc,
                                    gint64                to_utc,
                                    ParaatOccurrenceFunc  func,
                                    gpointer              data)
{
  Window w = { func, data, from_utc, to_utc, 0 };

  paraat_store_foreach_occurrence (tzid, start_utc, end_utc, all_day, rrule, window_occurrence, &w);
}

/**
 * paraat_store_foreach_series_occurrence_in:
 * @series: a stored exercise with a rule
 * @from_utc: start of the range (inclusive)
 * @to_utc: end of the range (exclusive)
 *
 * paraat_store_foreach_occurrence_in() for a stored series, from the
 * occurrences the store has walked of it before (walking on as far as
 * the range needs), as long as its start, end, zone and rule are the
 * same.
 */
void
paraat_store_foreach_series_occurrence_in (ParaatStore          *self,
                                           ParaatExercise       *series,
                                           gint64                from_utc,
                                           gint64                to_utc,
                                           ParaatOccurrenceFunc  func,
                                           gpointer              data)
{
  Window w = { func, data, from_utc, to_utc, 0 };

  foreach_series_occurrence (lookup_series (self, series), window_occurrence, &w);
}
