/* fuzz-common.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What both fuzz targets do with an input: put it in a memfd (the readers
 * take a file descriptor), read it with the limits the regression test
 * uses, and in the callback do what an importer would: print the
 * component, resolve its times and expand its RRULE a little.
 */

#pragma once

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "paraat-calendar-reader.h"
#include "paraat-ical.h"

static gboolean
fuzz_component_cb (icalcomponent  *comp,
                   gpointer        user_data,
                   GError        **error)
{
  char *text = icalcomponent_as_ical_string_r (comp);
  struct icaltimetype start = icalcomponent_get_dtstart (comp);
  struct icaltimetype end = icalcomponent_get_dtend (comp);
  icalproperty *rrule = icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY);

  icalmemory_free_buffer (text);
  (void) icaltime_compare (start, end);
  if (!icaltime_is_null_time (start) && start.zone != NULL)
    (void) icaltime_convert_to_zone (start, icaltimezone_get_utc_timezone ());

  if (rrule != NULL && !icaltime_is_null_time (start))
    {
      icalrecur_iterator *it = icalrecur_iterator_new (icalproperty_get_rrule (rrule), start);

      for (int i = 0; it != NULL && i < 50; i++)
        {
          if (icaltime_is_null_time (icalrecur_iterator_next (it)))
            break;
        }
      if (it != NULL)
        icalrecur_iterator_free (it);
    }

  /* What the import makes of an event, and what the export makes of
   * that again */
  if (icalcomponent_isa (comp) == ICAL_VEVENT_COMPONENT)
    {
      GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
      GError *map_error = NULL;
      ParaatExercise *exercise = paraat_ical_to_exercise (comp, warnings, &map_error);

      g_assert ((exercise == NULL) == (map_error != NULL));
      if (exercise != NULL)
        {
          icalcomponent *vevent = paraat_ical_from_exercise (exercise);

          text = icalcomponent_as_ical_string_r (vevent);
          icalmemory_free_buffer (text);
          icalcomponent_free (vevent);
          g_object_unref (exercise);
        }
      g_clear_error (&map_error);
      g_ptr_array_unref (warnings);
    }

  return TRUE;
}

/* The input in a file of its own, at its start; -1 when that fails */
static int
fuzz_memfd (const uint8_t *data,
            size_t         size)
{
  int fd = memfd_create ("fuzz", MFD_CLOEXEC);

  if (fd < 0)
    return -1;
  if (write (fd, data, size) != (ssize_t) size || lseek (fd, 0, SEEK_SET) != 0)
    {
      close (fd);
      return -1;
    }

  return fd;
}

/* The limits the fuzzers and the regression test read with */
static void
fuzz_limits_init (ParaatReaderLimits *limits)
{
  paraat_reader_limits_init (limits);
  limits->max_file_size = 1024 * 1024;
  limits->max_value_length = 64 * 1024;
  limits->max_properties = 1000;
}

static int
fuzz_read (gboolean (*reader) (int, const char *, const ParaatReaderLimits *,
                               ParaatComponentFunc, gpointer, GError **),
           const uint8_t *data,
           size_t         size)
{
  ParaatReaderLimits limits;
  GError *error = NULL;
  int fd = fuzz_memfd (data, size);

  if (fd < 0)
    return 0;
  fuzz_limits_init (&limits);

  if (!reader (fd, "fuzz", &limits, fuzz_component_cb, NULL, &error))
    {
      g_assert (error != NULL && error->domain == PARAAT_READER_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz:"));
      g_error_free (error);
    }
  close (fd);

  return 0;
}
