/* paraat-xcal.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes any icalcomponent tree as xCal (RFC 6321) with libxml2's
 * xmlTextWriter, straight into a GOutputStream, so an export never holds
 * a DOM. Value types follow RFC 6321 §3.6; X- properties, which libical
 * gives as untyped text, become <text> (the schema takes any content for
 * them). Also checks a file against data/schemas/xcal-rfc6321.rng, which
 * is compiled into the core's GResource.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "paraat-ical.h"
#include "paraat-xcal.h"

#define SCHEMA_RESOURCE "/io/github/paraat/Paraat/core/schemas/xcal-rfc6321.rng"

G_DEFINE_QUARK (paraat-xcal-error-quark, paraat_xcal_error)

/* The parts of a RECUR value, in the order RFC 6321 §3.6.10 (and the
 * schema) want them */
static const char * const recur_parts[] = {
  "FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
  "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST",
};

typedef struct
{
  xmlTextWriter *writer;
  GOutputStream *out;
  GError        *error;     /* from the stream, the first one */
  gboolean       failed;    /* any libxml2 call returned < 0 */
} Writer;

static int
on_output_write_cb (void       *context,
                    const char *buffer,
                    int         len)
{
  Writer *w = context;

  if (w->error != NULL)
    return -1;
  if (!g_output_stream_write_all (w->out, buffer, len, NULL, NULL, &w->error))
    return -1;

  return len;
}

static int
on_output_close_cb (void *context)
{
  return 0;
}

static void
check (Writer *w,
       int     rc)
{
  if (rc < 0)
    w->failed = TRUE;
}

static void
start (Writer     *w,
       const char *name)
{
  check (w, xmlTextWriterStartElement (w->writer, (const xmlChar *) name));
}

static void
end (Writer *w)
{
  check (w, xmlTextWriterEndElement (w->writer));
}

static void
element (Writer     *w,
         const char *name,
         const char *text)
{
  check (w, xmlTextWriterWriteElement (w->writer, (const xmlChar *) name, (const xmlChar *) (text ? text : "")));
}

/* Element names are the iCalendar names in lower case (RFC 6321 §3.1). */
static char *
xcal_name (const char *ical_name)
{
  return g_ascii_strdown (ical_name ? ical_name : "unknown", -1);
}

/* 20260329T013000Z → 2026-03-29T01:30:00Z, 20260329 → 2026-03-29 */
static char *
format_time (icaltimetype t)
{
  if (t.is_date)
    return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%s", t.year, t.month, t.day, t.hour, t.minute, t.second,
                          icaltime_is_utc (t) ? "Z" : "");
}

static void
time_element (Writer       *w,
              icaltimetype  t)
{
  g_autofree char *text = format_time (t);

  element (w, t.is_date ? "date" : "date-time", text);
}

static void
write_period (Writer               *w,
              struct icalperiodtype p)
{
  g_autofree char *from = format_time (p.start);

  start (w, "period");
  element (w, "start", from);
  if (!icaltime_is_null_time (p.end))
    {
      g_autofree char *to = format_time (p.end);

      element (w, "end", to);
    }
  else
    {
      g_autofree char *duration = icaldurationtype_as_ical_string_r (p.duration);

      element (w, "duration", duration);
    }
  end (w);
}

/* The UNTIL part as libical writes it (20261231T230000Z) in xCal form */
static char *
format_until (const char *text)
{
  icaltimetype t = icaltime_from_string (text);

  return icaltime_is_null_time (t) ? g_strdup (text) : format_time (t);
}

static void
write_recur (Writer                    *w,
             struct icalrecurrencetype *recur)
{
  g_autofree char *text = icalrecurrencetype_as_string_r (recur);
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ";", -1);

  start (w, "recur");
  for (guint i = 0; i < G_N_ELEMENTS (recur_parts); i++)
    {
      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_auto(GStrv) pair = g_strsplit (parts[j], "=", 2);
          g_autofree char *name = NULL;
          g_auto(GStrv) values = NULL;

          if (pair[0] == NULL || pair[1] == NULL || g_ascii_strcasecmp (pair[0], recur_parts[i]) != 0)
            continue;
          name = xcal_name (pair[0]);
          if (i == 1)
            {
              g_autofree char *until = format_until (pair[1]);

              element (w, name, until);
              continue;
            }
          /* A list becomes one element per item (RFC 6321 §3.6.10). */
          values = g_strsplit (pair[1], ",", -1);
          for (guint k = 0; values[k] != NULL; k++)
            element (w, name, values[k]);
        }
    }
  end (w);
}

static void
write_utc_offset (Writer *w,
                  int     seconds)
{
  char text[16];
  int s = ABS (seconds);

  if (s % 60 != 0)
    g_snprintf (text, sizeof text, "%c%02d:%02d:%02d", seconds < 0 ? '-' : '+', s / 3600, s / 60 % 60, s % 60);
  else
    g_snprintf (text, sizeof text, "%c%02d:%02d", seconds < 0 ? '-' : '+', s / 3600, s / 60 % 60);
  element (w, "utc-offset", text);
}

static void
write_value (Writer       *w,
             icalproperty *prop)
{
  icalvalue *value = icalproperty_get_value (prop);

  if (value == NULL)
    {
      element (w, "text", "");
      return;
    }

  switch (icalvalue_isa (value))
    {
    case ICAL_TEXT_VALUE:
      element (w, "text", icalvalue_get_text (value));
      break;

    case ICAL_X_VALUE:
      element (w, "text", icalvalue_get_x (value));
      break;

    case ICAL_DATE_VALUE:
    case ICAL_DATETIME_VALUE:
      time_element (w, icalvalue_get_datetime (value));
      break;

    case ICAL_DATETIMEPERIOD_VALUE:
      {
        struct icaldatetimeperiodtype dtp = icalvalue_get_datetimeperiod (value);

        if (!icaltime_is_null_time (dtp.time))
          time_element (w, dtp.time);
        else
          write_period (w, dtp.period);
      }
      break;

    case ICAL_PERIOD_VALUE:
      write_period (w, icalvalue_get_period (value));
      break;

    case ICAL_DURATION_VALUE:
      {
        g_autofree char *text = icaldurationtype_as_ical_string_r (icalvalue_get_duration (value));

        element (w, "duration", text);
      }
      break;

    case ICAL_INTEGER_VALUE:
      check (w, xmlTextWriterWriteFormatElement (w->writer, (const xmlChar *) "integer", "%d",
                                                 icalvalue_get_integer (value)));
      break;

    case ICAL_FLOAT_VALUE:
      {
        char text[G_ASCII_DTOSTR_BUF_SIZE];

        element (w, "float", g_ascii_dtostr (text, sizeof text, icalvalue_get_float (value)));
      }
      break;

    case ICAL_BOOLEAN_VALUE:
      element (w, "boolean", icalvalue_get_boolean (value) ? "true" : "false");
      break;

    case ICAL_UTCOFFSET_VALUE:
      write_utc_offset (w, icalvalue_get_utcoffset (value));
      break;

    case ICAL_URI_VALUE:
      element (w, "uri", icalvalue_get_uri (value));
      break;

    case ICAL_CALADDRESS_VALUE:
      element (w, "cal-address", icalvalue_get_caladdress (value));
      break;

    case ICAL_RECUR_VALUE:
      {
        struct icalrecurrencetype recur = icalvalue_get_recur (value);

        write_recur (w, &recur);
      }
      break;

    case ICAL_GEO_VALUE:
      {
        struct icalgeotype geo = icalvalue_get_geo (value);
        char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

        /* No value element: the parts sit in <geo> itself (RFC 6321
         * §3.4.1.2). Six decimals, as libical writes GEO in .ics. */
        element (w, "latitude", g_ascii_formatd (lat, sizeof lat, "%.6f", geo.lat));
        element (w, "longitude", g_ascii_formatd (lon, sizeof lon, "%.6f", geo.lon));
      }
      break;

    case ICAL_BINARY_VALUE:
      element (w, "binary", icalvalue_get_binary (value));
      break;

    case ICAL_ATTACH_VALUE:
      {
        icalattach *attach = icalvalue_get_attach (value);

        if (attach != NULL && icalattach_get_is_url (attach))
          element (w, "uri", icalattach_get_url (attach));
        else
          element (w, "binary", attach ? (const char *) icalattach_get_data (attach) : "");
      }
      break;

    case ICAL_REQUESTSTATUS_VALUE:
      {
        struct icalreqstattype rs = icalvalue_get_requeststatus (value);
        g_autofree char *code = g_strdup_printf ("%d.%d", icalenum_reqstat_major (rs.code),
                                                 icalenum_reqstat_minor (rs.code));

        start (w, "code");
        check (w, xmlTextWriterWriteString (w->writer, (const xmlChar *) code));
        end (w);
        element (w, "description", rs.desc ? rs.desc : icalenum_reqstat_desc (rs.code));
        if (rs.debug != NULL)
          element (w, "data", rs.debug);
      }
      break;

    /* STATUS, CLASS, METHOD, ACTION, TRANSP…: libical's enums of text values */
    case ICAL_ACTION_VALUE:
    case ICAL_BUSYTYPE_VALUE:
    case ICAL_CARLEVEL_VALUE:
    case ICAL_CLASS_VALUE:
    case ICAL_CMD_VALUE:
    case ICAL_METHOD_VALUE:
    case ICAL_POLLCOMPLETION_VALUE:
    case ICAL_POLLMODE_VALUE:
    case ICAL_QUERYLEVEL_VALUE:
    case ICAL_STATUS_VALUE:
    case ICAL_TASKMODE_VALUE:
    case ICAL_TRANSP_VALUE:
    case ICAL_QUERY_VALUE:
    case ICAL_STRING_VALUE:
    case ICAL_XLICCLASS_VALUE:
    case ICAL_DATETIMEDATE_VALUE:
    case ICAL_TRIGGER_VALUE:
    case ICAL_NO_VALUE:
    case ICAL_ANY_VALUE:
    default:
      {
        /* A TRIGGER is a duration or a date-time */
        if (icalvalue_isa (value) == ICAL_TRIGGER_VALUE)
          {
            struct icaltriggertype trigger = icalvalue_get_trigger (value);

            if (!icaltime_is_null_time (trigger.time))
              time_element (w, trigger.time);
            else
              {
                g_autofree char *text = icaldurationtype_as_ical_string_r (trigger.duration);

                element (w, "duration", text);
              }
            break;
          }
        {
          g_autofree char *text = icalvalue_as_ical_string_r (value);

          element (w, "text", text);
        }
      }
      break;
    }
}

/* RFC 6321 §3.5: most parameters are text; these few are not. (Not a
 * switch: -Wswitch-enum would want all 50 of libical's kinds.) */
static const char *
parameter_value_type (icalparameter_kind kind)
{
  if (kind == ICAL_ALTREP_PARAMETER || kind == ICAL_DIR_PARAMETER)
    return "uri";
  if (kind == ICAL_DELEGATEDFROM_PARAMETER || kind == ICAL_DELEGATEDTO_PARAMETER ||
      kind == ICAL_MEMBER_PARAMETER || kind == ICAL_SENTBY_PARAMETER)
    return "cal-address";
  if (kind == ICAL_RSVP_PARAMETER)
    return "boolean";

  return "text";
}

/* A parameter's value without the quotes libical puts around some */
static char *
parameter_value (icalparameter *param)
{
  g_autofree char *text = icalparameter_as_ical_string_r (param);
  const char *eq = text ? strchr (text, '=') : NULL;
  g_autofree char *value = g_strdup (eq ? eq + 1 : "");
  gsize len = strlen (value);

  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    return g_strndup (value + 1, len - 2);

  return g_steal_pointer (&value);
}

static void
write_property (Writer       *w,
                icalproperty *prop)
{
  icalproperty_kind kind = icalproperty_isa (prop);
  g_autofree char *name = xcal_name (kind == ICAL_X_PROPERTY ? icalproperty_get_x_name (prop)
                                                             : icalproperty_kind_to_string (kind));
  gboolean have_parameters = FALSE;

  start (w, name);
  for (icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_ANY_PARAMETER); param != NULL;
       param = icalproperty_get_next_parameter (prop, ICAL_ANY_PARAMETER))
    {
      icalparameter_kind pkind = icalparameter_isa (param);
      g_autofree char *pname = NULL;
      g_autofree char *pvalue = NULL;
      const char *type = parameter_value_type (pkind);
      g_auto(GStrv) values = NULL;

      /* The value element itself says the type (RFC 6321 §3.4). */
      if (pkind == ICAL_VALUE_PARAMETER)
        continue;
      if (!have_parameters)
        {
          start (w, "parameters");
          have_parameters = TRUE;
        }
      pname = xcal_name (pkind == ICAL_X_PARAMETER ? icalparameter_get_xname (param)
                                                   : icalparameter_kind_to_string (pkind));
      pvalue = parameter_value (param);
      start (w, pname);
      if (g_str_equal (type, "cal-address"))
        {
          /* MEMBER and the DELEGATED ones are lists of quoted addresses */
          values = g_strsplit (pvalue, ",", -1);
          for (guint i = 0; values[i] != NULL; i++)
            {
              g_autofree char *one = g_strdup (g_strstrip (values[i]));
              gsize len = strlen (one);

              if (len >= 2 && one[0] == '"' && one[len - 1] == '"')
                {
                  one[len - 1] = '\0';
                  element (w, type, one + 1);
                }
              else
                element (w, type, one);
            }
        }
      else if (g_str_equal (type, "boolean"))
        {
          g_autofree char *lower = g_ascii_strdown (pvalue, -1);

          element (w, type, lower);
        }
      else
        element (w, type, pvalue);
      end (w);
    }
  if (have_parameters)
    end (w);

  write_value (w, prop);
  end (w);
}

static void
write_component (Writer        *w,
                 icalcomponent *comp)
{
  icalcomponent_kind kind = icalcomponent_isa (comp);
  g_autofree char *name = xcal_name (icalcomponent_kind_to_string (kind));
  icalcomponent *child;

  start (w, name);
  start (w, "properties");
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    write_property (w, prop);
  end (w);

  if ((child = icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT)) != NULL)
    {
      start (w, "components");
      /* Each component keeps its own iterator, so recursing is safe. */
      for (; child != NULL; child = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
        write_component (w, child);
      end (w);
    }
  end (w);
}

struct _ParaatXcalWriter
{
  Writer w;
};

/**
 * paraat_xcal_writer_new:
 * @out: where to write; not closed
 *
 * Starts an xCal document: <icalendar> in the RFC 6321 namespace,
 * indented two spaces. Write calendars into it with
 * paraat_xcal_writer_add() or paraat_xcal_writer_begin_calendar(), then
 * paraat_xcal_writer_finish().
 *
 * Returns: (transfer full): the writer, or %NULL if libxml2 could not
 *   start
 */
ParaatXcalWriter *
paraat_xcal_writer_new (GOutputStream  *out,
                        GError        **error)
{
  ParaatXcalWriter *self;
  xmlOutputBuffer *buffer;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);

  self = g_new0 (ParaatXcalWriter, 1);
  self->w.out = out;
  buffer = xmlOutputBufferCreateIO (on_output_write_cb, on_output_close_cb, &self->w, NULL);
  if (buffer == NULL || (self->w.writer = xmlNewTextWriter (buffer)) == NULL)
    {
      if (buffer != NULL)
        xmlOutputBufferClose (buffer);
      g_free (self);
      g_set_error (error, PARAAT_XCAL_ERROR, PARAAT_XCAL_ERROR_WRITE, "Could not start the XML writer");
      return NULL;
    }
  check (&self->w, xmlTextWriterSetIndent (self->w.writer, 1));
  check (&self->w, xmlTextWriterSetIndentString (self->w.writer, (const xmlChar *) "  "));
  check (&self->w, xmlTextWriterStartDocument (self->w.writer, NULL, "UTF-8", NULL));
  check (&self->w, xmlTextWriterStartElementNS (self->w.writer, NULL, (const xmlChar *) "icalendar",
                                                (const xmlChar *) PARAAT_XCAL_NAMESPACE));

  return self;
}

/**
 * paraat_xcal_writer_add:
 * @component: a component, with all it holds
 *
 * Writes @component: a whole VCALENDAR into the document, or a VEVENT
 * into the calendar paraat_xcal_writer_begin_calendar() opened.
 */
void
paraat_xcal_writer_add (ParaatXcalWriter *self,
                        icalcomponent    *component)
{
  g_return_if_fail (self != NULL && component != NULL);

  write_component (&self->w, component);
}

/**
 * paraat_xcal_writer_begin_calendar:
 * @vcalendar: a VCALENDAR's head: its properties, and components such as
 *   the VTIMEZONEs that come before the events
 *
 * Opens a <vcalendar> with what @vcalendar holds and leaves its
 * <components> open for paraat_xcal_writer_add(), so that an export
 * writes its events one at a time. Close it with
 * paraat_xcal_writer_end_calendar().
 */
void
paraat_xcal_writer_begin_calendar (ParaatXcalWriter *self,
                                   icalcomponent    *vcalendar)
{
  Writer *w = &self->w;

  g_return_if_fail (self != NULL && vcalendar != NULL);

  start (w, "vcalendar");
  start (w, "properties");
  for (icalproperty *prop = icalcomponent_get_first_property (vcalendar, ICAL_ANY_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (vcalendar, ICAL_ANY_PROPERTY))
    write_property (w, prop);
  end (w);
  start (w, "components");
  for (icalcomponent *child = icalcomponent_get_first_component (vcalendar, ICAL_ANY_COMPONENT); child != NULL;
       child = icalcomponent_get_next_component (vcalendar, ICAL_ANY_COMPONENT))
    write_component (w, child);
}

void
paraat_xcal_writer_end_calendar (ParaatXcalWriter *self)
{
  g_return_if_fail (self != NULL);

  end (&self->w);  /* components */
  end (&self->w);  /* vcalendar */
}

/**
 * paraat_xcal_writer_finish:
 *
 * Closes the document and frees the writer.
 *
 * Returns: %FALSE if anything could not be written
 */
gboolean
paraat_xcal_writer_finish (ParaatXcalWriter  *self,
                           GError           **error)
{
  Writer *w = &self->w;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  check (w, xmlTextWriterEndDocument (w->writer));
  check (w, xmlTextWriterFlush (w->writer));
  xmlFreeTextWriter (w->writer);
  w->writer = NULL;

  if (w->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->error));
      ok = FALSE;
    }
  else if (w->failed)
    {
      g_set_error (error, PARAAT_XCAL_ERROR, PARAAT_XCAL_ERROR_WRITE, "libxml2 could not write the xCal document");
      ok = FALSE;
    }
  g_free (self);

  return ok;
}

/* A writer given up on (an export that failed half-way) */
void
paraat_xcal_writer_free (ParaatXcalWriter *self)
{
  if (self == NULL)
    return;
  if (self->w.writer != NULL)
    xmlFreeTextWriter (self->w.writer);
  g_clear_error (&self->w.error);
  g_free (self);
}

/**
 * paraat_xcal_write_component:
 * @component: a VCALENDAR, or an XROOT holding several
 * @out: where to write; not closed
 *
 * Writes an xCal document: <icalendar> in the RFC 6321 namespace with
 * one <vcalendar> per calendar, indented two spaces.
 */
gboolean
paraat_xcal_write_component (icalcomponent  *component,
                             GOutputStream  *out,
                             GError        **error)
{
  ParaatXcalWriter *writer;

  g_return_val_if_fail (component != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (!(writer = paraat_xcal_writer_new (out, error)))
    return FALSE;
  if (icalcomponent_isa (component) == ICAL_XROOT_COMPONENT)
    {
      for (icalcomponent *c = icalcomponent_get_first_component (component, ICAL_VCALENDAR_COMPONENT);
           c != NULL; c = icalcomponent_get_next_component (component, ICAL_VCALENDAR_COMPONENT))
        paraat_xcal_writer_add (writer, c);
    }
  else
    paraat_xcal_writer_add (writer, component);

  return paraat_xcal_writer_finish (writer, error);
}

/**
 * paraat_export_xcal:
 * @exercises: (element-type ParaatExercise): stored exercises, not
 *   occurrences (see paraat_store_list_series())
 * @calname: (nullable): the calendar's name (X-WR-CALNAME)
 * @out: where to write; not closed
 *
 * The same calendar as paraat_export_ics(), as xCal.
 */
gboolean
paraat_export_xcal (GPtrArray      *exercises,
                    const char     *calname,
                    GOutputStream  *out,
                    GError        **error)
{
  g_autoptr(icalcomponent) vcalendar = NULL;

  g_return_val_if_fail (exercises != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  vcalendar = paraat_ical_new_calendar (exercises, calname);

  return paraat_xcal_write_component (vcalendar, out, error);
}

/* Validation */

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  GPtrArray *errors = user_data;
  g_autofree char *message = g_strdup (xml_error->message ? xml_error->message : "");

  g_strchomp (message);
  if (xml_error->line > 0)
    /* Translators: a line number, then libxml2's message (in English) */
    g_ptr_array_add (errors, g_strdup_printf (_("line %d: %s"), xml_error->line, message));
  else
    g_ptr_array_add (errors, g_steal_pointer (&message));
}

static void
on_schema_error_cb (void        *user_data,
                    xmlErrorPtr  xml_error)
{
  GString *text = user_data;

  g_string_append_printf (text, "%s%s", text->len ? "; " : "", xml_error->message ? xml_error->message : "");
}

static xmlRelaxNG *
load_schema (GError **error)
{
  static xmlRelaxNG *schema;
  static GMutex lock;
  xmlRelaxNG *result;

  g_mutex_lock (&lock);
  if (schema == NULL)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      g_autoptr(GString) messages = g_string_new (NULL);

      if (bytes != NULL)
        {
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);
          xmlRelaxNGParserCtxt *ctxt = xmlRelaxNGNewMemParserCtxt (data, size);

          xmlRelaxNGSetParserStructuredErrors (ctxt, on_schema_error_cb, messages);
          schema = xmlRelaxNGParse (ctxt);
          xmlRelaxNGFreeParserCtxt (ctxt);
          if (schema == NULL)
            g_set_error (error, PARAAT_XCAL_ERROR, PARAAT_XCAL_ERROR_SCHEMA,
                         "The xCal schema could not be loaded: %s", messages->str);
        }
    }
  result = schema;
  g_mutex_unlock (&lock);

  return result;
}

/**
 * paraat_xcal_validate_schema:
 * @path: an xCal file
 * @errors: (element-type utf8): collects what is wrong, each message
 *   starting with "line N: " where libxml2 knows the line
 *
 * Checks that @path is well-formed XML that the RELAX NG schema for
 * RFC 6321 accepts. The file is read without network access, a DTD or
 * entity substitution. It says nothing about the calendar's meaning (see
 * paraat_exchange_validate_file()).
 *
 * Returns: %TRUE when the check ran (the file is valid if @errors stayed
 *   empty), %FALSE if the file or the schema could not be read
 */
gboolean
paraat_xcal_validate_schema (const char  *path,
                             GPtrArray   *errors,
                             GError     **error)
{
  xmlRelaxNG *schema;
  xmlParserCtxt *parser;
  xmlDoc *doc;
  xmlRelaxNGValidCtxt *valid;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  if (!(schema = load_schema (error)))
    return FALSE;
  /* Read it ourselves, so that a missing file is an I/O error and not
   * one more line in @errors. */
  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  if (length > G_MAXINT)
    {
      g_set_error (error, PARAAT_XCAL_ERROR, PARAAT_XCAL_ERROR_READ, _("“%s” is too large"), path);
      return FALSE;
    }

  parser = xmlNewParserCtxt ();
  xmlSetStructuredErrorFunc (errors, on_xml_error_cb);
  doc = xmlCtxtReadMemory (parser, contents, (int) length, path, NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  xmlFreeParserCtxt (parser);
  if (doc == NULL)
    {
      if (errors->len == 0)
        g_ptr_array_add (errors, g_strdup (_("not a well-formed XML document")));
      return TRUE;
    }

  valid = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (valid, on_xml_error_cb, errors);
  if (xmlRelaxNGValidateDoc (valid, doc) != 0 && errors->len == 0)
    g_ptr_array_add (errors, g_strdup (_("the document does not match the xCal schema")));
  xmlRelaxNGFreeValidCtxt (valid);
  xmlFreeDoc (doc);

  return TRUE;
}
