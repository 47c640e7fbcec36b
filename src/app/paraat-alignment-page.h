/* paraat-alignment-page.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-conflicts.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_ALIGNMENT_PAGE (paraat_alignment_page_get_type ())
G_DECLARE_FINAL_TYPE (ParaatAlignmentPage, paraat_alignment_page, PARAAT, ALIGNMENT_PAGE, AdwBin)

GtkWidget *paraat_alignment_page_new          (ParaatStore         *store);
void       paraat_alignment_page_set_scope    (ParaatAlignmentPage *self,
                                               ParaatScope         *scope);
void       paraat_alignment_page_set_year     (ParaatAlignmentPage *self,
                                               int                  year);
GPtrArray *paraat_alignment_page_get_findings (ParaatAlignmentPage *self);
guint      paraat_alignment_page_get_n_shown  (ParaatAlignmentPage *self);
gboolean   paraat_alignment_page_export       (ParaatAlignmentPage *self,
                                               const char          *format,
                                               GFile               *file,
                                               GError             **error);

G_END_DECLS
