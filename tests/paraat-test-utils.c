/* paraat-test-utils.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "paraat-store-private.h"
#include "paraat-test-utils.h"

/**
 * paraat_test_init:
 *
 * g_test_init() with the locale of the environment (meson sets
 * LC_ALL=C.UTF-8) and Paraat's messages bound to the freshly built
 * catalogues, so a test may switch to Dutch by itself.
 */
void
paraat_test_init (int    *argc,
                  char ***argv)
{
  const char *localedir = g_getenv ("PARAAT_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (argc, argv, NULL);
}

/* Fixture */

void
paraat_test_fixture_set_up (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("paraat-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "paraat.db", NULL);
  fixture->store = NULL;
}

void
paraat_test_fixture_set_up_store (ParaatTestFixture *fixture,
                                  gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  paraat_test_fixture_set_up (fixture, user_data);
  fixture->store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

/**
 * paraat_test_fixture_close_store:
 *
 * Drops the fixture's store and checks that this was the last
 * reference, so the SQLite connection is really closed (and its WAL
 * checkpointed) when the function returns.
 */
void
paraat_test_fixture_close_store (ParaatTestFixture *fixture)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

void
paraat_test_fixture_reopen_store (ParaatTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  paraat_test_fixture_close_store (fixture);
  fixture->store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

void
paraat_test_fixture_tear_down (ParaatTestFixture *fixture,
                               gconstpointer      user_data)
{
  paraat_test_fixture_close_store (fixture);
  if (fixture->dir != NULL)
    paraat_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

char *
paraat_test_fixture_build_path (ParaatTestFixture *fixture,
                                const char        *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Files */

void
paraat_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          paraat_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

GBytes *
paraat_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

void
paraat_test_write_bytes (const char *path,
                         const void *data,
                         gsize       len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

/**
 * paraat_test_assert_bytes_equal:
 *
 * Byte-for-byte equality, reporting the first difference rather than
 * just "FALSE".
 */
void
paraat_test_assert_bytes_equal (GBytes *expected,
                                GBytes *actual)
{
  gsize n_expected = 0, n_actual = 0;
  const guint8 *a = g_bytes_get_data (expected, &n_expected);
  const guint8 *b = g_bytes_get_data (actual, &n_actual);

  g_assert_cmpuint (n_actual, ==, n_expected);
  for (gsize i = 0; i < n_expected; i++)
    {
      if (a[i] != b[i])
        {
          g_test_message ("files differ at byte %" G_GSIZE_FORMAT, i);
          g_assert_cmpuint (b[i], ==, a[i]);
        }
    }
}

/* SQLite */

sqlite3 *
paraat_test_open_db (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  return db;
}

static void
close_db (sqlite3 *db)
{
  int rc = sqlite3_close (db);

  g_assert_cmpint (rc, ==, SQLITE_OK);
}

static void
exec_or_fail (sqlite3    *db,
              const char *what,
              const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", what, message ? message : sqlite3_errstr (rc));
  sqlite3_free (message);
  g_assert_cmpint (rc, ==, SQLITE_OK);
}

/* Runs @sql on the existing database @path in a connection of its own. */
void
paraat_test_exec_sql (const char *path,
                      const char *sql)
{
  g_autoptr(sqlite3) db = paraat_test_open_db (path);

  exec_or_fail (db, path, sql);
  close_db (g_steal_pointer (&db));
}

gint64
paraat_test_db_query_int (sqlite3    *db,
                          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 result;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_test_message ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return result;
}

char *
paraat_test_db_query_text (sqlite3    *db,
                           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_step (stmt);
  g_assert_cmpint (rc, ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return result;
}

gint64
paraat_test_query_int (const char *path,
                       const char *sql)
{
  g_autoptr(sqlite3) db = paraat_test_open_db (path);
  gint64 result = paraat_test_db_query_int (db, sql);

  close_db (g_steal_pointer (&db));

  return result;
}

/**
 * paraat_test_create_db_from_sql:
 *
 * Makes a new database file @db_path from SQL text, as a fixture. The
 * file must not exist yet.
 */
void
paraat_test_create_db_from_sql (const char *db_path,
                                const char *sql)
{
  g_autoptr(sqlite3) db = NULL;
  int rc;

  g_assert_false (g_file_test (db_path, G_FILE_TEST_EXISTS));
  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  exec_or_fail (db, db_path, sql);
  close_db (g_steal_pointer (&db));
}

void
paraat_test_create_db_from_sql_file (const char *db_path,
                                     const char *sql_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  paraat_test_create_db_from_sql (db_path, sql);
}

/**
 * paraat_test_insert_contacts:
 *
 * Adds @n made-up contacts, spread over the 25 regions, in one
 * transaction (paraat_store_save_record() would commit each one).
 */
void
paraat_test_insert_contacts (ParaatStore *store,
                             guint        n)
{
  g_autoptr(GError) error = NULL;

  paraat_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *region = g_strdup_printf ("VR%02u", i % 25 + 1);
      g_autofree char *name = g_strdup_printf ("Test Contact %u with a longer name to fill pages", i);
      g_autofree char *email = g_strdup_printf ("contact%u@example.org", i);
      const char *values[] = { region, "Testrol", name, "Testorganisatie", email, "+31 6 0000 0000",
                               "2024-01-01", NULL };

      paraat_store_insert_record (store, PARAAT_KIND_CONTACT, values, &error);
      g_assert_no_error (error);
    }
  paraat_store_commit (store, &error);
  g_assert_no_error (error);
  paraat_store_emit_changed (store, PARAAT_KIND_CONTACT);
}

/* Dumps */

static void
append_text (GString    *out,
             const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\'':
          g_string_append (out, "''");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '\'');
}

/* A value with its storage class, so 1 and '1' differ. */
static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;

    case SQLITE_INTEGER:
      g_string_append_printf (out, "%lld", (long long) sqlite3_column_int64 (stmt, column));
      break;

    case SQLITE_FLOAT:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (out, g_ascii_dtostr (buf, sizeof buf, sqlite3_column_double (stmt, column)));
      }
      break;

    case SQLITE_BLOB:
      {
        const guint8 *blob = sqlite3_column_blob (stmt, column);
        int n = sqlite3_column_bytes (stmt, column);

        g_string_append (out, "x'");
        for (int i = 0; i < n; i++)
          g_string_append_printf (out, "%02x", blob[i]);
        g_string_append_c (out, '\'');
      }
      break;

    case SQLITE_TEXT:
    default:
      append_text (out, (const char *) sqlite3_column_text (stmt, column));
      break;
    }
}

static void
append_rows (GString    *out,
             sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_test_message ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          append_value (out, stmt, i);
        }
      g_string_append_c (out, '\n');
    }
  if (rc != SQLITE_DONE)
    g_test_message ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/**
 * paraat_test_dump_db:
 *
 * The logical content of a database as text: the header fields Paraat
 * uses, every object in sqlite_schema order, then every table's rows
 * ordered by rowid. Two files with the same dump hold the same data,
 * whatever their page layout or journal mode.
 */
char *
paraat_test_dump_db (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_string_append_printf (out, "user_version %" G_GINT64_FORMAT "\n",
                          paraat_test_db_query_int (db, "PRAGMA user_version"));
  g_string_append_printf (out, "application_id %" G_GINT64_FORMAT "\n",
                          paraat_test_db_query_int (db, "PRAGMA application_id"));

  g_string_append (out, "-- schema\n");
  append_rows (out, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid");

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY rowid",
                           -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY rowid", (const char *) tables->pdata[i]);

      g_string_append_printf (out, "-- table %s\n", (const char *) tables->pdata[i]);
      append_rows (out, db, sql);
      sqlite3_free (sql);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
paraat_test_dump_database (const char *path)
{
  g_autoptr(sqlite3) db = paraat_test_open_db (path);
  char *dump = paraat_test_dump_db (db);

  close_db (g_steal_pointer (&db));

  return dump;
}

static char *
normalize_space (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * paraat_test_dump_schema:
 *
 * Every object in sqlite_schema as "name|type|table|sql", ordered by
 * name, with runs of white space in the SQL folded to one space: how a
 * migrated database is compared with a new one.
 */
char *
paraat_test_dump_schema (const char *path)
{
  g_autoptr(sqlite3) db = paraat_test_open_db (path);
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name, type, tbl_name, sql FROM sqlite_schema ORDER BY name",
                           -1, &stmt, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *normal = sql ? normalize_space (sql) : g_strdup ("NULL");

      g_string_append_printf (out, "%s|%s|%s|%s\n",
                              (const char *) sqlite3_column_text (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              normal);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  close_db (g_steal_pointer (&db));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * paraat_test_dump_table:
 * @columns: the SQL list of columns to show, such as "code, name"
 *
 * One line per row of @table, ordered by rowid.
 */
char *
paraat_test_dump_table (const char *path,
                        const char *table,
                        const char *columns)
{
  g_autoptr(sqlite3) db = paraat_test_open_db (path);
  g_autoptr(GString) out = g_string_new (NULL);
  char *sql = sqlite3_mprintf ("SELECT %s FROM \"%w\" ORDER BY rowid", columns, table);

  append_rows (out, db, sql);
  sqlite3_free (sql);
  close_db (g_steal_pointer (&db));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
