/* paraat-reference-page.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_REFERENCE_PAGE (paraat_reference_page_get_type ())
G_DECLARE_FINAL_TYPE (ParaatReferencePage, paraat_reference_page, PARAAT, REFERENCE_PAGE, AdwBin)

GtkWidget *paraat_reference_page_new           (ParaatStore         *store);
void       paraat_reference_page_set_scope     (ParaatReferencePage *self,
                                                ParaatScope         *scope);
void       paraat_reference_page_show_kind     (ParaatReferencePage *self,
                                                ParaatKind           kind,
                                                const char          *search);
void       paraat_reference_page_focus_search  (ParaatReferencePage *self);
GtkWidget *paraat_reference_page_get_table     (ParaatReferencePage *self,
                                                ParaatKind           kind);

G_END_DECLS
