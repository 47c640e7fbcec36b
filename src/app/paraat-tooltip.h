/* paraat-tooltip.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void paraat_tooltip_set_lazy (GtkWidget  *widget,
                              const char *text);

G_END_DECLS
