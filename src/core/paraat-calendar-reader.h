/* paraat-calendar-reader.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading calendar files that come from other organisations: xCal
 * (RFC 6321) and iCalendar (RFC 5545), recognised by their content.
 *
 * Both readers stream. They read from a file descriptor in small blocks,
 * build one top-level component at a time (VEVENT, VTODO, VJOURNAL,
 * VFREEBUSY) as a libical icalcomponent and hand it to a callback, then
 * free it, so memory stays flat however long the file is. xCal is read
 * with libxml2's xmlTextReader and mapped onto libical; iCalendar is
 * unfolded line by line and fed to icalparser one component at a time.
 * Recurrence and time zones are then libical's job, the same for both.
 *
 * What the callback gets: @comp belongs to the reader and is freed after
 * the callback returns (clone it to keep it). Its parent
 * (icalcomponent_get_parent()) is a VCALENDAR that holds the calendar's
 * own properties and every VTIMEZONE read so far, so
 * icalcomponent_get_dtstart() and friends resolve TZIDs through libical.
 * VTIMEZONEs are not handed to the callback themselves. A VTIMEZONE must
 * come before the events that use it (as every producer we know writes
 * them); a TZID with no VTIMEZONE before it is left to libical's
 * built-in zones, or stays unresolved (floating).
 *
 * Everything wrong is an error, not a warning: the read stops at the
 * first problem and returns FALSE with a PARAAT_READER_ERROR naming the
 * file, the line and the element or property. The callback may already
 * have seen earlier components by then, so a caller that writes must do
 * so in a transaction it rolls back on failure (that is how the import
 * leaves the database untouched). Refused, besides malformed input:
 *
 *  - a DOCTYPE, entity declarations and entity references (XXE, billion
 *    laughs); nothing is ever loaded from the network or another file;
 *  - gzip-compressed input (libxml2 would otherwise inflate it silently);
 *  - a file over limits->max_file_size, elements nested deeper than
 *    limits->max_depth, a value longer than limits->max_value_length, a
 *    component with more than limits->max_properties properties,
 *    parameters and values, more than limits->max_timezones VTIMEZONEs;
 *  - text that is not UTF-8; xCal must be UTF-8 too (an encoding
 *    declaration is ignored), so that a scan in front of libxml2 can
 *    refuse a DOCTYPE before libxml2 reads it, and an element with more
 *    than 64 attributes before libxml2 compares them pairwise (2.9.14
 *    takes quadratic time there);
 *  - xCal elements outside urn:ietf:params:xml:ns:icalendar-2.0 where
 *    the structure needs an xCal element (elements of other namespaces
 *    inside <properties> are skipped, as RFC 6321 §5 allows);
 *  - a VEVENT without UID or DTSTART, DTEND before DTSTART, DTEND and
 *    DURATION together, a negative DURATION, DTEND of another value
 *    type than DTSTART;
 *  - a value of a type the property does not take (SUMMARY as a date),
 *    which libical would otherwise read as the wrong union member;
 *  - RRULEs that would expand absurdly: FREQ=SECONDLY, MINUTELY or
 *    HOURLY, COUNT over limits->max_count; in a VTIMEZONE only
 *    FREQ=YEARLY. Open-ended rules are allowed: whoever expands them must
 *    stop at a window or a count of their own.
 */

#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

#define PARAAT_READER_ERROR (paraat_reader_error_quark ())

typedef enum
{
  PARAAT_READER_ERROR_IO,        /* could not read the file */
  PARAAT_READER_ERROR_FORMAT,    /* neither xCal nor iCalendar */
  PARAAT_READER_ERROR_GZIP,      /* compressed input */
  PARAAT_READER_ERROR_SIZE,      /* file over max_file_size */
  PARAAT_READER_ERROR_DEPTH,     /* nesting over max_depth */
  PARAAT_READER_ERROR_TOO_LONG,  /* a value (or an iCalendar line) over max_value_length */
  PARAAT_READER_ERROR_TOO_MANY,  /* over max_properties in a component, or max_timezones */
  PARAAT_READER_ERROR_DOCTYPE,   /* DOCTYPE, entity declaration or reference, external entity */
  PARAAT_READER_ERROR_ENCODING,  /* not UTF-8, or an encoding libxml2 does not know */
  PARAAT_READER_ERROR_SYNTAX,    /* not well-formed XML, a bad iCalendar line, truncated */
  PARAAT_READER_ERROR_NAMESPACE, /* an xCal element in the wrong (or no) namespace */
  PARAAT_READER_ERROR_STRUCTURE, /* an element or component where it cannot be */
  PARAAT_READER_ERROR_VALUE,     /* a value that does not parse, or of the wrong type */
  PARAAT_READER_ERROR_MISSING,   /* a VEVENT without UID or DTSTART, a VTIMEZONE without TZID */
  PARAAT_READER_ERROR_INVALID,   /* DTEND before DTSTART and other contradictions */
  PARAAT_READER_ERROR_RECURRENCE, /* an RRULE that would expand absurdly */
} ParaatReaderError;

typedef enum
{
  PARAAT_CALENDAR_FORMAT_UNKNOWN,
  PARAAT_CALENDAR_FORMAT_XCAL,
  PARAAT_CALENDAR_FORMAT_ICS,
  PARAAT_CALENDAR_FORMAT_GZIP,   /* recognised only to be refused */
} ParaatCalendarFormat;

/* PARAAT_READER_DEFAULT_* are the values paraat_reader_limits_init() sets. */
#define PARAAT_READER_DEFAULT_MAX_FILE_SIZE    (G_GINT64_CONSTANT (512) * 1024 * 1024)
#define PARAAT_READER_DEFAULT_MAX_DEPTH        64
#define PARAAT_READER_DEFAULT_MAX_VALUE_LENGTH (1024 * 1024)
#define PARAAT_READER_DEFAULT_MAX_PROPERTIES   10000
#define PARAAT_READER_DEFAULT_MAX_TIMEZONES    1000
#define PARAAT_READER_DEFAULT_MAX_COUNT        10000

typedef struct
{
  gint64 max_file_size;     /* bytes read from the file descriptor */
  guint  max_depth;         /* XML element depth, or BEGIN: nesting in iCalendar */
  gsize  max_value_length;  /* bytes of one value (iCalendar: one unfolded line) */
  guint  max_properties;    /* properties, parameters, values, subcomponents per component */
  guint  max_timezones;     /* VTIMEZONEs per calendar */
  guint  max_count;         /* the largest RRULE COUNT */
} ParaatReaderLimits;

/* Return FALSE and set @error to stop the read; the reader returns that error.
 * The reader frees @comp after the call unless the callback keeps it with
 * paraat_calendar_reader_keep_component(). */
typedef gboolean (*ParaatComponentFunc) (icalcomponent  *comp,
                                         gpointer        user_data,
                                         GError        **error);

GQuark               paraat_reader_error_quark  (void);

void                 paraat_reader_limits_init  (ParaatReaderLimits        *limits);

ParaatCalendarFormat paraat_calendar_detect     (const guint8              *head,
                                                 gsize                      len);
const char          *paraat_calendar_format_to_string (ParaatCalendarFormat format);

gboolean             paraat_calendar_read_fd    (int                        fd,
                                                 const char                *display_name,
                                                 const ParaatReaderLimits  *limits,
                                                 ParaatCalendarFormat      *format,
                                                 ParaatComponentFunc        func,
                                                 gpointer                   user_data,
                                                 GError                   **error);
gboolean             paraat_calendar_read_file  (const char                *path,
                                                 const ParaatReaderLimits  *limits,
                                                 ParaatCalendarFormat      *format,
                                                 ParaatComponentFunc        func,
                                                 gpointer                   user_data,
                                                 GError                   **error);

int                  paraat_calendar_reader_get_line (void);
void                 paraat_calendar_reader_keep_component (icalcomponent *comp);

gboolean             paraat_xcal_read_fd        (int                        fd,
                                                 const char                *display_name,
                                                 const ParaatReaderLimits  *limits,
                                                 ParaatComponentFunc        func,
                                                 gpointer                   user_data,
                                                 GError                   **error);
gboolean             paraat_ics_read_fd         (int                        fd,
                                                 const char                *display_name,
                                                 const ParaatReaderLimits  *limits,
                                                 ParaatComponentFunc        func,
                                                 gpointer                   user_data,
                                                 GError                   **error);

G_END_DECLS
