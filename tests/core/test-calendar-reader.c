/* test-calendar-reader.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The xCal and iCalendar readers: detection by content; the three xCal
 * examples from shared/schemas against their iCalendar text, component by
 * component and property by property (once as libical parses the whole
 * text, once through our own iCalendar reader); hostile and broken files,
 * each with its error code and the line in the message; and every input
 * the fuzzers ever crashed on, replayed (tests/data/xcal/regressions).
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "paraat-calendar-reader.h"
#include "paraat-calendar-reader-private.h"
#include "paraat-test-utils.h"

/* Helpers */

typedef struct
{
  GPtrArray *components;  /* canonical text of each component the callback got */
  char      *calendar;    /* canonical text of the calendar around the last one */
  GPtrArray *starts;      /* DTSTART of each, in UTC, as libical resolved it */
} Collected;

static void
collected_clear (Collected *c)
{
  g_clear_pointer (&c->components, g_ptr_array_unref);
  g_clear_pointer (&c->starts, g_ptr_array_unref);
  g_clear_pointer (&c->calendar, g_free);
}

static void
append_component (GString       *out,
                  icalcomponent *comp,
                  gboolean       only_timezones)
{
  for (icalproperty *p = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       p != NULL;
       p = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    {
      char *text = icalproperty_as_ical_string_r (p);

      g_string_append (out, text);
      icalmemory_free_buffer (text);
    }
  for (icalcomponent *sub = icalcomponent_get_first_component (comp, ICAL_ANY_COMPONENT);
       sub != NULL;
       sub = icalcomponent_get_next_component (comp, ICAL_ANY_COMPONENT))
    {
      const char *name = icalcomponent_kind_to_string (icalcomponent_isa (sub));

      if (only_timezones && icalcomponent_isa (sub) != ICAL_VTIMEZONE_COMPONENT)
        continue;
      g_string_append_printf (out, "BEGIN:%s\r\n", name);
      append_component (out, sub, FALSE);
      g_string_append_printf (out, "END:%s\r\n", name);
    }
}

static char *
canonical (icalcomponent *comp,
           gboolean       only_timezones)
{
  GString *out = g_string_new (NULL);

  append_component (out, comp, only_timezones);

  return g_string_free (out, FALSE);
}

static gboolean
collect_cb (icalcomponent  *comp,
            gpointer        user_data,
            GError        **error)
{
  Collected *c = user_data;
  icalcomponent *parent = icalcomponent_get_parent (comp);
  struct icaltimetype start = icalcomponent_get_dtstart (comp);
  GString *text = g_string_new (NULL);
  const char *name = icalcomponent_kind_to_string (icalcomponent_isa (comp));

  g_assert_nonnull (parent);
  g_assert_cmpint (icalcomponent_isa (parent), ==, ICAL_VCALENDAR_COMPONENT);

  g_string_append_printf (text, "BEGIN:%s\r\n", name);
  append_component (text, comp, FALSE);
  g_string_append_printf (text, "END:%s\r\n", name);
  g_ptr_array_add (c->components, g_string_free (text, FALSE));

  g_free (c->calendar);
  c->calendar = canonical (parent, TRUE);

  if (!icaltime_is_null_time (start) && !start.is_date && start.zone != NULL)
    start = icaltime_convert_to_zone (start, icaltimezone_get_utc_timezone ());
  g_ptr_array_add (c->starts, g_strdup (icaltime_as_ical_string (start)));

  return TRUE;
}

static void
collect_init (Collected *c)
{
  memset (c, 0, sizeof *c);
  c->components = g_ptr_array_new_with_free_func (g_free);
  c->starts = g_ptr_array_new_with_free_func (g_free);
}

static void
assert_same_strings (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

/* An xCal file read with every VEVENT recorded on a tape and replayed
 * (as paraat_import_run() does across two threads) must read the same,
 * to the error message: checked for every xCal file read_path() reads,
 * with tapes of the usual length and with tapes so short (@max_entry)
 * that the reader maps most VEVENTs itself from where they stopped. */
static void
assert_replay_reads_the_same (const char                *path,
                              const ParaatReaderLimits  *limits,
                              gsize                      max_entry,
                              gboolean                   ok,
                              const Collected           *c,
                              const GError              *error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) replay_error = NULL;
  Collected replayed;
  gboolean replay_ok;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  g_assert_cmpint (fd, >=, 0);
  collect_init (&replayed);
  replay_ok = paraat_xcal_read_fd_replayed (fd, name, limits, max_entry, collect_cb, &replayed, &replay_error);
  close (fd);

  g_assert_cmpint (ok, ==, replay_ok);
  if (!ok)
    {
      g_assert_cmpint (error->code, ==, replay_error->code);
      g_assert_cmpstr (error->message, ==, replay_error->message);
    }
  assert_same_strings (c->components, replayed.components);
  assert_same_strings (c->starts, replayed.starts);
  g_assert_cmpstr (c->calendar, ==, replayed.calendar);
  collected_clear (&replayed);
}

static gboolean
read_path (const char                *path,
           const ParaatReaderLimits  *limits,
           ParaatCalendarFormat      *format,
           Collected                 *c,
           GError                   **error)
{
  ParaatCalendarFormat found;
  GError *local_error = NULL;
  gboolean ok;

  collect_init (c);
  ok = paraat_calendar_read_file (path, limits, &found, collect_cb, c, &local_error);
  if (found == PARAAT_CALENDAR_FORMAT_XCAL)
    {
      assert_replay_reads_the_same (path, limits, 0, ok, c, local_error);
      assert_replay_reads_the_same (path, limits, 300, ok, c, local_error);
    }
  if (format != NULL)
    *format = found;
  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return ok;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xcal", name, NULL);
}

/* The iCalendar text in the comment at the top of exercise.xcal.xml. */
static char *
ics_from_comment (const char *xml_path)
{
  g_autofree char *xml = NULL;
  g_auto(GStrv) lines = NULL;
  GString *ics = g_string_new (NULL);
  gboolean in = FALSE;

  g_assert_true (g_file_get_contents (xml_path, &xml, NULL, NULL));
  lines = g_strsplit (xml, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (strcmp (line, "BEGIN:VCALENDAR") == 0)
        in = TRUE;
      if (in)
        g_string_append_printf (ics, "%s\r\n", line);
      if (strcmp (line, "END:VCALENDAR") == 0)
        break;
    }
  g_assert_true (in);

  return g_string_free (ics, FALSE);
}

/* What libical makes of the whole text at once: the calendar (its
 * properties and time zones) and the other components, in order. */
static void
expected_from_ics (const char  *ics,
                   char       **calendar,
                   GPtrArray  **components)
{
  icalcomponent *cal = icalparser_parse_string (ics);

  g_assert_nonnull (cal);
  *calendar = canonical (cal, TRUE);
  *components = g_ptr_array_new_with_free_func (g_free);
  for (icalcomponent *sub = icalcomponent_get_first_component (cal, ICAL_ANY_COMPONENT);
       sub != NULL;
       sub = icalcomponent_get_next_component (cal, ICAL_ANY_COMPONENT))
    {
      const char *name = icalcomponent_kind_to_string (icalcomponent_isa (sub));
      GString *text;

      if (icalcomponent_isa (sub) == ICAL_VTIMEZONE_COMPONENT)
        continue;
      text = g_string_new (NULL);
      g_string_append_printf (text, "BEGIN:%s\r\n", name);
      append_component (text, sub, FALSE);
      g_string_append_printf (text, "END:%s\r\n", name);
      g_ptr_array_add (*components, g_string_free (text, FALSE));
    }
  icalcomponent_free (cal);
}

static void
assert_same_as_ics (Collected  *c,
                    const char *ics)
{
  g_autofree char *calendar = NULL;
  g_autoptr(GPtrArray) components = NULL;

  expected_from_ics (ics, &calendar, &components);
  g_assert_cmpstr (c->calendar, ==, calendar);
  g_assert_cmpuint (c->components->len, ==, components->len);
  for (guint i = 0; i < components->len; i++)
    g_assert_cmpstr (g_ptr_array_index (c->components, i), ==, g_ptr_array_index (components, i));
}

static void
assert_error_at (GError     *error,
                 int         code,
                 const char *name,
                 int         line)
{
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%d: ", name, line)
                                     : g_strdup_printf ("%s: ", name);

  g_assert_nonnull (error);
  if (error->domain != PARAAT_READER_ERROR || error->code != code)
    g_test_message ("got: %s (code %d)", error->message, error->code);
  g_assert_error (error, PARAAT_READER_ERROR, code);
  if (!g_str_has_prefix (error->message, prefix))
    g_test_message ("message “%s” does not start with “%s”", error->message, prefix);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

/* Tests */

static void
test_detect (void)
{
  static const struct { const char *head; gsize len; ParaatCalendarFormat format; } cases[] = {
    { "<?xml version=\"1.0\"?><icalendar/>", 0, PARAAT_CALENDAR_FORMAT_XCAL },
    { "\xef\xbb\xbf\r\n  <icalendar/>", 0, PARAAT_CALENDAR_FORMAT_XCAL },
    { "\xff\xfe<\0?\0", 6, PARAAT_CALENDAR_FORMAT_XCAL },
    { "\xfe\xff\0 \0<", 6, PARAAT_CALENDAR_FORMAT_XCAL },
    { "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0, PARAAT_CALENDAR_FORMAT_ICS },
    { "\xef\xbb\xbf" "begin:vcalendar\n", 0, PARAAT_CALENDAR_FORMAT_ICS },
    { "\n\nBEGIN:VCALENDAR\n", 0, PARAAT_CALENDAR_FORMAT_ICS },
    { "\x1f\x8b\x08\x00", 4, PARAAT_CALENDAR_FORMAT_GZIP },
    { "BEGIN:VCARD\r\n", 0, PARAAT_CALENDAR_FORMAT_UNKNOWN },
    { "BEGIN:VCAL", 0, PARAAT_CALENDAR_FORMAT_UNKNOWN },
    { "%PDF-1.4", 0, PARAAT_CALENDAR_FORMAT_UNKNOWN },
    { "", 0, PARAAT_CALENDAR_FORMAT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].len > 0 ? cases[i].len : strlen (cases[i].head);

      g_assert_cmpint (paraat_calendar_detect ((const guint8 *) cases[i].head, len), ==,
                       cases[i].format);
    }
}

static void
test_example_exercise (void)
{
  g_autofree char *path = data_path ("exercise.xcal.xml");
  g_autofree char *ics = ics_from_comment (path);
  g_autoptr(GError) error = NULL;
  ParaatCalendarFormat format;
  Collected c;

  g_assert_true (read_path (path, NULL, &format, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, PARAAT_CALENDAR_FORMAT_XCAL);
  assert_same_as_ics (&c, ics);

  /* The timed event's TZID resolved through the file's own VTIMEZONE:
   * 01:30 CET is 00:30 UTC, the night of the spring-forward gap. */
  g_assert_cmpuint (c.starts->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (c.starts, 0), ==, "20260406");
  g_assert_cmpstr (g_ptr_array_index (c.starts, 1), ==, "20260329T003000Z");
  g_assert_nonnull (strstr (g_ptr_array_index (c.components, 0), "X-PARAAT-REGIO:VR22\r\n"));
  g_assert_nonnull (strstr (c.calendar, "X-WR-CALNAME:Oefenkalender 43 Mechbrig\r\n"));
  collected_clear (&c);
}

static void
test_example_exercise_ics (void)
{
  g_autofree char *xml_path = data_path ("exercise.xcal.xml");
  g_autofree char *ics = ics_from_comment (xml_path);
  g_autofree char *dir = g_dir_make_tmp ("paraat-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "exercise.ics", NULL);
  g_autoptr(GError) error = NULL;
  ParaatCalendarFormat format;
  Collected c;

  paraat_test_write_bytes (path, ics, strlen (ics));
  g_assert_true (read_path (path, NULL, &format, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, PARAAT_CALENDAR_FORMAT_ICS);
  assert_same_as_ics (&c, ics);
  g_assert_cmpstr (g_ptr_array_index (c.starts, 1), ==, "20260329T003000Z");
  collected_clear (&c);
  paraat_test_rm_rf (dir);
}

static void
test_example_rfc (gconstpointer data)
{
  const char *base = data;
  g_autofree char *xml_name = g_strconcat (base, ".xml", NULL);
  g_autofree char *ics_name = g_strconcat (base, ".ics", NULL);
  g_autofree char *xml_path = data_path (xml_name);
  g_autofree char *ics_path = data_path (ics_name);
  g_autofree char *ics = NULL;
  g_autoptr(GError) error = NULL;
  ParaatCalendarFormat format;
  Collected from_xml, from_ics;

  g_assert_true (g_file_get_contents (ics_path, &ics, NULL, NULL));

  g_assert_true (read_path (xml_path, NULL, &format, &from_xml, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, PARAAT_CALENDAR_FORMAT_XCAL);
  assert_same_as_ics (&from_xml, ics);

  g_assert_true (read_path (ics_path, NULL, &format, &from_ics, &error));
  g_assert_no_error (error);
  g_assert_cmpint (format, ==, PARAAT_CALENDAR_FORMAT_ICS);
  assert_same_as_ics (&from_ics, ics);

  g_assert_cmpuint (from_xml.starts->len, ==, from_ics.starts->len);
  for (guint i = 0; i < from_xml.starts->len; i++)
    g_assert_cmpstr (g_ptr_array_index (from_xml.starts, i), ==,
                     g_ptr_array_index (from_ics.starts, i));

  collected_clear (&from_xml);
  collected_clear (&from_ics);
}

typedef struct
{
  const char *file;
  int         code;
  int         line;
} Hostile;

static const Hostile hostile_files[] = {
  { "billion-laughs.xml", PARAAT_READER_ERROR_DOCTYPE, 2 },
  { "xxe-file.xml", PARAAT_READER_ERROR_DOCTYPE, 2 },
  { "xxe-http.xml", PARAAT_READER_ERROR_DOCTYPE, 3 },
  { "entity-reference.xml", PARAAT_READER_ERROR_DOCTYPE, 10 },
  { "wrong-namespace.xml", PARAAT_READER_ERROR_NAMESPACE, 2 },
  { "no-namespace.xml", PARAAT_READER_ERROR_NAMESPACE, 2 },
  { "invalid-utf8.xml", PARAAT_READER_ERROR_ENCODING, 10 },
  { "missing-uid.xml", PARAAT_READER_ERROR_MISSING, 9 },
  { "missing-dtstart.xml", PARAAT_READER_ERROR_MISSING, 9 },
  { "dtend-before-dtstart.xml", PARAAT_READER_ERROR_INVALID, 13 },
  { "freq-secondly.xml", PARAAT_READER_ERROR_RECURRENCE, 13 },
  { "count-too-big.xml", PARAAT_READER_ERROR_RECURRENCE, 13 },
  { "summary-as-date.xml", PARAAT_READER_ERROR_VALUE, 13 },
  { "bymonth-13.xml", PARAAT_READER_ERROR_VALUE, 13 },
  { "month-13.xml", PARAAT_READER_ERROR_VALUE, 12 },
  { "too-deep.xml", PARAAT_READER_ERROR_DEPTH, 72 },
  { "missing-uid.ics", PARAAT_READER_ERROR_MISSING, 4 },
  { "dtend-before-dtstart.ics", PARAAT_READER_ERROR_INVALID, 7 },
  { "freq-secondly.ics", PARAAT_READER_ERROR_RECURRENCE, 7 },
  { "invalid-utf8.ics", PARAAT_READER_ERROR_ENCODING, 7 },
  { "truncated.ics", PARAAT_READER_ERROR_SYNTAX, 7 },
  { "bad-property.ics", PARAAT_READER_ERROR_SYNTAX, 4 },
  { "summary-as-date.ics", PARAAT_READER_ERROR_SYNTAX, 4 },
  { "control-character.ics", PARAAT_READER_ERROR_ENCODING, 7 },
};

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  g_autofree char *name = g_build_filename ("hostile", h->file, NULL);
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  Collected c;

  g_assert_false (read_path (path, NULL, NULL, &c, &error));
  assert_error_at (error, h->code, h->file, h->line);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (c.components->len, ==, 0);
  collected_clear (&c);
}

/* Writes @data to a fresh file and reads it with @limits. */
static gboolean
read_bytes (const char                *name,
            const void                *data,
            gsize                      len,
            const ParaatReaderLimits  *limits,
            Collected                 *c,
            GError                   **error)
{
  g_autofree char *dir = g_dir_make_tmp ("paraat-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gboolean ok;

  paraat_test_write_bytes (path, data, len);
  ok = read_path (path, limits, NULL, c, error);
  paraat_test_rm_rf (dir);

  return ok;
}

/* Elements share <icalendar>'s namespace by pointer (see process_node()
 * in paraat-xcal-reader.c); one that declares its own must still be
 * judged by its URI, whether that is xCal's again or another. */
static void
test_namespaces (void)
{
  static const struct {
    const char *open;   /* the VEVENT's start tag */
    const char *close;
    const char *prefix; /* of the elements inside it */
    int         code;   /* 0: read */
  } cases[] = {
    { "<vevent>", "</vevent>", "", 0 },
    { "<vevent xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\">", "</vevent>", "", 0 },
    { "<x:vevent xmlns:x=\"urn:ietf:params:xml:ns:icalendar-2.0\">", "</x:vevent>", "x:", 0 },
    { "<vevent xmlns=\"urn:example:other\">", "</vevent>", "", PARAAT_READER_ERROR_NAMESPACE },
    { "<vevent xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0x\">", "</vevent>", "",
      PARAAT_READER_ERROR_NAMESPACE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *p = cases[i].prefix;
      g_autofree char *xml = g_strdup_printf (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar>\n"
        "<properties><version><text>2.0</text></version></properties><components>\n"
        "%s<%sproperties>\n"
        "<%suid><%stext>ns-%u</%stext></%suid>\n"
        "<%sdtstart><%sdate>2026-04-06</%sdate></%sdtstart>\n"
        "</%sproperties>%s\n"
        "</components></vcalendar></icalendar>\n",
        cases[i].open, p, p, p, i, p, p, p, p, p, p, p, cases[i].close);
      g_autoptr(GError) error = NULL;
      Collected c;
      gboolean ok = read_bytes ("ns.xml", xml, strlen (xml), NULL, &c, &error);

      g_test_message ("case %u: %s", i, error ? error->message : "read");
      if (cases[i].code == 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (c.components->len, ==, 1);
        }
      else
        {
          g_assert_false (ok);
          assert_error_at (error, cases[i].code, "ns.xml", 4);
        }
      collected_clear (&c);
    }
}

static void
test_hostile_gzip (void)
{
  g_autofree char *path = data_path ("exercise.xcal.xml");
  g_autoptr(GBytes) plain = paraat_test_read_bytes (path);
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GInputStream) base = g_memory_input_stream_new_from_bytes (plain);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (base, G_CONVERTER (gzip));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GError) error = NULL;
  Collected c;

  g_assert_cmpint (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                                           &error), >, 0);
  g_assert_no_error (error);
  packed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

  g_assert_false (read_bytes ("exercise.xcal.xml", g_bytes_get_data (packed, NULL),
                              g_bytes_get_size (packed), NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_GZIP, "exercise.xcal.xml", 0);
  collected_clear (&c);
}

/* The byte scan counts lines a chunk at a time and steps over plain
 * tags whole: a declaration after thousands of events, with tags that
 * have namespace declarations or run over a line, is refused at the line
 * of its "<!", even when a newline follows the "!". */
static void
test_hostile_scan_line (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\">\n"
                                         "<vcalendar><properties><prodid><text>-//t//</text></prodid>"
                                         "<version><text>2.0</text></version></properties><components>\n");
  g_autoptr(GError) error = NULL;
  Collected c;
  int line;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (xml,
                            "<vevent xmlns:t=\"urn:x-test\"><properties>\n"
                            "<uid><text>scan-%u</text></uid><dtstamp><date-time>2026-01-05T09:00:00Z</date-time>"
                            "</dtstamp>\n<dtstart\n><date-time>2026-01-05T10:00:00Z</date-time></dtstart>"
                            "<!-- > \" = --></properties></vevent\n>\n",
                            i);
  line = 1;
  for (const char *p = xml->str; *p != '\0'; p++)
    line += *p == '\n';
  g_string_append (xml, "<!\nDOCTYPE x>\n</components></vcalendar></icalendar>\n");

  g_assert_false (read_bytes ("scan.xml", xml->str, xml->len, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_DOCTYPE, "scan.xml", line);
  collected_clear (&c);
}

static gboolean
read_fd_with (gboolean (*reader) (int, const char *, const ParaatReaderLimits *,
                                  ParaatComponentFunc, gpointer, GError **),
              const char                *file,
              const ParaatReaderLimits  *limits,
              Collected                 *c,
              GError                   **error)
{
  g_autofree char *path = data_path (file);
  int fd = g_open (path, O_RDONLY, 0);
  gboolean ok;

  g_assert_cmpint (fd, >=, 0);
  collect_init (c);
  ok = reader (fd, file, limits, collect_cb, c, error);
  close (fd);

  return ok;
}

static void
test_hostile_size (void)
{
  g_autofree char *path = data_path ("exercise.xcal.xml");
  g_autoptr(GError) error = NULL;
  ParaatReaderLimits limits;
  Collected c;

  paraat_reader_limits_init (&limits);
  limits.max_file_size = 4000;

  /* Refused by its size before reading (a regular file)… */
  g_assert_false (read_path (path, &limits, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_SIZE, "exercise.xcal.xml", 0);
  collected_clear (&c);
  g_clear_error (&error);

  /* …and by counting the bytes read, for pipes and the format readers. */
  g_assert_false (read_fd_with (paraat_xcal_read_fd, "exercise.xcal.xml", &limits, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_SIZE, "exercise.xcal.xml", 0);
  collected_clear (&c);
  g_clear_error (&error);

  limits.max_file_size = 1000;
  g_assert_false (read_fd_with (paraat_ics_read_fd, "rfc6321-example.ics", &limits, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_SIZE, "rfc6321-example.ics", 0);
  collected_clear (&c);
}

static void
test_hostile_utf16_doctype (void)
{
  g_autofree char *path = data_path ("hostile/billion-laughs.xml");
  g_autofree char *xml = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *fixed = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  Collected c;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  fixed = g_strdup (xml + strlen ("<?xml version=\"1.0\"?>\n"));
  utf16 = g_convert (fixed, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (len + 2);
  with_bom[0] = (char) 0xff;
  with_bom[1] = (char) 0xfe;
  memcpy (with_bom + 2, utf16, len);

  /* Only UTF-8 is read, so the scan in front of libxml2 is exact. */
  g_assert_false (read_bytes ("laughs16.xml", with_bom, len + 2, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_ENCODING, "laughs16.xml", 1);
  collected_clear (&c);
}

static void
test_encodings (void)
{
  g_autofree char *path = data_path ("rfc6321-example-b1.xml");
  g_autofree char *xml = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *latin1 = NULL;
  g_autoptr(GError) error = NULL;
  Collected c;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));

  /* A UTF-8 byte order mark is fine. */
  bom = g_strconcat ("\xef\xbb\xbf", xml, NULL);
  g_assert_true (read_bytes ("bom.xml", bom, strlen (bom), NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.components->len, ==, 1);
  collected_clear (&c);

  /* A declared single-byte encoding is ignored: ASCII reads, other bytes
   * are not UTF-8. */
  latin1 = g_strdup (xml);
  memcpy (strstr (latin1, "utf-8"), "latin", 5);
  g_assert_true (read_bytes ("latin1.xml", latin1, strlen (latin1), NULL, &c, &error));
  g_assert_no_error (error);
  collected_clear (&c);
  *strstr (latin1, "Planning") = (char) 0xe9;
  g_assert_false (read_bytes ("latin1.xml", latin1, strlen (latin1), NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_ENCODING, "latin1.xml", 25);
  collected_clear (&c);
}

static void
test_hostile_attributes (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n<icalendar\n"
                                         "xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"");
  g_autoptr(GError) error = NULL;
  Collected c;

  /* libxml2 2.9.14 compares attributes pairwise: 40,000 take 16 s. */
  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (xml, " a%u=\"\"", i);
  g_string_append (xml, "><vcalendar/></icalendar>\n");

  g_assert_false (read_bytes ("attributes.xml", xml->str, xml->len, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_TOO_MANY, "attributes.xml", 3);
  collected_clear (&c);
}

static const char event_head[] =
  "<?xml version=\"1.0\"?>\n"
  "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar><components>\n"
  "<vevent><properties><uid><text>big@paraat.example</text></uid>\n"
  "<dtstart><date>2026-01-01</date></dtstart>\n";
static const char event_tail[] =
  "</properties></vevent></components></vcalendar></icalendar>\n";

static void
test_hostile_huge_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("paraat-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  g_autofree char *block = g_malloc (1024 * 1024);
  g_autoptr(GError) error = NULL;
  FILE *f = g_fopen (path, "wb");
  Collected c;

  /* 50 MB of text in one node: refused by the value limit (or libxml2's
   * own 10 MB one underneath), never held in memory as a whole. */
  memset (block, 'a', 1024 * 1024);
  g_assert_nonnull (f);
  fputs (event_head, f);
  fputs ("<description><text>", f);
  for (guint i = 0; i < 50; i++)
    fwrite (block, 1, 1024 * 1024, f);
  fputs ("</text></description>\n", f);
  fputs (event_tail, f);
  fclose (f);

  g_assert_false (read_path (path, NULL, NULL, &c, &error));
  g_assert_error (error, PARAAT_READER_ERROR, PARAAT_READER_ERROR_TOO_LONG);
  g_assert_true (g_str_has_prefix (error->message, "huge.xml:5: "));
  collected_clear (&c);
  paraat_test_rm_rf (dir);
}

static void
test_limits_value_and_properties (void)
{
  g_autoptr(GString) xml = g_string_new (event_head);
  g_autoptr(GError) error = NULL;
  ParaatReaderLimits limits;
  Collected c;

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (xml, "<categories><text>category-%u</text></categories>\n", i);
  g_string_append (xml, event_tail);

  g_assert_true (read_bytes ("many.xml", xml->str, xml->len, NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.components->len, ==, 1);
  collected_clear (&c);

  paraat_reader_limits_init (&limits);
  limits.max_value_length = 12;
  g_assert_false (read_bytes ("many.xml", xml->str, xml->len, &limits, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_TOO_LONG, "many.xml", 3);
  collected_clear (&c);
  g_clear_error (&error);

  paraat_reader_limits_init (&limits);
  limits.max_properties = 10;
  g_assert_false (read_bytes ("many.xml", xml->str, xml->len, &limits, &c, &error));
  g_assert_error (error, PARAAT_READER_ERROR, PARAAT_READER_ERROR_TOO_MANY);
  g_assert_true (g_str_has_prefix (error->message, "many.xml:"));
  collected_clear (&c);
}

/* Value types and shapes the examples do not have, against the same
 * event in iCalendar. */
static void
test_value_types (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<icalendar xmlns=\"urn:ietf:params:xml:ns:icalendar-2.0\"><vcalendar>"
    "<properties><prodid><text>-//Paraat//types//EN</text></prodid></properties><components>"
    "<vevent><properties>"
    "<uid><text>types@paraat.example</text></uid>"
    "<dtstart><date-time>2026-05-01T08:00:00Z</date-time></dtstart>"
    "<duration><duration>PT8H</duration></duration>"
    "<geo><latitude>51.5</latitude><longitude>5.25</longitude></geo>"
    "<attach><uri>https://paraat.example/draaiboek.pdf</uri></attach>"
    "<attendee><parameters><cn><text>Meldkamer</text></cn><role><text>REQ-PARTICIPANT</text></role>"
    "<rsvp><boolean>true</boolean></rsvp></parameters>"
    "<cal-address>mailto:meldkamer@vr13.example</cal-address></attendee>"
    "<rdate><date>2026-06-01</date></rdate>"
    "<rdate><period><start>2026-07-01T08:00:00Z</start><end>2026-07-01T12:00:00Z</end></period></rdate>"
    "<priority><integer>3</integer></priority>"
    "<resources><text>Haakarmvoertuig</text><text>Tankautospuit</text></resources>"
    "<url><uri>https://paraat.example/oefening</uri></url>"
    "<request-status><code>2.0</code><description>Success</description></request-status>"
    "<x-paraat-grip><unknown>2</unknown></x-paraat-grip>"
    "</properties><components><valarm><properties>"
    "<action><text>DISPLAY</text></action><description><text>Nu</text></description>"
    "<trigger><parameters><related><text>END</text></related></parameters>"
    "<duration>-PT15M</duration></trigger>"
    "</properties></valarm></components></vevent>"
    "</components></vcalendar></icalendar>\n";
  static const char ics[] =
    "BEGIN:VCALENDAR\r\nPRODID:-//Paraat//types//EN\r\nBEGIN:VEVENT\r\n"
    "UID:types@paraat.example\r\n"
    "DTSTART:20260501T080000Z\r\n"
    "DURATION:PT8H\r\n"
    "GEO:51.5;5.25\r\n"
    "ATTACH:https://paraat.example/draaiboek.pdf\r\n"
    "ATTENDEE;CN=Meldkamer;ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:meldkamer@vr13.example\r\n"
    "RDATE;VALUE=DATE:20260601\r\n"
    "RDATE;VALUE=PERIOD:20260701T080000Z/20260701T120000Z\r\n"
    "PRIORITY:3\r\n"
    "RESOURCES:Haakarmvoertuig,Tankautospuit\r\n"
    "URL:https://paraat.example/oefening\r\n"
    "REQUEST-STATUS:2.0;Success\r\n"
    "X-PARAAT-GRIP:2\r\n"
    "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Nu\r\nTRIGGER;RELATED=END:-PT15M\r\n"
    "END:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(GError) error = NULL;
  Collected c;

  g_assert_true (read_bytes ("types.xml", xml, strlen (xml), NULL, &c, &error));
  g_assert_no_error (error);
  assert_same_as_ics (&c, ics);
  collected_clear (&c);

  g_assert_true (read_bytes ("types.ics", ics, strlen (ics), NULL, &c, &error));
  g_assert_no_error (error);
  assert_same_as_ics (&c, ics);
  collected_clear (&c);
}

static void
test_limits_ics_values (void)
{
  g_autoptr(GString) ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"
                                         "UID:values@paraat.example\r\n"
                                         "DTSTART;VALUE=DATE:20260101\r\nEXDATE;VALUE=DATE:20260102");
  g_autoptr(GError) error = NULL;
  Collected c;

  /* 20,000 values on one line would be 20,000 properties in libical. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (ics, ",20260102");
  g_string_append (ics, "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

  g_assert_false (read_bytes ("values.ics", ics->str, ics->len, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_TOO_MANY, "values.ics", 3);
  collected_clear (&c);
}

static void
test_cdata_doctype_is_text (void)
{
  g_autoptr(GString) xml = g_string_new (event_head);
  g_autoptr(GError) error = NULL;
  Collected c;

  g_string_append (xml, "<x-alt-desc><parameters><fmttype><text>text/html</text></fmttype>"
                        "</parameters><text><![CDATA[<!DOCTYPE html><p>a&b</p>]]></text>"
                        "</x-alt-desc>\n");
  g_string_append (xml, "<summary><text>back\\slash; semi, comma\n"
                        "new line</text></summary>\n");
  g_string_append (xml, event_tail);

  g_assert_true (read_bytes ("cdata.xml", xml->str, xml->len, NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_ptr_array_index (c.components, 0), "<!DOCTYPE html><p>a&b</p>"));
  g_assert_nonnull (strstr (g_ptr_array_index (c.components, 0),
                            "SUMMARY:back\\\\slash\\; semi\\, comma\\nnew line\r\n"));
  collected_clear (&c);
}

/* Blank text between elements is dropped (XML_PARSE_NOBLANKS), but a
 * value of only blanks, or blanks around a comment, is kept. */
static void
test_blank_values (void)
{
  g_autoptr(GString) xml = g_string_new (event_head);
  g_autoptr(GError) error = NULL;
  Collected c;

  g_string_append (xml, "<summary><text>   </text></summary>\n"
                        "<description>\n  <text>\n   </text>\n</description>\n"
                        "<location><text> a <!-- c --> b </text></location>\n"
                        "<categories><text> </text><text>X</text></categories>\n");
  g_string_append (xml, event_tail);

  g_assert_true (read_bytes ("blank.xml", xml->str, xml->len, NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_ptr_array_index (c.components, 0), "SUMMARY:   \r\n"));
  g_assert_nonnull (strstr (g_ptr_array_index (c.components, 0), "DESCRIPTION:\\n   \r\n"));
  g_assert_nonnull (strstr (g_ptr_array_index (c.components, 0), "LOCATION: a  b \r\n"));
  g_assert_nonnull (strstr (g_ptr_array_index (c.components, 0), "CATEGORIES: \r\nCATEGORIES:X\r\n"));
  collected_clear (&c);
}

/* A kept component leaves its VCALENDAR at once and outlives the read */
static gboolean
keep_cb (icalcomponent  *comp,
         gpointer        user_data,
         GError        **error)
{
  GPtrArray *kept = user_data;

  g_assert_nonnull (icalcomponent_get_parent (comp));
  paraat_calendar_reader_keep_component (comp);
  g_assert_null (icalcomponent_get_parent (comp));
  g_ptr_array_add (kept, comp);

  return TRUE;
}

static void
test_keep_component (gconstpointer data)
{
  g_autofree char *path = data_path (data);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) icalcomponent_free);
  g_autoptr(GError) error = NULL;
  ParaatCalendarFormat format;

  g_assert_true (paraat_calendar_read_file (path, NULL, &format, keep_cb, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 2);
  for (guint i = 0; i < kept->len; i++)
    {
      g_assert_cmpint (icalcomponent_isa (kept->pdata[i]), ==, ICAL_VEVENT_COMPONENT);
      g_assert_nonnull (icalcomponent_get_uid (kept->pdata[i]));
    }
}

typedef struct
{
  int     fd;
  GBytes *bytes;
} PipeWriter;

static gpointer
write_pipe_thread (gpointer data)
{
  PipeWriter *w = data;
  gsize len;
  const guint8 *p = g_bytes_get_data (w->bytes, &len);

  /* In small pieces, so the reader sees short reads. */
  while (len > 0)
    {
      gssize n = write (w->fd, p, MIN (len, 100));

      g_assert_cmpint (n, >, 0);
      p += n;
      len -= n;
    }
  close (w->fd);

  return NULL;
}

static void
test_pipe (gconstpointer data)
{
  const char *file = data;
  g_autofree char *path = data_path (file);
  g_autoptr(GBytes) bytes = paraat_test_read_bytes (path);
  g_autoptr(GError) error = NULL;
  ParaatCalendarFormat format;
  PipeWriter writer;
  GThread *thread;
  int fds[2];
  Collected c;

  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
  writer.fd = fds[1];
  writer.bytes = bytes;
  thread = g_thread_new ("writer", write_pipe_thread, &writer);

  collect_init (&c);
  g_assert_true (paraat_calendar_read_fd (fds[0], file, NULL, &format, collect_cb, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.components->len, ==, 2);
  g_thread_join (thread);
  close (fds[0]);
  collected_clear (&c);
}

static gboolean
refuse_cb (icalcomponent  *comp,
           gpointer        user_data,
           GError        **error)
{
  guint *n = user_data;

  if (++*n == 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
      return FALSE;
    }

  return TRUE;
}

static void
test_callback_error (void)
{
  g_autofree char *path = data_path ("exercise.xcal.xml");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_false (paraat_calendar_read_file (path, NULL, NULL, refuse_cb, &n, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n, ==, 2);
}

static void
test_unknown_format (void)
{
  g_autoptr(GError) error = NULL;
  Collected c;

  g_assert_false (read_bytes ("notes.txt", "just text\n", 10, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_FORMAT, "notes.txt", 0);
  collected_clear (&c);
  g_clear_error (&error);

  g_assert_false (read_bytes ("empty.ics", "", 0, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_FORMAT, "empty.ics", 0);
  collected_clear (&c);
}

static void
test_truncated_xcal (void)
{
  g_autofree char *path = data_path ("exercise.xcal.xml");
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  gsize len, cut;
  guint lines = 1;
  Collected c;

  g_assert_true (g_file_get_contents (path, &xml, &len, NULL));
  cut = strstr (xml, "<dtstart>\n            <parameters>") - xml;
  for (gsize i = 0; i < cut; i++)
    lines += xml[i] == '\n';

  g_assert_false (read_bytes ("cut.xml", xml, cut, NULL, &c, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, PARAAT_READER_ERROR, PARAAT_READER_ERROR_SYNTAX);
  prefix = g_strdup_printf ("cut.xml:%u: ", lines);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  /* Events before the cut may or may not have been delivered (libxml2
   * reads ahead); either way the caller rolls them back. */
  g_assert_cmpuint (c.components->len, <=, 1);
  collected_clear (&c);
}

/* A VEVENT longer than a tape takes (TAPE_MAX_ENTRY, 256 KiB) is mapped
 * by the reader after all, from where the tape stopped: read_path()
 * checks that it reads the same, here with the description's text (300
 * KB) as the node that overflows, once whole and once with a wrong value
 * after it. */
static void
test_replay_long_event (void)
{
  g_autoptr(GString) xml = g_string_new (event_head);
  g_autoptr(GError) error = NULL;
  Collected c;
  gsize tail;

  g_string_append (xml, "<description><text>");
  for (guint i = 0; i < 300 * 1024 / 64; i++)
    g_string_append (xml, "Veel tekst over de oefening, regel na regel, om de tape te vullen.");
  g_string_append (xml, "</text></description>\n<summary><text>Lang</text></summary>\n");
  tail = xml->len;
  g_string_append (xml, event_tail);

  g_assert_true (read_bytes ("long.xml", xml->str, xml->len, NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.components->len, ==, 1);
  g_assert_nonnull (strstr (c.components->pdata[0], "SUMMARY:Lang"));
  collected_clear (&c);

  g_string_insert (xml, tail, "<status><date>2026-01-01</date></status>\n");
  g_assert_false (read_bytes ("long.xml", xml->str, xml->len, NULL, &c, &error));
  assert_error_at (error, PARAAT_READER_ERROR_VALUE, "long.xml", 7);
  g_assert_cmpuint (c.components->len, ==, 0);
  collected_clear (&c);
}

/* Every input a fuzzer ever crashed, hung or leaked on: read it again.
 * Refusing it is fine; crashing (or an error outside our domain) is not. */
static void
test_regressions (void)
{
  g_autofree char *dir_path = data_path ("regressions");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      ParaatReaderLimits limits;
      Collected c;

      if (g_str_has_suffix (name, ".md"))
        continue;
      /* The fuzzers run with these limits. */
      paraat_reader_limits_init (&limits);
      limits.max_file_size = 1024 * 1024;
      limits.max_value_length = 64 * 1024;
      limits.max_properties = 1000;
      if (!read_path (path, &limits, NULL, &c, &error))
        {
          g_test_message ("%s: %s", name, error->message);
          g_assert_true (error->domain == PARAAT_READER_ERROR);
        }
      collected_clear (&c);
      n++;
    }
  g_test_message ("%u regression inputs", n);
}

static void
test_dutch (void)
{
  g_autofree char *path = data_path ("hostile/missing-uid.xml");
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GError) error = NULL;
  Collected c;

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("The nl_NL.UTF-8 locale is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "nl", TRUE);
  read_path (path, NULL, NULL, &c, &error);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);

  g_assert_error (error, PARAAT_READER_ERROR, PARAAT_READER_ERROR_MISSING);
  g_assert_cmpstr (error->message, ==, "missing-uid.xml:9: VEVENT heeft geen UID; elke afspraak "
                                       "heeft er een nodig om te importeren en later bij te werken");
  collected_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

  g_test_add_func ("/core/calendar-reader/detect", test_detect);
  g_test_add_func ("/core/calendar-reader/example/exercise", test_example_exercise);
  g_test_add_func ("/core/calendar-reader/example/exercise-ics", test_example_exercise_ics);
  g_test_add_data_func ("/core/calendar-reader/example/rfc6321-b1", "rfc6321-example-b1",
                        test_example_rfc);
  g_test_add_data_func ("/core/calendar-reader/example/rfc6321-b2", "rfc6321-example",
                        test_example_rfc);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/core/calendar-reader/hostile/%s",
                                                    hostile_files[i].file);

      g_test_add_data_func (test_path, &hostile_files[i], test_hostile);
    }
  g_test_add_func ("/core/calendar-reader/hostile/gzip", test_hostile_gzip);
  g_test_add_func ("/core/calendar-reader/namespaces", test_namespaces);
  g_test_add_func ("/core/calendar-reader/hostile/scan-line", test_hostile_scan_line);
  g_test_add_func ("/core/calendar-reader/hostile/size", test_hostile_size);
  g_test_add_func ("/core/calendar-reader/hostile/utf16-doctype", test_hostile_utf16_doctype);
  g_test_add_func ("/core/calendar-reader/hostile/huge-text", test_hostile_huge_text);
  g_test_add_func ("/core/calendar-reader/hostile/attributes", test_hostile_attributes);
  g_test_add_func ("/core/calendar-reader/encodings", test_encodings);
  g_test_add_func ("/core/calendar-reader/hostile/truncated-xcal", test_truncated_xcal);
  g_test_add_func ("/core/calendar-reader/limits", test_limits_value_and_properties);
  g_test_add_func ("/core/calendar-reader/limits-ics", test_limits_ics_values);
  g_test_add_func ("/core/calendar-reader/value-types", test_value_types);
  g_test_add_func ("/core/calendar-reader/cdata", test_cdata_doctype_is_text);
  g_test_add_func ("/core/calendar-reader/blank-values", test_blank_values);
  g_test_add_data_func ("/core/calendar-reader/keep/xcal", "exercise.xcal.xml", test_keep_component);
  g_test_add_data_func ("/core/calendar-reader/keep/ics", "rfc6321-example.ics", test_keep_component);
  g_test_add_func ("/core/calendar-reader/callback-error", test_callback_error);
  g_test_add_data_func ("/core/calendar-reader/pipe/xcal", "exercise.xcal.xml", test_pipe);
  g_test_add_data_func ("/core/calendar-reader/pipe/ics", "rfc6321-example.ics", test_pipe);
  g_test_add_func ("/core/calendar-reader/unknown-format", test_unknown_format);
  g_test_add_func ("/core/calendar-reader/replay/long-event", test_replay_long_event);
  g_test_add_func ("/core/calendar-reader/regressions", test_regressions);
  g_test_add_func ("/core/calendar-reader/dutch", test_dutch);

  return g_test_run ();
}
