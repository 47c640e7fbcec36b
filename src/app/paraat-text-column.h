/* paraat-text-column.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The text of @item for a column; owned by the caller. */
typedef char *(*ParaatCellTextFunc) (gpointer item,
                                     gpointer data);

GtkColumnViewColumn *paraat_text_column_new (const char         *title,
                                             guint               min_chars,
                                             guint               nat_chars,
                                             gboolean            expand,
                                             ParaatCellTextFunc  text_func,
                                             GCompareDataFunc    compare_func,
                                             gpointer            data) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
