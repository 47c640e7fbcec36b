/* test-records.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reference records: what a planner is told when a value is wrong, a
 * save/update/delete round trip for every kind, and the live models.
 * Messages are checked in the C locale: each must name the field at
 * fault and the bad value; “… is required.” is checked word for word.
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "paraat-store-private.h"
#include "paraat-test-utils.h"
#include "paraat-utils.h"

static guint
count_records (ParaatStore *store,
               ParaatKind   kind)
{
  return g_list_model_get_n_items (paraat_store_get_records (store, kind));
}

/* The record with @id in the live model, or NULL */
static ParaatRecord *
lookup (ParaatStore *store,
        ParaatKind   kind,
        gint64       id)
{
  GListModel *model = paraat_store_get_records (store, kind);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (model, i);

      if (paraat_record_get_id (record) == id)
        return g_steal_pointer (&record);
    }

  return NULL;
}

static void
assert_message (const GError       *error,
                const char         *exact,
                const char * const *needles)
{
  if (exact != NULL)
    g_assert_cmpstr (error->message, ==, exact);
  for (guint i = 0; needles[i] != NULL; i++)
    {
      if (strstr (error->message, needles[i]) == NULL)
        g_test_message ("“%s” does not name “%s”", error->message, needles[i]);
      g_assert_nonnull (strstr (error->message, needles[i]));
    }
}

/*
 * Saving @values must fail with @code, and nothing is written. The
 * message is @exact (unless NULL) and contains each of the following
 * strings, up to NULL: the labels of the fields at fault and the bad
 * values, so a planner knows what to correct.
 */
static void G_GNUC_NULL_TERMINATED
assert_save_fails (ParaatTestFixture  *fixture,
                   ParaatKind          kind,
                   gint64              id,
                   const char * const *values,
                   ParaatStoreError    code,
                   const char         *exact,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) needles = g_ptr_array_new ();
  g_autofree char *before = paraat_test_dump_database (fixture->path);
  g_autofree char *after = NULL;
  const char *needle;
  va_list args;

  va_start (args, exact);
  while ((needle = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (needles, (gpointer) needle);
  va_end (args);
  g_ptr_array_add (needles, NULL);

  /* What an editor checks before saving gives the same answer */
  if (code == PARAAT_STORE_ERROR_INVALID)
    {
      g_assert_false (paraat_store_validate_record (fixture->store, kind, id, values, &error));
      g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
      assert_message (error, exact, (const char * const *) needles->pdata);
      g_clear_error (&error);
    }

  g_assert_cmpint (paraat_store_save_record (fixture->store, kind, id, values, &error), ==, 0);
  g_assert_error (error, PARAAT_STORE_ERROR, code);
  assert_message (error, exact, (const char * const *) needles->pdata);

  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sqlite3_get_autocommit (fixture->store->db));
}

/* Validation */

static void
test_records_required (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  const char *no_name[] = { "VR26", "26", "", "", "" };
  const char *null_name[] = { "VR26", "26", NULL, "", "" };
  const char *no_role[] = { "VR05", "", "Iemand", "", "", "", NULL, NULL };

  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, no_name, PARAAT_STORE_ERROR_INVALID,
                     "“Name” is required.", NULL);
  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, null_name, PARAAT_STORE_ERROR_INVALID,
                     "“Name” is required.", NULL);
  assert_save_fails (fixture, PARAAT_KIND_CONTACT, 0, no_role, PARAAT_STORE_ERROR_INVALID,
                     "“Role” is required.", NULL);
}

static void
test_records_bad_date (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  const char *february_30[] = { "VR01", "13LB", "2020-02-30", "2024-06-21", "" };
  const char *dutch_order[] = { "VR01", "13LB", "21-06-2020", NULL, "" };
  const char *contact[] = { "VR05", "RMOA", "Iemand", "", "", "", "2024-1-1", NULL };

  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, february_30, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Valid from”", "“2020-02-30”", "YYYY-MM-DD", NULL);
  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, dutch_order, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Valid from”", "“21-06-2020”", "YYYY-MM-DD", NULL);
  assert_save_fails (fixture, PARAAT_KIND_CONTACT, 0, contact, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“In post from”", "“2024-1-1”", "YYYY-MM-DD", NULL);
}

static void
test_records_to_before_from (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  const char *assignment[] = { "VR01", "13LB", "2020-01-01", "2019-12-31", "" };
  const char *same_day[] = { "VR01", "13LB", "2020-01-01", "2020-01-01", "" };
  const char *contact[] = { "VR05", "RMOA", "Iemand", "", "", "", "2025-01-01", "2024-01-01" };

  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, assignment, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Valid until”", "“Valid from”", NULL);
  /* valid_to is the first day it no longer applies, so one day needs two dates */
  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, same_day, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Valid until”", "“Valid from”", NULL);
  assert_save_fails (fixture, PARAAT_KIND_CONTACT, 0, contact, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“In post until”", "“In post from”", NULL);
}

static void
test_records_bad_pattern (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  const char *short_code[] = { "VR5", "26", "Testregio", "", "" };
  const char *lower_code[] = { "vr26", "26", "Testregio", "", "" };
  const char *email[] = { "VR05", "RMOA", "Iemand", "", "iemand at example.org", "", NULL, NULL };
  const char *brigade[] = { "43 MB", "Spatie", "", "" };

  /* … and say what is expected, from the field's hint */
  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, short_code, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Code”", "“VR5”", "VR followed by two digits, for example VR05", NULL);
  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, lower_code, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Code”", "“vr26”", "VR followed by two digits", NULL);
  assert_save_fails (fixture, PARAAT_KIND_CONTACT, 0, email, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Email”", "“iemand at example.org”", "name@example.org", NULL);
  assert_save_fails (fixture, PARAAT_KIND_BRIGADE, 0, brigade, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Code”", "“43 MB”", NULL);
}

static void
test_records_bad_values (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  const char *number[] = { "VR26", "zes", "Testregio", "", "" };
  const char *statutory[] = { "TEST", "Test", "", "ja" };
  const char *two_lines[] = { "VR26", "26", "Test\nregio", "", "" };
  const char *missing_brigade[] = { "VR01", "99XX", "2020-01-01", "2024-06-21", "" };

  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, number, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Number”", "“zes”", NULL);
  assert_save_fails (fixture, PARAAT_KIND_DISCIPLINE, 0, statutory, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Statutory discipline”", "“ja”", NULL);
  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, two_lines, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Name”", NULL);
  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, missing_brigade, PARAAT_STORE_ERROR_INVALID,
                     NULL, "“Brigade”", "“99XX”", NULL);
}

/* VR01 is served by 43MB from 2024-06-21 on, with no end (reference data). */
static void
test_records_overlap (ParaatTestFixture *fixture,
                      gconstpointer      user_data)
{
  const char *overlapping[] = { "VR01", "11LMB", "2025-01-01", NULL, "" };
  const char *earlier_overlap[] = { "VR01", "11LMB", "2020-01-01", "2024-06-22", "" };
  const char *earlier[] = { "VR01", "11LMB", "2020-01-01", "2024-06-21", "" };
  g_autoptr(GError) error = NULL;

  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, overlapping, PARAAT_STORE_ERROR_INVALID,
                     NULL, "VR01", "“Valid until”", NULL);
  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, earlier_overlap, PARAAT_STORE_ERROR_INVALID,
                     NULL, "VR01", NULL);

  /* Ending the day the current one starts is no overlap. */
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_ASSIGNMENT, 0, earlier, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_ASSIGNMENT), ==, 26);
}

static void
test_records_successor (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  const char *successor[] = { "VR01", "11LMB", "2025-01-01", NULL, "Nieuwe verdeling" };
  const char *early_successor[] = { "VR01", "11LMB", "2024-12-31", NULL, "" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatRecord) current = NULL;
  GListModel *model = paraat_store_get_records (fixture->store, PARAAT_KIND_ASSIGNMENT);
  const char *ended[5];
  gint64 id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model) && id == 0; i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (model, i);

      if (g_str_equal (paraat_record_get_value (record, 0), "VR01"))
        {
          id = paraat_record_get_id (record);
          current = g_steal_pointer (&record);
        }
    }
  g_assert_cmpint (id, >, 0);

  /* End the current assignment, as the message tells the planner to do … */
  for (guint i = 0; i < G_N_ELEMENTS (ended); i++)
    ended[i] = paraat_record_get_value (current, i);
  ended[3] = "2025-01-01";
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_ASSIGNMENT, id, ended, &error), ==, id);
  g_assert_no_error (error);

  /* … then a successor starting a day early still overlaps, one starting that day does not. */
  assert_save_fails (fixture, PARAAT_KIND_ASSIGNMENT, 0, early_successor, PARAAT_STORE_ERROR_INVALID,
                     NULL, "VR01", NULL);
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_ASSIGNMENT, 0, successor, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_ASSIGNMENT), ==, 26);

  /* An assignment does not overlap itself when it is edited. */
  ended[4] = "Bron aangepast";
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_ASSIGNMENT, id, ended, &error), ==, id);
  g_assert_no_error (error);
}

static void
test_records_duplicate_key (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  const char *code[] = { "VR01", "26", "Dubbel", "", "" };
  const char *number[] = { "VR26", "1", "Dubbel", "", "" };
  const char *brigade[] = { "43MB", "Nog een 43", "", "" };

  /* SQLite's "UNIQUE constraint failed: region.code" comes back as the field's label */
  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, code, PARAAT_STORE_ERROR_CONSTRAINT,
                     NULL, "“Code”", "“VR01”", NULL);
  assert_save_fails (fixture, PARAAT_KIND_REGION, 0, number, PARAAT_STORE_ERROR_CONSTRAINT,
                     NULL, "“Number”", "“1”", NULL);
  assert_save_fails (fixture, PARAAT_KIND_BRIGADE, 0, brigade, PARAAT_STORE_ERROR_CONSTRAINT,
                     NULL, "“Code”", "“43MB”", NULL);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_REGION), ==, 25);
}

static void
test_records_update_missing (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  const char *values[] = { "VR26", "26", "Verdwenen", "", "" };

  assert_save_fails (fixture, PARAAT_KIND_REGION, 9999, values, PARAAT_STORE_ERROR_NOT_FOUND, NULL, NULL);
}

/* Round trip: one case per kind */

typedef struct
{
  ParaatKind  kind;
  const char *insert[8];
  const char *field;    /* changed by the update */
  const char *changed;
} RoundTrip;

static const RoundTrip round_trips[] = {
  { PARAAT_KIND_REGION, { "VR26", "26", "Testregio", "Utrecht", "TR; Test" }, "name", "Andere regio" },
  { PARAAT_KIND_BRIGADE, { "99TB", "99 Testbrigade", "Ede", "RMC Test" }, "location", "Assen" },
  { PARAAT_KIND_ASSIGNMENT, { "VR07", "13LB", "2019-01-01", "2024-06-21", "Oud" }, "brigade_id", "43MB" },
  { PARAAT_KIND_CONTACT,
    { "VR05", "RMOA", "Kapitein T. Est", "43 Gemechaniseerde Brigade", "t.est@example.org", "+31 6 1",
      "2024-01-01", "2026-01-01" },
    "valid_to", "2027-01-01" },
  { PARAAT_KIND_DISCIPLINE, { "TST", "Testdiscipline", "Omschrijving", "1" }, "statutory", "0" },
  { PARAAT_KIND_EXERCISE_TYPE, { "TST", "Testoefening", "Omschrijving", "0" }, "description", "Nieuw" },
  { PARAAT_KIND_GRIP_LEVEL, { "GRIP-T", "GRIP Test", "Omschrijving", "CoPI; ROT", "2024-01-01", NULL },
    "valid_to", "2030-01-01" },
};

static void
assert_record_values (ParaatRecord       *record,
                      const char * const *values)
{
  const ParaatKindInfo *info = paraat_kind_get_info (paraat_record_get_kind (record));

  for (guint i = 0; i < info->n_fields; i++)
    {
      /* Nullable fields read back as NULL when empty */
      const char *expected = values[i];

      if (expected != NULL && *expected == '\0' && (info->fields[i].flags & PARAAT_FIELD_FLAG_NULLABLE))
        expected = NULL;
      g_assert_cmpstr (paraat_record_get_value (record, i), ==, expected);
    }
}

static void
test_records_round_trip (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  const RoundTrip *trip = user_data;
  int field = paraat_kind_find_field (trip->kind, trip->field);
  guint n_before = count_records (fixture->store, trip->kind);
  const char *updated[8];
  g_autoptr(ParaatRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (field, >=, 0);

  /* Save */
  id = paraat_store_save_record (fixture->store, trip->kind, 0, trip->insert, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (count_records (fixture->store, trip->kind), ==, n_before + 1);
  record = lookup (fixture->store, trip->kind, id);
  g_assert_nonnull (record);
  g_assert_cmpint (paraat_record_get_kind (record), ==, trip->kind);
  assert_record_values (record, trip->insert);
  g_assert_cmpstr (paraat_record_get_title (record), !=, "");
  if (paraat_kind_get_key_field (trip->kind) >= 0)
    {
      g_autoptr(ParaatRecord) found = paraat_store_find_record (fixture->store, trip->kind,
                                                                trip->insert[paraat_kind_get_key_field (trip->kind)]);

      g_assert_nonnull (found);
      g_assert_cmpint (paraat_record_get_id (found), ==, id);
    }
  g_clear_object (&record);

  /* Update, and read it back from the file */
  memcpy (updated, trip->insert, sizeof updated);
  updated[field] = trip->changed;
  g_assert_cmpint (paraat_store_save_record (fixture->store, trip->kind, id, updated, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->store, trip->kind), ==, n_before + 1);

  paraat_test_fixture_reopen_store (fixture);
  record = lookup (fixture->store, trip->kind, id);
  g_assert_nonnull (record);
  assert_record_values (record, updated);
  g_assert_cmpstr (paraat_record_get_value_by_name (record, trip->field), ==, trip->changed);
  g_clear_object (&record);

  /* Delete */
  g_assert_true (paraat_store_delete_record (fixture->store, trip->kind, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->store, trip->kind), ==, n_before);
  record = lookup (fixture->store, trip->kind, id);
  g_assert_null (record);

  paraat_test_fixture_reopen_store (fixture);
  g_assert_cmpuint (count_records (fixture->store, trip->kind), ==, n_before);
}

/* Deleting a region takes its assignments and contacts with it. */
static void
test_records_delete_region_cascades (ParaatTestFixture *fixture,
                                     gconstpointer      user_data)
{
  const char *contact[] = { "VR05", "RMOA", "Iemand", "", "", "", NULL, NULL };
  g_autoptr(ParaatRecord) region = paraat_store_find_record (fixture->store, PARAAT_KIND_REGION, "VR05");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_CONTACT, 0, contact, &error), >, 0);
  g_assert_no_error (error);
  g_assert_nonnull (region);
  g_assert_cmpuint (paraat_store_count_dependents (fixture->store, PARAAT_KIND_REGION,
                                                   paraat_record_get_id (region)), ==, 2);

  g_assert_true (paraat_store_delete_record (fixture->store, PARAAT_KIND_REGION,
                                             paraat_record_get_id (region), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_REGION), ==, 24);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_ASSIGNMENT), ==, 24);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_CONTACT), ==, 0);
}

/* Live models */

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  guint *n_emissions = user_data;

  (*n_emissions)++;
}

static void
on_store_changed_cb (ParaatStore *store,
                     guint        kind,
                     gpointer     user_data)
{
  guint *last_kind = user_data;

  *last_kind = kind;
}

static void
test_records_live_model (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  const char *values[] = { "VR05", "RMOA", "Kapitein Live", "", "", "", NULL, NULL };
  const char *renamed[] = { "VR05", "RMOA", "Majoor Live", "", "", "", NULL, NULL };
  GListModel *contacts = paraat_store_get_records (fixture->store, PARAAT_KIND_CONTACT);
  GListModel *regions = paraat_store_get_records (fixture->store, PARAAT_KIND_REGION);
  g_autoptr(ParaatRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  guint n_emissions = 0;
  guint last_kind = G_MAXUINT;
  gint64 id;

  g_assert_true (g_list_model_get_item_type (contacts) == PARAAT_TYPE_RECORD);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);
  /* The same model each time, so views can keep it */
  g_assert_true (paraat_store_get_records (fixture->store, PARAAT_KIND_CONTACT) == contacts);
  g_signal_connect (contacts, "items-changed", G_CALLBACK (on_items_changed_cb), &n_emissions);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_store_changed_cb), &last_kind);

  id = paraat_store_save_record (fixture->store, PARAAT_KIND_CONTACT, 0, values, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, >, 0);
  g_assert_cmpuint (last_kind, ==, PARAAT_KIND_CONTACT);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 1);
  record = g_list_model_get_item (contacts, 0);
  g_assert_cmpint (paraat_record_get_id (record), ==, id);
  g_assert_cmpstr (paraat_record_get_title (record), ==, "Kapitein Live");
  g_clear_object (&record);

  n_emissions = 0;
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_CONTACT, id, renamed, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, >, 0);
  record = g_list_model_get_item (contacts, 0);
  g_assert_cmpstr (paraat_record_get_title (record), ==, "Majoor Live");
  g_clear_object (&record);

  /* A failed save changes nothing and says nothing. */
  n_emissions = 0;
  last_kind = G_MAXUINT;
  values[2] = "";
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_CONTACT, 0, values, &error), ==, 0);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (n_emissions, ==, 0);
  g_assert_cmpuint (last_kind, ==, G_MAXUINT);

  /* Other kinds' titles may show this one's names, so they follow too. */
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 25);

  n_emissions = 0;
  g_assert_true (paraat_store_delete_record (fixture->store, PARAAT_KIND_CONTACT, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_emissions, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (contacts), ==, 0);

  g_signal_handlers_disconnect_by_data (contacts, &n_emissions);
  g_signal_handlers_disconnect_by_data (fixture->store, &last_kind);
}

/* ParaatRecord on its own */

static void
test_records_is_current (void)
{
  const char *assignment[] = { "VR01", "43MB", "2024-06-21", "2025-01-01", "" };
  const char *open_ended[] = { "VR01", "43MB", "2024-06-21", NULL, "" };
  const char *region[] = { "VR01", "1", "Groningen", "Groningen", "" };
  const char *contact[] = { "VR01", "RMOA", "Iemand", "", "", "", NULL, "2025-01-01" };
  g_autoptr(ParaatRecord) bounded = paraat_record_new (PARAAT_KIND_ASSIGNMENT, 1, assignment, NULL, NULL);
  g_autoptr(ParaatRecord) open = paraat_record_new (PARAAT_KIND_ASSIGNMENT, 2, open_ended, NULL, NULL);
  g_autoptr(ParaatRecord) undated = paraat_record_new (PARAAT_KIND_REGION, 3, region, NULL, NULL);
  g_autoptr(ParaatRecord) no_start = paraat_record_new (PARAAT_KIND_CONTACT, 4, contact, NULL, NULL);

  g_assert_false (paraat_record_is_current (bounded, "2024-06-20"));
  g_assert_true (paraat_record_is_current (bounded, "2024-06-21"));
  g_assert_true (paraat_record_is_current (bounded, "2024-12-31"));
  g_assert_false (paraat_record_is_current (bounded, "2025-01-01"));
  g_assert_false (paraat_record_is_current (bounded, "2030-01-01"));

  g_assert_false (paraat_record_is_current (open, "2024-06-20"));
  g_assert_true (paraat_record_is_current (open, "2024-06-21"));
  g_assert_true (paraat_record_is_current (open, "2099-12-31"));

  g_assert_true (paraat_record_is_current (undated, "1900-01-01"));
  g_assert_true (paraat_record_is_current (undated, "2099-12-31"));

  g_assert_true (paraat_record_is_current (no_start, "1990-01-01"));
  g_assert_false (paraat_record_is_current (no_start, "2025-01-01"));
}

static void
test_records_matches_text (void)
{
  const char *contact[] = { "VR01", "MOTO-coördinator", "Majoor Jeroen de Vries", "43 Gemechaniseerde Brigade",
                            "j.devries@example.org", "+31 6 1234 5601", "2023-01-01", NULL };
  g_autoptr(ParaatRecord) record = paraat_record_new (PARAAT_KIND_CONTACT, 1, contact,
                                                      "Titel Zonder Meer", "Ondertitel Groningen");

  g_assert_true (paraat_record_matches_text (record, NULL));
  g_assert_true (paraat_record_matches_text (record, ""));
  g_assert_true (paraat_record_matches_text (record, "jeroen"));
  g_assert_true (paraat_record_matches_text (record, "JEROEN"));
  g_assert_true (paraat_record_matches_text (record, "de vries"));
  g_assert_true (paraat_record_matches_text (record, "COÖRDINATOR"));
  /* Accents are ignored both ways, as planners type without them. */
  g_assert_true (paraat_record_matches_text (record, "coordinator"));
  g_assert_false (paraat_record_matches_text (record, "coordinatrice"));
  g_assert_true (paraat_record_matches_text (record, "vr01"));
  g_assert_true (paraat_record_matches_text (record, "5601"));
  g_assert_true (paraat_record_matches_text (record, "zonder"));      /* the title */
  g_assert_true (paraat_record_matches_text (record, "groningen"));   /* the subtitle */
  g_assert_false (paraat_record_matches_text (record, "Piet"));
  g_assert_false (paraat_record_matches_text (record, "jeroen  de"));
}

static void
test_split_list (void)
{
  g_auto(GStrv) units = paraat_split_list (" 43 Gemechaniseerde Brigade, 11 Geniecompagnie ;; RMC Noord ,");
  g_auto(GStrv) none = paraat_split_list (NULL);
  g_auto(GStrv) blank = paraat_split_list (" , ; ");
  g_auto(GStrv) one = paraat_split_list ("\tBRW \n");
  g_auto(GStrv) empty = paraat_split_list ("");

  g_assert_cmpuint (g_strv_length (units), ==, 3);
  g_assert_cmpstr (units[0], ==, "43 Gemechaniseerde Brigade");
  g_assert_cmpstr (units[1], ==, "11 Geniecompagnie");
  g_assert_cmpstr (units[2], ==, "RMC Noord");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (blank), ==, 0);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpstr (one[0], ==, "BRW");
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
}

typedef struct
{
  int key;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Keyed *x = *(Keyed * const *) a;
  const Keyed *y = *(Keyed * const *) b;

  return (x->key > y->key) - (x->key < y->key);
}

/* The merge gives what one stable sort of everything gives, ties
 * included: the prefix's items before the rest's, each in its own order. */
static void
test_sort_sorted_prefix (void)
{
  const guint sizes[][2] = { { 0, 0 }, { 0, 5 }, { 5, 0 }, { 1, 1 }, { 7, 3 }, { 3, 7 }, { 50, 200 }, { 200, 50 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      for (int round = 0; round < 20; round++)
        {
          guint n_sorted = sizes[s][0], n = sizes[s][0] + sizes[s][1];
          g_autofree Keyed *keyed = g_new (Keyed, n);
          g_autofree gpointer *merged = g_new (gpointer, n);
          g_autofree gpointer *sorted = g_new (gpointer, n);

          for (guint i = 0; i < n; i++)
            {
              /* Few keys, so that there are many ties */
              keyed[i].key = g_test_rand_int_range (0, round % 2 ? 4 : 40);
              merged[i] = &keyed[i];
            }
          g_qsort_with_data (merged, n_sorted, sizeof (gpointer), compare_keyed, NULL);
          for (guint i = 0; i < n; i++)
            sorted[i] = merged[i];

          paraat_sort_sorted_prefix (merged, n_sorted, n, compare_keyed, NULL);
          g_qsort_with_data (sorted, n, sizeof (gpointer), compare_keyed, NULL);
          for (guint i = 0; i < n; i++)
            g_assert_true (merged[i] == sorted[i]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, ParaatTestFixture, NULL, paraat_test_fixture_set_up_store, func, \
              paraat_test_fixture_tear_down)

  ADD ("/core/records/validate/required", test_records_required);
  ADD ("/core/records/validate/bad-date", test_records_bad_date);
  ADD ("/core/records/validate/to-before-from", test_records_to_before_from);
  ADD ("/core/records/validate/bad-pattern", test_records_bad_pattern);
  ADD ("/core/records/validate/bad-values", test_records_bad_values);
  ADD ("/core/records/validate/overlap", test_records_overlap);
  ADD ("/core/records/validate/successor", test_records_successor);
  ADD ("/core/records/save/duplicate-key", test_records_duplicate_key);
  ADD ("/core/records/save/update-missing", test_records_update_missing);
  ADD ("/core/records/delete/region-cascades", test_records_delete_region_cascades);
  ADD ("/core/records/live-model", test_records_live_model);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path = g_strconcat ("/core/records/round-trip/",
                                           paraat_kind_get_info (round_trips[i].kind)->id, NULL);

      g_test_add (path, ParaatTestFixture, &round_trips[i], paraat_test_fixture_set_up_store,
                  test_records_round_trip, paraat_test_fixture_tear_down);
    }

  g_test_add_func ("/core/records/is-current", test_records_is_current);
  g_test_add_func ("/core/records/matches-text", test_records_matches_text);
  g_test_add_func ("/core/records/split-list", test_split_list);
  g_test_add_func ("/core/records/sort-sorted-prefix", test_sort_sorted_prefix);

  return g_test_run ();
}
