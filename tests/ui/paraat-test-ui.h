/* paraat-test-ui.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     paraat_test_wait                (guint       ms);
char    *paraat_test_save_screenshot     (GtkWidget  *widget,
                                          const char *name);

G_END_DECLS
