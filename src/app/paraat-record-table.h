/* paraat-record-table.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_RECORD_TABLE (paraat_record_table_get_type ())
G_DECLARE_FINAL_TYPE (ParaatRecordTable, paraat_record_table, PARAAT, RECORD_TABLE, AdwBin)

GtkWidget    *paraat_record_table_new            (ParaatStore       *store,
                                                  ParaatKind         kind);
ParaatKind    paraat_record_table_get_kind       (ParaatRecordTable *self);
void          paraat_record_table_set_scope      (ParaatRecordTable *self,
                                                  ParaatScope       *scope);
void          paraat_record_table_set_search     (ParaatRecordTable *self,
                                                  const char        *text);
void          paraat_record_table_focus_search   (ParaatRecordTable *self);
GListModel   *paraat_record_table_get_model      (ParaatRecordTable *self);
gboolean      paraat_record_table_select_key     (ParaatRecordTable *self,
                                                  const char        *key);
GtkWindow    *paraat_record_table_edit_selected  (ParaatRecordTable *self);

G_END_DECLS
