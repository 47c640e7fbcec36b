/* fuzz-xcal.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the xCal reader; build and run with build-aux/fuzz.sh.
 *
 * Each input is read as usual (fuzz_read()), then twice more with every
 * VEVENT recorded on a tape and replayed, as the import's two threads do
 * (paraat_xcal_read_fd_replayed()): once with tapes of the usual length
 * and once with tapes so short, set by the input's first byte, that the
 * reader maps the VEVENT itself from where its tape stopped. All three
 * must read the same components and fail with the same message.
 */

#include "fuzz-common.h"

#include "paraat-calendar-reader-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gboolean
collect_cb (icalcomponent  *comp,
            gpointer        user_data,
            GError        **error)
{
  GString *out = user_data;
  char *text = icalcomponent_as_ical_string_r (comp);

  g_string_append (out, text);
  icalmemory_free_buffer (text);

  return TRUE;
}

/* What reading @fd gives: the components' text, then the error */
static char *
read_all (int                        fd,
          const ParaatReaderLimits  *limits,
          gboolean                   replayed,
          gsize                      max_entry)
{
  GString *out = g_string_new (NULL);
  GError *error = NULL;
  gboolean ok;

  g_assert (lseek (fd, 0, SEEK_SET) == 0);
  if (replayed)
    ok = paraat_xcal_read_fd_replayed (fd, "fuzz", limits, max_entry, collect_cb, out, &error);
  else
    ok = paraat_xcal_read_fd (fd, "fuzz", limits, collect_cb, out, &error);
  g_assert (ok == (error == NULL));
  if (error != NULL)
    {
      g_string_append_printf (out, "\nerror %d: %s", error->code, error->message);
      g_error_free (error);
    }

  return g_string_free (out, FALSE);
}

static void
compare_replayed (const uint8_t *data,
                  size_t         size)
{
  ParaatReaderLimits limits;
  char *plain, *replayed, *short_tapes;
  int fd = fuzz_memfd (data, size);

  if (fd < 0)
    return;
  fuzz_limits_init (&limits);
  plain = read_all (fd, &limits, FALSE, 0);
  replayed = read_all (fd, &limits, TRUE, 0);
  short_tapes = read_all (fd, &limits, TRUE, size > 0 ? 32 + 8 * data[0] : 32);
  if (strcmp (plain, replayed) != 0 || strcmp (plain, short_tapes) != 0)
    {
      fprintf (stderr, "read:\n%s\n\nreplayed:\n%s\n\nshort tapes:\n%s\n", plain, replayed, short_tapes);
      abort ();
    }
  g_free (plain);
  g_free (replayed);
  g_free (short_tapes);
  close (fd);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_read (paraat_xcal_read_fd, data, size);
  compare_replayed (data, size);

  return 0;
}
