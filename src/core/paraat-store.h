/* paraat-store.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "paraat-record.h"

G_BEGIN_DECLS

#define PARAAT_STORE_ERROR (paraat_store_error_quark ())

typedef enum
{
  PARAAT_STORE_ERROR_OPEN,
  PARAAT_STORE_ERROR_NOT_DATABASE,
  PARAAT_STORE_ERROR_CORRUPT,
  PARAAT_STORE_ERROR_SCHEMA_TOO_NEW,
  PARAAT_STORE_ERROR_SQL,
  PARAAT_STORE_ERROR_INVALID,
  PARAAT_STORE_ERROR_NOT_FOUND,
  PARAAT_STORE_ERROR_CONSTRAINT,
  PARAAT_STORE_ERROR_IO,
} ParaatStoreError;

typedef enum
{
  PARAAT_STORE_OPEN_DEFAULT = 0,
  PARAAT_STORE_OPEN_CREATE  = 1 << 0, /* create the file when it does not exist */
  PARAAT_STORE_OPEN_DEFER_CHECK = 1 << 1, /* run the damage check later, see paraat_store_check_in_background() */
  PARAAT_STORE_OPEN_ONE_THREAD = 1 << 2,  /* never used from two threads at once: SQLite locks nothing per call */
} ParaatStoreOpenFlags;

#define PARAAT_TYPE_STORE (paraat_store_get_type ())
G_DECLARE_FINAL_TYPE (ParaatStore, paraat_store, PARAAT, STORE, GObject)

GQuark       paraat_store_error_quark            (void);
int          paraat_store_get_latest_version     (void);
char        *paraat_store_get_default_path       (void) G_GNUC_WARN_UNUSED_RESULT;

ParaatStore *paraat_store_open                   (const char            *path,
                                                  ParaatStoreOpenFlags   flags,
                                                  GError               **error) G_GNUC_WARN_UNUSED_RESULT;
const char  *paraat_store_get_path               (ParaatStore           *self);
int          paraat_store_get_version            (ParaatStore           *self);
gboolean     paraat_store_get_is_demo            (ParaatStore           *self);
gboolean     paraat_store_fill_demo              (ParaatStore           *self,
                                                  GDate                 *today,
                                                  GError               **error);

char        *paraat_store_get_meta               (ParaatStore           *self,
                                                  const char            *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean     paraat_store_set_meta               (ParaatStore           *self,
                                                  const char            *key,
                                                  const char            *value,
                                                  GError               **error);

gboolean     paraat_store_backup                 (ParaatStore           *self,
                                                  const char            *dest_path,
                                                  GError               **error);
gboolean     paraat_store_check                  (ParaatStore           *self,
                                                  GPtrArray            **problems,
                                                  GError               **error);
void         paraat_store_check_in_background    (ParaatStore           *self,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
gboolean     paraat_store_check_in_background_finish (ParaatStore       *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);

/* Reference records (see paraat-record.h for the kinds). */
GListModel  *paraat_store_get_records            (ParaatStore           *self,
                                                  ParaatKind             kind);
ParaatRecord *paraat_store_find_record           (ParaatStore           *self,
                                                  ParaatKind             kind,
                                                  const char            *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean     paraat_store_validate_value         (ParaatStore           *self,
                                                  ParaatKind             kind,
                                                  guint                  field,
                                                  const char            *value,
                                                  GError               **error);
gboolean     paraat_store_validate_record        (ParaatStore           *self,
                                                  ParaatKind             kind,
                                                  gint64                 id,
                                                  const char * const    *values,
                                                  GError               **error);
gint64       paraat_store_save_record            (ParaatStore           *self,
                                                  ParaatKind             kind,
                                                  gint64                 id,
                                                  const char * const    *values,
                                                  GError               **error);
gboolean     paraat_store_delete_record          (ParaatStore           *self,
                                                  ParaatKind             kind,
                                                  gint64                 id,
                                                  GError               **error);
guint        paraat_store_count_dependents       (ParaatStore           *self,
                                                  ParaatKind             kind,
                                                  gint64                 id);

G_END_DECLS
