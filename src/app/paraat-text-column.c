/* paraat-text-column.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resizable, sortable column of one line of text per row, shown with a
 * GtkInscription (cheap in long tables) that ellipsizes and tells the
 * whole text in its tooltip. The record tables and the exercise list
 * build their columns with it.
 */

#include "config.h"

#include "paraat-text-column.h"
#include "paraat-tooltip.h"

typedef struct
{
  ParaatCellTextFunc text_func;
  gpointer           data;
  guint              min_chars;
  guint              nat_chars;
} CellInfo;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellInfo                 *info)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), info->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), info->nat_chars);
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellInfo                 *info)
{
  GtkWidget *inscription = gtk_list_item_get_child (item);
  g_autofree char *text = info->text_func (gtk_list_item_get_item (item), info->data);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  paraat_tooltip_set_lazy (inscription, text);
}

/**
 * paraat_text_column_new:
 * @text_func: the text of a row's item
 * @compare_func: orders two items, for the column's sorter
 * @data: passed to both functions
 *
 * Returns: (transfer full): the column, to append to a GtkColumnView
 */
GtkColumnViewColumn *
paraat_text_column_new (const char         *title,
                        guint               min_chars,
                        guint               nat_chars,
                        gboolean            expand,
                        ParaatCellTextFunc  text_func,
                        GCompareDataFunc    compare_func,
                        gpointer            data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_func, data, NULL));
  CellInfo *info = g_new0 (CellInfo, 1);
  GtkColumnViewColumn *column;

  info->text_func = text_func;
  info->data = data;
  info->min_chars = min_chars;
  info->nat_chars = nat_chars;
  g_object_set_data_full (G_OBJECT (factory), "paraat-cell-info", info, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), info);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_sorter (column, sorter);

  return column;
}
