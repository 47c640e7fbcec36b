/* paraat-conflicts.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The alignment checks. Which checks run, how severe they are and their
 * thresholds come from data/rules/alignment.json; the wording of each
 * check is here, as translatable templates with named placeholders, so
 * gettext finds it and a change of threshold never touches a translation.
 *
 * Rules 1–3 are sweeps: every interval (an item per Defence unit it
 * names, or per brigade serving its region) is sorted once by key and
 * start, and a min-heap by end holds the intervals still running. Each
 * interval the heap gives back overlaps the new one by the threshold, so
 * the work is O(n log n) for the sort and the heap plus O(k) for the k
 * findings. Rules 4 and 5 look for any interval of the other kind near
 * an item: the candidates of each key are sorted by start with a prefix
 * maximum of their ends, so one binary search answers each question.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "paraat-conflicts.h"
#include "paraat-core-resources.h"
#include "paraat-utils.h"

#define RULES_RESOURCE RESOURCE_BASE "/core/rules/alignment.json"

G_DEFINE_QUARK (paraat-conflicts-error-quark, paraat_conflicts_error)

/* Availability and severity as text */

static const char * const availability_ids[PARAAT_N_AVAILABILITIES] = {
  "none", "committed", "unavailable", "available",
};

static const char * const severity_ids[] = {
  "info", "warning", "critical",
};

const char *
paraat_availability_to_string (ParaatAvailability availability)
{
  g_return_val_if_fail (availability < PARAAT_N_AVAILABILITIES, NULL);

  return availability_ids[availability];
}

gboolean
paraat_availability_from_string (const char         *text,
                                 ParaatAvailability *availability)
{
  for (guint i = 0; i < G_N_ELEMENTS (availability_ids); i++)
    {
      if (g_strcmp0 (text, availability_ids[i]) == 0)
        {
          *availability = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * paraat_availability_from_ical:
 * @x_paraat_availability: (nullable): the event's X-PARAAT-AVAILABILITY,
 *   "committed", "unavailable" or "available" in any case
 * @transp: (nullable): the event's TRANSP, "OPAQUE" or "TRANSPARENT"
 *
 * What a Defence calendar's event says about its units. An explicit
 * X-PARAAT-AVAILABILITY wins; otherwise a transparent event leaves the
 * units available and anything else commits them, as free/busy does.
 */
ParaatAvailability
paraat_availability_from_ical (const char *x_paraat_availability,
                               const char *transp)
{
  ParaatAvailability availability;

  if (x_paraat_availability != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (x_paraat_availability, -1);

      if (paraat_availability_from_string (g_strstrip (lower), &availability) &&
          availability != PARAAT_AVAILABILITY_NONE)
        return availability;
    }
  if (transp != NULL && g_ascii_strcasecmp (transp, "TRANSPARENT") == 0)
    return PARAAT_AVAILABILITY_AVAILABLE;

  return PARAAT_AVAILABILITY_COMMITTED;
}

const char *
paraat_severity_to_string (ParaatSeverity severity)
{
  g_return_val_if_fail (severity <= PARAAT_SEVERITY_CRITICAL, NULL);

  return severity_ids[severity];
}

const char *
paraat_severity_get_label (ParaatSeverity severity)
{
  switch (severity)
    {
    case PARAAT_SEVERITY_INFO:
      return C_("severity", "Info");
    case PARAAT_SEVERITY_WARNING:
      return C_("severity", "Warning");
    case PARAAT_SEVERITY_CRITICAL:
      return C_("severity", "Critical");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ParaatCalendarItem */

G_DEFINE_BOXED_TYPE (ParaatCalendarItem, paraat_calendar_item, paraat_calendar_item_ref, paraat_calendar_item_unref)

ParaatCalendarItem *
paraat_calendar_item_new (ParaatItemSource  source,
                          const char       *uid,
                          const char       *title,
                          gint64            start_utc,
                          gint64            end_utc)
{
  ParaatCalendarItem *self = g_new0 (ParaatCalendarItem, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->source = source;
  self->uid = g_strdup (uid ? uid : "");
  self->title = g_strdup (title ? title : "");
  self->start_utc = start_utc;
  self->end_utc = end_utc;
  self->status = PARAAT_EXERCISE_STATUS_PLANNED;

  return self;
}

ParaatCalendarItem *
paraat_calendar_item_ref (ParaatCalendarItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
paraat_calendar_item_unref (ParaatCalendarItem *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->uid);
      g_free (self->when);
      g_free (self->colour);
      g_free (self->calendar);
      g_free (self->organisation);
      g_free (self->title);
      g_free (self->region_code);
      g_strfreev (self->regions);
      g_free (self->tzid);
      g_strfreev (self->units);
      g_free (self->brigade_id);
      g_free (self->brigade_name);
      g_free (self->location);
      g_free (self->description);
      g_free (self);
    }
}

/**
 * paraat_calendar_item_new_from_exercise:
 *
 * The item for an exercise or one occurrence of it, without its brigade
 * (that depends on the store's mapping; see paraat_store_list_calendar_items()).
 */
ParaatCalendarItem *
paraat_calendar_item_new_from_exercise (ParaatExercise *exercise)
{
  ParaatCalendarItem *self;

  g_return_val_if_fail (PARAAT_IS_EXERCISE (exercise), NULL);

  self = paraat_calendar_item_new (PARAAT_ITEM_SOURCE_EXERCISE, paraat_exercise_get_uid (exercise),
                                   paraat_exercise_get_title (exercise),
                                   paraat_exercise_get_start_utc (exercise),
                                   paraat_exercise_get_end_utc (exercise));
  self->region_code = g_strdup (paraat_exercise_get_region_code (exercise));
  self->regions = g_strdupv ((char **) paraat_exercise_get_regions (exercise));
  self->all_day = paraat_exercise_get_all_day (exercise);
  self->tzid = g_strdup (paraat_exercise_get_tzid (exercise));
  self->status = paraat_exercise_get_status (exercise);
  self->defence = paraat_exercise_get_defence (exercise);
  self->units = paraat_split_list (paraat_exercise_get_defence_units (exercise));
  self->ovr_observer = paraat_exercise_get_ovr_observer (exercise);

  return self;
}

/* @utc in @tz, as a GDateTime in a zone of the one offset @tz has then:
 * the same fields, without GLib's walk over @tz's transitions */
static GDateTime *
to_local (GTimeZone *tz,
          gint64     utc)
{
  g_autoptr(GTimeZone) fixed = paraat_time_zone_new_for_offset (paraat_time_zone_get_offset_at (tz, utc));
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);

  return instant != NULL ? g_date_time_to_timezone (instant, fixed) : NULL;
}

static char *
format_when (ParaatCalendarItem *self)
{
  g_autoptr(GTimeZone) tz = paraat_time_zone_new (self->tzid ? self->tzid : PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  start = to_local (tz, self->start_utc);
  end = to_local (tz, self->end_utc);
  if (start == NULL || end == NULL)
    return g_strdup ("?");

  return paraat_format_when (start, end, self->all_day);
}

/**
 * paraat_calendar_item_get_when:
 *
 * The item's time as people read it, in its own zone ("5 Jan 2026,
 * 06:30–09:30"). Made on the first call and kept: an item takes part in
 * many findings. Safe to call from several threads.
 *
 * Returns: (transfer none): the text
 */
const char *
paraat_calendar_item_get_when (ParaatCalendarItem *self)
{
  char *when;

  g_return_val_if_fail (self != NULL, NULL);

  when = g_atomic_pointer_get (&self->when);
  if (when == NULL)
    {
      when = format_when (self);
      if (!g_atomic_pointer_compare_and_exchange (&self->when, NULL, when))
        {
          g_free (when);
          when = g_atomic_pointer_get (&self->when);
        }
    }

  return when;
}

/**
 * paraat_fold_unit:
 *
 * A Defence unit's name as typed, made comparable: without case and
 * accents, trimmed, and with runs of spaces as one, so “11 Geniecompagnie”
 * and “11  geniecompagnie ” name the same unit.
 */
char *
paraat_fold_unit (const char *unit)
{
  g_autofree char *folded = paraat_fold_text (unit ? unit : "");
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The rules */

enum
{
  RULE_DOUBLE_BOOKED,
  RULE_UNAVAILABLE,
  RULE_OBSERVER,
  RULE_NOT_ALIGNED,
  RULE_UNMATCHED,
  N_RULES
};

static const struct {
  const char *id;
  const char *keys; /* the thresholds it takes, space-separated */
} rule_info[N_RULES] = {
  { PARAAT_RULE_UNIT_DOUBLE_BOOKED, "participation min_overlap_minutes" },
  { PARAAT_RULE_UNIT_UNAVAILABLE, "participation availability min_overlap_minutes same_brigade_only" },
  { PARAAT_RULE_OBSERVER_CLASH, "turnaround_hours observer_only" },
  { PARAAT_RULE_REQUEST_NOT_ALIGNED, "participation statuses days_before days_after match_units only_with_calendars" },
  { PARAAT_RULE_DEFENCE_EVENT_UNMATCHED, "days_before days_after" },
};

typedef struct
{
  gboolean       enabled;
  ParaatSeverity severity;
  guint          participation; /* 1 << ParaatDefence */
  guint          availability;  /* 1 << ParaatAvailability */
  guint          statuses;      /* 1 << ParaatExerciseStatus */
  gint64         min_overlap;   /* seconds, at least 1 */
  gint64         turnaround;    /* seconds */
  gint64         before;        /* seconds */
  gint64         after;
  gboolean       same_brigade_only;
  gboolean       observer_only;
  gboolean       match_units;
  gboolean       only_with_calendars;
} Rule;

struct _ParaatConflictRules
{
  Rule rules[N_RULES];
};

static int
find_rule (const char *id)
{
  for (int i = 0; i < N_RULES; i++)
    {
      if (g_strcmp0 (rule_info[i].id, id) == 0)
        return i;
    }

  return -1;
}

static gboolean
rules_error (GError    **error,
             const char *rule_id,
             const char *member,
             const char *expected)
{
  /* Translators: the rule's id, the member's name and what it should be.
   * Only people who edit data/rules/alignment.json see this. */
  g_set_error (error, PARAAT_CONFLICTS_ERROR, PARAAT_CONFLICTS_ERROR_RULES,
               _("alignment.json: rule “%s”, “%s”: expected %s"),
               rule_id ? rule_id : "?", member, expected);

  return FALSE;
}

static gboolean
read_count (JsonNode    *node,
            const char  *rule_id,
            const char  *member,
            gint64       unit,
            gint64      *out,
            GError     **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > 366 * 24 * 60)
    return rules_error (error, rule_id, member, _("a whole number, 0 or more"));
  *out = json_node_get_int (node) * unit;

  return TRUE;
}

static gboolean
read_flag (JsonNode    *node,
           const char  *rule_id,
           const char  *member,
           gboolean    *out,
           GError     **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return rules_error (error, rule_id, member, _("true or false"));
  *out = json_node_get_boolean (node);

  return TRUE;
}

typedef gboolean (*FromStringFunc) (const char *text, guint *value);

static gboolean
read_set (JsonNode        *node,
          const char      *rule_id,
          const char      *member,
          FromStringFunc   from_string,
          const char      *choices,
          guint           *out,
          GError         **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return rules_error (error, rule_id, member, choices);
  array = json_node_get_array (node);
  *out = 0;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      guint value;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          !from_string (json_node_get_string (element), &value))
        return rules_error (error, rule_id, member, choices);
      *out |= 1u << value;
    }

  return TRUE;
}

static gboolean
defence_from_string (const char *text,
                     guint      *value)
{
  ParaatDefence defence;

  if (!paraat_defence_from_string (text, &defence))
    return FALSE;
  *value = defence;

  return TRUE;
}

static gboolean
status_from_string (const char *text,
                    guint      *value)
{
  ParaatExerciseStatus status;

  if (!paraat_exercise_status_from_string (text, &status))
    return FALSE;
  *value = status;

  return TRUE;
}

static gboolean
availability_from_string (const char *text,
                          guint      *value)
{
  ParaatAvailability availability;

  if (!paraat_availability_from_string (text, &availability) || availability == PARAAT_AVAILABILITY_NONE)
    return FALSE;
  *value = availability;

  return TRUE;
}

static gboolean
read_rule (ParaatConflictRules  *self,
           JsonObject           *object,
           guint                *seen,
           GError              **error)
{
  const char *id = json_object_has_member (object, "id") ? json_object_get_string_member (object, "id") : NULL;
  g_autoptr(GList) members = json_object_get_members (object);
  int index = find_rule (id);
  Rule *rule;

  if (index < 0)
    return rules_error (error, id, "id", _("one of unit-double-booked, unit-unavailable, observer-clash, "
                                           "request-not-aligned, defence-event-unmatched"));
  if (*seen & (1u << index))
    return rules_error (error, id, "id", _("each rule once"));
  *seen |= 1u << index;
  rule = &self->rules[index];
  rule->enabled = TRUE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);
      g_auto(GStrv) keys = NULL;
      gboolean ok;

      if (g_str_equal (member, "id") || g_str_equal (member, "comment"))
        continue;
      if (g_str_equal (member, "enabled"))
        ok = read_flag (node, id, member, &rule->enabled, error);
      else if (g_str_equal (member, "severity"))
        {
          const char *text = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                             ? json_node_get_string (node) : NULL;
          guint s;

          for (s = 0; s < G_N_ELEMENTS (severity_ids); s++)
            {
              if (g_strcmp0 (text, severity_ids[s]) == 0)
                break;
            }
          if (s == G_N_ELEMENTS (severity_ids))
            return rules_error (error, id, member, "info, warning, critical");
          rule->severity = s;
          ok = TRUE;
        }
      else
        {
          keys = g_strsplit (rule_info[index].keys, " ", -1);
          if (!g_strv_contains ((const char * const *) keys, member))
            {
              /* Translators: %s is a list of the names a rule takes */
              g_autofree char *expected = g_strdup_printf (_("a member of: id, enabled, severity, %s"),
                                                           rule_info[index].keys);

              return rules_error (error, id, member, expected);
            }

          if (g_str_equal (member, "participation"))
            ok = read_set (node, id, member, defence_from_string, "[\"requested\", \"confirmed\", …]",
                           &rule->participation, error);
          else if (g_str_equal (member, "availability"))
            ok = read_set (node, id, member, availability_from_string, "[\"committed\", \"unavailable\", …]",
                           &rule->availability, error);
          else if (g_str_equal (member, "statuses"))
            ok = read_set (node, id, member, status_from_string, "[\"planned\", \"confirmed\", …]",
                           &rule->statuses, error);
          else if (g_str_equal (member, "min_overlap_minutes"))
            ok = read_count (node, id, member, 60, &rule->min_overlap, error);
          else if (g_str_equal (member, "turnaround_hours"))
            ok = read_count (node, id, member, 3600, &rule->turnaround, error);
          else if (g_str_equal (member, "days_before"))
            ok = read_count (node, id, member, 86400, &rule->before, error);
          else if (g_str_equal (member, "days_after"))
            ok = read_count (node, id, member, 86400, &rule->after, error);
          else if (g_str_equal (member, "same_brigade_only"))
            ok = read_flag (node, id, member, &rule->same_brigade_only, error);
          else if (g_str_equal (member, "observer_only"))
            ok = read_flag (node, id, member, &rule->observer_only, error);
          else if (g_str_equal (member, "match_units"))
            ok = read_flag (node, id, member, &rule->match_units, error);
          else if (g_str_equal (member, "only_with_calendars"))
            ok = read_flag (node, id, member, &rule->only_with_calendars, error);
          else
            g_assert_not_reached ();
        }
      if (!ok)
        return FALSE;
    }

  /* Touching intervals never overlap. */
  rule->min_overlap = MAX (rule->min_overlap, 1);

  return TRUE;
}

/**
 * paraat_conflict_rules_new_from_data:
 *
 * Reads rules in the format of data/rules/alignment.json. A rule the data
 * leaves out is off; a threshold it leaves out has a neutral value (no
 * margin, both requested and confirmed participation, any availability
 * but "available"). Unknown names are errors, so a typo never silently
 * switches a check off.
 */
ParaatConflictRules *
paraat_conflict_rules_new_from_data (const char  *data,
                                     gssize       length,
                                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ParaatConflictRules) self = g_new0 (ParaatConflictRules, 1);
  JsonNode *root;
  JsonNode *rules;
  guint seen = 0;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < N_RULES; i++)
    {
      Rule *rule = &self->rules[i];

      rule->severity = PARAAT_SEVERITY_WARNING;
      rule->participation = (1u << PARAAT_DEFENCE_REQUESTED) | (1u << PARAAT_DEFENCE_CONFIRMED);
      rule->availability = (1u << PARAAT_AVAILABILITY_COMMITTED) | (1u << PARAAT_AVAILABILITY_UNAVAILABLE);
      rule->statuses = ~(1u << PARAAT_EXERCISE_STATUS_CANCELLED);
      rule->min_overlap = 1;
    }

  if (!json_parser_load_from_data (parser, data, length, error))
    {
      g_prefix_error (error, "alignment.json: ");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(rules = json_object_get_member (json_node_get_object (root), "rules")) || !JSON_NODE_HOLDS_ARRAY (rules))
    {
      g_set_error (error, PARAAT_CONFLICTS_ERROR, PARAAT_CONFLICTS_ERROR_RULES,
                   _("alignment.json: expected an object with an array “rules”"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (rules)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (rules), i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rules_error (error, NULL, "rules", _("an object per rule"));
          return NULL;
        }
      if (!read_rule (self, json_node_get_object (node), &seen, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * paraat_conflict_rules_new_default:
 *
 * The rules shipped in data/rules/alignment.json.
 */
ParaatConflictRules *
paraat_conflict_rules_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (paraat_core_get_resource (), RULES_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  return paraat_conflict_rules_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

void
paraat_conflict_rules_free (ParaatConflictRules *self)
{
  g_free (self);
}

gboolean
paraat_conflict_rules_get_enabled (ParaatConflictRules *self,
                                   const char          *rule_id)
{
  int index = find_rule (rule_id);

  g_return_val_if_fail (self != NULL, FALSE);

  return index >= 0 && self->rules[index].enabled;
}

ParaatSeverity
paraat_conflict_rules_get_severity (ParaatConflictRules *self,
                                    const char          *rule_id)
{
  int index = find_rule (rule_id);

  g_return_val_if_fail (self != NULL, PARAAT_SEVERITY_INFO);
  g_return_val_if_fail (index >= 0, PARAAT_SEVERITY_INFO);

  return self->rules[index].severity;
}

/* ParaatFinding */

struct _ParaatFinding
{
  GObject              parent_instance;

  guint                rule;
  ParaatSeverity       severity;
  gint64               start_utc;
  gint64               end_utc;
  /* For the wording: the overlap, the turnaround or the window */
  gint64               amount;
  gint64               amount_after;

  /* Owned */
  char                *subject;
  ParaatCalendarItem  *items[2];
  guint                n_items;
  char                *explanation; /* made on first use: most findings of a big run are never read */
};

G_DEFINE_FINAL_TYPE (ParaatFinding, paraat_finding, G_TYPE_OBJECT)

enum {
  FINDING_PROP_0,
  FINDING_PROP_RULE_ID,
  FINDING_PROP_SEVERITY,
  FINDING_PROP_SUBJECT,
  FINDING_PROP_EXPLANATION,
  FINDING_PROP_START_UTC,
  FINDING_N_PROPS
};

static GParamSpec *finding_properties[FINDING_N_PROPS];

static void
paraat_finding_finalize (GObject *object)
{
  ParaatFinding *self = PARAAT_FINDING (object);

  for (guint i = 0; i < self->n_items; i++)
    paraat_calendar_item_unref (self->items[i]);
  g_free (self->subject);
  g_free (self->explanation);

  G_OBJECT_CLASS (paraat_finding_parent_class)->finalize (object);
}

static void
paraat_finding_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ParaatFinding *self = PARAAT_FINDING (object);

  switch (prop_id)
    {
    case FINDING_PROP_RULE_ID:
      g_value_set_string (value, paraat_finding_get_rule_id (self));
      break;
    case FINDING_PROP_SEVERITY:
      g_value_set_uint (value, self->severity);
      break;
    case FINDING_PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case FINDING_PROP_EXPLANATION:
      g_value_set_string (value, paraat_finding_get_explanation (self));
      break;
    case FINDING_PROP_START_UTC:
      g_value_set_int64 (value, self->start_utc);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_finding_class_init (ParaatFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = paraat_finding_finalize;
  object_class->get_property = paraat_finding_get_property;

  finding_properties[FINDING_PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, flags);
  finding_properties[FINDING_PROP_SEVERITY] =
    g_param_spec_uint ("severity", NULL, NULL, 0, PARAAT_SEVERITY_CRITICAL, 0, flags);
  finding_properties[FINDING_PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  finding_properties[FINDING_PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  finding_properties[FINDING_PROP_START_UTC] =
    g_param_spec_int64 ("start-utc", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, FINDING_N_PROPS, finding_properties);
}

static void
paraat_finding_init (ParaatFinding *self)
{
}

const char *
paraat_finding_get_rule_id (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), NULL);

  return rule_info[self->rule].id;
}

ParaatSeverity
paraat_finding_get_severity (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), PARAAT_SEVERITY_INFO);

  return self->severity;
}

const char *
paraat_finding_get_subject (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), NULL);

  return self->subject;
}

gint64
paraat_finding_get_start_utc (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), 0);

  return self->start_utc;
}

gint64
paraat_finding_get_end_utc (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), 0);

  return self->end_utc;
}

guint
paraat_finding_get_n_items (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), 0);

  return self->n_items;
}

/**
 * paraat_finding_get_item:
 *
 * The items involved, the one that starts first first.
 *
 * Returns: (transfer none): the item
 */
ParaatCalendarItem *
paraat_finding_get_item (ParaatFinding *self,
                         guint          index)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), NULL);
  g_return_val_if_fail (index < self->n_items, NULL);

  return self->items[index];
}

/* The wording */

/* Replaces each {name} in @template by its value; unknown names stay. */
static char *
expand (const char         *template,
        const char * const *names,
        const char * const *values)
{
  GString *out = g_string_sized_new (256);
  const char *p = template;
  const char *open;
  gsize len;

  while ((open = strchr (p, '{')) != NULL)
    {
      const char *close = strchr (open + 1, '}');
      gsize length = close ? (gsize) (close - open - 1) : 0;
      guint i = 0;

      g_string_append_len (out, p, open - p);
      /* The first letters rule most names out without a call */
      while (close != NULL && names[i] != NULL &&
             !((length == 0 || names[i][0] == open[1]) &&
               strncmp (open + 1, names[i], length) == 0 && names[i][length] == '\0'))
        i++;
      if (close != NULL && names[i] != NULL)
        {
          g_string_append (out, values[i]);
          p = close + 1;
        }
      else
        {
          g_string_append_c (out, '{');
          p = open + 1;
        }
    }
  g_string_append (out, p);

  /* Exactly as long as the text: GString's buffer had grown to twice
   * that, and a finding keeps its explanation. */
  len = out->len;

  return g_realloc (g_string_free (out, FALSE), len + 1);
}

static char *
format_duration (gint64 seconds)
{
  if (seconds % 86400 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", seconds / 86400),
                            (guint) (seconds / 86400));
  if (seconds >= 3600 && seconds % 3600 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", seconds / 3600),
                            (guint) (seconds / 3600));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", (seconds + 59) / 60),
                          (guint) ((seconds + 59) / 60));
}

static const char *
item_region (ParaatCalendarItem *item)
{
  return item->region_code && *item->region_code ? item->region_code : "—";
}

static const char *
item_calendar (ParaatCalendarItem *item)
{
  if (item->calendar && *item->calendar)
    return item->calendar;
  if (item->organisation && *item->organisation)
    return item->organisation;

  return C_("calendar", "Defence");
}

static char *
explain (ParaatFinding *self)
{
  ParaatCalendarItem *a = self->items[0];
  ParaatCalendarItem *b = self->n_items > 1 ? self->items[1] : NULL;
  const char *a_when = paraat_calendar_item_get_when (a);
  const char *b_when = b ? paraat_calendar_item_get_when (b) : "";
  g_autofree char *amount = format_duration (self->amount);
  g_autofree char *after = NULL; /* only the windows of rules 4 and 5 have one */
  const char *names[] = { "unit", "brigade", "region", "first", "first_region", "first_when",
                          "second", "second_region", "second_when", "calendar", "amount", "before", "after",
                          NULL };
  const char *values[G_N_ELEMENTS (names)] = { self->subject, self->subject, self->subject, a->title,
                                               item_region (a), a_when, b ? b->title : "", b ? item_region (b) : "",
                                               b_when, "", amount, amount, "", NULL };
  const char *template = NULL;

  switch (self->rule)
    {
    case RULE_DOUBLE_BOOKED:
      /* Translators: keep the names in braces; Paraat fills them in.
       * {unit} is one Defence unit or a list of them, {first} and
       * {second} exercise titles, {…_region} region codes, {…_when}
       * dates and times, {amount} a duration such as “3 hours”. */
      template = _("Both “{first}” ({first_region}, {first_when}) and “{second}” ({second_region}, {second_when}) "
                   "ask for {unit}, and they overlap by {amount}.");
      break;

    case RULE_UNAVAILABLE:
      {
        /* One exercise and one event of a Defence calendar, either way round */
        gboolean event_first = a->source == PARAAT_ITEM_SOURCE_EXTERNAL;
        ParaatCalendarItem *event = event_first ? a : b;

        values[3] = event_first ? b->title : a->title;
        values[4] = event_first ? item_region (b) : item_region (a);
        values[5] = event_first ? b_when : a_when;
        values[6] = event->title;
        values[8] = event_first ? a_when : b_when;
        values[9] = item_calendar (event);
        if (event->availability == PARAAT_AVAILABILITY_UNAVAILABLE)
          /* Translators: keep the names in braces; Paraat fills them in.
           * {first} is an exercise, {second} an event on the Defence
           * calendar {calendar}, {unit} a Defence unit. */
          template = _("“{first}” ({first_region}, {first_when}) counts on {unit}, but the calendar “{calendar}” "
                       "shows {unit} as unavailable then: “{second}” ({second_when}).");
        else
          /* Translators: keep the names in braces; Paraat fills them in.
           * {first} is an exercise, {second} an event on the Defence
           * calendar {calendar}, {unit} a Defence unit. */
          template = _("“{first}” ({first_region}, {first_when}) counts on {unit}, but the calendar “{calendar}” "
                       "has {unit} committed to “{second}” ({second_when}) at the same time.");
      }
      break;

    case RULE_OBSERVER:
      if (self->amount > 0)
        /* Translators: keep the names in braces; Paraat fills them in.
         * {brigade} is a brigade's name, {amount} a duration such as
         * “2 hours”. RMOA: Regionaal Militair Operationeel Adviseur. */
        template = _("“{first}” ({first_region}, {first_when}) and “{second}” ({second_region}, {second_when}) "
                     "both fall to the RMOA in the area of {brigade}, with less than {amount} between them: "
                     "the RMOA cannot observe both.");
      else
        /* Translators: keep the names in braces; Paraat fills them in.
         * {brigade} is a brigade's name. */
        template = _("“{first}” ({first_region}, {first_when}) and “{second}” ({second_region}, {second_when}) "
                     "both fall to the RMOA in the area of {brigade} and overlap: the RMOA cannot observe both.");
      break;

    case RULE_NOT_ALIGNED:
      values[12] = after = format_duration (self->amount_after);
      /* Translators: keep the names in braces; Paraat fills them in.
       * {before} and {after} are durations such as “14 days”. */
      template = _("Defence participation was requested for “{first}” ({first_region}, {first_when}), but no "
                   "Defence calendar has a matching entry from {before} before to {after} after it. "
                   "The calendars are not aligned yet.");
      break;

    case RULE_UNMATCHED:
      values[9] = item_calendar (a);
      values[12] = after = format_duration (self->amount_after);
      /* Translators: keep the names in braces; Paraat fills them in.
       * {first} is an event on the Defence calendar {calendar}, {region}
       * a region code, {before} and {after} durations such as “14 days”. */
      template = _("The calendar “{calendar}” has “{first}” ({first_when}) for {region}, but {region} has no "
                   "exercise from {before} before to {after} after it.");
      break;

    default:
      g_assert_not_reached ();
    }

  return expand (template, names, values);
}

/**
 * paraat_finding_get_explanation:
 *
 * What is wrong, in the current locale's words: names the exercises,
 * their dates and the unit, brigade or region.
 */
const char *
paraat_finding_get_explanation (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), NULL);

  if (self->explanation == NULL)
    self->explanation = explain (self);

  return self->explanation;
}

/**
 * paraat_finding_dup_explanation:
 *
 * What paraat_finding_get_explanation() gives, as a string the finding
 * does not keep: for writing many findings once (the CLI, CSV and JSON),
 * whose explanations would otherwise all stay in memory.
 *
 * Returns: (transfer full): the explanation
 */
char *
paraat_finding_dup_explanation (ParaatFinding *self)
{
  g_return_val_if_fail (PARAAT_IS_FINDING (self), NULL);

  return self->explanation != NULL ? g_strdup (self->explanation) : explain (self);
}

/* The analysis */

typedef struct
{
  gint64       start;
  gint64       end;     /* for the observer rule, with the turnaround added */
  guint        key;     /* unit or brigade */
  guint        side;    /* SIDE_* */
  guint        item;
  const char  *text;    /* the unit or brigade as the item names it */
} Interval;

enum { SIDE_EXERCISE, SIDE_EVENT };

typedef struct
{
  /* Borrowed */
  ParaatConflictRules *rules;
  GPtrArray           *items;
  ParaatScope         *scope;

  /* Owned */
  GHashTable          *unit_by_text;   /* as typed → id + 1; borrows the items' strings */
  GHashTable          *unit_by_fold;   /* folded → id + 1 */
  GHashTable          *region_ids;     /* code → id + 1 */
  GHashTable          *brigade_ids;    /* id → id + 1 */
  GArray              *unit_refs;      /* UnitRef, per item from item_units[i] */
  guint               *item_units;     /* n_items + 1 offsets into unit_refs */
  GPtrArray           *findings;
  GHashTable          *pairs;          /* PairKey → ParaatFinding, to name all shared units in one finding */
  guint64              steps;
  guint64              intervals;
} Analysis;

typedef struct
{
  guint       id;
  const char *text;
} UnitRef;

static guint
intern (GHashTable *table,
        const char *key)
{
  gpointer value = g_hash_table_lookup (table, key);

  if (value == NULL)
    {
      value = GUINT_TO_POINTER (g_hash_table_size (table) + 1);
      g_hash_table_insert (table, (gpointer) key, value);
    }

  return GPOINTER_TO_UINT (value) - 1;
}

/* The item's Defence units as ids, each once, in the order typed */
static void
prepare_units (Analysis *an)
{
  an->item_units = g_new (guint, an->items->len + 1);
  for (guint i = 0; i < an->items->len; i++)
    {
      ParaatCalendarItem *item = an->items->pdata[i];
      guint first = an->unit_refs->len;

      an->item_units[i] = first;
      for (guint u = 0; item->units != NULL && item->units[u] != NULL; u++)
        {
          gpointer known = g_hash_table_lookup (an->unit_by_text, item->units[u]);
          UnitRef ref = { 0, item->units[u] };
          gboolean dup = FALSE;

          if (known != NULL)
            ref.id = GPOINTER_TO_UINT (known) - 1;
          else
            {
              char *folded = paraat_fold_unit (item->units[u]);

              if (*folded == '\0')
                {
                  g_free (folded);
                  continue;
                }
              if (g_hash_table_contains (an->unit_by_fold, folded))
                {
                  ref.id = GPOINTER_TO_UINT (g_hash_table_lookup (an->unit_by_fold, folded)) - 1;
                  g_free (folded);
                }
              else
                {
                  ref.id = g_hash_table_size (an->unit_by_fold);
                  g_hash_table_insert (an->unit_by_fold, folded, GUINT_TO_POINTER (ref.id + 1));
                }
              g_hash_table_insert (an->unit_by_text, item->units[u], GUINT_TO_POINTER (ref.id + 1));
            }

          for (guint k = first; k < an->unit_refs->len; k++)
            dup = dup || g_array_index (an->unit_refs, UnitRef, k).id == ref.id;
          if (!dup)
            g_array_append_val (an->unit_refs, ref);
        }
    }
  an->item_units[an->items->len] = an->unit_refs->len;
}

static gboolean
is_cancelled (ParaatCalendarItem *item)
{
  return item->status == PARAAT_EXERCISE_STATUS_CANCELLED || item->end_utc <= item->start_utc;
}

static ParaatCalendarItem *
item_at (Analysis *an,
         guint     index)
{
  return an->items->pdata[index];
}

static int
compare_items (ParaatCalendarItem *a,
               ParaatCalendarItem *b)
{
  int cmp;

  if (a->start_utc != b->start_utc)
    return a->start_utc < b->start_utc ? -1 : 1;
  if ((cmp = g_strcmp0 (a->uid, b->uid)) != 0)
    return cmp;
  if (a->end_utc != b->end_utc)
    return a->end_utc < b->end_utc ? -1 : 1;

  return (int) a->source - (int) b->source;
}

static ParaatFinding *
add_finding (Analysis           *an,
             guint               rule,
             const char         *subject,
             ParaatCalendarItem *a,
             ParaatCalendarItem *b)
{
  ParaatFinding *finding = g_object_new (PARAAT_TYPE_FINDING, NULL);

  /* The earlier item first, whichever way the sweep met them */
  if (b != NULL && compare_items (a, b) > 0)
    {
      ParaatCalendarItem *swap = a;

      a = b;
      b = swap;
    }

  finding->rule = rule;
  finding->severity = an->rules->rules[rule].severity;
  finding->subject = g_strdup (subject);
  finding->items[finding->n_items++] = paraat_calendar_item_ref (a);
  finding->start_utc = a->start_utc;
  finding->end_utc = a->end_utc;
  if (b != NULL)
    {
      finding->items[finding->n_items++] = paraat_calendar_item_ref (b);
      finding->start_utc = MIN (finding->start_utc, b->start_utc);
      finding->end_utc = MAX (finding->end_utc, b->end_utc);
    }
  g_ptr_array_add (an->findings, finding);

  return finding;
}

/* Sorting, with the comparisons counted for the tests */

static int
compare_intervals (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const Interval *x = a, *y = b;
  guint64 *steps = user_data;

  (*steps)++;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->side != y->side)
    return x->side < y->side ? -1 : 1;

  return x->item < y->item ? -1 : (x->item > y->item);
}

/* A min-heap of intervals by end: the ones still running */

typedef struct
{
  GArray  *data; /* const Interval * */
  guint64 *steps;
} Heap;

#define HEAP_AT(h, i) g_array_index ((h)->data, const Interval *, (i))

static void
heap_push (Heap           *heap,
           const Interval *interval)
{
  guint i = heap->data->len;

  g_array_append_val (heap->data, interval);
  while (i > 0 && HEAP_AT (heap, (i - 1) / 2)->end > interval->end)
    {
      HEAP_AT (heap, i) = HEAP_AT (heap, (i - 1) / 2);
      i = (i - 1) / 2;
      (*heap->steps)++;
    }
  HEAP_AT (heap, i) = interval;
}

static void
heap_pop (Heap *heap)
{
  const Interval *last = HEAP_AT (heap, heap->data->len - 1);
  guint n = heap->data->len - 1;
  guint i = 0;

  g_array_set_size (heap->data, n);
  if (n == 0)
    return;
  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n && HEAP_AT (heap, child + 1)->end < HEAP_AT (heap, child)->end)
        child++;
      (*heap->steps)++;
      if (HEAP_AT (heap, child)->end >= last->end)
        break;
      HEAP_AT (heap, i) = HEAP_AT (heap, child);
      i = child;
    }
  HEAP_AT (heap, i) = last;
}

/* Drops what ends before @start + @min_overlap: it cannot overlap
 * anything that starts at @start or later by @min_overlap. */
static void
heap_expire (Heap   *heap,
             gint64  start,
             gint64  min_overlap)
{
  while (heap->data->len > 0 && HEAP_AT (heap, 0)->end - start < min_overlap)
    heap_pop (heap);
}

typedef void (*PairFunc) (Analysis       *an,
                          const Interval *earlier,
                          const Interval *later);

/*
 * The sweep. With @cross, only an exercise and an event make a pair
 * (rule 2); otherwise two exercises do (rules 1 and 3). Every pair whose
 * intervals overlap by at least @min_overlap seconds is reported once.
 */
static void
sweep (Analysis *an,
       GArray   *intervals,
       gint64    min_overlap,
       gboolean  cross,
       PairFunc  report)
{
  Heap running[2] = {
    { g_array_new (FALSE, FALSE, sizeof (const Interval *)), &an->steps },
    { g_array_new (FALSE, FALSE, sizeof (const Interval *)), &an->steps },
  };
  guint key = G_MAXUINT;

  an->intervals += intervals->len;
  g_qsort_with_data (intervals->data, intervals->len, sizeof (Interval), compare_intervals, &an->steps);

  for (guint i = 0; i < intervals->len; i++)
    {
      const Interval *x = &g_array_index (intervals, Interval, i);
      Heap *partners;

      if (x->key != key)
        {
          g_array_set_size (running[0].data, 0);
          g_array_set_size (running[1].data, 0);
          key = x->key;
        }
      /* Too short to overlap anything by the threshold */
      if (x->end - x->start < min_overlap)
        continue;

      heap_expire (&running[0], x->start, min_overlap);
      heap_expire (&running[1], x->start, min_overlap);
      partners = &running[cross ? 1 - x->side : x->side];
      for (guint k = 0; k < partners->data->len; k++)
        {
          an->steps++;
          report (an, HEAP_AT (partners, k), x);
        }
      heap_push (&running[x->side], x);
    }

  g_array_unref (running[0].data);
  g_array_unref (running[1].data);
}

typedef struct
{
  guint rule;
  guint a;
  guint b;
} PairKey;

static guint
pair_key_hash (gconstpointer key)
{
  const PairKey *k = key;

  return (k->a * 2654435761u) ^ (k->b * 40503u) ^ k->rule;
}

static gboolean
pair_key_equal (gconstpointer x,
                gconstpointer y)
{
  const PairKey *a = x, *b = y;

  return a->rule == b->rule && a->a == b->a && a->b == b->b;
}

/*
 * Two items that share several units make one finding that names them
 * all (“Natres, 10 Natresbataljon” is typed as one, split as two).
 */
static void
add_unit_pair (Analysis       *an,
               guint           rule,
               const Interval *earlier,
               const Interval *later,
               const char     *unit)
{
  PairKey key = { rule, MIN (earlier->item, later->item), MAX (earlier->item, later->item) };
  ParaatFinding *finding = g_hash_table_lookup (an->pairs, &key);

  if (finding != NULL)
    {
      char *subject = g_strconcat (finding->subject, ", ", unit, NULL);

      g_free (finding->subject);
      finding->subject = subject;
      return;
    }

  finding = add_finding (an, rule, unit, item_at (an, earlier->item), item_at (an, later->item));
  finding->amount = MIN (earlier->end, later->end) - later->start;
  g_hash_table_insert (an->pairs, g_memdup2 (&key, sizeof key), finding);
}

static void
report_double_booked (Analysis       *an,
                      const Interval *earlier,
                      const Interval *later)
{
  add_unit_pair (an, RULE_DOUBLE_BOOKED, earlier, later, earlier->text);
}

static void
report_unavailable (Analysis       *an,
                    const Interval *earlier,
                    const Interval *later)
{
  add_unit_pair (an, RULE_UNAVAILABLE, earlier, later, earlier->side == SIDE_EXERCISE ? earlier->text : later->text);
}

static void
report_observer (Analysis       *an,
                 const Interval *earlier,
                 const Interval *later)
{
  ParaatFinding *finding = add_finding (an, RULE_OBSERVER, earlier->text,
                                        item_at (an, earlier->item), item_at (an, later->item));

  finding->amount = an->rules->rules[RULE_OBSERVER].turnaround;
}

static gboolean
has_participation (const Rule         *rule,
                   ParaatCalendarItem *item)
{
  return item->source == PARAAT_ITEM_SOURCE_EXERCISE && !is_cancelled (item) &&
         (rule->participation & (1u << item->defence)) != 0;
}

/* Rules 1 and 2: one interval per item and Defence unit */
static void
check_units (Analysis *an)
{
  const Rule *booked = &an->rules->rules[RULE_DOUBLE_BOOKED];
  const Rule *unavailable = &an->rules->rules[RULE_UNAVAILABLE];
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (Interval));

  if (booked->enabled)
    {
      for (guint i = 0; i < an->items->len; i++)
        {
          ParaatCalendarItem *item = item_at (an, i);

          if (!has_participation (booked, item))
            continue;
          for (guint u = an->item_units[i]; u < an->item_units[i + 1]; u++)
            {
              const UnitRef *ref = &g_array_index (an->unit_refs, UnitRef, u);
              Interval x = { item->start_utc, item->end_utc, ref->id, SIDE_EXERCISE, i, ref->text };

              g_array_append_val (intervals, x);
            }
        }
      sweep (an, intervals, booked->min_overlap, FALSE, report_double_booked);
    }

  if (unavailable->enabled)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_array_set_size (intervals, 0);
      for (guint i = 0; i < an->items->len; i++)
        {
          ParaatCalendarItem *item = item_at (an, i);
          guint side;

          if (item->source == PARAAT_ITEM_SOURCE_EXTERNAL)
            {
              if (is_cancelled (item) || (unavailable->availability & (1u << item->availability)) == 0)
                continue;
              side = SIDE_EVENT;
            }
          else if (has_participation (unavailable, item))
            side = SIDE_EXERCISE;
          else
            continue;

          for (guint u = an->item_units[i]; u < an->item_units[i + 1]; u++)
            {
              const UnitRef *ref = &g_array_index (an->unit_refs, UnitRef, u);
              Interval x = { item->start_utc, item->end_utc, ref->id, side, i, ref->text };

              /* Only the brigade's own calendar counts: the key is unit and brigade. */
              if (unavailable->same_brigade_only)
                {
                  char *key = g_strdup_printf ("%u %s", ref->id, item->brigade_id ? item->brigade_id : "");
                  gpointer found = g_hash_table_lookup (keys, key);

                  if (found == NULL)
                    {
                      found = GUINT_TO_POINTER (g_hash_table_size (keys) + 1);
                      g_hash_table_insert (keys, key, found);
                    }
                  else
                    g_free (key);
                  x.key = GPOINTER_TO_UINT (found) - 1;
                }
              g_array_append_val (intervals, x);
            }
        }
      sweep (an, intervals, unavailable->min_overlap, TRUE, report_unavailable);
    }
}

/* Rule 3: one interval per exercise, keyed by the brigade serving its region */
static void
check_observer (Analysis *an)
{
  const Rule *rule = &an->rules->rules[RULE_OBSERVER];
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (Interval));

  if (!rule->enabled)
    return;

  for (guint i = 0; i < an->items->len; i++)
    {
      ParaatCalendarItem *item = item_at (an, i);
      Interval x = { item->start_utc, item->end_utc + rule->turnaround, 0, SIDE_EXERCISE, i, NULL };

      if (item->source != PARAAT_ITEM_SOURCE_EXERCISE || is_cancelled (item) ||
          item->brigade_id == NULL || *item->brigade_id == '\0' || (rule->observer_only && !item->ovr_observer))
        continue;
      x.key = intern (an->brigade_ids, item->brigade_id);
      x.text = item->brigade_name && *item->brigade_name ? item->brigade_name : item->brigade_id;
      g_array_append_val (intervals, x);
    }

  sweep (an, intervals, 1, FALSE, report_observer);
}

/*
 * Is there anything near? The spans of each key sorted by start, with the
 * largest end so far: one binary search per question.
 */
typedef struct
{
  guint  key;
  gint64 start;
  gint64 end;   /* after sorting: the largest end of this key so far */
} Span;

typedef struct
{
  GArray  *spans;
  guint   *first;  /* per key, n_keys + 1 offsets */
  guint    n_keys;
} SpanIndex;

static int
compare_spans (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Span *x = a, *y = b;
  guint64 *steps = user_data;

  (*steps)++;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;

  return (x->end > y->end) - (x->end < y->end);
}

static gboolean
is_sorted_by_start (const Span *run,
                    guint       n)
{
  for (guint i = 1; i < n; i++)
    {
      if (run[i].start < run[i - 1].start)
        return FALSE;
    }

  return TRUE;
}

/*
 * Orders the spans by key with a counting sort, which keeps the order
 * they came in: by start when the items are, as the store gives them.
 * Only a key whose spans did not come by start is sorted. The order of
 * spans with one start does not matter: the questions only ask for the
 * largest end of those starting before a time.
 */
static void
span_index_build (Analysis  *an,
                  SpanIndex *index,
                  guint      n_keys)
{
  GArray *spans = index->spans;
  GArray *by_key = g_array_sized_new (FALSE, FALSE, sizeof (Span), spans->len);
  g_autofree guint *next = NULL;

  index->n_keys = n_keys;
  index->first = g_new0 (guint, n_keys + 1);
  for (guint i = 0; i < spans->len; i++)
    {
      guint key = g_array_index (spans, Span, i).key;

      g_assert (key < n_keys);
      index->first[key + 1]++;
    }
  for (guint k = 0; k < n_keys; k++)
    index->first[k + 1] += index->first[k];

  next = g_memdup2 (index->first, (n_keys + 1) * sizeof (guint));
  g_array_set_size (by_key, spans->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *s = &g_array_index (spans, Span, i);

      g_array_index (by_key, Span, next[s->key]++) = *s;
    }
  an->steps += spans->len;
  g_array_unref (spans);
  index->spans = by_key;

  for (guint k = 0; k < n_keys; k++)
    {
      guint n = index->first[k + 1] - index->first[k];
      Span *run;

      an->steps += n;
      if (n < 2)
        continue;
      run = &g_array_index (by_key, Span, index->first[k]);
      if (!is_sorted_by_start (run, n))
        g_qsort_with_data (run, n, sizeof (Span), compare_spans, &an->steps);
      for (guint i = 1; i < n; i++)
        run[i].end = MAX (run[i].end, run[i - 1].end);
    }
}

static void
span_index_clear (SpanIndex *index)
{
  g_clear_pointer (&index->spans, g_array_unref);
  g_clear_pointer (&index->first, g_free);
}

/* Does any span of @key overlap [@from, @to)? */
static gboolean
span_index_any (Analysis  *an,
                SpanIndex *index,
                guint      key,
                gint64     from,
                gint64     to)
{
  guint lo, hi;

  if (key >= index->n_keys)
    return FALSE;
  /* The spans starting before @to are a prefix of the key's run. */
  lo = index->first[key];
  hi = index->first[key + 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      an->steps++;
      if (g_array_index (index->spans, Span, mid).start < to)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > index->first[key] && g_array_index (index->spans, Span, lo - 1).end > from;
}

static void
span_index_add (SpanIndex *index,
                guint      key,
                gint64     start,
                gint64     end)
{
  Span s = { key, start, end };

  g_array_append_val (index->spans, s);
}

/*
 * The item's @k-th region, the organising one first, or %NULL after the
 * last; a region named twice is "" the second time. No allocation: this
 * runs for every item.
 */
static const char *
item_region_at (ParaatCalendarItem *item,
                guint               k)
{
  const char *code;
  gboolean has_own = item->region_code != NULL && *item->region_code != '\0';

  if (has_own && k == 0)
    return item->region_code;
  k -= has_own;
  if (item->regions == NULL || (code = item->regions[k]) == NULL)
    return NULL;
  if (g_strcmp0 (code, item->region_code) == 0)
    return "";
  for (guint i = 0; i < k; i++)
    {
      if (g_str_equal (item->regions[i], code))
        return "";
    }

  return code;
}

/* Rule 4: a request for Defence without an entry on a Defence calendar near it */
static void
check_not_aligned (Analysis *an)
{
  const Rule *rule = &an->rules->rules[RULE_NOT_ALIGNED];
  SpanIndex by_region = { g_array_new (FALSE, FALSE, sizeof (Span)), NULL, 0 };
  SpanIndex by_unit = { g_array_new (FALSE, FALSE, sizeof (Span)), NULL, 0 };

  if (rule->enabled)
    {
      for (guint i = 0; i < an->items->len; i++)
        {
          ParaatCalendarItem *item = item_at (an, i);
          const char *code;

          if (item->source != PARAAT_ITEM_SOURCE_EXTERNAL || is_cancelled (item))
            continue;
          for (guint r = 0; (code = item_region_at (item, r)) != NULL; r++)
            {
              if (*code != '\0')
                span_index_add (&by_region, intern (an->region_ids, code), item->start_utc, item->end_utc);
            }
          for (guint u = an->item_units[i]; u < an->item_units[i + 1]; u++)
            span_index_add (&by_unit, g_array_index (an->unit_refs, UnitRef, u).id, item->start_utc, item->end_utc);
        }
    }

  if (rule->enabled && !(rule->only_with_calendars && by_region.spans->len == 0 && by_unit.spans->len == 0))
    {
      span_index_build (an, &by_region, g_hash_table_size (an->region_ids));
      span_index_build (an, &by_unit, g_hash_table_size (an->unit_by_fold));

      for (guint i = 0; i < an->items->len; i++)
        {
          ParaatCalendarItem *item = item_at (an, i);
          gint64 from = item->start_utc - rule->before;
          gint64 to = item->end_utc + rule->after;
          gboolean found = FALSE;
          const char *code;

          if (!has_participation (rule, item) || (rule->statuses & (1u << item->status)) == 0)
            continue;
          for (guint r = 0; !found && (code = item_region_at (item, r)) != NULL; r++)
            {
              gpointer id = g_hash_table_lookup (an->region_ids, code);

              found = id != NULL && span_index_any (an, &by_region, GPOINTER_TO_UINT (id) - 1, from, to);
            }
          for (guint u = an->item_units[i]; rule->match_units && !found && u < an->item_units[i + 1]; u++)
            found = span_index_any (an, &by_unit, g_array_index (an->unit_refs, UnitRef, u).id, from, to);
          if (!found)
            {
              ParaatFinding *finding = add_finding (an, RULE_NOT_ALIGNED, item->region_code, item, NULL);

              finding->amount = rule->before;
              finding->amount_after = rule->after;
            }
        }
    }

  span_index_clear (&by_region);
  span_index_clear (&by_unit);
}

/* Rule 5: a Defence event for a region in scope without an exercise there */
static void
check_unmatched (Analysis *an)
{
  const Rule *rule = &an->rules->rules[RULE_UNMATCHED];
  SpanIndex exercises = { g_array_new (FALSE, FALSE, sizeof (Span)), NULL, 0 };

  if (rule->enabled)
    {
      for (guint i = 0; i < an->items->len; i++)
        {
          ParaatCalendarItem *item = item_at (an, i);
          const char *code;

          if (item->source != PARAAT_ITEM_SOURCE_EXERCISE || is_cancelled (item))
            continue;
          for (guint r = 0; (code = item_region_at (item, r)) != NULL; r++)
            {
              if (*code != '\0')
                span_index_add (&exercises, intern (an->region_ids, code), item->start_utc, item->end_utc);
            }
        }
      span_index_build (an, &exercises, g_hash_table_size (an->region_ids));

      for (guint i = 0; i < an->items->len; i++)
        {
          ParaatCalendarItem *item = item_at (an, i);
          const char *code;

          if (item->source != PARAAT_ITEM_SOURCE_EXTERNAL || is_cancelled (item))
            continue;
          for (guint r = 0; (code = item_region_at (item, r)) != NULL; r++)
            {
              gpointer id = g_hash_table_lookup (an->region_ids, code);
              ParaatFinding *finding;

              if (*code == '\0')
                continue;
              /* The exercises of regions out of scope were never loaded. */
              if (an->scope != NULL && !paraat_scope_contains_region (an->scope, code))
                continue;
              if (id != NULL && span_index_any (an, &exercises, GPOINTER_TO_UINT (id) - 1,
                                                item->start_utc - rule->before, item->end_utc + rule->after))
                continue;
              finding = add_finding (an, RULE_UNMATCHED, code, item, NULL);
              finding->amount = rule->before;
              finding->amount_after = rule->after;
            }
        }
    }

  span_index_clear (&exercises);
}

static gboolean
item_in_scope (ParaatCalendarItem *item,
               ParaatScope        *scope)
{
  if (paraat_scope_contains_region (scope, item->region_code))
    return TRUE;
  for (guint r = 0; item->regions != NULL && item->regions[r] != NULL; r++)
    {
      if (paraat_scope_contains_region (scope, item->regions[r]))
        return TRUE;
    }

  return FALSE;
}

/* A finding concerns the scope when one of its items (or, for rule 5,
 * the region it names) is in it. */
static gboolean
finding_in_scope (ParaatFinding *finding,
                  ParaatScope   *scope)
{
  if (finding->rule == RULE_UNMATCHED)
    return paraat_scope_contains_region (scope, finding->subject);
  for (guint i = 0; i < finding->n_items; i++)
    {
      if (item_in_scope (finding->items[i], scope))
        return TRUE;
    }

  return FALSE;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  ParaatFinding *x = *(ParaatFinding **) a;
  ParaatFinding *y = *(ParaatFinding **) b;
  int cmp;

  if (x->severity != y->severity)
    return x->severity > y->severity ? -1 : 1;
  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  if (x->rule != y->rule)
    return x->rule < y->rule ? -1 : 1;
  for (guint i = 0; i < MIN (x->n_items, y->n_items); i++)
    {
      if ((cmp = compare_items (x->items[i], y->items[i])) != 0)
        return cmp;
    }
  if (x->n_items != y->n_items)
    return x->n_items < y->n_items ? -1 : 1;

  return g_strcmp0 (x->subject, y->subject);
}

/**
 * paraat_conflicts_analyze:
 * @items: (element-type ParaatCalendarItem): exercises and imported events
 * @scope: (nullable) (transfer none): a resolved scope: only findings
 *   that involve an item of a region in it (or, for rule 5, name such a
 *   region) are kept; %NULL keeps all
 * @stats: (out caller-allocates) (optional): what the analysis cost
 *
 * Checks @items against the enabled rules. Cancelled items never take
 * part. Pass the items of every region, not only those in @scope: an
 * exercise in scope can clash with a neighbour's (same unit, same RMOA),
 * and a Defence event for a region is only judged against that region's
 * exercises.
 *
 * Returns: (transfer full) (element-type ParaatFinding): the findings,
 *   most severe first, then by start, rule and the items' start and UID
 */
GPtrArray *
paraat_conflicts_analyze (ParaatConflictRules *rules,
                          GPtrArray           *items,
                          ParaatScope         *scope,
                          ParaatConflictStats *stats)
{
  Analysis an = { 0 };

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (items != NULL, NULL);

  an.rules = rules;
  an.items = items;
  an.scope = scope;
  an.unit_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  an.unit_by_fold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  an.region_ids = g_hash_table_new (g_str_hash, g_str_equal);
  an.brigade_ids = g_hash_table_new (g_str_hash, g_str_equal);
  an.unit_refs = g_array_new (FALSE, FALSE, sizeof (UnitRef));
  an.findings = g_ptr_array_new_with_free_func (g_object_unref);
  an.pairs = g_hash_table_new_full (pair_key_hash, pair_key_equal, g_free, NULL);

  prepare_units (&an);
  check_units (&an);
  check_observer (&an);
  check_not_aligned (&an);
  check_unmatched (&an);
  if (scope != NULL && paraat_scope_get_kind (scope) != PARAAT_SCOPE_ALL)
    {
      for (guint i = an.findings->len; i > 0; i--)
        {
          if (!finding_in_scope (an.findings->pdata[i - 1], scope))
            g_ptr_array_remove_index_fast (an.findings, i - 1);
        }
    }
  g_ptr_array_sort (an.findings, compare_findings);

  if (stats != NULL)
    {
      stats->n_items = items->len;
      stats->n_intervals = an.intervals;
      stats->n_steps = an.steps;
      stats->n_findings = an.findings->len;
    }

  g_hash_table_unref (an.unit_by_text);
  g_hash_table_unref (an.unit_by_fold);
  g_hash_table_unref (an.region_ids);
  g_hash_table_unref (an.brigade_ids);
  g_hash_table_unref (an.pairs);
  g_array_unref (an.unit_refs);
  g_free (an.item_units);

  return an.findings;
}

/* Export */

static char *
format_utc (gint64 utc)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (utc);

  return t ? g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ") : g_strdup ("");
}

static const char *
source_to_string (ParaatItemSource source)
{
  return source == PARAAT_ITEM_SOURCE_EXTERNAL ? "external" : "exercise";
}

static gboolean
write_all (GOutputStream  *out,
           const char     *text,
           gsize           length,
           GCancellable   *cancellable,
           GError        **error)
{
  if (!g_output_stream_write_all (out, text, length, NULL, cancellable, error))
    {
      g_prefix_error (error, _("Could not write the findings: "));
      return FALSE;
    }

  return TRUE;
}

/**
 * paraat_conflicts_write_json:
 *
 * Writes the findings as a JSON array, one object per finding with its
 * rule, severity, subject, start and end (UTC, ISO 8601), explanation and
 * items (uid, source, calendar, title, region, start, end).
 */
gboolean
paraat_conflicts_write_json (GPtrArray      *findings,
                             GOutputStream  *out,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (findings != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      ParaatFinding *finding = findings->pdata[i];
      g_autofree char *start = format_utc (finding->start_utc);
      g_autofree char *end = format_utc (finding->end_utc);
      g_autofree char *explanation = paraat_finding_dup_explanation (finding);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rule");
      json_builder_add_string_value (builder, paraat_finding_get_rule_id (finding));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, paraat_severity_to_string (finding->severity));
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, finding->subject ? finding->subject : "");
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_string_value (builder, end);
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, explanation);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint k = 0; k < finding->n_items; k++)
        {
          ParaatCalendarItem *item = finding->items[k];
          g_autofree char *item_start = format_utc (item->start_utc);
          g_autofree char *item_end = format_utc (item->end_utc);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uid");
          json_builder_add_string_value (builder, item->uid);
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, source_to_string (item->source));
          if (item->source == PARAAT_ITEM_SOURCE_EXTERNAL)
            {
              json_builder_set_member_name (builder, "calendar");
              json_builder_add_string_value (builder, item_calendar (item));
            }
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, item->title);
          json_builder_set_member_name (builder, "region");
          json_builder_add_string_value (builder, item->region_code ? item->region_code : "");
          json_builder_set_member_name (builder, "start");
          json_builder_add_string_value (builder, item_start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_string_value (builder, item_end);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return write_all (out, text, length, cancellable, error) && write_all (out, "\n", 1, cancellable, error);
}

/* RFC 4180: quoted when it holds a comma, a quote or a line break */
static void
append_csv_field (GString    *line,
                  const char *value,
                  gboolean    last)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, value);
  g_string_append (line, last ? "\r\n" : ",");
}

/**
 * paraat_conflicts_write_csv:
 *
 * Writes the findings as RFC 4180 CSV (CRLF, a header line), one row per
 * finding with up to two items.
 */
gboolean
paraat_conflicts_write_csv (GPtrArray      *findings,
                            GOutputStream  *out,
                            GCancellable   *cancellable,
                            GError        **error)
{
  static const char * const header[] = {
    "severity", "rule", "subject", "start", "end", "explanation",
    "uid_1", "title_1", "region_1", "start_1", "uid_2", "title_2", "region_2", "start_2",
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (findings != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_csv_field (text, header[i], i + 1 == G_N_ELEMENTS (header));

  for (guint i = 0; i < findings->len; i++)
    {
      ParaatFinding *finding = findings->pdata[i];
      g_autofree char *start = format_utc (finding->start_utc);
      g_autofree char *end = format_utc (finding->end_utc);
      g_autofree char *explanation = paraat_finding_dup_explanation (finding);

      append_csv_field (text, paraat_severity_to_string (finding->severity), FALSE);
      append_csv_field (text, paraat_finding_get_rule_id (finding), FALSE);
      append_csv_field (text, finding->subject, FALSE);
      append_csv_field (text, start, FALSE);
      append_csv_field (text, end, FALSE);
      append_csv_field (text, explanation, FALSE);
      for (guint k = 0; k < 2; k++)
        {
          ParaatCalendarItem *item = k < finding->n_items ? finding->items[k] : NULL;
          g_autofree char *item_start = item ? format_utc (item->start_utc) : NULL;

          append_csv_field (text, item ? item->uid : NULL, FALSE);
          append_csv_field (text, item ? item->title : NULL, FALSE);
          append_csv_field (text, item ? item->region_code : NULL, FALSE);
          append_csv_field (text, item_start, k == 1);
        }

      /* Write as we go, so a large export needs little memory */
      if (text->len > 65536)
        {
          if (!write_all (out, text->str, text->len, cancellable, error))
            return FALSE;
          g_string_truncate (text, 0);
        }
    }

  return write_all (out, text->str, text->len, cancellable, error);
}
