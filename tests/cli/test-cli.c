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
#include "paraat-test-utils.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/*
 * Runs paraat-cli with the arguments after @env (NULL-terminated).
 * @env: extra "NAME=value" settings, or NULL. HOME and the XDG folders
 * point into the fixture, so the default database is never the user's.
 */
static void G_GNUC_NULL_TERMINATED
run_cli (ParaatTestFixture  *fixture,
         CliResult          *result,
         const char * const *env,
         ...)
{
  const char *cli = g_getenv ("PARAAT_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *home = paraat_test_fixture_build_path (fixture, "home");
  g_autofree char *data = paraat_test_fixture_build_path (fixture, "home/.local/share");
  g_autofree char *config = paraat_test_fixture_build_path (fixture, "home/.config");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, env);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  /* A crash is never an acceptable answer. */
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

/* An error is one line or more, each "paraat-cli: …" first. */
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

#undef ADD

  return g_test_run ();
}
