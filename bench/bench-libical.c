/* bench-libical.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The peer for the .ics import in bench/bench-exchange.sh: what a plain
 * libical user does with a file, icalparser_parse() with a line
 * generator over a FILE *, building the whole calendar as one tree, then
 * counting its VEVENTs. Nothing of Paraat's is used. Several files are
 * parsed one after the other, each tree freed before the next.
 *
 *   bench-libical FILE.ics…
 */

#include "config.h"

#include <stdio.h>
#include <libical/ical.h>
#include <glib.h>

static char *
read_line_cb (char   *s,
              size_t  size,
              void   *d)
{
  return fgets (s, (int) size, (FILE *) d);
}

static gboolean
parse_file (const char *path,
            guint      *n)
{
  icalparser *parser;
  icalcomponent *calendar;
  FILE *file;

  if (!(file = fopen (path, "r")))
    {
      perror (path);
      return FALSE;
    }
  parser = icalparser_new ();
  icalparser_set_gen_data (parser, file);
  calendar = icalparser_parse (parser, read_line_cb);
  icalparser_free (parser);
  fclose (file);
  if (calendar == NULL)
    {
      fprintf (stderr, "bench-libical: %s: not an iCalendar file\n", path);
      return FALSE;
    }
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    (*n)++;
  icalcomponent_free (calendar);

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gint64 start;
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-libical FILE.ics…\n");
      return 1;
    }

  start = g_get_monotonic_time ();
  for (int i = 1; i < argc; i++)
    {
      if (!parse_file (argv[i], &n))
        return 2;
    }
  printf ("ics: %u events in %.2f s\n", n, (g_get_monotonic_time () - start) / 1e6);

  return 0;
}
