/* paraat-exchange.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads .ics and xCal files into one libical tree and checks them. The
 * xCal side is a small DOM-based stand-in (read_xcal()) that turns the
 * XML back into iCalendar text for libical; the streaming reader in
 * paraat-xcal-reader.c is meant to take its place.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-exchange.h"
#include "paraat-ical.h"
#include "paraat-import-private.h"
#include "paraat-utils.h"
#include "paraat-xcal.h"

/* Bigger than any calendar a region keeps; a guard against mistakes */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

/**
 * paraat_exchange_detect_format:
 *
 * Tells xCal from iCalendar by the first characters, never by the name.
 */
ParaatExchangeFormat
paraat_exchange_detect_format (const char *data,
                               gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i < length && data[i] == '<')
    return PARAAT_EXCHANGE_FORMAT_XCAL;
  if (length - i >= 15 && g_ascii_strncasecmp (data + i, "BEGIN:VCALENDAR", 15) == 0)
    return PARAAT_EXCHANGE_FORMAT_ICS;

  return PARAAT_EXCHANGE_FORMAT_UNKNOWN;
}

static void G_GNUC_PRINTF (3, 4)
add_message (GPtrArray  *messages,
             int         line,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    /* Translators: a line number, then what is wrong there */
    g_ptr_array_add (messages, g_strdup_printf (_("line %d: %s"), line, text));
  else
    g_ptr_array_add (messages, g_steal_pointer (&text));
}

/* xCal → iCalendar text (the stand-in reader) */

static gboolean
is_xcal (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, PARAAT_XCAL_NAMESPACE) == 0 &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup (content ? (const char *) content : "");

  xmlFree (content);

  return text;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ';' || *p == ',')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

/* Drops the separators xCal adds to dates, times and offsets */
static void
append_compact (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '-' && *p != ':')
        g_string_append_c (out, *p);
    }
}

static void
append_time (GString    *out,
             const char *text)
{
  /* Only the date's and time's separators go; a leading sign stays. */
  if (*text == '-' || *text == '+')
    g_string_append_c (out, *text++);
  append_compact (out, text);
}

static void
append_value (GString *out,
              xmlNode *value)
{
  const char *type = (const char *) value->name;
  g_autofree char *text = NULL;

  if (g_str_equal (type, "recur"))
    {
      const char *last = NULL;

      for (xmlNode *part = value->children; part != NULL; part = part->next)
        {
          g_autofree char *name = NULL;
          g_autofree char *content = NULL;

          if (!is_xcal (part, NULL))
            continue;
          name = g_ascii_strup ((const char *) part->name, -1);
          content = g_strstrip (node_text (part));
          if (g_strcmp0 (last, (const char *) part->name) == 0)
            g_string_append_c (out, ',');
          else
            g_string_append_printf (out, "%s%s=", last ? ";" : "", name);
          if (g_str_equal (name, "UNTIL"))
            append_compact (out, content);
          else
            g_string_append (out, content);
          last = (const char *) part->name;
        }
      return;
    }
  if (g_str_equal (type, "period"))
    {
      for (xmlNode *part = value->children; part != NULL; part = part->next)
        {
          g_autofree char *content = NULL;

          if (!is_xcal (part, NULL))
            continue;
          content = g_strstrip (node_text (part));
          if (g_str_equal ((const char *) part->name, "start"))
            append_compact (out, content);
          else if (g_str_equal ((const char *) part->name, "end"))
            {
              g_string_append_c (out, '/');
              append_compact (out, content);
            }
          else
            g_string_append_printf (out, "/%s", content);
        }
      return;
    }
  text = node_text (value);
  if (g_str_equal (type, "text") || g_str_equal (type, "unknown"))
    append_escaped (out, text);
  else if (g_str_equal (type, "date") || g_str_equal (type, "date-time") || g_str_equal (type, "utc-offset"))
    append_time (out, g_strstrip (text));
  else if (g_str_equal (type, "boolean"))
    {
      g_autofree char *upper = g_ascii_strup (g_strstrip (text), -1);

      g_string_append (out, upper);
    }
  else
    g_string_append (out, g_strstrip (text));
}

static void
append_parameters (GString *out,
                   xmlNode *parameters)
{
  for (xmlNode *param = parameters->children; param != NULL; param = param->next)
    {
      g_autofree char *name = NULL;
      gboolean first = TRUE;

      if (!is_xcal (param, NULL))
        continue;
      name = g_ascii_strup ((const char *) param->name, -1);
      g_string_append_printf (out, ";%s=", name);
      for (xmlNode *value = param->children; value != NULL; value = value->next)
        {
          g_autofree char *text = NULL;

          if (!is_xcal (value, NULL))
            continue;
          text = node_text (value);
          if (g_str_equal ((const char *) value->name, "boolean"))
            {
              g_autofree char *upper = g_ascii_strup (text, -1);

              g_free (text);
              text = g_steal_pointer (&upper);
            }
          g_string_append (out, first ? "" : ",");
          /* A parameter value cannot hold a quote at all (RFC 5545 §3.1). */
          g_strdelimit (text, "\"\r\n", '\'');
          if (strpbrk (text, ":;,") != NULL)
            g_string_append_printf (out, "\"%s\"", text);
          else
            g_string_append (out, text);
          first = FALSE;
        }
    }
}

static void
append_property (GString *out,
                 xmlNode *prop)
{
  g_autofree char *name = g_ascii_strup ((const char *) prop->name, -1);
  g_autoptr(GString) values = g_string_new (NULL);
  const char *type = NULL;
  gboolean first = TRUE;

  g_string_append (out, name);
  for (xmlNode *child = prop->children; child != NULL; child = child->next)
    {
      if (!is_xcal (child, NULL))
        continue;
      if (g_str_equal ((const char *) child->name, "parameters"))
        {
          append_parameters (out, child);
          continue;
        }
      /* GEO has its two parts directly, no value element (§3.4.1.2). */
      if (g_str_equal (name, "GEO") &&
          (g_str_equal ((const char *) child->name, "latitude") ||
           g_str_equal ((const char *) child->name, "longitude")))
        {
          g_autofree char *part = g_strstrip (node_text (child));

          g_string_append_printf (values, "%s%s", values->len ? ";" : "", part);
          continue;
        }
      if (!first)
        g_string_append_c (values, ',');
      append_value (values, child);
      type = (const char *) child->name;
      first = FALSE;
    }
  /* The element says the type; libical needs VALUE= where it is not
   * the property's default. */
  if (g_strcmp0 (type, "date") == 0)
    g_string_append (out, ";VALUE=DATE");
  else if (g_strcmp0 (type, "period") == 0)
    g_string_append (out, ";VALUE=PERIOD");
  else if (g_strcmp0 (type, "duration") == 0 && g_str_equal (name, "TRIGGER"))
    g_string_append (out, ";VALUE=DURATION");
  else if (g_strcmp0 (type, "date-time") == 0 && g_str_equal (name, "TRIGGER"))
    g_string_append (out, ";VALUE=DATE-TIME");
  g_string_append_printf (out, ":%s\r\n", values->str);
}

static void
append_component (GString *out,
                  xmlNode *node,
                  GArray  *vevent_lines)
{
  g_autofree char *name = g_ascii_strup ((const char *) node->name, -1);

  if (vevent_lines != NULL && g_str_equal (name, "VEVENT"))
    {
      int line = xmlGetLineNo (node);

      g_array_append_val (vevent_lines, line);
    }
  g_string_append_printf (out, "BEGIN:%s\r\n", name);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_xcal (child, "properties"))
        {
          for (xmlNode *prop = child->children; prop != NULL; prop = prop->next)
            {
              if (prop->type == XML_ELEMENT_NODE)
                append_property (out, prop);
            }
        }
      else if (is_xcal (child, "components"))
        {
          for (xmlNode *sub = child->children; sub != NULL; sub = sub->next)
            {
              if (is_xcal (sub, NULL))
                append_component (out, sub, vevent_lines);
            }
        }
    }
  g_string_append_printf (out, "END:%s\r\n", name);
}

/*
 * read_xcal:
 *
 * The one place that reads xCal: a DOM for now (no network, no entity
 * substitution), turned into iCalendar text. Swap this for the
 * streaming reader; nothing else needs to change.
 */
static char *
read_xcal (const char  *path,
           const char  *contents,
           gsize        length,
           GArray      *vevent_lines,
           GPtrArray   *messages)
{
  g_autoptr(GString) out = g_string_new (NULL);
  xmlDoc *doc = xmlReadMemory (contents, (int) length, path, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNode *root = doc ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL || !is_xcal (root, "icalendar"))
    {
      add_message (messages, 0, _("not an xCal document (expected <icalendar> in the namespace %s)"),
                   PARAAT_XCAL_NAMESPACE);
      if (doc != NULL)
        xmlFreeDoc (doc);
      return NULL;
    }
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_xcal (child, "vcalendar"))
        append_component (out, child, vevent_lines);
    }
  xmlFreeDoc (doc);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Line numbers of "BEGIN:VEVENT" in an .ics file, in order */
static void
find_vevent_lines (const char *text,
                   GArray     *vevent_lines)
{
  int line = 1;

  for (const char *p = text; *p != '\0'; line++)
    {
      const char *eol = strchr (p, '\n');

      if (g_ascii_strncasecmp (p, "BEGIN:VEVENT", 12) == 0)
        g_array_append_val (vevent_lines, line);
      if (eol == NULL)
        break;
      p = eol + 1;
    }
}

/* Takes libical's X-LIC-ERROR notes out of the tree into @messages */
static void
collect_parse_errors (icalcomponent *comp,
                      int            line,
                      GPtrArray     *messages)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_XLICERROR_PROPERTY);

  while (prop != NULL)
    {
      icalproperty *next = icalcomponent_get_next_property (comp, ICAL_XLICERROR_PROPERTY);

      add_message (messages, line, "%s", icalproperty_get_xlicerror (prop));
      icalcomponent_remove_property (comp, prop);
      icalproperty_free (prop);
      prop = next;
    }
}

static void
collect_all_errors (icalcomponent *vcalendar,
                    GArray        *vevent_lines,
                    GPtrArray     *messages)
{
  guint index = 0;

  collect_parse_errors (vcalendar, 0, messages);
  for (icalcomponent *c = icalcomponent_get_first_component (vcalendar, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vcalendar, ICAL_ANY_COMPONENT))
    {
      int line = 0;

      if (icalcomponent_isa (c) == ICAL_VEVENT_COMPONENT)
        {
          if (vevent_lines != NULL && index < vevent_lines->len)
            line = g_array_index (vevent_lines, int, index);
          index++;
        }
      collect_parse_errors (c, line, messages);
      for (icalcomponent *sub = icalcomponent_get_first_component (c, ICAL_ANY_COMPONENT); sub != NULL;
           sub = icalcomponent_get_next_component (c, ICAL_ANY_COMPONENT))
        collect_parse_errors (sub, line, messages);
    }
}

/**
 * paraat_exchange_load:
 * @format: (out) (optional): what the file turned out to be
 * @vevent_lines: (nullable) (element-type int): receives the line of
 *   each VEVENT in the file, in the tree's order
 * @messages: (element-type utf8): what libical or libxml2 could not read
 *
 * Reads an .ics or xCal file (told apart by content) into a VCALENDAR.
 *
 * Returns: (transfer full) (nullable): the VCALENDAR, or %NULL with
 *   @messages saying why, or %NULL and @error if the file could not be read
 */
icalcomponent *
paraat_exchange_load (const char            *path,
                      ParaatExchangeFormat  *format,
                      GArray                *vevent_lines,
                      GPtrArray             *messages,
                      GError               **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  gsize length;
  ParaatExchangeFormat detected;
  icalcomponent *root;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (messages != NULL, NULL);

  if (format != NULL)
    *format = PARAAT_EXCHANGE_FORMAT_UNKNOWN;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (length > MAX_FILE_SIZE)
    {
      add_message (messages, 0, _("the file is larger than %d MB"), MAX_FILE_SIZE / 1024 / 1024);
      return NULL;
    }

  detected = paraat_exchange_detect_format (contents, length);
  if (format != NULL)
    *format = detected;
  switch (detected)
    {
    case PARAAT_EXCHANGE_FORMAT_XCAL:
      if (!(text = read_xcal (path, contents, length, vevent_lines, messages)))
        return NULL;
      break;

    case PARAAT_EXCHANGE_FORMAT_ICS:
      if (!g_utf8_validate (contents, length, NULL) || strlen (contents) != length)
        {
          add_message (messages, 0, _("the file is not UTF-8 text"));
          return NULL;
        }
      text = g_steal_pointer (&contents);
      if (vevent_lines != NULL)
        find_vevent_lines (text, vevent_lines);
      break;

    case PARAAT_EXCHANGE_FORMAT_UNKNOWN:
    default:
      add_message (messages, 0, _("neither xCal nor iCalendar (expected “<?xml” or “BEGIN:VCALENDAR” at the start)"));
      return NULL;
    }

  root = icalparser_parse_string (text);
  if (root == NULL)
    {
      add_message (messages, 0, _("libical could not read a calendar in the file"));
      return NULL;
    }
  if (icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      add_message (messages, 0, _("the file must hold exactly one VCALENDAR"));
      icalcomponent_free (root);
      return NULL;
    }
  collect_all_errors (root, vevent_lines, messages);

  return root;
}

/* The key a calendar program knows an event by */
static char *
event_key (icalcomponent *vevent)
{
  icalproperty *rid = icalcomponent_get_first_property (vevent, ICAL_RECURRENCEID_PROPERTY);

  return g_strconcat (icalcomponent_get_uid (vevent), "\x1f", rid ? icalproperty_get_value_as_string (rid) : "",
                      NULL);
}

static void
check_tzids (icalcomponent *vcalendar,
             icalcomponent *vevent,
             int            line,
             GPtrArray     *messages)
{
  for (icalproperty *prop = icalcomponent_get_first_property (vevent, ICAL_ANY_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (vevent, ICAL_ANY_PROPERTY))
    {
      icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
      const char *tzid = param ? icalparameter_get_tzid (param) : NULL;

      if (tzid != NULL && icalcomponent_get_timezone (vcalendar, tzid) == NULL)
        add_message (messages, line, _("%s: the file has no VTIMEZONE with TZID “%s”"),
                     icalproperty_get_property_name (prop), tzid);
    }
}

/**
 * paraat_exchange_validate_file:
 * @format: (out) (optional): what the file turned out to be
 * @n_events: (out) (optional): the number of VEVENTs
 * @messages: (element-type utf8): collects every problem, "line N: …"
 *   where the line is known
 *
 * Checks an exchange file without a database: for xCal the RELAX NG
 * schema, for .ics a strict libical parse with its RFC 5545 restriction
 * check; then for both the meaning of each VEVENT as an exercise (UID and
 * DTSTART present, DTEND after DTSTART, known time zones, Paraat's
 * values), unique UIDs (with RECURRENCE-ID) and a VTIMEZONE for each
 * TZID. A VEVENT with X-PARAAT-SOURCE is an imported calendar's event in
 * a merged export, not an exercise: only its UID and time zones are
 * checked.
 *
 * Returns: %TRUE when the check ran (the file is valid if @messages
 *   stayed empty), %FALSE if the file could not be read
 */
gboolean
paraat_exchange_validate_file (const char            *path,
                               ParaatExchangeFormat  *format,
                               guint                 *n_events,
                               GPtrArray             *messages,
                               GError               **error)
{
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (int));
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  ParaatExchangeFormat detected;
  guint index = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (messages != NULL, FALSE);

  if (n_events != NULL)
    *n_events = 0;
  vcalendar = paraat_exchange_load (path, &detected, lines, messages, &local_error);
  if (format != NULL)
    *format = detected;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (detected == PARAAT_EXCHANGE_FORMAT_XCAL)
    {
      g_autoptr(GPtrArray) schema_errors = g_ptr_array_new_with_free_func (g_free);

      if (!paraat_xcal_validate_schema (path, schema_errors, error))
        return FALSE;
      g_ptr_array_extend_and_steal (messages, g_steal_pointer (&schema_errors));
    }
  if (vcalendar == NULL)
    return TRUE;

  if (detected == PARAAT_EXCHANGE_FORMAT_ICS)
    {
      /* Adds X-LIC-ERROR properties where RFC 5545 is not met */
      icalrestriction_check (vcalendar);
      collect_all_errors (vcalendar, lines, messages);
    }

  for (icalcomponent *vevent = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL; vevent = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT), index++)
    {
      int line = index < lines->len ? g_array_index (lines, int, index) : 0;
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) event_error = NULL;
      g_autoptr(GObject) ex = NULL;
      const char *uid = icalcomponent_get_uid (vevent);

      if (paraat_ical_find_x (vevent, "X-PARAAT-SOURCE") == NULL)
        ex = (GObject *) paraat_ical_to_exercise (vevent, warnings, &event_error);
      if (event_error != NULL)
        add_message (messages, line, "%s", event_error->message);
      for (guint i = 0; i < warnings->len; i++)
        add_message (messages, line, "%s", (const char *) warnings->pdata[i]);
      check_tzids (vcalendar, vevent, line, messages);
      /* One series may have several VEVENTs, each with its RECURRENCE-ID */
      if (uid != NULL && *uid != '\0' && !g_hash_table_add (uids, event_key (vevent)))
        add_message (messages, line, _("%s: “%s” is used by another VEVENT too"), "UID", uid);
    }
  if (n_events != NULL)
    *n_events = index;

  return TRUE;
}

/* The sources' events for a merged export: each UID (and RECURRENCE-ID)
 * once; paraat_exchange_export_file() leaves out those with an
 * exercise's UID as it writes */
static GPtrArray *
list_source_vevents (ParaatStore  *store,
                     ParaatScope  *scope,
                     gint64        from_utc,
                     gint64        to_utc,
                     GError      **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) vevents = g_ptr_array_new_with_free_func ((GDestroyNotify) icalcomponent_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!(rows = paraat_store_list_source_raw (store, scope, from_utc, to_utc, error)))
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      ParaatSourceRaw *row = rows->pdata[i];
      icalcomponent *vevent = paraat_ical_vevent_from_source (row->raw, row->calendar, row->start_utc,
                                                              row->end_utc, row->imported_utc, row->cancelled);

      if (vevent == NULL)
        {
          g_warning ("An event of “%s” is not a VEVENT; left out of the export", row->calendar);
          continue;
        }
      if (!g_hash_table_add (seen, event_key (vevent)))
        {
          icalcomponent_free (vevent);
          continue;
        }
      g_ptr_array_add (vevents, vevent);
    }

  return g_steal_pointer (&vevents);
}

/* An export on its way: the file is written event by event, so that
 * memory does not grow with the store */
typedef struct
{
  GOutputStream    *out;
  ParaatXcalWriter *xcal;            /* NULL: iCalendar */
  GHashTable       *exercise_uids;   /* for a merged export: the UIDs written */
  guint             n_written;
} Export;

static gboolean
write_vevent (Export         *x,
              icalcomponent  *vevent,
              GError        **error)
{
  x->n_written++;
  if (x->xcal != NULL)
    {
      /* A write error stops the writer; paraat_xcal_writer_finish() says it */
      paraat_xcal_writer_add (x->xcal, vevent);
      return TRUE;
    }
  else
    {
      g_autofree char *text = icalcomponent_as_ical_string_r (vevent);

      return g_output_stream_write_all (x->out, text, strlen (text), NULL, NULL, error);
    }
}

static gboolean
on_export_exercise_cb (ParaatExercise  *exercise,
                       gpointer         user_data,
                       GError         **error)
{
  Export *x = user_data;
  g_autoptr(icalcomponent) vevent = paraat_ical_from_exercise (exercise);

  if (vevent == NULL)
    return TRUE;
  if (x->exercise_uids != NULL)
    g_hash_table_add (x->exercise_uids, g_strdup (paraat_exercise_get_uid (exercise)));

  return write_vevent (x, vevent, error);
}

#define VCALENDAR_END "END:VCALENDAR\r\n"

static gboolean
write_calendar (Export               *x,
                ParaatStore          *store,
                ParaatScope          *scope,
                gint64                from_utc,
                gint64                to_utc,
                ParaatExchangeFormat  format,
                ParaatExportFlags     flags,
                const char           *calname,
                GError              **error)
{
  g_autoptr(GPtrArray) vevents = NULL;
  g_autoptr(GStrvBuilder) zones = g_strv_builder_new ();
  g_autoptr(icalcomponent) head = NULL;
  g_auto(GStrv) exercise_zones = NULL;
  g_auto(GStrv) tzids = NULL;

  /* The zones come first in the file, so they are gathered first */
  if (!(exercise_zones = paraat_store_list_series_zones (store, scope, from_utc, to_utc, error)))
    return FALSE;
  g_strv_builder_addv (zones, (const char **) exercise_zones);
  if (flags & PARAAT_EXPORT_SOURCES)
    {
      if (!(vevents = list_source_vevents (store, scope, from_utc, to_utc, error)))
        return FALSE;
      for (guint i = 0; i < vevents->len; i++)
        paraat_ical_add_zones_of (zones, vevents->pdata[i]);
    }
  tzids = g_strv_builder_end (zones);
  head = paraat_ical_new_calendar_head (calname, (const char * const *) tzids);

  if (format == PARAAT_EXCHANGE_FORMAT_XCAL)
    {
      if (!(x->xcal = paraat_xcal_writer_new (x->out, error)))
        return FALSE;
      paraat_xcal_writer_begin_calendar (x->xcal, head);
    }
  else
    {
      g_autofree char *text = icalcomponent_as_ical_string_r (head);
      gsize len = strlen (text);

      g_assert (g_str_has_suffix (text, VCALENDAR_END));
      if (!g_output_stream_write_all (x->out, text, len - strlen (VCALENDAR_END), NULL, NULL, error))
        return FALSE;
    }

  if (!paraat_store_foreach_series (store, scope, from_utc, to_utc, on_export_exercise_cb, x, error))
    return FALSE;
  for (guint i = 0; vevents != NULL && i < vevents->len; i++)
    {
      icalcomponent *vevent = vevents->pdata[i];

      /* An exercise's UID is written once, as the exercise */
      if (!g_hash_table_contains (x->exercise_uids, icalcomponent_get_uid (vevent)) &&
          !write_vevent (x, vevent, error))
        return FALSE;
    }

  if (x->xcal != NULL)
    {
      paraat_xcal_writer_end_calendar (x->xcal);
      return paraat_xcal_writer_finish (g_steal_pointer (&x->xcal), error);
    }

  return g_output_stream_write_all (x->out, VCALENDAR_END, strlen (VCALENDAR_END), NULL, NULL, error);
}

/**
 * paraat_exchange_export_file:
 * @scope: whose exercises
 * @from_utc: (in): the period's start …
 * @to_utc: … and end (exclusive)
 * @flags: %PARAAT_EXPORT_SOURCES for a merged calendar
 * @calname: the calendar's name in the file (X-WR-CALNAME)
 * @n_exported: (out) (optional): how many VEVENTs (exercises or series,
 *   and imported events) were written
 *
 * Writes the stored exercises of a period, recurring ones as one series,
 * to @path as xCal or iCalendar. With %PARAAT_EXPORT_SOURCES, the events
 * of the visible calendar sources that paraat_store_list_source_events()
 * shows for the same period and scope follow, except removed ones, each
 * as the publisher wrote it with X-PARAAT-SOURCE naming its calendar
 * (paraat_ical_vevent_from_source()). A UID already written (an
 * exercise's, or the same event in a second source) is written once.
 *
 * The exercises are read and written one at a time, so memory does not
 * grow with the store (the sources' events, far fewer, are held). The
 * file is written beside @path, flushed to disk and renamed, so a failed
 * export leaves no half file and an old one intact.
 */
gboolean
paraat_exchange_export_file (ParaatStore           *store,
                             ParaatScope           *scope,
                             gint64                 from_utc,
                             gint64                 to_utc,
                             ParaatExchangeFormat   format,
                             ParaatExportFlags      flags,
                             const char            *calname,
                             const char            *path,
                             guint                 *n_exported,
                             GError               **error)
{
  g_autoptr(GHashTable) exercise_uids = NULL;
  g_autoptr(ParaatFileWriter) file = NULL;
  Export x = { 0 };
  gboolean ok;

  g_return_val_if_fail (format == PARAAT_EXCHANGE_FORMAT_ICS || format == PARAAT_EXCHANGE_FORMAT_XCAL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(file = paraat_file_writer_new (path, error)))
    return FALSE;
  exercise_uids = (flags & PARAAT_EXPORT_SOURCES) ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL)
                                                  : NULL;
  x.out = paraat_file_writer_get_stream (file);
  x.exercise_uids = exercise_uids;

  ok = write_calendar (&x, store, scope, from_utc, to_utc, format, flags, calname, error);
  g_clear_pointer (&x.xcal, paraat_xcal_writer_free);
  if (!ok || !paraat_file_writer_commit (g_steal_pointer (&file), error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = x.n_written;

  return TRUE;
}
