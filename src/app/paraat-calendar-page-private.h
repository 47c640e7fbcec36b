/* paraat-calendar-page-private.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the files that make up ParaatCalendarPage: the class, its views
 * and filters in paraat-calendar-page.c, the imported calendars and
 * their events in paraat-calendar-page-sources.c, and what the page
 * does to exercises (edit, delete, shift, copy, export) in
 * paraat-calendar-page-actions.c.
 */

#pragma once

#include "paraat-actions-view.h"
#include "paraat-calendar-page.h"
#include "paraat-month-view.h"
#include "paraat-timeline-view.h"
#include "paraat-window.h"
#include "paraat-year-view.h"

G_BEGIN_DECLS

typedef enum
{
  VIEW_YEAR,
  VIEW_MONTH,
  VIEW_TIMELINE,
  VIEW_LIST,
  VIEW_ACTIONS,
  N_VIEWS
} View;

typedef enum
{
  SPAN_WEEK,
  SPAN_MONTH,
  SPAN_QUARTER,
  SPAN_YEAR,
} Span;

struct _ParaatCalendarPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkButton          *previous_button;
  GtkButton          *next_button;
  GtkLabel           *period_label;
  GtkWidget          *filter_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *zoom_dropdown;
  GtkDropDown        *rows_dropdown;
  GtkDropDown        *period_dropdown;
  GtkMenuButton      *filter_button;
  GtkDropDown        *view_dropdown;
  GtkMenuButton      *more_button;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *discipline_dropdown;
  GtkDropDown        *defence_dropdown;
  GtkRevealer        *hint_revealer;
  GtkLabel           *hint_label;
  GtkWidget          *calendars_box;
  GtkListBox         *calendars_list;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  /* Views made in code */
  ParaatYearView     *year_view;
  ParaatMonthView    *month_view;
  ParaatTimelineView *timeline_view;
  ParaatActionsView  *actions_view;
  GtkWidget          *legend;

  /* Owned */
  ParaatStore        *store;
  ParaatScope        *scope;
  GListStore         *exercises;
  GtkFilterListModel *filtered;
  GtkMultiSelection  *selection;
  GPtrArray          *type_codes;        /* drop-down position - 1 → code */
  GPtrArray          *discipline_codes;
  GPtrArray          *sources;           /* the imported calendars (ParaatSource) */
  guint               n_visible_sources;
  char               *deleted_uid;       /* for Undo */

  View                view;
  GDate               date;              /* the day the period is built around */
  GDate               first;             /* the loaded period: first day … */
  guint               n_days;            /* … and its length */
};

/* paraat-calendar-page.c */
ParaatWindow *paraat_calendar_page_get_window         (ParaatCalendarPage *self);
Span          paraat_calendar_page_get_span           (ParaatCalendarPage *self);
char         *paraat_calendar_page_format_period      (Span                span,
                                                       const GDate        *first);
GtkWidget    *paraat_calendar_page_make_swatch        (const char         *css_class);

/* paraat-calendar-page-sources.c */
void          paraat_calendar_page_class_sources_init (GtkWidgetClass     *widget_class);
void          paraat_calendar_page_update_sources     (ParaatCalendarPage *self);
GtkWindow    *paraat_calendar_page_present_event      (ParaatCalendarPage *self,
                                                       ParaatExercise     *event);

/* paraat-calendar-page-actions.c */
void          paraat_calendar_page_class_actions_init (GtkWidgetClass     *widget_class);
GtkWindow    *paraat_calendar_page_present_editor     (ParaatCalendarPage *self,
                                                       ParaatExercise     *exercise,
                                                       gboolean            duplicate);

G_END_DECLS
