/* paraat-cli.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli [--db FILE] COMMAND …: the command-line face of the core.
 * Exit codes, the same for every command: 0 success, 1 usage error,
 * 2 invalid input (nothing written), 3 store or I/O error.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-cli-private.h"
#include "paraat-overview.h"
#include "paraat-scope.h"
#include "paraat-store.h"
#include "paraat-utils.h"

#ifdef PARAAT_JEMALLOC
/* jemalloc reads its options from this symbol (then from MALLOC_CONF).
 * Transparent huge pages for its memory and its own metadata: where the
 * kernel gives them on request (“madvise”, Debian's default), a 2 MiB
 * page costs one fault instead of 512, and under a hypervisor a fault
 * is dear. `conflicts` over 100,000 events touches 150 MB and spent a
 * fifth of its time in faults; see docs/benchmarks.md, “paraat-cli
 * conflicts on a machine where page faults are dear”. */
extern const char *malloc_conf;
const char *malloc_conf = "thp:always,metadata_thp:always";
#endif

char *db_path;

void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("paraat-cli: %s\n", message);
}

/* Errors about the user's input are 2, everything else about the store is 3. */
int
exit_code_for (const GError *error)
{
  if (error->domain == PARAAT_STORE_ERROR)
    {
      switch ((ParaatStoreError) error->code)
        {
        case PARAAT_STORE_ERROR_INVALID:
        case PARAAT_STORE_ERROR_NOT_FOUND:
        case PARAAT_STORE_ERROR_CONSTRAINT:
          return EXIT_INVALID;
        case PARAAT_STORE_ERROR_OPEN:
        case PARAAT_STORE_ERROR_NOT_DATABASE:
        case PARAAT_STORE_ERROR_CORRUPT:
        case PARAAT_STORE_ERROR_SCHEMA_TOO_NEW:
        case PARAAT_STORE_ERROR_SQL:
        case PARAAT_STORE_ERROR_IO:
        default:
          return EXIT_STORE;
        }
    }

  return EXIT_STORE;
}

int
fail (const GError *error)
{
  print_error ("%s", error->message);
  return exit_code_for (error);
}

int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  print_error ("%s", message);
  g_printerr ("%s", help);

  return EXIT_USAGE;
}

/* The damage check (SQLite's quick_check, which reads the whole file)
 * runs before the first write, as in the app: a command that only reads
 * does not pay for it, and SQLite still reports a damaged page it reads.
 * Only the main thread uses the store (the import's reading thread has
 * no connection), so SQLite need not lock it in each call. */
ParaatStore *
open_store (ParaatStoreOpenFlags   flags,
            GError               **error)
{
  return paraat_store_open (db_path, flags | PARAAT_STORE_OPEN_DEFER_CHECK | PARAAT_STORE_OPEN_ONE_THREAD, error);
}

void
print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* A --from or --to value as seconds since the epoch: a date
 * (YYYY-MM-DD) is its midnight in Paraat's zone, @add_days days on (1 for
 * --to: up to and including that day); with @date_only a date is all it
 * takes, else a date and time counts as it is. FALSE when @text is
 * neither. */
gboolean
parse_day (const char *text,
           int         add_days,
           gboolean    date_only,
           gint64     *utc)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) next = NULL;
  gboolean is_date;

  if (!paraat_parse_when (text, PARAAT_DEFAULT_TZID, &when, &is_date) || (date_only && !is_date))
    return FALSE;
  *utc = g_date_time_to_unix (when);
  if (!is_date || add_days == 0)
    return TRUE;
  /* The day after 31 December 9999 is past GDateTime; no clock changes
   * there */
  next = g_date_time_add_days (when, add_days);
  *utc = next != NULL ? g_date_time_to_unix (next) : *utc + (gint64) add_days * 86400;

  return TRUE;
}

/* Parses a subcommand's options; leftovers stay in argv. */
gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int             *exit_code)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = usage_error (context, error->message);
      return FALSE;
    }

  return TRUE;
}

/* init */

static int
cmd_init (int    argc,
          char **argv)
{
  gboolean demo = FALSE;
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Add the fictional demo data set"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  g_option_context_set_summary (context, _("Create a new database with the reference data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return usage_error (context, _("init takes no arguments"));

  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      print_error (_("“%s” already exists; nothing was changed. Choose another file with --db, "
                     "or remove this one first."), db_path);
      return EXIT_INVALID;
    }

  if (!(store = open_store (PARAAT_STORE_OPEN_CREATE, &error)))
    return fail (error);

  if (demo)
    {
      if (!paraat_store_fill_demo (store, NULL, &error))
        return fail (error);
    }

  /* Translators: %s is a file name */
  g_print (demo ? _("Created the demo database “%s”.\n") : _("Created “%s”.\n"), db_path);

  return EXIT_OK;
}

/* regions list */

static ParaatRecord *
find_brigade (ParaatStore *store,
              const char  *id)
{
  return id ? paraat_store_find_record (store, PARAAT_KIND_BRIGADE, id) : NULL;
}

static int
cmd_regions (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  char *scope_text = NULL;
  char *date = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope_text,
      N_("Only these regions: all, region:VR05 or brigade:43MB"), N_("SCOPE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The day whose brigade mapping counts (default: today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("list");
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *owned_scope = NULL;
  g_autofree char *owned_date = NULL;
  guint n;
  int exit_code;

  g_option_context_set_summary (context, _("List the regions and the brigade that serves each."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  owned_scope = scope_text;
  owned_date = date;
  if (argc != 2 || !g_str_equal (argv[1], "list"))
    return usage_error (context, _("Use “regions list”."));

  if (date != NULL && !paraat_parse_iso_date (date, NULL))
    {
      print_error (_("--date: “%s” is not a date (expected YYYY-MM-DD)"), date);
      return EXIT_INVALID;
    }
  day = date ? g_strdup (date) : paraat_today_iso ();

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  if (!(scope = paraat_scope_resolve (store, scope_text, day, &error)))
    return fail (error);
  if (!(overview = paraat_overview_compute (store, scope, day, 0, &error)))
    return fail (error);

  n = g_list_model_get_n_items (overview->regions);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ParaatRegionSummary) summary = g_list_model_get_item (overview->regions, i);
          g_autoptr(ParaatRecord) region = paraat_store_find_record (store, PARAAT_KIND_REGION,
                                                                     paraat_region_summary_get_code (summary));
          g_autoptr(ParaatRecord) brigade = find_brigade (store, paraat_region_summary_get_brigade_id (summary));
          g_auto(GStrv) aliases = g_strsplit (paraat_record_get_value_by_name (region, "aliases"), ";", -1);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, paraat_region_summary_get_code (summary));
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, g_ascii_strtoll (paraat_record_get_value_by_name (region, "number"),
                                                                NULL, 10));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, paraat_region_summary_get_name (summary));
          json_builder_set_member_name (builder, "province");
          json_builder_add_string_value (builder, paraat_region_summary_get_province (summary));
          json_builder_set_member_name (builder, "aliases");
          json_builder_begin_array (builder);
          for (guint j = 0; aliases[j] != NULL; j++)
            {
              g_strstrip (aliases[j]);
              if (*aliases[j] != '\0')
                json_builder_add_string_value (builder, aliases[j]);
            }
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "brigade");
          if (brigade != NULL)
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_string_value (builder, paraat_record_get_key (brigade));
              json_builder_set_member_name (builder, "name");
              json_builder_add_string_value (builder, paraat_record_get_value_by_name (brigade, "name"));
              json_builder_set_member_name (builder, "rmc");
              json_builder_add_string_value (builder, paraat_record_get_value_by_name (brigade, "rmc"));
              json_builder_end_object (builder);
            }
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "rmoa");
          if (paraat_region_summary_get_rmoa (summary) != NULL)
            json_builder_add_string_value (builder, paraat_region_summary_get_rmoa (summary));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ParaatRegionSummary) summary = g_list_model_get_item (overview->regions, i);
          const char *brigade = paraat_region_summary_get_brigade (summary);

          g_print ("%s\t%s\t%s\n", paraat_region_summary_get_code (summary),
                   paraat_region_summary_get_name (summary),
                   /* Translators: shown instead of a brigade name */
                   brigade ? brigade : _("(no brigade)"));
        }
    }

  return EXIT_OK;
}

/* check */

static int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  g_option_context_set_summary (context, _("Check the database for damage and broken references."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc > 1)
    return usage_error (context, _("check takes no arguments"));

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  if (!paraat_store_check (store, &problems, &error))
    return fail (error);

  for (guint i = 0; i < problems->len; i++)
    print_error ("%s: %s", db_path, (const char *) problems->pdata[i]);
  if (problems->len > 0)
    {
      print_error (ngettext ("%s: %u problem found. Restore the database from a backup.",
                             "%s: %u problems found. Restore the database from a backup.",
                             problems->len), db_path, problems->len);
      return EXIT_STORE;
    }

  /* Translators: %s is a file name */
  g_print (_("%s: no problems found.\n"), db_path);

  return EXIT_OK;
}

/* backup */

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (N_("FILE"));
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  g_option_context_set_summary (context, _("Copy the database to FILE while it may be in use."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return usage_error (context, _("backup needs the name of the backup file"));

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  if (!paraat_store_backup (store, argv[1], &error))
    return fail (error);

  /* Translators: %s is a file name */
  g_print (_("Backed up to “%s”.\n"), argv[1]);

  return EXIT_OK;
}

static const struct {
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "init", cmd_init, N_("Create a new database (--demo: with demo data)") },
  { "regions", cmd_regions, N_("List the regions (“regions list [--json]”)") },
  { "check", cmd_check, N_("Check the database for damage") },
  { "backup", cmd_backup, N_("Copy the database to a backup file") },
  { "exercises", cmd_exercises, N_("List, show, add, update, evaluate or delete exercises") },
  { "actions", cmd_actions, N_("List, add or update action items") },
  { "conflicts", cmd_conflicts, N_("Find where the exercise and Defence calendars do not line up") },
  { "export", cmd_export, N_("Write exercises to an xCal or iCalendar file") },
  { "validate", cmd_validate, N_("Check an xCal or iCalendar file (no database needed)") },
  { "import", cmd_import, N_("Import xCal or iCalendar files as a calendar source (--dry-run: preview)") },
  { "sources", cmd_sources, N_("List or delete imported calendars (“sources list [--json]”)") },
};

int
main (int    argc,
      char **argv)
{
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, NULL, N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *db_help = NULL;
  GOptionEntry translated[G_N_ELEMENTS (entries)];
  g_autoptr(GString) description = g_string_new (NULL);
  const char *localedir = g_getenv ("PARAAT_LOCALEDIR");
  int result = EXIT_USAGE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  default_path = paraat_store_get_default_path ();
  memcpy (translated, entries, sizeof entries);
  /* Translators: %s is the default database file */
  db_help = g_strdup_printf (_("The database file (default: %s)"), default_path);
  translated[0].description = db_help;

  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_summary (context, _("Paraat: civil–military crisis preparation for the safety regions."));
  g_string_append (description, _("Commands:"));
  g_string_append_c (description, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (description, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (description, '\n');
  g_string_append (description, _("Exit status: 0 success, 1 usage error, 2 invalid input (nothing written), "
                                  "3 store or I/O error."));
  g_option_context_set_description (context, description->str);
  g_option_context_add_main_entries (context, translated, NULL);
  /* Stop at the command, so its own options are left for it. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (version)
    {
      g_print ("paraat-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  if (argc < 2)
    return usage_error (context, _("No command given."));

  if (db_path == NULL)
    db_path = g_steal_pointer (&default_path);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("paraat-cli %s", commands[i].name);

          g_set_prgname (prgname);
          result = commands[i].run (argc - 1, argv + 1);
          g_free (db_path);
          return result;
        }
    }

  {
    /* Translators: %s is what the user typed as a command */
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);

    result = usage_error (context, message);
  }
  g_free (db_path);

  return result;
}
