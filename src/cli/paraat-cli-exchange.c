/* paraat-cli-exchange.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli export … and validate …: exchange files in xCal (RFC 6321)
 * and iCalendar (RFC 5545).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-cli-private.h"
#include "paraat-exchange.h"
#include "paraat-ical.h"
#include "paraat-utils.h"
#include "paraat-xcal.h"

/* A date option, or FALSE with a message */
static gboolean
parse_date_option (const char  *option,
                   const char  *text,
                   int          add_days,
                   gint64      *utc)
{
  if (parse_day (text, add_days, TRUE, utc))
    return TRUE;
  /* Translators: an option name, then the value given */
  print_error (_("--%s: “%s” is not a date (expected YYYY-MM-DD)"), option, text);

  return FALSE;
}

/* export */

int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format = NULL, *region = NULL, *brigade = NULL, *from = NULL, *to = NULL, *output = NULL;
  gboolean merged = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("xcal or ics"), N_("FORMAT") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only exercises of this region"), N_("CODE") },
    { "brigade", 0, 0, G_OPTION_ARG_STRING, &brigade, N_("Only the regions this brigade serves"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this day (default: no limit)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to and including this day (default: no limit)"),
      N_("YYYY-MM-DD") },
    { "merged", 0, 0, G_OPTION_ARG_NONE, &merged,
      N_("Also the events of the visible imported calendars that concern the scope: one merged calendar"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = paraat_today_iso ();
  g_autofree char *scope_text = NULL;
  g_autofree char *calname = NULL;
  gint64 from_utc = G_MININT64, to_utc = G_MAXINT64;
  guint n_exported = 0;
  gboolean xcal;
  int exit_code;

  g_option_context_set_summary (context, _("Write the exercises of a period to an xCal or iCalendar file, "
                                           "recurring ones as one series; with --merged, the imported "
                                           "calendars’ events too, each marked with X-PARAAT-SOURCE."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 1)
    return usage_error (context, _("export takes no arguments"));
  if (format == NULL)
    return usage_error (context, _("export needs --format xcal or --format ics"));
  if (output == NULL)
    return usage_error (context, _("export needs -o FILE"));

  if (!g_str_equal (format, "xcal") && !g_str_equal (format, "ics"))
    {
      /* Translators: %s is what the user gave */
      print_error (_("--format: “%s” is not a format (expected xcal or ics)"), format);
      return EXIT_INVALID;
    }
  xcal = g_str_equal (format, "xcal");
  if (region != NULL && brigade != NULL)
    {
      print_error (_("--region and --brigade cannot be combined"));
      return EXIT_INVALID;
    }
  if ((from != NULL && !parse_date_option ("from", from, 0, &from_utc)) ||
      (to != NULL && !parse_date_option ("to", to, 1, &to_utc)))
    return EXIT_INVALID;
  if (to_utc <= from_utc)
    {
      print_error (_("--to must be on or after --from"));
      return EXIT_INVALID;
    }

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  scope_text = region ? g_strconcat ("region:", region, NULL)
                      : brigade ? g_strconcat ("brigade:", brigade, NULL) : g_strdup ("all");
  if (!(scope = paraat_scope_resolve (store, scope_text, today, &error)))
    return fail (error);

  calname = region ? g_strconcat ("Paraat ", region, NULL)
                   : brigade ? g_strconcat ("Paraat ", brigade, NULL) : g_strdup ("Paraat");
  if (!paraat_exchange_export_file (store, scope, from_utc, to_utc,
                                    xcal ? PARAAT_EXCHANGE_FORMAT_XCAL : PARAAT_EXCHANGE_FORMAT_ICS,
                                    merged ? PARAAT_EXPORT_SOURCES : 0, calname, output, &n_exported, &error))
    return fail (error);

  if (merged)
    /* Translators: a number, then a file name */
    g_print (ngettext ("Exported %u event, exercises and imported calendars’ events, to “%s”.\n",
                       "Exported %u events, exercises and imported calendars’ events, to “%s”.\n", n_exported),
             n_exported, output);
  else
    g_print (ngettext ("Exported %u exercise to “%s”.\n", "Exported %u exercises to “%s”.\n", n_exported),
             n_exported, output);

  return EXIT_OK;
}

/* validate */

int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (N_("FILE"));
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  ParaatExchangeFormat format;
  guint n_events;
  int exit_code;

  g_option_context_set_summary (context, _("Check an xCal or iCalendar file (found by its content): the xCal "
                                           "schema or a strict iCalendar parse, then what each event means "
                                           "to Paraat. Needs no database."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return usage_error (context, _("validate needs the name of one file"));

  if (!paraat_exchange_validate_file (argv[1], &format, &n_events, messages, &error))
    {
      print_error ("%s", error->message);
      return EXIT_STORE;
    }

  for (guint i = 0; i < messages->len; i++)
    print_error ("%s: %s", argv[1], (const char *) messages->pdata[i]);
  if (messages->len > 0)
    {
      /* Translators: a file name, then the number of problems */
      print_error (ngettext ("%s: %u problem found; the file is not valid.",
                             "%s: %u problems found; the file is not valid.", messages->len),
                   argv[1], messages->len);
      return EXIT_INVALID;
    }

  /* Translators: a file name, the format (xCal or iCalendar), then a number of events */
  g_print (ngettext ("%s: valid %s with %u event.\n", "%s: valid %s with %u events.\n", n_events),
           argv[1], format == PARAAT_EXCHANGE_FORMAT_XCAL ? "xCal" : "iCalendar", n_events);

  return EXIT_OK;
}
