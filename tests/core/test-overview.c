/* test-overview.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Overview's attention rules and scopes, on a new database with the
 * reference data only and contacts made by hand. "Today" is fixed, so
 * the reference brigade mapping (in force since 2024-06-21) applies.
 */

#include "config.h"

#include <string.h>

#include "paraat-calendar.h"
#include "paraat-overview.h"
#include "paraat-scope.h"
#include "paraat-store-private.h"
#include "paraat-test-utils.h"
#include "paraat-utils.h"

#define TODAY "2025-03-01"
#define HORIZON 90

static gint64
add_contact (ParaatStore *store,
             const char  *region,
             const char  *role,
             const char  *name,
             const char  *from,
             const char  *to)
{
  const char *values[] = { region, role, name, "", "", "", from, to };
  g_autoptr(GError) error = NULL;
  gint64 id = paraat_store_save_record (store, PARAAT_KIND_CONTACT, 0, values, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Titles are checked for what they must name, not word for word. */
static void
assert_contains (const char *text,
                 const char *needle)
{
  if (text == NULL || strstr (text, needle) == NULL)
    g_test_message ("“%s” does not contain “%s”", text, needle);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, needle));
}

static ParaatOverview *
compute (ParaatStore *store,
         const char  *scope_text,
         const char  *today,
         guint        horizon)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatScope) scope = paraat_scope_resolve (store, scope_text, today, &error);
  ParaatOverview *overview;

  g_assert_no_error (error);
  g_assert_nonnull (scope);
  overview = paraat_overview_compute (store, scope, today, horizon, &error);
  g_assert_no_error (error);
  g_assert_nonnull (overview);
  g_assert_cmpuint (g_list_model_get_n_items (overview->regions), ==, overview->n_regions);

  return overview;
}

/* How many attention items of @severity and @target for @region (NULL: about the file) */
static guint
count_items (ParaatOverview *overview,
             const char     *region,
             ParaatSeverity  severity,
             ParaatKind      target)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (overview->attention); i++)
    {
      g_autoptr(ParaatAttention) item = g_list_model_get_item (overview->attention, i);

      if (g_strcmp0 (paraat_attention_get_region (item), region) == 0 &&
          paraat_attention_get_severity (item) == severity &&
          paraat_attention_get_target_kind (item) == target)
        n++;
    }

  return n;
}

static ParaatAttention *
find_item (ParaatOverview *overview,
           const char     *region,
           ParaatSeverity  severity,
           ParaatKind      target)
{
  for (guint i = 0; i < g_list_model_get_n_items (overview->attention); i++)
    {
      g_autoptr(ParaatAttention) item = g_list_model_get_item (overview->attention, i);

      if (g_strcmp0 (paraat_attention_get_region (item), region) == 0 &&
          paraat_attention_get_severity (item) == severity &&
          paraat_attention_get_target_kind (item) == target)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static ParaatRegionSummary *
find_summary (ParaatOverview *overview,
              const char     *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (overview->regions); i++)
    {
      g_autoptr(ParaatRegionSummary) summary = g_list_model_get_item (overview->regions, i);

      if (g_str_equal (paraat_region_summary_get_code (summary), code))
        return g_steal_pointer (&summary);
    }

  return NULL;
}

/* Most severe first: the list never goes up in severity. */
static void
assert_sorted (ParaatOverview *overview)
{
  ParaatSeverity previous = PARAAT_SEVERITY_CRITICAL;

  for (guint i = 0; i < g_list_model_get_n_items (overview->attention); i++)
    {
      g_autoptr(ParaatAttention) item = g_list_model_get_item (overview->attention, i);

      g_assert_cmpint (paraat_attention_get_severity (item), <=, previous);
      previous = paraat_attention_get_severity (item);
    }
}

/* The brigade assignment of @region that is in force today */
static ParaatRecord *
current_assignment (ParaatStore *store,
                    const char  *region)
{
  GListModel *model = paraat_store_get_records (store, PARAAT_KIND_ASSIGNMENT);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (model, i);

      if (g_str_equal (paraat_record_get_value (record, 0), region) &&
          paraat_record_is_current (record, TODAY))
        return g_steal_pointer (&record);
    }

  return NULL;
}

/* RMOA rules */

static void
test_overview_no_rmoa (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(ParaatAttention) item = NULL;
  g_autoptr(ParaatRegionSummary) vr05 = NULL;
  g_autoptr(ParaatRegionSummary) vr06 = NULL;

  /* Without contacts, no region has an RMOA. */
  overview = compute (fixture->store, "all", TODAY, HORIZON);
  g_assert_cmpuint (overview->n_regions, ==, 25);
  g_assert_cmpuint (overview->n_rmoa_in_post, ==, 0);
  for (guint i = 1; i <= 25; i++)
    {
      g_autofree char *code = g_strdup_printf ("VR%02u", i);

      g_assert_cmpuint (count_items (overview, code, PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 1);
    }
  item = find_item (overview, "VR05", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT);
  assert_contains (paraat_attention_get_title (item), "Twente");
  assert_contains (paraat_attention_get_title (item), "RMOA");
  g_assert_cmpstr (paraat_attention_get_detail (item), !=, "");
  assert_sorted (overview);
  g_clear_pointer (&overview, paraat_overview_free);

  /* An RMOA in VR05 fixes VR05 only; an RMBA is not an RMOA. */
  add_contact (fixture->store, "VR05", "RMOA", "Majoor A. Anker", "2024-01-01", NULL);
  add_contact (fixture->store, "VR06", "RMBA", "Kapitein B. Bos", "2024-01-01", NULL);
  overview = compute (fixture->store, "all", TODAY, HORIZON);
  g_assert_cmpuint (overview->n_rmoa_in_post, ==, 1);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 0);
  g_assert_cmpuint (count_items (overview, "VR06", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 1);

  vr05 = find_summary (overview, "VR05");
  g_assert_cmpstr (paraat_region_summary_get_rmoa (vr05), ==, "Majoor A. Anker");
  g_assert_cmpuint (paraat_region_summary_get_contacts (vr05), ==, 1);
  g_assert_cmpuint (paraat_region_summary_get_attention (vr05), ==, 0);
  vr06 = find_summary (overview, "VR06");
  g_assert_null (paraat_region_summary_get_rmoa (vr06));
  g_assert_cmpuint (paraat_region_summary_get_contacts (vr06), ==, 1);
  g_assert_cmpuint (paraat_region_summary_get_attention (vr06), ==, 1);
}

static void
test_overview_rmoa_not_yet_or_no_longer (ParaatTestFixture *fixture,
                                         gconstpointer      user_data)
{
  g_autoptr(ParaatOverview) overview = NULL;

  /* One starts tomorrow, one left yesterday: neither is in post today. */
  add_contact (fixture->store, "VR05", "RMOA", "Majoor Straks", "2025-03-02", NULL);
  add_contact (fixture->store, "VR05", "RMOA", "Majoor Vroeger", "2023-01-01", TODAY);
  overview = compute (fixture->store, "region:VR05", TODAY, HORIZON);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 1);
  g_assert_cmpuint (overview->n_rmoa_in_post, ==, 0);
}

static void
test_overview_ovr_counts (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(ParaatRegionSummary) vr05 = NULL;
  g_autoptr(ParaatRegionSummary) vr07 = NULL;

  /* OVR is the old name of the RMOA, in any case */
  add_contact (fixture->store, "VR05", "OVR", "Luitenant-kolonel C. Ceder", NULL, NULL);
  add_contact (fixture->store, "VR07", "rmoa", "Majoor D. Duin", "2024-01-01", "2027-01-01");
  overview = compute (fixture->store, "all", TODAY, HORIZON);
  g_assert_cmpuint (overview->n_rmoa_in_post, ==, 2);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 0);
  g_assert_cmpuint (count_items (overview, "VR07", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 0);
  vr05 = find_summary (overview, "VR05");
  g_assert_cmpstr (paraat_region_summary_get_rmoa (vr05), ==, "Luitenant-kolonel C. Ceder");
  vr07 = find_summary (overview, "VR07");
  g_assert_cmpstr (paraat_region_summary_get_rmoa (vr07), ==, "Majoor D. Duin");
}

static void
test_overview_rmoa_ending (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(ParaatAttention) item = NULL;
  g_autofree char *in_10_days = paraat_iso_add_days (TODAY, 10);
  g_autofree char *in_200_days = paraat_iso_add_days (TODAY, 200);

  g_assert_cmpstr (in_10_days, ==, "2025-03-11");
  add_contact (fixture->store, "VR05", "RMOA", "Majoor E. Eik", "2023-01-01", in_10_days);
  add_contact (fixture->store, "VR06", "OVR", "Majoor F. Fuut", "2023-01-01", in_200_days);
  overview = compute (fixture->store, "all", TODAY, HORIZON);

  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_CONTACT), ==, 1);
  item = find_item (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_CONTACT);
  assert_contains (paraat_attention_get_title (item), "Twente");
  assert_contains (paraat_attention_get_title (item), "10 days");
  assert_contains (paraat_attention_get_detail (item), "Majoor E. Eik");
  /* Still in post today, so not critical */
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 0);

  g_assert_cmpuint (count_items (overview, "VR06", PARAAT_SEVERITY_WARNING, PARAAT_KIND_CONTACT), ==, 0);
  g_assert_cmpuint (count_items (overview, "VR06", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_CONTACT), ==, 0);
  assert_sorted (overview);
  g_clear_pointer (&overview, paraat_overview_free);

  /* With a horizon of 5 days, 10 days away is not yet worth a warning. */
  overview = compute (fixture->store, "all", TODAY, 5);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_CONTACT), ==, 0);
}

/* A successor recorded from the day the posting ends settles the warning,
 * as it does for a brigade assignment: the detail text asks for exactly that. */
static void
test_overview_rmoa_successor (ParaatTestFixture *fixture,
                              gconstpointer      user_data)
{
  g_autoptr(ParaatOverview) overview = NULL;
  g_autofree char *end = paraat_iso_add_days (TODAY, 10);
  g_autofree char *late = paraat_iso_add_days (TODAY, 20);

  add_contact (fixture->store, "VR05", "RMOA", "Majoor G. Gaat", "2023-01-01", end);
  add_contact (fixture->store, "VR05", "RMOA", "Majoor H. Komt", end, NULL);
  /* VR06's successor starts ten days late: a gap, so still a warning */
  add_contact (fixture->store, "VR06", "RMOA", "Majoor I. Gaat", "2023-01-01", end);
  add_contact (fixture->store, "VR06", "RMOA", "Majoor J. Later", late, NULL);
  /* VR07's next contact is no RMOA */
  add_contact (fixture->store, "VR07", "RMOA", "Majoor K. Gaat", "2023-01-01", end);
  add_contact (fixture->store, "VR07", "RMBA", "Kapitein L. Blijft", end, NULL);

  overview = compute (fixture->store, "all", TODAY, HORIZON);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_CONTACT), ==, 0);
  g_assert_cmpuint (count_items (overview, "VR06", PARAAT_SEVERITY_WARNING, PARAAT_KIND_CONTACT), ==, 1);
  g_assert_cmpuint (count_items (overview, "VR07", PARAAT_SEVERITY_WARNING, PARAAT_KIND_CONTACT), ==, 1);
}

/* Brigade mapping rules */

static void
test_overview_assignment_ending (ParaatTestFixture *fixture,
                                 gconstpointer      user_data)
{
  g_autoptr(ParaatRecord) current = current_assignment (fixture->store, "VR05");
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(ParaatAttention) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = paraat_iso_add_days (TODAY, 30);
  const char *ended[5];
  const char *successor[] = { "VR05", "11LMB", end, NULL, "" };

  g_assert_nonnull (current);
  for (guint i = 0; i < G_N_ELEMENTS (ended); i++)
    ended[i] = paraat_record_get_value (current, i);
  ended[3] = end;
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_ASSIGNMENT,
                                             paraat_record_get_id (current), ended, &error), >, 0);
  g_assert_no_error (error);

  overview = compute (fixture->store, "all", TODAY, HORIZON);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_ASSIGNMENT), ==, 1);
  item = find_item (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_ASSIGNMENT);
  assert_contains (paraat_attention_get_title (item), "43 Gemechaniseerde Brigade");
  assert_contains (paraat_attention_get_title (item), "Twente");
  assert_contains (paraat_attention_get_title (item), "30 days");
  /* Only VR05's assignment ends */
  for (guint i = 1; i <= 25; i++)
    {
      g_autofree char *code = g_strdup_printf ("VR%02u", i);

      if (i != 5)
        g_assert_cmpuint (count_items (overview, code, PARAAT_SEVERITY_WARNING, PARAAT_KIND_ASSIGNMENT), ==, 0);
    }
  g_clear_pointer (&overview, paraat_overview_free);

  /* Beyond the horizon it is not mentioned yet. */
  overview = compute (fixture->store, "all", TODAY, 20);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_ASSIGNMENT), ==, 0);
  g_clear_pointer (&overview, paraat_overview_free);

  /* Once a successor is recorded there is nothing to do. */
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_ASSIGNMENT, 0, successor, &error), >, 0);
  g_assert_no_error (error);
  overview = compute (fixture->store, "all", TODAY, HORIZON);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_KIND_ASSIGNMENT), ==, 0);
  g_assert_cmpuint (count_items (overview, "VR05", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_ASSIGNMENT), ==, 0);
}

static void
test_overview_no_brigade (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(ParaatOverview) later = NULL;
  g_autoptr(ParaatAttention) item = NULL;
  g_autoptr(ParaatRegionSummary) vr05 = NULL;

  /* The day before the 2024 mapping: no earlier mapping is seeded. */
  overview = compute (fixture->store, "all", "2024-06-20", HORIZON);
  g_assert_cmpuint (overview->n_regions, ==, 25);
  g_assert_cmpuint (overview->n_brigades, ==, 0);
  for (guint i = 1; i <= 25; i++)
    {
      g_autofree char *code = g_strdup_printf ("VR%02u", i);

      g_assert_cmpuint (count_items (overview, code, PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_ASSIGNMENT), ==, 1);
    }
  item = find_item (overview, "VR05", PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_ASSIGNMENT);
  assert_contains (paraat_attention_get_title (item), "No brigade serves");
  assert_contains (paraat_attention_get_title (item), "Twente");
  vr05 = find_summary (overview, "VR05");
  g_assert_null (paraat_region_summary_get_brigade (vr05));
  g_assert_null (paraat_region_summary_get_brigade_id (vr05));
  assert_sorted (overview);

  /* From the first day of the mapping every region is served. */
  later = compute (fixture->store, "all", "2024-06-21", HORIZON);
  g_assert_cmpuint (later->n_brigades, ==, 3);
  for (guint i = 1; i <= 25; i++)
    {
      g_autofree char *code = g_strdup_printf ("VR%02u", i);

      g_assert_cmpuint (count_items (later, code, PARAAT_SEVERITY_CRITICAL, PARAAT_KIND_ASSIGNMENT), ==, 0);
    }
}

/* Backups */

static void
test_overview_backup (ParaatTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autofree char *today = paraat_today_iso ();
  g_autofree char *backup_path = paraat_test_fixture_build_path (fixture, "backup.db");
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(ParaatAttention) item = NULL;
  g_autoptr(GError) error = NULL;

  overview = compute (fixture->store, "all", today, HORIZON);
  g_assert_cmpuint (count_items (overview, NULL, PARAAT_SEVERITY_WARNING, PARAAT_N_KINDS), ==, 1);
  item = find_item (overview, NULL, PARAAT_SEVERITY_WARNING, PARAAT_N_KINDS);
  assert_contains (paraat_attention_get_title (item), "backed up");
  g_clear_pointer (&overview, paraat_overview_free);

  g_assert_true (paraat_store_backup (fixture->store, backup_path, &error));
  g_assert_no_error (error);
  overview = compute (fixture->store, "all", today, HORIZON);
  g_assert_cmpuint (count_items (overview, NULL, PARAAT_SEVERITY_WARNING, PARAAT_N_KINDS), ==, 0);
}

static void
test_overview_backup_old (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(ParaatAttention) item = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_store_set_meta (fixture->store, "last_backup", "2025-01-01T10:00:00Z", &error));
  g_assert_no_error (error);

  overview = compute (fixture->store, "all", "2025-01-31", HORIZON);
  g_assert_cmpuint (count_items (overview, NULL, PARAAT_SEVERITY_WARNING, PARAAT_N_KINDS), ==, 0);
  g_clear_pointer (&overview, paraat_overview_free);

  overview = compute (fixture->store, "all", TODAY, HORIZON);
  item = find_item (overview, NULL, PARAAT_SEVERITY_WARNING, PARAAT_N_KINDS);
  g_assert_nonnull (item);
  assert_contains (paraat_attention_get_title (item), "59 days");
}

/* Scopes */

typedef struct
{
  const char *scope;
  guint       n_regions;
  guint       n_brigades;
} ScopeCase;

static const ScopeCase scope_cases[] = {
  { "region:VR05", 1, 1 },
  { "VR05", 1, 1 },
  { "brigade:43MB", 8, 1 },
  { "brigade:11LMB", 9, 1 },
  { "brigade:13LB", 8, 1 },
  { "all", 25, 3 },
};

static void
test_overview_scope (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  const ScopeCase *scope_case = user_data;
  g_autoptr(ParaatOverview) overview = compute (fixture->store, scope_case->scope, TODAY, HORIZON);
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (overview->n_regions, ==, scope_case->n_regions);
  g_assert_cmpuint (g_list_model_get_n_items (overview->regions), ==, scope_case->n_regions);
  g_assert_cmpuint (overview->n_brigades, ==, scope_case->n_brigades);

  scope = paraat_scope_resolve (fixture->store, scope_case->scope, TODAY, &error);
  g_assert_no_error (error);

  /* Every region shown is in scope, and so is every region's attention item */
  for (guint i = 0; i < g_list_model_get_n_items (overview->regions); i++)
    {
      g_autoptr(ParaatRegionSummary) summary = g_list_model_get_item (overview->regions, i);

      g_assert_true (paraat_scope_contains_region (scope, paraat_region_summary_get_code (summary)));
      if (paraat_scope_get_kind (scope) == PARAAT_SCOPE_BRIGADE)
        g_assert_cmpstr (paraat_region_summary_get_brigade_id (summary), ==, paraat_scope_get_id (scope));
    }
  for (guint i = 0; i < g_list_model_get_n_items (overview->attention); i++)
    {
      g_autoptr(ParaatAttention) item = g_list_model_get_item (overview->attention, i);

      if (paraat_attention_get_region (item) != NULL)
        g_assert_true (paraat_scope_contains_region (scope, paraat_attention_get_region (item)));
    }
  /* No contacts: one critical item per region, plus the backup warning */
  g_assert_cmpuint (g_list_model_get_n_items (overview->attention), ==, scope_case->n_regions + 1);
}

static void
test_overview_scope_unknown (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(ParaatScope) region = NULL;
  g_autoptr(ParaatScope) brigade = NULL;
  g_autoptr(ParaatScope) nonsense = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_brigade = NULL;
  g_autoptr(GError) error_nonsense = NULL;

  region = paraat_scope_resolve (fixture->store, "region:VR99", TODAY, &error);
  g_assert_null (region);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "VR99"));

  brigade = paraat_scope_resolve (fixture->store, "brigade:99XX", TODAY, &error_brigade);
  g_assert_null (brigade);
  g_assert_error (error_brigade, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND);

  nonsense = paraat_scope_resolve (fixture->store, "foo", TODAY, &error_nonsense);
  g_assert_null (nonsense);
  g_assert_error (error_nonsense, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
}

static void
test_overview_scope_parse (void)
{
  const char *bad[] = { "foo", "region:", "brigade:", "vr05", "VR5", "Region:VR05", "all ", NULL };
  g_autoptr(ParaatScope) all = NULL;
  g_autoptr(ParaatScope) empty = NULL;
  g_autoptr(ParaatScope) region = NULL;
  g_autoptr(ParaatScope) bare = NULL;
  g_autoptr(ParaatScope) brigade = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(ParaatScope) scope = paraat_scope_parse (bad[i], &bad_error);

      g_assert_null (scope);
      g_assert_error (bad_error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (bad_error->message, bad[i]));
    }

  all = paraat_scope_parse ("all", &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_scope_get_kind (all), ==, PARAAT_SCOPE_ALL);
  empty = paraat_scope_parse ("", &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_scope_get_kind (empty), ==, PARAAT_SCOPE_ALL);

  region = paraat_scope_parse ("region:VR05", &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_scope_get_kind (region), ==, PARAAT_SCOPE_REGION);
  g_assert_cmpstr (paraat_scope_get_id (region), ==, "VR05");
  bare = paraat_scope_parse ("VR05", &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_scope_get_kind (bare), ==, PARAAT_SCOPE_REGION);
  text = paraat_scope_to_string (bare);
  g_assert_cmpstr (text, ==, "region:VR05");
  g_clear_pointer (&text, g_free);

  brigade = paraat_scope_parse ("brigade:43MB", &error);
  g_assert_no_error (error);
  g_assert_cmpint (paraat_scope_get_kind (brigade), ==, PARAAT_SCOPE_BRIGADE);
  g_assert_cmpstr (paraat_scope_get_id (brigade), ==, "43MB");
  text = paraat_scope_to_string (brigade);
  g_assert_cmpstr (text, ==, "brigade:43MB");
}

static void
test_overview_scope_records (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(ParaatRecord) vr05 = paraat_store_find_record (fixture->store, PARAAT_KIND_REGION, "VR05");
  g_autoptr(ParaatRecord) vr06 = paraat_store_find_record (fixture->store, PARAAT_KIND_REGION, "VR06");
  g_autoptr(ParaatRecord) mb43 = paraat_store_find_record (fixture->store, PARAAT_KIND_BRIGADE, "43MB");
  g_autoptr(ParaatRecord) lmb11 = paraat_store_find_record (fixture->store, PARAAT_KIND_BRIGADE, "11LMB");
  g_autoptr(ParaatRecord) discipline = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *disciplines = paraat_store_get_records (fixture->store, PARAAT_KIND_DISCIPLINE);

  discipline = g_list_model_get_item (disciplines, 0);
  scope = paraat_scope_resolve (fixture->store, "region:VR05", TODAY, &error);
  g_assert_no_error (error);

  g_assert_true (paraat_scope_contains_record (scope, vr05));
  g_assert_false (paraat_scope_contains_record (scope, vr06));
  g_assert_true (paraat_scope_contains_record (scope, mb43));    /* serves VR05 */
  g_assert_false (paraat_scope_contains_record (scope, lmb11));
  g_assert_true (paraat_scope_contains_record (scope, discipline));
}

/* Overdue action items */

static char *
add_held_exercise (ParaatStore *store,
                   const char  *title,
                   const char  *region,
                   const char  *participating)
{
  const char *regions[] = { participating, NULL };
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2020, 5, 13, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2020, 5, 13, 12, 0, 0);
  g_autoptr(GError) error = NULL;

  paraat_exercise_set_title (ex, title);
  paraat_exercise_set_type_code (ex, "ROT");
  paraat_exercise_set_region_code (ex, region);
  paraat_exercise_set_regions (ex, regions);
  paraat_exercise_set_times (ex, start, end, FALSE);
  paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_HELD);
  g_assert_true (paraat_store_save_exercise (store, ex, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_strdup (paraat_exercise_get_uid (ex));
}

static void
add_overdue_item (ParaatStore *store,
                  const char  *uid,
                  const char  *due)
{
  g_autoptr(ParaatActionItem) item = paraat_action_item_new ();
  g_autoptr(GError) error = NULL;

  paraat_action_item_set_what (item, "Draaiboek bijwerken");
  paraat_action_item_set_due_date (item, due);
  g_assert_cmpint (paraat_store_save_action_item (store, uid, item, &error), >, 0);
  g_assert_no_error (error);
}

/* An exercise's participating regions count as in the calendar's scope */
static void
test_overview_actions_participating (ParaatTestFixture *fixture,
                                     gconstpointer      user_data)
{
  g_autofree char *own = add_held_exercise (fixture->store, "Eigen", "VR05", NULL);
  g_autofree char *joint = add_held_exercise (fixture->store, "Samen", "VR06", "VR05");
  g_autoptr(ParaatOverview) vr05 = NULL;
  g_autoptr(ParaatOverview) vr06 = NULL;
  g_autoptr(ParaatOverview) all = NULL;
  g_autoptr(ParaatOverview) vr01 = NULL;
  g_autoptr(ParaatAttention) vr05_item = NULL;
  g_autoptr(ParaatAttention) vr06_item = NULL;
  g_autoptr(ParaatRegionSummary) summary = NULL;

  add_overdue_item (fixture->store, own, "2025-01-10");
  add_overdue_item (fixture->store, joint, "2025-02-01");
  /* Not overdue yet */
  add_overdue_item (fixture->store, joint, TODAY);

  vr05 = compute (fixture->store, "region:VR05", TODAY, HORIZON);
  g_assert_cmpuint (count_items (vr05, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_ATTENTION_TARGET_ACTIONS), ==, 1);
  vr05_item = find_item (vr05, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_ATTENTION_TARGET_ACTIONS);
  assert_contains (paraat_attention_get_title (vr05_item), "2 action items");
  assert_contains (paraat_attention_get_detail (vr05_item), "2025");
  summary = find_summary (vr05, "VR05");
  g_assert_cmpuint (paraat_region_summary_get_attention (summary), >=, 1);

  vr06 = compute (fixture->store, "region:VR06", TODAY, HORIZON);
  vr06_item = find_item (vr06, "VR06", PARAAT_SEVERITY_WARNING, PARAAT_ATTENTION_TARGET_ACTIONS);
  g_assert_nonnull (vr06_item);
  assert_contains (paraat_attention_get_title (vr06_item), "1 action item");

  /* All regions: each region its own count, the shared item in both */
  all = compute (fixture->store, "all", TODAY, HORIZON);
  g_assert_cmpuint (count_items (all, "VR05", PARAAT_SEVERITY_WARNING, PARAAT_ATTENTION_TARGET_ACTIONS), ==, 1);
  g_assert_cmpuint (count_items (all, "VR06", PARAAT_SEVERITY_WARNING, PARAAT_ATTENTION_TARGET_ACTIONS), ==, 1);

  vr01 = compute (fixture->store, "region:VR01", TODAY, HORIZON);
  g_assert_cmpuint (count_items (vr01, "VR01", PARAAT_SEVERITY_WARNING, PARAAT_ATTENTION_TARGET_ACTIONS), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, ParaatTestFixture, NULL, paraat_test_fixture_set_up_store, func, \
              paraat_test_fixture_tear_down)

  ADD ("/core/overview/rmoa/missing", test_overview_no_rmoa);
  ADD ("/core/overview/rmoa/not-in-post", test_overview_rmoa_not_yet_or_no_longer);
  ADD ("/core/overview/rmoa/ovr", test_overview_ovr_counts);
  ADD ("/core/overview/rmoa/ending", test_overview_rmoa_ending);
  ADD ("/core/overview/rmoa/successor", test_overview_rmoa_successor);
  ADD ("/core/overview/brigade/ending", test_overview_assignment_ending);
  ADD ("/core/overview/brigade/none", test_overview_no_brigade);
  ADD ("/core/overview/backup/never", test_overview_backup);
  ADD ("/core/overview/backup/old", test_overview_backup_old);
  ADD ("/core/overview/actions/participating", test_overview_actions_participating);
  ADD ("/core/overview/scope/unknown", test_overview_scope_unknown);
  ADD ("/core/overview/scope/records", test_overview_scope_records);

#undef ADD

  for (guint i = 0; i < G_N_ELEMENTS (scope_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/core/overview/scope/", scope_cases[i].scope, NULL);

      g_strdelimit (path, ":", '-');

      g_test_add (path, ParaatTestFixture, &scope_cases[i], paraat_test_fixture_set_up_store,
                  test_overview_scope, paraat_test_fixture_tear_down);
    }
  g_test_add_func ("/core/overview/scope/parse", test_overview_scope_parse);

  return g_test_run ();
}
