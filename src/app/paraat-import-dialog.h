/* paraat-import-dialog.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-import.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_IMPORT_DIALOG (paraat_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ParaatImportDialog, paraat_import_dialog, PARAAT, IMPORT_DIALOG, AdwWindow)

ParaatImportDialog *paraat_import_dialog_new        (ParaatStore         *store,
                                                     const char * const  *paths,
                                                     ParaatSourceKind     kind);
void                paraat_import_dialog_choose     (GtkWindow           *parent,
                                                     ParaatStore         *store);
/* Whether the preview is ready (the files were read) */
gboolean            paraat_import_dialog_get_ready  (ParaatImportDialog  *self);
const char         *paraat_import_dialog_get_error  (ParaatImportDialog  *self);
gboolean            paraat_import_dialog_get_counts (ParaatImportDialog  *self,
                                                     ParaatImportCounts  *counts);
gboolean            paraat_import_dialog_apply      (ParaatImportDialog  *self);

G_END_DECLS
