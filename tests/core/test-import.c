/* test-import.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing calendars: the demo's export into an empty database and out
 * again, the same file twice, SEQUENCE, events that disappear, hostile
 * files, cancellation in the middle of the transaction, a plan made in
 * another thread, a Defence calendar seen by the alignment rules, a
 * merged export of exercises and imported events, imported again, and the
 * demo's Defence calendar, which must be what an import stores. Most run
 * twice: with a full plan (the app's preview) and with one that keeps no
 * events (PARAAT_IMPORT_PLAN_NO_EVENTS, the CLI's).
 */

#include "config.h"

#include <string.h>

#include "paraat-calendar-reader.h"
#include "paraat-calendar.h"
#include "paraat-conflicts.h"
#include "paraat-exchange.h"
#include "paraat-exercise-private.h"
#include "paraat-ical.h"
#include "paraat-import.h"
#include "paraat-import-private.h"
#include "paraat-store-private.h"
#include "paraat-test-utils.h"
#include "paraat-xcal.h"

/* Set by the fixture's set-up for the test that follows */
static ParaatImportPlanFlags plan_flags;

static void
set_up_full (ParaatTestFixture *fixture,
             gconstpointer      user_data)
{
  plan_flags = PARAAT_IMPORT_PLAN_DEFAULT;
  paraat_test_fixture_set_up_store (fixture, user_data);
}

static void
set_up_no_events (ParaatTestFixture *fixture,
                  gconstpointer      user_data)
{
  plan_flags = PARAAT_IMPORT_PLAN_NO_EVENTS;
  paraat_test_fixture_set_up_store (fixture, user_data);
}

static char *
data_path (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static GPtrArray *
fill_demo (ParaatStore *store)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JUNE, 2026);
  g_autoptr(GError) error = NULL;
  GPtrArray *series;

  g_assert_true (paraat_store_fill_demo (store, today, &error));
  g_assert_no_error (error);
  series = paraat_store_list_series (store, NULL, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, >, 100);

  return series;
}

static char *
export_to (ParaatTestFixture *fixture,
           GPtrArray         *exercises,
           const char        *name,
           gboolean           xcal)
{
  g_autofree char *path = paraat_test_fixture_build_path (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  if (xcal)
    g_assert_true (paraat_export_xcal (exercises, "Demo", G_OUTPUT_STREAM (stream), &error));
  else
    g_assert_true (paraat_export_ics (exercises, "Demo", G_OUTPUT_STREAM (stream), &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));

  return g_steal_pointer (&path);
}

static ParaatImportPlan *
plan_files (ParaatStore       *store,
            const char        *source,
            ParaatSourceKind   kind,
            const char        *path)
{
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  ParaatImportPlan *plan = paraat_import_plan_new_full (store, source, kind, paths, plan_flags, NULL, NULL, NULL,
                                                         &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  for (guint i = 0; i < paraat_import_plan_get_warnings (plan)->len; i++)
    g_test_message ("%s", (const char *) paraat_import_plan_get_warnings (plan)->pdata[i]);

  return plan;
}

static void
apply (ParaatImportPlan *plan,
       ParaatStore      *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_import_plan_apply (plan, store, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_counts (ParaatImportPlan *plan,
               guint             n_new,
               guint             n_changed,
               guint             n_unchanged,
               guint             n_removed,
               guint             n_skipped)
{
  ParaatImportCounts counts;

  paraat_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.n_new, ==, n_new);
  g_assert_cmpuint (counts.n_changed, ==, n_changed);
  g_assert_cmpuint (counts.n_unchanged, ==, n_unchanged);
  g_assert_cmpuint (counts.n_removed, ==, n_removed);
  g_assert_cmpuint (counts.n_skipped, ==, n_skipped);
}

/* Export, import into an empty database, export again */

static void
assert_same_exercise (ParaatExercise *a,
                      ParaatExercise *b)
{
  g_assert_cmpstr (a->uid, ==, b->uid);
  g_assert_cmpuint (a->sequence, ==, b->sequence);
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->type_code, ==, b->type_code);
  g_assert_cmpstr (a->grip_code, ==, b->grip_code);
  g_assert_cmpstr (a->region_code, ==, b->region_code);
  g_assert_cmpstrv (a->regions, b->regions);
  g_assert_cmpstrv (a->disciplines, b->disciplines);
  g_assert_cmpstrv (a->organisations, b->organisations);
  g_assert_cmpint (a->start_utc, ==, b->start_utc);
  g_assert_cmpint (a->end_utc, ==, b->end_utc);
  g_assert_cmpint (a->all_day, ==, b->all_day);
  g_assert_cmpstr (a->tzid, ==, b->tzid);
  g_assert_cmpstr (a->location, ==, b->location);
  g_assert_cmpint (a->has_geo, ==, b->has_geo);
  g_assert_cmpstr (a->scenario_code, ==, b->scenario_code);
  g_assert_cmpint (a->defence, ==, b->defence);
  g_assert_cmpstr (a->defence_units, ==, b->defence_units);
  g_assert_cmpint (a->ovr_observer, ==, b->ovr_observer);
  g_assert_cmpuint (a->reservists, ==, b->reservists);
  g_assert_cmpint (a->status, ==, b->status);
}

static void
test_import_round_trip (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  gboolean xcal = GPOINTER_TO_INT (user_data);
  g_autoptr(GPtrArray) series = fill_demo (fixture->store);
  g_autofree char *exported = export_to (fixture, series, xcal ? "demo.xcal.xml" : "demo.ics", xcal);
  g_autofree char *other_path = paraat_test_fixture_build_path (fixture, "empty.db");
  g_autoptr(ParaatStore) other = NULL;
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(ParaatImportPlan) again = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autofree char *reexported = NULL;
  g_autoptr(GError) error = NULL;

  other = paraat_store_open (other_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  plan = plan_files (other, "VR05 Twente", PARAAT_SOURCE_KIND_REGION, exported);
  g_assert_true (paraat_import_plan_get_new_source (plan));
  assert_counts (plan, series->len, 0, 0, 0, 0);
  apply (plan, other);

  imported = paraat_store_list_series (other, NULL, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imported->len, ==, series->len);
  for (guint i = 0; i < series->len; i++)
    assert_same_exercise (series->pdata[i], imported->pdata[i]);

  /* SEQUENCE and LAST-MODIFIED are the file's, so the export is the same
   * file, byte for byte. */
  reexported = export_to (fixture, imported, xcal ? "again.xcal.xml" : "again.ics", xcal);
  first_bytes = paraat_test_read_bytes (exported);
  second_bytes = paraat_test_read_bytes (reexported);
  paraat_test_assert_bytes_equal (first_bytes, second_bytes);

  sources = paraat_store_list_sources (other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 1);
  g_assert_cmpstr (paraat_source_get_name (sources->pdata[0]), ==, "VR05 Twente");
  g_assert_cmpint (paraat_source_get_kind (sources->pdata[0]), ==, PARAAT_SOURCE_KIND_REGION);
  g_assert_cmpint (paraat_source_get_last_import_utc (sources->pdata[0]), >, 0);

  /* The region's own database knows them all already. */
  again = plan_files (fixture->store, "VR05 Twente", PARAAT_SOURCE_KIND_REGION, exported);
  assert_counts (again, 0, 0, series->len, 0, 0);
}

/* A Defence calendar */

#define EVENT_COLUMNS \
  "uid, sequence, recurrence_id, summary, start_utc, end_utc, status, removed, region_code, regions, units," \
  " availability, raw"

static char *
dump_events (ParaatTestFixture *fixture)
{
  return paraat_test_dump_table (fixture->path, "source_event", EVENT_COLUMNS);
}

static void
test_import_idempotent (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autofree char *path = data_path ("import", "defence-43mb.ics");
  g_autoptr(ParaatImportPlan) first = NULL;
  g_autoptr(ParaatImportPlan) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  first = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, path);
  /* The name comes from X-WR-CALNAME */
  g_assert_cmpstr (paraat_import_plan_get_source_name (first), ==, "43 Gemechaniseerde Brigade");
  assert_counts (first, 3, 0, 0, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_import_plan_get_events (first)), ==,
                    plan_flags & PARAAT_IMPORT_PLAN_NO_EVENTS ? 0 : 3);
  apply (first, fixture->store);
  /* Every source event keeps its VEVENT's text */
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"
                                                         " WHERE raw NOT LIKE 'BEGIN:VEVENT%'"), ==, 0);
  before = dump_events (fixture);

  second = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_OTHER, path);
  g_assert_false (paraat_import_plan_get_new_source (second));
  /* An existing source keeps its kind */
  g_assert_cmpint (paraat_import_plan_get_source_kind (second), ==, PARAAT_SOURCE_KIND_DEFENCE);
  assert_counts (second, 0, 0, 3, 0, 0);
  apply (second, fixture->store);
  after = dump_events (fixture);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_sequence_and_removed (ParaatTestFixture *fixture,
                                  gconstpointer      user_data)
{
  g_autofree char *v1 = data_path ("import", "defence-43mb.ics");
  g_autofree char *v2 = data_path ("import", "defence-43mb-v2.ics");
  const char *source = "43 Gemechaniseerde Brigade";
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(ParaatImportEvent) removed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_removed = 0;

  plan = plan_files (fixture->store, source, PARAAT_SOURCE_KIND_DEFENCE, v1);
  apply (plan, fixture->store);
  g_clear_pointer (&plan, paraat_import_plan_free);

  /* 001 has SEQUENCE 1 and moved a day, 002 is the same, 003 is gone */
  plan = plan_files (fixture->store, source, PARAAT_SOURCE_KIND_DEFENCE, v2);
  assert_counts (plan, 0, 1, 1, 1, 0);
  if (!(plan_flags & PARAAT_IMPORT_PLAN_NO_EVENTS))
    {
      removed = g_list_model_get_item (paraat_import_plan_get_events (plan), 2);
      g_assert_cmpint (paraat_import_event_get_state (removed), ==, PARAAT_IMPORT_STATE_REMOVED);
      g_assert_cmpstr (paraat_import_event_get_uid (removed), ==, "43mb-2026-003@mil.example");
    }
  apply (plan, fixture->store);
  g_clear_pointer (&plan, paraat_import_plan_free);

  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT start_utc FROM source_event"
                                                         " WHERE uid = '43mb-2026-001@mil.example'"), ==,
                   1780380000);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT removed FROM source_event"
                                                         " WHERE uid = '43mb-2026-003@mil.example'"), ==, 1);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 3);

  /* Removed events stay visible in the calendar, marked */
  items = paraat_store_list_source_events (fixture->store, NULL, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];

      n_removed += item->removed;
      g_assert_cmpstr (item->calendar, ==, source);
    }
  g_assert_cmpuint (n_removed, ==, 1);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The old file again: 001's lower SEQUENCE does not overwrite, 003
   * comes back. */
  plan = plan_files (fixture->store, source, PARAAT_SOURCE_KIND_DEFENCE, v1);
  assert_counts (plan, 0, 1, 2, 0, 0);
  apply (plan, fixture->store);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT start_utc FROM source_event"
                                                         " WHERE uid = '43mb-2026-001@mil.example'"), ==,
                   1780380000);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT sum (removed) FROM source_event"), ==, 0);
}

static void
test_import_hostile (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "xcal", "hostile", NULL);
  g_autofree char *good = data_path ("import", "defence-43mb.ics");
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  plan = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, good);
  apply (plan, fixture->store);
  /* Closed and opened again, so the file holds everything written */
  paraat_test_fixture_reopen_store (fixture);
  before = paraat_test_read_bytes (fixture->path);

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      /* A good file first: the whole import fails, not just the bad file */
      const char *paths[] = { good, path, NULL };
      g_autoptr(ParaatImportPlan) bad = NULL;
      g_autoptr(GError) local_error = NULL;

      bad = paraat_import_plan_new_full (fixture->store, "43 Gemechaniseerde Brigade", PARAAT_SOURCE_KIND_DEFENCE,
                                         paths, plan_flags, NULL, NULL, NULL, &local_error);
      g_assert_null (bad);
      g_assert_error (local_error, PARAAT_READER_ERROR, local_error->code);
      g_assert_true (g_str_has_prefix (local_error->message, name));
      n++;
    }
  g_assert_cmpuint (n, >, 10);

  paraat_test_fixture_close_store (fixture);
  {
    g_autoptr(GBytes) after = paraat_test_read_bytes (fixture->path);

    paraat_test_assert_bytes_equal (before, after);
  }
}

/* Times at the very ends of what libical and GLib hold: the preview
 * still says when, in UTC where the local time has no GDateTime */
static const char far_dates_ics[] =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\n"
  "BEGIN:VEVENT\r\nUID:far@mil.example\r\nDTSTAMP:20260101T000000Z\r\n"
  "DTSTART:99991231T220000Z\r\nDTEND:99991231T230000Z\r\nSUMMARY:Far\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:early@mil.example\r\nDTSTAMP:20260101T000000Z\r\n"
  "DTSTART:00010101T000000Z\r\nDTEND:00010101T010000Z\r\nSUMMARY:Early\r\nEND:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_import_far_dates (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autofree char *path = paraat_test_fixture_build_path (fixture, "far.ics");
  g_autoptr(ParaatImportPlan) plan = NULL;
  GListModel *events;

  paraat_test_write_bytes (path, far_dates_ics, strlen (far_dates_ics));
  plan = plan_files (fixture->store, "Far", PARAAT_SOURCE_KIND_DEFENCE, path);
  events = paraat_import_plan_get_events (plan);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ParaatImportEvent) event = g_list_model_get_item (events, i);
      g_autofree char *when = paraat_import_event_format_when (event);

      g_assert_nonnull (when);
      g_test_message ("%s: %s", paraat_import_event_get_summary (event), when);
      if (i == 0)
        g_assert_nonnull (strstr (when, "9999"));
      else
        g_assert_cmpstr (when, !=, "");
    }
}

static void
on_update_cb (void          *user_data,
              int            op,
              const char    *database,
              const char    *table,
              sqlite3_int64  rowid)
{
  GCancellable *cancellable = user_data;

  if (g_str_equal (table, "source_event"))
    g_cancellable_cancel (cancellable);
}

static void
test_import_cancel (ParaatTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autofree char *path = data_path ("import", "defence-43mb.ics");
  g_autoptr(ParaatImportPlan) plan = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  paraat_test_fixture_reopen_store (fixture);
  before = paraat_test_dump_database (fixture->path);

  /* Cancelled after the first event is written, inside the transaction */
  sqlite3_update_hook (fixture->store->db, on_update_cb, cancellable);
  g_assert_false (paraat_import_plan_apply (plan, fixture->store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  sqlite3_update_hook (fixture->store->db, NULL, NULL);

  g_assert_true (sqlite3_get_autocommit (fixture->store->db));
  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM calendar_source"), ==, 0);

  /* The same plan applies once not cancelled */
  g_clear_error (&error);
  apply (plan, fixture->store);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 3);
}

typedef struct
{
  ParaatStore      *store;
  const char       *path;
  ParaatImportPlan *plan;
  double            last_fraction;
  guint             n_progress;
  GThread          *caller;
  gboolean          in_caller;
} ThreadData;

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  ThreadData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last_fraction);
  data->last_fraction = fraction;
  data->n_progress++;
  data->in_caller |= g_thread_self () == data->caller;
}

static gpointer
plan_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;
  const char *paths[] = { data->path, NULL };
  g_autoptr(GError) error = NULL;

  data->plan = paraat_import_plan_new_full (data->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, paths, plan_flags, NULL,
                                            on_progress_cb, data, &error);
  g_assert_no_error (error);

  return NULL;
}

static void
test_import_thread (ParaatTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autofree char *path = data_path ("import", "defence-43mb.ics");
  ThreadData data = { fixture->store, path, NULL, 0.0, 0, g_thread_self (), FALSE };
  GThread *thread;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  thread = g_thread_new ("import", plan_in_thread, &data);
  /* The main thread keeps using its store meanwhile */
  for (guint i = 0; i < 20; i++)
    {
      g_clear_pointer (&sources, g_ptr_array_unref);
      sources = paraat_store_list_sources (fixture->store, &error);
      g_assert_no_error (error);
    }
  g_thread_join (thread);

  g_assert_nonnull (data.plan);
  g_assert_false (data.in_caller);
  g_assert_cmpuint (data.n_progress, >=, 2);
  g_assert_cmpfloat (data.last_fraction, ==, 1.0);
  assert_counts (data.plan, 3, 0, 0, 0, 0);
  apply (data.plan, fixture->store);
  paraat_import_plan_free (data.plan);
}

static void
test_import_sources (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autofree char *path = data_path ("import", "defence-43mb.ics");
  g_autoptr(ParaatImportPlan) plan = plan_files (fixture->store, "Brigade", PARAAT_SOURCE_KIND_DEFENCE, path);
  g_autoptr(ParaatSource) source = NULL;
  g_autoptr(ParaatSource) other = paraat_source_new ("RMC Noord");
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *region = NULL;

  paraat_import_plan_set_organisation (plan, "43 Gemechaniseerde Brigade");
  paraat_import_plan_set_colour (plan, "#3584e4");
  apply (plan, fixture->store);

  source = paraat_store_find_source (fixture->store, "Brigade", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (paraat_source_get_organisation (source), ==, "43 Gemechaniseerde Brigade");
  g_assert_cmpstr (paraat_source_get_colour (source), ==, "#3584e4");
  g_assert_cmpstr (paraat_source_get_last_file (source), ==, "defence-43mb.ics");
  g_assert_cmpuint (paraat_source_get_n_events (source), ==, 3);

  /* Region from LOCATION ("regio Twente"), units from RESOURCES,
   * availability from TRANSP and X-PARAAT-AVAILABILITY */
  items = paraat_store_list_source_events (fixture->store, NULL, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];

      g_assert_cmpint (item->source, ==, PARAAT_ITEM_SOURCE_EXTERNAL);
      g_assert_cmpstr (item->colour, ==, "#3584e4");
      if (g_str_equal (item->uid, "43mb-2026-003@mil.example"))
        {
          region = item->region_code;
          g_assert_cmpint (item->availability, ==, PARAAT_AVAILABILITY_AVAILABLE);
          g_assert_cmpint (item->status, ==, PARAAT_EXERCISE_STATUS_PLANNED);
          g_assert_cmpstr (item->units[0], ==, "43 Geneeskundige Compagnie");
        }
      else if (g_str_equal (item->uid, "43mb-2026-002@mil.example"))
        {
          g_assert_cmpint (item->availability, ==, PARAAT_AVAILABILITY_UNAVAILABLE);
          g_assert_true (item->all_day);
        }
    }
  g_assert_cmpstr (region, ==, "VR05");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Hidden: gone from the views */
  paraat_source_set_visible (source, FALSE);
  g_assert_true (paraat_store_save_source (fixture->store, source, &error));
  g_assert_no_error (error);
  items = paraat_store_list_source_events (fixture->store, NULL, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);

  /* Names are unique */
  g_assert_true (paraat_store_save_source (fixture->store, other, &error));
  g_assert_no_error (error);
  paraat_source_set_name (other, "Brigade");
  g_assert_false (paraat_store_save_source (fixture->store, other, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  sources = paraat_store_list_sources (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sources->len, ==, 2);

  /* Deleting a source deletes its events */
  g_assert_true (paraat_store_delete_source (fixture->store, "Brigade", &error));
  g_assert_no_error (error);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 0);
  g_assert_false (paraat_store_delete_source (fixture->store, "Brigade", &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
}

/* The calendar views' read-only exercises from the visible sources */

static guint
count_uid (GPtrArray  *exercises,
           const char *uid)
{
  guint n = 0;

  for (guint i = 0; i < exercises->len; i++)
    n += g_str_equal (paraat_exercise_get_uid (exercises->pdata[i]), uid);

  return n;
}

static void
test_import_source_exercises (ParaatTestFixture *fixture,
                              gconstpointer      user_data)
{
  g_autofree char *path = data_path ("import", "defence-43mb.ics");
  g_autofree char *v2 = data_path ("import", "defence-43mb-v2.ics");
  g_autoptr(ParaatImportPlan) plan = plan_files (fixture->store, "Brigade", PARAAT_SOURCE_KIND_DEFENCE, path);
  g_autoptr(ParaatImportPlan) plan2 = NULL;
  g_autoptr(ParaatScope) vr01 = NULL;
  g_autoptr(ParaatScope) vr05 = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ParaatExercise) copy = NULL;
  g_autoptr(ParaatExercise) draft = NULL;
  g_autoptr(GError) error = NULL;
  ParaatExercise *sparrow = NULL;

  paraat_import_plan_set_organisation (plan, "43 Gemechaniseerde Brigade");
  paraat_import_plan_set_colour (plan, "#3584e4");
  apply (plan, fixture->store);

  all = paraat_store_list_source_exercises (fixture->store, NULL, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < all->len; i++)
    {
      ParaatExercise *ex = all->pdata[i];

      g_assert_true (paraat_exercise_is_imported (ex));
      g_assert_cmpint (paraat_exercise_get_calendar_id (ex), >, 0);
      g_assert_cmpstr (paraat_exercise_get_calendar (ex), ==, "Brigade");
      g_assert_cmpstr (paraat_exercise_get_calendar_organisation (ex), ==, "43 Gemechaniseerde Brigade");
      g_assert_cmpstr (paraat_exercise_get_calendar_colour (ex), ==, "#3584e4");
      g_assert_cmpstr (paraat_exercise_get_kind_key (ex), ==, "@Brigade");
      g_assert_false (paraat_exercise_is_removed (ex));
      if (i > 0)
        g_assert_cmpint (paraat_exercise_get_start_utc (all->pdata[i - 1]), <=, paraat_exercise_get_start_utc (ex));
      if (g_str_equal (paraat_exercise_get_uid (ex), "43mb-2026-001@mil.example"))
        sparrow = ex;
    }
  g_assert_nonnull (sparrow);
  g_assert_cmpstr (paraat_exercise_get_title (sparrow), ==, "Oefening Bold Sparrow");
  g_assert_cmpstr (paraat_exercise_get_location (sparrow), ==, "Havelte");
  g_assert_cmpstr (paraat_exercise_get_region_code (sparrow), ==, "VR05");
  g_assert_cmpstr (paraat_exercise_get_defence_units (sparrow), ==, "43 Herstelcompagnie");
  g_assert_cmpint (paraat_exercise_get_start_utc (sparrow), ==, 1780293600); /* 2026-06-01T06:00:00Z */
  g_assert_cmpint (paraat_exercise_get_status (sparrow), ==, PARAAT_EXERCISE_STATUS_CONFIRMED);

  /* A copy keeps the calendar; a duplicate is an exercise of one's own */
  copy = paraat_exercise_copy (sparrow);
  g_assert_cmpstr (paraat_exercise_get_calendar (copy), ==, "Brigade");
  draft = paraat_exercise_duplicate (sparrow);
  g_assert_false (paraat_exercise_is_imported (draft));
  g_assert_cmpstr (paraat_exercise_get_kind_key (draft), ==, "");
  g_assert_cmpint (paraat_exercise_get_status (draft), ==, PARAAT_EXERCISE_STATUS_DRAFT);

  /* Scope: events naming a region in it, and those naming none */
  vr01 = paraat_scope_resolve (fixture->store, "region:VR01", "2026-06-01", &error);
  g_assert_no_error (error);
  list = paraat_store_list_source_exercises (fixture->store, vr01, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (count_uid (list, "43mb-2026-002@mil.example"), ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  vr05 = paraat_scope_resolve (fixture->store, "region:VR05", "2026-06-01", &error);
  g_assert_no_error (error);
  list = paraat_store_list_source_exercises (fixture->store, vr05, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Period: [from, to) — June 2026 holds only Bold Sparrow */
  list = paraat_store_list_source_exercises (fixture->store, NULL, 1780264800 /* 2026-06-01 local */,
                                             1782856800 /* 2026-07-01 local */, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (count_uid (list, "43mb-2026-001@mil.example"), ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A removed event stays in view, cancelled and marked removed */
  plan2 = plan_files (fixture->store, "Brigade", PARAAT_SOURCE_KIND_DEFENCE, v2);
  apply (plan2, fixture->store);
  list = paraat_store_list_source_exercises (fixture->store, NULL, G_MININT64 / 2, G_MAXINT64 / 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < list->len; i++)
    {
      ParaatExercise *ex = list->pdata[i];
      gboolean gone = g_str_equal (paraat_exercise_get_uid (ex), "43mb-2026-003@mil.example");

      g_assert_cmpint (paraat_exercise_is_removed (ex), ==, gone);
      if (gone)
        g_assert_cmpint (paraat_exercise_get_status (ex), ==, PARAAT_EXERCISE_STATUS_CANCELLED);
    }
}

/* Alignment sees the Defence calendar */

static void
save_exercise (ParaatStore *store,
               const char  *uid,
               const char  *region,
               const char  *start_text,
               const char  *end_text,
               const char  *units)
{
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 (start_text, NULL);
  g_autoptr(GDateTime) end = g_date_time_new_from_iso8601 (end_text, NULL);
  g_autoptr(GError) error = NULL;

  paraat_exercise_set_uid (ex, uid);
  paraat_exercise_set_title (ex, uid);
  paraat_exercise_set_type_code (ex, "TABLETOP");
  paraat_exercise_set_region_code (ex, region);
  paraat_exercise_set_times (ex, start, end, FALSE);
  paraat_exercise_set_defence (ex, PARAAT_DEFENCE_REQUESTED);
  paraat_exercise_set_defence_units (ex, units);
  paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_PLANNED);
  g_assert_true (paraat_store_save_exercise (store, ex, NULL, NULL, &error));
  g_assert_no_error (error);
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (paraat_finding_get_rule_id (findings->pdata[i]), rule);

  return n;
}

static void
test_import_alignment (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autofree char *path = data_path ("import", "defence-43mb.ics");
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(ParaatConflictRules) rules = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from = 1767225600;  /* 2026-01-01 */
  gint64 to = 1798761600;    /* 2027-01-01 */

  /* Counts on the engineers during their maintenance: rule 2 */
  save_exercise (fixture->store, "unavailable@test", "VR05", "2026-07-22T08:00:00Z", "2026-07-22T16:00:00Z",
                 "43 Geniecompagnie");
  /* Requested where no Defence event is near: rule 4 */
  save_exercise (fixture->store, "lonely@test", "VR01", "2026-10-20T08:00:00Z", "2026-10-20T16:00:00Z",
                 "11 Luchtmobiele Brigade");

  rules = paraat_conflict_rules_new_default (&error);
  g_assert_no_error (error);

  /* Before the import, rule 4 waits for a Defence calendar */
  before = paraat_store_list_calendar_items (fixture->store, NULL, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);

  plan = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, path);
  apply (plan, fixture->store);

  items = paraat_store_list_calendar_items (fixture->store, NULL, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 5);
  findings = paraat_conflicts_analyze (rules, items, NULL, NULL);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", paraat_finding_get_rule_id (findings->pdata[i]),
                    paraat_finding_get_explanation (findings->pdata[i]));
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_UNIT_UNAVAILABLE), ==, 1);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_REQUEST_NOT_ALIGNED), ==, 1);
  /* Bold Sparrow (VR05, June) and the open day (regio Twente, September)
   * have no exercise near them */
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_DEFENCE_EVENT_UNMATCHED), ==, 2);
}

/* A merged export */

static char *
export_merged (ParaatStore          *store,
               ParaatScope          *scope,
               const char           *path,
               gboolean              xcal,
               ParaatExportFlags     flags,
               guint                *n_exported)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_exchange_export_file (store, scope, G_MININT64, G_MAXINT64,
                                              xcal ? PARAAT_EXCHANGE_FORMAT_XCAL : PARAAT_EXCHANGE_FORMAT_ICS,
                                              flags, "Merged", path, n_exported, &error));
  g_assert_no_error (error);

  return g_strdup (path);
}

static void
assert_valid (const char *path,
              guint       n_expected)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n_events = 0;

  /* The xCal schema, or libical's strict parse and icalrestriction_check */
  g_assert_true (paraat_exchange_validate_file (path, NULL, &n_events, messages, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < messages->len; i++)
    g_test_message ("%s: %s", path, (const char *) messages->pdata[i]);
  g_assert_cmpuint (messages->len, ==, 0);
  g_assert_cmpuint (n_events, ==, n_expected);
}

static void
test_import_merged_export (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  gboolean xcal = GPOINTER_TO_INT (user_data);
  g_autofree char *v1 = data_path ("import", "defence-43mb.ics");
  g_autofree char *v2 = data_path ("import", "defence-43mb-v2.ics");
  g_autofree char *rmc = data_path ("import", "rmc-noord-outlook.ics");
  g_autofree char *path = paraat_test_fixture_build_path (fixture, xcal ? "merged.xml" : "merged.ics");
  g_autofree char *other_path = paraat_test_fixture_build_path (fixture, "other.db");
  g_autofree char *again_path = paraat_test_fixture_build_path (fixture, xcal ? "again.xml" : "again.ics");
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(ParaatStore) other = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0, n_sourced = 0, n_overrides = 0;

  save_exercise (fixture->store, "vr05@test", "VR05", "2026-06-03T08:00:00Z", "2026-06-03T16:00:00Z",
                 "43 Herstelcompagnie");
  save_exercise (fixture->store, "vr01@test", "VR01", "2026-09-10T08:00:00Z", "2026-09-10T12:00:00Z", "RMC Noord");
  /* 001 changed, 002 the same, 003 removed */
  apply (plan = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, v1), fixture->store);
  g_clear_pointer (&plan, paraat_import_plan_free);
  apply (plan = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, v2), fixture->store);
  g_clear_pointer (&plan, paraat_import_plan_free);
  /* Outlook's zone name, a cancelled event, 002 again, a series with one
   * occurrence moved */
  apply (plan = plan_files (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, rmc), fixture->store);
  g_clear_pointer (&plan, paraat_import_plan_free);

  /* Without the flag: the exercises only, as before */
  g_free (export_merged (fixture->store, NULL, path, xcal, 0, &n));
  g_assert_cmpuint (n, ==, 2);

  /* 2 exercises; the brigade's 001 and 002; RMC Noord's 001, 002
   * (cancelled) and 003 with its moved occurrence; not 003 (removed) nor
   * the brigade's 002 a second time */
  exported = export_merged (fixture->store, NULL, path, xcal, PARAAT_EXPORT_SOURCES, &n);
  g_assert_cmpuint (n, ==, 8);
  assert_valid (exported, 8);

  vcalendar = paraat_exchange_load (exported, NULL, NULL, messages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vcalendar);
  g_assert_cmpuint (messages->len, ==, 0);
  g_assert_cmpint (icalcomponent_count_components (vcalendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  for (icalcomponent *vevent = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT); vevent != NULL;
       vevent = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (vevent);
      const char *source = paraat_ical_find_x (vevent, "X-PARAAT-SOURCE");
      icalproperty *rid = icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY);

      g_assert_cmpstr (uid, !=, "43mb-2026-003@mil.example");
      if (rid != NULL)
        n_overrides++;
      else
        g_assert_true (g_hash_table_add (uids, g_strdup (uid)));
      if (g_str_has_suffix (uid, "@test"))
        {
          g_assert_null (source);
          continue;
        }
      n_sourced++;
      if (g_str_has_prefix (uid, "43mb-"))
        g_assert_cmpstr (source, ==, "43 Gemechaniseerde Brigade");
      else
        g_assert_cmpstr (source, ==, "RMC Noord");
      if (g_str_equal (uid, "43mb-2026-001@mil.example"))
        g_assert_cmpint (icalcomponent_get_sequence (vevent), ==, 1);
      if (g_str_equal (uid, "rmc-noord-002@mil.example"))
        g_assert_cmpint (icalcomponent_get_status (vevent), ==, ICAL_STATUS_CANCELLED);
      if (g_str_equal (uid, "rmc-noord-001@mil.example"))
        {
          icalproperty *dtstart = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
          icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
          icalproperty *organizer = icalcomponent_get_first_property (vevent, ICAL_ORGANIZER_PROPERTY);

          /* The instant stays: 09:00 summer time in the Outlook zone */
          g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Amsterdam");
          g_assert_cmpint (icaltime_as_timet_with_zone (icalcomponent_get_dtstart (vevent),
                                                        icaltimezone_get_builtin_timezone ("Europe/Amsterdam")),
                           ==, 1789023600);
          g_assert_cmpstr (icalproperty_get_organizer (organizer), ==, "mailto:rmc-noord@mil.example");
          g_assert_cmpint (icalcomponent_get_sequence (vevent), ==, 2);
        }
    }
  g_assert_cmpuint (n_sourced, ==, 6);
  g_assert_cmpuint (n_overrides, ==, 1);

  /* The scope as the calendar shows it: VR05's exercise, Bold Sparrow
   * (VR05) and the one event in the period that names no region */
  scope = paraat_scope_resolve (fixture->store, "region:VR05", "2026-06-15", &error);
  g_assert_no_error (error);
  g_free (export_merged (fixture->store, scope, path, xcal, PARAAT_EXPORT_SOURCES, &n));
  g_assert_cmpuint (n, ==, 3);
  assert_valid (path, 3);
  g_free (export_merged (fixture->store, NULL, path, xcal, PARAAT_EXPORT_SOURCES, &n));

  /* Imported again where it was made: nothing doubles */
  plan = plan_files (fixture->store, "Merged", PARAAT_SOURCE_KIND_OTHER, exported);
  assert_counts (plan, 0, 0, 2, 0, 6);
  apply (plan, fixture->store);
  g_clear_pointer (&plan, paraat_import_plan_free);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM exercise"), ==, 2);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 8);
  /* … also as a region's calendar: imported events are never exercises */
  plan = plan_files (fixture->store, "Merged", PARAAT_SOURCE_KIND_REGION, exported);
  assert_counts (plan, 0, 0, 2, 0, 6);
  g_clear_pointer (&plan, paraat_import_plan_free);

  /* Into another region's database: the exercises as exercises, the rest
   * as the source's events, the publishers' UIDs kept */
  other = paraat_store_open (other_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plan = plan_files (other, "VR05 merged", PARAAT_SOURCE_KIND_REGION, exported);
  assert_counts (plan, 8, 0, 0, 0, 0);
  apply (plan, other);
  g_clear_pointer (&plan, paraat_import_plan_free);
  g_assert_cmpint (paraat_test_query_int (other_path, "SELECT count (*) FROM exercise"), ==, 2);
  g_assert_cmpint (paraat_test_query_int (other_path, "SELECT count (*) FROM source_event"), ==, 6);
  g_assert_cmpint (paraat_test_query_int (other_path, "SELECT count (*) FROM source_event"
                                                      " WHERE uid = 'rmc-noord-001@mil.example'"), ==, 1);
  again = export_merged (other, NULL, again_path, xcal, PARAAT_EXPORT_SOURCES, &n);
  g_assert_cmpuint (n, ==, 8);
  assert_valid (again, 8);
  /* and a second time changes nothing */
  plan = plan_files (other, "VR05 merged", PARAAT_SOURCE_KIND_REGION, exported);
  assert_counts (plan, 0, 0, 8, 0, 0);
  g_clear_pointer (&plan, paraat_import_plan_free);

  /* A region's own exercise, passed on as another calendar's event by
   * someone else's merged export, does not come back as an event */
  g_assert_true (g_file_set_contents (again_path,
                                      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\n"
                                      "BEGIN:VEVENT\r\nUID:vr05@test\r\nDTSTAMP:20260101T000000Z\r\n"
                                      "DTSTART:20260603T080000Z\r\nDTEND:20260603T160000Z\r\n"
                                      "SUMMARY:vr05@test\r\nX-PARAAT-REGION:VR05\r\nX-PARAAT-SOURCE:VR05\r\n"
                                      "END:VEVENT\r\nEND:VCALENDAR\r\n", -1, &error));
  g_assert_no_error (error);
  plan = plan_files (fixture->store, "Passed on", PARAAT_SOURCE_KIND_OTHER, again_path);
  assert_counts (plan, 0, 0, 0, 0, 1);
}

/* The demo's Defence calendar, written out as a file and imported into
 * an empty database, gives the same rows: the demo stores what an import
 * would. */
static void
test_import_demo_calendar (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  const char *name = "Jaarplanning 43 Gemechaniseerde Brigade";
  g_autoptr(GPtrArray) series = fill_demo (fixture->store);
  g_autofree char *path = paraat_test_fixture_build_path (fixture, "demo-43mb.ics");
  g_autofree char *other_path = paraat_test_fixture_build_path (fixture, "other.db");
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\n");
  g_autoptr(ParaatSource) source = NULL;
  g_autoptr(ParaatStore) other = NULL;
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  guint n = 0;

  source = paraat_store_find_source (fixture->store, name, &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_source_get_kind (source), ==, PARAAT_SOURCE_KIND_DEFENCE);
  g_assert_cmpstr (paraat_source_get_organisation (source), ==, "43 Gemechaniseerde Brigade");
  g_assert_cmpuint (paraat_source_get_n_events (source), >, 40);

  g_assert_cmpint (sqlite3_prepare_v2 (fixture->store->db, "SELECT raw FROM source_event ORDER BY id", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append (text, (const char *) sqlite3_column_text (stmt, 0));
      n++;
    }
  sqlite3_finalize (stmt);
  g_string_append (text, "END:VCALENDAR\r\n");
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  g_assert_no_error (error);

  other = paraat_store_open (other_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  plan = plan_files (other, name, PARAAT_SOURCE_KIND_DEFENCE, path);
  g_assert_cmpuint (paraat_import_plan_get_warnings (plan)->len, ==, 0);
  assert_counts (plan, n, 0, 0, 0, 0);
  apply (plan, other);

  before = paraat_test_dump_table (fixture->path, "source_event", EVENT_COLUMNS);
  after = paraat_test_dump_table (other_path, "source_event", EVENT_COLUMNS);
  g_assert_cmpstr (before, ==, after);

  /* The demo's merged calendar is valid in both formats */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *merged = paraat_test_fixture_build_path (fixture, i ? "demo.xml" : "demo.ics");
      guint n_exported = 0;

      g_free (export_merged (fixture->store, NULL, merged, i, PARAAT_EXPORT_SOURCES, &n_exported));
      g_assert_cmpuint (n_exported, ==, series->len + n);
      assert_valid (merged, n_exported);
    }
}

/* The same UID twice: the higher SEQUENCE wins, wherever it is */
static const char duplicate_ics[] =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\n"
  "BEGIN:VEVENT\r\nUID:dup@mil.example\r\nSEQUENCE:0\r\nDTSTAMP:20260101T090000Z\r\n"
  "DTSTART:20260601T060000Z\r\nDTEND:20260601T150000Z\r\nSUMMARY:First\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:other@mil.example\r\nDTSTAMP:20260101T090000Z\r\n"
  "DTSTART:20260602T060000Z\r\nDTEND:20260602T150000Z\r\nSUMMARY:Other\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:dup@mil.example\r\nSEQUENCE:2\r\nDTSTAMP:20260101T090000Z\r\n"
  "DTSTART:20260603T060000Z\r\nDTEND:20260603T150000Z\r\nSUMMARY:Second\r\nEND:VEVENT\r\n"
  "BEGIN:VEVENT\r\nUID:dup@mil.example\r\nSEQUENCE:1\r\nDTSTAMP:20260101T090000Z\r\n"
  "DTSTART:20260604T060000Z\r\nDTEND:20260604T150000Z\r\nSUMMARY:Third\r\nEND:VEVENT\r\n"
  "END:VCALENDAR\r\n";

/* A zone the file defines only after an event that uses it, in a file
 * read after one that defines it first: each event sees only the zones
 * its own file defined before it */
static const char late_zone_ics[] =
  "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\n"
  "BEGIN:VEVENT\r\nUID:early@mil.example\r\nDTSTAMP:20260101T090000Z\r\n"
  "DTSTART;TZID=W. Europe Standard Time:20260701T090000\r\n"
  "DTEND;TZID=W. Europe Standard Time:20260701T100000\r\nSUMMARY:Early\r\nEND:VEVENT\r\n"
  "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\n"
  "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
  "TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\n"
  "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
  "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0300\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
  "BEGIN:VEVENT\r\nUID:late@mil.example\r\nDTSTAMP:20260101T090000Z\r\n"
  "DTSTART;TZID=W. Europe Standard Time:20260702T090000\r\n"
  "DTEND;TZID=W. Europe Standard Time:20260702T100000\r\nSUMMARY:Late\r\nEND:VEVENT\r\n"
  "END:VCALENDAR\r\n";

static void
test_import_duplicate_uid (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autofree char *path = paraat_test_fixture_build_path (fixture, "duplicate.ics");
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autofree char *summary = NULL;

  paraat_test_write_bytes (path, duplicate_ics, strlen (duplicate_ics));
  plan = plan_files (fixture->store, "Brigade", PARAAT_SOURCE_KIND_DEFENCE, path);
  assert_counts (plan, 2, 0, 0, 0, 0);
  g_assert_cmpuint (paraat_import_plan_get_warnings (plan)->len, ==, 2);
  apply (plan, fixture->store);

  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 2);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT sequence FROM source_event"
                                                         " WHERE uid = 'dup@mil.example'"), ==, 2);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT start_utc FROM source_event"
                                                         " WHERE uid = 'dup@mil.example'"), ==, 1780466400);
}

/* A plan without events reads the files again to apply: a file changed
 * since fails the whole import and writes nothing. */
static void
test_import_changed_file (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autofree char *path = paraat_test_fixture_build_path (fixture, "changed.ics");
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *paths[] = { path, NULL };

  paraat_test_write_bytes (path, duplicate_ics, strlen (duplicate_ics));
  plan = paraat_import_plan_new_full (fixture->store, "Brigade", PARAAT_SOURCE_KIND_DEFENCE, paths,
                                      PARAAT_IMPORT_PLAN_NO_EVENTS, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  paraat_test_fixture_reopen_store (fixture);
  before = paraat_test_dump_database (fixture->path);

  /* Shorter: another size */
  paraat_test_write_bytes (path, duplicate_ics, strlen (duplicate_ics) - 2);
  g_assert_false (paraat_import_plan_apply (plan, fixture->store, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (sqlite3_get_autocommit (fixture->store->db));
  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* paraat_import_run(): one read, one transaction, and the same result
 * as a plan without events and its apply */

/* Every column the import writes, but the times of the import itself
 * (last_import_utc, changed_at) */
static char *
dump_import_tables (const char *path)
{
  static const struct {
    const char *table;
    const char *columns;
  } tables[] = {
    { "calendar_source", "id, name, organisation, colour, kind, last_file, visible" },
    { "source_event", "id, source_id, " EVENT_COLUMNS ", description, location, tzid, all_day, rrule, organiser" },
    { "exercise", "id, uid, sequence, title, description, type_code, grip_code, region_code, start_utc, end_utc,"
                  " all_day, tzid, location, latitude, longitude, scenario_code, defence, defence_units,"
                  " ovr_observer, reservists, status, rrule, series_end_utc, created, modified, deleted" },
    { "exercise_region", "exercise_id, region_code" },
    { "exercise_discipline", "exercise_id, discipline_code" },
    { "exercise_organisation", "exercise_id, organisation" },
    { "exercise_history", "id, exercise_id, who, reason, field, old_value, new_value" },
  };
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *rows = paraat_test_dump_table (path, tables[i].table, tables[i].columns);

      g_string_append_printf (out, "%s:\n%s", tables[i].table, rows);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_same_plan (ParaatImportPlan *a,
                  ParaatImportPlan *b)
{
  GPtrArray *wa = paraat_import_plan_get_warnings (a);
  GPtrArray *wb = paraat_import_plan_get_warnings (b);
  ParaatImportCounts ca, cb;

  paraat_import_plan_get_counts (a, &ca);
  paraat_import_plan_get_counts (b, &cb);
  g_assert_cmpuint (ca.n_new, ==, cb.n_new);
  g_assert_cmpuint (ca.n_changed, ==, cb.n_changed);
  g_assert_cmpuint (ca.n_unchanged, ==, cb.n_unchanged);
  g_assert_cmpuint (ca.n_removed, ==, cb.n_removed);
  g_assert_cmpuint (ca.n_skipped, ==, cb.n_skipped);
  g_assert_cmpstr (paraat_import_plan_get_source_name (a), ==, paraat_import_plan_get_source_name (b));
  g_assert_cmpint (paraat_import_plan_get_source_kind (a), ==, paraat_import_plan_get_source_kind (b));
  g_assert_cmpint (paraat_import_plan_get_new_source (a), ==, paraat_import_plan_get_new_source (b));
  g_assert_cmpuint (wa->len, ==, wb->len);
  for (guint i = 0; i < wa->len; i++)
    g_assert_cmpstr (wa->pdata[i], ==, wb->pdata[i]);
}

/* Imports @paths into @planned with a plan (of the fixture's
 * plan_flags) and its apply and into @run with paraat_import_run(),
 * checks that both did the same and returns the counts */
static void
import_both (ParaatStore        *planned,
             const char         *planned_path,
             ParaatStore        *run,
             const char         *run_path,
             const char         *source,
             ParaatSourceKind    kind,
             const char * const *paths,
             ParaatImportCounts *counts)
{
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(ParaatImportPlan) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  plan = paraat_import_plan_new_full (planned, source, kind, paths, plan_flags, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  paraat_import_plan_set_organisation (plan, "Defensie");
  apply (plan, planned);

  done = paraat_import_run (run, source, kind, "Defensie", NULL, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (done);
  g_assert_true (sqlite3_get_autocommit (run->db));
  /* The CHECKs the run left out are back on */
  g_assert_cmpint (paraat_test_db_query_int (run->db, "PRAGMA ignore_check_constraints"), ==, 0);
  assert_same_plan (plan, done);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_import_plan_get_events (done)), ==, 0);

  a = dump_import_tables (planned_path);
  b = dump_import_tables (run_path);
  g_assert_cmpstr (a, ==, b);
  paraat_import_plan_get_counts (done, counts);
}

static ParaatExercise *
changed_copy (ParaatExercise *ex,
              guint           raise,
              const char     *title,
              gint64          move)
{
  ParaatExercise *copy = paraat_exercise_copy (ex);

  copy->sequence += raise;
  paraat_exercise_set_title (copy, title);
  copy->start_utc += move;
  copy->end_utc += move;

  return copy;
}

static void
test_import_run_same_as_plan (ParaatTestFixture *fixture,
                              gconstpointer      user_data)
{
  g_autofree char *v1 = data_path ("import", "defence-43mb.ics");
  g_autofree char *v2 = data_path ("import", "defence-43mb-v2.ics");
  g_autofree char *duplicate = paraat_test_fixture_build_path (fixture, "duplicate.ics");
  g_autofree char *outlook = data_path ("import", "rmc-noord-outlook.ics");
  g_autofree char *late_zone = paraat_test_fixture_build_path (fixture, "late-zone.ics");
  g_autofree char *demo_path = paraat_test_fixture_build_path (fixture, "demo.db");
  g_autofree char *run_path = paraat_test_fixture_build_path (fixture, "run.db");
  g_autofree char *fresh_planned_path = paraat_test_fixture_build_path (fixture, "fresh-planned.db");
  g_autofree char *fresh_run_path = paraat_test_fixture_build_path (fixture, "fresh-run.db");
  g_autoptr(ParaatStore) demo = NULL;
  g_autoptr(ParaatStore) run = NULL;
  g_autoptr(ParaatStore) fresh_planned = NULL;
  g_autoptr(ParaatStore) fresh_run = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *original = NULL;
  g_autofree char *changed_path = NULL;
  g_autofree char *again_path = NULL;
  g_autoptr(GError) error = NULL;
  ParaatImportCounts counts;
  const char *defence_v1[] = { v1, NULL };
  const char *defence_v2[] = { v2, NULL };
  const char *duplicates[] = { duplicate, NULL };
  const char *zones[] = { outlook, late_zone, NULL };
  const char *region_original[] = { NULL, NULL };
  const char *region_changed[] = { NULL, NULL };
  const char *region_both[] = { NULL, NULL, NULL };

  /* Whichever side of the run makes the events, they are the same */
  paraat_import_set_split (GPOINTER_TO_INT (user_data));

  run = paraat_store_open (run_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* A Defence calendar named by its X-WR-CALNAME: new, then changed,
   * unchanged and removed, then back after the removal */
  import_both (fixture->store, fixture->path, run, run_path, NULL, PARAAT_SOURCE_KIND_DEFENCE, defence_v1, &counts);
  g_assert_cmpuint (counts.n_new, ==, 3);
  import_both (fixture->store, fixture->path, run, run_path, NULL, PARAAT_SOURCE_KIND_DEFENCE, defence_v2, &counts);
  g_assert_cmpuint (counts.n_changed, ==, 1);
  g_assert_cmpuint (counts.n_unchanged, ==, 1);
  g_assert_cmpuint (counts.n_removed, ==, 1);
  import_both (fixture->store, fixture->path, run, run_path, NULL, PARAAT_SOURCE_KIND_DEFENCE, defence_v1, &counts);
  g_assert_cmpuint (counts.n_changed, ==, 1);
  g_assert_cmpuint (counts.n_unchanged, ==, 2);

  /* A UID twice, the later with the higher SEQUENCE: the run has written
   * the first already, takes it back and reads again */
  paraat_test_write_bytes (duplicate, duplicate_ics, strlen (duplicate_ics));
  import_both (fixture->store, fixture->path, run, run_path, "Brigade", PARAAT_SOURCE_KIND_DEFENCE, duplicates,
               &counts);
  g_assert_cmpuint (counts.n_new, ==, 2);
  import_both (fixture->store, fixture->path, run, run_path, "Brigade", PARAAT_SOURCE_KIND_DEFENCE, duplicates,
               &counts);
  g_assert_cmpuint (counts.n_unchanged, ==, 2);

  /* Zones are the file's own, and only those read before the event */
  paraat_test_write_bytes (late_zone, late_zone_ics, strlen (late_zone_ics));
  import_both (fixture->store, fixture->path, run, run_path, "Zones", PARAAT_SOURCE_KIND_DEFENCE, zones, &counts);
  g_assert_cmpuint (counts.n_new, ==, 7);
  /* 09:00 in the file's own zone, three hours ahead of UTC in July
   * (2026-07-02T06:00Z); the event before the zone did not get it */
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT start_utc FROM source_event WHERE uid = 'late@mil.example'"),
                   ==, 1782972000);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT start_utc FROM source_event WHERE uid = 'early@mil.example'")
                   % 3600, ==, 0);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT start_utc FROM source_event WHERE uid = 'early@mil.example'"),
                   !=, 1782972000 - 86400);

  /* A region's exercises: the first changed and moved, the second
   * changed twice in one file (the one with the higher SEQUENCE comes
   * last), once into a database that has them and once into one that
   * does not */
  demo = paraat_store_open (demo_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  series = fill_demo (demo);
  for (guint i = 0; i < series->len; i++)
    {
      ParaatExercise *ex = series->pdata[i];

      if (i == 0)
        g_ptr_array_add (changed, changed_copy (ex, 1, "Moved a day", 86400));
      else if (i == 1)
        g_ptr_array_add (changed, changed_copy (ex, 1, "Changed once", 0));
      else
        g_ptr_array_add (changed, g_object_ref (ex));
      g_ptr_array_add (again, g_object_ref (ex));
    }
  g_ptr_array_add (changed, changed_copy (series->pdata[1], 2, "Changed twice", 3600));
  original = export_to (fixture, series, "original.ics", FALSE);
  changed_path = export_to (fixture, changed, "changed.ics", FALSE);
  again_path = export_to (fixture, again, "again.xcal.xml", TRUE);
  region_original[0] = original;
  region_changed[0] = changed_path;
  region_both[0] = changed_path;
  region_both[1] = again_path;

  import_both (fixture->store, fixture->path, run, run_path, "VR05", PARAAT_SOURCE_KIND_REGION, region_original,
               &counts);
  g_assert_cmpuint (counts.n_new, ==, series->len);
  import_both (fixture->store, fixture->path, run, run_path, "VR05", PARAAT_SOURCE_KIND_REGION, region_changed,
               &counts);
  g_assert_cmpuint (counts.n_changed, ==, 2);
  g_assert_cmpuint (counts.n_unchanged, ==, series->len - 2);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT count (*) FROM exercise WHERE title = 'Changed twice'"),
                   ==, 1);
  /* Two files, the second older: nothing changes */
  import_both (fixture->store, fixture->path, run, run_path, "VR05", PARAAT_SOURCE_KIND_REGION, region_both,
               &counts);
  g_assert_cmpuint (counts.n_unchanged, ==, series->len);

  /* Into empty databases: the run writes the second exercise, then
   * finds it again with a higher SEQUENCE */
  fresh_planned = paraat_store_open (fresh_planned_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fresh_run = paraat_store_open (fresh_run_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  import_both (fresh_planned, fresh_planned_path, fresh_run, fresh_run_path, "VR05", PARAAT_SOURCE_KIND_REGION,
               region_changed, &counts);
  g_assert_cmpuint (counts.n_new, ==, series->len);
  g_assert_cmpint (paraat_test_query_int (fresh_run_path, "SELECT count (*) FROM exercise_history"), ==,
                   series->len);
  g_assert_cmpint (paraat_test_query_int (fresh_run_path, "SELECT count (*) FROM exercise"
                                                          " WHERE title = 'Changed twice'"), ==, 1);

  paraat_import_set_split (PARAAT_IMPORT_SPLIT_BALANCED);
}

/* zone_between_events() in xCal */
static char *
zone_between_events_xcal (const char *prefix,
                          guint       n_before,
                          int         hours,
                          guint       n_after)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar>\n"
                               "<properties><version><text>2.0</text></version>"
                               "<prodid><text>-//Test//NL</text></prodid></properties>\n<components>\n");

  for (guint i = 0; i < n_before + n_after; i++)
    {
      if (i == n_before)
        g_string_append_printf (xml,
                                "<vtimezone><properties><tzid><text>Veldzone</text></tzid></properties>"
                                "<components><standard><properties>"
                                "<dtstart><date-time>1970-01-01T00:00:00</date-time></dtstart>"
                                "<tzoffsetfrom><utc-offset>+0%d:00</utc-offset></tzoffsetfrom>"
                                "<tzoffsetto><utc-offset>+0%d:00</utc-offset></tzoffsetto>"
                                "</properties></standard></components></vtimezone>\n",
                                hours, hours);
      g_string_append_printf (xml,
                              "<vevent><properties><uid><text>%s-%u@mil.example</text></uid>\n"
                              "<dtstamp><date-time>2026-01-01T09:00:00Z</date-time></dtstamp>\n"
                              "<dtstart><parameters><tzid><text>Veldzone</text></tzid></parameters>"
                              "<date-time>2026-07-02T09:00:00</date-time></dtstart>\n"
                              "<dtend><parameters><tzid><text>Veldzone</text></tzid></parameters>"
                              "<date-time>2026-07-02T10:00:00</date-time></dtend>\n"
                              "<summary><text>%s %u</text></summary></properties></vevent>\n",
                              prefix, i, prefix, i);
    }
  g_string_append (xml, "</components></vcalendar></icalendar>\n");

  return g_string_free (xml, FALSE);
}

/* @n_before events, a VTIMEZONE whose TZID they and the next @n_after
 * use, at UTC+@hours the year round, then the @n_after; in xCal with
 * @xcal */
static char *
zone_between_events (const char *prefix,
                     guint       n_before,
                     int         hours,
                     guint       n_after,
                     gboolean    xcal)
{
  GString *ics;

  if (xcal)
    return zone_between_events_xcal (prefix, n_before, hours, n_after);

  ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//NL\r\n");

  for (guint i = 0; i < n_before + n_after; i++)
    {
      if (i == n_before)
        g_string_append_printf (ics,
                                "BEGIN:VTIMEZONE\r\nTZID:Veldzone\r\n"
                                "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                                "TZOFFSETFROM:+0%d00\r\nTZOFFSETTO:+0%d00\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
                                hours, hours);
      g_string_append_printf (ics,
                              "BEGIN:VEVENT\r\nUID:%s-%u@mil.example\r\nDTSTAMP:20260101T090000Z\r\n"
                              "DTSTART;TZID=Veldzone:20260702T090000\r\n"
                              "DTEND;TZID=Veldzone:20260702T100000\r\nSUMMARY:%s %u\r\nEND:VEVENT\r\n",
                              prefix, i, prefix, i);
    }
  g_string_append (ics, "END:VCALENDAR\r\n");

  return g_string_free (ics, FALSE);
}

/* The run hands events over in batches of 32 of one file. A zone read
 * after many events, and a second file that gives the same TZID another
 * offset: each event finds the zones its own file declared before it,
 * whichever side makes it, as in a plan. In xCal the events the writing
 * side makes cross on the batches' tapes, one per file. user_data: a
 * ParaatImportSplit, plus RUN_XCAL for xCal files. */
#define RUN_XCAL 0x100

static void
test_import_run_batches (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  gboolean xcal = (GPOINTER_TO_INT (user_data) & RUN_XCAL) != 0;
  g_autofree char *first = paraat_test_fixture_build_path (fixture, xcal ? "first.xml" : "first.ics");
  g_autofree char *second = paraat_test_fixture_build_path (fixture, xcal ? "second.xml" : "second.ics");
  g_autofree char *first_ics = zone_between_events ("first", 45, 3, 40, xcal);
  g_autofree char *second_ics = zone_between_events ("second", 0, 5, 70, xcal);
  g_autofree char *run_path = paraat_test_fixture_build_path (fixture, "run.db");
  g_autoptr(ParaatStore) run = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { first, second, NULL };
  ParaatImportCounts counts;
  /* 2026-07-02T09:00 at UTC+3 and UTC+5 */
  const gint64 at_3 = 1782972000;
  const gint64 at_5 = at_3 - 2 * 3600;

  paraat_import_set_split (GPOINTER_TO_INT (user_data) & ~RUN_XCAL);
  paraat_test_write_bytes (first, first_ics, strlen (first_ics));
  paraat_test_write_bytes (second, second_ics, strlen (second_ics));
  run = paraat_store_open (run_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  import_both (fixture->store, fixture->path, run, run_path, "Veld", PARAAT_SOURCE_KIND_DEFENCE, paths, &counts);
  g_assert_cmpuint (counts.n_new, ==, 45 + 40 + 70);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT count (*) FROM source_event WHERE start_utc = 1782972000"
                                                    " AND uid LIKE 'first-%'"), ==, 40);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT count (*) FROM source_event WHERE start_utc = 1782972000"
                                                    " AND uid LIKE 'first-%' AND CAST (substr (uid, 7) AS INTEGER) >= 45"),
                   ==, 40);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT count (*) FROM source_event WHERE uid LIKE 'second-%'"),
                   ==, 70);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT min (start_utc) = max (start_utc) FROM source_event"
                                                    " WHERE uid LIKE 'second-%'"), ==, 1);
  g_assert_cmpint (paraat_test_query_int (run_path, "SELECT start_utc FROM source_event WHERE uid = 'second-0@mil.example'"),
                   ==, at_5);

  paraat_import_set_split (PARAAT_IMPORT_SPLIT_BALANCED);
}

/* @path with a VEVENT of almost nothing (no more than an exercise needs)
 * after each of its VEVENTs, in a file of its own */
static char *
add_sparse_events (ParaatTestFixture *fixture,
                   const char        *path,
                   gboolean           xcal)
{
  g_autofree char *out = paraat_test_fixture_build_path (fixture, xcal ? "sparse.xml" : "sparse.ics");
  const char *end = xcal ? "</vevent>" : "END:VEVENT\r\n";
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) sparse = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  parts = g_strsplit (text, end, -1);
  g_assert_cmpuint (g_strv_length (parts), >, 100);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_string_append (sparse, parts[i]);
      if (parts[i + 1] == NULL)
        break;
      g_string_append (sparse, end);
      if (xcal)
        g_string_append_printf (sparse,
                                "<vevent><properties><uid><text>sparse-%u@test</text></uid>"
                                "<dtstamp><date-time>2026-01-01T09:00:00Z</date-time></dtstamp>"
                                "<last-modified><date-time>2026-01-01T09:00:00Z</date-time></last-modified>"
                                "<dtstart><date-time>2026-08-01T09:00:00Z</date-time></dtstart>"
                                "<dtend><date-time>2026-08-01T10:00:00Z</date-time></dtend>"
                                "<summary><text>Kaal %u</text></summary>"
                                "<categories><text>ALARM</text></categories>"
                                "<x-paraat-region><text>VR05</text></x-paraat-region>"
                                "</properties></vevent>", i, i);
      else
        g_string_append_printf (sparse,
                                "BEGIN:VEVENT\r\nUID:sparse-%u@test\r\nDTSTAMP:20260101T090000Z\r\n"
                                "LAST-MODIFIED:20260101T090000Z\r\n"
                                "DTSTART:20260801T090000Z\r\nDTEND:20260801T100000Z\r\n"
                                "SUMMARY:Kaal %u\r\nCATEGORIES:ALARM\r\nX-PARAAT-REGION:VR05\r\nEND:VEVENT\r\n", i, i);
    }
  paraat_test_write_bytes (out, sparse->str, sparse->len);

  return g_steal_pointer (&out);
}

/* Each side of a run fills the events it is done with, and their
 * exercises, again for the next VEVENTs (paraat_import_recycle_event()).
 * The demo calendar, with a VEVENT of almost nothing after each full one:
 * the sparse ones keep nothing of the one before, as a plan that makes a
 * new event for every VEVENT shows, for a region's file (exercises) and a
 * Defence one (source events). user_data: a ParaatImportSplit, plus
 * RUN_XCAL for xCal. */
static void
test_import_run_recycled (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  gboolean xcal = (GPOINTER_TO_INT (user_data) & RUN_XCAL) != 0;
  g_autoptr(GPtrArray) series = fill_demo (fixture->store);
  g_autofree char *exported = export_to (fixture, series, xcal ? "demo.xml" : "demo.ics", xcal);
  g_autofree char *sparse = add_sparse_events (fixture, exported, xcal);
  const char *paths[] = { sparse, NULL };
  const ParaatSourceKind kinds[] = { PARAAT_SOURCE_KIND_REGION, PARAAT_SOURCE_KIND_DEFENCE };

  /* set_up_full: the plan keeps a new event for each VEVENT */
  g_assert_cmpint (plan_flags, ==, PARAAT_IMPORT_PLAN_DEFAULT);
  paraat_import_set_split (GPOINTER_TO_INT (user_data) & ~RUN_XCAL);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *planned_name = g_strdup_printf ("planned-%u.db", k);
      g_autofree char *run_name = g_strdup_printf ("run-%u.db", k);
      g_autofree char *planned_path = paraat_test_fixture_build_path (fixture, planned_name);
      g_autofree char *run_path = paraat_test_fixture_build_path (fixture, run_name);
      g_autoptr(ParaatStore) planned = paraat_store_open (planned_path, PARAAT_STORE_OPEN_CREATE, NULL);
      g_autoptr(ParaatStore) run = paraat_store_open (run_path, PARAAT_STORE_OPEN_CREATE, NULL);
      ParaatImportCounts counts;

      import_both (planned, planned_path, run, run_path, "Demo", kinds[k], paths, &counts);
      g_assert_cmpuint (counts.n_new, ==, 2 * series->len);
    }
  paraat_import_set_split (PARAAT_IMPORT_SPLIT_BALANCED);
}

/* A file the readers refuse after one that was written already: the
 * database file is as it was, byte for byte */
static void
test_import_run_fails (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autofree char *v1 = data_path ("import", "defence-43mb.ics");
  g_autofree char *v2 = data_path ("import", "defence-43mb-v2.ics");
  g_autofree char *hostile = g_test_build_filename (G_TEST_DIST, "data", "xcal", "hostile",
                                                    "dtend-before-dtstart.ics", NULL);
  g_autofree char *outlook = data_path ("import", "rmc-noord-outlook.ics");
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  const char *first[] = { v1, NULL };
  const char *bad[] = { v2, hostile, outlook, NULL };

  plan = paraat_import_run (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, NULL, NULL, first, NULL, NULL, NULL,
                            &error);
  g_assert_no_error (error);
  g_clear_pointer (&plan, paraat_import_plan_free);
  paraat_test_fixture_reopen_store (fixture);
  dump_before = paraat_test_dump_database (fixture->path);
  paraat_test_fixture_close_store (fixture);
  before = paraat_test_read_bytes (fixture->path);
  paraat_test_fixture_reopen_store (fixture);

  plan = paraat_import_run (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, NULL, NULL, bad, NULL, NULL, NULL,
                            &error);
  g_assert_null (plan);
  g_assert_error (error, PARAAT_READER_ERROR, PARAAT_READER_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "dtend-before-dtstart.ics"));
  g_assert_true (sqlite3_get_autocommit (fixture->store->db));
  g_assert_cmpint (paraat_test_db_query_int (fixture->store->db, "PRAGMA ignore_check_constraints"), ==, 0);
  dump_after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (dump_before, ==, dump_after);

  paraat_test_fixture_close_store (fixture);
  {
    g_autoptr(GBytes) after = paraat_test_read_bytes (fixture->path);

    paraat_test_assert_bytes_equal (before, after);
  }
}

/* An exercise the store refuses (held, but years ahead), read first: the
 * writing side fails while the reading side still has hundreds of events
 * to hand over; both stop and nothing is written. */
static void
test_import_run_write_fails (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autofree char *demo_path = paraat_test_fixture_build_path (fixture, "demo.db");
  g_autoptr(ParaatStore) demo = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ParaatExercise) bad = NULL;
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *paths[] = { NULL, NULL };

  demo = paraat_store_open (demo_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  series = fill_demo (demo);
  bad = paraat_exercise_copy (series->pdata[0]);
  paraat_exercise_set_uid (bad, "held-in-2036@paraat.example");
  paraat_exercise_set_status (bad, PARAAT_EXERCISE_STATUS_HELD);
  bad->start_utc += 10 * 365 * 86400;
  bad->end_utc += 10 * 365 * 86400;
  g_ptr_array_add (events, g_object_ref (bad));
  for (guint copy = 0; copy < 6; copy++)
    {
      for (guint i = 0; i < series->len; i++)
        {
          ParaatExercise *ex = paraat_exercise_copy (series->pdata[i]);
          g_autofree char *uid = g_strdup_printf ("%u-%s", copy, paraat_exercise_get_uid (ex));

          paraat_exercise_set_uid (ex, uid);
          g_ptr_array_add (events, ex);
        }
    }
  g_assert_cmpuint (events->len, >, 2 * 256);
  path = export_to (fixture, events, "held.ics", FALSE);
  paths[0] = path;

  before = paraat_test_dump_database (fixture->path);
  plan = paraat_import_run (fixture->store, "VR05", PARAAT_SOURCE_KIND_REGION, NULL, NULL, paths, NULL, NULL, NULL,
                            &error);
  g_assert_null (plan);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "held.ics: line "));
  g_assert_true (sqlite3_get_autocommit (fixture->store->db));
  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_run_cancel (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autofree char *path = data_path ("import", "defence-43mb.ics");
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *paths[] = { path, NULL };

  before = paraat_test_dump_database (fixture->path);

  /* Cancelled after the first event is written, inside the transaction */
  sqlite3_update_hook (fixture->store->db, on_update_cb, cancellable);
  plan = paraat_import_run (fixture->store, NULL, PARAAT_SOURCE_KIND_DEFENCE, NULL, NULL, paths, cancellable, NULL,
                            NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  sqlite3_update_hook (fixture->store->db, NULL, NULL);

  g_assert_true (sqlite3_get_autocommit (fixture->store->db));
  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM calendar_source"), ==, 0);
}

static void
add_test (const char    *name,
          gconstpointer  data,
          void         (*test) (ParaatTestFixture *, gconstpointer))
{
  g_autofree char *full = g_strconcat ("/core/import/", name, NULL);
  g_autofree char *lean = g_strconcat ("/core/import/no-events/", name, NULL);

  g_test_add (full, ParaatTestFixture, data, set_up_full, test, paraat_test_fixture_tear_down);
  g_test_add (lean, ParaatTestFixture, data, set_up_no_events, test, paraat_test_fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

  add_test ("round-trip/ics", GINT_TO_POINTER (FALSE), test_import_round_trip);
  add_test ("round-trip/xcal", GINT_TO_POINTER (TRUE), test_import_round_trip);
  add_test ("idempotent", NULL, test_import_idempotent);
  add_test ("sequence-and-removed", NULL, test_import_sequence_and_removed);
  add_test ("hostile", NULL, test_import_hostile);
  add_test ("cancel", NULL, test_import_cancel);
  add_test ("thread", NULL, test_import_thread);
  add_test ("sources", NULL, test_import_sources);
  add_test ("source-exercises", NULL, test_import_source_exercises);
  add_test ("alignment", NULL, test_import_alignment);
  add_test ("demo-calendar", NULL, test_import_demo_calendar);
  add_test ("merged-export/ics", GINT_TO_POINTER (FALSE), test_import_merged_export);
  add_test ("merged-export/xcal", GINT_TO_POINTER (TRUE), test_import_merged_export);
  add_test ("duplicate-uid", NULL, test_import_duplicate_uid);
  g_test_add ("/core/import/far-dates", ParaatTestFixture, NULL,
              set_up_full, test_import_far_dates, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/no-events/changed-file", ParaatTestFixture, NULL,
              set_up_no_events, test_import_changed_file, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/same-as-plan", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_BALANCED),
              set_up_no_events, test_import_run_same_as_plan, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/same-as-plan/reader-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_READER),
              set_up_no_events, test_import_run_same_as_plan, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/same-as-plan/writer-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_WRITER),
              set_up_no_events, test_import_run_same_as_plan, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/batches", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_BALANCED),
              set_up_no_events, test_import_run_batches, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/batches/reader-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_READER),
              set_up_no_events, test_import_run_batches, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/batches/writer-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_WRITER),
              set_up_no_events, test_import_run_batches, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/batches/xcal", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_BALANCED | RUN_XCAL),
              set_up_no_events, test_import_run_batches, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/batches/xcal/reader-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_READER | RUN_XCAL),
              set_up_no_events, test_import_run_batches, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/batches/xcal/writer-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_WRITER | RUN_XCAL),
              set_up_no_events, test_import_run_batches, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/recycled", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_BALANCED),
              set_up_full, test_import_run_recycled, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/recycled/reader-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_READER),
              set_up_full, test_import_run_recycled, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/recycled/writer-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_WRITER),
              set_up_full, test_import_run_recycled, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/recycled/xcal", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_BALANCED | RUN_XCAL),
              set_up_full, test_import_run_recycled, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/recycled/xcal/reader-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_READER | RUN_XCAL),
              set_up_full, test_import_run_recycled, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/recycled/xcal/writer-makes-events", ParaatTestFixture,
              GINT_TO_POINTER (PARAAT_IMPORT_SPLIT_WRITER | RUN_XCAL),
              set_up_full, test_import_run_recycled, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/fails", ParaatTestFixture, NULL,
              set_up_no_events, test_import_run_fails, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/write-fails", ParaatTestFixture, NULL,
              set_up_no_events, test_import_run_write_fails, paraat_test_fixture_tear_down);
  g_test_add ("/core/import/run/cancel", ParaatTestFixture, NULL,
              set_up_no_events, test_import_run_cancel, paraat_test_fixture_tear_down);

  return g_test_run ();
}
