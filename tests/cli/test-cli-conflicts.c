/* test-cli-conflicts.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli conflicts as a user runs it: the exit status (0 also when
 * there are findings, 1 usage, 2 a bad option value, which the message
 * names), the text, JSON and CSV output and -o. paraat-test-cli.c runs
 * the program.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "paraat-test-cli.h"
#include "paraat-test-utils.h"

static void
init_db (ParaatTestFixture *fixture,
         gboolean           demo)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, NULL, "--db", fixture->path, "init", demo ? "--demo" : NULL, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_conflicts_text (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };

  init_db (fixture, TRUE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "conflicts", "--from", "2026-01-01", "--to", "2027-12-31",
           NULL);
  /* Findings are not errors */
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "Warning: unit-double-booked ("));
  g_assert_nonnull (strstr (result.out, "Warning: observer-clash (43 Gemechaniseerde Brigade)"));
  g_assert_nonnull (strstr (result.out, "@paraat\t"));
  /* The demo's Defence calendar: a unit committed elsewhere, requests it
   * does not have, and an event where the region holds no exercise */
  g_assert_nonnull (strstr (result.out, "Critical: unit-unavailable ("));
  g_assert_nonnull (strstr (result.out, "Warning: request-not-aligned (VR"));
  g_assert_nonnull (strstr (result.out, "Info: defence-event-unmatched (VR02)"));
  g_assert_nonnull (strstr (result.out, "“Schietoefening Vliehors”"));
  g_assert_nonnull (strstr (result.out, "@demo.43mechbrig.example\t"));
  g_assert_nonnull (strstr (result.out, " for information\n"));
}

static void
test_conflicts_scopes (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_auto(CliResult) all = { 0 };
  g_auto(CliResult) region = { 0 };
  g_auto(CliResult) brigade = { 0 };
  g_auto(CliResult) other = { 0 };

  init_db (fixture, TRUE);
  run_cli (fixture, &all, NULL, "--db", fixture->path, "conflicts", "--from", "2026-01-01", "--to", "2027-12-31",
           "--csv", NULL);
  run_cli (fixture, &brigade, NULL, "--db", fixture->path, "conflicts", "--brigade", "43MB", "--from", "2026-01-01",
           "--to", "2027-12-31", "--csv", NULL);
  run_cli (fixture, &region, NULL, "--db", fixture->path, "conflicts", "--region", "VR05", "--from", "2026-01-01",
           "--to", "2027-12-31", "--csv", NULL);
  run_cli (fixture, &other, NULL, "--db", fixture->path, "conflicts", "--brigade", "13LB", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpint (brigade.status, ==, 0);
  g_assert_cmpint (region.status, ==, 0);
  g_assert_cmpint (other.status, ==, 0);
  /* The demo is all 43MB's */
  g_assert_cmpstr (all.out, ==, brigade.out);
  g_assert_cmpuint (strlen (region.out), <, strlen (all.out));
  g_assert_cmpstr (other.out, ==, "No conflicts found.\n");
}

static void
test_conflicts_json (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *findings;

  init_db (fixture, TRUE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "conflicts", "--from", "2026-01-01", "--to", "2027-12-31",
           "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  findings = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (findings), >, 0);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      const char *rule = json_object_get_string_member (finding, "rule");
      const char *severity = json_object_get_string_member (finding, "severity");
      gboolean one_item = g_str_equal (rule, "request-not-aligned") || g_str_equal (rule, "defence-event-unmatched");

      /* The severities of data/rules/alignment.json */
      if (g_str_equal (rule, "unit-unavailable"))
        g_assert_cmpstr (severity, ==, "critical");
      else if (g_str_equal (rule, "defence-event-unmatched"))
        g_assert_cmpstr (severity, ==, "info");
      else
        g_assert_cmpstr (severity, ==, "warning");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (finding, "items")), ==,
                        one_item ? 1 : 2);
    }
}

static void
test_conflicts_csv_file (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_autofree char *path = paraat_test_fixture_build_path (fixture, "findings.csv");
  g_autofree char *csv = NULL;

  init_db (fixture, TRUE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "conflicts", "--from", "2026-01-01", "--to", "2027-12-31",
           "--csv", "-o", path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "severity,rule,subject,start,end,explanation,"));
  g_assert_nonnull (strstr (csv, "\r\nwarning,"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
}

static void
test_conflicts_empty (ParaatTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) json = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "conflicts", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "No conflicts found.\n");
  run_cli (fixture, &json, NULL, "--db", fixture->path, "conflicts", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.out, ==, "[]\n");
}

static void
test_conflicts_bad_options (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  static const struct {
    const char *args[5];
    int         status;
    const char *needle;
  } cases[] = {
    { { "--region", "Twente" }, 2, "--region" },
    { { "--region", "VR99" }, 2, "VR99" },
    { { "--brigade", "44MB" }, 2, "44MB" },
    { { "--region", "VR05", "--brigade", "43MB" }, 2, "--brigade" },
    { { "--from", "2026-13-45" }, 2, "--from" },
    { { "--to", "yesterday" }, 2, "--to" },
    { { "--from", "2026-06-01", "--to", "2026-01-01" }, 2, "--to" },
    { { "--json", "--csv" }, 2, "--csv" },
    { { "--frm", "2026-01-01" }, 1, "--frm" },
    { { "extra" }, 1, "no arguments" },
  };

  init_db (fixture, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(CliResult) result = { 0 };
      const char *argv[10] = { "--db", fixture->path, "conflicts" };

      for (guint k = 0; k < G_N_ELEMENTS (cases[i].args) && cases[i].args[k] != NULL; k++)
        argv[3 + k] = cases[i].args[k];
      run_cli_argv (fixture, &result, NULL, argv);
      g_assert_cmpint (result.status, ==, cases[i].status);
      g_assert_true (g_str_has_prefix (result.err, "paraat-cli: "));
      g_assert_nonnull (strstr (result.err, cases[i].needle));
      g_assert_cmpstr (result.out, ==, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, ParaatTestFixture, NULL, paraat_test_fixture_set_up, func, paraat_test_fixture_tear_down)

  ADD ("/cli/conflicts/text", test_conflicts_text);
  ADD ("/cli/conflicts/scopes", test_conflicts_scopes);
  ADD ("/cli/conflicts/json", test_conflicts_json);
  ADD ("/cli/conflicts/csv-file", test_conflicts_csv_file);
  ADD ("/cli/conflicts/empty", test_conflicts_empty);
  ADD ("/cli/conflicts/bad-options", test_conflicts_bad_options);

#undef ADD

  return g_test_run ();
}
