/* paraat-utils.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "paraat-utils.h"

/**
 * paraat_parse_iso_date:
 * @date: (out) (optional): where to store the date
 *
 * Accepts exactly YYYY-MM-DD with a real calendar date.
 */
gboolean
paraat_parse_iso_date (const char *text,
                       GDate      *date)
{
  guint y, m, d;
  int consumed = 0;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10)
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, d, m, y);

  return TRUE;
}

char *
paraat_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
paraat_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * paraat_format_date:
 *
 * An ISO date as the locale writes it, with the month as a word
 * ("21 jun 2024" in Dutch), so day and month can't be mistaken.
 */
char *
paraat_format_date (const char *iso_date)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!paraat_parse_iso_date (iso_date, &date))
    return g_strdup (iso_date ? iso_date : "");
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);

  return g_date_time_format (dt, "%-d %b %Y");
}

char *
paraat_iso_add_days (const char *iso_date,
                     int         days)
{
  GDate date;

  if (!paraat_parse_iso_date (iso_date, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return paraat_date_to_iso (&date);
}

/**
 * paraat_fold_text:
 *
 * @text without case and accents, for searching: “Coördinator” and
 * “coordinator” fold to the same string.
 */
char *
paraat_fold_text (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

int
paraat_iso_days_between (const char *from,
                         const char *to)
{
  GDate a, b;

  if (!paraat_parse_iso_date (from, &a) || !paraat_parse_iso_date (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

/* Replaces *field with a copy of @value, or "" when @value is NULL. */
void
paraat_set_string (char       **field,
                   const char  *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  g_free (*field);
  *field = copy;
}

/* Replaces *field with a copy of @value; an empty value becomes NULL. */
void
paraat_set_nullable_string (char       **field,
                            const char  *value)
{
  char *copy = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;

  g_free (*field);
  *field = copy;
}

/* g_date_time_format() gives NULL for a broken (translated) format. */
char *
paraat_format_date_time (GDateTime  *dt,
                         const char *format)
{
  char *text = g_date_time_format (dt, format);

  return text != NULL ? text : g_strdup ("");
}

/**
 * paraat_time_zone_new:
 * @identifier: (nullable): as g_time_zone_new_identifier()
 *
 * g_time_zone_new_identifier() with the zones kept: GLib 2.74 reads the
 * zone file and works out its transitions again whenever a zone is asked
 * for after its last reference went, which was most of the time an
 * import of 100,000 events took. Safe in any thread.
 *
 * Returns: (transfer full) (nullable): the zone, %NULL for an unknown
 *   identifier
 */
GTimeZone *
paraat_time_zone_new (const char *identifier)
{
  static GMutex lock;
  static GHashTable *zones;
  GTimeZone *tz;

  /* The local zone follows TZ; GLib keeps that one itself. */
  if (identifier == NULL)
    return g_time_zone_new_identifier (NULL);

  g_mutex_lock (&lock);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  tz = g_hash_table_lookup (zones, identifier);
  if (tz != NULL)
    g_time_zone_ref (tz);
  /* A file may name many offsets ("+01:00:07"); keep the first few only */
  else if ((tz = g_time_zone_new_identifier (identifier)) != NULL && g_hash_table_size (zones) < 64)
    g_hash_table_insert (zones, g_strdup (identifier), g_time_zone_ref (tz));
  g_mutex_unlock (&lock);

  return tz;
}

/**
 * paraat_split_list:
 * @text: (nullable): a list typed by a person, "BRW, GHOR; Politie"
 *
 * Returns: (transfer full): the items between commas or semicolons,
 *   trimmed, without empty ones
 */
GStrv
paraat_split_list (const char *text)
{
  /* Not a GRegex: this runs for every exercise an analysis reads. */
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ",;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}
