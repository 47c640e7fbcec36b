/* paraat-calendar-page.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_CALENDAR_PAGE (paraat_calendar_page_get_type ())
G_DECLARE_FINAL_TYPE (ParaatCalendarPage, paraat_calendar_page, PARAAT, CALENDAR_PAGE, AdwBin)

GtkWidget  *paraat_calendar_page_new          (ParaatStore        *store);
void        paraat_calendar_page_set_scope    (ParaatCalendarPage *self,
                                               ParaatScope        *scope);
void        paraat_calendar_page_set_year     (ParaatCalendarPage *self,
                                               int                 year);
int         paraat_calendar_page_get_year     (ParaatCalendarPage *self);
GListModel *paraat_calendar_page_get_model    (ParaatCalendarPage *self);
void        paraat_calendar_page_set_search   (ParaatCalendarPage *self,
                                               const char         *text);
void        paraat_calendar_page_focus_search (ParaatCalendarPage *self);
gboolean    paraat_calendar_page_select_uid   (ParaatCalendarPage *self,
                                               const char         *uid);
GtkWindow  *paraat_calendar_page_edit_selected (ParaatCalendarPage *self,
                                               gboolean            duplicate);
void        paraat_calendar_page_set_view     (ParaatCalendarPage *self,
                                               const char         *name);
const char *paraat_calendar_page_get_view     (ParaatCalendarPage *self);
void        paraat_calendar_page_set_date     (ParaatCalendarPage *self,
                                               int                 year,
                                               int                 month,
                                               int                 day);
int         paraat_calendar_page_get_month    (ParaatCalendarPage *self);
GtkWidget  *paraat_calendar_page_get_view_widget (ParaatCalendarPage *self,
                                               const char         *name);
GtkWindow  *paraat_calendar_page_open_exercise (ParaatCalendarPage *self,
                                               const char         *uid);
GtkWindow  *paraat_calendar_page_show_event  (ParaatCalendarPage *self,
                                               const char         *target);
GtkWindow  *paraat_calendar_page_remove_source (ParaatCalendarPage *self,
                                               const char         *name);
GtkWindow  *paraat_calendar_page_shift_selected (ParaatCalendarPage *self);
GtkWindow  *paraat_calendar_page_copy_year    (ParaatCalendarPage *self);
gboolean    paraat_calendar_page_export       (ParaatCalendarPage *self,
                                               const char         *format,
                                               const char         *path,
                                               guint              *n_exported,
                                               GError            **error);
void        paraat_calendar_page_show_action_items (ParaatCalendarPage *self,
                                               const char         *region_code,
                                               const char         *which);

G_END_DECLS
