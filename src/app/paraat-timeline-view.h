/* paraat-timeline-view.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  PARAAT_TIMELINE_ROWS_REGIONS,
  PARAAT_TIMELINE_ROWS_UNITS,
} ParaatTimelineRows;

#define PARAAT_TYPE_TIMELINE_VIEW (paraat_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (ParaatTimelineView, paraat_timeline_view, PARAAT, TIMELINE_VIEW, GtkWidget)

GtkWidget *paraat_timeline_view_new           (ParaatStore        *store);
void       paraat_timeline_view_set_exercises (ParaatTimelineView *self,
                                               ParaatScope        *scope,
                                               const GDate        *first,
                                               guint               n_days,
                                               ParaatTimelineRows  rows,
                                               GListModel         *exercises);
guint      paraat_timeline_view_get_n_rows    (ParaatTimelineView *self);
guint      paraat_timeline_view_get_n_bars    (ParaatTimelineView *self);

G_END_DECLS
