/* test-ical.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exercise ⇄ VEVENT mapping field by field, the .ics and xCal exports
 * of the demo data against libical's strict parse and the RELAX NG
 * schema in data/schemas/, and export → import → export.
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-exchange.h"
#include "paraat-exercise-private.h"
#include "paraat-ical.h"
#include "paraat-test-utils.h"
#include "paraat-xcal.h"

static GDateTime *
amsterdam (int year,
           int month,
           int day,
           int hour,
           int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static gint64
modified_seconds (const char *iso)
{
  g_autoptr(GDateTime) t = NULL;

  if (iso == NULL || *iso == '\0')
    return 0;
  t = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (t);

  return g_date_time_to_unix (t);
}

static char *
canonical_rrule (const char *rrule)
{
  struct icalrecurrencetype recur;

  if (*rrule == '\0')
    return g_strdup ("");
  recur = icalrecurrencetype_from_string (rrule);

  return icalrecurrencetype_as_string_r (&recur);
}

/* Every field but the row id; @stored also compares what only the store
 * decides (SEQUENCE, LAST-MODIFIED, which iCalendar keeps to the second). */
static void
assert_same_exercise (ParaatExercise *a,
                      ParaatExercise *b,
                      gboolean        stored)
{
  g_assert_cmpstr (a->uid, ==, b->uid);
  if (stored)
    {
      g_assert_cmpuint (a->sequence, ==, b->sequence);
      g_assert_cmpint (modified_seconds (a->modified), ==, modified_seconds (b->modified));
    }
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->description, ==, b->description);
  g_assert_cmpstr (a->type_code, ==, b->type_code);
  g_assert_cmpstr (a->grip_code, ==, b->grip_code);
  g_assert_cmpstr (a->region_code, ==, b->region_code);
  g_assert_cmpstrv (a->regions, b->regions);
  g_assert_cmpstrv (a->disciplines, b->disciplines);
  g_assert_cmpstrv (a->organisations, b->organisations);
  g_assert_cmpint (a->start_utc, ==, b->start_utc);
  g_assert_cmpint (a->end_utc, ==, b->end_utc);
  g_assert_cmpint (a->all_day, ==, b->all_day);
  g_assert_cmpstr (a->tzid, ==, b->tzid);
  g_assert_cmpstr (a->location, ==, b->location);
  g_assert_cmpint (a->has_geo, ==, b->has_geo);
  g_assert_cmpfloat (a->latitude, ==, b->latitude);
  g_assert_cmpfloat (a->longitude, ==, b->longitude);
  g_assert_cmpstr (a->scenario_code, ==, b->scenario_code);
  g_assert_cmpint (a->defence, ==, b->defence);
  g_assert_cmpstr (a->defence_units, ==, b->defence_units);
  g_assert_cmpint (a->ovr_observer, ==, b->ovr_observer);
  g_assert_cmpuint (a->reservists, ==, b->reservists);
  g_assert_cmpint (a->status, ==, b->status);
  /* libical writes the parts of a rule in its own order */
  {
    g_autofree char *rule_a = canonical_rrule (a->rrule);
    g_autofree char *rule_b = canonical_rrule (b->rrule);

    g_assert_cmpstr (rule_a, ==, rule_b);
  }
}

/* Through iCalendar text and back, as another program would see it */
static ParaatExercise *
round_trip (ParaatExercise *ex,
            char          **text_out)
{
  g_autoptr(icalcomponent) vevent = paraat_ical_from_exercise (ex);
  g_autofree char *text = icalcomponent_as_ical_string_r (vevent);
  g_autoptr(icalcomponent) parsed = icalparser_parse_string (text);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  ParaatExercise *back;

  g_assert_nonnull (parsed);
  back = paraat_ical_to_exercise (parsed, warnings, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("warning: %s", (const char *) warnings->pdata[i]);
  g_assert_cmpuint (warnings->len, ==, 0);
  if (text_out != NULL)
    *text_out = g_steal_pointer (&text);

  return back;
}

static ParaatExercise *
new_full_exercise (void)
{
  ParaatExercise *ex = paraat_exercise_new ();
  g_autoptr(GDateTime) start = amsterdam (2026, 1, 6, 19, 0);
  g_autoptr(GDateTime) end = amsterdam (2026, 1, 6, 20, 30);
  const char *regions[] = { "VR01", "VR03", NULL };
  const char *disciplines[] = { "BRW", "DEF", "GHOR", NULL };
  const char *organisations[] = { "RMC Noord", "Rijkswaterstaat, district Noord", NULL };

  paraat_exercise_set_uid (ex, "full@paraat");
  paraat_exercise_set_title (ex, "ROT-oefening; stroomuitval, deel 1");
  paraat_exercise_set_description (ex, "Regel 1\nRegel 2, met \\ en ; erin");
  paraat_exercise_set_type_code (ex, "ROT");
  paraat_exercise_set_grip_code (ex, "GRIP2");
  paraat_exercise_set_region_code (ex, "VR05");
  paraat_exercise_set_regions (ex, regions);
  paraat_exercise_set_disciplines (ex, disciplines);
  paraat_exercise_set_organisations (ex, organisations);
  paraat_exercise_set_times (ex, start, end, FALSE);
  paraat_exercise_set_location (ex, "Veiligheidsregio Twente, Enschede");
  paraat_exercise_set_geo (ex, TRUE, 52.2215, 6.8937);
  paraat_exercise_set_scenario_code (ex, "STROOMUITVAL");
  paraat_exercise_set_defence (ex, PARAAT_DEFENCE_REQUESTED);
  paraat_exercise_set_defence_units (ex, "43 Gemechaniseerde Brigade (staf); 11 Geniecompagnie");
  paraat_exercise_set_ovr_observer (ex, TRUE);
  paraat_exercise_set_reservists (ex, 7);
  paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_POSTPONED);
  paraat_exercise_set_rrule (ex, "FREQ=MONTHLY;COUNT=12;BYDAY=1TU");
  paraat_exercise_set_stored (ex, 0, 4, "2026-05-01T10:11:12Z", FALSE);

  return ex;
}

/* Mapping */

static void
test_ical_all_fields (void)
{
  g_autoptr(ParaatExercise) ex = new_full_exercise ();
  g_autoptr(ParaatExercise) back = NULL;
  g_autofree char *text = NULL;

  back = round_trip (ex, &text);
  assert_same_exercise (ex, back, TRUE);

  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Amsterdam:20260106T190000"));
  g_assert_nonnull (strstr (text, "STATUS:TENTATIVE"));
  g_assert_nonnull (strstr (text, "X-PARAAT-STATUS:postponed"));
  g_assert_nonnull (strstr (text, "CATEGORIES:ROT"));
  g_assert_nonnull (strstr (text, "ORGANIZER;CN=VR05:urn:x-paraat:region:VR05"));
  g_assert_nonnull (strstr (text, "RESOURCES:11 Geniecompagnie"));
  g_assert_nonnull (strstr (text, "SEQUENCE:4"));
  g_assert_nonnull (strstr (text, "LAST-MODIFIED:20260501T101112Z"));
  g_assert_nonnull (strstr (text, "X-PARAAT-GRIP:GRIP2"));
  g_assert_nonnull (strstr (text, "X-PARAAT-DEFENCE:requested"));
  g_assert_nonnull (strstr (text, "X-PARAAT-OVR-OBSERVER:TRUE"));
  g_assert_nonnull (strstr (text, "X-PARAAT-RESERVISTS:7"));
  g_assert_nonnull (strstr (text, "X-PARAAT-SCENARIO:STROOMUITVAL"));
  g_assert_nonnull (strstr (text, "X-PARAAT-REGIONS:VR01,VR03"));
}

static void
test_ical_all_day (void)
{
  g_autoptr(ParaatExercise) ex = new_full_exercise ();
  g_autoptr(ParaatExercise) back = NULL;
  /* Friday to Sunday, across the spring-forward night of 29 March */
  g_autoptr(GDateTime) start = amsterdam (2026, 3, 27, 0, 0);
  g_autoptr(GDateTime) end = amsterdam (2026, 3, 30, 0, 0);
  g_autofree char *text = NULL;

  paraat_exercise_set_times (ex, start, end, TRUE);
  paraat_exercise_set_rrule (ex, "");
  back = round_trip (ex, &text);
  assert_same_exercise (ex, back, TRUE);
  g_assert_true (back->all_day);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260327\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20260330\r\n"));
}

static void
test_ical_dst (void)
{
  g_autoptr(ParaatExercise) ex = new_full_exercise ();
  g_autoptr(ParaatExercise) back = NULL;
  /* 01:30 CET to 03:30 CEST is one hour */
  g_autoptr(GDateTime) start = amsterdam (2026, 3, 29, 1, 30);
  g_autoptr(GDateTime) end = amsterdam (2026, 3, 29, 3, 30);
  g_autofree char *text = NULL;

  paraat_exercise_set_times (ex, start, end, FALSE);
  paraat_exercise_set_rrule (ex, "FREQ=WEEKLY;UNTIL=20260426T233000Z");
  back = round_trip (ex, &text);
  assert_same_exercise (ex, back, TRUE);
  g_assert_cmpint (back->end_utc - back->start_utc, ==, 3600);
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Amsterdam:20260329T013000\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;TZID=Europe/Amsterdam:20260329T033000\r\n"));
}

static void
test_ical_statuses (void)
{
  for (ParaatExerciseStatus s = 0; s < PARAAT_N_EXERCISE_STATUSES; s++)
    {
      g_autoptr(ParaatExercise) ex = new_full_exercise ();
      g_autoptr(ParaatExercise) back = NULL;

      paraat_exercise_set_status (ex, s);
      back = round_trip (ex, NULL);
      g_assert_cmpint (back->status, ==, s);
    }
}

static ParaatExercise *
parse_event (const char *body,
             GPtrArray  *warnings,
             GError    **error)
{
  g_autofree char *text = g_strconcat ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
                                       "BEGIN:VEVENT\r\n", body, "END:VEVENT\r\nEND:VCALENDAR\r\n", NULL);
  g_autoptr(icalcomponent) vcalendar = icalparser_parse_string (text);
  icalcomponent *vevent;

  g_assert_nonnull (vcalendar);
  vevent = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (vevent);

  return paraat_ical_to_exercise (vevent, warnings, error);
}

static gboolean
has_warning (GPtrArray  *warnings,
             const char *prefix)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      if (g_str_has_prefix (warnings->pdata[i], prefix))
        return TRUE;
    }

  return FALSE;
}

static void
test_ical_input_times (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatExercise) utc = NULL;
  g_autoptr(ParaatExercise) floating = NULL;
  g_autoptr(ParaatExercise) prefixed = NULL;
  g_autoptr(ParaatExercise) duration = NULL;
  g_autoptr(ParaatExercise) date_only = NULL;
  g_autoptr(GDateTime) nine = amsterdam (2026, 6, 1, 9, 0);

  utc = parse_event ("UID:a\r\nSUMMARY:a\r\nCATEGORIES:ROT\r\nX-PARAAT-REGION:VR05\r\n"
                     "DTSTART:20260601T070000Z\r\nDTEND:20260601T080000Z\r\n", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (utc->start_utc, ==, g_date_time_to_unix (nine));
  g_assert_cmpstr (utc->tzid, ==, PARAAT_DEFAULT_TZID);

  floating = parse_event ("UID:b\r\nSUMMARY:b\r\nCATEGORIES:ROT\r\nX-PARAAT-REGION:VR05\r\n"
                          "DTSTART:20260601T090000\r\nDTEND:20260601T100000\r\n", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (floating->start_utc, ==, g_date_time_to_unix (nine));

  prefixed = parse_event ("UID:c\r\nSUMMARY:c\r\nCATEGORIES:ROT\r\nX-PARAAT-REGION:VR05\r\n"
                          "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Amsterdam:20260601T090000\r\n"
                          "DTEND;TZID=/freeassociation.sourceforge.net/Europe/Amsterdam:20260601T100000\r\n",
                          warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (prefixed->start_utc, ==, g_date_time_to_unix (nine));
  g_assert_cmpstr (prefixed->tzid, ==, "Europe/Amsterdam");

  duration = parse_event ("UID:d\r\nSUMMARY:d\r\nCATEGORIES:ROT\r\nX-PARAAT-REGION:VR05\r\n"
                          "DTSTART;TZID=Europe/Amsterdam:20260601T090000\r\nDURATION:PT2H\r\n", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (duration->end_utc - duration->start_utc, ==, 7200);

  /* A date without DTEND lasts one day */
  date_only = parse_event ("UID:e\r\nSUMMARY:e\r\nCATEGORIES:ROT\r\nX-PARAAT-REGION:VR05\r\n"
                           "DTSTART;VALUE=DATE:20260329\r\n", warnings, &error);
  g_assert_no_error (error);
  g_assert_true (date_only->all_day);
  g_assert_cmpint (date_only->end_utc - date_only->start_utc, ==, 23 * 3600);

  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_ical_input_problems (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ParaatExercise) ex = NULL;
  g_autoptr(ParaatExercise) status_only = NULL;
  GError *error = NULL;

  g_assert_null (parse_event ("SUMMARY:x\r\nDTSTART:20260601T090000Z\r\n", warnings, &error));
  g_assert_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "UID"));
  g_clear_error (&error);

  g_assert_null (parse_event ("UID:x\r\nSUMMARY:x\r\n", warnings, &error));
  g_assert_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "DTSTART"));
  g_clear_error (&error);

  g_assert_null (parse_event ("UID:x\r\nDTSTART:20260601T090000Z\r\nDTEND:20260601T080000Z\r\n", warnings, &error));
  g_assert_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "DTEND"));
  g_clear_error (&error);

  g_assert_null (parse_event ("UID:x\r\nDTSTART;TZID=Mars/Olympus:20260601T090000\r\n", warnings, &error));
  g_assert_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus"));
  g_clear_error (&error);

  ex = parse_event ("UID:x\r\nSUMMARY:x\r\nCATEGORIES:ROT\r\nX-PARAAT-REGION:VR05\r\n"
                    "DTSTART:20260601T090000Z\r\nDTEND:20260601T100000Z\r\nGEO:91;5\r\n"
                    "X-PARAAT-DEFENCE:maybe\r\nX-PARAAT-RESERVISTS:-3\r\nX-PARAAT-OVR-OBSERVER:perhaps\r\n"
                    "STATUS:CANCELLED\r\nX-PARAAT-STATUS:confirmed\r\nX-PARAAT-FUTURE:1\r\n",
                    warnings, &error);
  g_assert_no_error (error);
  g_assert_false (ex->has_geo);
  g_assert_cmpint (ex->status, ==, PARAAT_EXERCISE_STATUS_CANCELLED);
  g_assert_true (has_warning (warnings, "GEO: "));
  g_assert_true (has_warning (warnings, "X-PARAAT-DEFENCE: "));
  g_assert_true (has_warning (warnings, "X-PARAAT-RESERVISTS: "));
  g_assert_true (has_warning (warnings, "X-PARAAT-OVR-OBSERVER: "));
  g_assert_true (has_warning (warnings, "X-PARAAT-STATUS: "));
  g_assert_true (has_warning (warnings, "X-PARAAT-FUTURE: "));

  /* Another program's event: STATUS alone, the region from ORGANIZER */
  g_ptr_array_set_size (warnings, 0);
  status_only = parse_event ("UID:y\r\nSUMMARY:y\r\nCATEGORIES:ROT\r\nSTATUS:CONFIRMED\r\n"
                             "ORGANIZER;CN=VR07:urn:x-paraat:region:VR07\r\n"
                             "DTSTART:20260601T090000Z\r\nDTEND:20260601T100000Z\r\n", warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status_only->status, ==, PARAAT_EXERCISE_STATUS_CONFIRMED);
  g_assert_cmpstr (status_only->region_code, ==, "VR07");
  g_assert_cmpuint (warnings->len, ==, 0);
}

static void
test_ical_vtimezone (void)
{
  g_autoptr(icalcomponent) vtimezone = paraat_ical_get_vtimezone ("Europe/Amsterdam");
  g_autofree char *text = NULL;

  g_assert_nonnull (vtimezone);
  text = icalcomponent_as_ical_string_r (vtimezone);
  g_assert_nonnull (strstr (text, "TZID:Europe/Amsterdam\r\n"));
  g_assert_null (strstr (text, "freeassociation"));
  g_assert_null (strstr (text, "X-LIC-LOCATION"));
  g_assert_null (strstr (text, "DTSTART:18"));
  g_assert_nonnull (strstr (text, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"));
}

/* The demo */

static GPtrArray *
fill_demo (ParaatStore *store)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JUNE, 2026);
  g_autoptr(GError) error = NULL;
  GPtrArray *series;

  g_assert_true (paraat_store_fill_demo (store, today, &error));
  g_assert_no_error (error);
  series = paraat_store_list_series (store, NULL, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, >, 100);

  return series;
}

static char *
export_to (ParaatTestFixture *fixture,
           GPtrArray         *exercises,
           const char        *name,
           gboolean           xcal)
{
  g_autofree char *path = paraat_test_fixture_build_path (fixture, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  if (xcal)
    g_assert_true (paraat_export_xcal (exercises, "Demo", G_OUTPUT_STREAM (stream), &error));
  else
    g_assert_true (paraat_export_ics (exercises, "Demo", G_OUTPUT_STREAM (stream), &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));

  return g_steal_pointer (&path);
}

static GPtrArray *
load_exercises (const char           *path,
                ParaatExchangeFormat  expected)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autoptr(GError) error = NULL;
  ParaatExchangeFormat format;

  vcalendar = paraat_exchange_load (path, &format, NULL, messages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (vcalendar);
  g_assert_cmpuint (messages->len, ==, 0);
  g_assert_cmpint (format, ==, expected);

  for (icalcomponent *vevent = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT);
       vevent != NULL; vevent = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      ParaatExercise *ex = paraat_ical_to_exercise (vevent, warnings, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (warnings->len, ==, 0);
      g_ptr_array_add (out, ex);
    }

  return g_steal_pointer (&out);
}

static void
assert_same_list (GPtrArray *expected,
                  GPtrArray *actual,
                  gboolean   stored)
{
  g_assert_cmpuint (expected->len, ==, actual->len);
  for (guint i = 0; i < expected->len; i++)
    assert_same_exercise (expected->pdata[i], actual->pdata[i], stored);
}

static void
test_ical_demo_valid (ParaatTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(GPtrArray) series = fill_demo (fixture->store);
  g_autofree char *xcal = export_to (fixture, series, "demo.xcal.xml", TRUE);
  g_autofree char *ics = export_to (fixture, series, "demo.ics", FALSE);
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "data", "schemas", "xcal-rfc6321.rng",
                                                        NULL);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) parsed = NULL;
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNG *schema;
  xmlRelaxNGValidCtxt *valid;
  xmlDoc *doc;
  gboolean recurring = FALSE;

  /* The schema file in the source tree, as xmllint uses it */
  parser = xmlRelaxNGNewParserCtxt (schema_path);
  schema = xmlRelaxNGParse (parser);
  g_assert_nonnull (schema);
  doc = xmlReadFile (xcal, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  valid = xmlRelaxNGNewValidCtxt (schema);
  g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);
  xmlRelaxNGFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);

  /* The same through the API, from the GResource */
  g_assert_true (paraat_xcal_validate_schema (xcal, messages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 0);

  /* .ics: libical strictly, with its RFC 5545 restrictions */
  g_assert_true (g_file_get_contents (ics, &text, NULL, &error));
  g_assert_nonnull (strstr (text, "\r\n"));
  parsed = icalparser_parse_string (text);
  g_assert_nonnull (parsed);
  g_assert_cmpint (icalcomponent_count_errors (parsed), ==, 0);
  g_assert_true (icalrestriction_check (parsed));
  g_assert_cmpint (icalcomponent_count_errors (parsed), ==, 0);
  g_assert_cmpint (icalcomponent_count_components (parsed, ICAL_VTIMEZONE_COMPONENT), ==, 1);
  g_assert_cmpint (icalcomponent_count_components (parsed, ICAL_VEVENT_COMPONENT), ==, (int) series->len);

  /* Recurring exercises are one series each */
  for (guint i = 0; i < series->len; i++)
    recurring |= *paraat_exercise_get_rrule (series->pdata[i]) != '\0';
  g_assert_true (recurring);

  for (guint i = 0; i < 2; i++)
    {
      const char *path = i ? ics : xcal;
      ParaatExchangeFormat format;
      guint n_events;

      g_assert_true (paraat_exchange_validate_file (path, &format, &n_events, messages, &error));
      g_assert_no_error (error);
      for (guint j = 0; j < messages->len; j++)
        g_test_message ("%s: %s", path, (const char *) messages->pdata[j]);
      g_assert_cmpuint (messages->len, ==, 0);
      g_assert_cmpuint (n_events, ==, series->len);
      g_assert_cmpint (format, ==, i ? PARAAT_EXCHANGE_FORMAT_ICS : PARAAT_EXCHANGE_FORMAT_XCAL);
    }
}

static void
test_ical_demo_round_trip (ParaatTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GPtrArray) series = fill_demo (fixture->store);
  g_autofree char *xcal = export_to (fixture, series, "demo.xcal.xml", TRUE);
  g_autofree char *ics = export_to (fixture, series, "demo.ics", FALSE);
  g_autoptr(GPtrArray) from_ics = load_exercises (ics, PARAAT_EXCHANGE_FORMAT_ICS);
  g_autoptr(GPtrArray) from_xcal = load_exercises (xcal, PARAAT_EXCHANGE_FORMAT_XCAL);
  g_autofree char *other_path = paraat_test_fixture_build_path (fixture, "imported.db");
  g_autoptr(ParaatStore) other = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *ics_again = NULL;
  g_autoptr(GError) error = NULL;

  /* Both formats say the same thing, and all of it */
  assert_same_list (series, from_ics, TRUE);
  assert_same_list (series, from_xcal, TRUE);

  /* Into an empty database and out again. Saving gives each exercise
   * a new SEQUENCE and LAST-MODIFIED, as the store does for any new row. */
  other = paraat_store_open (other_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < from_xcal->len; i++)
    {
      g_assert_true (paraat_store_save_exercise (other, from_xcal->pdata[i], "import", NULL, &error));
      g_assert_no_error (error);
    }
  imported = paraat_store_list_series (other, NULL, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  ics_again = export_to (fixture, imported, "again.ics", FALSE);
  again = load_exercises (ics_again, PARAAT_EXCHANGE_FORMAT_ICS);
  assert_same_list (from_ics, again, FALSE);
}

/* paraat_exchange_export_file() writes event by event what the
 * in-memory writers make of the whole list, byte for byte, and leaves
 * nothing else behind; a file it cannot write is an error naming it. */
static void
test_ical_demo_streamed (ParaatTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autoptr(GPtrArray) series = fill_demo (fixture->store);
  g_autofree char *missing = paraat_test_fixture_build_path (fixture, "no-such-folder/out.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0, n_with_lists = 0;

  /* The series are read in batches, each with its lists: as one exercise
   * read on its own has them */
  for (guint i = 0; i < series->len; i++)
    {
      ParaatExercise *ex = series->pdata[i];
      g_autoptr(ParaatExercise) alone = paraat_store_get_exercise (fixture->store, paraat_exercise_get_uid (ex),
                                                                   &error);

      g_assert_no_error (error);
      g_assert_true (g_strv_equal (paraat_exercise_get_regions (ex), paraat_exercise_get_regions (alone)));
      g_assert_true (g_strv_equal (paraat_exercise_get_disciplines (ex), paraat_exercise_get_disciplines (alone)));
      g_assert_true (g_strv_equal (paraat_exercise_get_organisations (ex),
                                   paraat_exercise_get_organisations (alone)));
      n_with_lists += paraat_exercise_get_disciplines (ex)[0] != NULL;
    }
  g_assert_cmpuint (n_with_lists, >, series->len / 2);

  for (int xcal = 0; xcal <= 1; xcal++)
    {
      g_autofree char *expected_path = export_to (fixture, series, xcal ? "whole.xml" : "whole.ics", xcal);
      g_autofree char *path = paraat_test_fixture_build_path (fixture, xcal ? "streamed.xml" : "streamed.ics");
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;
      guint n = 0;

      /* Twice: the second replaces the first */
      for (int i = 0; i < 2; i++)
        {
          g_assert_true (paraat_exchange_export_file (fixture->store, NULL, G_MININT64, G_MAXINT64,
                                                      xcal ? PARAAT_EXCHANGE_FORMAT_XCAL : PARAAT_EXCHANGE_FORMAT_ICS,
                                                      0, "Demo", path, &n, &error));
          g_assert_no_error (error);
        }
      g_assert_cmpuint (n, ==, series->len);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      g_assert_true (g_file_get_contents (path, &actual, NULL, NULL));
      g_assert_cmpstr (actual, ==, expected);
    }

  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_nonnull (dir);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    {
      if (g_str_has_prefix (name, "whole.") || g_str_has_prefix (name, "streamed."))
        {
          g_assert_true (g_str_has_suffix (name, ".ics") || g_str_has_suffix (name, ".xml"));
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, ==, 4);

  g_assert_false (paraat_exchange_export_file (fixture->store, NULL, G_MININT64, G_MAXINT64,
                                               PARAAT_EXCHANGE_FORMAT_ICS, 0, "Demo", missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

  g_test_add_func ("/core/ical/mapping/all-fields", test_ical_all_fields);
  g_test_add_func ("/core/ical/mapping/all-day", test_ical_all_day);
  g_test_add_func ("/core/ical/mapping/dst", test_ical_dst);
  g_test_add_func ("/core/ical/mapping/statuses", test_ical_statuses);
  g_test_add_func ("/core/ical/input/times", test_ical_input_times);
  g_test_add_func ("/core/ical/input/problems", test_ical_input_problems);
  g_test_add_func ("/core/ical/vtimezone", test_ical_vtimezone);
  g_test_add ("/core/ical/demo/valid", ParaatTestFixture, NULL, paraat_test_fixture_set_up_store,
              test_ical_demo_valid, paraat_test_fixture_tear_down);
  g_test_add ("/core/ical/demo/round-trip", ParaatTestFixture, NULL, paraat_test_fixture_set_up_store,
              test_ical_demo_round_trip, paraat_test_fixture_tear_down);
  g_test_add ("/core/ical/demo/streamed-export", ParaatTestFixture, NULL, paraat_test_fixture_set_up_store,
              test_ical_demo_streamed, paraat_test_fixture_tear_down);

  return g_test_run ();
}
