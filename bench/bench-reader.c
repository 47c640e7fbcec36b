/* bench-reader.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a calendar file with paraat_calendar_read_file() and a callback
 * that only counts, then prints the count and the time taken. Peak RSS
 * comes from /usr/bin/time around it. A second argument raises the size
 * limit (in MiB) for files over the default 512 MiB.
 *
 *   bench/gen-xcal.py 100000 100k.xml
 *   /usr/bin/time -f '%e s %M KB' xmllint --stream --noout 100k.xml
 *   /usr/bin/time -f '%e s %M KB' build/bench/bench-reader 100k.xml
 */

#include "config.h"

#include <stdio.h>

#include "paraat-calendar-reader.h"

static gboolean
count_cb (icalcomponent  *comp,
          gpointer        user_data,
          GError        **error)
{
  guint *n = user_data;

  (*n)++;

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  ParaatReaderLimits limits;
  ParaatCalendarFormat format;
  gint64 start;
  guint n = 0;

  if (argc != 2 && argc != 3)
    {
      g_printerr ("usage: bench-reader FILE [MAX_MIB]\n");
      return 1;
    }
  paraat_reader_limits_init (&limits);
  if (argc == 3)
    limits.max_file_size = g_ascii_strtoll (argv[2], NULL, 10) * 1024 * 1024;

  start = g_get_monotonic_time ();
  if (!paraat_calendar_read_file (argv[1], &limits, &format, count_cb, &n, &error))
    {
      g_printerr ("bench-reader: %s\n", error->message);
      return 2;
    }
  g_print ("%s: %u components in %.2f s\n", paraat_calendar_format_to_string (format), n,
           (g_get_monotonic_time () - start) / 1e6);

  return 0;
}
