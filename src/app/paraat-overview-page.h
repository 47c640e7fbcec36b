/* paraat-overview-page.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_OVERVIEW_PAGE (paraat_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (ParaatOverviewPage, paraat_overview_page, PARAAT, OVERVIEW_PAGE, AdwBin)

GtkWidget  *paraat_overview_page_new              (ParaatStore        *store);
void        paraat_overview_page_set_scope        (ParaatOverviewPage *self,
                                                   ParaatScope        *scope);
GListModel *paraat_overview_page_get_attention    (ParaatOverviewPage *self);
GListModel *paraat_overview_page_get_regions      (ParaatOverviewPage *self);

G_END_DECLS
