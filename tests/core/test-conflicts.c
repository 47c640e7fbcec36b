/* test-conflicts.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar alignment: each rule with synthetic items (found, and not
 * found for touching intervals, cancelled items, other brigades, other
 * units, a rule switched off or a threshold not reached), the cost of the
 * analysis in counted steps, the JSON and CSV export, and the demo.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-conflicts.h"
#include "paraat-test-utils.h"
#include "paraat-utils.h"

/* 2026-03-02 00:00 UTC, a Monday */
#define T0 G_GINT64_CONSTANT (1772409600)
#define HOUR 3600
#define DAY 86400

static ParaatCalendarItem *
exercise (GPtrArray  *items,
          const char *uid,
          const char *region,
          gint64      start,
          gint64      end,
          const char *units)
{
  ParaatCalendarItem *item = paraat_calendar_item_new (PARAAT_ITEM_SOURCE_EXERCISE, uid, uid, start, end);

  item->region_code = g_strdup (region);
  item->units = paraat_split_list (units);
  item->defence = units != NULL ? PARAAT_DEFENCE_REQUESTED : PARAAT_DEFENCE_NONE;
  item->brigade_id = g_strdup ("43MB");
  item->brigade_name = g_strdup ("43 Gemechaniseerde Brigade");
  g_ptr_array_add (items, item);

  return item;
}

static ParaatCalendarItem *
event (GPtrArray          *items,
       const char         *uid,
       const char         *region,
       gint64              start,
       gint64              end,
       const char         *units,
       ParaatAvailability  availability)
{
  ParaatCalendarItem *item = paraat_calendar_item_new (PARAAT_ITEM_SOURCE_EXTERNAL, uid, uid, start, end);

  item->calendar = g_strdup ("Oefenkalender 43MB");
  item->region_code = g_strdup (region);
  item->units = paraat_split_list (units);
  item->availability = availability;
  item->brigade_id = g_strdup ("43MB");
  item->status = PARAAT_EXERCISE_STATUS_CONFIRMED;
  g_ptr_array_add (items, item);

  return item;
}

static GPtrArray *
new_items (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_calendar_item_unref);
}

static ParaatConflictRules *
default_rules (void)
{
  g_autoptr(GError) error = NULL;
  ParaatConflictRules *rules = paraat_conflict_rules_new_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);

  return rules;
}

/* Only @json's rules, with its thresholds */
static ParaatConflictRules *
rules_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  ParaatConflictRules *rules = paraat_conflict_rules_new_from_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);

  return rules;
}

static GPtrArray *
analyze (ParaatConflictRules *rules,
         GPtrArray           *items)
{
  return paraat_conflicts_analyze (rules, items, NULL, NULL);
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (paraat_finding_get_rule_id (findings->pdata[i]), rule);

  return n;
}

static ParaatFinding *
first_of (GPtrArray  *findings,
          const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      if (g_str_equal (paraat_finding_get_rule_id (findings->pdata[i]), rule))
        return findings->pdata[i];
    }
  g_assert_not_reached ();
}

/* Rules */

static void
test_rules_default (void)
{
  g_autoptr(ParaatConflictRules) rules = default_rules ();
  const char *ids[] = {
    PARAAT_RULE_UNIT_DOUBLE_BOOKED, PARAAT_RULE_UNIT_UNAVAILABLE, PARAAT_RULE_OBSERVER_CLASH,
    PARAAT_RULE_REQUEST_NOT_ALIGNED, PARAAT_RULE_DEFENCE_EVENT_UNMATCHED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (paraat_conflict_rules_get_enabled (rules, ids[i]));
  g_assert_cmpint (paraat_conflict_rules_get_severity (rules, PARAAT_RULE_UNIT_UNAVAILABLE), ==,
                   PARAAT_SEVERITY_CRITICAL);
  g_assert_cmpint (paraat_conflict_rules_get_severity (rules, PARAAT_RULE_DEFENCE_EVENT_UNMATCHED), ==,
                   PARAAT_SEVERITY_INFO);
  g_assert_false (paraat_conflict_rules_get_enabled (rules, "no-such-rule"));
}

static void
test_rules_invalid (void)
{
  static const struct {
    const char *json;
    const char *needle;
  } cases[] = {
    { "[]", "rules" },
    { "{\"rules\": [{\"id\": \"unit-double-bookd\"}]}", "unit-double-bookd" },
    { "{\"rules\": [{\"id\": \"observer-clash\", \"severity\": \"high\"}]}", "severity" },
    { "{\"rules\": [{\"id\": \"observer-clash\", \"turnaround_hour\": 2}]}", "turnaround_hour" },
    { "{\"rules\": [{\"id\": \"observer-clash\", \"turnaround_hours\": -1}]}", "turnaround_hours" },
    { "{\"rules\": [{\"id\": \"observer-clash\", \"turnaround_hours\": \"2\"}]}", "turnaround_hours" },
    { "{\"rules\": [{\"id\": \"observer-clash\", \"observer_only\": 1}]}", "observer_only" },
    { "{\"rules\": [{\"id\": \"unit-unavailable\", \"availability\": [\"busy\"]}]}", "availability" },
    { "{\"rules\": [{\"id\": \"unit-unavailable\", \"min_overlap_minutes\": 1, \"days_before\": 3}]}", "days_before" },
    { "{\"rules\": [{\"id\": \"observer-clash\"}, {\"id\": \"observer-clash\"}]}", "observer-clash" },
    { "{\"rules\": [", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ParaatConflictRules) rules = paraat_conflict_rules_new_from_data (cases[i].json, -1, &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (rules);
      g_assert_nonnull (error);
      if (cases[i].needle != NULL)
        {
          g_assert_error (error, PARAAT_CONFLICTS_ERROR, PARAAT_CONFLICTS_ERROR_RULES);
          g_assert_nonnull (strstr (error->message, cases[i].needle));
        }
    }
}

static void
test_rules_disabled (void)
{
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(ParaatConflictRules) on = rules_from ("{\"rules\": [{\"id\": \"unit-double-booked\"}]}");
  g_autoptr(ParaatConflictRules) off =
    rules_from ("{\"rules\": [{\"id\": \"unit-double-booked\", \"enabled\": false}]}");
  g_autoptr(ParaatConflictRules) none = rules_from ("{\"rules\": []}");
  g_autoptr(GPtrArray) with_on = NULL;
  g_autoptr(GPtrArray) with_off = NULL;
  g_autoptr(GPtrArray) with_none = NULL;

  exercise (items, "a", "VR05", T0, T0 + 4 * HOUR, "11 Geniecompagnie");
  exercise (items, "b", "VR01", T0 + HOUR, T0 + 5 * HOUR, "11 Geniecompagnie");

  with_on = analyze (on, items);
  with_off = analyze (off, items);
  with_none = analyze (none, items);
  g_assert_cmpuint (with_on->len, ==, 1);
  g_assert_cmpuint (with_off->len, ==, 0);
  g_assert_cmpuint (with_none->len, ==, 0);
}

/* Rule 1 */

static void
test_double_booked (void)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"unit-double-booked\","
                                                     " \"severity\": \"warning\"}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  ParaatCalendarItem *cancelled, *declined;
  g_autofree char *explanation = NULL;
  ParaatFinding *finding;

  /* Overlap, with the unit written differently each time */
  exercise (items, "ex-a", "VR05", T0 + 9 * HOUR, T0 + 13 * HOUR, "11 Geniecompagnie");
  exercise (items, "ex-b", "VR01", T0 + 12 * HOUR, T0 + 17 * HOUR, "  11  GENIECOMPAGNIE ; CBRN");
  /* Touching: ends when the next one starts */
  exercise (items, "ex-c", "VR02", T0 + DAY, T0 + DAY + 3 * HOUR, "Coördinatie-eenheid");
  exercise (items, "ex-d", "VR03", T0 + DAY + 3 * HOUR, T0 + DAY + 6 * HOUR, "coordinatie-eenheid");
  /* Same time, different units */
  exercise (items, "ex-e", "VR04", T0 + 2 * DAY, T0 + 3 * DAY, "Defensie Helikopter Commando");
  exercise (items, "ex-f", "VR09", T0 + 2 * DAY, T0 + 3 * DAY, "11 Geniecompagnie");
  /* A cancelled and a declined one on top of ex-a */
  cancelled = exercise (items, "ex-g", "VR09", T0 + 9 * HOUR, T0 + 13 * HOUR, "11 geniecompagnie");
  cancelled->status = PARAAT_EXERCISE_STATUS_CANCELLED;
  declined = exercise (items, "ex-h", "VR09", T0 + 9 * HOUR, T0 + 13 * HOUR, "11 geniecompagnie");
  declined->defence = PARAAT_DEFENCE_DECLINED;
  /* Accents and case fold: Coördinatie = coordinatie, overlapping now */
  exercise (items, "ex-i", "VR25", T0 + 4 * DAY, T0 + 4 * DAY + 2 * HOUR, "Coördinatie-eenheid");
  exercise (items, "ex-j", "VR14", T0 + 4 * DAY + HOUR, T0 + 4 * DAY + 2 * HOUR, "COORDINATIE-EENHEID");

  findings = analyze (rules, items);
  g_assert_cmpuint (findings->len, ==, 2);

  finding = findings->pdata[0];
  g_assert_cmpstr (paraat_finding_get_rule_id (finding), ==, PARAAT_RULE_UNIT_DOUBLE_BOOKED);
  g_assert_cmpint (paraat_finding_get_severity (finding), ==, PARAAT_SEVERITY_WARNING);
  g_assert_cmpstr (paraat_finding_get_subject (finding), ==, "11 Geniecompagnie");
  g_assert_cmpuint (paraat_finding_get_n_items (finding), ==, 2);
  g_assert_cmpstr (paraat_finding_get_item (finding, 0)->uid, ==, "ex-a");
  g_assert_cmpstr (paraat_finding_get_item (finding, 1)->uid, ==, "ex-b");
  g_assert_cmpint (paraat_finding_get_start_utc (finding), ==, T0 + 9 * HOUR);
  g_assert_cmpint (paraat_finding_get_end_utc (finding), ==, T0 + 17 * HOUR);
  /* The copy the writers take, before and after the finding kept one */
  explanation = paraat_finding_dup_explanation (finding);
  g_assert_cmpstr (explanation, ==, paraat_finding_get_explanation (finding));
  g_clear_pointer (&explanation, g_free);
  explanation = paraat_finding_dup_explanation (finding);
  g_assert_cmpstr (explanation, ==, paraat_finding_get_explanation (finding));
  g_assert_true (explanation != paraat_finding_get_explanation (finding));
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "“ex-a” (VR05, 2 Mar 2026, 10:00–14:00)"));
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "“ex-b” (VR01"));
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "11 Geniecompagnie"));
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "1 hour"));

  finding = findings->pdata[1];
  g_assert_cmpstr (paraat_finding_get_item (finding, 0)->uid, ==, "ex-i");
  g_assert_cmpstr (paraat_finding_get_item (finding, 1)->uid, ==, "ex-j");
}

static void
test_double_booked_threshold (void)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"unit-double-booked\","
                                                     " \"min_overlap_minutes\": 120}]}");
  g_autoptr(ParaatConflictRules) confirmed_only =
    rules_from ("{\"rules\": [{\"id\": \"unit-double-booked\", \"participation\": [\"confirmed\"]}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) confirmed = NULL;

  /* 1 hour of overlap: below the threshold */
  exercise (items, "a", "VR05", T0, T0 + 3 * HOUR, "Natres");
  exercise (items, "b", "VR05", T0 + 2 * HOUR, T0 + 6 * HOUR, "Natres");
  /* 2 hours: enough */
  exercise (items, "c", "VR05", T0 + DAY, T0 + DAY + 4 * HOUR, "Natres");
  exercise (items, "d", "VR05", T0 + DAY + 2 * HOUR, T0 + DAY + 6 * HOUR, "Natres");
  /* A short one inside a long one: overlap is the short one's length */
  exercise (items, "e", "VR05", T0 + 2 * DAY, T0 + 3 * DAY, "Natres");
  exercise (items, "f", "VR05", T0 + 2 * DAY + HOUR, T0 + 2 * DAY + 2 * HOUR, "Natres");

  findings = analyze (rules, items);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (paraat_finding_get_item (findings->pdata[0], 0)->uid, ==, "c");

  /* Requested participation does not count for this variant */
  confirmed = analyze (confirmed_only, items);
  g_assert_cmpuint (confirmed->len, ==, 0);
}

/* Two exercises sharing two units make one finding naming both. */
static void
test_double_booked_merged (void)
{
  g_autoptr(ParaatConflictRules) rules = default_rules ();
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;

  exercise (items, "a", "VR05", T0, T0 + 3 * HOUR, "Natres, 10 Natresbataljon");
  exercise (items, "b", "VR01", T0 + 2 * HOUR, T0 + 6 * HOUR, "10 natresbataljon; natres");

  findings = analyze (rules, items);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_UNIT_DOUBLE_BOOKED), ==, 1);
  g_assert_cmpstr (paraat_finding_get_subject (first_of (findings, PARAAT_RULE_UNIT_DOUBLE_BOOKED)), ==,
                   "Natres, 10 Natresbataljon");
}

/* Rule 2 */

static void
test_unavailable (void)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"unit-unavailable\","
                                                     " \"severity\": \"critical\"}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  ParaatCalendarItem *ex;
  ParaatFinding *finding;

  /* The event starts first; the exercise counts on the unit */
  event (items, "ev-1", NULL, T0, T0 + 2 * DAY, "CBRN-responseenheid (Vught)", PARAAT_AVAILABILITY_COMMITTED);
  ex = exercise (items, "ex-1", "VR05", T0 + DAY, T0 + DAY + 4 * HOUR, "cbrn-responseenheid (vught)");
  ex->defence = PARAAT_DEFENCE_CONFIRMED;
  /* Unavailable, exercise first */
  exercise (items, "ex-2", "VR01", T0 + 5 * DAY, T0 + 5 * DAY + 4 * HOUR, "11 Geniecompagnie");
  event (items, "ev-2", NULL, T0 + 5 * DAY + HOUR, T0 + 9 * DAY, "11 Geniecompagnie", PARAAT_AVAILABILITY_UNAVAILABLE);
  /* Available: no conflict */
  exercise (items, "ex-3", "VR02", T0 + 10 * DAY, T0 + 10 * DAY + 4 * HOUR, "Natres");
  event (items, "ev-3", NULL, T0 + 10 * DAY, T0 + 11 * DAY, "Natres", PARAAT_AVAILABILITY_AVAILABLE);
  /* Declined participation: the exercise does not count on it */
  ex = exercise (items, "ex-4", "VR03", T0 + 12 * DAY, T0 + 12 * DAY + 4 * HOUR, "Natres");
  ex->defence = PARAAT_DEFENCE_DECLINED;
  event (items, "ev-4", NULL, T0 + 12 * DAY, T0 + 13 * DAY, "Natres", PARAAT_AVAILABILITY_COMMITTED);
  /* Two events never conflict with each other */
  event (items, "ev-5", NULL, T0 + 20 * DAY, T0 + 21 * DAY, "Natres", PARAAT_AVAILABILITY_COMMITTED);
  event (items, "ev-6", NULL, T0 + 20 * DAY, T0 + 21 * DAY, "Natres", PARAAT_AVAILABILITY_COMMITTED);

  findings = analyze (rules, items);
  g_assert_cmpuint (findings->len, ==, 2);

  finding = findings->pdata[0];
  g_assert_cmpint (paraat_finding_get_severity (finding), ==, PARAAT_SEVERITY_CRITICAL);
  g_assert_cmpstr (paraat_finding_get_item (finding, 0)->uid, ==, "ev-1");
  g_assert_cmpstr (paraat_finding_get_item (finding, 1)->uid, ==, "ex-1");
  g_assert_cmpstr (paraat_finding_get_subject (finding), ==, "cbrn-responseenheid (vught)");
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "committed to “ev-1”"));
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "“ex-1” (VR05"));
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "Oefenkalender 43MB"));

  finding = findings->pdata[1];
  g_assert_cmpstr (paraat_finding_get_item (finding, 0)->uid, ==, "ex-2");
  g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "unavailable"));
}

static void
test_unavailable_options (void)
{
  g_autoptr(ParaatConflictRules) requested_only =
    rules_from ("{\"rules\": [{\"id\": \"unit-unavailable\", \"participation\": [\"requested\"]}]}");
  g_autoptr(ParaatConflictRules) same_brigade =
    rules_from ("{\"rules\": [{\"id\": \"unit-unavailable\", \"same_brigade_only\": true}]}");
  g_autoptr(ParaatConflictRules) any = rules_from ("{\"rules\": [{\"id\": \"unit-unavailable\"}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  ParaatCalendarItem *ex, *ev;

  ex = exercise (items, "ex", "VR17", T0, T0 + 4 * HOUR, "Natres");
  ex->defence = PARAAT_DEFENCE_CONFIRMED;
  g_free (ex->brigade_id);
  ex->brigade_id = g_strdup ("13LB");
  ev = event (items, "ev", NULL, T0, T0 + DAY, "Natres", PARAAT_AVAILABILITY_COMMITTED);
  g_assert_cmpstr (ev->brigade_id, ==, "43MB");

  a = analyze (requested_only, items);
  b = analyze (same_brigade, items);
  c = analyze (any, items);
  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (b->len, ==, 0);
  g_assert_cmpuint (c->len, ==, 1);
}

static void
test_availability_from_ical (void)
{
  g_assert_cmpint (paraat_availability_from_ical (NULL, NULL), ==, PARAAT_AVAILABILITY_COMMITTED);
  g_assert_cmpint (paraat_availability_from_ical (NULL, "OPAQUE"), ==, PARAAT_AVAILABILITY_COMMITTED);
  g_assert_cmpint (paraat_availability_from_ical (NULL, "TRANSPARENT"), ==, PARAAT_AVAILABILITY_AVAILABLE);
  g_assert_cmpint (paraat_availability_from_ical (" Unavailable ", "TRANSPARENT"), ==,
                   PARAAT_AVAILABILITY_UNAVAILABLE);
  g_assert_cmpint (paraat_availability_from_ical ("nonsense", "TRANSPARENT"), ==, PARAAT_AVAILABILITY_AVAILABLE);
}

/* Rule 3 */

static ParaatCalendarItem *
observed (GPtrArray  *items,
          const char *uid,
          const char *region,
          gint64      start,
          gint64      end)
{
  ParaatCalendarItem *item = exercise (items, uid, region, start, end, NULL);

  item->ovr_observer = TRUE;

  return item;
}

static void
test_observer (void)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"observer-clash\","
                                                     " \"turnaround_hours\": 2, \"observer_only\": true}]}");
  g_autoptr(ParaatConflictRules) no_turnaround = rules_from ("{\"rules\": [{\"id\": \"observer-clash\"}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) tight = NULL;
  ParaatCalendarItem *x;

  /* One hour between them: less than the turnaround */
  observed (items, "a", "VR05", T0 + 9 * HOUR, T0 + 12 * HOUR);
  observed (items, "b", "VR01", T0 + 13 * HOUR, T0 + 16 * HOUR);
  /* Three hours between them */
  observed (items, "c", "VR05", T0 + DAY + 9 * HOUR, T0 + DAY + 12 * HOUR);
  observed (items, "d", "VR01", T0 + DAY + 15 * HOUR, T0 + DAY + 17 * HOUR);
  /* Overlapping, but different brigades */
  observed (items, "e", "VR05", T0 + 2 * DAY, T0 + 2 * DAY + 4 * HOUR);
  x = observed (items, "f", "VR17", T0 + 2 * DAY, T0 + 2 * DAY + 4 * HOUR);
  g_free (x->brigade_id);
  x->brigade_id = g_strdup ("13LB");
  /* Overlapping, but the RMOA is not asked to observe one of them */
  observed (items, "g", "VR05", T0 + 3 * DAY, T0 + 3 * DAY + 4 * HOUR);
  exercise (items, "h", "VR01", T0 + 3 * DAY, T0 + 3 * DAY + 4 * HOUR, NULL);
  /* Overlapping, one cancelled */
  observed (items, "i", "VR05", T0 + 4 * DAY, T0 + 4 * DAY + 4 * HOUR);
  x = observed (items, "j", "VR01", T0 + 4 * DAY, T0 + 4 * DAY + 4 * HOUR);
  x->status = PARAAT_EXERCISE_STATUS_CANCELLED;
  /* Touching */
  observed (items, "k", "VR05", T0 + 5 * DAY, T0 + 5 * DAY + 4 * HOUR);
  observed (items, "l", "VR01", T0 + 5 * DAY + 4 * HOUR, T0 + 5 * DAY + 6 * HOUR);

  findings = analyze (rules, items);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpstr (paraat_finding_get_item (findings->pdata[0], 0)->uid, ==, "a");
  g_assert_cmpstr (paraat_finding_get_item (findings->pdata[0], 1)->uid, ==, "b");
  g_assert_cmpstr (paraat_finding_get_subject (findings->pdata[0]), ==, "43 Gemechaniseerde Brigade");
  g_assert_nonnull (strstr (paraat_finding_get_explanation (findings->pdata[0]), "less than 2 hours"));
  g_assert_cmpstr (paraat_finding_get_item (findings->pdata[1], 0)->uid, ==, "k");

  /* Without a turnaround, only a real overlap counts (and the default observes all) */
  tight = analyze (no_turnaround, items);
  g_assert_cmpuint (count_rule (tight, PARAAT_RULE_OBSERVER_CLASH), ==, 1);
  g_assert_cmpstr (paraat_finding_get_item (tight->pdata[0], 0)->uid, ==, "g");
  g_assert_cmpstr (paraat_finding_get_item (tight->pdata[0], 1)->uid, ==, "h");
  g_assert_nonnull (strstr (paraat_finding_get_explanation (tight->pdata[0]), "overlap"));
}

/* Rule 4 */

static void
test_not_aligned (void)
{
  g_autoptr(ParaatConflictRules) rules = default_rules ();
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  ParaatCalendarItem *x;

  exercise (items, "near", "VR05", T0 + 30 * DAY, T0 + 30 * DAY + 4 * HOUR, "Natres");
  exercise (items, "far", "VR05", T0 + 60 * DAY, T0 + 60 * DAY + 4 * HOUR, "Natres");
  exercise (items, "other-region", "VR01", T0 + 30 * DAY, T0 + 30 * DAY + 4 * HOUR, "Natres");
  x = exercise (items, "participating", "VR02", T0 + 30 * DAY, T0 + 30 * DAY + 4 * HOUR, "Natres");
  x->regions = g_strsplit ("VR03;VR05", ";", -1);
  x = exercise (items, "by-unit", "VR04", T0 + 40 * DAY, T0 + 40 * DAY + 4 * HOUR, "11 Geniecompagnie");
  x = exercise (items, "confirmed", "VR04", T0 + 90 * DAY, T0 + 90 * DAY + 4 * HOUR, "Natres");
  x->defence = PARAAT_DEFENCE_CONFIRMED;
  x = exercise (items, "held", "VR04", T0 + 90 * DAY, T0 + 90 * DAY + 4 * HOUR, "Natres");
  x->status = PARAAT_EXERCISE_STATUS_HELD;

  /* No Defence calendar at all: the rule waits for one */
  findings = analyze (rules, items);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_REQUEST_NOT_ALIGNED), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* 10 days before "near", for VR05; and one naming a unit only */
  event (items, "ev-vr05", "VR05", T0 + 20 * DAY, T0 + 20 * DAY + HOUR, NULL, PARAAT_AVAILABILITY_COMMITTED);
  event (items, "ev-unit", NULL, T0 + 41 * DAY, T0 + 42 * DAY, "11 GENIECOMPAGNIE", PARAAT_AVAILABILITY_COMMITTED);
  findings = analyze (rules, items);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_REQUEST_NOT_ALIGNED), ==, 2);
  for (guint i = 0, n = 0; i < findings->len; i++)
    {
      ParaatFinding *finding = findings->pdata[i];

      if (!g_str_equal (paraat_finding_get_rule_id (finding), PARAAT_RULE_REQUEST_NOT_ALIGNED))
        continue;
      g_assert_cmpstr (paraat_finding_get_item (finding, 0)->uid, ==, n++ == 0 ? "other-region" : "far");
      g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), "14 days before"));
    }
}

/* Rule 5 */

static void
test_unmatched (void)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"defence-event-unmatched\","
                                                     " \"severity\": \"info\", \"days_before\": 7, \"days_after\": 0}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(ParaatScope) scope = paraat_scope_parse ("all", NULL);
  ParaatCalendarItem *x;

  exercise (items, "ex-vr05", "VR05", T0 + 10 * DAY, T0 + 10 * DAY + 4 * HOUR, NULL);
  x = exercise (items, "ex-vr01-cancelled", "VR01", T0 + 10 * DAY, T0 + 10 * DAY + 4 * HOUR, NULL);
  x->status = PARAAT_EXERCISE_STATUS_CANCELLED;
  /* The exercise is 2 days before the event: within days_before */
  event (items, "ev-a", "VR05", T0 + 12 * DAY, T0 + 13 * DAY, NULL, PARAAT_AVAILABILITY_COMMITTED);
  /* The exercise is 5 days after the event: days_after is 0 */
  event (items, "ev-b", "VR05", T0 + 4 * DAY, T0 + 5 * DAY, NULL, PARAAT_AVAILABILITY_COMMITTED);
  /* Only a cancelled exercise there */
  x = event (items, "ev-c", "VR01", T0 + 10 * DAY, T0 + 11 * DAY, NULL, PARAAT_AVAILABILITY_COMMITTED);
  x->regions = g_strsplit ("VR05", ";", -1);
  /* No region named */
  event (items, "ev-d", NULL, T0 + 30 * DAY, T0 + 31 * DAY, NULL, PARAAT_AVAILABILITY_COMMITTED);

  findings = paraat_conflicts_analyze (rules, items, scope, NULL);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpint (paraat_finding_get_severity (findings->pdata[0]), ==, PARAAT_SEVERITY_INFO);
  g_assert_cmpstr (paraat_finding_get_item (findings->pdata[0], 0)->uid, ==, "ev-b");
  g_assert_nonnull (strstr (paraat_finding_get_explanation (findings->pdata[0]), "VR05 has no exercise"));
  g_assert_nonnull (strstr (paraat_finding_get_explanation (findings->pdata[0]), "7 days before"));
  g_assert_cmpstr (paraat_finding_get_item (findings->pdata[1], 0)->uid, ==, "ev-c");
  g_assert_cmpstr (paraat_finding_get_subject (findings->pdata[1]), ==, "VR01");
}

static void
test_unmatched_scope (ParaatTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"defence-event-unmatched\"}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatScope) scope = paraat_scope_resolve (fixture->store, "region:VR05", "2026-03-02", &error);

  g_assert_no_error (error);
  /* VR01's exercises were never loaded: nothing to say about it */
  event (items, "ev", "VR01", T0, T0 + DAY, NULL, PARAAT_AVAILABILITY_COMMITTED);
  findings = paraat_conflicts_analyze (rules, items, scope, NULL);
  g_assert_cmpuint (findings->len, ==, 0);
}

/* Order and cost */

static char *
to_json (GPtrArray *findings)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (paraat_conflicts_write_json (findings, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static const char * const random_units[] = {
  "11 Geniecompagnie", "11 GENIECOMPAGNIE", "Natres", "CBRN-responseenheid", "Defensie Helikopter Commando",
  "43 Gemechaniseerde Brigade (staf)", "Coördinatie-eenheid",
};
static const char * const random_regions[] = { "VR01", "VR02", "VR03", "VR04", "VR05", "VR09", "VR14", "VR25" };

/* @n items over about 20 years, so overlaps stay about as dense as a real plan */
static GPtrArray *
random_items (guint   n,
              guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *items = new_items ();
  gint64 span = (gint64) n * 2 * HOUR;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *uid = g_strdup_printf ("item-%06u", i);
      gint64 start = T0 + (gint64) g_rand_double_range (rand, 0, span) / 900 * 900;
      gint64 length = g_rand_int_range (rand, 1, 9) * HOUR;
      const char *region = random_regions[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_regions))];
      const char *unit = random_units[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_units))];
      ParaatCalendarItem *item;

      if (g_rand_int_range (rand, 0, 10) == 0)
        item = event (items, uid, region, start, start + length, unit,
                      g_rand_boolean (rand) ? PARAAT_AVAILABILITY_COMMITTED : PARAAT_AVAILABILITY_AVAILABLE);
      else
        {
          item = exercise (items, uid, region, start, start + length, g_rand_boolean (rand) ? unit : NULL);
          item->ovr_observer = g_rand_int_range (rand, 0, 4) == 0;
          if (g_rand_int_range (rand, 0, 20) == 0)
            item->status = PARAAT_EXERCISE_STATUS_CANCELLED;
        }
    }

  return items;
}

static void
shuffle (GPtrArray *items,
         guint32    seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = items->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer swap = items->pdata[i - 1];

      items->pdata[i - 1] = items->pdata[j];
      items->pdata[j] = swap;
    }
}

static void
test_order (void)
{
  g_autoptr(ParaatConflictRules) rules = default_rules ();
  g_autoptr(GPtrArray) items = random_items (2000, 7);
  g_autoptr(GPtrArray) first = analyze (rules, items);
  g_autoptr(GPtrArray) second = NULL;
  g_autofree char *a = to_json (first);
  g_autofree char *b = NULL;

  g_assert_cmpuint (first->len, >, 10);
  shuffle (items, 8);
  second = analyze (rules, items);
  b = to_json (second);
  g_assert_cmpstr (a, ==, b);

  /* Most severe first, then by start */
  for (guint i = 1; i < first->len; i++)
    {
      ParaatFinding *x = first->pdata[i - 1], *y = first->pdata[i];

      g_assert_cmpint (paraat_finding_get_severity (x), >=, paraat_finding_get_severity (y));
      if (paraat_finding_get_severity (x) == paraat_finding_get_severity (y))
        g_assert_cmpint (paraat_finding_get_start_utc (x), <=, paraat_finding_get_start_utc (y));
    }
}

/* A naive check of rule 1 on the same items: every overlapping pair */
static guint
count_double_bookings_naively (GPtrArray *items)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ParaatCalendarItem *a = items->pdata[i];

      if (a->source != PARAAT_ITEM_SOURCE_EXERCISE || a->defence == PARAAT_DEFENCE_NONE ||
          a->status == PARAAT_EXERCISE_STATUS_CANCELLED || a->units[0] == NULL)
        continue;
      for (guint j = i + 1; j < items->len; j++)
        {
          ParaatCalendarItem *b = items->pdata[j];
          g_autofree char *fa = NULL, *fb = NULL;

          if (b->source != PARAAT_ITEM_SOURCE_EXERCISE || b->defence == PARAAT_DEFENCE_NONE ||
              b->status == PARAAT_EXERCISE_STATUS_CANCELLED || b->units[0] == NULL)
            continue;
          if (MIN (a->end_utc, b->end_utc) <= MAX (a->start_utc, b->start_utc))
            continue;
          fa = paraat_fold_unit (a->units[0]);
          fb = paraat_fold_unit (b->units[0]);
          if (g_str_equal (fa, fb))
            g_hash_table_add (pairs, g_strdup_printf ("%u %u", i, j));
        }
    }

  return g_hash_table_size (pairs);
}

static void
test_matches_naive (void)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"unit-double-booked\"}]}");
  g_autoptr(GPtrArray) items = random_items (3000, 11);
  g_autoptr(GPtrArray) findings = analyze (rules, items);

  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpuint (findings->len, ==, count_double_bookings_naively (items));
}

/*
 * The cost in counted steps, not in time: at most a few n log n plus the
 * findings, and 10 times the items cost at most 15 times the steps.
 */
static void
test_complexity (void)
{
  g_autoptr(ParaatConflictRules) rules = default_rules ();
  guint64 steps[2] = { 0, 0 };
  guint sizes[2] = { 10000, 100000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) items = random_items (sizes[s], 3);
      g_autoptr(GPtrArray) findings = NULL;
      ParaatConflictStats stats = { 0 };
      double n = sizes[s];

      findings = paraat_conflicts_analyze (rules, items, NULL, &stats);
      g_assert_cmpuint (stats.n_items, ==, sizes[s]);
      g_assert_cmpuint (stats.n_findings, ==, findings->len);
      g_test_message ("%u items: %" G_GUINT64_FORMAT " intervals, %" G_GUINT64_FORMAT " steps, %u findings",
                      sizes[s], stats.n_intervals, stats.n_steps, findings->len);
      g_assert_cmpfloat ((double) stats.n_steps, <=, 12.0 * n * g_bit_storage (sizes[s]) + 4.0 * findings->len);
      steps[s] = stats.n_steps;
    }

  g_assert_cmpfloat ((double) steps[1] / steps[0], <=, 15.0);
}

/* Export */

static void
test_export (void)
{
  g_autoptr(ParaatConflictRules) rules = rules_from ("{\"rules\": [{\"id\": \"unit-double-booked\"}]}");
  g_autoptr(GPtrArray) items = new_items ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  JsonArray *array;
  JsonObject *object;
  ParaatCalendarItem *x;

  x = exercise (items, "a,1", "VR05", T0, T0 + 3 * HOUR, "Natres");
  g_free (x->title);
  x->title = g_strdup ("Oefening \"Hoogwater\", deel 1\nmet ROT");
  exercise (items, "b", "VR01", T0 + HOUR, T0 + 2 * HOUR, "natres");
  findings = analyze (rules, items);
  g_assert_cmpuint (findings->len, ==, 1);

  json = to_json (findings);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "rule"), ==, "unit-double-booked");
  g_assert_cmpstr (json_object_get_string_member (object, "severity"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (object, "start"), ==, "2026-03-02T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (object, "end"), ==, "2026-03-02T03:00:00Z");
  g_assert_nonnull (strstr (json_object_get_string_member (object, "explanation"), "Hoogwater"));
  array = json_object_get_array_member (object, "items");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "uid"), ==, "a,1");
  g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "exercise");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Oefening \"Hoogwater\", deel 1\nmet ROT");
  g_assert_cmpstr (json_object_get_string_member (object, "region"), ==, "VR05");

  g_assert_true (paraat_conflicts_write_csv (findings, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_true (g_str_has_prefix (csv, "severity,rule,subject,start,end,explanation,uid_1,title_1,region_1,"
                                        "start_1,uid_2,title_2,region_2,start_2\r\n"
                                        "warning,unit-double-booked,Natres,2026-03-02T00:00:00Z,"
                                        "2026-03-02T03:00:00Z,\"Both “Oefening \"\"Hoogwater\"\", deel 1\nmet ROT”"));
  g_assert_nonnull (strstr (csv, ",\"a,1\",\"Oefening \"\"Hoogwater\"\", deel 1\nmet ROT\",VR05,"
                                 "2026-03-02T00:00:00Z,b,b,VR01,2026-03-02T01:00:00Z\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\n"));
}

static void
test_export_empty (void)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  g_autofree char *json = to_json (findings);

  g_assert_cmpstr (g_strstrip (json), ==, "[]");
}

/* Store glue and the demo */

static void
test_store_items (ParaatTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2024, 6, 20, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2024, 6, 20, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new (tz, 2024, 6, 21, 9, 0, 0);
  g_autoptr(GDateTime) later_end = g_date_time_new (tz, 2024, 6, 21, 12, 0, 0);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ParaatCalendarItem *item;

  paraat_exercise_set_title (ex, "Oefening Twente");
  paraat_exercise_set_type_code (ex, "ROT");
  paraat_exercise_set_region_code (ex, "VR05");
  paraat_exercise_set_times (ex, start, end, FALSE);
  paraat_exercise_set_defence (ex, PARAAT_DEFENCE_REQUESTED);
  paraat_exercise_set_defence_units (ex, "Natres; 11 Geniecompagnie");
  paraat_exercise_set_ovr_observer (ex, TRUE);
  paraat_exercise_set_rrule (ex, "FREQ=DAILY;COUNT=2");
  g_assert_true (paraat_store_save_exercise (fixture->store, ex, "test", NULL, &error));
  g_assert_no_error (error);

  items = paraat_store_list_calendar_items (fixture->store, NULL, g_date_time_to_unix (start) - DAY,
                                            g_date_time_to_unix (start) + 3 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);

  item = items->pdata[0];
  g_assert_cmpint (item->source, ==, PARAAT_ITEM_SOURCE_EXERCISE);
  g_assert_cmpstr (item->uid, ==, paraat_exercise_get_uid (ex));
  g_assert_cmpstr (item->region_code, ==, "VR05");
  g_assert_cmpint (item->start_utc, ==, g_date_time_to_unix (start));
  g_assert_cmpint (item->end_utc, ==, g_date_time_to_unix (end));
  g_assert_cmpint (item->defence, ==, PARAAT_DEFENCE_REQUESTED);
  g_assert_cmpuint (g_strv_length (item->units), ==, 2);
  g_assert_true (item->ovr_observer);
  /* The shipped mapping starts on 21 June 2024: nothing the day before */
  g_assert_null (item->brigade_id);

  item = items->pdata[1];
  g_assert_cmpint (item->start_utc, ==, g_date_time_to_unix (later));
  g_assert_cmpint (item->end_utc, ==, g_date_time_to_unix (later_end));
  g_assert_cmpstr (item->brigade_id, ==, "43MB");
  g_assert_cmpstr (item->brigade_name, ==, "43 Gemechaniseerde Brigade");
}

static ParaatExercise *
save_at_nine (ParaatStore *store,
              const char  *title,
              const char  *rrule)
{
  ParaatExercise *ex = paraat_exercise_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2024, 6, 20, 9, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (tz, 2024, 6, 20, 12, 0, 0);
  g_autoptr(GError) error = NULL;

  paraat_exercise_set_title (ex, title);
  paraat_exercise_set_type_code (ex, "ROT");
  paraat_exercise_set_region_code (ex, "VR05");
  paraat_exercise_set_times (ex, start, end, FALSE);
  paraat_exercise_set_rrule (ex, rrule);
  g_assert_true (paraat_store_save_exercise (store, ex, "test", NULL, &error));
  g_assert_no_error (error);

  return ex;
}

/* Single exercises and occurrences by start, then title; of two with
 * both the same, the single one first (one stable sort of the singles
 * and then the occurrences gave that order) */
static void
test_store_items_order (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(ParaatExercise) b = save_at_nine (fixture->store, "B", NULL);
  g_autoptr(ParaatExercise) series = save_at_nine (fixture->store, "A", "FREQ=DAILY;COUNT=2");
  g_autoptr(ParaatExercise) a = save_at_nine (fixture->store, "A", NULL);
  g_autoptr(ParaatExercise) c = save_at_nine (fixture->store, "C", NULL);
  g_autoptr(GDateTime) from = g_date_time_new_utc (2024, 6, 19, 0, 0, 0);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  ParaatExercise *expected[] = { a, series, b, c, series };

  items = paraat_store_list_calendar_items (fixture->store, NULL, g_date_time_to_unix (from),
                                            g_date_time_to_unix (from) + 4 * DAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];

      g_assert_cmpstr (item->uid, ==, paraat_exercise_get_uid (expected[i]));
      g_assert_cmpint (item->start_utc, ==, (i == 4 ? DAY : 0) + paraat_exercise_get_start_utc (a));
    }
}

static void
test_demo (ParaatTestFixture *fixture,
           gconstpointer      user_data)
{
  const char *today_iso = user_data;
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2026, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2028, 1, 1, 0, 0, 0);
  g_autoptr(ParaatConflictRules) rules = default_rules ();
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) in_vr05 = NULL;
  g_autoptr(GPtrArray) vr05_findings = NULL;
  g_autoptr(GError) error = NULL;

  /* The demo depends on the day it is made (what is past is held, what
   * is near confirmed): the same checks for several days */
  g_date_set_parse (today, today_iso);
  g_assert_true (g_date_valid (today));
  g_assert_true (paraat_store_fill_demo (fixture->store, today, &error));
  g_assert_no_error (error);
  scope = paraat_scope_resolve (fixture->store, "brigade:43MB", today_iso, &error);
  g_assert_no_error (error);
  items = paraat_store_list_calendar_items (fixture->store, scope, g_date_time_to_unix (from),
                                            g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 200);

  findings = paraat_conflicts_analyze (rules, items, scope, NULL);
  /* The demo plans the 8 regions of 43MB independently, so some of its
   * exercises overlap; its Defence calendar has a deployment and
   * commitments where regions ask for units, leaves requests out, and
   * names regions where they hold no exercise: every rule speaks. */
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_UNIT_DOUBLE_BOOKED), >, 0);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_OBSERVER_CLASH), >, 0);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_UNIT_UNAVAILABLE), >, 0);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_REQUEST_NOT_ALIGNED), >, 0);
  g_assert_cmpuint (count_rule (findings, PARAAT_RULE_DEFENCE_EVENT_UNMATCHED), >, 0);
  /* A handful, not a flood: a planner can read them all */
  g_assert_cmpuint (findings->len, <, 60);

  for (guint i = 0; i < findings->len; i++)
    {
      ParaatFinding *finding = findings->pdata[i];
      const char *rule = paraat_finding_get_rule_id (finding);
      ParaatCalendarItem *a = paraat_finding_get_item (finding, 0);
      ParaatCalendarItem *b = NULL;

      g_test_message ("%s", paraat_finding_get_explanation (finding));
      g_assert_cmpint (a->status, !=, PARAAT_EXERCISE_STATUS_CANCELLED);
      g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), a->title));
      if (g_str_equal (rule, PARAAT_RULE_REQUEST_NOT_ALIGNED) || g_str_equal (rule, PARAAT_RULE_DEFENCE_EVENT_UNMATCHED))
        {
          g_assert_cmpuint (paraat_finding_get_n_items (finding), ==, 1);
          g_assert_cmpint (a->source, ==, g_str_equal (rule, PARAAT_RULE_REQUEST_NOT_ALIGNED)
                                          ? PARAAT_ITEM_SOURCE_EXERCISE : PARAAT_ITEM_SOURCE_EXTERNAL);
          continue;
        }
      g_assert_cmpuint (paraat_finding_get_n_items (finding), ==, 2);
      b = paraat_finding_get_item (finding, 1);
      g_assert_cmpint (b->status, !=, PARAAT_EXERCISE_STATUS_CANCELLED);
      g_assert_nonnull (strstr (paraat_finding_get_explanation (finding), b->title));
      if (g_str_equal (rule, PARAAT_RULE_UNIT_UNAVAILABLE))
        {
          /* An exercise and the brigade's own calendar */
          g_assert_cmpint (a->source != b->source, ==, TRUE);
          g_assert_cmpint (a->end_utc, >, b->start_utc);
          continue;
        }
      g_assert_cmpint (a->start_utc, <=, b->start_utc);
      if (g_str_equal (rule, PARAAT_RULE_UNIT_DOUBLE_BOOKED))
        {
          g_assert_cmpint (a->end_utc, >, b->start_utc);
          g_assert_cmpint (a->defence, !=, PARAAT_DEFENCE_DECLINED);
          g_assert_cmpint (b->defence, !=, PARAAT_DEFENCE_DECLINED);
        }
      else
        {
          g_assert_cmpstr (paraat_finding_get_subject (finding), ==, "43 Gemechaniseerde Brigade");
          g_assert_true (a->ovr_observer && b->ovr_observer);
          g_assert_cmpint (a->end_utc + 2 * HOUR, >, b->start_utc);
        }
    }

  /* One region's view holds its own findings and those with its neighbours */
  g_clear_pointer (&scope, paraat_scope_unref);
  scope = paraat_scope_resolve (fixture->store, "region:VR05", today_iso, &error);
  g_assert_no_error (error);
  in_vr05 = paraat_store_list_calendar_items (fixture->store, scope, g_date_time_to_unix (from),
                                              g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (in_vr05->len, <, items->len);
  vr05_findings = paraat_conflicts_analyze (rules, items, scope, NULL);
  g_assert_cmpuint (vr05_findings->len, >, 0);
  g_assert_cmpuint (vr05_findings->len, <, findings->len);
  for (guint i = 0; i < vr05_findings->len; i++)
    {
      ParaatFinding *finding = vr05_findings->pdata[i];
      gboolean concerns_vr05 = FALSE;

      /* With a neighbour, or within VR05 */
      for (guint j = 0; j < paraat_finding_get_n_items (finding); j++)
        {
          ParaatCalendarItem *item = paraat_finding_get_item (finding, j);

          concerns_vr05 |= g_strcmp0 (item->region_code, "VR05") == 0 ||
                     (item->regions && g_strv_contains ((const char * const *) item->regions, "VR05"));
        }
      g_assert_true (concerns_vr05);
    }
}

/* The store reads the analysis' items straight from the rows; they must
 * be what the exercises themselves say, occurrence by occurrence. */
static void
test_store_items_match (ParaatTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JANUARY, 2026);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, 2025, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, 2028, 1, 1, 0, 0, 0);
  g_autoptr(ParaatScope) scope = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = 0, n_recurring = 0, n_drill = 0;

  g_autoptr(ParaatExercise) drill = paraat_exercise_new ();
  g_autoptr(GDateTime) drill_start = g_date_time_new (tz, 2026, 3, 2, 19, 0, 0);
  g_autoptr(GDateTime) drill_end = g_date_time_new (tz, 2026, 3, 2, 21, 30, 0);
  const char * const regions[] = { "VR06", "VR04", NULL };

  g_assert_true (paraat_store_fill_demo (fixture->store, today, &error));
  g_assert_no_error (error);
  /* A series across the change to summer time, with units and regions */
  paraat_exercise_set_title (drill, "Alarmeringsproef");
  paraat_exercise_set_type_code (drill, "ROT");
  paraat_exercise_set_region_code (drill, "VR05");
  paraat_exercise_set_regions (drill, regions);
  paraat_exercise_set_times (drill, drill_start, drill_end, FALSE);
  paraat_exercise_set_defence (drill, PARAAT_DEFENCE_CONFIRMED);
  paraat_exercise_set_defence_units (drill, "Natres; 11 Geniecompagnie");
  paraat_exercise_set_ovr_observer (drill, TRUE);
  paraat_exercise_set_rrule (drill, "FREQ=WEEKLY;COUNT=6");
  g_assert_true (paraat_store_save_exercise (fixture->store, drill, "test", NULL, &error));
  g_assert_no_error (error);
  scope = paraat_scope_resolve (fixture->store, "brigade:43MB", "2026-01-15", &error);
  g_assert_no_error (error);
  items = paraat_store_list_calendar_items (fixture->store, scope, g_date_time_to_unix (from),
                                            g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  exercises = paraat_store_list_exercises (fixture->store, scope, g_date_time_to_unix (from),
                                           g_date_time_to_unix (to), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];
      g_autoptr(ParaatCalendarItem) expected = NULL;
      ParaatExercise *ex;

      if (item->source != PARAAT_ITEM_SOURCE_EXERCISE)
        continue;
      g_assert_cmpuint (n_items, <, exercises->len);
      ex = exercises->pdata[n_items++];
      expected = paraat_calendar_item_new_from_exercise (ex);
      n_recurring += *paraat_exercise_get_rrule (ex) != '\0';
      n_drill += g_str_equal (item->uid, paraat_exercise_get_uid (drill));

      g_assert_cmpstr (item->uid, ==, expected->uid);
      g_assert_cmpstr (item->title, ==, expected->title);
      g_assert_cmpint (item->start_utc, ==, expected->start_utc);
      g_assert_cmpint (item->end_utc, ==, expected->end_utc);
      g_assert_cmpint (item->all_day, ==, expected->all_day);
      g_assert_cmpstr (item->tzid, ==, expected->tzid);
      g_assert_cmpstr (item->region_code, ==, expected->region_code);
      g_assert_true (g_strv_equal ((const char * const *) item->regions, (const char * const *) expected->regions));
      g_assert_true (g_strv_equal ((const char * const *) item->units, (const char * const *) expected->units));
      g_assert_cmpint (item->status, ==, expected->status);
      g_assert_cmpint (item->defence, ==, expected->defence);
      g_assert_cmpint (item->ovr_observer, ==, expected->ovr_observer);
      g_assert_cmpstr (paraat_calendar_item_get_when (item), ==, paraat_calendar_item_get_when (expected));
    }
  g_assert_cmpuint (n_items, ==, exercises->len);
  g_assert_cmpuint (n_recurring, >, 6);
  g_assert_cmpuint (n_drill, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

  g_test_add_func ("/core/conflicts/rules/default", test_rules_default);
  g_test_add_func ("/core/conflicts/rules/invalid", test_rules_invalid);
  g_test_add_func ("/core/conflicts/rules/disabled", test_rules_disabled);
  g_test_add_func ("/core/conflicts/double-booked/basic", test_double_booked);
  g_test_add_func ("/core/conflicts/double-booked/threshold", test_double_booked_threshold);
  g_test_add_func ("/core/conflicts/double-booked/merged", test_double_booked_merged);
  g_test_add_func ("/core/conflicts/double-booked/naive", test_matches_naive);
  g_test_add_func ("/core/conflicts/unavailable/basic", test_unavailable);
  g_test_add_func ("/core/conflicts/unavailable/options", test_unavailable_options);
  g_test_add_func ("/core/conflicts/unavailable/ical", test_availability_from_ical);
  g_test_add_func ("/core/conflicts/observer", test_observer);
  g_test_add_func ("/core/conflicts/not-aligned", test_not_aligned);
  g_test_add_func ("/core/conflicts/unmatched/basic", test_unmatched);
  g_test_add ("/core/conflicts/unmatched/scope", ParaatTestFixture, NULL, paraat_test_fixture_set_up_store,
              test_unmatched_scope, paraat_test_fixture_tear_down);
  g_test_add_func ("/core/conflicts/order", test_order);
  g_test_add_func ("/core/conflicts/complexity", test_complexity);
  g_test_add_func ("/core/conflicts/export/quoting", test_export);
  g_test_add_func ("/core/conflicts/export/empty", test_export_empty);
  g_test_add ("/core/conflicts/store/items", ParaatTestFixture, NULL, paraat_test_fixture_set_up_store,
              test_store_items, paraat_test_fixture_tear_down);
  g_test_add ("/core/conflicts/store/items-order", ParaatTestFixture, NULL, paraat_test_fixture_set_up_store,
              test_store_items_order, paraat_test_fixture_tear_down);
  g_test_add ("/core/conflicts/store/items-match", ParaatTestFixture, NULL, paraat_test_fixture_set_up_store,
              test_store_items_match, paraat_test_fixture_tear_down);
  g_test_add ("/core/conflicts/store/demo", ParaatTestFixture, "2026-01-15", paraat_test_fixture_set_up_store,
              test_demo, paraat_test_fixture_tear_down);
  g_test_add ("/core/conflicts/store/demo/2025-09-01", ParaatTestFixture, "2025-09-01",
              paraat_test_fixture_set_up_store, test_demo, paraat_test_fixture_tear_down);
  g_test_add ("/core/conflicts/store/demo/2026-06-15", ParaatTestFixture, "2026-06-15",
              paraat_test_fixture_set_up_store, test_demo, paraat_test_fixture_tear_down);
  g_test_add ("/core/conflicts/store/demo/2026-12-04", ParaatTestFixture, "2026-12-04",
              paraat_test_fixture_set_up_store, test_demo, paraat_test_fixture_tear_down);

  return g_test_run ();
}
