/* paraat-cli-exercises.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli exercises … and actions …: the MOTO exercise calendar.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-cli-private.h"
#include "paraat-utils.h"

/* Options shared by add and update; NULL means "not given". */
typedef struct
{
  char    *title;
  char    *description;
  char    *type;
  char    *grip;
  char    *region;
  char    *regions;
  char    *disciplines;
  char    *organisations;
  char    *start;
  char    *end;
  char    *tz;
  char    *location;
  char    *geo;
  char    *scenario;
  char    *defence;
  char    *units;
  char    *observer;
  char    *reservists;
  char    *status;
  char    *rrule;
  char    *who;
  char    *reason;
} FieldOptions;

static void
field_options_clear (FieldOptions *o)
{
  char **fields[] = { &o->title, &o->description, &o->type, &o->grip, &o->region, &o->regions, &o->disciplines,
                      &o->organisations, &o->start, &o->end, &o->tz, &o->location, &o->geo, &o->scenario,
                      &o->defence, &o->units, &o->observer, &o->reservists, &o->status, &o->rrule, &o->who,
                      &o->reason };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
}

static void
add_field_entries (GOptionContext *context,
                   FieldOptions   *o)
{
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &o->title, N_("Title"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &o->description, N_("Description"), N_("TEXT") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &o->type, N_("Exercise type code, e.g. ROT"), N_("CODE") },
    { "grip", 0, 0, G_OPTION_ARG_STRING, &o->grip, N_("GRIP level code, e.g. GRIP2"), N_("CODE") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &o->region, N_("Organising region, e.g. VR05"), N_("CODE") },
    { "regions", 0, 0, G_OPTION_ARG_STRING, &o->regions, N_("Further regions, comma-separated"), N_("CODES") },
    { "disciplines", 0, 0, G_OPTION_ARG_STRING, &o->disciplines, N_("Discipline codes, comma-separated"),
      N_("CODES") },
    { "organisations", 0, 0, G_OPTION_ARG_STRING, &o->organisations, N_("Organisations, comma-separated"),
      N_("NAMES") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &o->start, N_("Start: YYYY-MM-DD (all day) or YYYY-MM-DDTHH:MM"),
      N_("WHEN") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &o->end, N_("End: the last day (all day) or YYYY-MM-DDTHH:MM"),
      N_("WHEN") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &o->tz, N_("Time zone (default Europe/Amsterdam)"), N_("TZID") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &o->location, N_("Location"), N_("TEXT") },
    { "geo", 0, 0, G_OPTION_ARG_STRING, &o->geo, N_("Coordinates LAT,LON; empty to clear"), N_("LAT,LON") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &o->scenario, N_("Scenario / incident type code"), N_("CODE") },
    { "defence", 0, 0, G_OPTION_ARG_STRING, &o->defence, N_("Defence: none, requested, confirmed or declined"),
      N_("STATE") },
    { "units", 0, 0, G_OPTION_ARG_STRING, &o->units, N_("Defence units asked for"), N_("TEXT") },
    { "ovr-observer", 0, 0, G_OPTION_ARG_STRING, &o->observer, N_("RMOA (OVR) present as observer: yes or no"),
      N_("YES|NO") },
    { "reservists", 0, 0, G_OPTION_ARG_STRING, &o->reservists, N_("Number of reservists"), N_("N") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &o->status,
      N_("draft, planned, confirmed, postponed, cancelled, held or evaluated"), N_("STATUS") },
    { "rrule", 0, 0, G_OPTION_ARG_STRING, &o->rrule, N_("Recurrence rule, e.g. FREQ=MONTHLY;BYDAY=1TU"),
      N_("RULE") },
    { "who", 0, 0, G_OPTION_ARG_STRING, &o->who, N_("Who makes the change (for the history)"), N_("NAME") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &o->reason, N_("Why (required to postpone, cancel or move)"),
      N_("TEXT") },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("fields", _("Exercise fields:"), _("Show the exercise fields"),
                                            NULL, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_context_add_group (context, group);
}

static gboolean
invalid (GError    **error,
         const char *field,
         const char *value,
         const char *expected)
{
  /* Translators: option name, the bad value, what is expected */
  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID, _("--%s: “%s” is not valid (expected %s)"),
               field, value, expected);

  return FALSE;
}

/* Applies the given options to @ex; errors name the option. */
static gboolean
apply_fields (ParaatExercise  *ex,
              FieldOptions    *o,
              GError         **error)
{
  if (o->title) paraat_exercise_set_title (ex, o->title);
  if (o->description) paraat_exercise_set_description (ex, o->description);
  if (o->type) paraat_exercise_set_type_code (ex, o->type);
  if (o->grip) paraat_exercise_set_grip_code (ex, *o->grip ? o->grip : NULL);
  if (o->region) paraat_exercise_set_region_code (ex, o->region);
  if (o->location) paraat_exercise_set_location (ex, o->location);
  if (o->scenario) paraat_exercise_set_scenario_code (ex, o->scenario);
  if (o->units) paraat_exercise_set_defence_units (ex, o->units);
  if (o->rrule) paraat_exercise_set_rrule (ex, o->rrule);

  if (o->regions)
    {
      g_auto(GStrv) list = paraat_split_list (o->regions);

      paraat_exercise_set_regions (ex, (const char * const *) list);
    }
  if (o->disciplines)
    {
      g_auto(GStrv) list = paraat_split_list (o->disciplines);

      paraat_exercise_set_disciplines (ex, (const char * const *) list);
    }
  if (o->organisations)
    {
      g_auto(GStrv) list = paraat_split_list (o->organisations);

      paraat_exercise_set_organisations (ex, (const char * const *) list);
    }
  if (o->tz && !paraat_exercise_set_tzid (ex, o->tz))
    return invalid (error, "tz", o->tz, _("a time zone such as Europe/Amsterdam"));
  if (o->defence)
    {
      ParaatDefence defence;

      if (!paraat_defence_from_string (o->defence, &defence))
        return invalid (error, "defence", o->defence, "none, requested, confirmed, declined");
      paraat_exercise_set_defence (ex, defence);
    }
  if (o->status)
    {
      ParaatExerciseStatus status;

      if (!paraat_exercise_status_from_string (o->status, &status))
        return invalid (error, "status", o->status,
                        "draft, planned, confirmed, postponed, cancelled, held, evaluated");
      paraat_exercise_set_status (ex, status);
    }
  if (o->observer)
    {
      if (g_ascii_strcasecmp (o->observer, "yes") == 0 || g_str_equal (o->observer, "1"))
        paraat_exercise_set_ovr_observer (ex, TRUE);
      else if (g_ascii_strcasecmp (o->observer, "no") == 0 || g_str_equal (o->observer, "0"))
        paraat_exercise_set_ovr_observer (ex, FALSE);
      else
        return invalid (error, "ovr-observer", o->observer, "yes, no");
    }
  if (o->reservists)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (o->reservists, 10, 0, 100000, &n, NULL))
        return invalid (error, "reservists", o->reservists, _("a whole number"));
      paraat_exercise_set_reservists (ex, n);
    }
  if (o->geo)
    {
      g_auto(GStrv) parts = g_strsplit (o->geo, ",", 2);
      double lat, lon;
      char *end_lat = NULL, *end_lon = NULL;

      if (*o->geo == '\0')
        paraat_exercise_set_geo (ex, FALSE, 0, 0);
      else if (g_strv_length (parts) != 2 ||
               (lat = g_ascii_strtod (parts[0], &end_lat), *end_lat != '\0') ||
               (lon = g_ascii_strtod (parts[1], &end_lon), *end_lon != '\0') ||
               lat < -90 || lat > 90 || lon < -180 || lon > 180)
        return invalid (error, "geo", o->geo, _("latitude,longitude such as 52.09,5.12"));
      else
        paraat_exercise_set_geo (ex, TRUE, lat, lon);
    }

  if (o->start || o->end)
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      gboolean start_is_date = FALSE, end_is_date = FALSE;
      const char *tzid = paraat_exercise_get_tzid (ex);

      if (o->start)
        {
          if (!paraat_parse_when (o->start, tzid, &start, &start_is_date))
            return invalid (error, "start", o->start, _("YYYY-MM-DD or YYYY-MM-DDTHH:MM"));
        }
      else
        {
          start = paraat_exercise_get_start (ex);
          start_is_date = paraat_exercise_get_all_day (ex);
        }

      if (o->end)
        {
          if (!paraat_parse_when (o->end, tzid, &end, &end_is_date))
            return invalid (error, "end", o->end, _("YYYY-MM-DD or YYYY-MM-DDTHH:MM"));
          /* An all-day end names the last day; the store keeps the
           * midnight after it. */
          if (end_is_date)
            {
              GDateTime *next = g_date_time_add_days (end, 1);

              g_date_time_unref (end);
              end = next;
            }
        }
      else if (paraat_exercise_get_end_utc (ex) > paraat_exercise_get_start_utc (ex) &&
               start_is_date == paraat_exercise_get_all_day (ex))
        {
          /* Keep the length when only the start moves: in whole local
           * days for an all-day exercise, since a day across a DST
           * change has 23 or 25 hours, in elapsed time otherwise. */
          g_autoptr(GDateTime) old_start = paraat_exercise_get_start (ex);
          g_autoptr(GDateTime) old_end = paraat_exercise_get_end (ex);

          if (start_is_date)
            end = g_date_time_add_days (start, paraat_count_local_days (old_start, old_end));
          else
            end = g_date_time_add (start, g_date_time_difference (old_end, old_start));
          end_is_date = start_is_date;
        }
      else if (start_is_date)
        {
          end = g_date_time_add_days (start, 1);
          end_is_date = TRUE;
        }
      else
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("--end is required when --start is a time"));
          return FALSE;
        }

      if (start_is_date != end_is_date)
        return invalid (error, "end", o->end ? o->end : "",
                        _("a date when --start is a date, a time when --start is a time"));
      paraat_exercise_set_times (ex, start, end, start_is_date);
    }

  return TRUE;
}

/* Output */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static char *
format_for_json (GDateTime *t,
                 gboolean   all_day)
{
  return g_date_time_format (t, all_day ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%S%:z");
}

static void
build_exercise (JsonBuilder    *builder,
                ParaatExercise *ex)
{
  g_autoptr(GDateTime) start = paraat_exercise_get_start (ex);
  g_autoptr(GDateTime) end = paraat_exercise_get_end (ex);
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  double lat, lon;

  /* All-day ends are given as the last day, as they are entered. */
  last = paraat_exercise_get_all_day (ex) ? g_date_time_add_days (end, -1) : g_date_time_ref (end);
  start_text = format_for_json (start, paraat_exercise_get_all_day (ex));
  end_text = format_for_json (last, paraat_exercise_get_all_day (ex));

  json_builder_begin_object (builder);
  add_string (builder, "uid", paraat_exercise_get_uid (ex));
  json_builder_set_member_name (builder, "sequence");
  json_builder_add_int_value (builder, paraat_exercise_get_sequence (ex));
  add_string (builder, "title", paraat_exercise_get_title (ex));
  add_string (builder, "description", paraat_exercise_get_description (ex));
  add_string (builder, "type", paraat_exercise_get_type_code (ex));
  add_string (builder, "grip", paraat_exercise_get_grip_code (ex));
  add_string (builder, "region", paraat_exercise_get_region_code (ex));
  add_strv (builder, "regions", paraat_exercise_get_regions (ex));
  add_strv (builder, "disciplines", paraat_exercise_get_disciplines (ex));
  add_strv (builder, "organisations", paraat_exercise_get_organisations (ex));
  add_string (builder, "start", start_text);
  add_string (builder, "end", end_text);
  json_builder_set_member_name (builder, "all_day");
  json_builder_add_boolean_value (builder, paraat_exercise_get_all_day (ex));
  add_string (builder, "tz", paraat_exercise_get_tzid (ex));
  add_string (builder, "location", paraat_exercise_get_location (ex));
  json_builder_set_member_name (builder, "geo");
  if (paraat_exercise_get_geo (ex, &lat, &lon))
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, lat);
      json_builder_add_double_value (builder, lon);
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  add_string (builder, "scenario", paraat_exercise_get_scenario_code (ex));
  add_string (builder, "defence", paraat_defence_to_string (paraat_exercise_get_defence (ex)));
  add_string (builder, "defence_units", paraat_exercise_get_defence_units (ex));
  json_builder_set_member_name (builder, "ovr_observer");
  json_builder_add_boolean_value (builder, paraat_exercise_get_ovr_observer (ex));
  json_builder_set_member_name (builder, "reservists");
  json_builder_add_int_value (builder, paraat_exercise_get_reservists (ex));
  add_string (builder, "status", paraat_exercise_status_to_string (paraat_exercise_get_status (ex)));
  add_string (builder, "rrule", paraat_exercise_get_rrule (ex));
  json_builder_set_member_name (builder, "occurrence");
  json_builder_add_boolean_value (builder, paraat_exercise_is_occurrence (ex));
  json_builder_end_object (builder);
}

static void
build_action (JsonBuilder      *builder,
              ParaatActionItem *item,
              const char       *today)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, paraat_action_item_get_id (item));
  add_string (builder, "exercise", paraat_action_item_get_exercise_uid (item));
  add_string (builder, "exercise_title", paraat_action_item_get_exercise_title (item));
  add_string (builder, "region", paraat_action_item_get_region_code (item));
  add_string (builder, "what", paraat_action_item_get_what (item));
  add_string (builder, "owner", paraat_action_item_get_owner (item));
  add_string (builder, "due", paraat_action_item_get_due_date (item));
  add_string (builder, "status", paraat_action_status_to_string (paraat_action_item_get_status (item)));
  add_string (builder, "done", paraat_action_item_get_done_date (item));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, paraat_action_item_is_overdue (item, today));
  json_builder_end_object (builder);
}

/* exercises list */

static gboolean
parse_day_option (const char   *option,
                  const char   *text,
                  int           add_days,
                  gint64       *utc,
                  GError      **error)
{
  if (!parse_day (text, add_days, FALSE, utc))
    return invalid (error, option, text, _("YYYY-MM-DD"));

  return TRUE;
}

static int
exercises_list (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autofree char *region = NULL, *brigade = NULL, *from = NULL, *to = NULL;
  const GOptionEntry entries[] = {
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only exercises of this region"), N_("CODE") },
    { "brigade", 0, 0, G_OPTION_ARG_STRING, &brigade, N_("Only the regions this brigade serves"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("From this day (default: 1 January this year)"),
      N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Up to and including this day (default: 31 December next year)"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("list");
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = paraat_today_iso ();
  g_autofree char *scope_text = NULL;
  g_autofree char *default_from = g_strdup_printf ("%d-01-01", g_date_time_get_year (now));
  g_autofree char *default_to = g_strdup_printf ("%d-12-31", g_date_time_get_year (now) + 1);
  gint64 from_utc, to_utc;
  int exit_code;

  g_option_context_set_summary (context, _("List the exercises in a period, recurring ones per occurrence."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 1)
    return usage_error (context, _("exercises list takes no arguments"));

  if (!parse_day_option ("from", from ? from : default_from, 0, &from_utc, &error) ||
      !parse_day_option ("to", to ? to : default_to, 1, &to_utc, &error))
    return fail (error);
  if (to_utc <= from_utc)
    {
      print_error (_("--to must be on or after --from"));
      return EXIT_INVALID;
    }

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  scope_text = region ? g_strconcat ("region:", region, NULL)
                      : brigade ? g_strconcat ("brigade:", brigade, NULL) : g_strdup ("all");
  if (!(scope = paraat_scope_resolve (store, scope_text, today, &error)) ||
      !(exercises = paraat_store_list_exercises (store, scope, from_utc, to_utc, &error)))
    return fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < exercises->len; i++)
        build_exercise (builder, exercises->pdata[i]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_OK;
    }

  for (guint i = 0; i < exercises->len; i++)
    {
      ParaatExercise *ex = exercises->pdata[i];
      g_autofree char *when = paraat_exercise_format_when (ex);

      g_print ("%s\t%s\t%s\t%s\t%s\t%s\n", paraat_exercise_get_uid (ex), when, paraat_exercise_get_region_code (ex),
               paraat_exercise_get_type_code (ex),
               paraat_exercise_status_get_label (paraat_exercise_get_status (ex)), paraat_exercise_get_title (ex));
    }

  return EXIT_OK;
}

/* exercises show */

static int
exercises_show (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("show UID");
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatExercise) ex = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(ParaatEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = paraat_today_iso ();
  int exit_code;

  g_option_context_set_summary (context, _("Show an exercise with its history, evaluation and action items."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return usage_error (context, _("exercises show needs the UID of an exercise"));

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)) ||
      !(ex = paraat_store_get_exercise (store, argv[1], &error)) ||
      !(history = paraat_store_get_history (store, argv[1], &error)) ||
      !(actions = paraat_store_list_action_items (store, NULL, argv[1], FALSE, today, &error)))
    return fail (error);
  evaluation = paraat_store_get_evaluation (store, argv[1], &error);
  if (error != NULL)
    return fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "exercise");
      build_exercise (builder, ex);
      json_builder_set_member_name (builder, "history");
      json_builder_begin_array (builder);
      for (guint i = 0; i < history->len; i++)
        {
          ParaatHistoryEntry *entry = history->pdata[i];

          json_builder_begin_object (builder);
          add_string (builder, "at", paraat_history_entry_get_changed_at (entry));
          add_string (builder, "who", paraat_history_entry_get_who (entry));
          add_string (builder, "reason", paraat_history_entry_get_reason (entry));
          add_string (builder, "field", paraat_history_entry_get_field (entry));
          add_string (builder, "old", paraat_history_entry_get_old_value (entry));
          add_string (builder, "new", paraat_history_entry_get_new_value (entry));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "evaluation");
      if (evaluation != NULL)
        {
          json_builder_begin_object (builder);
          add_string (builder, "quick_report_date", paraat_evaluation_get_quick_report_date (evaluation));
          add_string (builder, "quick_report_ref", paraat_evaluation_get_quick_report_ref (evaluation));
          add_string (builder, "final_report_date", paraat_evaluation_get_final_report_date (evaluation));
          add_string (builder, "final_report_ref", paraat_evaluation_get_final_report_ref (evaluation));
          add_string (builder, "lessons", paraat_evaluation_get_lessons (evaluation));
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "actions");
      json_builder_begin_array (builder);
      for (guint i = 0; i < actions->len; i++)
        build_action (builder, actions->pdata[i], today);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_OK;
    }

  {
    g_autofree char *when = paraat_exercise_format_when (ex);

    g_print ("%s\n%s\n", paraat_exercise_get_title (ex), when);
    /* Translators: labels of paraat-cli exercises show */
    g_print (_("UID: %s (sequence %u)\n"), paraat_exercise_get_uid (ex), paraat_exercise_get_sequence (ex));
    g_print (_("Region: %s  Type: %s  Status: %s\n"), paraat_exercise_get_region_code (ex),
             paraat_exercise_get_type_code (ex), paraat_exercise_status_get_label (paraat_exercise_get_status (ex)));
    if (*paraat_exercise_get_defence_units (ex) != '\0')
      /* Translators: Defence participation, then the units asked for */
      g_print (_("Defence: %s (units: %s)\n"), paraat_defence_get_label (paraat_exercise_get_defence (ex)),
               paraat_exercise_get_defence_units (ex));
    else
      g_print (_("Defence: %s\n"), paraat_defence_get_label (paraat_exercise_get_defence (ex)));
    if (*paraat_exercise_get_location (ex) != '\0')
      g_print (_("Location: %s\n"), paraat_exercise_get_location (ex));
    g_print ("\n%s\n", _("History:"));
    for (guint i = 0; i < history->len; i++)
      {
        ParaatHistoryEntry *entry = history->pdata[i];
        g_autofree char *what = paraat_history_entry_describe (entry);
        g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (paraat_history_entry_get_changed_at (entry), NULL);
        g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
        g_autofree char *changed = local ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                         : g_strdup (paraat_history_entry_get_changed_at (entry));

        g_print ("  %s  %s", changed, what);
        if (*paraat_history_entry_get_reason (entry) != '\0')
          g_print (" — %s", paraat_history_entry_get_reason (entry));
        if (*paraat_history_entry_get_who (entry) != '\0')
          g_print (" (%s)", paraat_history_entry_get_who (entry));
        g_print ("\n");
      }
    if (actions->len > 0)
      g_print ("\n%s\n", _("Action items:"));
    for (guint i = 0; i < actions->len; i++)
      {
        ParaatActionItem *item = actions->pdata[i];
        const char *due = paraat_action_item_get_due_date (item);

        g_print ("  %" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", paraat_action_item_get_id (item),
                 paraat_action_status_get_label (paraat_action_item_get_status (item)), due ? due : "—",
                 paraat_action_item_get_owner (item), paraat_action_item_get_what (item));
      }
  }

  return EXIT_OK;
}

/* exercises add / update */

static int
exercises_write (int      argc,
                 char   **argv,
                 gboolean add)
{
  FieldOptions o = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (add ? "add" : "update UID");
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatExercise) ex = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code = EXIT_OK;

  g_option_context_set_summary (context, add ? _("Add an exercise. Needs --title, --type, --region and --start.")
                                             : _("Change an exercise; options not given stay as they are."));
  add_field_entries (context, &o);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    goto out;
  if (argc != (add ? 1 : 2))
    {
      exit_code = usage_error (context, add ? _("exercises add takes options only")
                                            : _("exercises update needs the UID of an exercise"));
      goto out;
    }
  if (add && (o.title == NULL || o.type == NULL || o.region == NULL || o.start == NULL))
    {
      print_error (_("exercises add needs --title, --type, --region and --start"));
      exit_code = EXIT_INVALID;
      goto out;
    }

  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    {
      exit_code = fail (error);
      goto out;
    }
  ex = add ? paraat_exercise_new () : paraat_store_get_exercise (store, argv[1], &error);
  if (ex == NULL ||
      !apply_fields (ex, &o, &error) ||
      !paraat_store_save_exercise (store, ex, o.who, o.reason, &error))
    {
      exit_code = fail (error);
      goto out;
    }

  g_print ("%s\n", paraat_exercise_get_uid (ex));

out:
  field_options_clear (&o);
  return exit_code;
}

static int
exercises_delete (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("delete UID");
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  g_option_context_set_summary (context, _("Delete an exercise."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return usage_error (context, _("exercises delete needs the UID of an exercise"));
  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)) ||
      !paraat_store_delete_exercise (store, argv[1], &error))
    return fail (error);

  return EXIT_OK;
}

static int
exercises_evaluate (int    argc,
                    char **argv)
{
  g_autofree char *quick_date = NULL, *quick_ref = NULL, *final_date = NULL, *final_ref = NULL, *lessons = NULL;
  const GOptionEntry entries[] = {
    { "quick-date", 0, 0, G_OPTION_ARG_STRING, &quick_date, N_("Date of the quick first-impression report"),
      N_("YYYY-MM-DD") },
    { "quick-ref", 0, 0, G_OPTION_ARG_STRING, &quick_ref, N_("Document reference of that report"), N_("TEXT") },
    { "final-date", 0, 0, G_OPTION_ARG_STRING, &final_date, N_("Date of the final evaluation report"),
      N_("YYYY-MM-DD") },
    { "final-ref", 0, 0, G_OPTION_ARG_STRING, &final_ref, N_("Document reference of that report"), N_("TEXT") },
    { "lessons", 0, 0, G_OPTION_ARG_STRING, &lessons, N_("Lessons learned"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("evaluate UID");
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(ParaatEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  int exit_code;

  g_option_context_set_summary (context, _("Record the evaluation of an exercise that was held; options not "
                                           "given stay as they are."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc != 2)
    return usage_error (context, _("exercises evaluate needs the UID of an exercise"));
  if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
    return fail (error);
  evaluation = paraat_store_get_evaluation (store, argv[1], &error);
  if (error != NULL)
    return fail (error);
  if (evaluation == NULL)
    evaluation = paraat_evaluation_new ();
  if (quick_date || quick_ref)
    paraat_evaluation_set_quick_report (evaluation,
                                        quick_date ? quick_date : paraat_evaluation_get_quick_report_date (evaluation),
                                        quick_ref ? quick_ref : paraat_evaluation_get_quick_report_ref (evaluation));
  if (final_date || final_ref)
    paraat_evaluation_set_final_report (evaluation,
                                        final_date ? final_date : paraat_evaluation_get_final_report_date (evaluation),
                                        final_ref ? final_ref : paraat_evaluation_get_final_report_ref (evaluation));
  if (lessons)
    paraat_evaluation_set_lessons (evaluation, lessons);
  if (!paraat_store_save_evaluation (store, argv[1], evaluation, &error))
    return fail (error);

  return EXIT_OK;
}

int
cmd_exercises (int    argc,
               char **argv)
{
  static const char *usage = N_("Use “exercises list|show|add|update|evaluate|delete”; "
                                "add --help after one for its options.");

  if (argc < 2)
    {
      print_error ("%s", _(usage));
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "list"))
    return exercises_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "show"))
    return exercises_show (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "add"))
    return exercises_write (argc - 1, argv + 1, TRUE);
  if (g_str_equal (argv[1], "update"))
    return exercises_write (argc - 1, argv + 1, FALSE);
  if (g_str_equal (argv[1], "evaluate"))
    return exercises_evaluate (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "delete"))
    return exercises_delete (argc - 1, argv + 1);

  print_error ("%s", _(usage));
  return EXIT_USAGE;
}

/* actions */

static ParaatActionItem *
find_action (ParaatStore  *store,
             gint64        id,
             char        **uid,
             GError      **error)
{
  g_autofree char *today = paraat_today_iso ();
  g_autoptr(GPtrArray) items = paraat_store_list_action_items (store, NULL, NULL, FALSE, today, error);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      if (paraat_action_item_get_id (items->pdata[i]) == id)
        {
          *uid = g_strdup (paraat_action_item_get_exercise_uid (items->pdata[i]));
          return g_object_ref (items->pdata[i]);
        }
    }
  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND,
               /* Translators: %lld is the number of an action item */
               _("There is no action item %lld. “paraat-cli actions list” shows them."), (long long) id);

  return NULL;
}

int
cmd_actions (int    argc,
             char **argv)
{
  gboolean json = FALSE, overdue = FALSE;
  g_autofree char *region = NULL, *what = NULL, *owner = NULL, *due = NULL, *status = NULL;
  const GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, N_("list: only items past their due date"), NULL },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("list: only items of this region's exercises"), N_("CODE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("list: write JSON"), NULL },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("add/update: what is to be done"), N_("TEXT") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("add/update: the organisation that owns it"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("add/update: due date"), N_("YYYY-MM-DD") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("add/update: open, in-progress or done"), N_("STATUS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("list | add UID | update ID");
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = paraat_today_iso ();
  int exit_code;

  g_option_context_set_summary (context, _("Action items that follow from evaluations."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &exit_code))
    return exit_code;
  if (argc < 2)
    return usage_error (context, _("Use “actions list”, “actions add UID” or “actions update ID”."));

  if (g_str_equal (argv[1], "list"))
    {
      g_autoptr(ParaatScope) scope = NULL;
      g_autoptr(GPtrArray) items = NULL;
      g_autofree char *scope_text = region ? g_strconcat ("region:", region, NULL) : g_strdup ("all");

      if (argc != 2)
        return usage_error (context, _("actions list takes no arguments"));
      if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)) ||
          !(scope = paraat_scope_resolve (store, scope_text, today, &error)) ||
          !(items = paraat_store_list_action_items (store, scope, NULL, overdue, today, &error)))
        return fail (error);

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_array (builder);
          for (guint i = 0; i < items->len; i++)
            build_action (builder, items->pdata[i], today);
          json_builder_end_array (builder);
          root = json_builder_get_root (builder);
          print_json (root);
        }
      else
        {
          for (guint i = 0; i < items->len; i++)
            {
              ParaatActionItem *item = items->pdata[i];
              const char *due_date = paraat_action_item_get_due_date (item);

              g_print ("%" G_GINT64_FORMAT "\t%s\t%s%s\t%s\t%s\t%s\n", paraat_action_item_get_id (item),
                       paraat_action_status_get_label (paraat_action_item_get_status (item)),
                       due_date ? due_date : "—",
                       /* Translators: after a due date that has passed */
                       paraat_action_item_is_overdue (item, today) ? _(" (overdue)") : "",
                       paraat_action_item_get_owner (item), paraat_action_item_get_what (item),
                       paraat_action_item_get_exercise_title (item));
            }
        }
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "add") || g_str_equal (argv[1], "update"))
    {
      gboolean add = g_str_equal (argv[1], "add");
      g_autoptr(ParaatActionItem) item = NULL;
      g_autofree char *uid = NULL;
      ParaatActionStatus st;
      gint64 id = 0;

      if (argc != 3)
        return usage_error (context, add ? _("actions add needs the UID of an exercise")
                                         : _("actions update needs the number of an action item"));
      if (add && what == NULL)
        {
          print_error (_("actions add needs --what"));
          return EXIT_INVALID;
        }
      if (!add && !g_ascii_string_to_signed (argv[2], 10, 1, G_MAXINT64, &id, NULL))
        {
          print_error (_("“%s” is not the number of an action item"), argv[2]);
          return EXIT_INVALID;
        }
      if (status != NULL && !paraat_action_status_from_string (status, &st))
        {
          print_error (_("--status: “%s” is not valid (expected open, in-progress or done)"), status);
          return EXIT_INVALID;
        }
      if (!(store = open_store (PARAAT_STORE_OPEN_DEFAULT, &error)))
        return fail (error);
      if (add)
        {
          item = paraat_action_item_new ();
          uid = g_strdup (argv[2]);
        }
      else if (!(item = find_action (store, id, &uid, &error)))
        return fail (error);
      if (what) paraat_action_item_set_what (item, what);
      if (owner) paraat_action_item_set_owner (item, owner);
      if (due) paraat_action_item_set_due_date (item, *due ? due : NULL);
      if (status) paraat_action_item_set_status (item, st);
      if ((id = paraat_store_save_action_item (store, uid, item, &error)) == 0)
        return fail (error);
      g_print ("%" G_GINT64_FORMAT "\n", id);
      return EXIT_OK;
    }

  return usage_error (context, _("Use “actions list”, “actions add UID” or “actions update ID”."));
}
