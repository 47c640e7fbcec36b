/* paraat-store.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ParaatStore owns the one SQLite connection. Opening checks that the file
 * is a Paraat database the program understands before anything is written,
 * then applies migrations, one transaction each, above PRAGMA user_version.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "paraat-core-resources.h"
#include "paraat-store-private.h"

#define MIGRATIONS_PATH RESOURCE_BASE "/core/migrations/"

G_DEFINE_QUARK (paraat-store-error-quark, paraat_store_error)

G_DEFINE_FINAL_TYPE (ParaatStore, paraat_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

typedef enum
{
  CHECK_PASSED,
  CHECK_PENDING,
  CHECK_FAILED,
} CheckState;

static gboolean wait_for_check (ParaatStore  *self,
                                GError      **error);

static void
paraat_store_finalize (GObject *object)
{
  ParaatStore *self = PARAAT_STORE (object);

  g_mutex_clear (&self->check_lock);
  g_cond_clear (&self->check_cond);
  g_clear_pointer (&self->check_error, g_free);

  for (guint i = 0; i < PARAAT_N_KINDS; i++)
    g_clear_object (&self->records[i]);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->import_file, g_free);
  g_clear_pointer (&self->import_reason, g_free);
  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Could not close %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (paraat_store_parent_class)->finalize (object);
}

static void
paraat_store_class_init (ParaatStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* Paraat never asks SQLite how much memory it uses, and the count
   * takes a global lock on every allocation: a twentieth of the
   * instructions of an import. Refused, harmlessly, if SQLite was set up
   * already. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  object_class->finalize = paraat_store_finalize;

  /**
   * ParaatStore::changed:
   * @kind: the #ParaatKind whose rows changed
   *
   * Emitted after a write has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
paraat_store_init (ParaatStore *self)
{
  self->stmts = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
  self->max_duration = -1;
  g_mutex_init (&self->check_lock);
  g_cond_init (&self->check_cond);
  self->check_state = CHECK_PASSED;
}

/* Helpers for the other store files */

void
paraat_store_set_sql_error (ParaatStore  *self,
                            GError      **error)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  ParaatStoreError domain_code = PARAAT_STORE_ERROR_SQL;

  if (primary == SQLITE_CONSTRAINT)
    domain_code = PARAAT_STORE_ERROR_CONSTRAINT;
  else if (primary == SQLITE_CORRUPT)
    domain_code = PARAAT_STORE_ERROR_CORRUPT;
  else if (primary == SQLITE_NOTADB)
    domain_code = PARAAT_STORE_ERROR_NOT_DATABASE;
  else if (primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN ||
           primary == SQLITE_READONLY)
    domain_code = PARAAT_STORE_ERROR_IO;

  /* SQLite's own words stay untranslated (STYLE.md §2.7). */
  g_set_error (error, PARAAT_STORE_ERROR, domain_code, "%s: %s", self->path, sqlite3_errmsg (self->db));
}

/**
 * paraat_store_prepare:
 * @sql: a static string; its address is the cache key
 *
 * Prepares @sql once per store and hands back the cached statement,
 * reset and with its bindings cleared. Reset it when done.
 */
sqlite3_stmt *
paraat_store_prepare (ParaatStore  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          paraat_store_set_sql_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

gboolean
paraat_store_exec (ParaatStore  *self,
                   const char   *sql,
                   GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      paraat_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
paraat_store_begin (ParaatStore  *self,
                    GError      **error)
{
  return wait_for_check (self, error) && paraat_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
paraat_store_commit (ParaatStore  *self,
                     GError      **error)
{
  return paraat_store_exec (self, "COMMIT", error);
}

void
paraat_store_rollback (ParaatStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
paraat_store_step_done (ParaatStore  *self,
                        sqlite3_stmt *stmt,
                        GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      paraat_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

void
paraat_store_bind_value (sqlite3_stmt      *stmt,
                         int                index,
                         const ParaatField *field,
                         const char        *value)
{
  if (value == NULL || (*value == '\0' && (field->flags & PARAAT_FIELD_FLAG_NULLABLE)))
    {
      if (field->flags & PARAAT_FIELD_FLAG_NULLABLE)
        sqlite3_bind_null (stmt, index);
      else if (field->type == PARAAT_FIELD_BOOL || field->type == PARAAT_FIELD_INT)
        sqlite3_bind_int64 (stmt, index, 0);
      else
        sqlite3_bind_text (stmt, index, "", 0, SQLITE_STATIC);
      return;
    }

  switch (field->type)
    {
    case PARAAT_FIELD_INT:
    case PARAAT_FIELD_BOOL:
      sqlite3_bind_int64 (stmt, index, g_ascii_strtoll (value, NULL, 10));
      break;

    case PARAAT_FIELD_TEXT:
    case PARAAT_FIELD_LONG_TEXT:
    case PARAAT_FIELD_DATE:
    case PARAAT_FIELD_REF:
    default:
      sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
      break;
    }
}

/* Migrations */

static GBytes *
lookup_core_resource (const char  *path,
                      GError     **error)
{
  return g_resource_lookup_data (paraat_core_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static char **
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (paraat_core_get_resource (), MIGRATIONS_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert (names != NULL);

  return g_steal_pointer (&names);
}

static int
compare_strv_elements (const void *a,
                       const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static char **
sorted_migrations (void)
{
  char **names = list_migrations ();

  qsort (names, g_strv_length (names), sizeof (char *), compare_strv_elements);

  return names;
}

/**
 * paraat_store_get_latest_version:
 *
 * The schema version this program writes: the number of the last
 * migration. Migrations are numbered 0001, 0002, … without gaps.
 */
int
paraat_store_get_latest_version (void)
{
  g_auto(GStrv) names = sorted_migrations ();
  guint n = g_strv_length (names);

  for (guint i = 0; i < n; i++)
    g_assert (atoi (names[i]) == (int) i + 1);

  return n;
}

static gboolean
apply_migrations (ParaatStore  *self,
                  int           from_version,
                  GError      **error)
{
  g_auto(GStrv) names = sorted_migrations ();

  for (guint i = from_version; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (MIGRATIONS_PATH, names[i], NULL);
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      g_autoptr(GBytes) bytes = lookup_core_resource (path, error);

      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!paraat_store_begin (self, error) ||
          !paraat_store_exec (self, sql, error) ||
          !paraat_store_exec (self, set_version, error) ||
          !paraat_store_commit (self, error))
        {
          paraat_store_rollback (self);
          g_prefix_error (error, _("Could not upgrade the database to version %u: "), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
query_int (ParaatStore  *self,
           const char   *sql,
           gint64       *result,
           GError      **error)
{
  sqlite3_stmt *stmt = paraat_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      paraat_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *result = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

/* Turns SQLite's verdict on a file we could not read into words for a planner. */
static void
set_open_error (ParaatStore  *self,
                GError      **error)
{
  int primary = sqlite3_errcode (self->db) & 0xff;

  if (primary == SQLITE_NOTADB)
    g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_DATABASE,
                 _("“%s” is not a Paraat database: it is not an SQLite file. "
                   "Choose another file, or create a new database."), self->path);
  else if (primary == SQLITE_CORRUPT)
    g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged (%s). Restore it from a backup."),
                 self->path, sqlite3_errmsg (self->db));
  else
    g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN,
                 _("Could not open “%s”: %s"), self->path, sqlite3_errmsg (self->db));
}

/* SQLite's quick_check on @db: NULL when the file is sound, else the
 * verdict, or SQLite's message when the check could not run. */
static char *
run_quick_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  char *verdict = NULL;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) != SQLITE_OK)
    verdict = g_strdup (sqlite3_errmsg (db));
  else if (sqlite3_step (stmt) != SQLITE_ROW)
    verdict = g_strdup (sqlite3_errmsg (db));
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    verdict = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return verdict;
}

static void
set_corrupt_error (ParaatStore  *self,
                   const char   *verdict,
                   GError      **error)
{
  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CORRUPT,
               _("“%s” is damaged (%s). Restore it from a backup."), self->path, verdict);
}

/* Called before every write: waits for a deferred check, or runs it */
static gboolean
wait_for_check (ParaatStore  *self,
                GError      **error)
{
  gboolean passed;

  g_mutex_lock (&self->check_lock);
  if (self->check_state == CHECK_PENDING && !self->check_running)
    {
      char *verdict = run_quick_check (self->db);

      self->check_state = verdict == NULL ? CHECK_PASSED : CHECK_FAILED;
      self->check_error = verdict;
    }
  while (self->check_state == CHECK_PENDING)
    g_cond_wait (&self->check_cond, &self->check_lock);
  passed = self->check_state == CHECK_PASSED;
  if (!passed)
    set_corrupt_error (self, self->check_error, error);
  g_mutex_unlock (&self->check_lock);

  return passed;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParaatStore *self = source_object;
  sqlite3 *db = NULL;
  char *verdict;

  /* Its own read-only connection: the window goes on reading meanwhile.
   * The check reads every page once, so a page cache of SQLite's default
   * 2 MB would only stay resident in this thread's malloc arena. */
  if (sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    verdict = g_strdup (db ? sqlite3_errmsg (db) : "out of memory");
  else if (sqlite3_exec (db, "PRAGMA cache_size = -256", NULL, NULL, NULL) != SQLITE_OK)
    verdict = g_strdup (sqlite3_errmsg (db));
  else
    verdict = run_quick_check (db);
  sqlite3_close (db);

  g_mutex_lock (&self->check_lock);
  self->check_state = verdict == NULL ? CHECK_PASSED : CHECK_FAILED;
  self->check_error = verdict;
  self->check_running = FALSE;
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_lock);

  if (verdict == NULL)
    g_task_return_boolean (task, TRUE);
  else
    {
      GError *error = NULL;

      set_corrupt_error (self, verdict, &error);
      g_task_return_error (task, error);
    }
}

/**
 * paraat_store_check_in_background:
 *
 * Runs the damage check that paraat_store_open() left for later with
 * %PARAAT_STORE_OPEN_DEFER_CHECK, in a thread on a connection of its own.
 * Writes wait for it; a damaged file refuses them. Completes at once when
 * there is nothing to check.
 */
void
paraat_store_check_in_background (ParaatStore         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  gboolean start;

  g_task_set_source_tag (task, paraat_store_check_in_background);
  g_mutex_lock (&self->check_lock);
  start = self->check_state == CHECK_PENDING && !self->check_running;
  if (start)
    self->check_running = TRUE;
  g_mutex_unlock (&self->check_lock);

  if (start)
    g_task_run_in_thread (task, check_thread);
  else
    {
      g_autoptr(GError) error = NULL;

      if (wait_for_check (self, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
    }
}

gboolean
paraat_store_check_in_background_finish (ParaatStore   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
check_file (ParaatStore  *self,
            gboolean      existed,
            gboolean      defer,
            gint64       *version,
            GError      **error)
{
  g_autofree char *verdict = NULL;
  gint64 app_id = 0, n_objects = 0;

  /* Reading the header is the first thing that touches the file; it
   * writes nothing, so a refused file is left as it was. */
  if (!query_int (self, "PRAGMA application_id", &app_id, NULL) ||
      !query_int (self, "PRAGMA user_version", version, NULL) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, NULL))
    {
      set_open_error (self, error);
      return FALSE;
    }

  if (app_id != PARAAT_APPLICATION_ID && (app_id != 0 || n_objects > 0))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is an SQLite database of another program, not of Paraat. "
                     "Choose another file, or create a new database."), self->path);
      return FALSE;
    }

  if (*version > paraat_store_get_latest_version ())
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SCHEMA_TOO_NEW,
                   _("“%s” was written by a newer version of Paraat (schema version %d; this "
                     "version knows up to %d). Open it with a newer Paraat; the file was not changed."),
                   self->path, (int) *version, paraat_store_get_latest_version ());
      return FALSE;
    }

  if (!existed)
    return TRUE;

  /* Only a file that needs no upgrade may wait: an upgrade writes. */
  if (defer && *version == paraat_store_get_latest_version ())
    {
      self->check_state = CHECK_PENDING;
      return TRUE;
    }

  if ((verdict = run_quick_check (self->db)) != NULL)
    {
      set_corrupt_error (self, verdict, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * paraat_store_open:
 * @path: the database file
 * @flags: %PARAAT_STORE_OPEN_CREATE to create a missing file
 *
 * Opens (and if needed creates, upgrades and seeds) a Paraat database.
 * A file that is not a Paraat database, is damaged or is newer than this
 * program is refused with an error and not written to.
 */
ParaatStore *
paraat_store_open (const char            *path,
                   ParaatStoreOpenFlags   flags,
                   GError               **error)
{
  g_autoptr(ParaatStore) self = NULL;
  gboolean existed;
  gint64 version = 0;
  int open_flags = SQLITE_OPEN_READWRITE;
  g_autofree char *seeded = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PARAAT_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (existed && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file."), path);
      return NULL;
    }
  if (!existed)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!(flags & PARAAT_STORE_OPEN_CREATE))
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN,
                       _("“%s” does not exist. Create it with “paraat-cli --db %s init”, "
                         "or choose New Database in Paraat."), path, path);
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
      open_flags |= SQLITE_OPEN_CREATE;
    }

  /* SQLite otherwise takes the connection's mutex in every call, each
   * bind and column too: about 40 million of an import's 650 million
   * instructions in its writing thread at 10,000 events. The app keeps
   * it, as its threads share the store. */
  if (flags & PARAAT_STORE_OPEN_ONE_THREAD)
    open_flags |= SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2 (path, &self->db, open_flags, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN,
                       _("Could not open “%s”: out of memory"), path);
          return NULL;
        }
      set_open_error (self, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!paraat_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!check_file (self, existed, (flags & PARAAT_STORE_OPEN_DEFER_CHECK) != 0, &version, error))
    return NULL;

  /* From here on the file is ours and may be written. A new file gets
   * pages of 16 KiB, as Firefox gives its history: an import of 100,000
   * events wrote its 40 MB in a quarter of the writes and the checkpoint
   * copied it in a quarter of the calls (docs/benchmarks.md). The page
   * size is set before anything is written and stays the file's. */
  if (!existed && !paraat_store_exec (self, "PRAGMA page_size = 16384", error))
    return NULL;
  if (!paraat_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !paraat_store_exec (self, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (!apply_migrations (self, version, error))
    goto failed;

  /* Seeding is its own transaction; it runs again if it was cut off.
   * A file from before the meta table (version 1) has no "seeded" mark
   * but was seeded by the Paraat that made it: seeding it again would
   * clash with its regions and make the upgrade fail. So only a file
   * without regions is seeded. */
  seeded = paraat_store_get_meta (self, "seeded");
  if (seeded == NULL)
    {
      gint64 n_regions = 0;

      if (!query_int (self, "SELECT count(*) FROM region", &n_regions, error))
        goto failed;
      if (n_regions == 0 && !paraat_store_seed_reference (self, error))
        goto failed;
      /* Mark an upgraded file too, so that deleting every region later
       * does not bring the reference data back on the next open. */
      if (n_regions > 0 && !paraat_store_set_meta (self, "seeded", "1", error))
        goto failed;
    }

  return g_steal_pointer (&self);

failed:
  /* A file this call created and could not finish is removed again, so
   * a second try does not find a half-made database in the way. */
  if (!existed)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_clear_object (&self);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  return NULL;
}

char *
paraat_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "paraat", "paraat.db", NULL);
}

const char *
paraat_store_get_path (ParaatStore *self)
{
  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  return self->path;
}

int
paraat_store_get_version (ParaatStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (PARAAT_IS_STORE (self), 0);

  query_int (self, "PRAGMA user_version", &version, NULL);

  return version;
}

gboolean
paraat_store_get_is_demo (ParaatStore *self)
{
  g_autofree char *demo = paraat_store_get_meta (self, "demo");

  return g_strcmp0 (demo, "1") == 0;
}

char *
paraat_store_get_meta (ParaatStore *self,
                       const char  *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  if (!(stmt = paraat_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL)))
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

static gboolean
write_meta (ParaatStore  *self,
            const char   *key,
            const char   *value,
            GError      **error)
{
  sqlite3_stmt *stmt;

  if (!wait_for_check (self, error))
    return FALSE;
  stmt = paraat_store_prepare (self,
                               "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return paraat_store_step_done (self, stmt, error);
}

gboolean
paraat_store_set_meta (ParaatStore  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);

  /* One row; SQLite makes a single statement atomic by itself. */
  return write_meta (self, key, value, error);
}

/**
 * paraat_store_backup:
 * @dest_path: the backup file; replaced atomically if it exists
 *
 * Copies the open database with SQLite's online backup into a temporary
 * file beside @dest_path and renames it into place, so a failed backup
 * never leaves half a file under the chosen name.
 */
gboolean
paraat_store_backup (ParaatStore  *self,
                     const char   *dest_path,
                     GError      **error)
{
  g_autofree char *tmp_path = NULL;
  g_autofree char *canonical_dest = NULL;
  g_autofree char *canonical_self = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDateTime) now_dt = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  canonical_dest = g_canonicalize_filename (dest_path, NULL);
  canonical_self = g_canonicalize_filename (self->path, NULL);
  if (g_str_equal (canonical_dest, canonical_self))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s” is the open database itself. Choose another file for the backup."),
                   dest_path);
      return FALSE;
    }

  tmp_path = g_strdup_printf ("%s.part-%d", dest_path, (int) getpid ());
  g_unlink (tmp_path);

  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : _("out of memory"));
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* Copy in steps so that a writer in another process is not locked
   * out for the whole copy; a write in between restarts it. */
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  /* A backup is a single self-contained file. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  /* The Overview warns when backups are old; a failure to note the time
   * does not undo a backup that was made. */
  now_dt = g_date_time_new_now_utc ();
  now = g_date_time_format_iso8601 (now_dt);
  if (!write_meta (self, "last_backup", now, NULL))
    g_debug ("Could not record the time of the backup of %s", self->path);
  paraat_store_emit_changed (self, PARAAT_N_KINDS);

  return TRUE;
}

/**
 * paraat_store_check:
 * @problems: (out) (element-type utf8): what is wrong; empty when all is well
 *
 * Runs PRAGMA integrity_check and PRAGMA foreign_key_check.
 * Returns %FALSE only when the checks could not run.
 */
gboolean
paraat_store_check (ParaatStore  *self,
                    GPtrArray   **problems,
                    GError      **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!(stmt = paraat_store_prepare (self, "PRAGMA integrity_check", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (found, g_strdup (line));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_add (found, g_strdup (sqlite3_errmsg (self->db)));
      *problems = g_steal_pointer (&found);
      return TRUE;
    }

  if (!(stmt = paraat_store_prepare (self, "PRAGMA foreign_key_check", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* Translators: a broken reference in the database: table, row number, referenced table */
      g_ptr_array_add (found, g_strdup_printf (_("Table “%s”, row %lld refers to a missing row in “%s”"),
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               (long long) sqlite3_column_int64 (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return FALSE;
    }

  *problems = g_steal_pointer (&found);

  return TRUE;
}
