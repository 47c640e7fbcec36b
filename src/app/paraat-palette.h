/* paraat-palette.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colours of exercise types in the calendar views: one palette, used
 * both by CSS (chips and bars) and by cairo (the year view's marks).
 */

#pragma once

#include <gtk/gtk.h>

#include "paraat-exercise.h"
#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_PALETTE_SIZE 16

guint  paraat_palette_index_for_type (ParaatStore *store,
                                      const char  *type_code);
void   paraat_palette_get_color      (guint        index,
                                      GdkRGBA     *rgba);
char  *paraat_palette_css_class      (guint        index) G_GNUC_WARN_UNUSED_RESULT;
void   paraat_palette_install_css    (GdkDisplay  *display);

/* Events of imported calendars take their calendar's colour */
void   paraat_palette_set_sources    (GdkDisplay     *display,
                                      GPtrArray      *sources);
char  *paraat_palette_source_css_class (gint64 source_id) G_GNUC_WARN_UNUSED_RESULT;
char  *paraat_palette_exercise_css_class (ParaatStore    *store,
                                          ParaatExercise *exercise) G_GNUC_WARN_UNUSED_RESULT;
void   paraat_palette_get_key_color  (ParaatStore    *store,
                                      const char     *key,
                                      GdkRGBA        *rgba);

G_END_DECLS
