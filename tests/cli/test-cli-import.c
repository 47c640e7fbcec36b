/* test-cli-import.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli import and sources as a user runs them: the preview and
 * --dry-run (nothing written), the one-pass import and its summary, the
 * same file twice, exit 2 with the file
 * and line named and the database byte for byte unchanged for hostile
 * files, 1 for usage errors, 3 for an unreadable file, sources list
 * and delete, and export --merged imported again.
 */

#include "config.h"

#include <json-glib/json-glib.h>
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

static char *
defence_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static void
test_import_preview (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autofree char *ics = defence_file ("defence-43mb.ics");
  g_auto(CliResult) dry = { 0 };
  g_auto(CliResult) real = { 0 };
  g_auto(CliResult) again = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  init_db (fixture, FALSE);
  before = paraat_test_read_bytes (fixture->path);

  run_cli (fixture, &dry, NULL, "--db", fixture->path, "import", ics, "--organisation",
           "43 Gemechaniseerde Brigade", "--dry-run", "--verbose", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_cmpstr (dry.err, ==, "");
  g_assert_nonnull (strstr (dry.out, "Source: 43 Gemechaniseerde Brigade (new, defence)\n"));
  g_assert_nonnull (strstr (dry.out, "New: 3\nChanged: 0\nUnchanged: 0\nRemoved: 0\nSkipped: 0\n"));
  g_assert_nonnull (strstr (dry.out, "Oefening Bold Sparrow"));
  g_assert_nonnull (strstr (dry.out, "nothing was written"));
  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);

  run_cli (fixture, &real, NULL, "--db", fixture->path, "import", ics, NULL);
  g_assert_cmpint (real.status, ==, 0);
  /* One pass: the same summary, after the write */
  g_assert_nonnull (strstr (real.out, "Source: 43 Gemechaniseerde Brigade (new, defence)\n"));
  g_assert_nonnull (strstr (real.out, "New: 3\n"));
  g_assert_true (g_str_has_suffix (real.out, "Imported into “43 Gemechaniseerde Brigade”.\n"));
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 3);

  run_cli (fixture, &again, NULL, "--db", fixture->path, "import", ics, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "Source: 43 Gemechaniseerde Brigade (defence)\n"));
  g_assert_nonnull (strstr (again.out, "New: 0\nChanged: 0\nUnchanged: 3\n"));
}

static void
test_import_removed (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autofree char *v1 = defence_file ("defence-43mb.ics");
  g_autofree char *v2 = defence_file ("defence-43mb-v2.ics");
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) second = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &first, NULL, "--db", fixture->path, "import", v1, "--source", "43MB", NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (fixture, &second, NULL, "--db", fixture->path, "import", v2, "--source", "43MB", "-v", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "New: 0\nChanged: 1\nUnchanged: 1\nRemoved: 1\n"));
  g_assert_nonnull (strstr (second.out, "removed    event"));
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT sum (removed) FROM source_event"), ==, 1);
}

static void
test_import_hostile (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  static const char * const files[] = { "billion-laughs.xml", "xxe-file.xml", "truncated.ics", "missing-uid.ics" };
  g_autofree char *good = defence_file ("defence-43mb.ics");
  g_auto(CliResult) first = { 0 };
  g_autoptr(GBytes) before = NULL;

  init_db (fixture, FALSE);
  run_cli (fixture, &first, NULL, "--db", fixture->path, "import", good, NULL);
  g_assert_cmpint (first.status, ==, 0);
  before = paraat_test_read_bytes (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "xcal", "hostile", files[i], NULL);
      g_autofree char *prefix = g_strconcat ("paraat-cli: ", files[i], ":", NULL);
      g_auto(CliResult) result = { 0 };
      g_autoptr(GBytes) after = NULL;

      run_cli (fixture, &result, NULL, "--db", fixture->path, "import", good, path, NULL);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_true (g_str_has_prefix (result.err, prefix));
      g_assert_cmpstr (result.out, ==, "");
      after = paraat_test_read_bytes (fixture->path);
      paraat_test_assert_bytes_equal (before, after);
    }
}

static void
test_import_usage (ParaatTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autofree char *ics = defence_file ("defence-43mb.ics");
  g_autofree char *missing = paraat_test_fixture_build_path (fixture, "missing.ics");
  g_auto(CliResult) no_file = { 0 };
  g_auto(CliResult) bad_kind = { 0 };
  g_auto(CliResult) unreadable = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &no_file, NULL, "--db", fixture->path, "import", NULL);
  g_assert_cmpint (no_file.status, ==, 1);
  run_cli (fixture, &bad_kind, NULL, "--db", fixture->path, "import", ics, "--kind", "navy", NULL);
  g_assert_cmpint (bad_kind.status, ==, 1);
  g_assert_nonnull (strstr (bad_kind.err, "navy"));
  run_cli (fixture, &unreadable, NULL, "--db", fixture->path, "import", missing, NULL);
  g_assert_cmpint (unreadable.status, ==, 3);
  g_assert_nonnull (strstr (unreadable.err, "missing.ics"));
}

static void
test_sources (ParaatTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autofree char *ics = defence_file ("defence-43mb.ics");
  g_auto(CliResult) import = { 0 };
  g_auto(CliResult) list = { 0 };
  g_auto(CliResult) json = { 0 };
  g_auto(CliResult) hide = { 0 };
  g_auto(CliResult) show = { 0 };
  g_auto(CliResult) unknown = { 0 };
  g_auto(CliResult) delete = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) usage = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *first;

  init_db (fixture, FALSE);
  run_cli (fixture, &import, NULL, "--db", fixture->path, "import", ics, "--source", "43MB", "--organisation",
           "43 Gemechaniseerde Brigade", NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (fixture, &list, NULL, "--db", fixture->path, "sources", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (g_str_has_prefix (list.out, "43MB\tdefence\t43 Gemechaniseerde Brigade\t3\t"));

  run_cli (fixture, &json, NULL, "--db", fixture->path, "sources", "list", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  first = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "43MB");
  g_assert_cmpint (json_object_get_int_member (first, "events"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "last_file"), ==, "defence-43mb.ics");

  /* Hidden from the calendar views and shown again */
  run_cli (fixture, &hide, NULL, "--db", fixture->path, "sources", "hide", "43MB", NULL);
  g_assert_cmpint (hide.status, ==, 0);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT visible FROM calendar_source"), ==, 0);
  run_cli (fixture, &show, NULL, "--db", fixture->path, "sources", "show", "43MB", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT visible FROM calendar_source"), ==, 1);
  run_cli (fixture, &unknown, NULL, "--db", fixture->path, "sources", "hide", "RMC Zuid", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "RMC Zuid"));

  run_cli (fixture, &delete, NULL, "--db", fixture->path, "sources", "delete", "43MB", NULL);
  g_assert_cmpint (delete.status, ==, 0);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 0);
  run_cli (fixture, &again, NULL, "--db", fixture->path, "sources", "delete", "43MB", NULL);
  g_assert_cmpint (again.status, ==, 2);
  g_assert_nonnull (strstr (again.err, "43MB"));
  run_cli (fixture, &usage, NULL, "--db", fixture->path, "sources", NULL);
  g_assert_cmpint (usage.status, ==, 1);
}

static void
test_export_merged (ParaatTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autofree char *ics = defence_file ("defence-43mb.ics");
  g_autofree char *merged = paraat_test_fixture_build_path (fixture, "merged.ics");
  g_autofree char *plain = paraat_test_fixture_build_path (fixture, "plain.ics");
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) import = { 0 };
  g_auto(CliResult) export = { 0 };
  g_auto(CliResult) export_plain = { 0 };
  g_auto(CliResult) validate = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) help = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &add, NULL, "--db", fixture->path, "exercises", "add", "--title", "ROT-oefening Twente",
           "--type", "ROT", "--region", "VR05", "--start", "2026-06-03T09:00", "--end", "2026-06-03T17:00", NULL);
  g_assert_cmpint (add.status, ==, 0);
  run_cli (fixture, &import, NULL, "--db", fixture->path, "import", ics, NULL);
  g_assert_cmpint (import.status, ==, 0);

  run_cli (fixture, &export, NULL, "--db", fixture->path, "export", "--format", "ics", "--merged", "-o", merged,
           NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpstr (export.err, ==, "");
  expected = g_strdup_printf ("Exported 4 events, exercises and imported calendars’ events, to “%s”.\n", merged);
  g_assert_cmpstr (export.out, ==, expected);
  g_assert_true (g_file_get_contents (merged, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "UID:43mb-2026-001@mil.example\r\n"));
  g_assert_nonnull (strstr (text, "X-PARAAT-SOURCE:43 Gemechaniseerde Brigade\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:ROT-oefening Twente\r\n"));

  run_cli (fixture, &validate, NULL, "validate", merged, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_cmpstr (validate.err, ==, "");
  g_assert_nonnull (strstr (validate.out, "valid iCalendar with 4 events"));

  run_cli (fixture, &export_plain, NULL, "--db", fixture->path, "export", "--format", "ics", "-o", plain, NULL);
  g_assert_cmpint (export_plain.status, ==, 0);
  g_assert_nonnull (strstr (export_plain.out, "Exported 1 exercise to"));

  /* Imported again: the exercise is known, the brigade's events are in
   * their own source already */
  run_cli (fixture, &again, NULL, "--db", fixture->path, "import", merged, "--source", "Merged", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "New: 0\nChanged: 0\nUnchanged: 1\nRemoved: 0\nSkipped: 3\n"));
  g_assert_nonnull (strstr (again.out, "is in the calendar source “43 Gemechaniseerde Brigade” already"));
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM exercise"), ==, 1);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count (*) FROM source_event"), ==, 3);

  run_cli (fixture, &help, NULL, "export", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--merged"));
}

/* The story: an RMOA imports a brigade's calendar and three
 * regions' own exports into an empty database, sees every clash
 * explained, and exports one merged calendar */
static void
test_rmoa_story (ParaatTestFixture *fixture,
                 gconstpointer      user_data)
{
  const char *regions[] = { "VR01", "VR02", "VR03" };
  g_autofree char *brigade = defence_file ("defence-43mb.ics");
  g_autofree char *demo = paraat_test_fixture_build_path (fixture, "regions.db");
  g_autofree char *merged = paraat_test_fixture_build_path (fixture, "merged.ics");
  g_autofree char *text = NULL;
  g_auto(CliResult) init_demo = { 0 };
  g_auto(CliResult) import = { 0 };
  g_auto(CliResult) conflicts = { 0 };
  g_auto(CliResult) export = { 0 };
  g_auto(CliResult) validate = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) rules = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *findings;
  guint n_exercises = 0;

  /* Three regions' planners export their plans */
  run_cli (fixture, &init_demo, NULL, "--db", demo, "init", "--demo", NULL);
  g_assert_cmpint (init_demo.status, ==, 0);
  init_db (fixture, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      g_autofree char *name = g_strconcat (regions[i], ".xml", NULL);
      g_autofree char *file = paraat_test_fixture_build_path (fixture, name);
      g_autofree char *source = g_strconcat ("Oefenplan ", regions[i], NULL);
      g_auto(CliResult) out = { 0 };
      g_auto(CliResult) in = { 0 };

      run_cli (fixture, &out, NULL, "--db", demo, "export", "--format", "xcal", "--region", regions[i],
               "--from", "2026-01-01", "--to", "2027-12-31", "-o", file, NULL);
      g_assert_cmpint (out.status, ==, 0);
      run_cli (fixture, &in, NULL, "--db", fixture->path, "import", file, "--kind", "region", "--source", source,
               NULL);
      g_assert_cmpint (in.status, ==, 0);
      g_assert_nonnull (strstr (in.out, "Skipped: 0\n"));
    }
  n_exercises = (guint) paraat_test_query_int (fixture->path, "SELECT count (*) FROM exercise");
  g_assert_cmpuint (n_exercises, >, 3 * 10);

  /* … and the brigade its calendar */
  run_cli (fixture, &import, NULL, "--db", fixture->path, "import", brigade, "--kind", "defence",
           "--organisation", "43 Gemechaniseerde Brigade", NULL);
  g_assert_cmpint (import.status, ==, 0);

  /* Every clash explained, naming what clashes */
  run_cli (fixture, &conflicts, NULL, "--db", fixture->path, "conflicts", "--brigade", "43MB",
           "--from", "2026-01-01", "--to", "2027-12-31", "--json", NULL);
  g_assert_cmpint (conflicts.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, conflicts.out, -1, &error));
  g_assert_no_error (error);
  findings = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (findings), >, 0);
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);
      JsonArray *items = json_object_get_array_member (finding, "items");
      const char *explanation = json_object_get_string_member (finding, "explanation");

      g_hash_table_add (rules, (gpointer) json_object_get_string_member (finding, "rule"));
      g_assert_cmpuint (strlen (explanation), >, 40);
      g_assert_cmpuint (json_array_get_length (items), >=, 1);
      /* The explanation names the first exercise or event by its title */
      g_assert_nonnull (strstr (explanation,
                                json_object_get_string_member (json_array_get_object_element (items, 0), "title")));
    }
  /* The regions clash among themselves, and with what is (not) on the
   * brigade's calendar */
  g_assert_true (g_hash_table_contains (rules, "unit-double-booked") ||
                 g_hash_table_contains (rules, "observer-clash"));
  g_assert_true (g_hash_table_contains (rules, "request-not-aligned"));

  /* One merged calendar that a calendar program opens */
  run_cli (fixture, &export, NULL, "--db", fixture->path, "export", "--format", "ics", "--merged",
           "--brigade", "43MB", "--from", "2026-01-01", "--to", "2027-12-31", "-o", merged, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_cli (fixture, &validate, NULL, "validate", merged, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_true (g_file_get_contents (merged, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "X-PARAAT-SOURCE:43 Gemechaniseerde Brigade\r\n"));
  g_assert_nonnull (strstr (text, "X-PARAAT-REGION:VR01\r\n"));
  g_assert_nonnull (strstr (text, "X-PARAAT-REGION:VR03\r\n"));
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, ParaatTestFixture, NULL, paraat_test_fixture_set_up, func, paraat_test_fixture_tear_down)
  ADD ("/cli/import/preview", test_import_preview);
  ADD ("/cli/import/removed", test_import_removed);
  ADD ("/cli/import/hostile", test_import_hostile);
  ADD ("/cli/import/usage", test_import_usage);
  ADD ("/cli/sources", test_sources);
  ADD ("/cli/export/merged", test_export_merged);
  ADD ("/cli/import/rmoa-story", test_rmoa_story);
#undef ADD

  return g_test_run ();
}
