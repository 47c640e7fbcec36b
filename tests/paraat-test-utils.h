/* paraat-test-utils.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared helpers for the core and CLI tests: a fixture with a private
 * temporary folder, and ways to look at a database file from outside
 * ParaatStore (its bytes, its logical content, its schema). Tests may
 * talk to SQLite directly; only src/app and src/cli may not.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "paraat-autocleanups.h"
#include "paraat-store.h"

G_BEGIN_DECLS

typedef struct
{
  char        *dir;    /* a fresh g_dir_make_tmp() folder, removed with everything in it */
  char        *path;   /* dir/paraat.db; only created by set_up_store */
  ParaatStore *store;  /* open on path after set_up_store, else NULL */
} ParaatTestFixture;

void      paraat_test_init                    (int                *argc,
                                               char             ***argv);

void      paraat_test_fixture_set_up          (ParaatTestFixture  *fixture,
                                               gconstpointer       user_data);
void      paraat_test_fixture_set_up_store    (ParaatTestFixture  *fixture,
                                               gconstpointer       user_data);
void      paraat_test_fixture_tear_down       (ParaatTestFixture  *fixture,
                                               gconstpointer       user_data);
void      paraat_test_fixture_close_store     (ParaatTestFixture  *fixture);
void      paraat_test_fixture_reopen_store    (ParaatTestFixture  *fixture);
char     *paraat_test_fixture_build_path      (ParaatTestFixture  *fixture,
                                               const char         *name) G_GNUC_WARN_UNUSED_RESULT;

void      paraat_test_rm_rf                   (const char         *path);
GBytes   *paraat_test_read_bytes              (const char         *path) G_GNUC_WARN_UNUSED_RESULT;
void      paraat_test_write_bytes             (const char         *path,
                                               const void         *data,
                                               gsize               len);
void      paraat_test_assert_bytes_equal      (GBytes             *expected,
                                               GBytes             *actual);

sqlite3  *paraat_test_open_db                 (const char         *path) G_GNUC_WARN_UNUSED_RESULT;
void      paraat_test_exec_sql                (const char         *path,
                                               const char         *sql);
gint64    paraat_test_query_int               (const char         *path,
                                               const char         *sql);
gint64    paraat_test_db_query_int            (sqlite3            *db,
                                               const char         *sql);
char     *paraat_test_db_query_text           (sqlite3            *db,
                                               const char         *sql) G_GNUC_WARN_UNUSED_RESULT;
void      paraat_test_create_db_from_sql      (const char         *db_path,
                                               const char         *sql);
void      paraat_test_create_db_from_sql_file (const char         *db_path,
                                               const char         *sql_path);

void      paraat_test_insert_contacts         (ParaatStore        *store,
                                               guint               n);

char     *paraat_test_dump_db                 (sqlite3            *db) G_GNUC_WARN_UNUSED_RESULT;
char     *paraat_test_dump_database           (const char         *path) G_GNUC_WARN_UNUSED_RESULT;
char     *paraat_test_dump_schema             (const char         *path) G_GNUC_WARN_UNUSED_RESULT;
char     *paraat_test_dump_table              (const char         *path,
                                               const char         *table,
                                               const char         *columns) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
