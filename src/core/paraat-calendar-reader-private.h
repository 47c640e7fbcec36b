/* paraat-calendar-reader-private.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the xCal and iCalendar readers share: a buffered input over a file
 * descriptor that counts bytes and refuses gzip, the VCALENDAR that keeps
 * the calendar's properties and VTIMEZONEs, and the checks every
 * component goes through before the callback sees it.
 */

#pragma once

#include "paraat-calendar-reader.h"

G_BEGIN_DECLS

#define PARAAT_INPUT_BLOCK (64 * 1024)

typedef struct
{
  /* Borrowed */
  const char               *name;
  const ParaatReaderLimits *limits;
  int                       fd;

  /* Owned */
  guint8                   *buf;
  gsize                     pos;
  gsize                     len;
  gint64                    total;   /* bytes read from fd so far */
  gboolean                  eof;
  GError                   *error;   /* the first I/O, size or gzip error */
} ParaatInput;

/* Lines of some properties of the component being read, for messages;
 * 0 when the property was not seen. */
typedef struct
{
  int component;
  int dtstart;
  int dtend;
  int duration;
  int rrule;
} ParaatReaderLines;

typedef struct
{
  /* Borrowed */
  const char               *name;
  const ParaatReaderLimits *limits;
  ParaatComponentFunc       func;
  gpointer                  user_data;

  /* Owned */
  icalcomponent            *calendar;  /* VCALENDAR: its properties and the VTIMEZONEs */
  guint                     n_timezones;
  guint                     n_calendar_items;
} ParaatReaderSink;

void          paraat_input_init           (ParaatInput               *in,
                                           int                        fd,
                                           const char                *name,
                                           const ParaatReaderLimits  *limits);
void          paraat_input_clear          (ParaatInput               *in);
gboolean      paraat_input_peek           (ParaatInput               *in,
                                           gsize                      want);
gssize        paraat_input_read           (ParaatInput               *in,
                                           void                      *dest,
                                           gsize                      n);
gboolean      paraat_input_check_magic    (ParaatInput               *in);

void          paraat_reader_sink_init     (ParaatReaderSink          *sink,
                                           const char                *name,
                                           const ParaatReaderLimits  *limits,
                                           ParaatComponentFunc        func,
                                           gpointer                   user_data);
void          paraat_reader_sink_clear    (ParaatReaderSink          *sink);
void          paraat_reader_sink_new_calendar (ParaatReaderSink      *sink);
gboolean      paraat_reader_sink_add_calendar_property (ParaatReaderSink *sink,
                                           icalproperty              *prop,
                                           int                        line,
                                           GError                   **error);
gboolean      paraat_reader_sink_take     (ParaatReaderSink          *sink,
                                           icalcomponent             *comp,
                                           const ParaatReaderLines   *lines,
                                           GError                   **error);

void          paraat_reader_set_error     (GError                   **error,
                                           int                        code,
                                           const char                *name,
                                           int                        line,
                                           const char                *format,
                                           ...) G_GNUC_PRINTF (5, 6);
char         *paraat_reader_shorten       (const char                *text) G_GNUC_WARN_UNUSED_RESULT;

/* The xCal reader's scan of the bytes before libxml2 reads them
 * (paraat-xml-scan.c) */
typedef struct
{
  int       state;
  int       line;        /* of the chunk being scanned; see scan_error() */
  guint     attributes;  /* of the start tag being scanned */
  gboolean  in_root;     /* past the prolog */
  gboolean  started;
} ParaatXmlScan;

void          paraat_xml_scan_init        (ParaatXmlScan             *scan);
gboolean      paraat_xml_scan             (ParaatXmlScan             *scan,
                                           const guint8              *data,
                                           gsize                      len,
                                           const char                *name,
                                           GError                   **error);

/* Tapes: a reading thread records VEVENTs, another maps them
 * (paraat-xcal-tape.c) */
typedef struct _ParaatXcalTape ParaatXcalTape;
typedef struct _ParaatXcalReplay ParaatXcalReplay;

typedef struct
{
  /* At a <vevent> right inside <vcalendar>: the tape to record it on, or
   * NULL to read it as usual. @calendar holds the file's VTIMEZONEs read
   * so far. A tape holds the entries of one file. */
  ParaatXcalTape *(*record)   (icalcomponent   *calendar,
                               gpointer         user_data);
  /* The VEVENT is on @tape from @offset, for paraat_xcal_replay() */
  gboolean        (*recorded) (ParaatXcalTape  *tape,
                               gsize            offset,
                               icalcomponent   *calendar,
                               gpointer         user_data,
                               GError         **error);
  /* A VEVENT that grows past this many bytes of tape is mapped by the
   * reader after all; 0 for 256 KiB */
  gsize           max_entry;
} ParaatXcalTapeHooks;

ParaatXcalTape *paraat_xcal_tape_new      (void);
void          paraat_xcal_tape_clear      (ParaatXcalTape            *tape);
void          paraat_xcal_tape_free       (ParaatXcalTape            *tape);

ParaatXcalReplay *paraat_xcal_replay_new  (const ParaatReaderLimits  *limits,
                                           ParaatComponentFunc        func,
                                           gpointer                   user_data);
void          paraat_xcal_replay_free     (ParaatXcalReplay          *replay);
gboolean      paraat_xcal_replay          (ParaatXcalReplay          *replay,
                                           ParaatXcalTape            *tape,
                                           gsize                      offset,
                                           icalcomponent             *calendar,
                                           GError                   **error);

gboolean      paraat_xcal_read_input      (ParaatInput               *in,
                                           const ParaatXcalTapeHooks *hooks,
                                           gpointer                   hooks_data,
                                           ParaatComponentFunc        func,
                                           gpointer                   user_data,
                                           GError                   **error);
gboolean      paraat_calendar_read_file_taped (const char            *path,
                                           const ParaatReaderLimits  *limits,
                                           const ParaatXcalTapeHooks *hooks,
                                           gpointer                   hooks_data,
                                           ParaatComponentFunc        func,
                                           gpointer                   user_data,
                                           GError                   **error);
gboolean      paraat_xcal_read_fd_replayed (int                       fd,
                                           const char                *display_name,
                                           const ParaatReaderLimits  *limits,
                                           gsize                      max_entry,
                                           ParaatComponentFunc        func,
                                           gpointer                   user_data,
                                           GError                   **error);
gboolean      paraat_ics_read_input       (ParaatInput               *in,
                                           ParaatComponentFunc        func,
                                           gpointer                   user_data,
                                           GError                   **error);

icalvalue_kind paraat_reader_default_value_kind (icalproperty_kind kind);
gboolean      paraat_reader_value_kind_allowed (icalproperty_kind     kind,
                                           icalvalue_kind             value_kind);
gboolean      paraat_reader_is_top_level_kind  (icalcomponent_kind    kind);

G_END_DECLS
