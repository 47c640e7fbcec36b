/* paraat-xcal-reader.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * xCal (RFC 6321) read with libxml2's xmlTextReader and mapped onto
 * libical, one component at a time.
 *
 * libxml2 never opens anything itself: it reads through read_cb(), which
 * takes bytes from a ParaatInput (counted against the size limit, gzip
 * refused) and scans them before libxml2 sees them (paraat_xml_scan(),
 * in paraat-xml-scan.c), so a DOCTYPE is refused before its entities are
 * even declared and a tag with thousands of attributes before libxml2
 * compares them pairwise. The input must be UTF-8 (encoding declarations
 * are ignored), which keeps that scan exact. No XML_PARSE_NOENT,
 * XML_PARSE_DTDLOAD or XML_PARSE_HUGE: libxml2 keeps its own limits
 * (10 MB per text node, depth 256) under ours. A reader-level check
 * refuses a DOCTYPE node and entity references too, and an external
 * entity loader refuses every load while a read is going on, in case
 * anything slips through.
 *
 * The mapping keeps one frame per open element. A property is built when
 * its element ends: parameters first, then one icalproperty per value
 * (libical splits CATEGORIES, EXDATE and the like in the same way), with
 * a VALUE parameter where the type is not the property's default.
 *
 * The tapes that carry a VEVENT's nodes from the reading thread to
 * another, and the replays that map them there, are in
 * paraat-xcal-tape.c.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>

#include "paraat-calendar-reader-private.h"
#include "paraat-xcal-reader-private.h"

#define XCAL_NS "urn:ietf:params:xml:ns:icalendar-2.0"

static const char * const value_type_names[] = {
  [VT_NONE] = "",
  [VT_TEXT] = "text",
  [VT_DATE] = "date",
  [VT_DATE_TIME] = "date-time",
  [VT_DURATION] = "duration",
  [VT_PERIOD] = "period",
  [VT_RECUR] = "recur",
  [VT_UTC_OFFSET] = "utc-offset",
  [VT_INTEGER] = "integer",
  [VT_FLOAT] = "float",
  [VT_BOOLEAN] = "boolean",
  [VT_CAL_ADDRESS] = "cal-address",
  [VT_URI] = "uri",
  [VT_BINARY] = "binary",
  [VT_TIME] = "time",
  [VT_UNKNOWN] = "unknown",
  [VT_LATITUDE] = "latitude",
  [VT_LONGITUDE] = "longitude",
  [VT_CODE] = "code",
  [VT_DESCRIPTION] = "description",
  [VT_DATA] = "data",
};

/* The parts of <recur>, in RFC order, with how many values libical keeps. */
static const struct
{
  const char *name;
  const char *upper;
  gsize       max;
} recur_parts[] = {
  { "freq", "FREQ", 1 },
  { "until", "UNTIL", 1 },
  { "count", "COUNT", 1 },
  { "interval", "INTERVAL", 1 },
  { "bysecond", "BYSECOND", ICAL_BY_SECOND_SIZE - 1 },
  { "byminute", "BYMINUTE", ICAL_BY_MINUTE_SIZE - 1 },
  { "byhour", "BYHOUR", ICAL_BY_HOUR_SIZE - 1 },
  { "byday", "BYDAY", ICAL_BY_DAY_SIZE - 1 },
  { "bymonthday", "BYMONTHDAY", ICAL_BY_MONTHDAY_SIZE - 1 },
  { "byyearday", "BYYEARDAY", ICAL_BY_YEARDAY_SIZE - 1 },
  { "byweekno", "BYWEEKNO", ICAL_BY_WEEKNO_SIZE - 1 },
  { "bymonth", "BYMONTH", ICAL_BY_MONTH_SIZE - 1 },
  { "bysetpos", "BYSETPOS", ICAL_BY_SETPOS_SIZE - 1 },
  { "wkst", "WKST", 1 },
};

/* A property's or a parameter's element name, upper-case, and its kind */
typedef struct
{
  int   kind;  /* icalproperty_kind or icalparameter_kind */
  char *upper;
} NameInfo;

static NameSlot *
name_slot (NameTable     *names,
           const xmlChar *name)
{
  return &names->slots[(guint) (((guint64) (guintptr) name * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 59)];
}

/* Whether @name is in @names; its value in *@value */
static gboolean
name_table_lookup (NameTable     *names,
                   const xmlChar *name,
                   gpointer      *value)
{
  NameSlot *slot = name_slot (names, name);

  if (slot->name == name && name != NULL)
    {
      *value = slot->value;
      return TRUE;
    }
  if (!g_hash_table_lookup_extended (names->table, name, NULL, value))
    return FALSE;
  slot->name = name;
  slot->value = *value;

  return TRUE;
}

static void
name_table_insert (NameTable     *names,
                   const xmlChar *name,
                   gpointer       value)
{
  NameSlot *slot = name_slot (names, name);

  g_hash_table_insert (names->table, (gpointer) name, value);
  slot->name = name;
  slot->value = value;
}

static GPrivate current_reader = G_PRIVATE_INIT (NULL);
static xmlExternalEntityLoader default_loader;

/* Errors */

static gboolean
fail (XcalReader *self,
      int         code,
      int         line,
      const char *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (XcalReader *self,
      int         code,
      int         line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (self->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  paraat_reader_set_error (&self->error, code, self->name, line, "%s", message);

  return FALSE;
}

static void
on_xml_error_cb (void        *user_data,
                 xmlErrorPtr  err)
{
  XcalReader *self = user_data;

  if (err == NULL || err->level < XML_ERR_ERROR || self->xml_message != NULL)
    return;

  self->xml_code = err->code;
  self->xml_line = err->line;
  /* libxml2 adds a second line with the bytes around the problem. */
  self->xml_message = g_strdup (err->message != NULL ? err->message : "");
  self->xml_message[strcspn (self->xml_message, "\n")] = '\0';
  g_strstrip (self->xml_message);
}

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  XcalReader *self = g_private_get (&current_reader);

  if (self == NULL)
    return default_loader (url, id, ctxt);

  if (!self->external_refused)
    {
      self->external_refused = TRUE;
      self->external_url = g_strdup (url != NULL ? url : (id != NULL ? id : ""));
    }

  return NULL;
}

void
paraat_xcal_reader_ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      default_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

/* Turns libxml2's first error (or ours from the input) into the GError. */
static void
set_xml_error (XcalReader *self)
{
  int line = self->xml_line > 0 ? self->xml_line : xmlTextReaderGetParserLineNumber (self->reader);
  int code = self->xml_code;
  g_autofree char *detail = paraat_reader_shorten (self->xml_message);

  if (self->error != NULL)
    return;
  if (self->in->error != NULL)
    {
      self->error = g_steal_pointer (&self->in->error);
      return;
    }
  if (self->external_refused)
    {
      g_autofree char *url = paraat_reader_shorten (self->external_url);

      fail (self, PARAAT_READER_ERROR_DOCTYPE, line,
            /* Translators: %s is a URL or file name from the file */
            _("the file refers to an external entity “%s”; Paraat never loads other files or "
              "anything from the network while importing"), url);
      return;
    }

  if (code == XML_ERR_INVALID_CHAR || code == XML_ERR_INVALID_ENCODING
      || code == XML_ERR_UNKNOWN_ENCODING || code == XML_ERR_UNSUPPORTED_ENCODING
      || (code >= XML_I18N_NO_NAME && code <= XML_I18N_NO_OUTPUT))
    fail (self, PARAAT_READER_ERROR_ENCODING, line,
          /* Translators: %s is libxml2's own (English) description */
          _("the text is not valid UTF-8 or has a character XML does not allow (%s); save the "
            "file as UTF-8 and import it again"), detail);
  else if ((code >= XML_ERR_ENTITYREF_AT_EOF && code <= XML_ERR_ENTITY_IS_PARAMETER)
           || code == XML_ERR_ENTITY_NOT_STARTED || code == XML_ERR_ENTITY_NOT_FINISHED
           || (code >= XML_ERR_ENTITY_CHAR_ERROR && code <= XML_ERR_ENTITY_BOUNDARY)
           || code == XML_ERR_ENTITY_PROCESSING)
    fail (self, PARAAT_READER_ERROR_DOCTYPE, line,
          /* Translators: %s is libxml2's own (English) description */
          _("the file uses entities (%s); xCal needs none, and Paraat refuses them"), detail);
  else if (code == XML_ERR_NO_MEMORY || code == XML_ERR_NAME_TOO_LONG)
    fail (self, PARAAT_READER_ERROR_TOO_LONG, line,
          /* Translators: %s is libxml2's own (English) description */
          _("a name or value is too long to import (%s)"), detail);
  else if (code == XML_ERR_INTERNAL_ERROR && strstr (detail, "depth") != NULL)
    fail (self, PARAAT_READER_ERROR_DEPTH, line,
          /* Translators: %u is the limit */
          _("elements are nested more than %u deep"), self->limits->max_depth);
  else if (code == XML_ERR_TAG_NOT_FINISHED || code == XML_ERR_DOCUMENT_EMPTY
           || code == XML_ERR_DOCUMENT_END)
    fail (self, PARAAT_READER_ERROR_SYNTAX, line,
          /* Translators: %s is libxml2's own (English) description */
          _("the XML ends too early or goes on after its end (%s); the file may be truncated, "
            "so copy or export it again"), detail);
  else
    fail (self, PARAAT_READER_ERROR_SYNTAX, line,
          /* Translators: %s is libxml2's own (English) description */
          _("the XML is not well-formed: %s"), detail);
}

/* Input */

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  XcalReader *self = context;
  gssize n;

  if (len <= 0)
    return 0;

  n = paraat_input_read (self->in, buffer, len);
  if (n < 0)
    return -1;
  if (!paraat_xml_scan (&self->scan, (const guint8 *) buffer, n, self->name, &self->in->error))
    return -1;

  return (int) n;
}

/* Names */

static ValueType
lookup_value_type (XcalReader    *self,
                   const xmlChar *name)
{
  gpointer found;
  ValueType type = VT_NONE;

  if (name_table_lookup (&self->value_types, name, &found))
    return GPOINTER_TO_INT (found) - 1;

  for (guint i = VT_TEXT; i < G_N_ELEMENTS (value_type_names); i++)
    {
      if (strcmp ((const char *) name, value_type_names[i]) == 0)
        {
          type = i;
          break;
        }
    }
  name_table_insert (&self->value_types, name, GINT_TO_POINTER (type + 1));

  return type;
}

static void
name_info_free (gpointer data)
{
  NameInfo *info = data;

  g_free (info->upper);
  g_free (info);
}

/* Made once per name: libxml2 interns them. A property libical does not
 * know is an X- one. */
static const NameInfo *
lookup_name (NameTable     *infos,
             const xmlChar *name,
             gboolean       is_property)
{
  gpointer found;
  NameInfo *info;

  if (name_table_lookup (infos, name, &found))
    return found;

  info = g_new0 (NameInfo, 1);
  info->upper = g_ascii_strup ((const char *) name, -1);
  if (is_property)
    {
      icalproperty_kind kind = icalproperty_string_to_kind (info->upper);

      info->kind = kind == ICAL_NO_PROPERTY || kind == ICAL_ANY_PROPERTY ? ICAL_X_PROPERTY : kind;
    }
  else
    info->kind = icalparameter_string_to_kind (info->upper);
  name_table_insert (infos, name, info);

  return info;
}

/* Frames */

/* The innermost component frame (the <vcalendar> one at the least). */
static Frame *
component_frame (XcalReader *self)
{
  for (guint i = self->n_frames; i > 0; i--)
    {
      Frame *frame = &self->frames[i - 1];

      if (frame->kind == FRAME_COMPONENT)
        return frame;
    }
  g_assert_not_reached ();
}

/* The component right inside <vcalendar> that everything counts against. */
static Frame *
top_component_frame (XcalReader *self)
{
  for (guint i = 0; i < self->n_frames; i++)
    {
      Frame *frame = &self->frames[i];

      if (frame->kind == FRAME_COMPONENT && frame->top)
        return frame;
    }

  return NULL;
}

static gboolean
count_item (XcalReader *self,
            int         line)
{
  Frame *top = top_component_frame (self);

  /* The VCALENDAR's properties themselves are counted by the sink. */
  if (top == NULL && ++self->calendar_items > self->limits->max_properties)
    return fail (self, PARAAT_READER_ERROR_TOO_MANY, line,
                 /* Translators: the component (VEVENT), then the limit */
                 _("%s has more than %u properties, parameters and values"), "VCALENDAR",
                 self->limits->max_properties);
  if (top == NULL)
    return TRUE;
  if (++top->n_items > self->limits->max_properties)
    return fail (self, PARAAT_READER_ERROR_TOO_MANY, line,
                 /* Translators: the component (VEVENT), then the limit */
                 _("%s has more than %u properties, parameters and values"),
                 icalcomponent_kind_to_string (icalcomponent_isa (top->comp)),
                 self->limits->max_properties);

  return TRUE;
}

void
paraat_xcal_reader_clear_property (XcalReader *self)
{
  g_clear_pointer (&self->prop, icalproperty_free);
  if (self->values != NULL)
    g_ptr_array_set_size (self->values, 0);
  g_string_truncate (self->x_text, 0);
  self->prop_name = NULL;
  self->has_lat = self->has_lon = FALSE;
  g_clear_pointer (&self->rs_code, g_free);
  g_clear_pointer (&self->rs_desc, g_free);
  g_clear_pointer (&self->rs_data, g_free);
  g_clear_pointer (&self->period_start, g_free);
  g_clear_pointer (&self->period_end, g_free);
  g_clear_pointer (&self->period_duration, g_free);
}

/* Values */

static gboolean
parse_digits (const char *s,
              int         n,
              int        *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;

  return TRUE;
}

/* YYYY-MM-DD */
static gboolean
parse_date (const char          *s,
            struct icaltimetype *t)
{
  *t = icaltime_null_time ();
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-'
      || !parse_digits (s, 4, &t->year) || !parse_digits (s + 5, 2, &t->month)
      || !parse_digits (s + 8, 2, &t->day))
    return FALSE;
  t->is_date = 1;

  return t->year >= 1 && t->month >= 1 && t->month <= 12 && t->day >= 1
         && t->day <= icaltime_days_in_month (t->month, t->year);
}

/* YYYY-MM-DDThh:mm:ss, with Z for UTC */
static gboolean
parse_date_time (const char          *s,
                 struct icaltimetype *t)
{
  gsize len = strlen (s);
  char date[11];

  if ((len != 19 && len != 20) || s[10] != 'T' || s[13] != ':' || s[16] != ':'
      || (len == 20 && s[19] != 'Z'))
    return FALSE;
  memcpy (date, s, 10);
  date[10] = '\0';
  if (!parse_date (date, t))
    return FALSE;
  t->is_date = 0;
  if (!parse_digits (s + 11, 2, &t->hour) || !parse_digits (s + 14, 2, &t->minute)
      || !parse_digits (s + 17, 2, &t->second))
    return FALSE;
  if (len == 20)
    t->zone = icaltimezone_get_utc_timezone ();

  return t->hour <= 23 && t->minute <= 59 && t->second <= 60;
}

/* ±hh:mm or ±hh:mm:ss, in seconds */
static gboolean
parse_utc_offset (const char *s,
                  int        *seconds)
{
  gsize len = strlen (s);
  int h, m, sec = 0;

  if ((len != 6 && len != 9) || (s[0] != '+' && s[0] != '-') || s[3] != ':'
      || !parse_digits (s + 1, 2, &h) || !parse_digits (s + 4, 2, &m))
    return FALSE;
  if (len == 9 && (s[6] != ':' || !parse_digits (s + 7, 2, &sec)))
    return FALSE;
  if (h > 23 || m > 59 || sec > 59)
    return FALSE;
  *seconds = (h * 3600 + m * 60 + sec) * (s[0] == '-' ? -1 : 1);

  return TRUE;
}

/* libical reads numbers into an int without looking; keep each to 9 digits. */
static gboolean
digit_runs_fit_int (const char *s)
{
  guint run = 0;

  for (const char *p = s; *p != '\0'; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      if (run > 9)
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_duration (const char                *s,
                struct icaldurationtype   *d)
{
  if (s[0] == '\0' || strlen (s) > 64 || !digit_runs_fit_int (s))
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && strchr ("+-PTWDHMS", *p) == NULL)
        return FALSE;
    }
  *d = icaldurationtype_from_string (s);

  return !icaldurationtype_is_bad_duration (*d);
}

static void
free_attach_data (char *data,
                  void *user_data)
{
  g_free (data);
}

static gboolean
is_text_like_kind (icalvalue_kind kind)
{
  return kind != ICAL_DATE_VALUE && kind != ICAL_DATETIME_VALUE
         && kind != ICAL_DATETIMEDATE_VALUE && kind != ICAL_DATETIMEPERIOD_VALUE
         && kind != ICAL_PERIOD_VALUE && kind != ICAL_DURATION_VALUE
         && kind != ICAL_RECUR_VALUE && kind != ICAL_UTCOFFSET_VALUE
         && kind != ICAL_INTEGER_VALUE && kind != ICAL_FLOAT_VALUE
         && kind != ICAL_BOOLEAN_VALUE && kind != ICAL_GEO_VALUE
         && kind != ICAL_CALADDRESS_VALUE && kind != ICAL_URI_VALUE
         && kind != ICAL_ATTACH_VALUE && kind != ICAL_BINARY_VALUE
         && kind != ICAL_TRIGGER_VALUE && kind != ICAL_REQUESTSTATUS_VALUE
         && kind != ICAL_NO_VALUE;
}

static gboolean
bad_value (XcalReader *self,
           const char *text,
           int         line)
{
  g_autofree char *shown = paraat_reader_shorten (text);

  return fail (self, PARAAT_READER_ERROR_VALUE, line,
               /* Translators: the property element (dtstart), the value element (date), the text */
               _("<%s>: “%s” is not a valid <%s> value"),
               (const char *) self->prop_name, shown, value_type_names[self->vtype]);
}

/* Makes the icalvalue for a value element right inside a property. */
static icalvalue *
make_value (XcalReader *self,
            ValueType   vtype,
            const char *text,
            int         line)
{
  icalvalue_kind def = paraat_reader_default_value_kind (self->prop_kind);
  gboolean is_x = self->prop_kind == ICAL_X_PROPERTY;
  struct icaltimetype t;
  struct icaldurationtype d;
  icalvalue *value = NULL;
  int n;

  switch (vtype)
    {
    case VT_TEXT:
    case VT_UNKNOWN:
      if (is_x)
        g_assert_not_reached ();  /* collected in x_text */
      else if (def == ICAL_TEXT_VALUE)
        value = icalvalue_new_text (text);
      else if (is_text_like_kind (def) || vtype == VT_UNKNOWN)
        value = icalvalue_new_from_string (def, text);
      break;
    case VT_DATE:
      if (parse_date (text, &t))
        value = icalvalue_new_date (t);
      break;
    case VT_DATE_TIME:
      if (parse_date_time (text, &t))
        value = icalvalue_new_datetime (t);
      break;
    case VT_DURATION:
      if (parse_duration (text, &d))
        value = icalvalue_new_duration (d);
      break;
    case VT_UTC_OFFSET:
      if (parse_utc_offset (text, &n))
        value = icalvalue_new_utcoffset (n);
      break;
    case VT_INTEGER:
      {
        gint64 v;

        if (g_ascii_string_to_signed (text, 10, G_MININT32, G_MAXINT32, &v, NULL))
          value = icalvalue_new_integer ((int) v);
      }
      break;
    case VT_FLOAT:
      {
        char *end = NULL;
        double v = g_ascii_strtod (text, &end);

        if (text[0] != '\0' && end != NULL && *end == '\0' && isfinite (v))
          value = icalvalue_new_float ((float) v);
      }
      break;
    case VT_BOOLEAN:
      if (g_ascii_strcasecmp (text, "true") == 0 || g_ascii_strcasecmp (text, "false") == 0)
        value = icalvalue_new_boolean (g_ascii_strcasecmp (text, "true") == 0);
      break;
    case VT_CAL_ADDRESS:
      value = icalvalue_new_caladdress (text);
      break;
    case VT_URI:
      if (self->prop_kind == ICAL_ATTACH_PROPERTY)
        {
          icalattach *attach = icalattach_new_from_url (text);

          value = icalvalue_new_attach (attach);
          icalattach_unref (attach);
        }
      else
        value = icalvalue_new_uri (text);
      break;
    case VT_BINARY:
      if (self->prop_kind == ICAL_ATTACH_PROPERTY)
        {
          icalattach *attach = icalattach_new_from_data (g_strdup (text), free_attach_data, NULL);

          value = icalvalue_new_attach (attach);
          icalattach_unref (attach);
        }
      else
        value = icalvalue_new_binary (text);
      break;
    case VT_NONE:
    case VT_PERIOD:
    case VT_RECUR:
    case VT_TIME:
    case VT_LATITUDE:
    case VT_LONGITUDE:
    case VT_CODE:
    case VT_DESCRIPTION:
    case VT_DATA:
    default:
      break;
    }

  if (value == NULL)
    bad_value (self, text, line);

  return value;
}

/* The VALUE parameter iCalendar would need for @value on the property. */
static icalvalue_kind
value_parameter_kind (icalproperty_kind  kind,
                      icalvalue         *value)
{
  icalvalue_kind vkind = icalvalue_isa (value);

  if (kind == ICAL_X_PROPERTY)
    return vkind == ICAL_X_VALUE || vkind == ICAL_TEXT_VALUE ? ICAL_NO_VALUE : vkind;
  if (vkind == ICAL_DATE_VALUE || vkind == ICAL_PERIOD_VALUE || vkind == ICAL_BINARY_VALUE)
    return vkind == paraat_reader_default_value_kind (kind) ? ICAL_NO_VALUE : vkind;
  if (kind == ICAL_TRIGGER_PROPERTY && vkind == ICAL_DATETIME_VALUE)
    return vkind;
  if (kind == ICAL_ATTACH_PROPERTY && icalattach_get_is_url (icalvalue_get_attach (value)) == 0)
    return ICAL_BINARY_VALUE;

  return ICAL_NO_VALUE;
}

static gboolean
add_property (XcalReader   *self,
              icalproperty *prop)
{
  Frame *frame = component_frame (self);

  if (frame->is_calendar)
    return paraat_reader_sink_add_calendar_property (&self->sink, prop, self->prop_line,
                                                     &self->error);

  if (frame->top)
    {
      icalproperty_kind kind = icalproperty_isa (prop);
      int *line = kind == ICAL_DTSTART_PROPERTY ? &frame->lines.dtstart
                  : kind == ICAL_DTEND_PROPERTY ? &frame->lines.dtend
                  : kind == ICAL_DURATION_PROPERTY ? &frame->lines.duration
                  : kind == ICAL_RRULE_PROPERTY ? &frame->lines.rrule : NULL;

      if (line != NULL && *line == 0)
        *line = self->prop_line;
    }
  icalcomponent_add_property (frame->comp, prop);

  return TRUE;
}

static void
free_value (gpointer data)
{
  if (data != NULL)
    icalvalue_free (data);
}

/* @values: the property's values, taken from self->values */
static gboolean
finish_property_values (XcalReader *self,
                        GPtrArray  *values)
{
  icalproperty *base = g_steal_pointer (&self->prop);
  int line = self->prop_line;

  if (self->prop_kind == ICAL_X_PROPERTY && self->x_text->len > 0)
    g_ptr_array_add (values, icalvalue_new_x (self->x_text->str));

  if (self->has_lat || self->has_lon)
    {
      struct icalgeotype geo = { self->lat, self->lon };

      if (!(self->has_lat && self->has_lon) || self->prop_kind != ICAL_GEO_PROPERTY)
        {
          icalproperty_free (base);
          return fail (self, PARAAT_READER_ERROR_STRUCTURE, line,
                       /* Translators: the property element, like geo */
                       _("<%s> needs one <latitude> and one <longitude>"),
                       (const char *) self->prop_name);
        }
      g_ptr_array_add (values, icalvalue_new_geo (geo));
    }
  if (self->rs_code != NULL)
    {
      g_autofree char *text = g_strjoin (";", self->rs_code,
                                         self->rs_desc != NULL ? self->rs_desc : "",
                                         self->rs_data, NULL);
      icalvalue *value = self->prop_kind == ICAL_REQUESTSTATUS_PROPERTY
                         ? icalvalue_new_from_string (ICAL_REQUESTSTATUS_VALUE, text) : NULL;

      if (value == NULL)
        {
          icalproperty_free (base);
          self->vtype = VT_CODE;
          return bad_value (self, text, line);
        }
      g_ptr_array_add (values, value);
    }

  if (values->len == 0)
    {
      /* An X- property may be empty: <x-foo><text/></x-foo>. */
      if (self->prop_kind == ICAL_X_PROPERTY)
        g_ptr_array_add (values, icalvalue_new_x (""));
      else
        {
          icalproperty_free (base);
          return fail (self, PARAAT_READER_ERROR_VALUE, line,
                       /* Translators: the property element, like dtstart */
                       _("<%s> has no value"), (const char *) self->prop_name);
        }
    }

  for (guint i = 0; i < values->len; i++)
    {
      icalvalue_kind vkind = icalvalue_isa (g_ptr_array_index (values, i));

      if (!paraat_reader_value_kind_allowed (self->prop_kind, vkind))
        {
          icalproperty_free (base);
          return fail (self, PARAAT_READER_ERROR_VALUE, line,
                       /* Translators: the property element (summary), then a type (DATE) */
                       _("<%s> cannot have a value of type %s"),
                       (const char *) self->prop_name, icalvalue_kind_to_string (vkind));
        }
    }

  /* One property per value, as libical keeps them. */
  for (guint i = 0; i < values->len; i++)
    {
      icalproperty *prop = i + 1 < values->len ? icalproperty_new_clone (base)
                                               : g_steal_pointer (&base);
      icalvalue *value = g_ptr_array_index (values, i);
      icalvalue_kind param_kind = value_parameter_kind (self->prop_kind, value);

      g_ptr_array_index (values, i) = NULL;
      if (param_kind != ICAL_NO_VALUE)
        icalproperty_add_parameter (prop, icalparameter_new_from_value_string (
                                            ICAL_VALUE_PARAMETER,
                                            icalvalue_kind_to_string (param_kind)));
      icalproperty_set_value (prop, value);
      if (!add_property (self, prop))
        {
          g_clear_pointer (&base, icalproperty_free);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
finish_property (XcalReader *self)
{
  /* The values move out (into an array kept for the purpose, as one made
   * per property cost 3 % of the reading), so an error leaves nothing
   * half-owned. */
  GPtrArray *values = self->values;
  gboolean ok;

  self->values = g_steal_pointer (&self->spare_values);
  ok = finish_property_values (self, values);
  g_ptr_array_set_size (values, 0);
  self->spare_values = values;

  return ok;
}

static gboolean
finish_parameter (XcalReader *self,
                  int         line)
{
  const NameInfo *info = lookup_name (&self->parameter_infos, self->param_name, FALSE);
  icalparameter_kind kind = info->kind;
  icalparameter *param;

  /* xCal types values by element; a VALUE parameter says nothing more. */
  if (kind == ICAL_VALUE_PARAMETER)
    return TRUE;

  if (kind == ICAL_X_PARAMETER || kind == ICAL_NO_PARAMETER || kind == ICAL_IANA_PARAMETER
      || kind == ICAL_ANY_PARAMETER)
    {
      param = icalparameter_new_x (self->param_value->str);
      icalparameter_set_xname (param, info->upper);
    }
  /* The same as below for these two text parameters, without a search of
   * libical's table of every parameter's enumerated values */
  else if (kind == ICAL_TZID_PARAMETER)
    param = icalparameter_new_tzid (self->param_value->str);
  else if (kind == ICAL_CN_PARAMETER)
    param = icalparameter_new_cn (self->param_value->str);
  else
    param = icalparameter_new_from_value_string (kind, self->param_value->str);

  if (param == NULL)
    {
      g_autofree char *shown = paraat_reader_shorten (self->param_value->str);

      return fail (self, PARAAT_READER_ERROR_VALUE, line,
                   /* Translators: the parameter element (role), then its value */
                   _("parameter <%s>: “%s” is not a valid value"),
                   (const char *) self->param_name, shown);
    }
  icalproperty_add_parameter (self->prop, param);

  return TRUE;
}

/* A <recur> part's value: digits, signs, letters; UNTIL in iCalendar form. */
static gboolean
finish_recur_part (XcalReader *self,
                   const char *name,
                   const char *upper,
                   gsize       max,
                   int         line)
{
  const char *text = self->text->str;
  g_autofree char *until = NULL;

  if (text[0] == '\0')
    return bad_value (self, text, line);

  if (strcmp (upper, "UNTIL") == 0)
    {
      struct icaltimetype t;

      if (parse_date (text, &t))
        until = g_strdup_printf ("%04d%02d%02d", t.year, t.month, t.day);
      else if (parse_date_time (text, &t))
        until = g_strdup_printf ("%04d%02d%02dT%02d%02d%02d%s", t.year, t.month, t.day,
                                 t.hour, t.minute, t.second, t.zone != NULL ? "Z" : "");
      else
        return bad_value (self, text, line);
      text = until;
    }
  else
    {
      if (!digit_runs_fit_int (text))
        return bad_value (self, text, line);
      for (const char *p = text; *p != '\0'; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '+' && *p != '-')
            return bad_value (self, text, line);
        }
    }

  if (self->recur_last == upper)
    {
      if (++self->recur_n_last > max)
        return fail (self, PARAAT_READER_ERROR_VALUE, line,
                     /* Translators: a recurrence part, like byday */
                     _("<recur> has too many <%s> values"), name);
      g_string_append_c (self->recur, ',');
    }
  else
    {
      if (self->recur->len > 0)
        g_string_append_c (self->recur, ';');
      g_string_append (self->recur, upper);
      g_string_append_c (self->recur, '=');
      self->recur_last = upper;
      self->recur_n_last = 1;
    }
  g_string_append (self->recur, text);
  if (self->recur->len > self->limits->max_value_length)
    return fail (self, PARAAT_READER_ERROR_TOO_LONG, line, "%s",
                 _("<recur> is longer than the value limit"));

  return TRUE;
}

static gboolean
finish_recur (XcalReader *self,
              int         line)
{
  struct icalrecurrencetype recur;

  recur = icalrecurrencetype_from_string (self->recur->str);
  if (recur.freq == ICAL_NO_RECURRENCE)
    {
      self->vtype = VT_RECUR;
      return bad_value (self, self->recur->str, line);
    }
  if (self->prop_kind != ICAL_X_PROPERTY && paraat_reader_default_value_kind (self->prop_kind)
                                            != ICAL_RECUR_VALUE)
    {
      self->vtype = VT_RECUR;
      return bad_value (self, self->recur->str, line);
    }
  g_ptr_array_add (self->values, icalvalue_new_recur (recur));

  return TRUE;
}

static gboolean
finish_period (XcalReader *self,
               int         line)
{
  struct icalperiodtype period = icalperiodtype_null_period ();

  self->vtype = VT_PERIOD;
  if (self->period_start == NULL || !parse_date_time (self->period_start, &period.start)
      || (self->period_end == NULL) == (self->period_duration == NULL))
    return bad_value (self, self->period_start != NULL ? self->period_start : "", line);
  if (self->period_end != NULL && !parse_date_time (self->period_end, &period.end))
    return bad_value (self, self->period_end, line);
  if (self->period_duration != NULL && !parse_duration (self->period_duration, &period.duration))
    return bad_value (self, self->period_duration, line);
  g_ptr_array_add (self->values, icalvalue_new_period (period));
  g_clear_pointer (&self->period_start, g_free);
  g_clear_pointer (&self->period_end, g_free);
  g_clear_pointer (&self->period_duration, g_free);

  return TRUE;
}

/* A value element ended: where it goes depends on what holds it. */
static gboolean
finish_value (XcalReader *self,
              Frame      *parent,
              int         line)
{
  const char *text = self->text->str;

  if (parent->kind == FRAME_PARAMETER)
    {
      if (self->param_n_values++ > 0)
        g_string_append_c (self->param_value, ',');
      g_string_append (self->param_value, text);
      if (self->param_value->len > self->limits->max_value_length)
        return fail (self, PARAAT_READER_ERROR_TOO_LONG, line,
                     /* Translators: the parameter element, like member */
                     _("parameter <%s> is longer than the value limit"),
                     (const char *) self->param_name);
      return TRUE;
    }

  g_assert (parent->kind == FRAME_PROPERTY);

  if (self->vtype == VT_LATITUDE || self->vtype == VT_LONGITUDE)
    {
      char *end = NULL;
      double v = g_ascii_strtod (text, &end);
      gboolean is_lat = self->vtype == VT_LATITUDE;

      if (text[0] == '\0' || *end != '\0' || !isfinite (v) || (is_lat ? self->has_lat : self->has_lon))
        return bad_value (self, text, line);
      if (is_lat)
        {
          self->lat = v;
          self->has_lat = TRUE;
        }
      else
        {
          self->lon = v;
          self->has_lon = TRUE;
        }
      return TRUE;
    }
  if (self->vtype == VT_CODE || self->vtype == VT_DESCRIPTION || self->vtype == VT_DATA)
    {
      char **slot = self->vtype == VT_CODE ? &self->rs_code
                    : self->vtype == VT_DESCRIPTION ? &self->rs_desc : &self->rs_data;

      if (*slot != NULL)
        return bad_value (self, text, line);
      *slot = g_strdup (text);
      return TRUE;
    }

  if (self->prop_kind == ICAL_X_PROPERTY
      && (self->vtype == VT_TEXT || self->vtype == VT_UNKNOWN || self->vtype == VT_TIME
          || self->vtype == VT_BINARY))
    {
      if (self->x_text->len > 0)
        g_string_append_c (self->x_text, ',');
      g_string_append (self->x_text, text);
      if (self->x_text->len > self->limits->max_value_length)
        return fail (self, PARAAT_READER_ERROR_TOO_LONG, line,
                     /* Translators: the property element, like x-wr-calname */
                     _("<%s> is longer than the value limit"), (const char *) self->prop_name);
      return TRUE;
    }
  if (self->vtype == VT_TIME)
    return bad_value (self, text, line);

  {
    icalvalue *value = make_value (self, self->vtype, text, line);

    if (value == NULL)
      return FALSE;
    g_ptr_array_add (self->values, value);
  }

  return TRUE;
}

/* Elements */

static gboolean
structure_error (XcalReader    *self,
                 const xmlChar *name,
                 const xmlChar *parent,
                 int            line)
{
  g_autofree char *shown = paraat_reader_shorten ((const char *) name);

  if (parent == NULL)
    return fail (self, PARAAT_READER_ERROR_STRUCTURE, line,
                 /* Translators: an element name */
                 _("the root element is <%s>, not <icalendar>; this is not an xCal file"),
                 shown);

  return fail (self, PARAAT_READER_ERROR_STRUCTURE, line,
               /* Translators: two element names */
               _("<%s> cannot be inside <%s>"), shown, (const char *) parent);
}

static gboolean
start_component (XcalReader    *self,
                 const xmlChar *name,
                 int            depth,
                 int            line)
{
  Frame *parent = component_frame (self);
  icalcomponent_kind parent_kind = parent->is_calendar ? ICAL_VCALENDAR_COMPONENT
                                                       : icalcomponent_isa (parent->comp);
  g_autofree char *upper = g_ascii_strup ((const char *) name, -1);
  icalcomponent_kind kind = icalcomponent_string_to_kind (upper);
  gboolean allowed;
  Frame *frame;

  if (kind == ICAL_X_COMPONENT || kind == ICAL_NO_COMPONENT || kind == ICAL_ANY_COMPONENT)
    {
      /* X- and unknown components: read past them. */
      self->skip_depth = depth;
      return TRUE;
    }

  if (parent_kind == ICAL_VCALENDAR_COMPONENT)
    allowed = paraat_reader_is_top_level_kind (kind);
  else if (parent_kind == ICAL_VEVENT_COMPONENT || parent_kind == ICAL_VTODO_COMPONENT)
    allowed = kind == ICAL_VALARM_COMPONENT;
  else if (parent_kind == ICAL_VTIMEZONE_COMPONENT)
    allowed = kind == ICAL_XSTANDARD_COMPONENT || kind == ICAL_XDAYLIGHT_COMPONENT;
  else
    allowed = FALSE;
  if (!allowed)
    return structure_error (self, name, parent->name, line);

  if (!parent->is_calendar && !count_item (self, line))
    return FALSE;

  frame = push_frame (self, FRAME_COMPONENT, name, line);
  frame->comp = icalcomponent_new (kind);
  frame->top = parent_kind == ICAL_VCALENDAR_COMPONENT;
  frame->lines.component = line;

  return TRUE;
}

static gboolean
start_element (XcalReader    *self,
               const Node    *node)
{
  Frame *top = top_frame (self);
  const xmlChar *name = node->name;
  const xmlChar *ns = node->ns;
  int depth = node->depth;
  int line = node_line (self, node);

  if (!node->is_xcal && (ns == NULL || strcmp ((const char *) ns, XCAL_NS) != 0))
    {
      g_autofree char *shown = paraat_reader_shorten ((const char *) name);

      /* RFC 6321 §5: elements of other namespaces may extend properties. */
      if (top->kind == FRAME_PROPERTIES || top->kind == FRAME_PARAMETERS)
        {
          self->skip_depth = depth;
          return TRUE;
        }
      if (ns == NULL)
        return fail (self, PARAAT_READER_ERROR_NAMESPACE, line,
                     /* Translators: an element name, then the namespace URN */
                     _("<%s> has no namespace; xCal elements must be in %s"), shown, XCAL_NS);
      else
        {
          g_autofree char *ns_shown = paraat_reader_shorten ((const char *) ns);

          return fail (self, PARAAT_READER_ERROR_NAMESPACE, line,
                       /* Translators: an element name, its namespace, then the right one */
                       _("<%s> is in namespace “%s”; xCal elements must be in %s"),
                       shown, ns_shown, XCAL_NS);
        }
    }

  switch (top->kind)
    {
    case FRAME_DOCUMENT:
      if (strcmp ((const char *) name, "icalendar") != 0)
        return structure_error (self, name, NULL, line);
      self->seen_root = TRUE;
      push_frame (self, FRAME_ICALENDAR, name, line);
      return TRUE;

    case FRAME_ICALENDAR:
      if (strcmp ((const char *) name, "vcalendar") != 0)
        return structure_error (self, name, top->name, line);
      self->seen_calendar = TRUE;
      self->calendar_items = 0;
      paraat_reader_sink_new_calendar (&self->sink);
      push_frame (self, FRAME_COMPONENT, name, line)->is_calendar = TRUE;
      return TRUE;

    case FRAME_COMPONENT:
      if (strcmp ((const char *) name, "properties") == 0)
        push_frame (self, FRAME_PROPERTIES, name, line);
      else if (strcmp ((const char *) name, "components") == 0)
        push_frame (self, FRAME_COMPONENTS, name, line);
      else
        return structure_error (self, name, top->name, line);
      return TRUE;

    case FRAME_COMPONENTS:
      return start_component (self, name, depth, line);

    case FRAME_PROPERTIES:
      {
        const NameInfo *info = lookup_name (&self->property_infos, name, TRUE);

        if (!count_item (self, line))
          return FALSE;
        paraat_xcal_reader_clear_property (self);
        self->prop_kind = info->kind;
        self->prop_name = name;
        self->prop_line = line;
        self->prop = icalproperty_new (info->kind);
        if (info->kind == ICAL_X_PROPERTY)
          icalproperty_set_x_name (self->prop, info->upper);
        push_frame (self, FRAME_PROPERTY, name, line);
        return TRUE;
      }

    case FRAME_PROPERTY:
      if (strcmp ((const char *) name, "parameters") == 0)
        {
          push_frame (self, FRAME_PARAMETERS, name, line);
          return TRUE;
        }
      self->vtype = lookup_value_type (self, name);
      if (self->vtype == VT_NONE)
        return structure_error (self, name, top->name, line);
      if (!count_item (self, line))
        return FALSE;
      g_string_truncate (self->text, 0);
      if (self->vtype == VT_RECUR)
        {
          g_string_truncate (self->recur, 0);
          self->recur_last = NULL;
          push_frame (self, FRAME_RECUR, name, line);
        }
      else if (self->vtype == VT_PERIOD)
        push_frame (self, FRAME_PERIOD, name, line);
      else
        push_frame (self, FRAME_VALUE, name, line);
      return TRUE;

    case FRAME_PARAMETERS:
      if (!count_item (self, line))
        return FALSE;
      self->param_name = name;
      g_string_truncate (self->param_value, 0);
      self->param_n_values = 0;
      push_frame (self, FRAME_PARAMETER, name, line);
      return TRUE;

    case FRAME_PARAMETER:
      self->vtype = lookup_value_type (self, name);
      if (self->vtype == VT_NONE || self->vtype == VT_RECUR || self->vtype == VT_PERIOD)
        return structure_error (self, name, top->name, line);
      g_string_truncate (self->text, 0);
      push_frame (self, FRAME_VALUE, name, line);
      return TRUE;

    case FRAME_RECUR:
      for (guint i = 0; i < G_N_ELEMENTS (recur_parts); i++)
        {
          if (strcmp ((const char *) name, recur_parts[i].name) == 0)
            {
              g_string_truncate (self->text, 0);
              push_frame (self, FRAME_PART, name, line);
              return TRUE;
            }
        }
      return structure_error (self, name, top->name, line);

    case FRAME_PERIOD:
      if (strcmp ((const char *) name, "start") != 0 && strcmp ((const char *) name, "end") != 0
          && strcmp ((const char *) name, "duration") != 0)
        return structure_error (self, name, top->name, line);
      g_string_truncate (self->text, 0);
      push_frame (self, FRAME_PART, name, line);
      return TRUE;

    case FRAME_VALUE:
    case FRAME_PART:
    default:
      return structure_error (self, name, top->name, line);
    }
}

static gboolean
end_element (XcalReader *self)
{
  Frame frame = *top_frame (self);
  Frame *parent;
  int line = frame.line;

  self->n_frames--;
  parent = top_frame (self);

  switch (frame.kind)
    {
    case FRAME_COMPONENT:
      if (frame.is_calendar)
        return TRUE;
      if (frame.top)
        return paraat_reader_sink_take (&self->sink, frame.comp, &frame.lines, &self->error);
      icalcomponent_add_component (component_frame (self)->comp, frame.comp);
      return TRUE;

    case FRAME_PROPERTY:
      return finish_property (self);

    case FRAME_PARAMETER:
      return finish_parameter (self, line);

    case FRAME_VALUE:
      return finish_value (self, parent, line);

    case FRAME_RECUR:
      return finish_recur (self, line);

    case FRAME_PERIOD:
      return finish_period (self, line);

    case FRAME_PART:
      if (parent->kind == FRAME_PERIOD)
        {
          char **slot = strcmp ((const char *) frame.name, "start") == 0 ? &self->period_start
                        : strcmp ((const char *) frame.name, "end") == 0 ? &self->period_end
                        : &self->period_duration;

          self->vtype = VT_PERIOD;
          if (*slot != NULL)
            return bad_value (self, self->text->str, line);
          *slot = g_strdup (self->text->str);
          return TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (recur_parts); i++)
        {
          if (strcmp ((const char *) frame.name, recur_parts[i].name) == 0)
            {
              self->vtype = VT_RECUR;
              return finish_recur_part (self, recur_parts[i].name, recur_parts[i].upper,
                                        recur_parts[i].max, line);
            }
        }
      g_assert_not_reached ();

    case FRAME_DOCUMENT:
    case FRAME_ICALENDAR:
    case FRAME_PROPERTIES:
    case FRAME_COMPONENTS:
    case FRAME_PARAMETERS:
    default:
      return TRUE;
    }
}

static gboolean
add_text (XcalReader *self,
          const Node *node)
{
  Frame *top = top_frame (self);
  const char *text = node->text;
  gsize len;

  if (top->kind != FRAME_VALUE && top->kind != FRAME_PART)
    {
      if (node->type == XML_READER_TYPE_WHITESPACE)
        return TRUE;
      return fail (self, PARAAT_READER_ERROR_STRUCTURE, node_line (self, node),
                   /* Translators: an element name */
                   _("<%s> cannot contain text, only elements"), (const char *) top->name);
    }

  len = strlen (text);
  if (self->text->len + len > self->limits->max_value_length)
    {
      g_autofree char *limit = g_format_size (self->limits->max_value_length);

      return fail (self, PARAAT_READER_ERROR_TOO_LONG, node_line (self, node),
                   /* Translators: an element name, then a size like “1.0 MB” */
                   _("the value of <%s> is longer than the limit of %s"),
                   (const char *) (self->prop_name != NULL ? self->prop_name : top->name), limit);
    }
  /* GString's own append is a call into a general insert */
  if (self->text->len + len < self->text->allocated_len)
    {
      memcpy (self->text->str + self->text->len, text, len + 1);
      self->text->len += len;
    }
  else
    g_string_append_len (self->text, text, len);

  return TRUE;
}

/* Nodes */

/* The mapping of a node, read or replayed */
gboolean
paraat_xcal_reader_handle_node (XcalReader *self,
                                const Node *node)
{
  if (self->skip_depth >= 0)
    {
      if (node->depth == self->skip_depth
          && (node->type == XML_READER_TYPE_END_ELEMENT
              || (node->type == XML_READER_TYPE_ELEMENT && node->empty)))
        self->skip_depth = -1;
      return TRUE;
    }

  switch (node->type)
    {
    case XML_READER_TYPE_ELEMENT:
      if (!start_element (self, node))
        return FALSE;
      if (self->skip_depth >= 0)
        {
          if (node->empty)
            self->skip_depth = -1;
          return TRUE;
        }
      return !node->empty || end_element (self);

    case XML_READER_TYPE_END_ELEMENT:
      return end_element (self);

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_WHITESPACE:
      return add_text (self, node);

    default:
      return TRUE;
    }
}

static gboolean
process_node (XcalReader *self)
{
  int type = xmlTextReaderNodeType (self->reader);
  Node node = { type, xmlTextReaderDepth (self->reader), -1, FALSE, FALSE, NULL, NULL, NULL };

  if (node.depth > (int) self->limits->max_depth)
    {
      if (self->tape != NULL && !paraat_xcal_reader_play_back (self))
        return FALSE;
      return fail (self, PARAAT_READER_ERROR_DEPTH, current_line (self),
                   /* Translators: %u is the limit */
                   _("elements are nested more than %u deep"), self->limits->max_depth);
    }

  if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY
      || type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_NOTATION)
    {
      if (self->tape != NULL && !paraat_xcal_reader_play_back (self))
        return FALSE;
      return fail (self, PARAAT_READER_ERROR_DOCTYPE, current_line (self), "%s",
                   _("the file has a DOCTYPE, entity declarations or entity references; xCal "
                     "needs none, and Paraat refuses them. Remove the <!DOCTYPE …> part"));
    }

  switch (type)
    {
    case XML_READER_TYPE_ELEMENT:
      {
        /* What xmlTextReaderConstNamespaceUri() gives, without putting it
         * in the reader's dictionary each time (3 % of the reading). An
         * element in the namespace declared on <icalendar> shares its
         * xmlNs, which lives as long as <icalendar> is open, so a pointer
         * says what comparing the URI would. */
        xmlNodePtr xml_node = xmlTextReaderCurrentNode (self->reader);

        node.empty = xmlTextReaderIsEmptyElement (self->reader) == 1;
        node.is_xcal = xml_node->ns != NULL && xml_node->ns == self->root_ns;
        node.ns = xml_node->ns != NULL && !node.is_xcal ? xml_node->ns->href : NULL;
        node.name = xmlTextReaderConstLocalName (self->reader);
        node.line = current_line (self);
        if (self->tape != NULL || paraat_xcal_reader_start_recording (self, &node))
          return paraat_xcal_reader_record (self, &node);
        if (!paraat_xcal_reader_handle_node (self, &node))
          return FALSE;
        if (node.depth == 0 && self->seen_root && !node.empty)
          self->root_ns = xml_node->ns;
        return TRUE;
      }

    case XML_READER_TYPE_END_ELEMENT:
      if (self->tape != NULL)
        return paraat_xcal_reader_record (self, &node);
      if (node.depth == 0)
        self->root_ns = NULL;  /* about to be freed */
      return paraat_xcal_reader_handle_node (self, &node);

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      node.type = type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ? XML_READER_TYPE_TEXT
                                                                                 : XML_READER_TYPE_WHITESPACE;
      node.text = (const char *) xmlTextReaderConstValue (self->reader);
      if (self->tape != NULL)
        return paraat_xcal_reader_record (self, &node);
      return paraat_xcal_reader_handle_node (self, &node);

    default:
      return TRUE;  /* comments, processing instructions */
    }
}

void
paraat_xcal_reader_clear_frames (XcalReader *self)
{
  for (guint i = 0; i < self->n_frames; i++)
    {
      Frame *frame = &self->frames[i];

      g_clear_pointer (&frame->comp, icalcomponent_free);
    }
  self->n_frames = 0;
}

static void
name_table_init (NameTable      *names,
                 GDestroyNotify  value_free)
{
  names->table = g_hash_table_new_full (NULL, NULL, NULL, value_free);
  memset (names->slots, 0, sizeof names->slots);
}

void
paraat_xcal_reader_init (XcalReader                *self,
                         const char                *name,
                         const ParaatReaderLimits  *limits,
                         ParaatComponentFunc        func,
                         gpointer                   user_data)
{
  memset (self, 0, sizeof *self);
  self->name = name;
  self->limits = limits;
  self->skip_depth = -1;
  name_table_init (&self->property_infos, name_info_free);
  name_table_init (&self->parameter_infos, name_info_free);
  name_table_init (&self->value_types, NULL);
  self->values = g_ptr_array_new_with_free_func (free_value);
  self->spare_values = g_ptr_array_new_with_free_func (free_value);
  self->x_text = g_string_new (NULL);
  self->text = g_string_new (NULL);
  self->recur = g_string_new (NULL);
  self->param_value = g_string_new (NULL);
  paraat_reader_sink_init (&self->sink, name, limits, func, user_data);
}

void
paraat_xcal_reader_clear (XcalReader *self)
{
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  paraat_xcal_reader_clear_property (self);
  paraat_xcal_reader_clear_frames (self);
  paraat_reader_sink_clear (&self->sink);
  g_free (self->frames);
  g_hash_table_unref (self->property_infos.table);
  g_hash_table_unref (self->parameter_infos.table);
  g_hash_table_unref (self->value_types.table);
  g_ptr_array_unref (self->values);
  g_ptr_array_unref (self->spare_values);
  g_string_free (self->x_text, TRUE);
  g_string_free (self->text, TRUE);
  g_string_free (self->recur, TRUE);
  g_string_free (self->param_value, TRUE);
  g_free (self->xml_message);
  g_free (self->external_url);
  g_clear_error (&self->error);
}

gboolean
paraat_xcal_read_input (ParaatInput                *in,
                        const ParaatXcalTapeHooks  *hooks,
                        gpointer                    hooks_data,
                        ParaatComponentFunc         func,
                        gpointer                    user_data,
                        GError                    **error)
{
  XcalReader self;
  xmlStructuredErrorFunc saved_serror;
  void *saved_serror_ctx;
  gboolean ok = FALSE;
  int ret;

  paraat_xcal_reader_ensure_libxml ();

  if (!paraat_input_check_magic (in))
    {
      g_propagate_error (error, g_steal_pointer (&in->error));
      return FALSE;
    }

  paraat_xcal_reader_init (&self, in->name, in->limits, func, user_data);
  self.in = in;
  self.hooks = hooks;
  self.hooks_data = hooks_data;
  paraat_xml_scan_init (&self.scan);
  push_frame (&self, FRAME_DOCUMENT, NULL, 0);

  /* libxml2 reports I/O errors outside the parser context to the
   * thread's global handler; catch those as well while we read. */
  saved_serror = xmlStructuredError;
  saved_serror_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (&self, on_xml_error_cb);
  g_private_set (&current_reader, &self);

  self.reader = xmlReaderForIO (read_cb, NULL, &self, NULL, "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOBLANKS
                                | XML_PARSE_COMPACT | XML_PARSE_IGNORE_ENC);
  if (self.reader == NULL)
    {
      set_xml_error (&self);
      if (self.error == NULL)
        fail (&self, PARAAT_READER_ERROR_SYNTAX, 0, "%s", _("the XML reader could not start"));
    }
  else
    {
      xmlTextReaderSetStructuredErrorHandler (self.reader, on_xml_error_cb, &self);

      while ((ret = xmlTextReaderRead (self.reader)) == 1)
        {
          if (!process_node (&self))
            break;
        }
      /* The reading stopped inside a VEVENT being recorded */
      if (self.tape != NULL)
        paraat_xcal_reader_play_back (&self);

      if (self.error == NULL && (ret < 0 || self.xml_message != NULL || in->error != NULL
                                 || self.external_refused))
        set_xml_error (&self);
      if (self.error == NULL && !self.seen_root)
        fail (&self, PARAAT_READER_ERROR_STRUCTURE, 0, "%s",
              _("the file has no <icalendar> element; this is not an xCal file"));
      if (self.error == NULL && !self.seen_calendar)
        fail (&self, PARAAT_READER_ERROR_STRUCTURE, 0, "%s",
              _("<icalendar> has no <vcalendar>; the file holds no calendar"));
      ok = self.error == NULL;
    }

  g_private_set (&current_reader, NULL);
  xmlSetStructuredErrorFunc (saved_serror_ctx, saved_serror);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self.error));
  paraat_xcal_reader_clear (&self);

  return ok;
}
