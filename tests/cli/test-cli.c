/* test-cli.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli as a user runs it: through GSubprocess, checking the exit
 * status (0 success, 1 usage, 2 invalid input, 3 store or I/O error),
 * stdout and stderr, and that a refused file is left as it was.
 * meson passes the freshly built binary in PARAAT_CLI.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include "paraat-store.h"
#include "paraat-test-cli.h"
#include "paraat-test-utils.h"
#include "paraat-utils.h"

static void
assert_error_names (const CliResult *result,
                    const char      *needle)
{
  g_assert_true (g_str_has_prefix (result->err, "paraat-cli: "));
  if (needle != NULL)
    g_assert_nonnull (strstr (result->err, needle));
}

static guint
count_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        n++;
    }

  return n;
}

static void
init_db (ParaatTestFixture *fixture,
         gboolean           demo)
{
  g_auto(CliResult) result = { 0 };

  if (demo)
    run_cli (fixture, &result, NULL, "--db", fixture->path, "init", "--demo", NULL);
  else
    run_cli (fixture, &result, NULL, "--db", fixture->path, "init", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, fixture->path));
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

/* Usage */

static void
test_cli_version (ParaatTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, NULL, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "paraat-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_cli_no_command (ParaatTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, NULL, "--db", fixture->path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_error_names (&result, "No command given.");
  /* The help that follows lists the commands */
  g_assert_nonnull (strstr (result.err, "regions"));
  g_assert_cmpstr (result.out, ==, "");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_cli_unknown_command (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, NULL, "--db", fixture->path, "frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_error_names (&result, "frobnicate");
  g_assert_cmpstr (result.out, ==, "");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_cli_unknown_option (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "regions", "list", "--frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_error_names (&result, "--frobnicate");
  g_assert_cmpstr (result.out, ==, "");
}

static void
test_cli_regions_without_list (ParaatTestFixture *fixture,
                               gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) other = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "regions", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_error_names (&result, "regions list");
  g_assert_cmpstr (result.out, ==, "");

  run_cli (fixture, &other, NULL, "--db", fixture->path, "regions", "show", NULL);
  g_assert_cmpint (other.status, ==, 1);
  assert_error_names (&other, NULL);
}

/* init */

static void
test_cli_init_demo (ParaatTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) per_brigade = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *root;
  JsonArray *regions;
  guint with_rmoa = 0;

  init_db (fixture, TRUE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "regions", "list", "--json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  regions = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (regions), ==, 25);

  for (guint i = 0; i < json_array_get_length (regions); i++)
    {
      JsonNode *node = json_array_get_element (regions, i);
      JsonObject *region;
      JsonNode *brigade;
      g_autofree char *code = g_strdup_printf ("VR%02u", i + 1);
      const char *id;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      region = json_node_get_object (node);
      g_assert_cmpstr (json_object_get_string_member (region, "code"), ==, code);
      g_assert_cmpint (json_object_get_int_member (region, "number"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (region, "name"), !=, "");
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (region, "aliases")));

      brigade = json_object_get_member (region, "brigade");
      g_assert_nonnull (brigade);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (brigade));
      id = json_object_get_string_member (json_node_get_object (brigade), "id");
      g_assert_nonnull (id);
      g_hash_table_insert (per_brigade, (gpointer) id,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_brigade, id)) + 1));

      g_assert_true (json_object_has_member (region, "rmoa"));
      if (!json_object_get_null_member (region, "rmoa"))
        with_rmoa++;
    }

  g_assert_cmpuint (g_hash_table_size (per_brigade), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_brigade, "43MB")), ==, 8);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_brigade, "11LMB")), ==, 9);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_brigade, "13LB")), ==, 8);
  /* The demo gives regions their RMOA */
  g_assert_cmpuint (with_rmoa, >, 0);
}

static void
test_cli_init_existing (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  init_db (fixture, FALSE);
  before = paraat_test_read_bytes (fixture->path);

  run_cli (fixture, &result, NULL, "--db", fixture->path, "init", "--demo", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_error_names (&result, fixture->path);
  g_assert_cmpstr (result.out, ==, "");

  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
}

/* regions list */

static void
test_cli_regions_scope (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) all = { 0 };
  g_auto(GStrv) lines = NULL;

  init_db (fixture, FALSE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "regions", "list", "--scope", "brigade:13LB", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpuint (count_lines (result.out), ==, 8);
  lines = g_strsplit (result.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "VR"));
      g_assert_true (g_str_has_suffix (lines[i], "\t13 Lichte Brigade"));
    }

  run_cli (fixture, &all, NULL, "--db", fixture->path, "regions", "list", NULL);
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpuint (count_lines (all.out), ==, 25);
}

static void
test_cli_regions_date (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_auto(CliResult) before_mapping = { 0 };
  g_auto(CliResult) mapping = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &before_mapping, NULL, "--db", fixture->path, "regions", "list", "--date", "2024-06-20", NULL);
  g_assert_cmpint (before_mapping.status, ==, 0);
  g_assert_cmpuint (count_lines (before_mapping.out), ==, 25);
  g_assert_nonnull (strstr (before_mapping.out, "VR05\tTwente\t(no brigade)\n"));

  run_cli (fixture, &mapping, NULL, "--db", fixture->path, "regions", "list", "--date", "2024-06-21", NULL);
  g_assert_cmpint (mapping.status, ==, 0);
  g_assert_nonnull (strstr (mapping.out, "VR05\tTwente\t43 Gemechaniseerde Brigade\n"));
  g_assert_null (strstr (mapping.out, "(no brigade)"));
}

static void
test_cli_regions_bad_date (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  init_db (fixture, FALSE);
  before = paraat_test_read_bytes (fixture->path);

  run_cli (fixture, &result, NULL, "--db", fixture->path, "regions", "list", "--date", "2024-13-01", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_error_names (&result, "2024-13-01");
  g_assert_cmpstr (result.out, ==, "");

  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
}

static void
test_cli_regions_bad_scope (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_auto(CliResult) unknown = { 0 };
  g_auto(CliResult) nonsense = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &unknown, NULL, "--db", fixture->path, "regions", "list", "--scope", "region:VR99", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  assert_error_names (&unknown, "VR99");
  g_assert_cmpstr (unknown.out, ==, "");

  run_cli (fixture, &nonsense, NULL, "--db", fixture->path, "regions", "list", "--scope", "foo", NULL);
  g_assert_cmpint (nonsense.status, ==, 2);
  assert_error_names (&nonsense, "foo");
}

/* check */

static void
test_cli_check (ParaatTestFixture *fixture,
                gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_autofree char *expected = NULL;

  init_db (fixture, TRUE);
  run_cli (fixture, &result, NULL, "--db", fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 0);
  expected = g_strdup_printf ("%s: no problems found.\n", fixture->path);
  g_assert_cmpstr (result.out, ==, expected);
  g_assert_cmpstr (result.err, ==, "");
}

static void
test_cli_check_problems (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };

  init_db (fixture, FALSE);
  /* Another program, without foreign keys, leaves a dangling reference. */
  paraat_test_exec_sql (fixture->path,
                        "PRAGMA foreign_keys = OFF;"
                        "INSERT INTO contact (region_code, role, name) VALUES ('VR77', 'RMOA', 'Nobody');");

  run_cli (fixture, &result, NULL, "--db", fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 3);
  assert_error_names (&result, fixture->path);
  g_assert_nonnull (strstr (result.err, "1 problem found"));
  g_assert_cmpstr (result.out, ==, "");
}

static void
test_cli_check_missing (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };

  run_cli (fixture, &result, NULL, "--db", fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 3);
  assert_error_names (&result, fixture->path);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* backup */

static void
test_cli_backup (ParaatTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autofree char *backup_path = paraat_test_fixture_build_path (fixture, "backup.db");
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) no_file = { 0 };
  g_auto(CliResult) self = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *copy = NULL;

  init_db (fixture, TRUE);
  before = paraat_test_dump_database (fixture->path);

  run_cli (fixture, &result, NULL, "--db", fixture->path, "backup", backup_path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, backup_path));
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_IS_REGULAR));
  copy = paraat_test_dump_database (backup_path);
  g_assert_cmpstr (copy, ==, before);

  run_cli (fixture, &no_file, NULL, "--db", fixture->path, "backup", NULL);
  g_assert_cmpint (no_file.status, ==, 1);
  assert_error_names (&no_file, NULL);

  run_cli (fixture, &self, NULL, "--db", fixture->path, "backup", fixture->path, NULL);
  g_assert_cmpint (self.status, ==, 2);
  assert_error_names (&self, fixture->path);
}

/* Files the CLI must refuse and leave alone */

static void
test_cli_too_new (ParaatTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_auto(CliResult) result = { 0 };
  g_auto(CliResult) check = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sql = NULL;

  init_db (fixture, FALSE);
  sql = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;",
                         paraat_store_get_latest_version () + 1);
  paraat_test_exec_sql (fixture->path, sql);
  before = paraat_test_read_bytes (fixture->path);

  run_cli (fixture, &result, NULL, "--db", fixture->path, "regions", "list", NULL);
  g_assert_cmpint (result.status, ==, 3);
  assert_error_names (&result, fixture->path);
  g_assert_cmpstr (result.out, ==, "");

  run_cli (fixture, &check, NULL, "--db", fixture->path, "check", NULL);
  g_assert_cmpint (check.status, ==, 3);

  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
}

static void
test_cli_text_file (ParaatTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(CliResult) result = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "hello, not a database\n");
  paraat_test_write_bytes (fixture->path, text->str, text->len);
  before = paraat_test_read_bytes (fixture->path);

  run_cli (fixture, &result, NULL, "--db", fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 3);
  assert_error_names (&result, fixture->path);
  g_assert_cmpstr (result.out, ==, "");

  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
}

/* Dutch */

static void
test_cli_dutch (ParaatTestFixture *fixture,
                gconstpointer      user_data)
{
  const char *env[] = { "LANGUAGE=nl", "LC_ALL=nl_NL.UTF-8", NULL };
  g_auto(CliResult) result = { 0 };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  gboolean have_dutch = setlocale (LC_ALL, "nl_NL.UTF-8") != NULL;

  setlocale (LC_ALL, saved);
  if (!have_dutch)
    {
      g_test_skip ("The nl_NL.UTF-8 locale is not installed");
      return;
    }

  init_db (fixture, FALSE);
  run_cli (fixture, &result, env, "--db", fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpstr (result.out, !=, "");
  g_assert_true (g_str_has_prefix (result.out, fixture->path));

  {
    g_autofree char *expected = g_strdup_printf ("%s: geen problemen gevonden.\n", fixture->path);

    g_assert_cmpstr (result.out, ==, expected);
  }
}

/* exercises and actions */

/* Runs “exercises add” with the arguments after @fixture, which must
 * succeed, and returns the new exercise's UID */
static char * G_GNUC_NULL_TERMINATED
cli_add_exercise (ParaatTestFixture *fixture,
                  ...)
{
  g_auto(CliResult) result = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, fixture->path);
  g_ptr_array_add (args, (gpointer) "exercises");
  g_ptr_array_add (args, (gpointer) "add");
  va_start (ap, fixture);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (fixture, &result, NULL, (const char * const *) args->pdata);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (g_str_has_suffix (result.out, "@paraat\n"));
  g_assert_cmpuint (count_lines (result.out), ==, 1);

  return g_strndup (result.out, strlen (result.out) - 1);
}

static char *
add_planned (ParaatTestFixture *fixture)
{
  return cli_add_exercise (fixture, "--title", "ROT Twente", "--type", "ROT", "--region", "VR05",
                           "--start", "2026-05-12T09:00", "--end", "2026-05-12T12:00", "--status", "planned", NULL);
}

static char *
add_held (ParaatTestFixture *fixture)
{
  return cli_add_exercise (fixture, "--title", "Gehouden", "--type", "ROT", "--region", "VR05",
                           "--start", "2020-05-12T09:00", "--end", "2020-05-12T12:00", "--status", "held", NULL);
}

/* Parses @text as JSON; the parser owns the nodes */
static JsonNode *
parse_json (JsonParser *parser,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_parser_get_root (parser);
}

/* The element of @array whose string member @member is @value, or NULL */
static JsonObject *
find_object (JsonArray  *array,
             const char *member,
             const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
        return object;
    }

  return NULL;
}

static JsonObject *
find_by_id (JsonArray *array,
            gint64     id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (json_object_get_int_member (object, "id") == id)
        return object;
    }

  return NULL;
}

static gint64
count_exercises (ParaatTestFixture *fixture)
{
  return paraat_test_query_int (fixture->path, "SELECT count(*) FROM exercise");
}

static void
test_cli_exercises_add_list (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autofree char *uid = NULL;
  g_autofree char *day = NULL;
  g_auto(CliResult) json = { 0 };
  g_auto(CliResult) text = { 0 };
  g_auto(CliResult) other_year = { 0 };
  g_auto(CliResult) last_exercises = { 0 };
  g_auto(CliResult) last_conflicts = { 0 };
  g_auto(CliResult) last_export = { 0 };
  g_autofree char *export_path = paraat_test_fixture_build_path (fixture, "last-day.ics");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) other_parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;
  JsonObject *ex;
  JsonObject *all_day;

  init_db (fixture, FALSE);
  uid = add_planned (fixture);
  day = cli_add_exercise (fixture, "--title", "Oefendag", "--type", "ROT", "--region", "VR06",
                          "--start", "2026-09-01", "--end", "2026-09-02", NULL);
  g_assert_cmpstr (uid, !=, day);
  g_assert_cmpint (count_exercises (fixture), ==, 2);

  run_cli (fixture, &json, NULL, "--db", fixture->path, "exercises", "list",
           "--from", "2026-01-01", "--to", "2026-12-31", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  root = parse_json (parser, json.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  ex = find_object (array, "uid", uid);
  g_assert_nonnull (ex);
  g_assert_cmpstr (json_object_get_string_member (ex, "title"), ==, "ROT Twente");
  g_assert_cmpstr (json_object_get_string_member (ex, "type"), ==, "ROT");
  g_assert_cmpstr (json_object_get_string_member (ex, "region"), ==, "VR05");
  g_assert_cmpstr (json_object_get_string_member (ex, "start"), ==, "2026-05-12T09:00:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (ex, "end"), ==, "2026-05-12T12:00:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (ex, "status"), ==, "planned");
  g_assert_false (json_object_get_boolean_member (ex, "all_day"));
  g_assert_cmpint (json_object_get_int_member (ex, "sequence"), ==, 0);
  /* All-day ends are given as the last day, as they were entered */
  all_day = find_object (array, "uid", day);
  g_assert_nonnull (all_day);
  g_assert_true (json_object_get_boolean_member (all_day, "all_day"));
  g_assert_cmpstr (json_object_get_string_member (all_day, "start"), ==, "2026-09-01");
  g_assert_cmpstr (json_object_get_string_member (all_day, "end"), ==, "2026-09-02");

  run_cli (fixture, &text, NULL, "--db", fixture->path, "exercises", "list",
           "--from", "2026-01-01", "--to", "2026-12-31", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_cmpuint (count_lines (text.out), ==, 2);
  g_assert_true (g_str_has_prefix (text.out, uid));
  g_assert_nonnull (strstr (text.out, day));

  /* --to is the last day, included; another year lists nothing */
  run_cli (fixture, &other_year, NULL, "--db", fixture->path, "exercises", "list",
           "--from", "2027-01-01", "--to", "2027-12-31", "--json", NULL);
  g_assert_cmpint (other_year.status, ==, 0);
  root = parse_json (other_parser, other_year.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 0);

  /* The last day there is: the day after it is past GDateTime */
  run_cli (fixture, &last_exercises, NULL, "--db", fixture->path, "exercises", "list",
           "--from", "9999-12-31", "--to", "9999-12-31", NULL);
  run_cli (fixture, &last_conflicts, NULL, "--db", fixture->path, "conflicts",
           "--from", "9999-12-31", "--to", "9999-12-31", NULL);
  run_cli (fixture, &last_export, NULL, "--db", fixture->path, "export", "--format", "ics",
           "--from", "9999-12-31", "--to", "9999-12-31", "-o", export_path, NULL);
  g_assert_cmpint (last_exercises.status, ==, 0);
  g_assert_cmpstr (last_exercises.err, ==, "");
  g_assert_cmpint (last_conflicts.status, ==, 0);
  g_assert_cmpstr (last_conflicts.err, ==, "");
  g_assert_cmpint (last_export.status, ==, 0);
  g_assert_cmpstr (last_export.err, ==, "");
}

static void
test_cli_exercises_add_invalid (ParaatTestFixture *fixture,
                                gconstpointer      user_data)
{
  g_auto(CliResult) no_title = { 0 };
  g_auto(CliResult) bad_type = { 0 };
  g_auto(CliResult) bad_start = { 0 };
  g_auto(CliResult) bad_end = { 0 };
  g_auto(CliResult) no_end = { 0 };

  init_db (fixture, FALSE);

  run_cli (fixture, &no_title, NULL, "--db", fixture->path, "exercises", "add", "--type", "ROT",
           "--region", "VR05", "--start", "2026-05-12", NULL);
  g_assert_cmpint (no_title.status, ==, 2);
  assert_error_names (&no_title, "--title");
  g_assert_cmpstr (no_title.out, ==, "");

  run_cli (fixture, &bad_type, NULL, "--db", fixture->path, "exercises", "add", "--title", "X", "--type", "NOPE",
           "--region", "VR05", "--start", "2026-05-12", NULL);
  g_assert_cmpint (bad_type.status, ==, 2);
  assert_error_names (&bad_type, "NOPE");
  g_assert_cmpstr (bad_type.out, ==, "");

  run_cli (fixture, &bad_start, NULL, "--db", fixture->path, "exercises", "add", "--title", "X", "--type", "ROT",
           "--region", "VR05", "--start", "2026-13-01", NULL);
  g_assert_cmpint (bad_start.status, ==, 2);
  assert_error_names (&bad_start, "--start");
  g_assert_nonnull (strstr (bad_start.err, "2026-13-01"));

  run_cli (fixture, &bad_end, NULL, "--db", fixture->path, "exercises", "add", "--title", "X", "--type", "ROT",
           "--region", "VR05", "--start", "2026-05-12T09:00", "--end", "2026-05-12", NULL);
  g_assert_cmpint (bad_end.status, ==, 2);
  assert_error_names (&bad_end, "--end");

  run_cli (fixture, &no_end, NULL, "--db", fixture->path, "exercises", "add", "--title", "X", "--type", "ROT",
           "--region", "VR05", "--start", "2026-05-12T09:00", NULL);
  g_assert_cmpint (no_end.status, ==, 2);
  assert_error_names (&no_end, "--end");

  g_assert_cmpint (count_exercises (fixture), ==, 0);
}

static void
test_cli_exercises_show (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autofree char *uid = NULL;
  g_auto(CliResult) json = { 0 };
  g_auto(CliResult) text = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  JsonArray *history;

  init_db (fixture, FALSE);
  uid = add_planned (fixture);
  run_cli (fixture, &json, NULL, "--db", fixture->path, "exercises", "show", uid, "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  root = parse_json (parser, json.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_true (json_object_has_member (object, "exercise"));
  g_assert_true (json_object_has_member (object, "history"));
  g_assert_true (json_object_has_member (object, "evaluation"));
  g_assert_true (json_object_has_member (object, "actions"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "exercise"), "uid"), ==,
                   uid);
  history = json_object_get_array_member (object, "history");
  g_assert_cmpuint (json_array_get_length (history), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0), "field"), ==,
                   "created");
  g_assert_true (json_object_get_null_member (object, "evaluation"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "actions")), ==, 0);

  run_cli (fixture, &text, NULL, "--db", fixture->path, "exercises", "show", uid, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "ROT Twente\n"));
  g_assert_nonnull (strstr (text.out, uid));
}

/* Whether `exercises show UID --json` has a history entry with these values */
static gboolean
has_history (ParaatTestFixture *fixture,
             const char        *uid,
             const char        *field,
             const char        *old_value,
             const char        *new_value,
             const char        *reason)
{
  g_auto(CliResult) show = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *history;

  run_cli (fixture, &show, NULL, "--db", fixture->path, "exercises", "show", uid, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  history = json_object_get_array_member (json_node_get_object (parse_json (parser, show.out)), "history");
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *entry = json_array_get_object_element (history, i);

      if (g_str_equal (json_object_get_string_member (entry, "field"), field) &&
          g_str_equal (json_object_get_string_member (entry, "old"), old_value) &&
          g_str_equal (json_object_get_string_member (entry, "new"), new_value) &&
          g_str_equal (json_object_get_string_member (entry, "reason"), reason))
        return TRUE;
    }

  return FALSE;
}

static void
test_cli_exercises_postpone (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autofree char *uid = NULL;
  g_auto(CliResult) no_reason = { 0 };
  g_auto(CliResult) with_reason = { 0 };
  g_auto(CliResult) bad_status = { 0 };

  init_db (fixture, FALSE);
  uid = add_planned (fixture);

  run_cli (fixture, &no_reason, NULL, "--db", fixture->path, "exercises", "update", uid,
           "--status", "postponed", NULL);
  g_assert_cmpint (no_reason.status, ==, 2);
  assert_error_names (&no_reason, "Reason");
  g_assert_cmpstr (no_reason.out, ==, "");
  g_assert_false (has_history (fixture, uid, "status", "planned", "postponed", ""));
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count(*) FROM exercise WHERE status = 'planned'"
                                                         " AND sequence = 0"), ==, 1);

  run_cli (fixture, &bad_status, NULL, "--db", fixture->path, "exercises", "update", uid,
           "--status", "later", "--reason", "x", NULL);
  g_assert_cmpint (bad_status.status, ==, 2);
  assert_error_names (&bad_status, "later");

  run_cli (fixture, &with_reason, NULL, "--db", fixture->path, "exercises", "update", uid,
           "--status", "postponed", "--reason", "Zaal bezet", "--who", "Piet", NULL);
  g_assert_cmpint (with_reason.status, ==, 0);
  g_assert_cmpstr (with_reason.err, ==, "");
  g_assert_true (has_history (fixture, uid, "status", "planned", "postponed", "Zaal bezet"));
}

/* Moving an all-day exercise keeps whole days, also onto the 23- and
 * 25-hour days of a DST change. */
static void
test_cli_exercises_move_all_day (ParaatTestFixture *fixture,
                                 gconstpointer      user_data)
{
  const char *targets[] = { "2026-03-29", "2026-10-25" };
  g_autofree char *uid = NULL;

  init_db (fixture, FALSE);
  uid = cli_add_exercise (fixture, "--title", "Oefendag", "--type", "ROT", "--region", "VR05",
                          "--start", "2026-03-20", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_auto(CliResult) update = { 0 };
      g_auto(CliResult) show = { 0 };
      g_auto(CliResult) next_day = { 0 };
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonParser) next_parser = json_parser_new ();
      g_autofree char *after = NULL;
      JsonObject *ex;
      GDate date;

      run_cli (fixture, &update, NULL, "--db", fixture->path, "exercises", "update", uid,
               "--start", targets[i], NULL);
      g_assert_cmpint (update.status, ==, 0);

      run_cli (fixture, &show, NULL, "--db", fixture->path, "exercises", "show", uid, "--json", NULL);
      g_assert_cmpint (show.status, ==, 0);
      ex = json_object_get_object_member (json_node_get_object (parse_json (parser, show.out)), "exercise");
      g_assert_true (json_object_get_boolean_member (ex, "all_day"));
      g_assert_cmpstr (json_object_get_string_member (ex, "start"), ==, targets[i]);
      g_assert_cmpstr (json_object_get_string_member (ex, "end"), ==, targets[i]);

      /* Nothing spills over into the next day */
      g_assert_true (paraat_parse_iso_date (targets[i], &date));
      g_date_add_days (&date, 1);
      after = paraat_date_to_iso (&date);
      run_cli (fixture, &next_day, NULL, "--db", fixture->path, "exercises", "list",
               "--from", after, "--to", after, "--json", NULL);
      g_assert_cmpint (next_day.status, ==, 0);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (parse_json (next_parser, next_day.out))), ==, 0);
    }
}

static void
test_cli_exercises_delete (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autofree char *uid = NULL;
  g_auto(CliResult) delete = { 0 };
  g_auto(CliResult) show = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) no_uid = { 0 };

  init_db (fixture, FALSE);
  uid = add_planned (fixture);
  run_cli (fixture, &delete, NULL, "--db", fixture->path, "exercises", "delete", uid, NULL);
  g_assert_cmpint (delete.status, ==, 0);
  g_assert_cmpstr (delete.err, ==, "");

  run_cli (fixture, &show, NULL, "--db", fixture->path, "exercises", "show", uid, NULL);
  g_assert_cmpint (show.status, ==, 2);
  assert_error_names (&show, uid);
  g_assert_cmpstr (show.out, ==, "");

  run_cli (fixture, &again, NULL, "--db", fixture->path, "exercises", "delete", uid, NULL);
  g_assert_cmpint (again.status, ==, 2);

  run_cli (fixture, &no_uid, NULL, "--db", fixture->path, "exercises", "delete", NULL);
  g_assert_cmpint (no_uid.status, ==, 1);
}

static void
test_cli_exercises_usage (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_auto(CliResult) unknown = { 0 };
  g_auto(CliResult) nothing = { 0 };
  g_auto(CliResult) actions = { 0 };

  init_db (fixture, FALSE);
  run_cli (fixture, &unknown, NULL, "--db", fixture->path, "exercises", "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  assert_error_names (&unknown, "exercises list");
  g_assert_cmpstr (unknown.out, ==, "");

  run_cli (fixture, &nothing, NULL, "--db", fixture->path, "exercises", NULL);
  g_assert_cmpint (nothing.status, ==, 1);

  run_cli (fixture, &actions, NULL, "--db", fixture->path, "actions", "frobnicate", NULL);
  g_assert_cmpint (actions.status, ==, 1);
}

static void
test_cli_actions (ParaatTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_autofree char *uid = NULL;
  g_autofree char *today = paraat_today_iso ();
  g_auto(CliResult) add = { 0 };
  g_auto(CliResult) overdue = { 0 };
  g_auto(CliResult) done = { 0 };
  g_auto(CliResult) overdue_after = { 0 };
  g_auto(CliResult) overdue_text = { 0 };
  g_auto(CliResult) all = { 0 };
  g_auto(CliResult) no_what = { 0 };
  g_auto(CliResult) unknown = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) after_parser = json_parser_new ();
  g_autoptr(JsonParser) all_parser = json_parser_new ();
  g_autofree char *id_text = NULL;
  JsonObject *item;
  gint64 id;

  init_db (fixture, FALSE);
  uid = add_held (fixture);

  run_cli (fixture, &add, NULL, "--db", fixture->path, "actions", "add", uid, "--what", "X",
           "--due", "2000-01-01", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_cmpstr (add.err, ==, "");
  g_assert_cmpuint (count_lines (add.out), ==, 1);
  g_assert_true (g_ascii_string_to_signed (g_strstrip (add.out), 10, 1, G_MAXINT64, &id, NULL));
  id_text = g_strdup (add.out);

  run_cli (fixture, &overdue, NULL, "--db", fixture->path, "actions", "list", "--overdue", "--json", NULL);
  g_assert_cmpint (overdue.status, ==, 0);
  item = find_by_id (json_node_get_array (parse_json (parser, overdue.out)), id);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "exercise"), ==, uid);
  g_assert_cmpstr (json_object_get_string_member (item, "what"), ==, "X");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2000-01-01");
  g_assert_true (json_object_get_boolean_member (item, "overdue"));

  run_cli (fixture, &overdue_text, NULL, "--db", fixture->path, "actions", "list", "--overdue", NULL);
  g_assert_cmpint (overdue_text.status, ==, 0);
  g_assert_true (g_str_has_prefix (overdue_text.out, id_text));

  run_cli (fixture, &done, NULL, "--db", fixture->path, "actions", "update", id_text, "--status", "done", NULL);
  g_assert_cmpint (done.status, ==, 0);
  g_assert_cmpstr (g_strstrip (done.out), ==, id_text);

  run_cli (fixture, &overdue_after, NULL, "--db", fixture->path, "actions", "list", "--overdue", "--json", NULL);
  g_assert_cmpint (overdue_after.status, ==, 0);
  g_assert_null (find_by_id (json_node_get_array (parse_json (after_parser, overdue_after.out)), id));

  run_cli (fixture, &all, NULL, "--db", fixture->path, "actions", "list", "--json", NULL);
  g_assert_cmpint (all.status, ==, 0);
  item = find_by_id (json_node_get_array (parse_json (all_parser, all.out)), id);
  g_assert_nonnull (item);
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (item, "done"), ==, today);
  g_assert_cmpstr (json_object_get_string_member (item, "what"), ==, "X");
  g_assert_false (json_object_get_boolean_member (item, "overdue"));

  run_cli (fixture, &no_what, NULL, "--db", fixture->path, "actions", "add", uid, NULL);
  g_assert_cmpint (no_what.status, ==, 2);
  assert_error_names (&no_what, "--what");

  run_cli (fixture, &unknown, NULL, "--db", fixture->path, "actions", "add", "onbekend@paraat", "--what", "Y", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  assert_error_names (&unknown, "onbekend@paraat");
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count(*) FROM action_item"), ==, 1);
}

static void
test_cli_exercises_evaluate (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autofree char *held = NULL;
  g_autofree char *planned = NULL;
  g_auto(CliResult) evaluate = { 0 };
  g_auto(CliResult) show = { 0 };
  g_auto(CliResult) not_held = { 0 };
  g_auto(CliResult) bad_date = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *evaluation;

  init_db (fixture, FALSE);
  held = add_held (fixture);
  planned = add_planned (fixture);

  run_cli (fixture, &evaluate, NULL, "--db", fixture->path, "exercises", "evaluate", held,
           "--lessons", "Eerder opschalen.", "--quick-date", "2020-05-13", NULL);
  g_assert_cmpint (evaluate.status, ==, 0);
  g_assert_cmpstr (evaluate.err, ==, "");

  run_cli (fixture, &show, NULL, "--db", fixture->path, "exercises", "show", held, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  evaluation = json_object_get_object_member (json_node_get_object (parse_json (parser, show.out)), "evaluation");
  g_assert_nonnull (evaluation);
  g_assert_cmpstr (json_object_get_string_member (evaluation, "lessons"), ==, "Eerder opschalen.");
  g_assert_cmpstr (json_object_get_string_member (evaluation, "quick_report_date"), ==, "2020-05-13");

  run_cli (fixture, &not_held, NULL, "--db", fixture->path, "exercises", "evaluate", planned,
           "--lessons", "Te vroeg.", NULL);
  g_assert_cmpint (not_held.status, ==, 2);
  assert_error_names (&not_held, NULL);

  run_cli (fixture, &bad_date, NULL, "--db", fixture->path, "exercises", "evaluate", held,
           "--final-date", "2020-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  assert_error_names (&bad_date, "2020-02-30");
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count(*) FROM evaluation"), ==, 1);
}

/* export and validate */

static void
test_cli_export_validate (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  const char *formats[] = { "xcal", "ics" };

  init_db (fixture, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *file = paraat_test_fixture_build_path (fixture, i ? "out.ics" : "out.xml");
      g_auto(CliResult) export = { 0 };
      g_auto(CliResult) validate = { 0 };

      run_cli (fixture, &export, NULL, "--db", fixture->path, "export", "--format", formats[i], "--region", "VR05",
               "--from", "2026-01-01", "--to", "2026-12-31", "-o", file, NULL);
      g_assert_cmpint (export.status, ==, 0);
      g_assert_cmpstr (export.err, ==, "");
      g_assert_nonnull (strstr (export.out, "Exported"));
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

      /* No database needed: no --db, and the default one is not made */
      run_cli (fixture, &validate, NULL, "validate", file, NULL);
      g_assert_cmpint (validate.status, ==, 0);
      g_assert_cmpstr (validate.err, ==, "");
      g_assert_nonnull (strstr (validate.out, i ? "valid iCalendar" : "valid xCal"));
    }
}

static void
test_cli_export_invalid (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autofree char *file = paraat_test_fixture_build_path (fixture, "out.xml");
  g_auto(CliResult) format = { 0 };
  g_auto(CliResult) from = { 0 };
  g_auto(CliResult) region = { 0 };
  g_auto(CliResult) missing = { 0 };
  g_auto(CliResult) no_output = { 0 };

  init_db (fixture, TRUE);
  run_cli (fixture, &format, NULL, "--db", fixture->path, "export", "--format", "csv", "-o", file, NULL);
  g_assert_cmpint (format.status, ==, 2);
  assert_error_names (&format, "--format");

  run_cli (fixture, &from, NULL, "--db", fixture->path, "export", "--format", "xcal", "--from", "2026-02-30",
           "-o", file, NULL);
  g_assert_cmpint (from.status, ==, 2);
  assert_error_names (&from, "--from");

  run_cli (fixture, &region, NULL, "--db", fixture->path, "export", "--format", "xcal", "--region", "VR99",
           "-o", file, NULL);
  g_assert_cmpint (region.status, ==, 2);
  assert_error_names (&region, "VR99");

  run_cli (fixture, &no_output, NULL, "--db", fixture->path, "export", "--format", "xcal", NULL);
  g_assert_cmpint (no_output.status, ==, 1);
  assert_error_names (&no_output, "-o");

  /* Into a folder that is not there: nothing is left behind */
  {
    g_autofree char *nowhere = paraat_test_fixture_build_path (fixture, "no/such/dir/out.xml");

    run_cli (fixture, &missing, NULL, "--db", fixture->path, "export", "--format", "ics", "-o", nowhere, NULL);
    g_assert_cmpint (missing.status, ==, 3);
    assert_error_names (&missing, NULL);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

static void
test_cli_validate_invalid (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  static const char xcal[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\">\n"
    " <vcalendar>\n"
    "  <properties>\n"
    "   <prodid><text>-//Test//EN</text></prodid>\n"
    "   <version><text>2.0</text></version>\n"
    "  </properties>\n"
    "  <components>\n"
    "   <vevent>\n"
    "    <properties>\n"
    "     <uid><text>x@test</text></uid>\n"
    "     <dtstamp><date-time>2026-01-01T00:00:00Z</date-time></dtstamp>\n"
    "     <dtstart><date-time>2026-06-01T10:00:00Z</date-time></dtstart>\n"
    "     <dtend><date-time>2026-06-01T09:00:00Z</date-time></dtend>\n"
    "     <summary><text>Backwards</text></summary>\n"
    "    </properties>\n"
    "   </vevent>\n"
    "  </components>\n"
    " </vcalendar>\n"
    "</icalendar>\n";
  static const char ics[] =
    "BEGIN:VCALENDAR\r\nPRODID:-//Test//EN\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260601T100000Z\r\nSUMMARY:No UID\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";
  static const char not_schema[] =
    "<?xml version=\"1.0\"?>\n<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\">\n"
    "<vcalendar><properties/><components/></vcalendar>\n</icalendar>\n";
  g_autofree char *xcal_path = paraat_test_fixture_build_path (fixture, "backwards.data");
  g_autofree char *ics_path = paraat_test_fixture_build_path (fixture, "no-uid.xml");
  g_autofree char *schema_path = paraat_test_fixture_build_path (fixture, "empty.xml");
  g_autofree char *missing_path = paraat_test_fixture_build_path (fixture, "missing.ics");
  g_auto(CliResult) backwards = { 0 };
  g_auto(CliResult) no_uid = { 0 };
  g_auto(CliResult) empty = { 0 };
  g_auto(CliResult) missing = { 0 };

  /* The names lie on purpose: the content decides the format. */
  paraat_test_write_bytes (xcal_path, xcal, strlen (xcal));
  paraat_test_write_bytes (ics_path, ics, strlen (ics));
  paraat_test_write_bytes (schema_path, not_schema, strlen (not_schema));

  run_cli (fixture, &backwards, NULL, "validate", xcal_path, NULL);
  g_assert_cmpint (backwards.status, ==, 2);
  assert_error_names (&backwards, "backwards.data: line 9: DTEND");

  run_cli (fixture, &no_uid, NULL, "validate", ics_path, NULL);
  g_assert_cmpint (no_uid.status, ==, 2);
  assert_error_names (&no_uid, "no-uid.xml: line 4: UID");

  run_cli (fixture, &empty, NULL, "validate", schema_path, NULL);
  g_assert_cmpint (empty.status, ==, 2);
  assert_error_names (&empty, "empty.xml: line 3:");

  run_cli (fixture, &missing, NULL, "validate", missing_path, NULL);
  g_assert_cmpint (missing.status, ==, 3);
  assert_error_names (&missing, "missing.ics");
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, ParaatTestFixture, NULL, paraat_test_fixture_set_up, func, \
              paraat_test_fixture_tear_down)

  ADD ("/cli/version", test_cli_version);
  ADD ("/cli/usage/no-command", test_cli_no_command);
  ADD ("/cli/usage/unknown-command", test_cli_unknown_command);
  ADD ("/cli/usage/unknown-option", test_cli_unknown_option);
  ADD ("/cli/usage/regions-without-list", test_cli_regions_without_list);
  ADD ("/cli/init/demo", test_cli_init_demo);
  ADD ("/cli/init/existing", test_cli_init_existing);
  ADD ("/cli/regions/scope", test_cli_regions_scope);
  ADD ("/cli/regions/date", test_cli_regions_date);
  ADD ("/cli/regions/bad-date", test_cli_regions_bad_date);
  ADD ("/cli/regions/bad-scope", test_cli_regions_bad_scope);
  ADD ("/cli/check/ok", test_cli_check);
  ADD ("/cli/check/problems", test_cli_check_problems);
  ADD ("/cli/check/missing", test_cli_check_missing);
  ADD ("/cli/backup", test_cli_backup);
  ADD ("/cli/open/too-new", test_cli_too_new);
  ADD ("/cli/open/text-file", test_cli_text_file);
  ADD ("/cli/dutch", test_cli_dutch);
  ADD ("/cli/exercises/add-list", test_cli_exercises_add_list);
  ADD ("/cli/exercises/add-invalid", test_cli_exercises_add_invalid);
  ADD ("/cli/exercises/show", test_cli_exercises_show);
  ADD ("/cli/exercises/postpone", test_cli_exercises_postpone);
  ADD ("/cli/exercises/move-all-day", test_cli_exercises_move_all_day);
  ADD ("/cli/exercises/delete", test_cli_exercises_delete);
  ADD ("/cli/exercises/usage", test_cli_exercises_usage);
  ADD ("/cli/exercises/evaluate", test_cli_exercises_evaluate);
  ADD ("/cli/actions", test_cli_actions);
  ADD ("/cli/export/validate", test_cli_export_validate);
  ADD ("/cli/export/invalid", test_cli_export_invalid);
  ADD ("/cli/validate/invalid", test_cli_validate_invalid);

#undef ADD

  return g_test_run ();
}
