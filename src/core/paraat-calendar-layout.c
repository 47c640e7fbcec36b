/* paraat-calendar-layout.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "paraat-calendar-layout.h"
#include "paraat-utils.h"

/* The local date of @utc in @tz as days since 1 January 1970. Offsets
 * straight from the zone rather than through GDateTime (a year of 10,000
 * exercises made 80,000 of those), and from the intervals
 * paraat_time_zone_get_offset_at() keeps (GLib walks every transition on
 * each lookup). Like GDateTime, times outside years 1 to 9999 count as
 * the epoch. */
static gint64
local_day (gint64     utc,
           GTimeZone *tz)
{
  if (utc < G_GINT64_CONSTANT (-62135596800) || utc > G_GINT64_CONSTANT (253402300799))
    utc = 0;

  return paraat_local_day (tz, utc);
}

static void
clear_span (gpointer data)
{
  ParaatCalendarSpan *span = data;

  g_clear_object (&span->exercise);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const ParaatCalendarSpan *x = a;
  const ParaatCalendarSpan *y = b;
  gint64 s, t;

  if (x->first_day != y->first_day)
    return x->first_day < y->first_day ? -1 : 1;
  /* Longer first, so that long exercises take the upper lanes */
  if (x->last_day != y->last_day)
    return x->last_day > y->last_day ? -1 : 1;
  s = paraat_exercise_get_start_utc (x->exercise);
  t = paraat_exercise_get_start_utc (y->exercise);
  if (s != t)
    return s < t ? -1 : 1;

  return g_strcmp0 (paraat_exercise_get_title (x->exercise), paraat_exercise_get_title (y->exercise));
}

/**
 * paraat_calendar_layout_spans:
 * @exercises: a list of #ParaatExercise
 * @first: the first day of the range
 * @n_days: the range's length
 * @tzid: the time zone whose days count
 *
 * The exercises that touch the range, each with the days it touches,
 * ordered by first day, longer ones first. An exercise that ends at
 * midnight does not touch the day that begins then; one with no length
 * touches the day it starts. An all-day exercise touches its own dates,
 * whatever zone it is kept in.
 *
 * Returns: (transfer full): an array of #ParaatCalendarSpan
 */
GArray *
paraat_calendar_layout_spans (GListModel  *exercises,
                              const GDate *first,
                              guint        n_days,
                              const char  *tzid)
{
  g_autoptr(GTimeZone) tz = paraat_time_zone_new (tzid);
  g_autoptr(GTimeZone) own_tz = NULL;   /* the last all-day exercise's zone … */
  g_autofree char *own_tzid = NULL;     /* … and its name */
  guint n = g_list_model_get_n_items (exercises);
  GArray *spans = g_array_sized_new (FALSE, FALSE, sizeof (ParaatCalendarSpan), n);
  gint64 first_day = paraat_date_get_day (first);

  g_array_set_clear_func (spans, clear_span);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (exercises, i);
      gint64 start = paraat_exercise_get_start_utc (ex);
      gint64 end = paraat_exercise_get_end_utc (ex);
      GTimeZone *day_tz = tz;
      ParaatCalendarSpan span;

      /* An all-day exercise runs between midnights of its own zone, which
       * are not @tzid's: 10 June in UTC is 02:00 to 02:00 in Amsterdam
       * and would touch two days. Its dates are what it means, so count
       * them where its midnights are. */
      if (paraat_exercise_get_all_day (ex))
        {
          if (own_tz == NULL || g_strcmp0 (own_tzid, paraat_exercise_get_tzid (ex)) != 0)
            {
              g_clear_pointer (&own_tz, g_time_zone_unref);
              g_free (own_tzid);
              own_tzid = g_strdup (paraat_exercise_get_tzid (ex));
              /* As paraat_exercise_get_start() does */
              own_tz = g_time_zone_new_identifier (own_tzid);
              if (own_tz == NULL)
                own_tz = g_time_zone_new_utc ();
            }
          day_tz = own_tz;
        }

      span.first_day = (int) (local_day (start, day_tz) - first_day);
      if (end > start)
        span.last_day = (int) (local_day (end - 1, day_tz) - first_day);
      else
        span.last_day = span.first_day;
      if (span.last_day < 0 || span.first_day >= (int) n_days)
        continue;
      span.exercise = g_steal_pointer (&ex);
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  return spans;
}

static void
free_types (gpointer data)
{
  if (data != NULL)
    g_hash_table_unref (data);
}

/**
 * paraat_calendar_count_days:
 * @spans: from paraat_calendar_layout_spans()
 * @n_days: the range's length
 *
 * For each day of the range, how many exercises touch it and which types
 * are the most frequent.
 *
 * Returns: (transfer full): an array of @n_days #ParaatDayCount
 */
GArray *
paraat_calendar_count_days (GArray *spans,
                            guint   n_days)
{
  GArray *days = g_array_sized_new (FALSE, TRUE, sizeof (ParaatDayCount), n_days);
  g_autoptr(GPtrArray) per_day = g_ptr_array_new_full (n_days, free_types);

  g_array_set_size (days, n_days);
  for (guint d = 0; d < n_days; d++)
    g_ptr_array_add (per_day, NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      ParaatCalendarSpan *span = &g_array_index (spans, ParaatCalendarSpan, i);
      const char *type = paraat_exercise_get_kind_key (span->exercise);

      for (int d = MAX (span->first_day, 0); d <= span->last_day && d < (int) n_days; d++)
        {
          GHashTable *types = g_ptr_array_index (per_day, d);

          if (types == NULL)
            types = per_day->pdata[d] = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (types, (gpointer) type,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (types, type)) + 1));
          g_array_index (days, ParaatDayCount, d).n_exercises++;
        }
    }

  for (guint d = 0; d < n_days; d++)
    {
      ParaatDayCount *count = &g_array_index (days, ParaatDayCount, d);
      GHashTable *types = g_ptr_array_index (per_day, d);
      GHashTableIter iter;
      gpointer key, value;

      if (types == NULL)
        continue;
      /* Keep the top few by insertion into a small sorted array; ties
       * go to the type code that sorts first, so the result is stable. */
      g_hash_table_iter_init (&iter, types);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint c = GPOINTER_TO_UINT (value);

          for (guint k = 0; k < PARAAT_DAY_TOP_TYPES; k++)
            {
              if (count->types[k] == NULL || c > count->type_counts[k] ||
                  (c == count->type_counts[k] && g_strcmp0 (key, count->types[k]) < 0))
                {
                  for (guint m = PARAAT_DAY_TOP_TYPES - 1; m > k; m--)
                    {
                      count->types[m] = count->types[m - 1];
                      count->type_counts[m] = count->type_counts[m - 1];
                    }
                  count->types[k] = key;
                  count->type_counts[k] = c;
                  break;
                }
            }
        }
    }

  return days;
}

/**
 * paraat_calendar_assign_lanes:
 * @starts: where each item starts, ordered ascending
 * @ends: where each item ends (exclusive)
 * @n: how many items
 * @max_lanes: at most this many lanes, 0 for no limit
 * @lanes: (out caller-allocates): each item's lane, -1 if none was free
 *
 * Puts each item in the lowest lane that is free from its start, so that
 * no two items in a lane overlap. Items are taken in the order given.
 *
 * Returns: the number of lanes used
 */
guint
paraat_calendar_assign_lanes (const gint64 *starts,
                              const gint64 *ends,
                              guint         n,
                              guint         max_lanes,
                              int          *lanes)
{
  g_autoptr(GArray) lane_ends = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n; i++)
    {
      guint lane;

      for (lane = 0; lane < lane_ends->len; lane++)
        if (g_array_index (lane_ends, gint64, lane) <= starts[i])
          break;
      if (lane == lane_ends->len)
        {
          if (max_lanes > 0 && lane >= max_lanes)
            {
              lanes[i] = -1;
              continue;
            }
          g_array_append_val (lane_ends, ends[i]);
        }
      else
        g_array_index (lane_ends, gint64, lane) = ends[i];
      lanes[i] = (int) lane;
    }

  return lane_ends->len;
}
