/* paraat-actions-view.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_ACTIONS_VIEW (paraat_actions_view_get_type ())
G_DECLARE_FINAL_TYPE (ParaatActionsView, paraat_actions_view, PARAAT, ACTIONS_VIEW, AdwBin)

GtkWidget  *paraat_actions_view_new        (ParaatStore       *store);
void        paraat_actions_view_set_scope  (ParaatActionsView *self,
                                            ParaatScope       *scope);
void        paraat_actions_view_set_filter (ParaatActionsView *self,
                                            const char        *which);
void        paraat_actions_view_set_region (ParaatActionsView *self,
                                            const char        *code);
void        paraat_actions_view_set_search (ParaatActionsView *self,
                                            const char        *text);
GListModel *paraat_actions_view_get_model  (ParaatActionsView *self);
gboolean    paraat_actions_view_select_id  (ParaatActionsView *self,
                                            gint64             id);

G_END_DECLS
