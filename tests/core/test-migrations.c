/* test-migrations.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every fixture tests/data/db/vNNNN.sql is a database as an older Paraat
 * left it. Each is upgraded by paraat_store_open() and must end up with
 * exactly the schema of a new database, keeping its rows. A new fixture
 * is picked up without touching this file.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "paraat-store-private.h"
#include "paraat-test-utils.h"

/* The schema of a database made from nothing, by the current code. */
static char *
fresh_schema (ParaatTestFixture *fixture)
{
  g_autofree char *path = paraat_test_fixture_build_path (fixture, "fresh.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = paraat_store_open (path, PARAAT_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  return paraat_test_dump_schema (path);
}

typedef struct
{
  char *table;
  char *columns;  /* the fixture's columns, as SQL; later migrations may add more */
  char *rows;
} TableRows;

static void
table_rows_free (gpointer data)
{
  TableRows *rows = data;

  g_free (rows->table);
  g_free (rows->columns);
  g_free (rows->rows);
  g_free (rows);
}

static GPtrArray *
collect_rows (const char *path)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (table_rows_free);
  g_autoptr(sqlite3) db = paraat_test_open_db (path);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                           -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TableRows *rows = g_new0 (TableRows, 1);
      g_autoptr(GString) columns = g_string_new (NULL);
      sqlite3_stmt *info = NULL;
      char *sql;

      rows->table = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sql = sqlite3_mprintf ("PRAGMA table_info (\"%w\")", rows->table);
      rc = sqlite3_prepare_v2 (db, sql, -1, &info, NULL);
      sqlite3_free (sql);
      g_assert_cmpint (rc, ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          char *quoted = sqlite3_mprintf ("\"%w\"", (const char *) sqlite3_column_text (info, 1));

          if (columns->len > 0)
            g_string_append (columns, ", ");
          g_string_append (columns, quoted);
          sqlite3_free (quoted);
        }
      sqlite3_finalize (info);
      rows->columns = g_strdup (columns->str);
      g_ptr_array_add (result, rows);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (g_steal_pointer (&db)), ==, SQLITE_OK);

  for (guint i = 0; i < result->len; i++)
    {
      TableRows *rows = result->pdata[i];

      rows->rows = paraat_test_dump_table (path, rows->table, rows->columns);
    }

  return g_steal_pointer (&result);
}

/* Every row of the fixture is still there, with the same values. */
static void
assert_rows_survived (const char *path,
                      GPtrArray  *before)
{
  for (guint i = 0; i < before->len; i++)
    {
      TableRows *rows = before->pdata[i];
      g_autofree char *after = paraat_test_dump_table (path, rows->table, rows->columns);
      g_auto(GStrv) lines = g_strsplit (rows->rows, "\n", -1);
      g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
      g_auto(GStrv) after_lines = g_strsplit (after, "\n", -1);

      for (guint j = 0; after_lines[j] != NULL; j++)
        g_hash_table_add (present, after_lines[j]);
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (*lines[j] == '\0')
            continue;
          if (!g_hash_table_contains (present, lines[j]))
            g_test_message ("%s: lost row %s", rows->table, lines[j]);
          g_assert_true (g_hash_table_contains (present, lines[j]));
        }
    }
}

/* "v0007.sql" → 7 */
static int
fixture_version (const char *sql_path)
{
  g_autofree char *base = g_path_get_basename (sql_path);

  g_assert_true (g_str_has_prefix (base, "v"));
  return atoi (base + 1);
}

/*
 * @user_data: the fixture's SQL file, or NULL for version 0: an
 * existing file of zero bytes, as a planner might create by hand.
 */
static void
test_migrations_upgrade (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  const char *sql_path = user_data;
  g_autofree char *expected_schema = fresh_schema (fixture);
  g_autofree char *schema = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int version = 0;

  if (sql_path != NULL)
    {
      version = fixture_version (sql_path);
      paraat_test_create_db_from_sql_file (fixture->path, sql_path);
      g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA application_id"), ==,
                       PARAAT_APPLICATION_ID);
    }
  else
    {
      paraat_test_write_bytes (fixture->path, "", 0);
    }
  g_assert_cmpint (version, <, paraat_store_get_latest_version ());
  before = collect_rows (fixture->path);

  fixture->store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_cmpint (paraat_store_get_version (fixture->store), ==, paraat_store_get_latest_version ());
  g_assert_true (paraat_store_check (fixture->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  paraat_test_fixture_close_store (fixture);

  g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA user_version"), ==,
                   paraat_store_get_latest_version ());
  g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA application_id"), ==, PARAAT_APPLICATION_ID);

  schema = paraat_test_dump_schema (fixture->path);
  g_assert_cmpstr (schema, ==, expected_schema);

  assert_rows_survived (fixture->path, before);

  /* A second open finds nothing left to do. */
  paraat_test_fixture_reopen_store (fixture);
  g_assert_cmpint (paraat_store_get_version (fixture->store), ==, paraat_store_get_latest_version ());
}

static char *
fixture_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "db", NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* tests/data/db/v*.sql, sorted */
static GPtrArray *
list_fixtures (void)
{
  g_autofree char *dir_path = fixture_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "v") && g_str_has_suffix (name, ".sql"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  return g_steal_pointer (&names);
}

/* Guards against a wrong G_TEST_SRCDIR quietly running no upgrades. */
static void
test_migrations_fixtures_found (void)
{
  g_autoptr(GPtrArray) names = list_fixtures ();
  gboolean has_v0001 = FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      has_v0001 |= g_str_equal (names->pdata[i], "v0001.sql");
      /* Named after the schema version they hold, below the current one */
      g_assert_cmpint (fixture_version (names->pdata[i]), >=, 1);
      g_assert_cmpint (fixture_version (names->pdata[i]), <, paraat_store_get_latest_version ());
    }
  g_assert_true (has_v0001);
}

/*
 * Migration 0002 creates the table "contact"; a file that already has
 * one (another tool added it) makes it fail halfway. The database must
 * stay at version 1 with its content as it was, and open once the
 * obstacle is gone.
 */
static void
test_migrations_failure (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autofree char *dir = fixture_dir ();
  g_autofree char *v0001_path = g_build_filename (dir, "v0001.sql", NULL);
  g_autofree char *v0001 = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_again = NULL;
  g_autoptr(ParaatStore) store = NULL;

  g_file_get_contents (v0001_path, &v0001, NULL, &error);
  g_assert_no_error (error);
  sql = g_strconcat (v0001,
                     "CREATE TABLE contact (id INTEGER PRIMARY KEY, note TEXT);\n"
                     "INSERT INTO contact (note) VALUES ('added by another tool');\n",
                     NULL);
  paraat_test_create_db_from_sql (fixture->path, sql);
  before = paraat_test_dump_database (fixture->path);

  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SQL);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "version 2"));
  g_assert_nonnull (strstr (error->message, "contact"));

  g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA user_version"), ==, 1);
  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (after, ==, before);

  /* Trying again changes nothing either. */
  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error_again);
  g_assert_null (store);
  g_assert_error (error_again, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SQL);
  g_clear_pointer (&after, g_free);
  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (after, ==, before);

  paraat_test_exec_sql (fixture->path, "DROP TABLE contact");
  paraat_test_fixture_reopen_store (fixture);
  g_assert_cmpint (paraat_store_get_version (fixture->store), ==, paraat_store_get_latest_version ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;

  paraat_test_init (&argc, &argv);

  dir = fixture_dir ();
  names = list_fixtures ();

  g_test_add_func ("/core/migrations/fixtures-found", test_migrations_fixtures_found);
  g_test_add ("/core/migrations/upgrade/v0000", ParaatTestFixture, NULL,
              paraat_test_fixture_set_up, test_migrations_upgrade, paraat_test_fixture_tear_down);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *stem = g_strndup (names->pdata[i], strlen (names->pdata[i]) - strlen (".sql"));
      g_autofree char *test_path = g_strconcat ("/core/migrations/upgrade/", stem, NULL);
      char *sql_path = g_build_filename (dir, names->pdata[i], NULL);

      g_ptr_array_add (paths, sql_path);
      g_test_add (test_path, ParaatTestFixture, sql_path,
                  paraat_test_fixture_set_up, test_migrations_upgrade, paraat_test_fixture_tear_down);
    }
  g_test_add ("/core/migrations/failure/keeps-version", ParaatTestFixture, NULL,
              paraat_test_fixture_set_up, test_migrations_failure, paraat_test_fixture_tear_down);

  return g_test_run ();
}
