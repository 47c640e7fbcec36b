/* paraat-tooltip.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tooltip made when it is asked for. gtk_widget_set_tooltip_text() in
 * GTK 4.8 asks the X server where the pointer is, every time; over the
 * hundreds of cells, chips and days a calendar view makes at once that
 * was most of a month switch (see bench/).
 */

#include "config.h"

#include "paraat-tooltip.h"

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "paraat-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/**
 * paraat_tooltip_set_lazy:
 * @text: (nullable): the tooltip, %NULL or empty for none
 */
void
paraat_tooltip_set_lazy (GtkWidget  *widget,
                         const char *text)
{
  if (g_object_get_data (G_OBJECT (widget), "paraat-tooltip-connected") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), "paraat-tooltip-connected", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), "paraat-tooltip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
}
