/* test-store.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening, refusing, backing up and checking a ParaatStore. A file the
 * store refuses must be left exactly as it was.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "paraat-store-private.h"
#include "paraat-test-utils.h"

static guint
count_records (ParaatStore *store,
               ParaatKind   kind)
{
  return g_list_model_get_n_items (paraat_store_get_records (store, kind));
}

/* Nothing beside a refused file: no journal, WAL or shared memory. */
static void
assert_no_sidecars (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (sidecar, G_FILE_TEST_EXISTS))
        g_test_message ("%s exists", sidecar);
      g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
    }
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* A Paraat database made and closed again, in DELETE journal mode so its
 * bytes are all in the one file. */
static void
make_closed_database (ParaatTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  paraat_test_exec_sql (fixture->path,
                        "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;");
  assert_no_sidecars (fixture->path);
}

/* Creating and reopening */

static void
test_store_create (ParaatTestFixture *fixture,
                   gconstpointer      user_data)
{
  sqlite3 *db = fixture->store->db;
  g_autofree char *journal_mode = NULL;
  g_autofree char *created = NULL;

  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (paraat_store_get_path (fixture->store), ==, fixture->path);

  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_REGION), ==, 25);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_BRIGADE), ==, 3);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_ASSIGNMENT), ==, 25);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_CONTACT), ==, 0);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_DISCIPLINE), >, 0);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_EXERCISE_TYPE), >, 0);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_GRIP_LEVEL), >, 0);

  /* 0001-reference.sql and 0002-partners.sql at least */
  g_assert_cmpint (paraat_store_get_latest_version (), >=, 2);
  g_assert_cmpint (paraat_store_get_version (fixture->store), ==, paraat_store_get_latest_version ());
  g_assert_cmpint (paraat_test_db_query_int (db, "PRAGMA user_version"), ==,
                   paraat_store_get_latest_version ());
  g_assert_cmpint (paraat_test_db_query_int (db, "PRAGMA application_id"), ==, PARAAT_APPLICATION_ID);
  g_assert_cmpint (paraat_test_db_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  journal_mode = paraat_test_db_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  created = paraat_store_get_meta (fixture->store, "created");
  g_assert_nonnull (created);
  g_assert_false (paraat_store_get_is_demo (fixture->store));

  /* Another program's connection sees the Paraat mark too. */
  g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA application_id"), ==, PARAAT_APPLICATION_ID);
}

static void
test_store_reopen (ParaatTestFixture *fixture,
                   gconstpointer      user_data)
{
  const char *values[] = { "VR05", "RMOA", "Kapitein A. Tester", "", "", "", "2024-01-01", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *created_before = paraat_store_get_meta (fixture->store, "created");
  g_autofree char *created_after = NULL;
  g_autoptr(ParaatRecord) region = NULL;
  gint64 id;

  id = paraat_store_save_record (fixture->store, PARAAT_KIND_CONTACT, 0, values, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  paraat_test_fixture_reopen_store (fixture);

  /* Reopening neither seeds again nor loses what was written. */
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_REGION), ==, 25);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_ASSIGNMENT), ==, 25);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_CONTACT), ==, 1);
  g_assert_cmpint (paraat_store_get_version (fixture->store), ==, paraat_store_get_latest_version ());
  created_after = paraat_store_get_meta (fixture->store, "created");
  g_assert_cmpstr (created_after, ==, created_before);
  g_assert_cmpint (paraat_test_db_query_int (fixture->store->db, "PRAGMA foreign_keys"), ==, 1);

  region = paraat_store_find_record (fixture->store, PARAAT_KIND_REGION, "VR05");
  g_assert_nonnull (region);
  g_assert_cmpstr (paraat_record_get_key (region), ==, "VR05");
}

/* The app shares its store between threads, so SQLite locks the
 * connection in each call; paraat-cli uses it from one thread and asks
 * for no locking. Both read and write alike. */
static void
test_store_one_thread (ParaatTestFixture *fixture,
                       gconstpointer      user_data)
{
  const char *values[] = { "VR05", "RMOA", "Kapitein A. Tester", "", "", "", "2024-01-01", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;

  g_assert_nonnull (sqlite3_db_mutex (fixture->store->db));

  paraat_test_fixture_close_store (fixture);
  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_ONE_THREAD, &error);
  g_assert_no_error (error);
  g_assert_null (sqlite3_db_mutex (store->db));
  g_assert_cmpint (paraat_store_save_record (store, PARAAT_KIND_CONTACT, 0, values, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (store, PARAAT_KIND_CONTACT), ==, 1);
}

/*
 * Seeding runs in its own transaction after the migrations; a file whose
 * seeding was cut off (schema there, no rows, no "seeded" mark) is seeded
 * on the next open. A file that has regions but no mark (from before the
 * meta table) is not: see test-migrations.c.
 */
static void
test_store_reopen_unseeded (ParaatTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autofree char *seeded = NULL;

  paraat_test_fixture_close_store (fixture);
  paraat_test_exec_sql (fixture->path,
                        "DELETE FROM meta; DELETE FROM contact; DELETE FROM brigade_assignment;"
                        "DELETE FROM region; DELETE FROM brigade; DELETE FROM discipline;"
                        "DELETE FROM exercise_type; DELETE FROM grip_level;");
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count(*) FROM region"), ==, 0);

  paraat_test_fixture_reopen_store (fixture);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_REGION), ==, 25);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_BRIGADE), ==, 3);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_ASSIGNMENT), ==, 25);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_GRIP_LEVEL), >, 0);
  seeded = paraat_store_get_meta (fixture->store, "seeded");
  g_assert_cmpstr (seeded, ==, "1");
}

/* Refusing files */

static void
test_store_open_missing (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;

  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->path));

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 0);
}

static void
test_store_open_text_file (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (text, "hello, not a database\n");
  paraat_test_write_bytes (fixture->path, text->str, text->len);
  before = paraat_test_read_bytes (fixture->path);

  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
  assert_no_sidecars (fixture->path);
}

/* 8 KiB that start like an SQLite file and are noise after the magic. */
static void
test_store_open_garbage (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  static const char magic[16] = "SQLite format 3";

  for (guint32 seed = 1; seed <= 16; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(GError) error = NULL;
      g_autoptr(ParaatStore) store = NULL;
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) after = NULL;
      guint8 data[8192];

      for (gsize i = 0; i < sizeof data; i++)
        data[i] = g_rand_int_range (rand, 0, 256);
      memcpy (data, magic, sizeof magic);
      paraat_test_write_bytes (fixture->path, data, sizeof data);
      before = paraat_test_read_bytes (fixture->path);

      store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_CREATE, &error);
      g_assert_null (store);
      g_assert_nonnull (error);
      g_test_message ("seed %u: %s", seed, error->message);
      g_assert_true (g_error_matches (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_DATABASE) ||
                     g_error_matches (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CORRUPT));

      after = paraat_test_read_bytes (fixture->path);
      paraat_test_assert_bytes_equal (before, after);
      assert_no_sidecars (fixture->path);
    }
}

static void
test_store_open_too_new (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *sql = NULL;
  int newer = paraat_store_get_latest_version () + 1;

  make_closed_database (fixture);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", newer);
  paraat_test_exec_sql (fixture->path, sql);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA user_version"), ==, newer);
  assert_no_sidecars (fixture->path);
  before = paraat_test_read_bytes (fixture->path);

  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SCHEMA_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
  assert_no_sidecars (fixture->path);
}

static void
test_store_open_other_program (ParaatTestFixture *fixture,
                               gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  paraat_test_create_db_from_sql (fixture->path,
                                  "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);"
                                  "INSERT INTO note (body) VALUES ('shopping list'), ('call back');");
  g_assert_cmpint (paraat_test_query_int (fixture->path, "PRAGMA application_id"), ==, 0);
  before = paraat_test_read_bytes (fixture->path);

  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_DATABASE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->path));

  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
  assert_no_sidecars (fixture->path);
}

static void
test_store_open_directory (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_create = NULL;
  g_autoptr(ParaatStore) store = NULL;

  store = paraat_store_open (fixture->dir, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN);

  store = paraat_store_open (fixture->dir, PARAAT_STORE_OPEN_CREATE, &error_create);
  g_assert_null (store);
  g_assert_error (error_create, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN);

  g_assert_true (g_file_test (fixture->dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_dir_entries (fixture->dir), ==, 0);
}

/* Foreign keys and constraints */

static void
test_store_foreign_keys_save (ParaatTestFixture *fixture,
                              gconstpointer      user_data)
{
  const char *values[] = { "VR99", "43MB", "2025-01-01", NULL, "" };
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = paraat_store_save_record (fixture->store, PARAAT_KIND_ASSIGNMENT, 0, values, &error);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (strstr (error->message, "VR99"));
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_ASSIGNMENT), ==, 25);
  g_assert_cmpint (paraat_test_query_int (fixture->path, "SELECT count(*) FROM brigade_assignment"), ==, 25);
}

static void
test_store_foreign_keys_raw (ParaatTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(sqlite3) db = paraat_test_open_db (fixture->path);
  int rc;

  /* The schema itself refuses a dangling reference, whoever writes. */
  rc = sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db,
                     "INSERT INTO brigade_assignment (region_code, brigade_id, valid_from)"
                     " VALUES ('VR99', '43MB', '2025-01-01')",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  rc = sqlite3_exec (db,
                     "INSERT INTO contact (region_code, role, name) VALUES ('VR05', 'RMOA', 'X');"
                     "INSERT INTO contact (region_code, role, name) VALUES ('VR00', 'RMOA', 'Y')",
                     NULL, NULL, NULL);
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  g_assert_cmpint (paraat_test_db_query_int (db, "SELECT count(*) FROM brigade_assignment"), ==, 25);
  g_assert_cmpint (paraat_test_db_query_int (db, "SELECT count(*) FROM contact WHERE region_code = 'VR00'"),
                   ==, 0);
  g_assert_cmpint (sqlite3_close (g_steal_pointer (&db)), ==, SQLITE_OK);
}

static void
test_store_delete_brigade_in_use (ParaatTestFixture *fixture,
                                  gconstpointer      user_data)
{
  g_autoptr(ParaatRecord) brigade = paraat_store_find_record (fixture->store, PARAAT_KIND_BRIGADE, "43MB");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean deleted;

  g_assert_nonnull (brigade);
  g_assert_cmpuint (paraat_store_count_dependents (fixture->store, PARAAT_KIND_BRIGADE,
                                                   paraat_record_get_id (brigade)), ==, 8);
  before = paraat_test_dump_database (fixture->path);

  deleted = paraat_store_delete_record (fixture->store, PARAAT_KIND_BRIGADE, paraat_record_get_id (brigade),
                                        &error);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT);
  g_assert_false (deleted);

  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_BRIGADE), ==, 3);

  /* The store is still usable: no transaction was left open. */
  g_assert_true (sqlite3_get_autocommit (fixture->store->db));
}

/* Backups */

static void
assert_backup_matches (ParaatTestFixture *fixture,
                       const char        *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) copy = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *original = paraat_test_dump_database (fixture->path);
  g_autofree char *backup = NULL;
  g_autofree char *part = NULL;

  g_assert_true (paraat_store_backup (fixture->store, backup_path, &error));
  g_assert_no_error (error);

  backup = paraat_test_dump_database (backup_path);
  g_assert_cmpstr (backup, ==, original);

  /* No temporary file is left beside it */
  part = g_strdup_printf ("%s.part-%d", backup_path, (int) getpid ());
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  assert_no_sidecars (backup_path);

  copy = paraat_store_open (backup_path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (paraat_store_check (copy, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_store_backup (ParaatTestFixture *fixture,
                   gconstpointer      user_data)
{
  const char *values[] = { "VR12", "RMOA", "Majoor B. Backup", "", "b@example.org", "", NULL, NULL };
  g_autofree char *backup_path = paraat_test_fixture_build_path (fixture, "backup.db");
  g_autoptr(GError) error = NULL;

  assert_backup_matches (fixture, backup_path);
  g_assert_cmpint (paraat_test_query_int (backup_path, "SELECT count(*) FROM contact"), ==, 0);

  /* A second backup replaces the first and has the new contact. */
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_CONTACT, 0, values, &error), >, 0);
  g_assert_no_error (error);
  assert_backup_matches (fixture, backup_path);
  g_assert_cmpint (paraat_test_query_int (backup_path,
                                          "SELECT count(*) FROM contact WHERE name = 'Majoor B. Backup'"),
                   ==, 1);
}

static void
test_store_backup_self (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autofree char *same = g_build_filename (fixture->dir, ".", "paraat.db", NULL);
  g_autofree char *last_backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_same = NULL;
  g_autofree char *before = paraat_test_dump_database (fixture->path);
  g_autofree char *after = NULL;

  g_assert_false (paraat_store_backup (fixture->store, fixture->path, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);

  /* The same file, spelt differently */
  g_assert_false (paraat_store_backup (fixture->store, same, &error_same));
  g_assert_error (error_same, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID);

  last_backup = paraat_store_get_meta (fixture->store, "last_backup");
  g_assert_null (last_backup);
  after = paraat_test_dump_database (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_dir_entries (fixture->dir), <=, 3); /* paraat.db, -wal, -shm */
}

static void
test_store_backup_meta (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autofree char *backup_path = paraat_test_fixture_build_path (fixture, "backup.db");
  g_autofree char *before = paraat_store_get_meta (fixture->store, "last_backup");
  g_autofree char *after = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  g_assert_null (before);
  g_assert_true (paraat_store_backup (fixture->store, backup_path, &error));
  g_assert_no_error (error);

  after = paraat_store_get_meta (fixture->store, "last_backup");
  g_assert_nonnull (after);
  when = g_date_time_new_from_iso8601 (after, NULL);
  g_assert_nonnull (when);
  /* Made just now (allow for a slow machine) */
  g_assert_cmpint (g_date_time_difference (now, when), <, 5 * 60 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_difference (now, when), >, -5 * 60 * G_TIME_SPAN_SECOND);
}

/* Checking */

static void
test_store_check_fresh (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_store_check (fixture->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_store_check_broken_reference (ParaatTestFixture *fixture,
                                   gconstpointer      user_data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  /* Another program, without foreign keys, leaves a dangling reference. */
  paraat_test_exec_sql (fixture->path,
                        "PRAGMA foreign_keys = OFF;"
                        "INSERT INTO contact (region_code, role, name) VALUES ('VR77', 'RMOA', 'Nobody');");

  g_assert_true (paraat_store_check (fixture->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "contact"));
}

static guint
read_u16 (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/*
 * Damage the middle of the cell content of a leaf page of the contact
 * table. Overwriting a fixed offset such as page_size * 2 + 100 is not
 * enough: page 3 is the small index on region codes, and its bytes 100
 * to 200 are unused space that no check looks at. So walk from the
 * table's root (an interior page once there are thousands of rows) to
 * its first leaf, and overwrite 100 bytes in the middle of the cells,
 * which spans at least one whole cell header.
 */
static void
corrupt_contact_page (const char *path,
                      gint64      root)
{
  g_autoptr(GBytes) bytes = paraat_test_read_bytes (path);
  gsize len;
  guint8 *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  guint page_size = read_u16 (data + 16);
  const guint8 *root_page = data + (root - 1) * page_size;
  guint32 leaf;
  guint8 *leaf_page;
  guint content;
  gsize offset;

  g_assert_cmpuint (page_size, ==, 16384);  /* a new file's, see paraat_store_open () */
  g_assert_cmpuint (len % page_size, ==, 0);
  g_assert_cmpuint (root_page[0], ==, 0x05);  /* interior table b-tree page */
  leaf = read_u32 (root_page + read_u16 (root_page + 12));
  g_assert_cmpuint (leaf, >, 1);
  g_assert_cmpuint ((gsize) leaf * page_size, <=, len);
  leaf_page = data + (gsize) (leaf - 1) * page_size;
  g_assert_cmpuint (leaf_page[0], ==, 0x0d);  /* leaf table b-tree page */
  content = read_u16 (leaf_page + 5);
  g_assert_cmpuint (page_size - content, >, 1000);

  offset = content + (page_size - content) / 2 - 50;
  g_test_message ("overwriting page %u, bytes %" G_GSIZE_FORMAT "..%" G_GSIZE_FORMAT,
                  leaf, offset, offset + 100);
  memset (leaf_page + offset, 0xff, 100);
  paraat_test_write_bytes (path, data, len);
  g_free (data);
}

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!paraat_store_check_in_background_finish (PARAAT_STORE (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "passed");
}

/* Runs the deferred check and waits for it: %NULL when it passed */
static GError *
check_in_background (ParaatStore *store)
{
  GError *error = NULL;

  paraat_store_check_in_background (store, NULL, on_checked_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);

  return error;
}

/* The window opens without the damage check and runs it in a thread:
 * a sound file may then be written, a damaged one refuses every write
 * and stays as it was. */
static void
test_store_deferred_check (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JANUARY, 2025);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  gint64 root;

  g_assert_true (paraat_store_fill_demo (fixture->store, today, &error));
  g_assert_no_error (error);
  paraat_test_insert_contacts (fixture->store, 2000);
  paraat_test_fixture_close_store (fixture);

  /* Sound: the check passes and writes go ahead */
  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  error = check_in_background (store);
  g_assert_no_error (error);
  g_assert_true (paraat_store_set_meta (store, "note", "checked", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A write before the check has run does the check itself first */
  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_true (paraat_store_set_meta (store, "note", "checked again", &error));
  g_assert_no_error (error);
  error = check_in_background (store);
  g_assert_no_error (error);
  g_clear_object (&store);
  assert_no_sidecars (fixture->path);

  /* Damaged */
  root = paraat_test_query_int (fixture->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'contact'");
  corrupt_contact_page (fixture->path, root);
  before = paraat_test_read_bytes (fixture->path);
  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFER_CHECK, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  error = check_in_background (store);
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);
  g_assert_false (paraat_store_set_meta (store, "note", "must not land", &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CORRUPT);
  g_clear_object (&store);
  after = paraat_test_read_bytes (fixture->path);
  paraat_test_assert_bytes_equal (before, after);
}

static void
test_store_check_corrupt (ParaatTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JANUARY, 2025);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 root;

  g_assert_true (paraat_store_fill_demo (fixture->store, today, &error));
  g_assert_no_error (error);
  paraat_test_insert_contacts (fixture->store, 2000);
  paraat_test_fixture_close_store (fixture);
  assert_no_sidecars (fixture->path);

  root = paraat_test_query_int (fixture->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'contact'");
  corrupt_contact_page (fixture->path, root);

  store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_test_message ("open: %s", error->message);
      g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, fixture->path));
      return;
    }

  g_assert_no_error (error);
  g_assert_true (paraat_store_check (store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("check: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, >, 0);
}

/*
 * Damage that PRAGMA quick_check (run on open) cannot see but
 * paraat_store_check() must: one contact's region code changed in the
 * table row but not in the index contact_region.
 */
static void
test_store_check_index_mismatch (ParaatTestFixture *fixture,
                                 gconstpointer      user_data)
{
  static const char needle[] = "TestrolTest Contact 1234 with";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize len, found = 0;
  guint8 *data;
  guint n_found = 0;
  gboolean mentions_index = FALSE;

  paraat_test_insert_contacts (fixture->store, 2000);
  paraat_test_fixture_close_store (fixture);
  assert_no_sidecars (fixture->path);

  bytes = paraat_test_read_bytes (fixture->path);
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  for (gsize i = 4; i + strlen (needle) <= len; i++)
    {
      if (memcmp (data + i, needle, strlen (needle)) == 0)
        {
          found = i;
          n_found++;
        }
    }
  g_assert_cmpuint (n_found, ==, 1);
  /* The record holds region_code, role, name, … one after another. */
  g_assert_cmpmem (data + found - 4, 4, "VR10", 4);
  data[found - 1] = '1';
  paraat_test_write_bytes (fixture->path, data, len);
  g_free (data);

  paraat_test_fixture_reopen_store (fixture);
  g_assert_true (paraat_store_check (fixture->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("check: %s", (const char *) problems->pdata[i]);
      mentions_index |= strstr (problems->pdata[i], "contact_region") != NULL;
    }
  g_assert_true (mentions_index);
}

/* Demo data */

static guint
count_demo_contacts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "contacts.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  return json_array_get_length (json_object_get_array_member (root, "contacts"));
}

static void
test_store_fill_demo (ParaatTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JANUARY, 2025);
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  guint expected = count_demo_contacts ();

  g_assert_cmpuint (expected, >, 0);
  g_assert_false (paraat_store_get_is_demo (fixture->store));
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_CONTACT), ==, 0);

  g_assert_true (paraat_store_fill_demo (fixture->store, today, &error));
  g_assert_no_error (error);

  g_assert_true (paraat_store_get_is_demo (fixture->store));
  g_assert_cmpuint (count_records (fixture->store, PARAAT_KIND_CONTACT), ==, expected);

  /* Offsets count from @today: VR01's RMOA started 700 days before it. */
  from = paraat_test_db_query_text (fixture->store->db,
                                    "SELECT valid_from FROM contact WHERE region_code = 'VR01'"
                                    " AND role = 'RMOA'");
  g_assert_cmpstr (from, ==, "2023-02-15");

  /* Still a demo after reopening */
  paraat_test_fixture_reopen_store (fixture);
  g_assert_true (paraat_store_get_is_demo (fixture->store));
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

#define ADD(path, setup, func) \
  g_test_add (path, ParaatTestFixture, NULL, setup, func, paraat_test_fixture_tear_down)

  ADD ("/core/store/create", paraat_test_fixture_set_up_store, test_store_create);
  ADD ("/core/store/reopen", paraat_test_fixture_set_up_store, test_store_reopen);
  ADD ("/core/store/reopen/unseeded", paraat_test_fixture_set_up_store, test_store_reopen_unseeded);
  ADD ("/core/store/open/one-thread", paraat_test_fixture_set_up_store, test_store_one_thread);
  ADD ("/core/store/open/missing", paraat_test_fixture_set_up, test_store_open_missing);
  ADD ("/core/store/open/text-file", paraat_test_fixture_set_up, test_store_open_text_file);
  ADD ("/core/store/open/garbage", paraat_test_fixture_set_up, test_store_open_garbage);
  ADD ("/core/store/open/too-new", paraat_test_fixture_set_up, test_store_open_too_new);
  ADD ("/core/store/open/other-program", paraat_test_fixture_set_up, test_store_open_other_program);
  ADD ("/core/store/open/directory", paraat_test_fixture_set_up, test_store_open_directory);
  ADD ("/core/store/foreign-keys/save", paraat_test_fixture_set_up_store, test_store_foreign_keys_save);
  ADD ("/core/store/foreign-keys/raw", paraat_test_fixture_set_up_store, test_store_foreign_keys_raw);
  ADD ("/core/store/delete/brigade-in-use", paraat_test_fixture_set_up_store, test_store_delete_brigade_in_use);
  ADD ("/core/store/backup/roundtrip", paraat_test_fixture_set_up_store, test_store_backup);
  ADD ("/core/store/backup/self", paraat_test_fixture_set_up_store, test_store_backup_self);
  ADD ("/core/store/backup/meta", paraat_test_fixture_set_up_store, test_store_backup_meta);
  ADD ("/core/store/check/fresh", paraat_test_fixture_set_up_store, test_store_check_fresh);
  ADD ("/core/store/check/broken-reference", paraat_test_fixture_set_up_store,
       test_store_check_broken_reference);
  ADD ("/core/store/check/corrupt", paraat_test_fixture_set_up_store, test_store_check_corrupt);
  ADD ("/core/store/check/deferred", paraat_test_fixture_set_up_store, test_store_deferred_check);
  ADD ("/core/store/check/index-mismatch", paraat_test_fixture_set_up_store,
       test_store_check_index_mismatch);
  ADD ("/core/store/demo", paraat_test_fixture_set_up_store, test_store_fill_demo);

#undef ADD

  return g_test_run ();
}
