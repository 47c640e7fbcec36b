/* paraat-calendar-reader.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The front of the calendar readers: format detection by content, the
 * buffered input both readers read through, and the checks every
 * component passes before the callback sees it. The formats themselves
 * are in paraat-xcal-reader.c and paraat-ics-reader.c.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "paraat-calendar-reader-private.h"

/* The line of the component being handed to the callback, and whether
 * the callback kept it (paraat_calendar_reader_keep_component()) */
static _Thread_local int current_line;
static _Thread_local icalcomponent *current_component;
static _Thread_local gboolean current_kept;

G_DEFINE_QUARK (paraat-reader-error-quark, paraat_reader_error)

/* How much of the head detection looks at: room for a BOM and some blank
 * lines before the first “<” or BEGIN:VCALENDAR. */
#define DETECT_HEAD 4096

void
paraat_reader_limits_init (ParaatReaderLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_file_size = PARAAT_READER_DEFAULT_MAX_FILE_SIZE;
  limits->max_depth = PARAAT_READER_DEFAULT_MAX_DEPTH;
  limits->max_value_length = PARAAT_READER_DEFAULT_MAX_VALUE_LENGTH;
  limits->max_properties = PARAAT_READER_DEFAULT_MAX_PROPERTIES;
  limits->max_timezones = PARAAT_READER_DEFAULT_MAX_TIMEZONES;
  limits->max_count = PARAAT_READER_DEFAULT_MAX_COUNT;
}

void
paraat_reader_set_error (GError     **error,
                         int          code,
                         const char  *name,
                         int          line,
                         const char  *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, PARAAT_READER_ERROR, code, "%s:%d: %s", name, line, message);
  else
    g_set_error (error, PARAAT_READER_ERROR, code, "%s: %s", name, message);
}

/* A value quoted in a message: at most 60 characters of it. */
char *
paraat_reader_shorten (const char *text)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, &end))
    return g_strndup (text, MIN (end - text, 60));
  if (g_utf8_strlen (text, 61 * 4) <= 60)
    return g_strdup (text);

  {
    g_autofree char *head = g_utf8_substring (text, 0, 60);

    return g_strconcat (head, "…", NULL);
  }
}

/* Detection */

ParaatCalendarFormat
paraat_calendar_detect (const guint8 *head,
                        gsize         len)
{
  gsize i = 0;

  g_return_val_if_fail (head != NULL || len == 0, PARAAT_CALENDAR_FORMAT_UNKNOWN);

  if (len >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    return PARAAT_CALENDAR_FORMAT_GZIP;

  /* UTF-16 with a byte order mark: only XML can come in it. */
  if (len >= 2 && ((head[0] == 0xfe && head[1] == 0xff) || (head[0] == 0xff && head[1] == 0xfe)))
    {
      gboolean big_endian = head[0] == 0xfe;

      for (i = 2; i + 1 < len; i += 2)
        {
          guint16 c = big_endian ? (head[i] << 8 | head[i + 1]) : (head[i + 1] << 8 | head[i]);

          if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
          return c == '<' ? PARAAT_CALENDAR_FORMAT_XCAL : PARAAT_CALENDAR_FORMAT_UNKNOWN;
        }
      return PARAAT_CALENDAR_FORMAT_UNKNOWN;
    }

  if (len >= 3 && head[0] == 0xef && head[1] == 0xbb && head[2] == 0xbf)
    i = 3;
  while (i < len && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
    i++;
  if (i < len && head[i] == '<')
    return PARAAT_CALENDAR_FORMAT_XCAL;
  if (len - i >= 15 && g_ascii_strncasecmp ((const char *) head + i, "BEGIN:VCALENDAR", 15) == 0)
    return PARAAT_CALENDAR_FORMAT_ICS;

  return PARAAT_CALENDAR_FORMAT_UNKNOWN;
}

const char *
paraat_calendar_format_to_string (ParaatCalendarFormat format)
{
  if (format == PARAAT_CALENDAR_FORMAT_XCAL)
    return "xcal";
  if (format == PARAAT_CALENDAR_FORMAT_ICS)
    return "ics";
  if (format == PARAAT_CALENDAR_FORMAT_GZIP)
    return "gzip";
  return "unknown";
}

/* Input */

void
paraat_input_init (ParaatInput              *in,
                   int                       fd,
                   const char               *name,
                   const ParaatReaderLimits *limits)
{
  memset (in, 0, sizeof *in);
  in->fd = fd;
  in->name = name;
  in->limits = limits;
  in->buf = g_malloc (PARAAT_INPUT_BLOCK);
}

void
paraat_input_clear (ParaatInput *in)
{
  g_clear_pointer (&in->buf, g_free);
  g_clear_error (&in->error);
}

/* Reads once more into the free end of the buffer. FALSE on error (then
 * in->error is set); at the end of the file in->eof becomes TRUE. */
static gboolean
fill_input (ParaatInput *in)
{
  gssize n;

  if (in->error != NULL)
    return FALSE;
  if (in->eof)
    return TRUE;

  if (in->pos == in->len)
    in->pos = in->len = 0;
  else if (in->pos > 0 && in->len == PARAAT_INPUT_BLOCK)
    {
      memmove (in->buf, in->buf + in->pos, in->len - in->pos);
      in->len -= in->pos;
      in->pos = 0;
    }
  if (in->len == PARAAT_INPUT_BLOCK)
    return TRUE;

  do
    n = read (in->fd, in->buf + in->len, PARAAT_INPUT_BLOCK - in->len);
  while (n < 0 && errno == EINTR);

  if (n < 0)
    {
      int saved_errno = errno;

      paraat_reader_set_error (&in->error, PARAAT_READER_ERROR_IO, in->name, 0,
                               /* Translators: the system's reason why a file could not be read */
                               _("could not read the file: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  if (n == 0)
    {
      in->eof = TRUE;
      return TRUE;
    }

  in->total += n;
  if (in->total > in->limits->max_file_size)
    {
      g_autofree char *limit = g_format_size (in->limits->max_file_size);

      paraat_reader_set_error (&in->error, PARAAT_READER_ERROR_SIZE, in->name, 0,
                               /* Translators: the size limit, like “512.0 MB” */
                               _("the file is larger than the import limit of %s; split it into "
                                 "smaller files or raise the limit"), limit);
      return FALSE;
    }
  in->len += n;

  return TRUE;
}

/* Makes sure @want bytes (at most a block) are buffered, unless the file ends first. */
gboolean
paraat_input_peek (ParaatInput *in,
                   gsize        want)
{
  want = MIN (want, PARAAT_INPUT_BLOCK);
  while (in->len - in->pos < want && !in->eof)
    {
      if (in->pos > 0)
        {
          memmove (in->buf, in->buf + in->pos, in->len - in->pos);
          in->len -= in->pos;
          in->pos = 0;
        }
      if (!fill_input (in))
        return FALSE;
    }

  return TRUE;
}

/* Like read(2): the number of bytes copied, 0 at the end, -1 on error. */
gssize
paraat_input_read (ParaatInput *in,
                   void        *dest,
                   gsize        n)
{
  gsize avail;

  if (in->pos == in->len)
    {
      if (!fill_input (in))
        return -1;
      if (in->pos == in->len)
        return 0;
    }

  avail = MIN (n, in->len - in->pos);
  memcpy (dest, in->buf + in->pos, avail);
  in->pos += avail;

  return avail;
}

/* libxml2 inflates gzip behind the caller's back when it opens files
 * itself; we never let it, and we say so rather than report garbage. */
gboolean
paraat_input_check_magic (ParaatInput *in)
{
  if (!paraat_input_peek (in, 2))
    return FALSE;
  if (in->len - in->pos >= 2 && in->buf[in->pos] == 0x1f && in->buf[in->pos + 1] == 0x8b)
    {
      paraat_reader_set_error (&in->error, PARAAT_READER_ERROR_GZIP, in->name, 0, "%s",
                               _("the file is compressed with gzip; unpack it first (gunzip) "
                                 "and import the unpacked file"));
      return FALSE;
    }

  return TRUE;
}

/* Checks */

gboolean
paraat_reader_is_top_level_kind (icalcomponent_kind kind)
{
  return kind == ICAL_VEVENT_COMPONENT || kind == ICAL_VTODO_COMPONENT
         || kind == ICAL_VJOURNAL_COMPONENT || kind == ICAL_VFREEBUSY_COMPONENT
         || kind == ICAL_VTIMEZONE_COMPONENT;
}

/* icalproperty_kind_to_value_kind() searches a table each time; this is
 * called for every property read, so keep the answers. */
icalvalue_kind
paraat_reader_default_value_kind (icalproperty_kind kind)
{
  static icalvalue_kind table[ICAL_NO_PROPERTY + 1];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (int k = 0; k <= ICAL_NO_PROPERTY; k++)
        table[k] = icalproperty_kind_to_value_kind ((icalproperty_kind) k);
      g_once_init_leave (&initialized, 1);
    }
  if ((int) kind < 0 || (int) kind > ICAL_NO_PROPERTY)
    return ICAL_NO_VALUE;

  return table[kind];
}

/* libical keeps one value in a union and its getters do not look at the
 * kind: SUMMARY;VALUE=DATE would give a date to whoever asks for text.
 * So only the types RFC 5545 allows for a property get through. */
gboolean
paraat_reader_value_kind_allowed (icalproperty_kind kind,
                                  icalvalue_kind    value_kind)
{
  icalvalue_kind def;

  if (kind == ICAL_X_PROPERTY)
    return TRUE;

  def = paraat_reader_default_value_kind (kind);
  if (value_kind == def)
    return TRUE;

  if (kind == ICAL_GEO_PROPERTY)
    return value_kind == ICAL_GEO_VALUE;
  if (kind == ICAL_TRIGGER_PROPERTY)
    return value_kind == ICAL_DURATION_VALUE || value_kind == ICAL_DATETIME_VALUE;
  if (kind == ICAL_ATTACH_PROPERTY)
    return value_kind == ICAL_ATTACH_VALUE || value_kind == ICAL_URI_VALUE
           || value_kind == ICAL_BINARY_VALUE;
  if (kind == ICAL_RDATE_PROPERTY || def == ICAL_DATETIMEPERIOD_VALUE)
    return value_kind == ICAL_DATETIME_VALUE || value_kind == ICAL_DATE_VALUE
           || value_kind == ICAL_PERIOD_VALUE;
  if (def == ICAL_DATETIME_VALUE || def == ICAL_DATETIMEDATE_VALUE)
    return value_kind == ICAL_DATETIME_VALUE || value_kind == ICAL_DATE_VALUE;

  return FALSE;
}

static gboolean
time_is_sane (struct icaltimetype t)
{
  if (icaltime_is_null_time (t))
    return TRUE;
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12)
    return FALSE;
  if (t.day < 1 || t.day > icaltime_days_in_month (t.month, t.year))
    return FALSE;
  if (t.is_date)
    return TRUE;

  return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59
         && t.second >= 0 && t.second <= 60;
}

/* Every value in a BY… list of @recur within its range. libical takes
 * BYMONTH=13 (for RSCALE leap months), which its expansion then uses. */
static gboolean
recurrence_parts_in_range (const struct icalrecurrencetype *recur)
{
  static const struct { gsize offset; gsize size; int min, max; gboolean nonzero; } lists[] = {
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_second), ICAL_BY_SECOND_SIZE, 0, 60, FALSE },
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_minute), ICAL_BY_MINUTE_SIZE, 0, 59, FALSE },
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_hour), ICAL_BY_HOUR_SIZE, 0, 23, FALSE },
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_month_day), ICAL_BY_MONTHDAY_SIZE, -31, 31, TRUE },
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_year_day), ICAL_BY_YEARDAY_SIZE, -366, 366, TRUE },
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_week_no), ICAL_BY_WEEKNO_SIZE, -53, 53, TRUE },
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_month), ICAL_BY_MONTH_SIZE, 1, 12, TRUE },
    { G_STRUCT_OFFSET (struct icalrecurrencetype, by_set_pos), ICAL_BY_SETPOS_SIZE, -366, 366, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      const short *list = G_STRUCT_MEMBER_P (recur, lists[i].offset);

      for (gsize j = 0; j < lists[i].size && list[j] != ICAL_RECURRENCE_ARRAY_MAX; j++)
        {
          if (list[j] < lists[i].min || list[j] > lists[i].max || (lists[i].nonzero && list[j] == 0))
            return FALSE;
        }
    }
  for (gsize j = 0; j < ICAL_BY_DAY_SIZE && recur->by_day[j] != ICAL_RECURRENCE_ARRAY_MAX; j++)
    {
      int weekday = icalrecurrencetype_day_day_of_week (recur->by_day[j]);
      int position = icalrecurrencetype_day_position (recur->by_day[j]);

      if (weekday < ICAL_SUNDAY_WEEKDAY || weekday > ICAL_SATURDAY_WEEKDAY
          || position < -53 || position > 53)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_recurrence (ParaatReaderSink      *sink,
                  icalproperty          *prop,
                  icalcomponent_kind     where,
                  int                    line,
                  GError               **error)
{
  struct icalrecurrencetype recur = icalproperty_get_rrule (prop);

  if (recur.freq == ICAL_NO_RECURRENCE)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name, line, "%s",
                               _("RRULE has no valid FREQ"));
      return FALSE;
    }
  if (recur.freq == ICAL_SECONDLY_RECURRENCE || recur.freq == ICAL_MINUTELY_RECURRENCE
      || recur.freq == ICAL_HOURLY_RECURRENCE)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_RECURRENCE, sink->name, line,
                               /* Translators: %s is SECONDLY, MINUTELY or HOURLY */
                               _("RRULE repeats FREQ=%s; exercises can repeat at most daily, "
                                 "so change the rule to DAILY or less often"),
                               icalrecur_freq_to_string (recur.freq));
      return FALSE;
    }
  if ((where == ICAL_XSTANDARD_COMPONENT || where == ICAL_XDAYLIGHT_COMPONENT)
      && recur.freq != ICAL_YEARLY_RECURRENCE)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_RECURRENCE, sink->name, line,
                               /* Translators: %s is the frequency, like DAILY */
                               _("a time zone rule repeats FREQ=%s; time zone changes can only "
                                 "repeat yearly"),
                               icalrecur_freq_to_string (recur.freq));
      return FALSE;
    }
  if (recur.count < 0 || recur.count > (int) sink->limits->max_count)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_RECURRENCE, sink->name, line,
                               /* Translators: the COUNT in the file, then the limit */
                               _("RRULE has COUNT=%d, more than the %u occurrences allowed; "
                                 "split the series or end it with UNTIL"),
                               recur.count, sink->limits->max_count);
      return FALSE;
    }
  if (recur.interval < 1)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name, line, "%s",
                               _("RRULE has an INTERVAL below 1"));
      return FALSE;
    }
  if (!recurrence_parts_in_range (&recur))
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name, line, "%s",
                               _("RRULE has a BY… value out of range (like BYMONTH=13)"));
      return FALSE;
    }
  if (!time_is_sane (recur.until))
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name, line, "%s",
                               _("RRULE has an UNTIL that is not a real date"));
      return FALSE;
    }

  return TRUE;
}

/* Everything in @comp and below: libical's parse errors, value types,
 * dates that exist, recurrence rules, and how much there is. */
static gboolean
check_tree (ParaatReaderSink      *sink,
            icalcomponent         *comp,
            icalcomponent_kind     parent_kind,
            const ParaatReaderLines *lines,
            guint                 *n_items,
            GError               **error)
{
  icalcomponent_kind kind = icalcomponent_isa (comp);
  int line = lines->component;

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    {
      icalproperty_kind pkind = icalproperty_isa (prop);
      icalvalue *value = icalproperty_get_value (prop);
      icalvalue_kind vkind;

      *n_items += 1 + icalproperty_count_parameters (prop);
      if (*n_items > sink->limits->max_properties)
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_TOO_MANY, sink->name, line,
                                   /* Translators: the component (VEVENT), then the limit */
                                   _("%s has more than %u properties, parameters and values"),
                                   icalcomponent_kind_to_string (kind),
                                   sink->limits->max_properties);
          return FALSE;
        }

      if (pkind == ICAL_XLICERROR_PROPERTY)
        {
          g_autofree char *text = paraat_reader_shorten (icalproperty_get_xlicerror (prop));

          paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, sink->name, line,
                                   /* Translators: the component (VEVENT), then libical's
                                    * own (English) description of the problem */
                                   _("%s cannot be read: %s"),
                                   icalcomponent_kind_to_string (kind), text);
          return FALSE;
        }
      if (value == NULL)
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name, line,
                                   /* Translators: a property name, like DTSTART */
                                   _("property %s has no value"), icalproperty_get_property_name (prop));
          return FALSE;
        }

      vkind = icalvalue_isa (value);
      if (!paraat_reader_value_kind_allowed (pkind, vkind))
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name, line,
                                   /* Translators: a property name, then a value type like DATE */
                                   _("property %s cannot have a value of type %s"),
                                   icalproperty_get_property_name (prop),
                                   icalvalue_kind_to_string (vkind));
          return FALSE;
        }

      if ((vkind == ICAL_DATETIME_VALUE && !time_is_sane (icalvalue_get_datetime (value)))
          || (vkind == ICAL_DATE_VALUE && !time_is_sane (icalvalue_get_date (value)))
          || (vkind == ICAL_PERIOD_VALUE
              && (!time_is_sane (icalvalue_get_period (value).start)
                  || !time_is_sane (icalvalue_get_period (value).end))))
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name,
                                   pkind == ICAL_DTSTART_PROPERTY && lines->dtstart > 0 ? lines->dtstart :
                                   pkind == ICAL_DTEND_PROPERTY && lines->dtend > 0 ? lines->dtend : line,
                                   /* Translators: a property name, like DTSTART */
                                   _("property %s has a date or time that does not exist"),
                                   icalproperty_get_property_name (prop));
          return FALSE;
        }

      if ((pkind == ICAL_RRULE_PROPERTY || pkind == ICAL_EXRULE_PROPERTY)
          && !check_recurrence (sink, prop, kind,
                                lines->rrule > 0 && kind == parent_kind ? lines->rrule : line,
                                error))
        return FALSE;
    }

  for (icalcomponent *sub = icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT);
       sub != NULL;
       sub = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind skind = icalcomponent_isa (sub);
      gboolean ok_here;

      if (kind == ICAL_VTIMEZONE_COMPONENT)
        ok_here = skind == ICAL_XSTANDARD_COMPONENT || skind == ICAL_XDAYLIGHT_COMPONENT;
      else if (kind == ICAL_VEVENT_COMPONENT || kind == ICAL_VTODO_COMPONENT)
        ok_here = skind == ICAL_VALARM_COMPONENT;
      else
        ok_here = FALSE;
      if (!ok_here)
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_STRUCTURE, sink->name, line,
                                   /* Translators: two component names, like VALARM and VJOURNAL */
                                   _("%s cannot be inside %s"),
                                   icalcomponent_kind_to_string (skind),
                                   icalcomponent_kind_to_string (kind));
          return FALSE;
        }

      *n_items += 1;
      if (!check_tree (sink, sub, kind, lines, n_items, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_timezone (ParaatReaderSink        *sink,
                icalcomponent           *comp,
                const ParaatReaderLines *lines,
                GError                 **error)
{
  icalproperty *tzid_prop = icalcomponent_get_first_property (comp, ICAL_TZID_PROPERTY);
  const char *tzid = tzid_prop != NULL ? icalproperty_get_tzid (tzid_prop) : NULL;
  guint n_observances = 0;

  if (tzid == NULL || tzid[0] == '\0')
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_MISSING, sink->name, lines->component,
                               "%s", _("VTIMEZONE has no TZID"));
      return FALSE;
    }
  if (sink->n_timezones >= sink->limits->max_timezones)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_TOO_MANY, sink->name, lines->component,
                               /* Translators: the limit */
                               _("the calendar has more than %u VTIMEZONEs"),
                               sink->limits->max_timezones);
      return FALSE;
    }
  if (icalcomponent_get_timezone (sink->calendar, tzid) != NULL)
    {
      g_autofree char *text = paraat_reader_shorten (tzid);

      paraat_reader_set_error (error, PARAAT_READER_ERROR_STRUCTURE, sink->name, lines->component,
                               /* Translators: a time zone name, like Europe/Amsterdam */
                               _("VTIMEZONE “%s” is defined twice"), text);
      return FALSE;
    }

  for (icalcomponent *sub = icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT);
       sub != NULL;
       sub = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    {
      n_observances++;
      if (icalcomponent_get_first_property (sub, ICAL_DTSTART_PROPERTY) == NULL
          || icalcomponent_get_first_property (sub, ICAL_TZOFFSETFROM_PROPERTY) == NULL
          || icalcomponent_get_first_property (sub, ICAL_TZOFFSETTO_PROPERTY) == NULL)
        {
          g_autofree char *text = paraat_reader_shorten (tzid);

          paraat_reader_set_error (error, PARAAT_READER_ERROR_MISSING, sink->name,
                                   lines->component,
                                   /* Translators: a time zone name, like Europe/Amsterdam */
                                   _("VTIMEZONE “%s” has a STANDARD or DAYLIGHT part without "
                                     "DTSTART, TZOFFSETFROM or TZOFFSETTO"), text);
          return FALSE;
        }
    }
  if (n_observances == 0)
    {
      g_autofree char *text = paraat_reader_shorten (tzid);

      paraat_reader_set_error (error, PARAAT_READER_ERROR_MISSING, sink->name, lines->component,
                               /* Translators: a time zone name, like Europe/Amsterdam */
                               _("VTIMEZONE “%s” has no STANDARD or DAYLIGHT part"), text);
      return FALSE;
    }

  return TRUE;
}

static const char *
get_tzid (icalproperty *prop)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  return param != NULL ? icalparameter_get_tzid (param) : NULL;
}

/* The UID as a message shows it: made only for a message */
static const char *
shorten_once (char       **shown,
              const char  *text)
{
  if (*shown == NULL)
    *shown = paraat_reader_shorten (text);

  return *shown;
}

/* Called with @comp already inside sink->calendar, so TZIDs resolve. */
static gboolean
check_event (ParaatReaderSink        *sink,
             icalcomponent           *comp,
             const ParaatReaderLines *lines,
             GError                 **error)
{
  icalproperty *uid = icalcomponent_get_first_property (comp, ICAL_UID_PROPERTY);
  icalproperty *dtstart = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (comp, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (comp, ICAL_DURATION_PROPERTY);
  const char *uid_text = uid != NULL ? icalproperty_get_uid (uid) : NULL;
  g_autofree char *shown = NULL;
  struct icaltimetype start, end;

  if (uid_text == NULL || uid_text[0] == '\0')
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_MISSING, sink->name, lines->component,
                               "%s", _("VEVENT has no UID; every event needs one to be imported "
                                       "and updated later"));
      return FALSE;
    }
  if (dtstart == NULL)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_MISSING, sink->name, lines->component,
                               /* Translators: the event's UID */
                               _("VEVENT “%s” has no DTSTART"), shorten_once (&shown, uid_text));
      return FALSE;
    }
  if (dtend != NULL && duration != NULL)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_INVALID, sink->name,
                               lines->duration > 0 ? lines->duration : lines->component,
                               /* Translators: the event's UID */
                               _("VEVENT “%s” has both DTEND and DURATION; keep one of them"),
                               shorten_once (&shown, uid_text));
      return FALSE;
    }
  if (duration != NULL && icalproperty_get_duration (duration).is_neg)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_INVALID, sink->name,
                               lines->duration > 0 ? lines->duration : lines->component,
                               /* Translators: the event's UID */
                               _("VEVENT “%s” has a negative DURATION"),
                               shorten_once (&shown, uid_text));
      return FALSE;
    }
  if (dtend == NULL)
    return TRUE;

  start = icalproperty_get_dtstart (dtstart);
  end = icalproperty_get_dtend (dtend);
  if (start.is_date != end.is_date)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_INVALID, sink->name,
                               lines->dtend > 0 ? lines->dtend : lines->component,
                               /* Translators: the event's UID */
                               _("VEVENT “%s” has DTSTART and DTEND of different types (one a "
                                 "date, the other a date and time)"),
                               shorten_once (&shown, uid_text));
      return FALSE;
    }

  /* In the same zone local times compare as they are, without asking
   * libical to expand the zone's rules. */
  if (g_strcmp0 (get_tzid (dtstart), get_tzid (dtend)) == 0
      && icaltime_is_utc (start) == icaltime_is_utc (end))
    {
      start.zone = end.zone = NULL;
    }
  else
    {
      start = icalcomponent_get_dtstart (comp);
      end = icalcomponent_get_dtend (comp);
    }
  if (icaltime_compare (start, end) > 0)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_INVALID, sink->name,
                               lines->dtend > 0 ? lines->dtend : lines->component,
                               /* Translators: the event's UID, then two times as in the file */
                               _("VEVENT “%s” ends (DTEND %s) before it starts (DTSTART %s)"),
                               shorten_once (&shown, uid_text),
                               icaltime_as_ical_string (icalproperty_get_dtend (dtend)),
                               icaltime_as_ical_string (icalproperty_get_dtstart (dtstart)));
      return FALSE;
    }

  return TRUE;
}

/* Sink */

void
paraat_reader_sink_init (ParaatReaderSink         *sink,
                         const char               *name,
                         const ParaatReaderLimits *limits,
                         ParaatComponentFunc       func,
                         gpointer                  user_data)
{
  memset (sink, 0, sizeof *sink);
  sink->name = name;
  sink->limits = limits;
  sink->func = func;
  sink->user_data = user_data;
}

void
paraat_reader_sink_clear (ParaatReaderSink *sink)
{
  g_clear_pointer (&sink->calendar, icalcomponent_free);
}

void
paraat_reader_sink_new_calendar (ParaatReaderSink *sink)
{
  g_clear_pointer (&sink->calendar, icalcomponent_free);
  sink->calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  sink->n_timezones = 0;
  sink->n_calendar_items = 0;
}

gboolean
paraat_reader_sink_add_calendar_property (ParaatReaderSink  *sink,
                                          icalproperty      *prop,
                                          int                line,
                                          GError           **error)
{
  icalvalue *value = icalproperty_get_value (prop);

  if (sink->calendar == NULL)
    paraat_reader_sink_new_calendar (sink);

  if (++sink->n_calendar_items > sink->limits->max_properties)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_TOO_MANY, sink->name, line,
                               /* Translators: the limit */
                               _("VCALENDAR has more than %u properties"),
                               sink->limits->max_properties);
      icalproperty_free (prop);
      return FALSE;
    }
  if (icalproperty_isa (prop) == ICAL_XLICERROR_PROPERTY || value == NULL
      || !paraat_reader_value_kind_allowed (icalproperty_isa (prop), icalvalue_isa (value)))
    {
      const char *pname = icalproperty_get_property_name (prop);

      paraat_reader_set_error (error, PARAAT_READER_ERROR_VALUE, sink->name, line,
                               /* Translators: a property name, like PRODID */
                               _("calendar property %s cannot be read"), pname ? pname : "?");
      icalproperty_free (prop);
      return FALSE;
    }
  icalcomponent_add_property (sink->calendar, prop);

  return TRUE;
}

/* Takes @comp, a component read at the top of a VCALENDAR: checks it, then
 * keeps it (VTIMEZONE), hands it to the callback and frees it (VEVENT,
 * VTODO…), or drops it (X- components). */
gboolean
paraat_reader_sink_take (ParaatReaderSink         *sink,
                         icalcomponent            *comp,
                         const ParaatReaderLines  *lines,
                         GError                  **error)
{
  icalcomponent_kind kind = icalcomponent_isa (comp);
  guint n_items = 0;
  gboolean ok;

  if (sink->calendar == NULL)
    paraat_reader_sink_new_calendar (sink);

  if (!paraat_reader_is_top_level_kind (kind))
    {
      if (kind == ICAL_X_COMPONENT || kind == ICAL_NO_COMPONENT)
        {
          icalcomponent_free (comp);
          return TRUE;
        }
      paraat_reader_set_error (error, PARAAT_READER_ERROR_STRUCTURE, sink->name, lines->component,
                               /* Translators: a component name, like VALARM */
                               _("%s cannot be directly inside VCALENDAR"),
                               icalcomponent_kind_to_string (kind));
      icalcomponent_free (comp);
      return FALSE;
    }

  if (!check_tree (sink, comp, kind, lines, &n_items, error))
    {
      icalcomponent_free (comp);
      return FALSE;
    }

  if (kind == ICAL_VTIMEZONE_COMPONENT)
    {
      if (!check_timezone (sink, comp, lines, error))
        {
          icalcomponent_free (comp);
          return FALSE;
        }
      icalcomponent_add_component (sink->calendar, comp);
      sink->n_timezones++;
      return TRUE;
    }

  icalcomponent_add_component (sink->calendar, comp);
  ok = kind != ICAL_VEVENT_COMPONENT || check_event (sink, comp, lines, error);
  if (ok)
    {
      current_line = lines->component;
      current_component = comp;
      current_kept = FALSE;
      ok = sink->func (comp, sink->user_data, error);
      current_line = 0;
      current_component = NULL;
    }
  if (!current_kept)
    {
      icalcomponent_remove_component (sink->calendar, comp);
      icalcomponent_free (comp);
    }
  current_kept = FALSE;

  return ok;
}

/* The front */

/**
 * paraat_calendar_reader_get_line:
 *
 * The line of the component the current #ParaatComponentFunc was given
 * (the line of its BEGIN, or of its xCal element), for messages. Only
 * meaningful inside the callback, on the thread that reads.
 *
 * Returns: the line, or 0 outside a callback
 */
int
paraat_calendar_reader_get_line (void)
{
  return current_line;
}

/**
 * paraat_calendar_reader_keep_component:
 * @comp: the component the current #ParaatComponentFunc was given
 *
 * Keeps @comp past the callback: the reader takes it out of its
 * VCALENDAR at once (so it has no parent any more, and its times no
 * longer find the file's VTIMEZONEs) and leaves it to the caller, who
 * frees it with icalcomponent_free(). Spares a clone when another thread
 * is to look at the component. Only inside the callback, on the thread
 * that reads.
 */
void
paraat_calendar_reader_keep_component (icalcomponent *comp)
{
  g_return_if_fail (comp != NULL && comp == current_component && !current_kept);

  icalcomponent_remove_component (icalcomponent_get_parent (comp), comp);
  current_kept = TRUE;
}

static gboolean
read_fd (int                        fd,
         const char                *display_name,
         const ParaatReaderLimits  *limits,
         ParaatCalendarFormat      *format,
         const ParaatXcalTapeHooks *hooks,
         gpointer                   hooks_data,
         ParaatComponentFunc        func,
         gpointer                   user_data,
         GError                   **error)
{
  ParaatReaderLimits defaults;
  ParaatInput in;
  ParaatCalendarFormat found;
  struct stat st;
  gboolean ok = FALSE;

  if (limits == NULL)
    {
      paraat_reader_limits_init (&defaults);
      limits = &defaults;
    }
  if (format != NULL)
    *format = PARAAT_CALENDAR_FORMAT_UNKNOWN;

  /* Refuse a big regular file before reading any of it. */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > limits->max_file_size)
    {
      g_autofree char *limit = g_format_size (limits->max_file_size);

      paraat_reader_set_error (error, PARAAT_READER_ERROR_SIZE, display_name, 0,
                               /* Translators: the size limit, like “512.0 MB” */
                               _("the file is larger than the import limit of %s; split it into "
                                 "smaller files or raise the limit"), limit);
      return FALSE;
    }

  paraat_input_init (&in, fd, display_name, limits);
  if (!paraat_input_peek (&in, DETECT_HEAD))
    {
      g_propagate_error (error, g_steal_pointer (&in.error));
      paraat_input_clear (&in);
      return FALSE;
    }

  found = paraat_calendar_detect (in.buf + in.pos, in.len - in.pos);
  if (format != NULL)
    *format = found;

  if (found == PARAAT_CALENDAR_FORMAT_XCAL)
    ok = paraat_xcal_read_input (&in, hooks, hooks_data, func, user_data, error);
  else if (found == PARAAT_CALENDAR_FORMAT_ICS)
    ok = paraat_ics_read_input (&in, func, user_data, error);
  else if (found == PARAAT_CALENDAR_FORMAT_GZIP)
    {
      if (!paraat_input_check_magic (&in))
        g_propagate_error (error, g_steal_pointer (&in.error));
    }
  else if (in.len == in.pos)
    paraat_reader_set_error (error, PARAAT_READER_ERROR_FORMAT, display_name, 0, "%s",
                             _("the file is empty"));
  else
    paraat_reader_set_error (error, PARAAT_READER_ERROR_FORMAT, display_name, 0, "%s",
                             _("this is neither xCal (XML) nor iCalendar (.ics); export the "
                               "calendar again in one of those formats"));

  paraat_input_clear (&in);

  return ok;
}

gboolean
paraat_calendar_read_fd (int                        fd,
                         const char                *display_name,
                         const ParaatReaderLimits  *limits,
                         ParaatCalendarFormat      *format,
                         ParaatComponentFunc        func,
                         gpointer                   user_data,
                         GError                   **error)
{
  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_fd (fd, display_name, limits, format, NULL, NULL, func, user_data, error);
}

static gboolean
read_path (const char                *path,
           const ParaatReaderLimits  *limits,
           ParaatCalendarFormat      *format,
           const ParaatXcalTapeHooks *hooks,
           gpointer                   hooks_data,
           ParaatComponentFunc        func,
           gpointer                   user_data,
           GError                   **error)
{
  g_autofree char *name = NULL;
  gboolean ok;
  int fd;

  name = g_filename_display_basename (path);
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      paraat_reader_set_error (error, PARAAT_READER_ERROR_IO, name, 0,
                               /* Translators: the system's reason why a file could not be read */
                               _("could not open the file: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  ok = read_fd (fd, name, limits, format, hooks, hooks_data, func, user_data, error);
  g_close (fd, NULL);

  return ok;
}

gboolean
paraat_calendar_read_file (const char                *path,
                           const ParaatReaderLimits  *limits,
                           ParaatCalendarFormat      *format,
                           ParaatComponentFunc        func,
                           gpointer                   user_data,
                           GError                   **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_path (path, limits, format, NULL, NULL, func, user_data, error);
}

/* paraat_calendar_read_file(), where an xCal reader records the VEVENTs
 * @hooks asks for (see ParaatXcalTapeHooks); an .ics file is read as
 * usual. */
gboolean
paraat_calendar_read_file_taped (const char                *path,
                                 const ParaatReaderLimits  *limits,
                                 const ParaatXcalTapeHooks *hooks,
                                 gpointer                   hooks_data,
                                 ParaatComponentFunc        func,
                                 gpointer                   user_data,
                                 GError                   **error)
{
  return read_path (path, limits, NULL, hooks, hooks_data, func, user_data, error);
}

/* paraat_ics_read_input(), in the shape of paraat_xcal_read_input() */
static gboolean
ics_read_input (ParaatInput                *in,
                const ParaatXcalTapeHooks  *hooks,
                gpointer                    hooks_data,
                ParaatComponentFunc         func,
                gpointer                    user_data,
                GError                    **error)
{
  return paraat_ics_read_input (in, func, user_data, error);
}

static gboolean
read_with (gboolean (*read_input) (ParaatInput *, const ParaatXcalTapeHooks *, gpointer,
                                   ParaatComponentFunc, gpointer, GError **),
           int                        fd,
           const char                *display_name,
           const ParaatReaderLimits  *limits,
           const ParaatXcalTapeHooks *hooks,
           gpointer                   hooks_data,
           ParaatComponentFunc        func,
           gpointer                   user_data,
           GError                   **error)
{
  ParaatReaderLimits defaults;
  ParaatInput in;
  gboolean ok;

  if (limits == NULL)
    {
      paraat_reader_limits_init (&defaults);
      limits = &defaults;
    }
  paraat_input_init (&in, fd, display_name, limits);
  ok = read_input (&in, hooks, hooks_data, func, user_data, error);
  paraat_input_clear (&in);

  return ok;
}

gboolean
paraat_xcal_read_fd (int                        fd,
                     const char                *display_name,
                     const ParaatReaderLimits  *limits,
                     ParaatComponentFunc        func,
                     gpointer                   user_data,
                     GError                   **error)
{
  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_with (paraat_xcal_read_input, fd, display_name, limits, NULL, NULL, func, user_data, error);
}

/* A read where every VEVENT right inside the VCALENDAR goes over a tape
 * and is replayed at once, as paraat_import_run() does across two
 * threads */
typedef struct
{
  ParaatXcalTape   *tape;
  ParaatXcalReplay *replay;
} Replayed;

static ParaatXcalTape *
replayed_record_cb (icalcomponent *calendar,
                    gpointer       user_data)
{
  Replayed *replayed = user_data;

  paraat_xcal_tape_clear (replayed->tape);

  return replayed->tape;
}

static gboolean
replayed_recorded_cb (ParaatXcalTape  *tape,
                      gsize            offset,
                      icalcomponent   *calendar,
                      gpointer         user_data,
                      GError         **error)
{
  Replayed *replayed = user_data;

  return paraat_xcal_replay (replayed->replay, tape, offset, calendar, error);
}

/**
 * paraat_xcal_read_fd_replayed:
 *
 * paraat_xcal_read_fd(), with every VEVENT right inside the VCALENDAR
 * recorded on a tape and replayed at once: for the tests and the fuzz
 * target, which check that it reads the same as paraat_xcal_read_fd().
 * @max_entry: as #ParaatXcalTapeHooks's; a small one has the reader map
 * the longer VEVENTs itself from where their tape stopped.
 */
gboolean
paraat_xcal_read_fd_replayed (int                        fd,
                              const char                *display_name,
                              const ParaatReaderLimits  *limits,
                              gsize                      max_entry,
                              ParaatComponentFunc        func,
                              gpointer                   user_data,
                              GError                   **error)
{
  ParaatXcalTapeHooks hooks = { replayed_record_cb, replayed_recorded_cb, max_entry };
  ParaatReaderLimits defaults;
  Replayed replayed;
  gboolean ok;

  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The replay checks with the reader's limits */
  if (limits == NULL)
    {
      paraat_reader_limits_init (&defaults);
      limits = &defaults;
    }
  replayed.tape = paraat_xcal_tape_new ();
  replayed.replay = paraat_xcal_replay_new (limits, func, user_data);
  ok = read_with (paraat_xcal_read_input, fd, display_name, limits, &hooks, &replayed, func, user_data, error);
  paraat_xcal_replay_free (replayed.replay);
  paraat_xcal_tape_free (replayed.tape);

  return ok;
}

gboolean
paraat_ics_read_fd (int                        fd,
                    const char                *display_name,
                    const ParaatReaderLimits  *limits,
                    ParaatComponentFunc        func,
                    gpointer                   user_data,
                    GError                   **error)
{
  g_return_val_if_fail (fd >= 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return read_with (ics_read_input, fd, display_name, limits, NULL, NULL, func, user_data, error);
}
