/* test-exercises.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The MOTO exercise calendar in the store: saving and validating
 * exercises, their history, range queries (with recurrence and DST in
 * Europe/Amsterdam, whatever TZ says), shifting, copying a year plan by
 * ISO week, evaluations and action items. Every case starts from a new
 * database with the reference data only. Dates that must lie in the past use
 * 2020, dates that must lie in the future use 2099, so the result does
 * not depend on the day the tests run.
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-scope.h"
#include "paraat-test-utils.h"
#include "paraat-utils.h"

/* Helpers */

static GTimeZone *
amsterdam (void)
{
  GTimeZone *tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);

  g_assert_nonnull (tz);

  return tz;
}

/* "2026-03-29T01:30:00" (or a date, for local midnight) in Europe/Amsterdam */
static GDateTime *
at (const char *text)
{
  g_autoptr(GTimeZone) tz = amsterdam ();
  g_autofree char *full = NULL;
  GDateTime *dt;

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

static gint64
utc_of (const char *text)
{
  g_autoptr(GDateTime) dt = at (text);

  return g_date_time_to_unix (dt);
}

/* A valid new exercise of type ROT; an all-day one when @start is a date */
static ParaatExercise *
new_exercise (const char *title,
              const char *region,
              const char *start,
              const char *end)
{
  ParaatExercise *ex = paraat_exercise_new ();
  g_autoptr(GDateTime) s = at (start);
  g_autoptr(GDateTime) e = at (end);

  paraat_exercise_set_title (ex, title);
  paraat_exercise_set_type_code (ex, "ROT");
  paraat_exercise_set_region_code (ex, region);
  paraat_exercise_set_times (ex, s, e, strlen (start) == 10);

  return ex;
}

static void
save (ParaatStore    *store,
      ParaatExercise *ex)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_store_save_exercise (store, ex, "test", NULL, &error));
  g_assert_no_error (error);
}

/* Saves a new exercise and returns its UID */
static char *
add (ParaatStore *store,
     const char  *title,
     const char  *region,
     const char  *start,
     const char  *end)
{
  g_autoptr(ParaatExercise) ex = new_exercise (title, region, start, end);

  save (store, ex);

  return g_strdup (paraat_exercise_get_uid (ex));
}

static char *
add_with_status (ParaatStore          *store,
                 const char           *title,
                 const char           *region,
                 const char           *start,
                 const char           *end,
                 ParaatExerciseStatus  status)
{
  g_autoptr(ParaatExercise) ex = new_exercise (title, region, start, end);

  paraat_exercise_set_status (ex, status);
  save (store, ex);

  return g_strdup (paraat_exercise_get_uid (ex));
}

static char *
add_recurring (ParaatStore *store,
               const char  *title,
               const char  *start,
               const char  *end,
               const char  *rrule)
{
  g_autoptr(ParaatExercise) ex = new_exercise (title, "VR05", start, end);

  paraat_exercise_set_rrule (ex, rrule);
  save (store, ex);

  return g_strdup (paraat_exercise_get_uid (ex));
}

static ParaatExercise *
get (ParaatStore *store,
     const char  *uid)
{
  g_autoptr(GError) error = NULL;
  ParaatExercise *ex = paraat_store_get_exercise (store, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ex);

  return ex;
}

static GPtrArray *
history (ParaatStore *store,
         const char  *uid)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = paraat_store_get_history (store, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);

  return entries;
}

/* The history entries of @field, in order */
static GPtrArray *
history_of (ParaatStore *store,
            const char  *uid,
            const char  *field)
{
  g_autoptr(GPtrArray) all = history (store, uid);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      if (g_str_equal (paraat_history_entry_get_field (all->pdata[i]), field))
        g_ptr_array_add (found, g_object_ref (all->pdata[i]));
    }

  return found;
}

static ParaatScope *
scope (ParaatStore *store,
       const char  *text)
{
  g_autoptr(GError) error = NULL;
  ParaatScope *result = paraat_scope_resolve (store, text, "2026-06-01", &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

/* paraat_store_list_exercises() from @from up to @to (local times or days) */
static GPtrArray *
list (ParaatStore *store,
      const char  *scope_text,
      const char  *from,
      const char  *to)
{
  g_autoptr(ParaatScope) sc = scope_text ? scope (store, scope_text) : NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = paraat_store_list_exercises (store, sc, utc_of (from), utc_of (to), &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  /* Always sorted by start */
  for (guint i = 1; i < result->len; i++)
    g_assert_cmpint (paraat_exercise_get_start_utc (result->pdata[i - 1]), <=,
                     paraat_exercise_get_start_utc (result->pdata[i]));

  return result;
}

static guint
count_uid (GPtrArray  *exercises,
           const char *uid)
{
  guint n = 0;

  for (guint i = 0; i < exercises->len; i++)
    {
      if (g_str_equal (paraat_exercise_get_uid (exercises->pdata[i]), uid))
        n++;
    }

  return n;
}

static void
assert_listed (GPtrArray  *exercises,
               const char *uid,
               gboolean    listed)
{
  guint n = count_uid (exercises, uid);

  if (n != (listed ? 1 : 0))
    g_test_message ("%s is listed %u times", uid, n);
  g_assert_cmpuint (n, ==, listed ? 1 : 0);
}

static void
assert_message_names (const GError *error,
                      const char   *needle)
{
  g_assert_nonnull (error);
  if (strstr (error->message, needle) == NULL)
    g_test_message ("“%s” does not name “%s”", error->message, needle);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
assert_local (GDateTime  *dt,
              const char *expected)
{
  g_autofree char *text = g_date_time_format (dt, "%Y-%m-%dT%H:%M");

  g_assert_cmpstr (text, ==, expected);
}

static gint64
count_rows (ParaatTestFixture *fixture,
            const char        *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return paraat_test_query_int (fixture->path, sql);
}

/* add */

static void
test_exercises_add (ParaatTestFixture *fixture,
                    gconstpointer      user_data)
{
  const char *regions[] = { "VR04", "VR06", NULL };
  const char *disciplines[] = { "BRW", "GHOR", NULL };
  const char *organisations[] = { "Defensie", "Rijkswaterstaat", NULL };
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(ParaatExercise) back = NULL;
  g_autoptr(ParaatExercise) day = NULL;
  g_autoptr(ParaatExercise) day_back = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) back_start = NULL;
  g_autoptr(GDateTime) back_end = NULL;
  double lat = 0, lon = 0;

  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 0);
  g_assert_nonnull (london);
  start = g_date_time_new (london, 2099, 5, 12, 9, 30, 0);
  end = g_date_time_new (london, 2099, 5, 13, 16, 0, 0);

  paraat_exercise_set_title (ex, "ROT-oefening hoogwater");
  paraat_exercise_set_description (ex, "Dijkdoorbraak bij Olst, met evacuatie.");
  paraat_exercise_set_type_code (ex, "ROT");
  paraat_exercise_set_grip_code (ex, "GRIP2");
  paraat_exercise_set_region_code (ex, "VR05");
  paraat_exercise_set_regions (ex, regions);
  paraat_exercise_set_disciplines (ex, disciplines);
  paraat_exercise_set_organisations (ex, organisations);
  g_assert_true (paraat_exercise_set_tzid (ex, "Europe/London"));
  paraat_exercise_set_times (ex, start, end, FALSE);
  paraat_exercise_set_location (ex, "Gemeentehuis Olst");
  paraat_exercise_set_geo (ex, TRUE, 52.25, 6.125);
  paraat_exercise_set_scenario_code (ex, "OVERSTROMING");
  paraat_exercise_set_defence (ex, PARAAT_DEFENCE_REQUESTED);
  paraat_exercise_set_defence_units (ex, "43 Geniebataljon");
  paraat_exercise_set_ovr_observer (ex, TRUE);
  paraat_exercise_set_reservists (ex, 12);
  paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_CONFIRMED);
  paraat_exercise_set_rrule (ex, "FREQ=WEEKLY;COUNT=3");
  g_assert_cmpstr (paraat_exercise_get_uid (ex), ==, "");

  save (fixture->store, ex);
  g_assert_true (g_str_has_suffix (paraat_exercise_get_uid (ex), "@paraat"));
  g_assert_cmpuint (strlen (paraat_exercise_get_uid (ex)), >, strlen ("@paraat"));
  g_assert_cmpuint (paraat_exercise_get_sequence (ex), ==, 0);
  g_assert_cmpint (paraat_exercise_get_id (ex), >, 0);
  g_assert_cmpstr (paraat_exercise_get_modified (ex), !=, "");
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 1);

  entries = history (fixture->store, paraat_exercise_get_uid (ex));
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (paraat_history_entry_get_field (entries->pdata[0]), ==, "created");
  g_assert_cmpstr (paraat_history_entry_get_who (entries->pdata[0]), ==, "test");
  g_assert_cmpstr (paraat_history_entry_get_new_value (entries->pdata[0]), ==, "confirmed");

  /* From a fresh connection, so nothing comes from a cache */
  paraat_test_fixture_reopen_store (fixture);
  back = get (fixture->store, paraat_exercise_get_uid (ex));
  g_assert_cmpstr (paraat_exercise_get_uid (back), ==, paraat_exercise_get_uid (ex));
  g_assert_cmpint (paraat_exercise_get_id (back), ==, paraat_exercise_get_id (ex));
  g_assert_cmpuint (paraat_exercise_get_sequence (back), ==, 0);
  g_assert_cmpstr (paraat_exercise_get_title (back), ==, "ROT-oefening hoogwater");
  g_assert_cmpstr (paraat_exercise_get_description (back), ==, "Dijkdoorbraak bij Olst, met evacuatie.");
  g_assert_cmpstr (paraat_exercise_get_type_code (back), ==, "ROT");
  g_assert_cmpstr (paraat_exercise_get_grip_code (back), ==, "GRIP2");
  g_assert_cmpstr (paraat_exercise_get_region_code (back), ==, "VR05");
  g_assert_cmpstrv (paraat_exercise_get_regions (back), regions);
  g_assert_cmpstrv (paraat_exercise_get_disciplines (back), disciplines);
  g_assert_cmpstrv (paraat_exercise_get_organisations (back), organisations);
  g_assert_cmpint (paraat_exercise_get_start_utc (back), ==, g_date_time_to_unix (start));
  g_assert_cmpint (paraat_exercise_get_end_utc (back), ==, g_date_time_to_unix (end));
  g_assert_false (paraat_exercise_get_all_day (back));
  g_assert_cmpstr (paraat_exercise_get_tzid (back), ==, "Europe/London");
  /* Shown in the exercise's own zone */
  back_start = paraat_exercise_get_start (back);
  back_end = paraat_exercise_get_end (back);
  assert_local (back_start, "2099-05-12T09:30");
  assert_local (back_end, "2099-05-13T16:00");
  g_assert_cmpstr (paraat_exercise_get_location (back), ==, "Gemeentehuis Olst");
  g_assert_true (paraat_exercise_get_geo (back, &lat, &lon));
  g_assert_cmpfloat (lat, ==, 52.25);
  g_assert_cmpfloat (lon, ==, 6.125);
  g_assert_cmpstr (paraat_exercise_get_scenario_code (back), ==, "OVERSTROMING");
  g_assert_cmpint (paraat_exercise_get_defence (back), ==, PARAAT_DEFENCE_REQUESTED);
  g_assert_cmpstr (paraat_exercise_get_defence_units (back), ==, "43 Geniebataljon");
  g_assert_true (paraat_exercise_get_ovr_observer (back));
  g_assert_cmpuint (paraat_exercise_get_reservists (back), ==, 12);
  g_assert_cmpint (paraat_exercise_get_status (back), ==, PARAAT_EXERCISE_STATUS_CONFIRMED);
  g_assert_cmpstr (paraat_exercise_get_rrule (back), ==, "FREQ=WEEKLY;COUNT=3");
  g_assert_cmpstr (paraat_exercise_get_modified (back), ==, paraat_exercise_get_modified (ex));
  g_assert_false (paraat_exercise_is_occurrence (back));

  /* The other values: all day, no GRIP level, no position, defaults */
  day = new_exercise ("Dag", "VR01", "2099-06-01", "2099-06-03");
  save (fixture->store, day);
  day_back = get (fixture->store, paraat_exercise_get_uid (day));
  g_assert_true (paraat_exercise_get_all_day (day_back));
  g_assert_null (paraat_exercise_get_grip_code (day_back));
  g_assert_false (paraat_exercise_get_geo (day_back, &lat, &lon));
  g_assert_cmpstr (paraat_exercise_get_tzid (day_back), ==, PARAAT_DEFAULT_TZID);
  g_assert_cmpint (paraat_exercise_get_defence (day_back), ==, PARAAT_DEFENCE_NONE);
  g_assert_false (paraat_exercise_get_ovr_observer (day_back));
  g_assert_cmpuint (paraat_exercise_get_reservists (day_back), ==, 0);
  g_assert_cmpint (paraat_exercise_get_status (day_back), ==, PARAAT_EXERCISE_STATUS_DRAFT);
  g_assert_cmpstr (paraat_exercise_get_rrule (day_back), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) paraat_exercise_get_regions (day_back)), ==, 0);
  g_assert_cmpint (paraat_exercise_get_end_utc (day_back), ==, utc_of ("2099-06-03"));
  g_assert_cmpstr (paraat_exercise_get_uid (day_back), !=, paraat_exercise_get_uid (ex));
}

/* The organising region is not stored again as a participating one. */
static void
test_exercises_add_own_region (ParaatTestFixture *fixture,
                               gconstpointer      user_data)
{
  const char *regions[] = { "VR05", "VR06", NULL };
  const char *expected[] = { "VR06", NULL };
  g_autoptr(ParaatExercise) ex = new_exercise ("Eigen regio", "VR05", "2099-01-01", "2099-01-02");
  g_autoptr(ParaatExercise) back = NULL;

  paraat_exercise_set_regions (ex, regions);
  save (fixture->store, ex);
  back = get (fixture->store, paraat_exercise_get_uid (ex));
  g_assert_cmpstrv (paraat_exercise_get_regions (back), expected);
}

/* validation */

typedef void (*BreakFunc) (ParaatExercise *ex);

static void
break_title (ParaatExercise *ex)
{
  paraat_exercise_set_title (ex, "   ");
}

static void
break_type (ParaatExercise *ex)
{
  paraat_exercise_set_type_code (ex, "NOPE");
}

static void
break_region (ParaatExercise *ex)
{
  paraat_exercise_set_region_code (ex, "VR99");
}

static void
break_grip (ParaatExercise *ex)
{
  paraat_exercise_set_grip_code (ex, "GRIP9");
}

static void
break_regions (ParaatExercise *ex)
{
  const char *regions[] = { "VR06", "VR88", NULL };

  paraat_exercise_set_regions (ex, regions);
}

static void
break_discipline (ParaatExercise *ex)
{
  const char *disciplines[] = { "BRW", "SMURFEN", NULL };

  paraat_exercise_set_disciplines (ex, disciplines);
}

static void
break_end_before_start (ParaatExercise *ex)
{
  g_autoptr(GDateTime) start = at ("2099-05-12T12:00:00");
  g_autoptr(GDateTime) end = at ("2099-05-12T11:00:00");

  paraat_exercise_set_times (ex, start, end, FALSE);
}

static void
break_end_is_start (ParaatExercise *ex)
{
  g_autoptr(GDateTime) start = at ("2099-05-12T12:00:00");

  paraat_exercise_set_times (ex, start, start, FALSE);
}

static void
break_rrule (ParaatExercise *ex)
{
  paraat_exercise_set_rrule (ex, "FREQ=SOMETIMES");
}

static void
break_rrule_hourly (ParaatExercise *ex)
{
  paraat_exercise_set_rrule (ex, "FREQ=HOURLY;COUNT=5");
}

static void
break_held_in_future (ParaatExercise *ex)
{
  paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_HELD);
}

static void
break_evaluated_in_future (ParaatExercise *ex)
{
  paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_EVALUATED);
}

static void
break_latitude (ParaatExercise *ex)
{
  paraat_exercise_set_geo (ex, TRUE, 95.0, 6.0);
}

typedef struct
{
  const char *path;
  BreakFunc   func;
  const char *needles[3];
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "title", break_title, { "Title", "required" } },
  { "type", break_type, { "Type", "NOPE" } },
  { "region", break_region, { "Region", "VR99" } },
  { "grip", break_grip, { "GRIP level", "GRIP9" } },
  { "participating-region", break_regions, { "Participating regions", "VR88" } },
  { "discipline", break_discipline, { "Disciplines", "SMURFEN" } },
  { "end-before-start", break_end_before_start, { "End", "Start" } },
  { "end-is-start", break_end_is_start, { "End", "Start" } },
  { "rrule", break_rrule, { "Recurrence", "FREQ=SOMETIMES" } },
  { "rrule-hourly", break_rrule_hourly, { "Recurrence", "FREQ=HOURLY" } },
  { "held-in-future", break_held_in_future, { "Status", "Held" } },
  { "evaluated-in-future", break_evaluated_in_future, { "Status", "Evaluated" } },
  { "latitude", break_latitude, { "95" } },
};

static void
test_exercises_invalid (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  const InvalidCase *c = user_data;
  g_autoptr(ParaatExercise) ex = new_exercise ("Geldig", "VR05", "2099-05-12T09:00:00", "2099-05-12T12:00:00");
  g_autoptr(GError) error = NULL;

  c->func (ex);
  g_assert_false (paraat_store_save_exercise (fixture->store, ex, NULL, NULL, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  for (guint i = 0; c->needles[i] != NULL; i++)
    assert_message_names (error, c->needles[i]);

  /* Nothing written, and the exercise is still new */
  g_assert_cmpint (paraat_exercise_get_id (ex), ==, 0);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 0);
  g_assert_cmpint (count_rows (fixture, "exercise_history"), ==, 0);
}

/* The same checks on an update leave the stored exercise as it was. */
static void
test_exercises_invalid_update (ParaatTestFixture *fixture,
                               gconstpointer      user_data)
{
  g_autofree char *uid = add (fixture->store, "Geldig", "VR05", "2099-05-12T09:00:00", "2099-05-12T12:00:00");
  g_autoptr(ParaatExercise) ex = get (fixture->store, uid);
  g_autoptr(ParaatExercise) back = NULL;
  g_autoptr(GError) error = NULL;

  paraat_exercise_set_type_code (ex, "NOPE");
  paraat_exercise_set_title (ex, "Nieuw");
  g_assert_false (paraat_store_save_exercise (fixture->store, ex, NULL, NULL, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  back = get (fixture->store, uid);
  g_assert_cmpstr (paraat_exercise_get_title (back), ==, "Geldig");
  g_assert_cmpstr (paraat_exercise_get_type_code (back), ==, "ROT");
  g_assert_cmpuint (paraat_exercise_get_sequence (back), ==, 0);
}

static void
test_exercises_invalid_tz (void)
{
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();

  g_assert_cmpstr (paraat_exercise_get_tzid (ex), ==, PARAAT_DEFAULT_TZID);
  g_assert_false (paraat_exercise_set_tzid (ex, "Europe/Atlantis"));
  g_assert_false (paraat_exercise_set_tzid (ex, ""));
  g_assert_cmpstr (paraat_exercise_get_tzid (ex), ==, PARAAT_DEFAULT_TZID);
  g_assert_true (paraat_exercise_set_tzid (ex, "Europe/Brussels"));
  g_assert_cmpstr (paraat_exercise_get_tzid (ex), ==, "Europe/Brussels");
}

/* A held exercise in the past is fine; so is a planned one. */
static void
test_exercises_held_in_past (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autofree char *held = add_with_status (fixture->store, "Gehouden", "VR05", "2020-05-12T09:00:00",
                                           "2020-05-12T12:00:00", PARAAT_EXERCISE_STATUS_HELD);
  g_autofree char *planned = add_with_status (fixture->store, "Gepland", "VR05", "2020-05-13T09:00:00",
                                              "2020-05-13T12:00:00", PARAAT_EXERCISE_STATUS_PLANNED);
  g_autoptr(ParaatExercise) ex = get (fixture->store, held);

  g_assert_cmpint (paraat_exercise_get_status (ex), ==, PARAAT_EXERCISE_STATUS_HELD);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 2);
}

static void
test_exercises_add_duplicate_uid (ParaatTestFixture *fixture,
                                  gconstpointer      user_data)
{
  g_autofree char *first = add (fixture->store, "Eerste", "VR05", "2099-05-12T09:00:00", "2099-05-12T12:00:00");
  g_autoptr(ParaatExercise) ex = new_exercise ("Tweede", "VR05", "2099-05-13T09:00:00", "2099-05-13T12:00:00");
  g_autoptr(GError) error = NULL;

  paraat_exercise_set_uid (ex, first);
  g_assert_false (paraat_store_save_exercise (fixture->store, ex, NULL, NULL, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT);
  assert_message_names (error, first);
  g_assert_cmpint (paraat_exercise_get_id (ex), ==, 0);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 1);

  /* With a UID of its own it goes in as a new exercise. */
  paraat_exercise_set_uid (ex, "tweede@example.org");
  save (fixture->store, ex);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 2);
  g_assert_cmpuint (paraat_exercise_get_sequence (ex), ==, 0);
}

/*
 * A save that fails after the exercise row went in (here: another
 * program removed a region this store still knew, so the participating
 * region breaks a foreign key) is rolled back, and must leave the
 * caller's object new, so that saving it again adds it rather than
 * looking for a row that is not there.
 */
static void
test_exercises_add_failure_keeps_new (ParaatTestFixture *fixture,
                                      gconstpointer      user_data)
{
  const char *vr06[] = { "VR06", NULL };
  g_autoptr(ParaatExercise) ex = new_exercise ("Tweede", "VR05", "2099-05-13T09:00:00", "2099-05-13T12:00:00");
  g_autoptr(ParaatExercise) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = add (fixture->store, "Eerste", "VR05", "2099-05-12T09:00:00", "2099-05-12T12:00:00");

  paraat_test_exec_sql (fixture->path, "DELETE FROM region WHERE code = 'VR06'");
  paraat_exercise_set_regions (ex, vr06);
  g_assert_false (paraat_store_save_exercise (fixture->store, ex, NULL, NULL, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", error->message);
  g_assert_cmpint (paraat_exercise_get_id (ex), ==, 0);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 1);
  g_assert_cmpint (count_rows (fixture, "exercise_history"), ==, 1);

  paraat_exercise_set_regions (ex, NULL);
  save (fixture->store, ex);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 2);
  g_assert_cmpuint (paraat_exercise_get_sequence (ex), ==, 0);
  back = get (fixture->store, paraat_exercise_get_uid (ex));
  g_assert_cmpstr (paraat_exercise_get_title (back), ==, "Tweede");
}

/* update */

static void
test_exercises_update_sequence (ParaatTestFixture *fixture,
                                gconstpointer      user_data)
{
  g_autofree char *uid = add (fixture->store, "Oefening", "VR05", "2099-05-12T09:00:00", "2099-05-12T12:00:00");
  g_autoptr(ParaatExercise) ex = get (fixture->store, uid);
  g_autoptr(ParaatExercise) back = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Oefening %u", i);

      paraat_exercise_set_title (ex, title);
      save (fixture->store, ex);
      g_assert_cmpuint (paraat_exercise_get_sequence (ex), ==, i);
    }
  back = get (fixture->store, uid);
  g_assert_cmpuint (paraat_exercise_get_sequence (back), ==, 3);
  g_assert_cmpstr (paraat_exercise_get_title (back), ==, "Oefening 3");
  /* A new title is no change of status or date */
  entries = history (fixture->store, uid);
  g_assert_cmpuint (entries->len, ==, 1);
}

static void
test_exercises_update_postpone (ParaatTestFixture *fixture,
                                gconstpointer      user_data)
{
  g_autofree char *uid = add_with_status (fixture->store, "Oefening", "VR05", "2099-05-12T09:00:00",
                                          "2099-05-12T12:00:00", PARAAT_EXERCISE_STATUS_PLANNED);
  g_autoptr(ParaatExercise) ex = get (fixture->store, uid);
  g_autoptr(ParaatExercise) back = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) status = NULL;
  g_autoptr(GPtrArray) start = NULL;
  g_autoptr(GPtrArray) end = NULL;
  g_autoptr(GDateTime) new_start = at ("2099-06-09T09:00:00");
  g_autoptr(GDateTime) new_end = at ("2099-06-09T12:00:00");
  const char *reasons[] = { NULL, "" };

  /* Postponing, cancelling or moving without a reason: refused, and
   * neither the stored exercise nor its history changes. */
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      ParaatExerciseStatus statuses[] = { PARAAT_EXERCISE_STATUS_POSTPONED, PARAAT_EXERCISE_STATUS_CANCELLED };

      for (guint j = 0; j < G_N_ELEMENTS (statuses); j++)
        {
          g_autoptr(ParaatExercise) attempt = get (fixture->store, uid);
          g_autoptr(GError) error = NULL;

          paraat_exercise_set_status (attempt, statuses[j]);
          g_assert_false (paraat_store_save_exercise (fixture->store, attempt, "Piet", reasons[i], &error));
          g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
          assert_message_names (error, "Reason");
          g_assert_cmpuint (paraat_exercise_get_sequence (attempt), ==, 0);
        }
    }
  {
    g_autoptr(GError) error = NULL;

    paraat_exercise_set_times (ex, new_start, new_end, FALSE);
    g_assert_false (paraat_store_save_exercise (fixture->store, ex, "Piet", NULL, &error));
    g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
    assert_message_names (error, "Reason");
  }
  back = get (fixture->store, uid);
  g_assert_cmpint (paraat_exercise_get_status (back), ==, PARAAT_EXERCISE_STATUS_PLANNED);
  g_assert_cmpuint (paraat_exercise_get_sequence (back), ==, 0);
  g_assert_cmpint (paraat_exercise_get_start_utc (back), ==, utc_of ("2099-05-12T09:00:00"));
  entries = history (fixture->store, uid);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_clear_object (&back);

  /* With a reason: postponed and moved in one save */
  {
    g_autoptr(GError) error = NULL;

    paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_POSTPONED);
    g_assert_true (paraat_store_save_exercise (fixture->store, ex, "Piet", "Brug niet beschikbaar", &error));
    g_assert_no_error (error);
    g_assert_cmpuint (paraat_exercise_get_sequence (ex), ==, 1);
  }
  back = get (fixture->store, uid);
  g_assert_cmpint (paraat_exercise_get_status (back), ==, PARAAT_EXERCISE_STATUS_POSTPONED);
  g_assert_cmpuint (paraat_exercise_get_sequence (back), ==, 1);
  g_assert_cmpint (paraat_exercise_get_start_utc (back), ==, g_date_time_to_unix (new_start));

  entries = history (fixture->store, uid);
  g_assert_cmpuint (entries->len, ==, 4);
  status = history_of (fixture->store, uid, "status");
  g_assert_cmpuint (status->len, ==, 1);
  g_assert_cmpstr (paraat_history_entry_get_old_value (status->pdata[0]), ==, "planned");
  g_assert_cmpstr (paraat_history_entry_get_new_value (status->pdata[0]), ==, "postponed");
  g_assert_cmpstr (paraat_history_entry_get_reason (status->pdata[0]), ==, "Brug niet beschikbaar");
  g_assert_cmpstr (paraat_history_entry_get_who (status->pdata[0]), ==, "Piet");
  g_assert_cmpstr (paraat_history_entry_get_changed_at (status->pdata[0]), !=, "");
  start = history_of (fixture->store, uid, "start");
  g_assert_cmpuint (start->len, ==, 1);
  g_assert_cmpstr (paraat_history_entry_get_old_value (start->pdata[0]), ==, "2099-05-12T09:00:00+02:00");
  g_assert_cmpstr (paraat_history_entry_get_new_value (start->pdata[0]), ==, "2099-06-09T09:00:00+02:00");
  g_assert_cmpstr (paraat_history_entry_get_reason (start->pdata[0]), ==, "Brug niet beschikbaar");
  g_assert_cmpstr (paraat_history_entry_get_who (start->pdata[0]), ==, "Piet");
  end = history_of (fixture->store, uid, "end");
  g_assert_cmpuint (end->len, ==, 1);
  g_assert_cmpstr (paraat_history_entry_get_new_value (end->pdata[0]), ==, "2099-06-09T12:00:00+02:00");
}

static void
test_exercises_update_move_draft (ParaatTestFixture *fixture,
                                  gconstpointer      user_data)
{
  g_autofree char *draft = add (fixture->store, "Concept", "VR05", "2099-05-12", "2099-05-13");
  g_autofree char *confirmed = add_with_status (fixture->store, "Bevestigd", "VR05", "2099-05-12", "2099-05-13",
                                                PARAAT_EXERCISE_STATUS_CONFIRMED);
  g_autoptr(ParaatExercise) ex = get (fixture->store, draft);
  g_autoptr(ParaatExercise) other = get (fixture->store, confirmed);
  g_autoptr(ParaatExercise) back = NULL;
  g_autoptr(GPtrArray) start = NULL;
  g_autoptr(GDateTime) new_start = at ("2099-05-19");
  g_autoptr(GDateTime) new_end = at ("2099-05-21");
  g_autoptr(GError) error = NULL;

  paraat_exercise_set_times (ex, new_start, new_end, TRUE);
  g_assert_true (paraat_store_save_exercise (fixture->store, ex, NULL, NULL, &error));
  g_assert_no_error (error);
  back = get (fixture->store, draft);
  g_assert_cmpint (paraat_exercise_get_start_utc (back), ==, utc_of ("2099-05-19"));
  g_assert_cmpint (paraat_exercise_get_end_utc (back), ==, utc_of ("2099-05-21"));
  start = history_of (fixture->store, draft, "start");
  g_assert_cmpuint (start->len, ==, 1);
  /* All-day exercises are recorded by date */
  g_assert_cmpstr (paraat_history_entry_get_old_value (start->pdata[0]), ==, "2099-05-12");
  g_assert_cmpstr (paraat_history_entry_get_new_value (start->pdata[0]), ==, "2099-05-19");
  g_assert_cmpstr (paraat_history_entry_get_reason (start->pdata[0]), ==, "");

  /* A confirmed one does need a reason */
  paraat_exercise_set_times (other, new_start, new_end, TRUE);
  g_assert_false (paraat_store_save_exercise (fixture->store, other, NULL, NULL, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
}

/* range queries */

static void
test_exercises_range_boundaries (ParaatTestFixture *fixture,
                                 gconstpointer      user_data)
{
  g_autofree char *over_from = add (fixture->store, "Over het begin", "VR05",
                                    "2026-06-09T22:00:00", "2026-06-10T02:00:00");
  g_autofree char *over_to = add (fixture->store, "Over het eind", "VR05",
                                  "2026-06-10T23:00:00", "2026-06-11T01:00:00");
  g_autofree char *inside = add (fixture->store, "Binnen", "VR05", "2026-06-10T09:00:00", "2026-06-10T12:00:00");
  g_autofree char *around = add (fixture->store, "Eromheen", "VR05", "2026-06-09T12:00:00", "2026-06-12T12:00:00");
  g_autofree char *before = add (fixture->store, "Ervoor", "VR05", "2026-06-09T10:00:00", "2026-06-09T12:00:00");
  g_autofree char *ends_at_from = add (fixture->store, "Eindigt bij het begin", "VR05",
                                       "2026-06-09T22:00:00", "2026-06-10T00:00:00");
  g_autofree char *starts_at_to = add (fixture->store, "Begint bij het eind", "VR05",
                                       "2026-06-11T00:00:00", "2026-06-11T02:00:00");
  g_autofree char *after = add (fixture->store, "Erna", "VR05", "2026-06-12T09:00:00", "2026-06-12T12:00:00");
  g_autoptr(GPtrArray) day = list (fixture->store, NULL, "2026-06-10", "2026-06-11");

  g_assert_cmpuint (day->len, ==, 4);
  g_assert_cmpstr (paraat_exercise_get_uid (day->pdata[0]), ==, around);
  g_assert_cmpstr (paraat_exercise_get_uid (day->pdata[1]), ==, over_from);
  g_assert_cmpstr (paraat_exercise_get_uid (day->pdata[2]), ==, inside);
  g_assert_cmpstr (paraat_exercise_get_uid (day->pdata[3]), ==, over_to);
  assert_listed (day, before, FALSE);
  assert_listed (day, ends_at_from, FALSE);
  assert_listed (day, starts_at_to, FALSE);
  assert_listed (day, after, FALSE);
  for (guint i = 0; i < day->len; i++)
    g_assert_false (paraat_exercise_is_occurrence (day->pdata[i]));
}

static void
test_exercises_range_long (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autofree char *long_uid = NULL;
  g_autofree char *stretched = NULL;
  g_autoptr(ParaatExercise) ex = NULL;
  g_autoptr(GDateTime) new_end = at ("2026-06-30T12:00:00");
  g_autoptr(GDateTime) old_start = NULL;

  /* Many short exercises, so the longest one decides how far back the
   * query looks. */
  for (guint d = 1; d <= 20; d++)
    {
      for (guint h = 9; h <= 11; h++)
        {
          g_autofree char *start = g_strdup_printf ("2026-06-%02uT%02u:00:00", d, h);
          g_autofree char *end = g_strdup_printf ("2026-06-%02uT%02u:30:00", d, h);
          g_autofree char *uid = add (fixture->store, "Kort", "VR05", start, end);

          if (d == 1 && h == 9)
            stretched = g_strdup (uid);
        }
    }
  first = list (fixture->store, NULL, "2026-06-10", "2026-06-11");
  g_assert_cmpuint (first->len, ==, 3);

  /* Added after a query: whatever was cached must not hide it */
  long_uid = add (fixture->store, "Driedaags", "VR05", "2026-06-08T08:00:00", "2026-06-11T08:00:00");
  second = list (fixture->store, NULL, "2026-06-10", "2026-06-11");
  g_assert_cmpuint (second->len, ==, 4);
  assert_listed (second, long_uid, TRUE);
  g_assert_cmpstr (paraat_exercise_get_uid (second->pdata[0]), ==, long_uid);

  /* Made longer by an update */
  ex = get (fixture->store, stretched);
  old_start = paraat_exercise_get_start (ex);
  paraat_exercise_set_times (ex, old_start, new_end, FALSE);
  save (fixture->store, ex);
  third = list (fixture->store, NULL, "2026-06-25", "2026-06-26");
  g_assert_cmpuint (third->len, ==, 1);
  assert_listed (third, stretched, TRUE);

  paraat_test_fixture_reopen_store (fixture);
  reopened = list (fixture->store, NULL, "2026-06-10", "2026-06-11");
  g_assert_cmpuint (reopened->len, ==, 5);
  assert_listed (reopened, long_uid, TRUE);
  assert_listed (reopened, stretched, TRUE);
}

static void
test_exercises_range_scope (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  const char *vr05[] = { "VR05", NULL };
  g_autofree char *own = add (fixture->store, "VR05", "VR05", "2026-06-10T09:00:00", "2026-06-10T12:00:00");
  g_autofree char *other = add (fixture->store, "VR06", "VR06", "2026-06-10T10:00:00", "2026-06-10T12:00:00");
  g_autoptr(ParaatExercise) joint = new_exercise ("VR06 met VR05", "VR06", "2026-06-10T11:00:00",
                                                  "2026-06-10T12:00:00");
  g_autoptr(ParaatExercise) series = new_exercise ("Reeks VR06", "VR06", "2026-06-03T19:00:00",
                                                   "2026-06-03T21:00:00");
  g_autoptr(GPtrArray) in_vr05 = NULL;
  g_autoptr(GPtrArray) in_vr06 = NULL;
  g_autoptr(GPtrArray) in_all = NULL;
  g_autoptr(GPtrArray) unscoped = NULL;
  g_autoptr(GPtrArray) in_brigade = NULL;

  paraat_exercise_set_regions (joint, vr05);
  save (fixture->store, joint);
  paraat_exercise_set_rrule (series, "FREQ=WEEKLY;COUNT=4");
  save (fixture->store, series);

  in_vr05 = list (fixture->store, "region:VR05", "2026-06-01", "2026-07-01");
  g_assert_cmpuint (in_vr05->len, ==, 2);
  assert_listed (in_vr05, own, TRUE);
  assert_listed (in_vr05, other, FALSE);
  assert_listed (in_vr05, paraat_exercise_get_uid (joint), TRUE);
  g_assert_cmpuint (count_uid (in_vr05, paraat_exercise_get_uid (series)), ==, 0);

  in_vr06 = list (fixture->store, "region:VR06", "2026-06-01", "2026-07-01");
  g_assert_cmpuint (in_vr06->len, ==, 6);
  assert_listed (in_vr06, own, FALSE);
  assert_listed (in_vr06, other, TRUE);
  assert_listed (in_vr06, paraat_exercise_get_uid (joint), TRUE);
  g_assert_cmpuint (count_uid (in_vr06, paraat_exercise_get_uid (series)), ==, 4);

  in_all = list (fixture->store, "all", "2026-06-01", "2026-07-01");
  g_assert_cmpuint (in_all->len, ==, 7);
  unscoped = list (fixture->store, NULL, "2026-06-01", "2026-07-01");
  g_assert_cmpuint (unscoped->len, ==, 7);

  /* 43MB serves VR05 (and not VR06) since 21 June 2024 */
  in_brigade = list (fixture->store, "brigade:43MB", "2026-06-01", "2026-07-01");
  assert_listed (in_brigade, own, TRUE);
  assert_listed (in_brigade, paraat_exercise_get_uid (joint), TRUE);
}

/* Each exercise of a range gets its own lists, sorted, also an occurrence */
static void
test_exercises_range_lists (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  const char *regions[] = { "VR06", "VR04", NULL };
  const char *regions_sorted[] = { "VR04", "VR06", NULL };
  const char *disciplines[] = { "POL", "BRW", "GHOR", NULL };
  const char *disciplines_sorted[] = { "BRW", "GHOR", "POL", NULL };
  const char *organisations[] = { "Waterschap", "Defensie", "Rijkswaterstaat", NULL };
  const char *organisations_sorted[] = { "Defensie", "Rijkswaterstaat", "Waterschap", NULL };
  const char *ghor[] = { "GHOR", NULL };
  const char *none[] = { NULL };
  g_autoptr(ParaatExercise) full = new_exercise ("Vol", "VR05", "2026-06-10T09:00:00", "2026-06-10T12:00:00");
  g_autoptr(ParaatExercise) series = new_exercise ("Reeks", "VR05", "2026-06-03T19:00:00", "2026-06-03T21:00:00");
  g_autofree char *bare = add (fixture->store, "Kaal", "VR05", "2026-06-11T09:00:00", "2026-06-11T12:00:00");
  g_autoptr(GPtrArray) in_june = NULL;
  g_autoptr(ParaatExercise) back = NULL;

  paraat_exercise_set_regions (full, regions);
  paraat_exercise_set_disciplines (full, disciplines);
  paraat_exercise_set_organisations (full, organisations);
  save (fixture->store, full);
  paraat_exercise_set_disciplines (series, ghor);
  paraat_exercise_set_rrule (series, "FREQ=WEEKLY;COUNT=3");
  save (fixture->store, series);

  paraat_test_fixture_reopen_store (fixture);
  in_june = list (fixture->store, NULL, "2026-06-01", "2026-07-01");
  g_assert_cmpuint (in_june->len, ==, 5);
  for (guint i = 0; i < in_june->len; i++)
    {
      ParaatExercise *ex = in_june->pdata[i];
      const char *title = paraat_exercise_get_title (ex);

      if (g_str_equal (title, "Vol"))
        {
          g_assert_cmpstrv (paraat_exercise_get_regions (ex), regions_sorted);
          g_assert_cmpstrv (paraat_exercise_get_disciplines (ex), disciplines_sorted);
          g_assert_cmpstrv (paraat_exercise_get_organisations (ex), organisations_sorted);
        }
      else if (g_str_equal (title, "Reeks"))
        {
          g_assert_cmpstrv (paraat_exercise_get_regions (ex), none);
          g_assert_cmpstrv (paraat_exercise_get_disciplines (ex), ghor);
          g_assert_cmpstrv (paraat_exercise_get_organisations (ex), none);
        }
      else
        {
          g_assert_cmpstr (title, ==, "Kaal");
          g_assert_cmpstrv (paraat_exercise_get_regions (ex), none);
          g_assert_cmpstrv (paraat_exercise_get_organisations (ex), none);
        }
    }

  back = get (fixture->store, paraat_exercise_get_uid (full));
  g_assert_cmpstrv (paraat_exercise_get_disciplines (back), disciplines_sorted);
  g_assert_cmpstrv (paraat_exercise_get_organisations (back), organisations_sorted);
}

static void
test_exercises_delete (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autofree char *uid = add_with_status (fixture->store, "Weg", "VR05", "2026-06-10T09:00:00",
                                          "2026-06-10T12:00:00", PARAAT_EXERCISE_STATUS_PLANNED);
  g_autofree char *series = add_recurring (fixture->store, "Reeks", "2026-06-03T19:00:00", "2026-06-03T21:00:00",
                                           "FREQ=WEEKLY");
  g_autoptr(ParaatExercise) ex = get (fixture->store, uid);
  g_autoptr(ParaatExercise) back = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) not_found = NULL;
  g_autoptr(GError) twice = NULL;
  g_autoptr(GError) stale = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) undelete_twice = NULL;

  paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_CONFIRMED);
  save (fixture->store, ex);
  listed = list (fixture->store, NULL, "2026-06-01", "2026-07-01");
  g_assert_cmpuint (listed->len, ==, 1 + 4);

  g_assert_true (paraat_store_delete_exercise (fixture->store, uid, &error));
  g_assert_no_error (error);
  g_assert_true (paraat_store_delete_exercise (fixture->store, series, &error));
  g_assert_no_error (error);
  gone = list (fixture->store, NULL, "2026-06-01", "2026-07-01");
  g_assert_cmpuint (gone->len, ==, 0);

  g_assert_null (paraat_store_get_exercise (fixture->store, uid, &not_found));
  g_assert_error (not_found, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
  assert_message_names (not_found, uid);
  g_assert_false (paraat_store_delete_exercise (fixture->store, uid, &twice));
  g_assert_error (twice, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
  g_assert_false (paraat_store_delete_exercise (fixture->store, "onbekend@paraat", &unknown));
  g_assert_error (unknown, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
  /* An editor still holding it cannot save it back in */
  paraat_exercise_set_title (ex, "Toch niet");
  g_assert_false (paraat_store_save_exercise (fixture->store, ex, NULL, NULL, &stale));
  g_assert_error (stale, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);

  g_assert_true (paraat_store_undelete_exercise (fixture->store, uid, &error));
  g_assert_no_error (error);
  g_assert_false (paraat_store_undelete_exercise (fixture->store, uid, &undelete_twice));
  g_assert_error (undelete_twice, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
  again = list (fixture->store, NULL, "2026-06-01", "2026-07-01");
  g_assert_cmpuint (again->len, ==, 1);
  assert_listed (again, uid, TRUE);
  back = get (fixture->store, uid);
  g_assert_cmpstr (paraat_exercise_get_title (back), ==, "Weg");
  g_assert_cmpint (paraat_exercise_get_status (back), ==, PARAAT_EXERCISE_STATUS_CONFIRMED);
  entries = history (fixture->store, uid);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (paraat_history_entry_get_field (entries->pdata[0]), ==, "created");
  g_assert_cmpstr (paraat_history_entry_get_field (entries->pdata[1]), ==, "status");
}

/* DST: Europe/Amsterdam goes to summer time on 29 March 2026 (02:00 →
 * 03:00) and back on 25 October 2026 (03:00 → 02:00). */

static void
test_exercises_dst_timed (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autofree char *spring = add (fixture->store, "Nacht (voorjaar)", "VR05",
                                 "2026-03-29T01:30:00", "2026-03-29T03:30:00");
  g_autofree char *autumn = add (fixture->store, "Nacht (najaar)", "VR05",
                                 "2026-10-25T01:30:00", "2026-10-25T03:30:00");
  g_autoptr(ParaatExercise) s = get (fixture->store, spring);
  g_autoptr(ParaatExercise) a = get (fixture->store, autumn);
  g_autoptr(GDateTime) s_start = paraat_exercise_get_start (s);
  g_autoptr(GDateTime) s_end = paraat_exercise_get_end (s);

  /* 01:30 CET → 03:30 CEST is one hour; 01:30 CEST → 03:30 CET three */
  g_assert_cmpint (paraat_exercise_get_end_utc (s) - paraat_exercise_get_start_utc (s), ==, 3600);
  g_assert_cmpint (paraat_exercise_get_end_utc (a) - paraat_exercise_get_start_utc (a), ==, 3 * 3600);
  assert_local (s_start, "2026-03-29T01:30");
  assert_local (s_end, "2026-03-29T03:30");
  g_assert_cmpint (g_date_time_get_utc_offset (s_start), ==, G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (s_end), ==, 2 * G_TIME_SPAN_HOUR);
}

static void
test_exercises_dst_monthly (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autofree char *uid = add_recurring (fixture->store, "Oefenavond", "2026-01-06T19:00:00",
                                        "2026-01-06T21:00:00", "FREQ=MONTHLY;BYDAY=1TU;COUNT=12");
  g_autoptr(GPtrArray) year = list (fixture->store, NULL, "2026-01-01", "2027-01-01");
  g_autoptr(GPtrArray) april = list (fixture->store, NULL, "2026-04-01", "2026-05-01");
  g_autoptr(GPtrArray) march = list (fixture->store, NULL, "2026-03-01", "2026-04-01");
  g_autoptr(GPtrArray) next_year = list (fixture->store, NULL, "2027-01-01", "2028-01-01");
  g_autoptr(GDateTime) april_start = NULL;
  g_autoptr(GDateTime) march_start = NULL;

  g_assert_cmpuint (year->len, ==, 12);
  for (guint i = 0; i < year->len; i++)
    {
      ParaatExercise *occ = year->pdata[i];
      g_autoptr(GDateTime) start = paraat_exercise_get_start (occ);
      g_autoptr(GDateTime) end = paraat_exercise_get_end (occ);

      g_assert_cmpstr (paraat_exercise_get_uid (occ), ==, uid);
      g_assert_true (paraat_exercise_is_occurrence (occ));
      g_assert_cmpint (g_date_time_get_month (start), ==, i + 1);
      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 2);
      g_assert_cmpint (g_date_time_get_day_of_month (start), <=, 7);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 19);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 0);
      g_assert_cmpint (g_date_time_get_hour (end), ==, 21);
    }

  g_assert_cmpuint (march->len, ==, 1);
  march_start = paraat_exercise_get_start (march->pdata[0]);
  assert_local (march_start, "2026-03-03T19:00");
  g_assert_cmpuint (april->len, ==, 1);
  april_start = paraat_exercise_get_start (april->pdata[0]);
  assert_local (april_start, "2026-04-07T19:00");
  /* The same wall-clock time, so a different UTC hour */
  g_assert_cmpint (paraat_exercise_get_start_utc (march->pdata[0]), ==, utc_of ("2026-03-03T19:00:00"));
  g_assert_cmpint (paraat_exercise_get_start_utc (april->pdata[0]), ==, utc_of ("2026-04-07T19:00:00"));
  g_assert_cmpint (paraat_exercise_get_start_utc (april->pdata[0]) % 86400, ==, 17 * 3600);
  g_assert_cmpint (paraat_exercise_get_start_utc (march->pdata[0]) % 86400, ==, 18 * 3600);

  g_assert_cmpuint (next_year->len, ==, 0);
}

/* Each occurrence of @uid in @exercises is one whole local day, starting
 * at the dates in @days */
static void
assert_all_day_occurrences (GPtrArray          *exercises,
                            const char         *uid,
                            const char * const *days)
{
  g_assert_cmpuint (exercises->len, ==, g_strv_length ((char **) days));
  for (guint i = 0; i < exercises->len; i++)
    {
      ParaatExercise *occ = exercises->pdata[i];
      g_autoptr(GDateTime) start = paraat_exercise_get_start (occ);
      g_autoptr(GDateTime) end = paraat_exercise_get_end (occ);
      g_autoptr(GDateTime) expected_start = at (days[i]);
      g_autoptr(GDateTime) expected_end = g_date_time_add_days (expected_start, 1);
      g_autofree char *expected_text = g_date_time_format (expected_start, "%Y-%m-%dT%H:%M");
      g_autofree char *expected_end_text = g_date_time_format (expected_end, "%Y-%m-%dT%H:%M");

      g_assert_cmpstr (paraat_exercise_get_uid (occ), ==, uid);
      g_assert_true (paraat_exercise_get_all_day (occ));
      assert_local (start, expected_text);
      assert_local (end, expected_end_text);
      g_assert_cmpint (paraat_exercise_get_end_utc (occ), ==, g_date_time_to_unix (expected_end));
    }
}

static void
test_exercises_dst_all_day_weekly (ParaatTestFixture *fixture,
                                   gconstpointer      user_data)
{
  /* Sundays, one of them the 25-hour 25 October */
  const char *autumn_days[] = { "2026-10-11", "2026-10-18", "2026-10-25", "2026-11-01", "2026-11-08",
                                "2026-11-15", NULL };
  /* From the 23-hour 29 March on */
  const char *spring_days[] = { "2026-03-29", "2026-04-05", "2026-04-12", NULL };
  const char *dst_day[] = { "2026-03-29", NULL };
  g_autofree char *autumn = add_recurring (fixture->store, "Zondag", "2026-10-11", "2026-10-12",
                                           "FREQ=WEEKLY;COUNT=6");
  g_autofree char *spring = add_recurring (fixture->store, "Voorjaar", "2026-03-29", "2026-03-30",
                                           "FREQ=WEEKLY;COUNT=3");
  g_autoptr(GPtrArray) autumn_list = list (fixture->store, NULL, "2026-10-01", "2026-12-01");
  g_autoptr(GPtrArray) spring_list = list (fixture->store, NULL, "2026-03-01", "2026-05-01");
  g_autoptr(GPtrArray) on_dst_day = list (fixture->store, NULL, "2026-03-29", "2026-03-30");
  g_autoptr(GPtrArray) on_25_october = list (fixture->store, NULL, "2026-10-25", "2026-10-26");
  g_autoptr(GPtrArray) on_26_october = list (fixture->store, NULL, "2026-10-26", "2026-10-27");

  assert_all_day_occurrences (autumn_list, autumn, autumn_days);
  assert_all_day_occurrences (spring_list, spring, spring_days);
  assert_all_day_occurrences (on_dst_day, spring, dst_day);
  g_assert_cmpuint (on_25_october->len, ==, 1);
  g_assert_cmpuint (on_26_october->len, ==, 0);
}

static void
test_exercises_dst_infinite (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autofree char *uid = add_recurring (fixture->store, "Elke dag", "2026-01-01T08:00:00", "2026-01-01T08:30:00",
                                        "FREQ=DAILY");
  g_autoptr(GPtrArray) decade = list (fixture->store, NULL, "2026-01-01", "2036-01-01");
  g_autoptr(GPtrArray) week = list (fixture->store, NULL, "2030-06-03", "2030-06-10");
  g_autoptr(GDateTime) first = NULL;

  g_assert_cmpuint (decade->len, ==, PARAAT_MAX_OCCURRENCES);
  first = paraat_exercise_get_start (decade->pdata[0]);
  assert_local (first, "2026-01-01T08:00");

  /* Far into the series, still there, still at 08:00 local */
  g_assert_cmpuint (week->len, ==, 7);
  for (guint i = 0; i < week->len; i++)
    {
      g_autoptr(GDateTime) start = paraat_exercise_get_start (week->pdata[i]);

      g_assert_cmpstr (paraat_exercise_get_uid (week->pdata[i]), ==, uid);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, 3 + i);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 8);
    }
}

static void
assert_same_occurrences (GPtrArray *a,
                         GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpstr (paraat_exercise_get_uid (a->pdata[i]), ==, paraat_exercise_get_uid (b->pdata[i]));
      g_assert_cmpint (paraat_exercise_get_start_utc (a->pdata[i]), ==, paraat_exercise_get_start_utc (b->pdata[i]));
      g_assert_cmpint (paraat_exercise_get_end_utc (a->pdata[i]), ==, paraat_exercise_get_end_utc (b->pdata[i]));
    }
}

/* The store keeps the occurrences it walked: any order of periods, and
 * a changed rule, give what a fresh store gives. */
static void
test_exercises_dst_walk_again (ParaatTestFixture *fixture,
                               gconstpointer      user_data)
{
  static const char * const ranges[][2] = {
    { "2030-06-03", "2030-06-10" },
    { "2026-03-01", "2026-04-06" },
    { "2026-10-19", "2026-11-02" },
    { "2026-01-01", "2036-01-01" },
    { "2031-03-24", "2031-04-07" },
    { "2027-01-01", "2028-01-01" },
  };
  g_autofree char *open = add_recurring (fixture->store, "Elke week", "2026-01-06T19:00:00", "2026-01-06T21:00:00",
                                         "FREQ=WEEKLY");
  g_autofree char *counted = add_recurring (fixture->store, "Maandelijks", "2026-02-03", "2026-02-04",
                                            "FREQ=MONTHLY;BYDAY=1TU;COUNT=12");
  g_autoptr(ParaatExercise) ex = NULL;
  GPtrArray *cached[G_N_ELEMENTS (ranges)];

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    cached[i] = list (fixture->store, NULL, ranges[i][0], ranges[i][1]);
  /* Once more, all from what the store kept */
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GPtrArray) again = list (fixture->store, NULL, ranges[i][0], ranges[i][1]);

      assert_same_occurrences (cached[i], again);
    }
  paraat_test_fixture_reopen_store (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GPtrArray) fresh = list (fixture->store, NULL, ranges[i][0], ranges[i][1]);

      assert_same_occurrences (cached[i], fresh);
      g_ptr_array_unref (cached[i]);
    }

  /* A changed series is walked anew */
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    cached[i] = list (fixture->store, NULL, ranges[i][0], ranges[i][1]);
  ex = get (fixture->store, open);
  paraat_exercise_set_rrule (ex, "FREQ=WEEKLY;INTERVAL=2;COUNT=40");
  save (fixture->store, ex);
  g_clear_object (&ex);
  ex = get (fixture->store, counted);
  {
    g_autoptr(GDateTime) start = paraat_exercise_get_start (ex);
    g_autoptr(GDateTime) end = paraat_exercise_get_end (ex);
    g_autoptr(GDateTime) later_start = g_date_time_add_days (start, 7);
    g_autoptr(GDateTime) later_end = g_date_time_add_days (end, 7);

    paraat_exercise_set_times (ex, later_start, later_end, TRUE);
  }
  save (fixture->store, ex);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GPtrArray) changed = list (fixture->store, NULL, ranges[i][0], ranges[i][1]);

      g_ptr_array_unref (cached[i]);
      cached[i] = g_steal_pointer (&changed);
    }
  paraat_test_fixture_reopen_store (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(GPtrArray) fresh = list (fixture->store, NULL, ranges[i][0], ranges[i][1]);

      assert_same_occurrences (cached[i], fresh);
      g_ptr_array_unref (cached[i]);
    }
}

/* The DST days in a day view: 25 October has 25 hours, 29 March 23 */
static void
test_exercises_day_boundaries (ParaatTestFixture *fixture,
                               gconstpointer      user_data)
{
  g_autofree char *october = add (fixture->store, "Lange dag", "VR05", "2026-10-25", "2026-10-26");
  g_autofree char *march = add (fixture->store, "Korte dag", "VR05", "2026-03-29", "2026-03-30");
  g_autoptr(ParaatExercise) ex = get (fixture->store, october);
  g_autoptr(ParaatExercise) short_ex = get (fixture->store, march);
  const struct {
    const char *uid;
    const char *from;
    const char *to;
    gboolean    listed;
  } cases[] = {
    { october, "2026-10-25", "2026-10-26", TRUE },
    { october, "2026-10-24", "2026-10-25", FALSE },
    { october, "2026-10-26", "2026-10-27", FALSE },
    { march, "2026-03-29", "2026-03-30", TRUE },
    { march, "2026-03-28", "2026-03-29", FALSE },
    { march, "2026-03-30", "2026-03-31", FALSE },
  };

  g_assert_cmpint (paraat_exercise_get_end_utc (ex) - paraat_exercise_get_start_utc (ex), ==, 25 * 3600);
  g_assert_cmpint (paraat_exercise_get_end_utc (short_ex) - paraat_exercise_get_start_utc (short_ex), ==, 23 * 3600);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) day = list (fixture->store, NULL, cases[i].from, cases[i].to);

      g_test_message ("%s .. %s", cases[i].from, cases[i].to);
      g_assert_cmpuint (day->len, ==, cases[i].listed ? 1 : 0);
      assert_listed (day, cases[i].uid, cases[i].listed);
    }
}

/* shift */

static void
test_exercises_shift (ParaatTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autofree char *timed = add_with_status (fixture->store, "Voor de zomertijd", "VR05", "2026-03-26T09:00:00",
                                            "2026-03-26T11:00:00", PARAAT_EXERCISE_STATUS_PLANNED);
  g_autofree char *days = add (fixture->store, "Weekend", "VR05", "2026-03-28", "2026-03-30");
  const char *uids[] = { timed, days, NULL };
  const char *back_uids[] = { timed, NULL };
  g_autoptr(ParaatExercise) t = NULL;
  g_autoptr(ParaatExercise) d = NULL;
  g_autoptr(ParaatExercise) t_back = NULL;
  g_autoptr(GDateTime) t_start = NULL;
  g_autoptr(GDateTime) t_end = NULL;
  g_autoptr(GDateTime) d_start = NULL;
  g_autoptr(GDateTime) d_end = NULL;
  g_autoptr(GDateTime) back_start = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) day_moves = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_store_shift_exercises (fixture->store, uids, 7, "Piet", "Zaal bezet", &error));
  g_assert_no_error (error);

  t = get (fixture->store, timed);
  t_start = paraat_exercise_get_start (t);
  t_end = paraat_exercise_get_end (t);
  assert_local (t_start, "2026-04-02T09:00");
  assert_local (t_end, "2026-04-02T11:00");
  g_assert_cmpint (paraat_exercise_get_end_utc (t) - paraat_exercise_get_start_utc (t), ==, 2 * 3600);
  g_assert_cmpuint (paraat_exercise_get_sequence (t), ==, 1);
  g_assert_cmpint (paraat_exercise_get_status (t), ==, PARAAT_EXERCISE_STATUS_PLANNED);
  moves = history_of (fixture->store, timed, "start");
  g_assert_cmpuint (moves->len, ==, 1);
  g_assert_cmpstr (paraat_history_entry_get_reason (moves->pdata[0]), ==, "Zaal bezet");
  g_assert_cmpstr (paraat_history_entry_get_who (moves->pdata[0]), ==, "Piet");
  g_assert_cmpstr (paraat_history_entry_get_old_value (moves->pdata[0]), ==, "2026-03-26T09:00:00+01:00");
  g_assert_cmpstr (paraat_history_entry_get_new_value (moves->pdata[0]), ==, "2026-04-02T09:00:00+02:00");

  /* Whole days stay whole days */
  d = get (fixture->store, days);
  d_start = paraat_exercise_get_start (d);
  d_end = paraat_exercise_get_end (d);
  g_assert_true (paraat_exercise_get_all_day (d));
  assert_local (d_start, "2026-04-04T00:00");
  assert_local (d_end, "2026-04-06T00:00");
  day_moves = history_of (fixture->store, days, "start");
  g_assert_cmpuint (day_moves->len, ==, 1);
  g_assert_cmpstr (paraat_history_entry_get_old_value (day_moves->pdata[0]), ==, "2026-03-28");
  g_assert_cmpstr (paraat_history_entry_get_new_value (day_moves->pdata[0]), ==, "2026-04-04");

  /* And back again */
  g_assert_true (paraat_store_shift_exercises (fixture->store, back_uids, -7, "Piet", "Toch vrij", &error));
  g_assert_no_error (error);
  t_back = get (fixture->store, timed);
  back_start = paraat_exercise_get_start (t_back);
  assert_local (back_start, "2026-03-26T09:00");
}

static void
test_exercises_shift_atomic (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autofree char *a = add_with_status (fixture->store, "A", "VR05", "2026-05-12T09:00:00", "2026-05-12T11:00:00",
                                        PARAAT_EXERCISE_STATUS_PLANNED);
  g_autofree char *b = add (fixture->store, "B", "VR05", "2026-05-13T09:00:00", "2026-05-13T11:00:00");
  const char *with_unknown[] = { a, "onbekend@paraat", b, NULL };
  const char *planned_last[] = { b, a, NULL };
  const char *names[] = { a, b };
  const gint64 starts[] = { utc_of ("2026-05-12T09:00:00"), utc_of ("2026-05-13T09:00:00") };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) no_reason = NULL;

  g_assert_false (paraat_store_shift_exercises (fixture->store, with_unknown, 7, "Piet", "Zaal bezet", &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
  assert_message_names (error, "onbekend@paraat");

  /* A planned exercise needs a reason; the draft before it stays too */
  g_assert_false (paraat_store_shift_exercises (fixture->store, planned_last, 7, "Piet", NULL, &no_reason));
  g_assert_error (no_reason, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(ParaatExercise) ex = get (fixture->store, names[i]);
      g_autoptr(GPtrArray) entries = history (fixture->store, names[i]);

      g_assert_cmpint (paraat_exercise_get_start_utc (ex), ==, starts[i]);
      g_assert_cmpuint (paraat_exercise_get_sequence (ex), ==, 0);
      g_assert_cmpuint (entries->len, ==, 1);
    }
}

/* An UNTIL in UTC, as RFC 5545 writes it for a start with a zone: the
 * drill at 19:00 CEST on 20 October is 17:00 UTC, and still counts. */
static void
test_exercises_recurrence_until_utc (ParaatTestFixture *fixture,
                                     gconstpointer      user_data)
{
  g_autofree char *uid = add_recurring (fixture->store, "Tot", "2026-09-01T19:00:00", "2026-09-01T21:00:00",
                                        "FREQ=WEEKLY;UNTIL=20261020T170000Z");
  g_autoptr(GPtrArray) all = list (fixture->store, NULL, "2026-01-01", "2027-01-01");
  g_autoptr(GPtrArray) after = list (fixture->store, NULL, "2026-10-20T20:00:00", "2027-01-01");
  g_autoptr(GDateTime) last = NULL;

  g_assert_cmpuint (all->len, ==, 8);
  last = paraat_exercise_get_start (all->pdata[7]);
  assert_local (last, "2026-10-20T19:00");
  /* The series' end in the range index agrees */
  g_assert_cmpuint (after->len, ==, 1);
}

/* copy_year */

static ParaatExercise *
find_title (GPtrArray  *exercises,
            const char *title)
{
  ParaatExercise *found = NULL;

  for (guint i = 0; i < exercises->len; i++)
    {
      if (g_str_equal (paraat_exercise_get_title (exercises->pdata[i]), title))
        {
          g_assert_null (found);
          found = exercises->pdata[i];
        }
    }
  if (found == NULL)
    g_test_message ("no “%s”", title);
  g_assert_nonnull (found);

  return found;
}

static void
test_exercises_copy_year (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  const struct {
    const char *title;
    const char *region;
    const char *start;
    const char *end;
    const char *new_start;
    const char *new_end;
  } copied[] = {
    /* 2026 has 53 ISO weeks, so weeks 1 to 52 move 53 weeks ahead */
    { "Voorjaar", "VR05", "2026-05-12T09:00:00", "2026-05-12T12:00:00", "2027-05-18T09:00", "2027-05-18T12:00" },
    { "Najaar", "VR06", "2026-09-01", "2026-09-03", "2027-09-07T00:00", "2027-09-09T00:00" },
    /* Thursday of week 1 */
    { "Nieuwjaar", "VR05", "2026-01-01T00:30:00", "2026-01-01T01:30:00", "2027-01-07T00:30",
      "2027-01-07T01:30" },
    /* Monday of week 1 of 2026 lies in 2025 */
    { "Week 1", "VR05", "2025-12-29T10:00:00", "2025-12-29T12:00:00", "2027-01-04T10:00", "2027-01-04T12:00" },
    /* Week 53 to week 52: 2027 has no week 53 */
    { "Oudjaar", "VR05", "2026-12-31T23:00:00", "2026-12-31T23:30:00", "2027-12-30T23:00", "2027-12-30T23:30" },
    { "Week 53", "VR05", "2027-01-03T10:00:00", "2027-01-03T11:00:00", "2028-01-02T10:00", "2028-01-02T11:00" },
  };
  /* Sunday of week 52 of 2025 */
  g_autofree char *old = add (fixture->store, "Vorig jaar", "VR05", "2025-12-28T23:00:00", "2025-12-28T23:30:00");
  g_autofree char *deleted = add (fixture->store, "Verwijderd", "VR05", "2026-06-01T09:00:00",
                                  "2026-06-01T12:00:00");
  g_autofree char *series = add_recurring (fixture->store, "Wekelijks", "2026-03-03T19:00:00",
                                           "2026-03-03T21:00:00", "FREQ=WEEKLY;UNTIL=20260630");
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GPtrArray) series_2027 = NULL;
  g_autoptr(ParaatExercise) series_copy = NULL;
  g_autoptr(GDateTime) series_start = NULL;
  g_autoptr(GError) error = NULL;
  const char *series_copy_uid = NULL;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    g_ptr_array_add (originals, add_with_status (fixture->store, copied[i].title, copied[i].region,
                                                 copied[i].start, copied[i].end, PARAAT_EXERCISE_STATUS_PLANNED));
  g_assert_true (paraat_store_delete_exercise (fixture->store, deleted, &error));
  g_assert_no_error (error);

  n = paraat_store_copy_year (fixture->store, NULL, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (copied) + 1);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 3 + G_N_ELEMENTS (copied) + n);

  /* ISO year 2027: weeks 1 to 52 */
  next = list (fixture->store, NULL, "2027-01-04", "2028-01-03");
  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      ParaatExercise *copy = find_title (next, copied[i].title);
      g_autoptr(ParaatExercise) original = get (fixture->store, originals->pdata[i]);
      g_autoptr(GDateTime) start = paraat_exercise_get_start (copy);
      g_autoptr(GDateTime) end = paraat_exercise_get_end (copy);
      g_autoptr(GPtrArray) entries = history (fixture->store, paraat_exercise_get_uid (copy));

      g_test_message ("%s", copied[i].title);
      g_assert_cmpstr (paraat_exercise_get_uid (copy), !=, originals->pdata[i]);
      g_assert_true (g_str_has_suffix (paraat_exercise_get_uid (copy), "@paraat"));
      g_assert_cmpint (paraat_exercise_get_status (copy), ==, PARAAT_EXERCISE_STATUS_DRAFT);
      g_assert_cmpuint (paraat_exercise_get_sequence (copy), ==, 0);
      g_assert_cmpstr (paraat_exercise_get_region_code (copy), ==, copied[i].region);
      g_assert_cmpint (paraat_exercise_get_all_day (copy), ==, strlen (copied[i].start) == 10);
      assert_local (start, copied[i].new_start);
      assert_local (end, copied[i].new_end);
      g_assert_cmpuint (entries->len, ==, 1);
      g_assert_cmpstr (paraat_history_entry_get_field (entries->pdata[0]), ==, "created");
      g_assert_cmpstr (paraat_history_entry_get_new_value (entries->pdata[0]), ==, "draft");

      /* The original stays as it was */
      g_assert_cmpint (paraat_exercise_get_status (original), ==, PARAAT_EXERCISE_STATUS_PLANNED);
      g_assert_cmpint (paraat_exercise_get_start_utc (original), ==, utc_of (copied[i].start));
    }

  /* The series comes along with its end */
  series_2027 = g_ptr_array_new ();
  for (guint i = 0; i < next->len; i++)
    {
      if (g_str_equal (paraat_exercise_get_title (next->pdata[i]), "Wekelijks"))
        g_ptr_array_add (series_2027, next->pdata[i]);
    }
  g_assert_cmpuint (series_2027->len, >, 0);
  series_copy_uid = paraat_exercise_get_uid (series_2027->pdata[0]);
  g_assert_cmpstr (series_copy_uid, !=, series);
  series_copy = get (fixture->store, series_copy_uid);
  series_start = paraat_exercise_get_start (series_copy);
  /* Tuesday of week 10 */
  assert_local (series_start, "2027-03-09T19:00");
  g_assert_nonnull (strstr (paraat_exercise_get_rrule (series_copy), "UNTIL=20270706"));
  /* The weekly series keeps its Tuesdays and its 17 weeks, from 9 March
   * to 29 June 2027 (UNTIL=20270706: libical reads a date UNTIL as its
   * midnight, so 6 July is left out, as 30 June was in 2026) */
  g_assert_cmpuint (series_2027->len, ==, 17);
  for (guint i = 0; i < series_2027->len; i++)
    {
      g_autoptr(GDateTime) start = paraat_exercise_get_start (series_2027->pdata[i]);

      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 2);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 19);
      if (i == series_2027->len - 1)
        assert_local (start, "2027-06-29T19:00");
    }
  g_assert_cmpuint (next->len, ==, G_N_ELEMENTS (copied) + series_2027->len);

  /* Neither last year's exercise nor the deleted one was copied */
  {
    g_autoptr(GPtrArray) everything = list (fixture->store, NULL, "2020-01-01", "2030-01-01");

    g_assert_cmpuint (count_uid (everything, old), ==, 1);
    for (guint i = 0; i < everything->len; i++)
      {
        g_assert_cmpstr (paraat_exercise_get_title (everything->pdata[i]), !=, "Verwijderd");
        if (g_str_equal (paraat_exercise_get_title (everything->pdata[i]), "Vorig jaar"))
          g_assert_cmpstr (paraat_exercise_get_uid (everything->pdata[i]), ==, old);
      }
  }
}

/* One exercise per case, each copied on its own */
static void
test_exercises_copy_year_weeks (ParaatTestFixture *fixture,
                                gconstpointer      user_data)
{
  const struct {
    int         year;
    const char *start;
    const char *end;
    const char *new_start;
    const char *new_end;
  } cases[] = {
    /* Tuesday of week 12 to Tuesday of week 12, from a year of 53 weeks */
    { 2026, "2026-03-17T09:00:00", "2026-03-17T17:00:00", "2027-03-23T09:00", "2027-03-23T17:00" },
    /* From a year of 52 weeks to one of 53 */
    { 2025, "2025-03-18T09:00:00", "2025-03-18T17:00:00", "2026-03-17T09:00", "2026-03-17T17:00" },
    { 2025, "2025-12-28T09:00:00", "2025-12-28T17:00:00", "2026-12-27T09:00", "2026-12-27T17:00" },
    /* 52 to 52 weeks */
    { 2027, "2027-06-15T19:00:00", "2027-06-15T21:00:00", "2028-06-13T19:00", "2028-06-13T21:00" },
    /* Overnight across the start of summer time (11 hours); the copy does
     * not cross it and keeps the times (12 hours) */
    { 2026, "2026-03-28T20:00:00", "2026-03-29T08:00:00", "2027-04-03T20:00", "2027-04-04T08:00" },
    /* Onto the day summer time starts: still 01:00–05:00 local */
    { 2026, "2026-03-22T01:00:00", "2026-03-22T05:00:00", "2027-03-28T01:00", "2027-03-28T05:00" },
    /* Four whole days across the end of summer time, onto another end */
    { 2026, "2026-10-23", "2026-10-27", "2027-10-29T00:00", "2027-11-02T00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *title = g_strdup_printf ("Geval %u", i);
      g_autofree char *uid = add (fixture->store, title, "VR05", cases[i].start, cases[i].end);
      g_autoptr(ParaatScope) sc = NULL;
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autoptr(GDateTime) old_start = at (cases[i].start);
      g_autoptr(GError) error = NULL;
      ParaatExercise *copy = NULL;
      guint n;

      g_test_message ("%s", cases[i].start);
      n = paraat_store_copy_year (fixture->store, NULL, cases[i].year, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n, ==, 1);
      all = list (fixture->store, NULL, "2020-01-01", "2030-01-01");
      for (guint j = 0; j < all->len; j++)
        {
          if (g_str_equal (paraat_exercise_get_title (all->pdata[j]), title) &&
              !g_str_equal (paraat_exercise_get_uid (all->pdata[j]), uid))
            copy = all->pdata[j];
        }
      g_assert_nonnull (copy);
      start = paraat_exercise_get_start (copy);
      end = paraat_exercise_get_end (copy);
      assert_local (start, cases[i].new_start);
      assert_local (end, cases[i].new_end);
      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, g_date_time_get_day_of_week (old_start));
      g_assert_cmpint (paraat_exercise_get_all_day (copy), ==, strlen (cases[i].start) == 10);

      /* Out of the way of the next case */
      g_assert_true (paraat_store_delete_exercise (fixture->store, uid, &error));
      g_assert_true (paraat_store_delete_exercise (fixture->store, paraat_exercise_get_uid (copy), &error));
      g_assert_no_error (error);
    }
}

static void
test_exercises_copy_year_series (ParaatTestFixture *fixture,
                                 gconstpointer      user_data)
{
  g_autofree char *counted = add_recurring (fixture->store, "Geteld", "2026-01-06T19:00:00", "2026-01-06T21:00:00",
                                            "FREQ=MONTHLY;BYDAY=1TU;COUNT=3");
  /* UNTIL in UTC, at the start of the last drill */
  g_autofree char *until_utc = add_recurring (fixture->store, "Tot", "2026-09-01T19:00:00", "2026-09-01T21:00:00",
                                              "FREQ=WEEKLY;UNTIL=20261020T170000Z");
  g_autofree char *endless = add_recurring (fixture->store, "Zonder eind", "2026-02-02T19:00:00",
                                            "2026-02-02T21:00:00", "FREQ=WEEKLY");
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GError) error = NULL;
  guint n_counted = 0, n_until = 0, n_endless = 0;
  guint n;

  n = paraat_store_copy_year (fixture->store, NULL, 2026, &error);
  g_assert_no_error (error);
  /* The series without an end already runs through 2027 */
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 5);

  next = list (fixture->store, NULL, "2027-01-04", "2028-01-03");
  for (guint i = 0; i < next->len; i++)
    {
      ParaatExercise *occ = next->pdata[i];
      const char *title = paraat_exercise_get_title (occ);
      g_autoptr(GDateTime) start = paraat_exercise_get_start (occ);

      g_assert_cmpint (g_date_time_get_hour (start), ==, 19);
      if (g_str_equal (title, "Geteld"))
        {
          const char *expected[] = { "2027-01-05T19:00", "2027-02-02T19:00", "2027-03-02T19:00" };

          /* The first Tuesday of the month stays one; not the Tuesday of
           * week 2, which the rule would skip */
          g_assert_cmpuint (n_counted, <, G_N_ELEMENTS (expected));
          assert_local (start, expected[n_counted++]);
          g_assert_cmpstr (paraat_exercise_get_rrule (occ), ==, "FREQ=MONTHLY;BYDAY=1TU;COUNT=3");
        }
      else if (g_str_equal (title, "Tot"))
        {
          /* Tuesdays of weeks 36 to 43, as in 2026 */
          g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 2);
          if (n_until++ == 0)
            assert_local (start, "2027-09-07T19:00");
          else if (n_until == 8)
            assert_local (start, "2027-10-26T19:00");
        }
      else if (g_str_equal (title, "Zonder eind"))
        n_endless++;
    }
  g_assert_cmpuint (n_counted, ==, 3);
  g_assert_cmpuint (n_until, ==, 8);
  /* Only the original's occurrences: one a week */
  g_assert_cmpuint (n_endless, ==, 52);

  /* Summer time starts on 25 March 2029 but on 31 March 2030, so the
   * last drill (Sunday 19:00, 17:00 UTC in 2029) moves to a day in
   * winter time (18:00 UTC). The UNTIL moves in local time with it. */
  {
    /* In a region of its own, apart from the series without an end */
    g_autoptr(ParaatExercise) spring = new_exercise ("Voorjaar", "VR06", "2029-03-04T19:00:00",
                                                     "2029-03-04T20:00:00");
    g_autoptr(GPtrArray) before = NULL;
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(GDateTime) last = NULL;

    paraat_exercise_set_rrule (spring, "FREQ=WEEKLY;UNTIL=20290325T170000Z");
    save (fixture->store, spring);
    before = list (fixture->store, "region:VR06", "2029-01-01", "2029-12-31");
    g_assert_cmpuint (before->len, ==, 4);
    n = paraat_store_copy_year (fixture->store, NULL, 2029, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    after = list (fixture->store, "region:VR06", "2030-01-01", "2030-12-31");
    g_assert_cmpuint (after->len, ==, 4);
    last = paraat_exercise_get_start (after->pdata[3]);
    assert_local (last, "2030-03-24T19:00");
    g_assert_cmpint (g_date_time_get_utc_offset (last), ==, G_TIME_SPAN_HOUR);
  }
}

static void
test_exercises_copy_year_scope (ParaatTestFixture *fixture,
                                gconstpointer      user_data)
{
  const char *vr05[] = { "VR05", NULL };
  g_autofree char *own = add (fixture->store, "VR05", "VR05", "2026-05-12T09:00:00", "2026-05-12T12:00:00");
  g_autofree char *other = add (fixture->store, "VR06", "VR06", "2026-05-13T09:00:00", "2026-05-13T12:00:00");
  g_autoptr(ParaatExercise) joint = new_exercise ("VR06 met VR05", "VR06", "2026-05-14T09:00:00",
                                                  "2026-05-14T12:00:00");
  g_autoptr(ParaatScope) sc = scope (fixture->store, "region:VR05");
  g_autoptr(GPtrArray) next = NULL;
  g_autoptr(GError) error = NULL;
  ParaatExercise *joint_copy;
  guint n;

  paraat_exercise_set_regions (joint, vr05);
  save (fixture->store, joint);

  n = paraat_store_copy_year (fixture->store, sc, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  next = list (fixture->store, NULL, "2027-01-01", "2028-01-01");
  g_assert_cmpuint (next->len, ==, 2);
  find_title (next, "VR05");
  joint_copy = find_title (next, "VR06 met VR05");
  g_assert_cmpstrv (paraat_exercise_get_regions (joint_copy), vr05);
  g_assert_cmpint (count_rows (fixture, "exercise"), ==, 5);

  /* Nothing to copy is no error */
  n = paraat_store_copy_year (fixture->store, sc, 2030, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

/* evaluation */

static void
test_exercises_evaluation (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autofree char *planned = add_with_status (fixture->store, "Gepland", "VR05", "2020-05-12T09:00:00",
                                              "2020-05-12T12:00:00", PARAAT_EXERCISE_STATUS_PLANNED);
  g_autofree char *held = add_with_status (fixture->store, "Gehouden", "VR05", "2020-05-13T09:00:00",
                                           "2020-05-13T12:00:00", PARAAT_EXERCISE_STATUS_HELD);
  g_autoptr(ParaatEvaluation) evaluation = paraat_evaluation_new ();
  g_autoptr(ParaatEvaluation) none = NULL;
  g_autoptr(ParaatEvaluation) back = NULL;
  g_autoptr(ParaatEvaluation) again = NULL;
  g_autoptr(ParaatEvaluation) bad = paraat_evaluation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) not_held = NULL;
  g_autoptr(GError) bad_date = NULL;
  g_autoptr(GError) unknown = NULL;

  none = paraat_store_get_evaluation (fixture->store, held, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  paraat_evaluation_set_quick_report (evaluation, "2020-05-14", "QR-2020-7");
  paraat_evaluation_set_final_report (evaluation, "2020-07-01", "EV-2020-3");
  paraat_evaluation_set_lessons (evaluation, "Eerder opschalen.");

  g_assert_false (paraat_store_save_evaluation (fixture->store, planned, evaluation, &not_held));
  g_assert_error (not_held, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (fixture, "evaluation"), ==, 0);

  g_assert_true (paraat_store_save_evaluation (fixture->store, held, evaluation, &error));
  g_assert_no_error (error);
  back = paraat_store_get_evaluation (fixture->store, held, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (paraat_evaluation_get_quick_report_date (back), ==, "2020-05-14");
  g_assert_cmpstr (paraat_evaluation_get_quick_report_ref (back), ==, "QR-2020-7");
  g_assert_cmpstr (paraat_evaluation_get_final_report_date (back), ==, "2020-07-01");
  g_assert_cmpstr (paraat_evaluation_get_final_report_ref (back), ==, "EV-2020-3");
  g_assert_cmpstr (paraat_evaluation_get_lessons (back), ==, "Eerder opschalen.");

  /* Saving again replaces it; an empty date clears it */
  paraat_evaluation_set_lessons (back, "Eerder opschalen; vaker oefenen.");
  paraat_evaluation_set_final_report (back, "", "");
  g_assert_true (paraat_store_save_evaluation (fixture->store, held, back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture, "evaluation"), ==, 1);
  again = paraat_store_get_evaluation (fixture->store, held, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_evaluation_get_lessons (again), ==, "Eerder opschalen; vaker oefenen.");
  g_assert_null (paraat_evaluation_get_final_report_date (again));
  g_assert_cmpstr (paraat_evaluation_get_quick_report_date (again), ==, "2020-05-14");

  paraat_evaluation_set_quick_report (bad, "2020-02-30", "QR");
  g_assert_false (paraat_store_save_evaluation (fixture->store, held, bad, &bad_date));
  g_assert_error (bad_date, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  assert_message_names (bad_date, "2020-02-30");
  g_clear_object (&again);
  again = paraat_store_get_evaluation (fixture->store, held, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_evaluation_get_quick_report_date (again), ==, "2020-05-14");

  g_assert_false (paraat_store_save_evaluation (fixture->store, "onbekend@paraat", evaluation, &unknown));
  g_assert_error (unknown, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
}

/* action items */

#define TODAY "2026-06-15"
#define YESTERDAY "2026-06-14"

static gint64
add_item (ParaatStore        *store,
          const char         *uid,
          const char         *what,
          const char         *due,
          ParaatActionStatus  status)
{
  g_autoptr(ParaatActionItem) item = paraat_action_item_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  paraat_action_item_set_what (item, what);
  paraat_action_item_set_owner (item, "Brandweer");
  paraat_action_item_set_due_date (item, due);
  paraat_action_item_set_status (item, status);
  id = paraat_store_save_action_item (store, uid, item, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (paraat_action_item_get_id (item), ==, id);

  return id;
}

static GPtrArray *
list_items (ParaatStore *store,
            const char  *scope_text,
            const char  *uid,
            gboolean     overdue)
{
  g_autoptr(ParaatScope) sc = scope_text ? scope (store, scope_text) : NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = paraat_store_list_action_items (store, sc, uid, overdue, TODAY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

/* The ids of @items, in order, as "1,2,3" */
static char *
ids_of (GPtrArray *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            paraat_action_item_get_id (items->pdata[i]));

  return g_string_free (text, FALSE);
}

static void
assert_ids (GPtrArray *items,
            ...)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *actual = ids_of (items);
  va_list args;
  gint64 id;

  va_start (args, items);
  while ((id = va_arg (args, gint64)) != 0)
    g_string_append_printf (expected, "%s%" G_GINT64_FORMAT, expected->len ? "," : "", id);
  va_end (args);
  g_assert_cmpstr (actual, ==, expected->str);
}

/* A scope counts the participating regions too, as the calendar does */
static void
test_exercises_actions_scope (ParaatTestFixture *fixture,
                              gconstpointer      user_data)
{
  const char *vr05[] = { "VR05", NULL };
  g_autofree char *own = add_with_status (fixture->store, "Eigen", "VR05", "2020-05-13T09:00:00",
                                          "2020-05-13T12:00:00", PARAAT_EXERCISE_STATUS_HELD);
  g_autofree char *other = add_with_status (fixture->store, "Elders", "VR06", "2020-06-13T09:00:00",
                                            "2020-06-13T12:00:00", PARAAT_EXERCISE_STATUS_HELD);
  g_autoptr(ParaatExercise) joint = new_exercise ("Samen", "VR06", "2020-07-13T09:00:00", "2020-07-13T12:00:00");
  gint64 own_item, other_item, joint_item;
  g_autoptr(GPtrArray) vr05_items = NULL;
  g_autoptr(GPtrArray) vr06_items = NULL;
  g_autoptr(GPtrArray) vr01_items = NULL;
  g_autoptr(GPtrArray) all_items = NULL;
  g_autoptr(GPtrArray) vr05_exercises = NULL;

  paraat_exercise_set_regions (joint, vr05);
  paraat_exercise_set_status (joint, PARAAT_EXERCISE_STATUS_HELD);
  save (fixture->store, joint);
  own_item = add_item (fixture->store, own, "Eigen actie", "2026-06-01", PARAAT_ACTION_OPEN);
  other_item = add_item (fixture->store, other, "Actie elders", "2026-06-02", PARAAT_ACTION_OPEN);
  joint_item = add_item (fixture->store, paraat_exercise_get_uid (joint), "Samen oppakken", "2026-06-03",
                         PARAAT_ACTION_OPEN);

  vr05_items = list_items (fixture->store, "region:VR05", NULL, TRUE);
  vr06_items = list_items (fixture->store, "region:VR06", NULL, TRUE);
  vr01_items = list_items (fixture->store, "region:VR01", NULL, FALSE);
  all_items = list_items (fixture->store, "all", NULL, FALSE);
  assert_ids (vr05_items, own_item, joint_item, (gint64) 0);
  assert_ids (vr06_items, other_item, joint_item, (gint64) 0);
  assert_ids (all_items, own_item, other_item, joint_item, (gint64) 0);
  g_assert_cmpuint (vr01_items->len, ==, 0);
  /* The item still names the organising region */
  g_assert_cmpstr (paraat_action_item_get_region_code (vr05_items->pdata[1]), ==, "VR06");

  /* The same exercises as the calendar shows for the scope */
  vr05_exercises = list (fixture->store, "region:VR05", "2020-01-01", "2021-01-01");
  g_assert_cmpuint (vr05_exercises->len, ==, 2);
  find_title (vr05_exercises, "Eigen");
  find_title (vr05_exercises, "Samen");
}

static void
test_exercises_actions (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autofree char *held = add_with_status (fixture->store, "Gehouden", "VR05", "2020-05-13T09:00:00",
                                           "2020-05-13T12:00:00", PARAAT_EXERCISE_STATUS_HELD);
  g_autofree char *other = add_with_status (fixture->store, "Elders", "VR06", "2020-06-13T09:00:00",
                                            "2020-06-13T12:00:00", PARAAT_EXERCISE_STATUS_HELD);
  g_autofree char *today = paraat_today_iso ();
  gint64 open_late = add_item (fixture->store, held, "Draaiboek bijwerken", YESTERDAY, PARAAT_ACTION_OPEN);
  gint64 busy_late = add_item (fixture->store, held, "Verbindingen testen", "2026-06-01",
                               PARAAT_ACTION_IN_PROGRESS);
  gint64 done_late = add_item (fixture->store, held, "Evaluatie delen", YESTERDAY, PARAAT_ACTION_DONE);
  gint64 due_today = add_item (fixture->store, held, "Vandaag", TODAY, PARAAT_ACTION_OPEN);
  gint64 no_date = add_item (fixture->store, held, "Ooit", NULL, PARAAT_ACTION_OPEN);
  gint64 elsewhere = add_item (fixture->store, other, "In VR06", YESTERDAY, PARAAT_ACTION_OPEN);
  g_autoptr(GPtrArray) of_held = list_items (fixture->store, NULL, held, FALSE);
  g_autoptr(GPtrArray) of_other = list_items (fixture->store, NULL, other, FALSE);
  g_autoptr(GPtrArray) overdue = list_items (fixture->store, NULL, NULL, TRUE);
  g_autoptr(GPtrArray) overdue_all = list_items (fixture->store, "all", NULL, TRUE);
  g_autoptr(GPtrArray) overdue_vr05 = list_items (fixture->store, "region:VR05", NULL, TRUE);
  g_autoptr(GPtrArray) overdue_vr06 = list_items (fixture->store, "region:VR06", NULL, TRUE);
  g_autoptr(GPtrArray) after_done = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autoptr(GPtrArray) of_deleted = NULL;
  g_autoptr(GPtrArray) after_undelete = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autoptr(GError) error = NULL;
  ParaatActionItem *item = NULL;

  /* By due date, items without one last */
  assert_ids (of_held, busy_late, open_late, done_late, due_today, no_date, (gint64) 0);
  assert_ids (of_other, elsewhere, (gint64) 0);
  for (guint i = 0; i < of_held->len; i++)
    {
      ParaatActionItem *it = of_held->pdata[i];

      g_assert_cmpstr (paraat_action_item_get_exercise_uid (it), ==, held);
      g_assert_cmpstr (paraat_action_item_get_exercise_title (it), ==, "Gehouden");
      g_assert_cmpstr (paraat_action_item_get_region_code (it), ==, "VR05");
      g_assert_cmpstr (paraat_action_item_get_owner (it), ==, "Brandweer");
      if (paraat_action_item_get_id (it) == done_late)
        {
          g_assert_cmpint (paraat_action_item_get_status (it), ==, PARAAT_ACTION_DONE);
          g_assert_cmpstr (paraat_action_item_get_done_date (it), ==, today);
        }
      else
        g_assert_null (paraat_action_item_get_done_date (it));
      g_assert_cmpint (paraat_action_item_is_overdue (it, TODAY), ==,
                       paraat_action_item_get_id (it) == open_late || paraat_action_item_get_id (it) == busy_late);
    }

  assert_ids (overdue, busy_late, open_late, elsewhere, (gint64) 0);
  assert_ids (overdue_all, busy_late, open_late, elsewhere, (gint64) 0);
  assert_ids (overdue_vr05, busy_late, open_late, (gint64) 0);
  assert_ids (overdue_vr06, elsewhere, (gint64) 0);

  /* Done: stamped with today, no longer overdue */
  item = of_held->pdata[1];
  g_assert_cmpint (paraat_action_item_get_id (item), ==, open_late);
  paraat_action_item_set_status (item, PARAAT_ACTION_DONE);
  g_assert_cmpint (paraat_store_save_action_item (fixture->store, held, item, &error), ==, open_late);
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_action_item_get_done_date (item), ==, today);
  after_done = list_items (fixture->store, NULL, NULL, TRUE);
  assert_ids (after_done, busy_late, elsewhere, (gint64) 0);
  g_assert_cmpint (count_rows (fixture, "action_item"), ==, 6);

  /* The items of a deleted exercise are not listed */
  g_assert_true (paraat_store_delete_exercise (fixture->store, other, &error));
  g_assert_no_error (error);
  after_delete = list_items (fixture->store, NULL, NULL, TRUE);
  assert_ids (after_delete, busy_late, (gint64) 0);
  of_deleted = list_items (fixture->store, NULL, other, FALSE);
  g_assert_cmpuint (of_deleted->len, ==, 0);
  g_assert_true (paraat_store_undelete_exercise (fixture->store, other, &error));
  g_assert_no_error (error);
  after_undelete = list_items (fixture->store, NULL, NULL, TRUE);
  assert_ids (after_undelete, busy_late, elsewhere, (gint64) 0);

  paraat_test_fixture_reopen_store (fixture);
  reopened = list_items (fixture->store, NULL, held, FALSE);
  g_assert_cmpuint (reopened->len, ==, 5);
  for (guint i = 0; i < reopened->len; i++)
    {
      if (paraat_action_item_get_id (reopened->pdata[i]) == open_late)
        {
          g_assert_cmpint (paraat_action_item_get_status (reopened->pdata[i]), ==, PARAAT_ACTION_DONE);
          g_assert_cmpstr (paraat_action_item_get_done_date (reopened->pdata[i]), ==, today);
        }
    }
}

static void
test_exercises_actions_invalid (ParaatTestFixture *fixture,
                                gconstpointer      user_data)
{
  g_autofree char *held = add_with_status (fixture->store, "Gehouden", "VR05", "2020-05-13T09:00:00",
                                           "2020-05-13T12:00:00", PARAAT_EXERCISE_STATUS_HELD);
  g_autoptr(ParaatActionItem) empty = paraat_action_item_new ();
  g_autoptr(ParaatActionItem) bad_date = paraat_action_item_new ();
  g_autoptr(ParaatActionItem) orphan = paraat_action_item_new ();
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) orphan_error = NULL;

  paraat_action_item_set_what (empty, "");
  g_assert_cmpint (paraat_store_save_action_item (fixture->store, held, empty, &empty_error), ==, 0);
  g_assert_error (empty_error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  assert_message_names (empty_error, "Action");

  paraat_action_item_set_what (bad_date, "Iets");
  paraat_action_item_set_due_date (bad_date, "2026-02-30");
  g_assert_cmpint (paraat_store_save_action_item (fixture->store, held, bad_date, &date_error), ==, 0);
  g_assert_error (date_error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  assert_message_names (date_error, "2026-02-30");

  paraat_action_item_set_what (orphan, "Iets");
  g_assert_cmpint (paraat_store_save_action_item (fixture->store, "onbekend@paraat", orphan, &orphan_error), ==, 0);
  g_assert_error (orphan_error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);

  g_assert_cmpint (count_rows (fixture, "action_item"), ==, 0);
}

/* paraat_parse_when */

static void
test_exercises_parse_when (void)
{
  const struct {
    const char *text;
    const char *utc;        /* NULL: refused */
    gboolean    is_date;
    const char *local;
  } cases[] = {
    { "2026-03-14", "2026-03-13T23:00:00Z", TRUE, "2026-03-14T00:00" },
    { "2026-07-14", "2026-07-13T22:00:00Z", TRUE, "2026-07-14T00:00" },
    { "2026-03-14T09:30", "2026-03-14T08:30:00Z", FALSE, "2026-03-14T09:30" },
    { "2026-03-14 09:30", "2026-03-14T08:30:00Z", FALSE, "2026-03-14T09:30" },
    { "2026-07-14T09:30", "2026-07-14T07:30:00Z", FALSE, "2026-07-14T09:30" },
    { "2026-03-14T09:30:00", "2026-03-14T08:30:00Z", FALSE, "2026-03-14T09:30" },
    { "2026-03-14T09:30:00+01:00", "2026-03-14T08:30:00Z", FALSE, "2026-03-14T09:30" },
    { "2026-03-14T09:30:00Z", "2026-03-14T09:30:00Z", FALSE, "2026-03-14T10:30" },
    { "", NULL, FALSE, NULL },
    { "morgen", NULL, FALSE, NULL },
    { "2026-13-01", NULL, FALSE, NULL },
    { "2026-02-30", NULL, FALSE, NULL },
    { "2026-3-14", NULL, FALSE, NULL },
    { "2026-03-14T25:00", NULL, FALSE, NULL },
    { "2026-03-14T09:30 extra", NULL, FALSE, NULL },
    { "14-03-2026", NULL, FALSE, NULL },
  };
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_assert_false (paraat_parse_when (NULL, PARAAT_DEFAULT_TZID, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) when = NULL;
      gboolean is_date = !cases[i].is_date;
      gboolean ok = paraat_parse_when (cases[i].text, PARAAT_DEFAULT_TZID, &when, &is_date);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].utc == NULL)
        {
          g_assert_false (ok);
          continue;
        }
      {
        g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (cases[i].utc, utc);

        g_assert_true (ok);
        g_assert_nonnull (when);
        g_assert_cmpint (is_date, ==, cases[i].is_date);
        g_assert_cmpint (g_date_time_to_unix (when), ==, g_date_time_to_unix (expected));
        /* In the zone asked for, whatever offset the text had */
        assert_local (when, cases[i].local);
      }
    }
}

/* DAILY and WEEKLY rules with only INTERVAL and COUNT are walked without
 * libical's iterator. The same rule with a BYMONTH that keeps every month
 * goes through libical: both must give the same occurrences, across the
 * DST changes, on a time that does not exist or exists twice, all day. */
static void
test_exercises_dst_simple_rules (ParaatTestFixture *fixture,
                                 gconstpointer      user_data)
{
  static const struct {
    const char *start;
    const char *end;
    const char *rrule;
    guint       n;   /* 0: open-ended, within the window */
  } cases[] = {
    { "2026-03-20T02:30:00", "2026-03-20T04:00:00", "FREQ=DAILY;COUNT=40", 40 },
    { "2026-10-20T02:30:00", "2026-10-20T03:00:00", "FREQ=DAILY;INTERVAL=3;COUNT=30", 30 },
    { "2026-03-08T19:00:00", "2026-03-08T21:00:00", "FREQ=WEEKLY;COUNT=10", 10 },
    { "2026-10-04T23:30:00", "2026-10-05T01:00:00", "FREQ=WEEKLY;INTERVAL=2;COUNT=12", 12 },
    { "2026-03-27", "2026-03-30", "FREQ=WEEKLY;COUNT=8", 8 },
    { "2026-10-24", "2026-10-25", "FREQ=DAILY;INTERVAL=2;COUNT=9", 9 },
    { "2026-01-05T19:00:00", "2026-01-05T21:00:00", "FREQ=WEEKLY", 0 },
    { "2026-12-30T09:00:00", "2026-12-30T09:30:00", "FREQ=DAILY;INTERVAL=5", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *rule = g_strdup_printf ("%s;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12", cases[i].rrule);
      g_autofree char *simple = add_recurring (fixture->store, "Eenvoudig", cases[i].start, cases[i].end,
                                               cases[i].rrule);
      g_autofree char *by_libical = add_recurring (fixture->store, "Via libical", cases[i].start, cases[i].end,
                                                   rule);
      g_autoptr(GPtrArray) all = list (fixture->store, NULL, "2025-12-01", "2028-03-01");
      g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (guint k = 0; k < all->len; k++)
        {
          ParaatExercise *occ = all->pdata[k];
          gint64 times[] = { paraat_exercise_get_start_utc (occ), paraat_exercise_get_end_utc (occ) };

          if (g_str_equal (paraat_exercise_get_uid (occ), simple))
            g_array_append_vals (a, times, 2);
          else if (g_str_equal (paraat_exercise_get_uid (occ), by_libical))
            g_array_append_vals (b, times, 2);
        }
      g_test_message ("%s from %s: %u occurrences", cases[i].rrule, cases[i].start, a->len / 2);
      if (cases[i].n > 0)
        g_assert_cmpuint (b->len, ==, 2 * cases[i].n);
      else
        g_assert_cmpuint (b->len, >, 2 * 50);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint k = 0; k < a->len; k++)
        g_assert_cmpint (g_array_index (a, gint64, k), ==, g_array_index (b, gint64, k));

      /* Out of the way of the next case */
      g_assert_true (paraat_store_delete_exercise (fixture->store, simple, NULL));
      g_assert_true (paraat_store_delete_exercise (fixture->store, by_libical, NULL));
    }
}

/* paraat_time_zone_get_offset_at() remembers intervals; it must say what
 * GLib says, second by second at the changes and anywhere else, in any
 * order of asking, for zones with and without DST */
static void
test_utils_zone_offsets (void)
{
  static const char * const zones[] = { "Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "UTC",
                                        "+05:30" };
  /* 2026-03-29T01:00:00Z and 2026-10-25T01:00:00Z: Amsterdam's changes */
  static const gint64 changes[] = { 1774746000, 1792890000 };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);
      gint64 utc = 0;

      g_assert_nonnull (tz);
      for (guint n = 0; n < 3000; n++)
        {
          g_autoptr(GDateTime) instant = NULL;
          g_autoptr(GDateTime) local = NULL;
          GDate date;
          int y, m, d;

          if (n < 2 * G_N_ELEMENTS (changes) * 3)
            utc = changes[n / 6 % G_N_ELEMENTS (changes)] + (int) (n % 3) - 1;
          else if (n % 2)
            /* 1900 to 2100 */
            utc = (gint64) g_test_rand_double_range (-2208988800.0, 4102444800.0);
          else
            /* Near the last one: the cache's neighbours */
            utc += g_test_rand_int_range (-40 * 86400, 40 * 86400);
          instant = g_date_time_new_from_unix_utc (utc);
          local = g_date_time_to_timezone (instant, tz);
          g_assert_cmpint (paraat_time_zone_get_offset_at (tz, utc), ==,
                           g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND);
          paraat_local_date (tz, utc, &date);
          g_date_time_get_ymd (local, &y, &m, &d);
          g_assert_true (g_date_valid (&date));
          g_assert_cmpint (g_date_get_year (&date), ==, y);
          g_assert_cmpint (g_date_get_month (&date), ==, m);
          g_assert_cmpint (g_date_get_day (&date), ==, d);
        }
    }
}

/* paraat_time_zone_local_to_utc() may decline near a change of offset,
 * but what it answers is what g_date_time_new() says, for wall times
 * every quarter of an hour around the changes and anywhere else */
static void
test_utils_zone_local_to_utc (void)
{
  static const char * const zones[] = { "Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe",
                                        "Pacific/Apia", "UTC", "+05:30" };
  /* 2026-03-29T02:00 and 2026-10-25T02:00 as wall times: Amsterdam's
   * changes; 2011-12-30, the day Samoa skipped */
  static const gint64 changes[] = { 1774749600, 1792893600, 1325203200 };

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);
      guint n_random = 0, n_answered = 0;

      g_assert_nonnull (tz);
      for (guint c = 0; c < G_N_ELEMENTS (changes) + 1; c++)
        {
          for (int q = -4 * 24 * 4; q <= 4 * 24 * 4; q++)
            {
              gint64 local = c < G_N_ELEMENTS (changes)
                             ? changes[c] + q * 900
                             /* 1900 to 2100 */
                             : (gint64) g_test_rand_double_range (-2208988800.0, 4102444800.0);
              g_autoptr(GDateTime) wall = g_date_time_new_from_unix_utc (local);
              g_autoptr(GDateTime) expected = g_date_time_new (tz, g_date_time_get_year (wall),
                                                               g_date_time_get_month (wall),
                                                               g_date_time_get_day_of_month (wall),
                                                               g_date_time_get_hour (wall),
                                                               g_date_time_get_minute (wall),
                                                               g_date_time_get_second (wall));
              gint64 utc;

              n_random += c == G_N_ELEMENTS (changes);
              if (!paraat_time_zone_local_to_utc (tz, local, &utc))
                continue;
              n_answered += c == G_N_ELEMENTS (changes);
              g_assert_cmpint (utc, ==, g_date_time_to_unix (expected));
            }
        }
      /* It declines only near the changes: rarely at random */
      g_assert_cmpuint (n_answered, >, n_random * 9 / 10);
    }
}

/* paraat_dmy_get_day() counts as GDate does, on every day GDate knows */
static void
test_utils_dmy_get_day (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1);
  while (g_date_get_year (&date) <= 9999)
    {
      g_assert_cmpint (paraat_dmy_get_day (g_date_get_year (&date), g_date_get_month (&date),
                                           g_date_get_day (&date)),
                       ==, paraat_date_get_day (&date));
      g_date_add_days (&date, 1);
    }
  g_assert_cmpint (paraat_dmy_get_day (1970, 1, 1), ==, 0);
}

/* The series end of a plain DAILY or WEEKLY rule with COUNT is computed
 * without walking the series; it must be what the walk finds, across
 * DST changes and for all-day series. The same rule with its BYDAY
 * spelled out is walked. */
static void
test_exercises_series_end_plain (ParaatTestFixture *fixture,
                                 gconstpointer      user_data)
{
  static const struct {
    const char *start;
    const char *end;
    const char *plain;
    const char *walked;
  } cases[] = {
    { "2026-03-19T19:00:00", "2026-03-19T21:30:00", "FREQ=WEEKLY;COUNT=10", "FREQ=WEEKLY;COUNT=10;BYDAY=TH" },
    { "2026-10-20T08:00:00", "2026-10-21T17:00:00", "FREQ=WEEKLY;INTERVAL=2;COUNT=7",
      "FREQ=WEEKLY;INTERVAL=2;COUNT=7;BYDAY=TU" },
    { "2026-03-27", "2026-03-30", "FREQ=WEEKLY;COUNT=3", "FREQ=WEEKLY;COUNT=3;BYDAY=FR" },
    { "2026-03-28T02:30:00", "2026-03-28T03:00:00", "FREQ=DAILY;COUNT=5",
      "FREQ=DAILY;COUNT=5;BYDAY=MO,TU,WE,TH,FR,SA,SU" },
    { "2026-10-24", "2026-10-25", "FREQ=DAILY;INTERVAL=3;COUNT=4",
      "FREQ=DAILY;INTERVAL=3;COUNT=4;BYHOUR=0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = add_recurring (fixture->store, "Plain", cases[i].start, cases[i].end,
                                              cases[i].plain);
      g_autofree char *walked = add_recurring (fixture->store, "Walked", cases[i].start, cases[i].end,
                                               cases[i].walked);
      g_autofree char *sql = g_strdup_printf ("SELECT count (DISTINCT series_end_utc) FROM exercise"
                                              " WHERE uid IN ('%s', '%s') AND series_end_utc > end_utc",
                                              plain, walked);

      g_test_message ("%s %s", cases[i].start, cases[i].plain);
      g_assert_cmpint (paraat_test_query_int (fixture->path, sql), ==, 1);
    }
}

/* Exercises made in one thread and freed in another, as the import's
 * reader and writer do: their shared strings must survive it (GLib 2.74
 * could hand out an interned string that another thread was freeing). */
static gpointer
make_exercises (gpointer data)
{
  GAsyncQueue *queue = data;

  for (guint i = 0; i < 100000; i++)
    {
      ParaatExercise *ex = paraat_exercise_new ();

      paraat_exercise_set_type_code (ex, i % 2 ? "ROT" : "CPX");
      paraat_exercise_set_region_code (ex, "VR05");
      g_async_queue_push (queue, ex);
    }

  return NULL;
}

static void
test_exercises_shared_strings_threads (void)
{
  g_autoptr(GAsyncQueue) queue = g_async_queue_new ();
  GThread *maker = g_thread_new ("maker", make_exercises, queue);

  for (guint i = 0; i < 100000; i++)
    {
      g_autoptr(ParaatExercise) ex = g_async_queue_pop (queue);

      g_assert_cmpstr (paraat_exercise_get_region_code (ex), ==, "VR05");
    }
  g_thread_join (maker);
}

/* Past the first megabyte of distinct values, shared strings are
 * counted (see paraat-exercise.c): equal values are still one string,
 * and made in one thread and freed in another they still survive (and
 * the sanitizer run sees none leak). */
static gpointer
make_counted_exercises (gpointer data)
{
  GAsyncQueue *queue = data;

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *place = g_strdup_printf ("Oefenterrein %u, voorbij de eerste megabyte", i % 7);
      ParaatExercise *ex = paraat_exercise_new ();

      paraat_exercise_set_location (ex, place);
      g_async_queue_push (queue, ex);
    }

  return NULL;
}

static void
test_exercises_shared_strings_counted (void)
{
  g_autoptr(ParaatExercise) filler = paraat_exercise_new ();
  g_autoptr(ParaatExercise) a = paraat_exercise_new ();
  g_autoptr(ParaatExercise) b = paraat_exercise_new ();
  g_autoptr(GAsyncQueue) queue = g_async_queue_new ();
  GThread *maker;

  /* 1.3 MB of distinct places: the last ones are counted */
  for (guint i = 0; i < 40000; i++)
    {
      g_autofree char *place = g_strdup_printf ("Verzamelplaats nummer %06u", i);

      paraat_exercise_set_location (filler, place);
      g_assert_cmpstr (paraat_exercise_get_location (filler), ==, place);
    }
  paraat_exercise_set_location (a, "Kazerne voorbij de eerste megabyte");
  paraat_exercise_set_location (b, "Kazerne voorbij de eerste megabyte");
  g_assert_true (paraat_exercise_get_location (a) == paraat_exercise_get_location (b));
  g_clear_object (&a);
  g_assert_cmpstr (paraat_exercise_get_location (b), ==, "Kazerne voorbij de eerste megabyte");

  maker = g_thread_new ("maker", make_counted_exercises, queue);
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(ParaatExercise) ex = g_async_queue_pop (queue);

      g_assert_true (g_str_has_prefix (paraat_exercise_get_location (ex), "Oefenterrein "));
    }
  g_thread_join (maker);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  paraat_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, ParaatTestFixture, NULL, paraat_test_fixture_set_up_store, func, \
              paraat_test_fixture_tear_down)

  ADD ("/core/exercises/add/round-trip", test_exercises_add);
  ADD ("/core/exercises/series-end/plain", test_exercises_series_end_plain);
  ADD ("/core/exercises/add/own-region", test_exercises_add_own_region);
  ADD ("/core/exercises/add/duplicate-uid", test_exercises_add_duplicate_uid);
  ADD ("/core/exercises/add/failure-keeps-new", test_exercises_add_failure_keeps_new);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      char *path = g_strconcat ("/core/exercises/validate/", invalid_cases[i].path, NULL);

      g_ptr_array_add (paths, path);
      g_test_add (path, ParaatTestFixture, &invalid_cases[i], paraat_test_fixture_set_up_store,
                  test_exercises_invalid, paraat_test_fixture_tear_down);
    }
  ADD ("/core/exercises/validate/update", test_exercises_invalid_update);
  ADD ("/core/exercises/validate/held-in-past", test_exercises_held_in_past);
  g_test_add_func ("/core/exercises/validate/tz", test_exercises_invalid_tz);
  ADD ("/core/exercises/update/sequence", test_exercises_update_sequence);
  ADD ("/core/exercises/update/postpone", test_exercises_update_postpone);
  ADD ("/core/exercises/update/move-draft", test_exercises_update_move_draft);
  ADD ("/core/exercises/range/boundaries", test_exercises_range_boundaries);
  ADD ("/core/exercises/range/long", test_exercises_range_long);
  ADD ("/core/exercises/range/scope", test_exercises_range_scope);
  ADD ("/core/exercises/range/lists", test_exercises_range_lists);
  ADD ("/core/exercises/range/delete", test_exercises_delete);
  ADD ("/core/exercises/dst/timed", test_exercises_dst_timed);
  ADD ("/core/exercises/dst/monthly", test_exercises_dst_monthly);
  ADD ("/core/exercises/dst/all-day-weekly", test_exercises_dst_all_day_weekly);
  ADD ("/core/exercises/dst/infinite", test_exercises_dst_infinite);
  ADD ("/core/exercises/dst/walk-again", test_exercises_dst_walk_again);
  ADD ("/core/exercises/dst/day-boundaries", test_exercises_day_boundaries);
  ADD ("/core/exercises/dst/until-utc", test_exercises_recurrence_until_utc);
  ADD ("/core/exercises/dst/simple-rules", test_exercises_dst_simple_rules);
  ADD ("/core/exercises/shift/days", test_exercises_shift);
  ADD ("/core/exercises/shift/atomic", test_exercises_shift_atomic);
  ADD ("/core/exercises/copy-year/all", test_exercises_copy_year);
  ADD ("/core/exercises/copy-year/scope", test_exercises_copy_year_scope);
  ADD ("/core/exercises/copy-year/weeks", test_exercises_copy_year_weeks);
  ADD ("/core/exercises/copy-year/series", test_exercises_copy_year_series);
  ADD ("/core/exercises/evaluation", test_exercises_evaluation);
  ADD ("/core/exercises/actions/overdue", test_exercises_actions);
  ADD ("/core/exercises/actions/invalid", test_exercises_actions_invalid);
  ADD ("/core/exercises/actions/scope", test_exercises_actions_scope);
  g_test_add_func ("/core/exercises/parse-when", test_exercises_parse_when);
  g_test_add_func ("/core/utils/zone-offsets", test_utils_zone_offsets);
  g_test_add_func ("/core/utils/zone-local-to-utc", test_utils_zone_local_to_utc);
  g_test_add_func ("/core/utils/dmy-get-day", test_utils_dmy_get_day);
  g_test_add_func ("/core/exercises/shared-strings/threads", test_exercises_shared_strings_threads);
  g_test_add_func ("/core/exercises/shared-strings/counted", test_exercises_shared_strings_counted);

#undef ADD

  return g_test_run ();
}
