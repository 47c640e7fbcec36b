/* paraat-year-view.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_YEAR_VIEW (paraat_year_view_get_type ())
G_DECLARE_FINAL_TYPE (ParaatYearView, paraat_year_view, PARAAT, YEAR_VIEW, AdwBin)

GtkWidget *paraat_year_view_new           (ParaatStore    *store);
void       paraat_year_view_set_exercises (ParaatYearView *self,
                                           int             year,
                                           GListModel     *exercises);
guint      paraat_year_view_count_day     (ParaatYearView *self,
                                           int             month,
                                           int             day);

G_END_DECLS
