/* paraat-window.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_WINDOW (paraat_window_get_type ())
G_DECLARE_FINAL_TYPE (ParaatWindow, paraat_window, PARAAT, WINDOW, AdwApplicationWindow)

ParaatWindow *paraat_window_new              (GtkApplication *app,
                                              ParaatStore    *store,
                                              const char     *open_error);
ParaatStore  *paraat_window_get_store        (ParaatWindow   *self);
ParaatScope  *paraat_window_get_scope        (ParaatWindow   *self);
void          paraat_window_set_scope        (ParaatWindow   *self,
                                              const char     *scope);
void          paraat_window_add_toast        (ParaatWindow   *self,
                                              AdwToast       *toast);
void          paraat_window_add_toast_for    (GtkWidget      *widget,
                                              AdwToast       *toast);
void          paraat_window_show_section     (ParaatWindow   *self,
                                              const char     *section);
const char   *paraat_window_get_section      (ParaatWindow   *self);
void          paraat_window_show_records     (ParaatWindow   *self,
                                              ParaatKind      kind,
                                              const char     *search);
void          paraat_window_show_exercise    (ParaatWindow   *self,
                                              const char     *uid);
void          paraat_window_show_action_items (ParaatWindow  *self,
                                              const char    *region_code);
GtkWidget    *paraat_window_get_page         (ParaatWindow   *self,
                                              const char     *section);

G_END_DECLS
