/* paraat-month-view.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_MONTH_VIEW (paraat_month_view_get_type ())
G_DECLARE_FINAL_TYPE (ParaatMonthView, paraat_month_view, PARAAT, MONTH_VIEW, AdwBin)

/* At most this many exercises are shown on a day; the rest behind "+N" */
#define PARAAT_MONTH_VIEW_LANES 3

GtkWidget *paraat_month_view_new           (ParaatStore     *store);
void       paraat_month_view_set_exercises (ParaatMonthView *self,
                                            int              year,
                                            int              month,
                                            GListModel      *exercises);
void       paraat_month_view_get_grid      (const GDate     *date,
                                            GDate           *first,
                                            guint           *n_days);

G_END_DECLS
