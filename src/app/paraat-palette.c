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

#include "paraat-import.h"
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

/* Imported calendars: their colours by name (for the year view's marks)
 * and a CSS class per calendar id (for chips and bars). */
static GHashTable *source_colors;   /* name → GdkRGBA */
static GtkCssProvider *source_provider;
static char *source_css;

static void
source_color (ParaatSource *source,
              GdkRGBA      *rgba)
{
  const char *colour = paraat_source_get_colour (source);

  /* The colour is what the importer typed; a calendar without one (or
   * with one GTK cannot read) gets a palette colour by its name. */
  if (colour == NULL || *colour == '\0' || !gdk_rgba_parse (rgba, colour))
    gdk_rgba_parse (rgba, colors[g_str_hash (paraat_source_get_name (source)) % PARAAT_PALETTE_SIZE]);
  rgba->alpha = 1.0;
}

/**
 * paraat_palette_set_sources:
 * @sources: (element-type ParaatSource): the calendar sources
 *
 * Gives each imported calendar's events its colour: a tint with a
 * stripe, so they read apart from the solid chips of one's own
 * exercises. Only replaces the CSS when a colour changed.
 */
void
paraat_palette_set_sources (GdkDisplay *display,
                            GPtrArray  *sources)
{
  g_autoptr(GString) css = g_string_new (NULL);

  if (source_colors == NULL)
    source_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_remove_all (source_colors);
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      ParaatSource *source = g_ptr_array_index (sources, i);
      GdkRGBA rgba;
      g_autofree char *color = NULL;
      g_autofree char *css_class = paraat_palette_source_css_class (paraat_source_get_id (source));

      source_color (source, &rgba);
      color = gdk_rgba_to_string (&rgba);
      g_hash_table_insert (source_colors, g_strdup (paraat_source_get_name (source)), gdk_rgba_copy (&rgba));
      g_string_append_printf (css,
                              ".%s { background-color: alpha(%s, 0.18);"
                              " color: @view_fg_color; box-shadow: inset 4px 0 0 %s; }\n"
                              ".legend-swatch.%s { box-shadow: inset 0 0 0 2px %s; }\n",
                              css_class, color, color, css_class, color);
    }

  if (g_strcmp0 (css->str, source_css) == 0)
    return;
  g_free (source_css);
  source_css = g_strdup (css->str);
  if (source_provider == NULL)
    {
      source_provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (source_provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (source_provider, css->str, (gssize) css->len);
}

/* An imported calendar's CSS class, by the source's id */
char *
paraat_palette_source_css_class (gint64 source_id)
{
  return g_strdup_printf ("source-color-%" G_GINT64_FORMAT, source_id);
}

/* The CSS class for an exercise's chip or bar: its type's, or its calendar's */
char *
paraat_palette_exercise_css_class (ParaatStore    *store,
                                   ParaatExercise *exercise)
{
  if (paraat_exercise_is_imported (exercise))
    return paraat_palette_source_css_class (paraat_exercise_get_calendar_id (exercise));

  return paraat_palette_css_class (paraat_palette_index_for_type (store, paraat_exercise_get_type_code (exercise)));
}

/* The colour of a kind key (paraat_exercise_get_kind_key()) */
void
paraat_palette_get_key_color (ParaatStore *store,
                              const char  *key,
                              GdkRGBA     *rgba)
{
  const GdkRGBA *found;

  if (key != NULL && key[0] == '@')
    {
      found = source_colors != NULL ? g_hash_table_lookup (source_colors, key + 1) : NULL;
      if (found != NULL)
        *rgba = *found;
      else
        gdk_rgba_parse (rgba, colors[g_str_hash (key + 1) % PARAAT_PALETTE_SIZE]);
      return;
    }

  paraat_palette_get_color (paraat_palette_index_for_type (store, key), rgba);
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
