/* test-calendar-layout.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar layout helpers: which local days an exercise touches
 * (midnight ends, zero-length exercises, DST days in Europe/Amsterdam,
 * exercises kept in another zone), how busy each day is and which lanes
 * overlapping items get. No store: the exercises are built by hand and
 * put in a GListStore. TZ is UTC here, so every day that comes out in
 * Amsterdam time was computed in the zone the caller asked for.
 */

#include "config.h"

#include <string.h>

#include "paraat-calendar-layout.h"
#include "paraat-test-utils.h"

/* Helpers */

/* "2026-03-29T01:30:00" (or a date, for local midnight) in @tzid */
static GDateTime *
at (const char *text,
    const char *tzid)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);
  g_autofree char *full = NULL;
  GDateTime *dt;

  g_assert_nonnull (tz);
  if (strlen (text) == 10)
    full = g_strconcat (text, "T00:00:00", NULL);
  else
    full = g_strdup (text);
  dt = g_date_time_new_from_iso8601 (full, tz);
  if (dt == NULL)
    g_test_message ("not a time: %s", text);
  g_assert_nonnull (dt);

  return dt;
}

/* Adds an exercise kept in @tzid (Europe/Amsterdam when NULL); an all-day
 * one when @start is a date, and then @end is the day after the last. */
static ParaatExercise *
add_in_zone (GListStore *store,
             const char *title,
             const char *type,
             const char *start,
             const char *end,
             const char *tzid)
{
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(GDateTime) s = NULL;
  g_autoptr(GDateTime) e = NULL;

  if (tzid != NULL)
    g_assert_true (paraat_exercise_set_tzid (ex, tzid));
  s = at (start, paraat_exercise_get_tzid (ex));
  e = at (end, paraat_exercise_get_tzid (ex));
  paraat_exercise_set_title (ex, title);
  paraat_exercise_set_type_code (ex, type);
  paraat_exercise_set_times (ex, s, e, strlen (start) == 10);
  g_list_store_append (store, ex);

  /* The store holds a reference */
  return ex;
}

static ParaatExercise *
add (GListStore *store,
     const char *title,
     const char *start,
     const char *end)
{
  return add_in_zone (store, title, "ROT", start, end, NULL);
}

static GArray *
layout (GListStore *store,
        const char *first,
        guint       n_days,
        const char *tzid)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, first);
  g_assert_true (g_date_valid (&date));

  return paraat_calendar_layout_spans (G_LIST_MODEL (store), &date, n_days, tzid);
}

static GArray *
layout_amsterdam (GListStore *store,
                  const char *first,
                  guint       n_days)
{
  return layout (store, first, n_days, PARAAT_DEFAULT_TZID);
}

/* The span for the exercise titled @title; fails when there is none */
static const ParaatCalendarSpan *
find_span (GArray     *spans,
           const char *title)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const ParaatCalendarSpan *span = &g_array_index (spans, ParaatCalendarSpan, i);

      if (g_strcmp0 (paraat_exercise_get_title (span->exercise), title) == 0)
        return span;
    }
  g_test_message ("no span for “%s”", title);
  g_assert_not_reached ();

  return NULL;
}

static void
assert_span (GArray     *spans,
             const char *title,
             int         first_day,
             int         last_day)
{
  const ParaatCalendarSpan *span = find_span (spans, title);

  g_test_message ("%s: days %d to %d", title, span->first_day, span->last_day);
  g_assert_cmpint (span->first_day, ==, first_day);
  g_assert_cmpint (span->last_day, ==, last_day);
}

/* The spans' titles in order, joined with spaces */
static char *
span_titles (GArray *spans)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const ParaatCalendarSpan *span = &g_array_index (spans, ParaatCalendarSpan, i);

      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, paraat_exercise_get_title (span->exercise));
    }

  return g_string_free (s, FALSE);
}

/* Spans: single exercises */

static void
test_spans_all_day_single (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;
  ParaatExercise *ex;
  const ParaatCalendarSpan *span;

  /* Monday 8 June 2026 to Sunday 14 June */
  ex = add (store, "Wednesday", "2026-06-10", "2026-06-11");
  add (store, "Monday", "2026-06-08", "2026-06-09");
  add (store, "Sunday", "2026-06-14", "2026-06-15");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  g_assert_cmpuint (spans->len, ==, 3);
  assert_span (spans, "Monday", 0, 0);
  assert_span (spans, "Wednesday", 2, 2);
  assert_span (spans, "Sunday", 6, 6);

  /* The span holds the very object, with a reference of its own */
  span = find_span (spans, "Wednesday");
  g_assert_true (span->exercise == ex);
  g_list_store_remove_all (store);
  g_assert_true (PARAAT_IS_EXERCISE (span->exercise));
  g_assert_cmpstr (paraat_exercise_get_title (span->exercise), ==, "Wednesday");
}

static void
test_spans_all_day_multi (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;

  /* Wednesday to Friday: the end is midnight starting Saturday */
  add (store, "Wed-Fri", "2026-06-10", "2026-06-13");
  /* The whole week, ending at the midnight the range ends */
  add (store, "Week", "2026-06-08", "2026-06-15");
  /* Two days ending the day before the last */
  add (store, "Fri-Sat", "2026-06-12", "2026-06-14");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  g_assert_cmpuint (spans->len, ==, 3);
  assert_span (spans, "Wed-Fri", 2, 4);
  assert_span (spans, "Week", 0, 6);
  assert_span (spans, "Fri-Sat", 4, 5);
}

static void
test_spans_timed_midnight (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;

  add (store, "Night", "2026-06-10T22:00:00", "2026-06-11T02:00:00");
  add (store, "Till midnight", "2026-06-10T20:00:00", "2026-06-11T00:00:00");
  add (store, "One second past", "2026-06-10T20:00:00", "2026-06-11T00:00:01");
  add (store, "From midnight", "2026-06-11T00:00:00", "2026-06-11T01:00:00");
  add (store, "Two nights", "2026-06-12T23:00:00", "2026-06-14T01:00:00");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  g_assert_cmpuint (spans->len, ==, 5);
  assert_span (spans, "Night", 2, 3);
  assert_span (spans, "Till midnight", 2, 2);
  assert_span (spans, "One second past", 2, 3);
  assert_span (spans, "From midnight", 3, 3);
  assert_span (spans, "Two nights", 4, 6);
}

static void
test_spans_zero_length (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;

  add (store, "Noon", "2026-06-10T12:00:00", "2026-06-10T12:00:00");
  /* At the midnight that starts Thursday: Thursday, not Wednesday */
  add (store, "Midnight", "2026-06-11T00:00:00", "2026-06-11T00:00:00");
  /* At the first midnight of the range: in it */
  add (store, "First midnight", "2026-06-08T00:00:00", "2026-06-08T00:00:00");
  /* At the midnight after the range: not in it */
  add (store, "After", "2026-06-15T00:00:00", "2026-06-15T00:00:00");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  g_assert_cmpuint (spans->len, ==, 3);
  assert_span (spans, "Noon", 2, 2);
  assert_span (spans, "Midnight", 3, 3);
  assert_span (spans, "First midnight", 0, 0);
}

static void
test_spans_outside (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;
  g_autofree char *titles = NULL;

  /* Left out: ends at the midnight the range starts, or starts at the one it ends */
  add (store, "Week before", "2026-06-01", "2026-06-08");
  add (store, "Evening before", "2026-06-07T20:00:00", "2026-06-08T00:00:00");
  add (store, "Week after", "2026-06-15", "2026-06-22");
  add (store, "Night after", "2026-06-15T00:00:00", "2026-06-15T02:00:00");
  add (store, "Long ago", "2025-06-10", "2025-06-11");
  add (store, "Far ahead", "2027-06-10T09:00:00", "2027-06-10T17:00:00");
  /* In: the last hour before and the first after the range reach into it */
  add (store, "Late", "2026-06-07T23:00:00", "2026-06-08T01:00:00");
  add (store, "Early", "2026-06-14T23:00:00", "2026-06-15T01:00:00");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  titles = span_titles (spans);
  g_assert_cmpstr (titles, ==, "Late Early");
  assert_span (spans, "Late", -1, 0);
  assert_span (spans, "Early", 6, 7);
}

static void
test_spans_overlapping_edges (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;

  add (store, "Started earlier", "2026-06-01", "2026-06-10");
  add (store, "Ends later", "2026-06-14", "2026-06-21");
  add (store, "Around", "2026-05-30T08:00:00", "2026-06-20T18:00:00");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  g_assert_cmpuint (spans->len, ==, 3);
  assert_span (spans, "Started earlier", -7, 1);
  assert_span (spans, "Ends later", 6, 12);
  assert_span (spans, "Around", -9, 12);
}

/* Spans: time zones */

static void
test_spans_dst_spring (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;

  /* 2026-03-29 has 23 hours in Amsterdam. The range is 27 to 31 March. */
  add (store, "Short day", "2026-03-29", "2026-03-30");
  add (store, "Day after", "2026-03-30", "2026-03-31");
  /* 02:00 doesn't exist that night */
  add (store, "Into", "2026-03-28T22:00:00", "2026-03-29T03:00:00");
  add (store, "Out of", "2026-03-29T22:00:00", "2026-03-30T02:00:00");
  /* Almost all of the short day */
  add (store, "Whole day", "2026-03-29T00:30:00", "2026-03-29T23:30:00");
  spans = layout_amsterdam (store, "2026-03-27", 5);

  g_assert_cmpuint (spans->len, ==, 5);
  assert_span (spans, "Short day", 2, 2);
  assert_span (spans, "Day after", 3, 3);
  assert_span (spans, "Into", 1, 2);
  assert_span (spans, "Out of", 2, 3);
  assert_span (spans, "Whole day", 2, 2);
}

static void
test_spans_dst_autumn (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;

  /* 2026-10-25 has 25 hours in Amsterdam. The range is 23 to 27 October. */
  add (store, "Long day", "2026-10-25", "2026-10-26");
  add (store, "Day after", "2026-10-26", "2026-10-27");
  add (store, "Into", "2026-10-24T22:00:00", "2026-10-25T02:00:00");
  add (store, "Out of", "2026-10-25T22:00:00", "2026-10-26T02:00:00");
  add (store, "Last hour", "2026-10-25T23:00:00", "2026-10-26T00:00:00");
  spans = layout_amsterdam (store, "2026-10-23", 5);

  g_assert_cmpuint (spans->len, ==, 5);
  assert_span (spans, "Long day", 2, 2);
  assert_span (spans, "Day after", 3, 3);
  assert_span (spans, "Into", 1, 2);
  assert_span (spans, "Out of", 2, 3);
  assert_span (spans, "Last hour", 2, 2);
}

/* Each span's first day is the local day of its start in @tzid that
 * GDateTime gives, counted from @first */
static void
assert_days_as_gdatetime (GArray     *spans,
                          const char *tzid,
                          GDateYear   year,
                          GDateMonth  month,
                          GDateDay    first)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);
  GDate start;

  g_assert_nonnull (tz);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, first, month, year);
  for (guint i = 0; i < spans->len; i++)
    {
      const ParaatCalendarSpan *span = &g_array_index (spans, ParaatCalendarSpan, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (paraat_exercise_get_start_utc (span->exercise));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (local),
                      (GDateMonth) g_date_time_get_month (local), (GDateYear) g_date_time_get_year (local));
      g_assert_cmpint (span->first_day, ==, g_date_days_between (&start, &day));
    }
}

/* Adds an exercise of @seconds starting at @utc, kept in Amsterdam */
static void
add_utc (GListStore *store,
         gint64      utc,
         int         seconds)
{
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(GDateTime) s = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) e = g_date_time_add_seconds (s, seconds);

  paraat_exercise_set_times (ex, s, e, FALSE);
  g_list_store_append (store, ex);
}

/* A year and days either side, an hour every 61 minutes and one that
 * starts on every second around both changes of 2026: each first day is
 * the local day GDateTime gives. */
static void
test_spans_dst_year (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GDateTime) first = at ("2026-01-01", PARAAT_DEFAULT_TZID);
  g_autoptr(GArray) spans = NULL;
  /* 29 March and 25 October 2026, 01:00 UTC */
  const gint64 changes[] = { G_GINT64_CONSTANT (1774746000), G_GINT64_CONSTANT (1792890000) };
  gint64 from = g_date_time_to_unix (first) - 3 * 86400;

  for (gint64 t = from; t < from + 371 * 86400; t += 61 * 60)
    add_utc (store, t, 3600);
  for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
    for (gint64 t = changes[c] - 3; t <= changes[c] + 3; t++)
      add_utc (store, t, 1);

  spans = layout_amsterdam (store, "2026-01-01", 365);
  g_assert_cmpuint (spans->len, >, 8000);
  assert_days_as_gdatetime (spans, PARAAT_DEFAULT_TZID, 2026, G_DATE_JANUARY, 1);
}

/* Samoa skipped 30 December 2011: at 10:00 UTC its clocks went from
 * 23:59:59 on the 29th to 00:00 on the 31st. The second of a change
 * counts in the new offset. */
static void
test_spans_zone_jump (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;
  const gint64 change = G_GINT64_CONSTANT (1325239200);

  for (gint64 t = change - 3; t <= change + 3; t++)
    add_utc (store, t, 1);
  spans = layout (store, "2011-12-25", 14, "Pacific/Apia");
  g_assert_cmpuint (spans->len, ==, 7);
  assert_days_as_gdatetime (spans, "Pacific/Apia", 2011, G_DATE_DECEMBER, 25);
  /* Before the change the 29th, from it the 31st */
  g_assert_cmpint (g_array_index (spans, ParaatCalendarSpan, 2).first_day, ==, 4);
  g_assert_cmpint (g_array_index (spans, ParaatCalendarSpan, 3).first_day, ==, 6);
}

static void
test_spans_utc_exercise (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) utc_spans = NULL;

  /* Kept in UTC; Amsterdam is two hours ahead in June */
  add_in_zone (store, "After midnight", "ROT", "2026-06-09T22:30:00", "2026-06-09T23:30:00", "UTC");
  add_in_zone (store, "Before midnight", "ROT", "2026-06-09T21:30:00", "2026-06-09T21:45:00", "UTC");
  add_in_zone (store, "Across", "ROT", "2026-06-09T21:00:00", "2026-06-09T23:00:00", "UTC");
  /* Ends at midnight in Amsterdam, not in UTC */
  add_in_zone (store, "Till midnight", "ROT", "2026-06-10T20:00:00", "2026-06-10T22:00:00", "UTC");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  g_assert_cmpuint (spans->len, ==, 4);
  assert_span (spans, "After midnight", 2, 2);
  assert_span (spans, "Before midnight", 1, 1);
  assert_span (spans, "Across", 1, 2);
  assert_span (spans, "Till midnight", 2, 2);

  /* The same exercises on UTC days: the zone asked for is the one that counts */
  utc_spans = layout (store, "2026-06-08", 7, "UTC");
  g_assert_cmpuint (utc_spans->len, ==, 4);
  assert_span (utc_spans, "After midnight", 1, 1);
  assert_span (utc_spans, "Before midnight", 1, 1);
  assert_span (utc_spans, "Across", 1, 1);
  assert_span (utc_spans, "Till midnight", 2, 2);
}

static void
test_spans_all_day_other_zone (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) west_spans = NULL;

  /* An all-day exercise takes its dates, from its own zone's midnights,
   * whichever zone the calendar shows: 10 June is one day everywhere. */
  add_in_zone (store, "UTC", "ROT", "2026-06-10", "2026-06-11", "UTC");
  add_in_zone (store, "New York", "ROT", "2026-06-10", "2026-06-12", "America/New_York");
  add_in_zone (store, "Tokyo", "ROT", "2026-06-10", "2026-06-11", "Asia/Tokyo");
  add_in_zone (store, "Amsterdam", "ROT", "2026-06-10", "2026-06-11", NULL);
  /* In Tokyo it ends at the midnight the range starts: left out */
  add_in_zone (store, "Tokyo before", "ROT", "2026-06-07", "2026-06-08", "Asia/Tokyo");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  g_assert_cmpuint (spans->len, ==, 4);
  assert_span (spans, "UTC", 2, 2);
  assert_span (spans, "New York", 2, 3);
  assert_span (spans, "Tokyo", 2, 2);
  assert_span (spans, "Amsterdam", 2, 2);

  west_spans = layout (store, "2026-06-08", 7, "America/Los_Angeles");
  g_assert_cmpuint (west_spans->len, ==, 4);
  assert_span (west_spans, "UTC", 2, 2);
  assert_span (west_spans, "New York", 2, 3);
  assert_span (west_spans, "Tokyo", 2, 2);
  assert_span (west_spans, "Amsterdam", 2, 2);
}

/* Spans: order */

static void
test_spans_order (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;
  g_autofree char *titles = NULL;

  /* Added in an order that is none of the rules */
  add (store, "Thursday", "2026-06-11", "2026-06-12");
  add (store, "Tue short", "2026-06-09T08:00:00", "2026-06-09T09:00:00");
  add (store, "Tue-Thu late", "2026-06-09T10:00:00", "2026-06-11T12:00:00");
  add (store, "Tue-Thu", "2026-06-09", "2026-06-12");
  add (store, "Tue-Fri", "2026-06-09T12:00:00", "2026-06-12T12:00:00");
  add (store, "Beta", "2026-06-10T09:00:00", "2026-06-10T11:00:00");
  add (store, "Alpha", "2026-06-10T09:00:00", "2026-06-10T10:00:00");
  add (store, "Before", "2026-06-05", "2026-06-09");
  spans = layout_amsterdam (store, "2026-06-08", 7);

  /* By first day; then the one that lasts more days; then the earlier
   * start (all-day Tue-Thu starts at midnight); then by title, even though
   * Beta lasts more hours, as both touch one day. */
  titles = span_titles (spans);
  g_assert_cmpstr (titles, ==, "Before Tue-Fri Tue-Thu Tue-Thu late Tue short Alpha Beta Thursday");
}

/* Day counts */

static void
clear_span (gpointer data)
{
  ParaatCalendarSpan *span = data;

  g_clear_object (&span->exercise);
}

static GArray *
new_spans (void)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (ParaatCalendarSpan));

  g_array_set_clear_func (spans, clear_span);

  return spans;
}

static void
append_span (GArray     *spans,
             const char *type,
             int         first_day,
             int         last_day)
{
  ParaatCalendarSpan span;

  span.exercise = paraat_exercise_new ();
  paraat_exercise_set_type_code (span.exercise, type);
  span.first_day = first_day;
  span.last_day = last_day;
  g_array_append_val (spans, span);
}

static void
assert_day (GArray     *days,
            guint       day,
            guint       n_exercises,
            const char *type0,
            guint       count0,
            const char *type1,
            guint       count1,
            const char *type2,
            guint       count2)
{
  const ParaatDayCount *count = &g_array_index (days, ParaatDayCount, day);
  const char *types[] = { type0, type1, type2 };
  guint counts[] = { count0, count1, count2 };

  G_STATIC_ASSERT (PARAAT_DAY_TOP_TYPES == G_N_ELEMENTS (types));

  g_test_message ("day %u: %u exercises", day, count->n_exercises);
  g_assert_cmpuint (count->n_exercises, ==, n_exercises);
  for (guint k = 0; k < PARAAT_DAY_TOP_TYPES; k++)
    {
      g_assert_cmpstr (count->types[k], ==, types[k]);
      if (types[k] != NULL)
        {
          /* Interned, so views may compare pointers */
          g_assert_true (count->types[k] == g_intern_string (types[k]));
          g_assert_cmpuint (count->type_counts[k], ==, counts[k]);
        }
    }
}

static void
test_count_days (void)
{
  g_autoptr(GArray) spans = new_spans ();
  g_autoptr(GArray) days = NULL;

  /* Starts before the range: counted on days 0 and 1 only */
  append_span (spans, "ROT", -3, 1);
  /* Days 1 to 3 */
  append_span (spans, "OEF", 1, 3);
  /* Day 1 also has one more ROT and one each of BRD and ZZZ: a three-way
   * tie for second place, of which ZZZ sorts last and drops out */
  append_span (spans, "ZZZ", 1, 1);
  append_span (spans, "ROT", 1, 1);
  append_span (spans, "BRD", 1, 1);
  /* Day 3: ZZZ three times beats AAA once, although AAA sorts first */
  append_span (spans, "AAA", 3, 3);
  append_span (spans, "ZZZ", 3, 3);
  append_span (spans, "ZZZ", 3, 3);
  append_span (spans, "ZZZ", 2, 3);
  /* Ends after the range: counted on days 5 and 6 only */
  append_span (spans, "MUL", 5, 9);

  days = paraat_calendar_count_days (spans, 7);
  g_assert_cmpuint (days->len, ==, 7);

  assert_day (days, 0, 1, "ROT", 1, NULL, 0, NULL, 0);
  assert_day (days, 1, 5, "ROT", 2, "BRD", 1, "OEF", 1);
  assert_day (days, 2, 2, "OEF", 1, "ZZZ", 1, NULL, 0);
  assert_day (days, 3, 5, "ZZZ", 3, "AAA", 1, "OEF", 1);
  assert_day (days, 4, 0, NULL, 0, NULL, 0, NULL, 0);
  assert_day (days, 5, 1, "MUL", 1, NULL, 0, NULL, 0);
  assert_day (days, 6, 1, "MUL", 1, NULL, 0, NULL, 0);
  g_assert_cmpuint (g_array_index (days, ParaatDayCount, 4).type_counts[0], ==, 0);
}

static void
test_count_days_from_layout (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PARAAT_TYPE_EXERCISE);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) days = NULL;

  /* Through layout_spans: DST in a multi-day exercise changes nothing */
  add_in_zone (store, "Long", "OEF", "2026-10-24", "2026-10-27", NULL);
  add_in_zone (store, "Night", "ROT", "2026-10-25T22:00:00", "2026-10-26T02:00:00", NULL);
  add_in_zone (store, "Before", "BRD", "2026-10-20", "2026-10-24", NULL);
  spans = layout_amsterdam (store, "2026-10-23", 5);
  days = paraat_calendar_count_days (spans, 5);

  g_assert_cmpuint (days->len, ==, 5);
  assert_day (days, 0, 1, "BRD", 1, NULL, 0, NULL, 0);
  assert_day (days, 1, 1, "OEF", 1, NULL, 0, NULL, 0);
  assert_day (days, 2, 2, "OEF", 1, "ROT", 1, NULL, 0);
  assert_day (days, 3, 2, "OEF", 1, "ROT", 1, NULL, 0);
  assert_day (days, 4, 0, NULL, 0, NULL, 0, NULL, 0);
}

static void
test_count_days_empty (void)
{
  g_autoptr(GArray) spans = new_spans ();
  g_autoptr(GArray) days = paraat_calendar_count_days (spans, 3);

  g_assert_cmpuint (days->len, ==, 3);
  for (guint d = 0; d < 3; d++)
    assert_day (days, d, 0, NULL, 0, NULL, 0, NULL, 0);
}

/* Lanes */

static void
assert_lanes (const int *lanes,
              const int *expected,
              guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("item %u: lane %d", i, lanes[i]);
      g_assert_cmpint (lanes[i], ==, expected[i]);
    }
}

static void
test_lanes_lowest_free (void)
{
  const gint64 starts[] = { 0, 0, 0, 5, 12, 20, 20 };
  const gint64 ends[] = { 10, 15, 3, 6, 14, 30, 25 };
  /* Item 3 finds lane 2 free again; item 4 finds lane 0 free but not
   * lane 1; item 5 takes the lowest of three free lanes */
  const int expected[] = { 0, 1, 2, 2, 0, 0, 1 };
  int lanes[G_N_ELEMENTS (starts)];

  memset (lanes, 0x55, sizeof lanes);
  g_assert_cmpuint (paraat_calendar_assign_lanes (starts, ends, G_N_ELEMENTS (starts), 0, lanes), ==, 3);
  assert_lanes (lanes, expected, G_N_ELEMENTS (starts));
}

static void
test_lanes_exclusive_end (void)
{
  const gint64 starts[] = { 0, 10, 20, 20 };
  const gint64 ends[] = { 10, 20, 30, 21 };
  const int expected[] = { 0, 0, 0, 1 };
  int lanes[G_N_ELEMENTS (starts)];

  /* Back to back in one lane; the same start needs a second */
  g_assert_cmpuint (paraat_calendar_assign_lanes (starts, ends, G_N_ELEMENTS (starts), 0, lanes), ==, 2);
  assert_lanes (lanes, expected, G_N_ELEMENTS (starts));
}

static void
test_lanes_max (void)
{
  const gint64 starts[] = { 0, 0, 0, 5, 10, 10, 10, 15 };
  const gint64 ends[] = { 10, 12, 10, 8, 20, 20, 20, 16 };
  /* Items 2 and 3 find both lanes taken. Lane 0 frees at 10 for item 4;
   * lane 1 frees at 12, too late for items 5 and 6 but in time for 7. */
  const int expected[] = { 0, 1, -1, -1, 0, -1, -1, 1 };
  const int expected_wide[] = { 0, 1, 2, 3, 0, 2, 3, 1 };
  int lanes[G_N_ELEMENTS (starts)];

  g_assert_cmpuint (paraat_calendar_assign_lanes (starts, ends, G_N_ELEMENTS (starts), 2, lanes), ==, 2);
  assert_lanes (lanes, expected, G_N_ELEMENTS (starts));

  /* Unlimited with 0; a limit of exactly the lanes needed changes nothing */
  g_assert_cmpuint (paraat_calendar_assign_lanes (starts, ends, G_N_ELEMENTS (starts), 0, lanes), ==, 4);
  assert_lanes (lanes, expected_wide, G_N_ELEMENTS (starts));
  g_assert_cmpuint (paraat_calendar_assign_lanes (starts, ends, G_N_ELEMENTS (starts), 4, lanes), ==, 4);
  assert_lanes (lanes, expected_wide, G_N_ELEMENTS (starts));
}

static void
test_lanes_one (void)
{
  const gint64 starts[] = { 0, 1, 5, 6 };
  const gint64 ends[] = { 5, 2, 7, 8 };
  const int expected[] = { 0, -1, 0, -1 };
  int lanes[G_N_ELEMENTS (starts)];

  g_assert_cmpuint (paraat_calendar_assign_lanes (starts, ends, G_N_ELEMENTS (starts), 1, lanes), ==, 1);
  assert_lanes (lanes, expected, G_N_ELEMENTS (starts));

  /* No items, no lanes */
  g_assert_cmpuint (paraat_calendar_assign_lanes (starts, ends, 0, 0, lanes), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

  g_test_add_func ("/core/calendar-layout/spans/all-day-single", test_spans_all_day_single);
  g_test_add_func ("/core/calendar-layout/spans/all-day-multi", test_spans_all_day_multi);
  g_test_add_func ("/core/calendar-layout/spans/timed-midnight", test_spans_timed_midnight);
  g_test_add_func ("/core/calendar-layout/spans/zero-length", test_spans_zero_length);
  g_test_add_func ("/core/calendar-layout/spans/outside", test_spans_outside);
  g_test_add_func ("/core/calendar-layout/spans/overlapping-edges", test_spans_overlapping_edges);
  g_test_add_func ("/core/calendar-layout/spans/dst-spring", test_spans_dst_spring);
  g_test_add_func ("/core/calendar-layout/spans/dst-autumn", test_spans_dst_autumn);
  g_test_add_func ("/core/calendar-layout/spans/dst-year", test_spans_dst_year);
  g_test_add_func ("/core/calendar-layout/spans/zone-jump", test_spans_zone_jump);
  g_test_add_func ("/core/calendar-layout/spans/utc-exercise", test_spans_utc_exercise);
  g_test_add_func ("/core/calendar-layout/spans/all-day-other-zone", test_spans_all_day_other_zone);
  g_test_add_func ("/core/calendar-layout/spans/order", test_spans_order);
  g_test_add_func ("/core/calendar-layout/count-days/types", test_count_days);
  g_test_add_func ("/core/calendar-layout/count-days/from-layout", test_count_days_from_layout);
  g_test_add_func ("/core/calendar-layout/count-days/empty", test_count_days_empty);
  g_test_add_func ("/core/calendar-layout/lanes/lowest-free", test_lanes_lowest_free);
  g_test_add_func ("/core/calendar-layout/lanes/exclusive-end", test_lanes_exclusive_end);
  g_test_add_func ("/core/calendar-layout/lanes/max", test_lanes_max);
  g_test_add_func ("/core/calendar-layout/lanes/one", test_lanes_one);

  return g_test_run ();
}
