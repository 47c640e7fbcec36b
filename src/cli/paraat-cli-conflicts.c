/* paraat-cli-conflicts.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli conflicts: the calendar alignment findings of a period, as
 * text, JSON or CSV. Findings are not errors: the exit status is 0 with
 * or without them.
 */

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "paraat-calendar.h"
#include "paraat-cli-private.h"
#include "paraat-conflicts.h"
#include "paraat-scope.h"
#include "paraat-utils.h"

static int
bad_option (const char *option,
            const char *value,
            const char *expected)
{
  /* Translators: option name, the bad value, what is expected */
  print_error (_("--%s: “%s” is not valid (expected %s)"), option, value, expected);

  return EXIT_INVALID;
}

static void
append_all (GString    *out,
            const char *first,
            ...) G_GNUC_NULL_TERMINATED;

static void
append_all (GString    *out,
            const char *first,
            ...)
{
  va_list args;

  va_start (args, first);
  for (const char *piece = first; piece != NULL; piece = va_arg (args, const char *))
    g_string_append (out, piece);
  va_end (args);
}

/* Writes @text out once it holds @at_least bytes */
static gboolean
flush_text (GOutputStream  *stream,
            GString        *text,
            gsize           at_least,
            GError        **error)
{
  gboolean ok;

  if (text->len < at_least || text->len == 0)
    return TRUE;
  ok = g_output_stream_write_all (stream, text->str, text->len, NULL, NULL, error);
  g_string_truncate (text, 0);

  return ok;
}

static gboolean
write_text (GPtrArray      *findings,
            GOutputStream  *stream,
            GError        **error)
{
  guint counts[PARAAT_SEVERITY_CRITICAL + 1] = { 0 };
  g_autoptr(GString) out = g_string_sized_new (64 * 1024);

  for (guint i = 0; i < findings->len; i++)
    {
      ParaatFinding *finding = findings->pdata[i];
      ParaatSeverity severity = paraat_finding_get_severity (finding);
      g_autofree char *explanation = paraat_finding_dup_explanation (finding);

      counts[severity]++;
      /* One block per finding: what, why, and the exercises to jump to.
       * Appended piece by piece: a printf per line was a tenth of the
       * command at 90,000 findings. */
      append_all (out, paraat_severity_get_label (severity), ": ", paraat_finding_get_rule_id (finding), " (",
                  paraat_finding_get_subject (finding) ? paraat_finding_get_subject (finding) : "", ")\n  ", explanation, "\n",
                  NULL);
      for (guint k = 0; k < paraat_finding_get_n_items (finding); k++)
        {
          ParaatCalendarItem *item = paraat_finding_get_item (finding, k);

          append_all (out, "  - ", item->uid, "\t", paraat_calendar_item_get_when (item), "\t",
                      item->region_code ? item->region_code : "", "\t", item->title, "\n", NULL);
        }
      g_string_append_c (out, '\n');
      if (!flush_text (stream, out, 64 * 1024, error))
        return FALSE;
    }

  if (findings->len == 0)
    g_string_append_printf (out, "%s\n", _("No conflicts found."));
  else
    {
      /* Translators: the totals after the findings; the first number is
       * the sum of the three others */
      g_string_append_printf (out, _("%u findings: %u critical, %u warnings, %u for information"),
                              findings->len, counts[PARAAT_SEVERITY_CRITICAL], counts[PARAAT_SEVERITY_WARNING],
                              counts[PARAAT_SEVERITY_INFO]);
      g_string_append_c (out, '\n');
    }

  return flush_text (stream, out, 0, error);
}

int
cmd_conflicts (int    argc,
               char **argv)
{
  gboolean json = FALSE, csv = FALSE;
  g_autofree char *region = NULL, *brigade = NULL, *from = NULL, *to = NULL, *output = NULL;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only exercises of this region"), N_("CODE") },
    { "brigade", 0, 0, G_OPTION_ARG_STRING, &brigade, N_("Only the regions this brigade serves"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this day (default: 1 January this year)"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to and including this day (default: 31 December next year)"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV (RFC 4180)"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file instead of the terminal"),
      N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(ParaatConflictRules) rules = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  /* Declared after the items so that it is closed before they are freed:
   * SQLite's pages freed into a heap full of 200,000 freed items cost
   * glibc 3% of the command at 100,000 events. */
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatFileWriter) file = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = paraat_today_iso ();
  g_autofree char *scope_text = NULL;
  g_autofree char *default_from = g_strdup_printf ("%d-01-01", g_date_time_get_year (now));
  g_autofree char *default_to = g_strdup_printf ("%d-12-31", g_date_time_get_year (now) + 1);
  gint64 from_utc, to_utc;
  gboolean written;
  int exit_code;

  g_option_context_set_summary (context, _("Find where the exercise calendars and Defence’s do not line up: "
                                           "double-booked units, clashes for the RMOA, requests not yet on "
                                           "a Defence calendar."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 1)
    return usage_error (context, _("conflicts takes no arguments"));

  if (region != NULL && brigade != NULL)
    {
      print_error (_("--region and --brigade cannot be used together"));
      return EXIT_INVALID;
    }
  if (json && csv)
    {
      print_error (_("--json and --csv cannot be used together"));
      return EXIT_INVALID;
    }
  if (region != NULL && !g_regex_match_simple ("^VR[0-9]{2}$", region, 0, 0))
    return bad_option ("region", region, _("a region code such as VR05"));
  if (!parse_day (from ? from : default_from, 0, FALSE, &from_utc))
    return bad_option ("from", from, _("YYYY-MM-DD"));
  if (!parse_day (to ? to : default_to, 1, FALSE, &to_utc))
    return bad_option ("to", to, _("YYYY-MM-DD"));
  if (to_utc <= from_utc)
    {
      print_error (_("--to must be on or after --from"));
      return EXIT_INVALID;
    }

  if (!(rules = paraat_conflict_rules_new_default (&error)) ||
      !(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  scope_text = region ? g_strconcat ("region:", region, NULL)
                      : brigade ? g_strconcat ("brigade:", brigade, NULL) : g_strdup ("all");
  if (!(scope = paraat_scope_resolve (store, scope_text, today, &error)) ||
      !(items = paraat_store_list_calendar_items (store, NULL, from_utc, to_utc, &error)))
    return fail (error);

  /* All regions' items: an exercise in scope can clash with a neighbour's.
   * The scope picks the findings that concern it. */
  findings = paraat_conflicts_analyze (rules, items, scope, NULL);

  /* Written as it is made: 90,000 findings are 30 MB of text */
  if (output != NULL)
    {
      if (!(file = paraat_file_writer_new (output, &error)))
        return fail (error);
      out = g_object_ref (paraat_file_writer_get_stream (file));
    }
  else
    {
      g_autoptr(GOutputStream) stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      out = g_buffered_output_stream_new_sized (stdout_stream, 64 * 1024);
    }
  if (json)
    written = paraat_conflicts_write_json (findings, out, NULL, &error);
  else if (csv)
    written = paraat_conflicts_write_csv (findings, out, NULL, &error);
  else
    written = write_text (findings, out, &error);
  if (written)
    written = file != NULL ? paraat_file_writer_commit (g_steal_pointer (&file), &error)
                           : g_output_stream_close (out, NULL, &error);
  if (!written)
    {
      print_error (_("Could not write the findings: %s"), error->message);
      return EXIT_STORE;
    }

  return EXIT_OK;
}
