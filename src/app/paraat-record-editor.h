/* paraat-record-editor.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_RECORD_EDITOR (paraat_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (ParaatRecordEditor, paraat_record_editor, PARAAT, RECORD_EDITOR, AdwWindow)

ParaatRecordEditor *paraat_record_editor_new        (ParaatStore        *store,
                                                     ParaatKind          kind,
                                                     ParaatRecord       *record,
                                                     const char * const *defaults);
void                paraat_record_editor_set_value  (ParaatRecordEditor *self,
                                                     const char         *field,
                                                     const char         *value);
gboolean            paraat_record_editor_save       (ParaatRecordEditor *self);
const char         *paraat_record_editor_get_error  (ParaatRecordEditor *self);

G_END_DECLS
