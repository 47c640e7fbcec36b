/* paraat-cli-import.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli import … and sources …: imported calendars. import prints
 * the same summary the app's preview shows. --dry-run and --verbose plan
 * first and print it before anything is written (--dry-run stops there);
 * a plain import reads the files once, writing as it goes, and prints it
 * after the write.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-calendar-reader.h"
#include "paraat-cli-private.h"
#include "paraat-import.h"

/* Files the readers refuse are invalid input; a file that cannot be read
 * at all is an I/O error. */
static int
import_exit_code (const GError *error)
{
  if (error->domain == PARAAT_READER_ERROR)
    return error->code == PARAAT_READER_ERROR_IO ? EXIT_STORE : EXIT_INVALID;
  if (error->domain == PARAAT_IMPORT_ERROR)
    return EXIT_INVALID;

  return exit_code_for (error);
}

static void
print_plan (ParaatImportPlan *plan,
            gboolean          verbose)
{
  GPtrArray *warnings = paraat_import_plan_get_warnings (plan);
  GListModel *events = paraat_import_plan_get_events (plan);
  ParaatImportCounts counts;

  paraat_import_plan_get_counts (plan, &counts);
  if (paraat_import_plan_get_new_source (plan))
    /* Translators: the name of an imported calendar, then its kind (defence, region or other) */
    g_print (_("Source: %1$s (new, %2$s)\n"), paraat_import_plan_get_source_name (plan),
             paraat_source_kind_to_string (paraat_import_plan_get_source_kind (plan)));
  else
    g_print (_("Source: %1$s (%2$s)\n"), paraat_import_plan_get_source_name (plan),
             paraat_source_kind_to_string (paraat_import_plan_get_source_kind (plan)));
  g_print (_("New: %u\n"), counts.n_new);
  g_print (_("Changed: %u\n"), counts.n_changed);
  g_print (_("Unchanged: %u\n"), counts.n_unchanged);
  g_print (_("Removed: %u\n"), counts.n_removed);
  g_print (_("Skipped: %u\n"), counts.n_skipped);

  for (guint i = 0; i < warnings->len; i++)
    /* Translators: %s is a message that names the file and line */
    g_print (_("Warning: %s\n"), (const char *) warnings->pdata[i]);

  if (!verbose)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(ParaatImportEvent) event = g_list_model_get_item (events, i);
      g_autofree char *when = paraat_import_event_format_when (event);

      g_print ("%-10s %-9s %s  %s\n", paraat_import_state_to_string (paraat_import_event_get_state (event)),
               paraat_import_event_is_exercise (event) ? "exercise" : "event", when,
               paraat_import_event_get_summary (event));
    }
}

int
cmd_import (int    argc,
            char **argv)
{
  g_autofree char *source = NULL, *organisation = NULL, *kind_text = NULL, *colour = NULL;
  gboolean dry_run = FALSE, verbose = FALSE;
  const GOptionEntry entries[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("The calendar source (default: the calendar’s name, else the file name)"), N_("NAME") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation, N_("Who publishes the calendar"),
      N_("ORGANISATION") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("defence, region (its events are exercises) or other, for a new source"), N_("KIND") },
    { "colour", 0, 0, G_OPTION_ARG_STRING, &colour, N_("The source’s colour, such as #3584e4"), N_("COLOUR") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would change and write nothing"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("List every event"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE…"));
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  ParaatSourceKind kind = PARAAT_SOURCE_KIND_DEFENCE;
  int exit_code;

  g_option_context_set_summary (context, _("Import xCal or iCalendar files as a calendar source. Importing "
                                           "the same files again changes nothing; events no longer in them "
                                           "are kept, marked removed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 2)
    return usage_error (context, _("import needs at least one FILE"));
  if (kind_text != NULL && !paraat_source_kind_from_string (kind_text, &kind))
    {
      /* Translators: %s is what the user gave */
      print_error (_("--kind: “%s” is not a kind (expected defence, region or other)"), kind_text);
      return EXIT_USAGE;
    }

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);

  /* Nothing to show before the write: one pass, one transaction. */
  if (!dry_run && !verbose)
    {
      plan = paraat_import_run (store, source, kind, organisation, colour, (const char * const *) argv + 1, NULL,
                                NULL, NULL, &error);
      if (plan == NULL)
        {
          print_error ("%s", error->message);
          return import_exit_code (error);
        }
      print_plan (plan, FALSE);
      /* Translators: %s is the name of an imported calendar */
      g_print (_("Imported into “%s”.\n"), paraat_import_plan_get_source_name (plan));
      return EXIT_OK;
    }

  /* Without --verbose no event is listed, so the plan keeps none and
   * memory stays flat however big the files are. */
  plan = paraat_import_plan_new_full (store, source, kind, (const char * const *) argv + 1,
                                      verbose ? PARAAT_IMPORT_PLAN_DEFAULT : PARAAT_IMPORT_PLAN_NO_EVENTS,
                                      NULL, NULL, NULL, &error);
  if (plan == NULL)
    {
      print_error ("%s", error->message);
      return import_exit_code (error);
    }
  paraat_import_plan_set_organisation (plan, organisation);
  paraat_import_plan_set_colour (plan, colour);

  print_plan (plan, verbose);
  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return EXIT_OK;
    }
  if (!paraat_import_plan_apply (plan, store, NULL, &error))
    {
      print_error ("%s", error->message);
      return import_exit_code (error);
    }
  /* Translators: %s is the name of an imported calendar */
  g_print (_("Imported into “%s”.\n"), paraat_import_plan_get_source_name (plan));

  return EXIT_OK;
}

/* sources */

static char *
format_last_import (ParaatSource *source)
{
  g_autoptr(GDateTime) when = NULL;

  if (paraat_source_get_last_import_utc (source) == 0)
    return NULL;
  when = g_date_time_new_from_unix_utc (paraat_source_get_last_import_utc (source));

  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
}

static int
list_sources (ParaatStore *store,
              gboolean     json)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;

  if (!(sources = paraat_store_list_sources (store, &error)))
    return fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < sources->len; i++)
        {
          ParaatSource *source = sources->pdata[i];
          g_autofree char *last = format_last_import (source);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, paraat_source_get_name (source));
          json_builder_set_member_name (builder, "organisation");
          json_builder_add_string_value (builder, paraat_source_get_organisation (source));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, paraat_source_kind_to_string (paraat_source_get_kind (source)));
          json_builder_set_member_name (builder, "colour");
          json_builder_add_string_value (builder, paraat_source_get_colour (source));
          json_builder_set_member_name (builder, "visible");
          json_builder_add_boolean_value (builder, paraat_source_get_visible (source));
          json_builder_set_member_name (builder, "events");
          json_builder_add_int_value (builder, paraat_source_get_n_events (source));
          json_builder_set_member_name (builder, "last_import");
          if (last != NULL)
            json_builder_add_string_value (builder, last);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "last_file");
          json_builder_add_string_value (builder, paraat_source_get_last_file (source));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_OK;
    }

  for (guint i = 0; i < sources->len; i++)
    {
      ParaatSource *source = sources->pdata[i];
      g_autofree char *last = format_last_import (source);

      g_print ("%s\t%s\t%s\t%u\t%s\n", paraat_source_get_name (source),
               paraat_source_kind_to_string (paraat_source_get_kind (source)),
               paraat_source_get_organisation (source), paraat_source_get_n_events (source),
               last ? last : C_("last import", "never"));
    }

  return EXIT_OK;
}

int
cmd_sources (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("list | show NAME | hide NAME | delete NAME"));
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  g_option_context_set_summary (context, _("List the imported calendars, show or hide one in the calendar views, "
                                           "or delete one with its events."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;

  if (argc == 2 && g_str_equal (argv[1], "list"))
    {
      if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
        return fail (error);
      return list_sources (store, json);
    }
  if (argc == 3 && g_str_equal (argv[1], "delete"))
    {
      if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
        return fail (error);
      if (!paraat_store_delete_source (store, argv[2], &error))
        return fail (error);
      /* Translators: %s is the name of an imported calendar */
      g_print (_("Deleted “%s”.\n"), argv[2]);
      return EXIT_OK;
    }

  if (argc == 3 && (g_str_equal (argv[1], "show") || g_str_equal (argv[1], "hide")))
    {
      g_autoptr(ParaatSource) source = NULL;
      gboolean visible = g_str_equal (argv[1], "show");

      if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
        return fail (error);
      if (!(source = paraat_store_find_source (store, argv[2], &error)))
        return fail (error);
      paraat_source_set_visible (source, visible);
      if (!paraat_store_save_source (store, source, &error))
        return fail (error);
      /* Translators: %s is the name of an imported calendar */
      g_print (visible ? _("“%s” is shown in the calendar views.\n") : _("“%s” is hidden from the calendar views.\n"),
               argv[2]);
      return EXIT_OK;
    }

  return usage_error (context, _("Use “sources list”, “sources show NAME”, “sources hide NAME” or "
                                 "“sources delete NAME”."));
}
