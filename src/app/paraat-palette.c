/* paraat-palette.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sixteen colours, most from the GNOME palette, dark enough for white text. An
 * exercise type takes the colour of its position among the types, so the
 * colours stay put while the calendar changes.
 */

#include "config.h"

#include "paraat-palette.h"
#include "paraat-record.h"

static const char * const colors[PARAAT_PALETTE_SIZE] = {
  "#1c71d8", /* blue */
  "#26a269", /* green */
  "#c64600", /* orange */
  "#9141ac", /* purple */
  "#c01c28", /* red */
  "#865e3c", /* brown */
  "#1b7f8c", /* teal */
  "#9c6e00", /* ochre */
  "#613583", /* dark purple */
  "#5e5c64", /* grey: no type */
  "#243a73", /* navy */
  "#c01c7a", /* magenta */
  "#4e7a0a", /* olive */
  "#0e6e5c", /* pine */
  "#3d5a80", /* slate */
  "#8f1f5f", /* plum */
};

guint
paraat_palette_index_for_type (ParaatStore *store,
                               const char  *type_code)
{
  GListModel *types;
  guint n;

  if (type_code == NULL || *type_code == '\0')
    return 9; /* the grey */

  types = paraat_store_get_records (store, PARAAT_KIND_EXERCISE_TYPE);
  n = g_list_model_get_n_items (types);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (types, i);

      if (g_strcmp0 (paraat_record_get_key (record), type_code) == 0)
        return (i < 9 ? i : i + 1) % PARAAT_PALETTE_SIZE;
    }

  /* A type that is not in the reference data (an imported code, say) */
  return g_str_hash (type_code) % PARAAT_PALETTE_SIZE;
}

void
paraat_palette_get_color (guint    index,
                          GdkRGBA *rgba)
{
  gdk_rgba_parse (rgba, colors[index % PARAAT_PALETTE_SIZE]);
}

char *
paraat_palette_css_class (guint index)
{
  return g_strdup_printf ("type-color-%u", index % PARAAT_PALETTE_SIZE);
}

void
paraat_palette_install_css (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GString) css = g_string_new (NULL);

  for (guint i = 0; i < PARAAT_PALETTE_SIZE; i++)
    {
      /* Solid for planned work; drafts are outlined in the same colour. */
      g_string_append_printf (css,
                              ".type-color-%u { background-color: %s; color: white; }\n"
                              ".type-color-%u.draft { background-color: alpha(%s, 0.12);"
                              " color: @view_fg_color; box-shadow: inset 0 0 0 1px %s; }\n",
                              i, colors[i], i, colors[i], colors[i]);
    }
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
