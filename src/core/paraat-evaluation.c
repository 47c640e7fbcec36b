/* paraat-evaluation.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What follows an exercise: the entries of its history, its evaluation
 * and its action items.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-exercise-private.h"
#include "paraat-utils.h"

/* ParaatHistoryEntry */

G_DEFINE_FINAL_TYPE (ParaatHistoryEntry, paraat_history_entry, G_TYPE_OBJECT)

enum {
  HISTORY_PROP_0,
  HISTORY_PROP_CHANGED_AT,
  HISTORY_PROP_WHO,
  HISTORY_PROP_REASON,
  HISTORY_PROP_DESCRIPTION,
  HISTORY_N_PROPS
};

static GParamSpec *history_properties[HISTORY_N_PROPS];

static void
paraat_history_entry_finalize (GObject *object)
{
  ParaatHistoryEntry *self = PARAAT_HISTORY_ENTRY (object);

  g_clear_pointer (&self->changed_at, g_free);
  g_clear_pointer (&self->who, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);

  G_OBJECT_CLASS (paraat_history_entry_parent_class)->finalize (object);
}

static void
paraat_history_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ParaatHistoryEntry *self = PARAAT_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case HISTORY_PROP_CHANGED_AT:
      g_value_set_string (value, self->changed_at);
      break;

    case HISTORY_PROP_WHO:
      g_value_set_string (value, self->who);
      break;

    case HISTORY_PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case HISTORY_PROP_DESCRIPTION:
      g_value_take_string (value, paraat_history_entry_describe (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_history_entry_class_init (ParaatHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_history_entry_finalize;
  object_class->get_property = paraat_history_entry_get_property;

  history_properties[HISTORY_PROP_CHANGED_AT] =
    g_param_spec_string ("changed-at", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  history_properties[HISTORY_PROP_WHO] =
    g_param_spec_string ("who", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  history_properties[HISTORY_PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  history_properties[HISTORY_PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, HISTORY_N_PROPS, history_properties);
}

static void
paraat_history_entry_init (ParaatHistoryEntry *self)
{
  self->changed_at = g_strdup ("");
  self->who = g_strdup ("");
  self->reason = g_strdup ("");
  self->field = g_strdup ("");
  self->old_value = g_strdup ("");
  self->new_value = g_strdup ("");
}

/**
 * paraat_history_entry_new:
 *
 * For the store, which reads the history. %NULL arguments become "".
 *
 * Returns: (transfer full): a new history entry
 */
ParaatHistoryEntry *
paraat_history_entry_new (const char *changed_at,
                          const char *who,
                          const char *reason,
                          const char *field,
                          const char *old_value,
                          const char *new_value)
{
  ParaatHistoryEntry *self = g_object_new (PARAAT_TYPE_HISTORY_ENTRY, NULL);

  paraat_set_string (&self->changed_at, changed_at);
  paraat_set_string (&self->who, who);
  paraat_set_string (&self->reason, reason);
  paraat_set_string (&self->field, field);
  paraat_set_string (&self->old_value, old_value);
  paraat_set_string (&self->new_value, new_value);

  return self;
}

const char *
paraat_history_entry_get_changed_at (ParaatHistoryEntry *self)
{
  g_return_val_if_fail (PARAAT_IS_HISTORY_ENTRY (self), NULL);

  return self->changed_at;
}

const char *
paraat_history_entry_get_who (ParaatHistoryEntry *self)
{
  g_return_val_if_fail (PARAAT_IS_HISTORY_ENTRY (self), NULL);

  return self->who;
}

const char *
paraat_history_entry_get_reason (ParaatHistoryEntry *self)
{
  g_return_val_if_fail (PARAAT_IS_HISTORY_ENTRY (self), NULL);

  return self->reason;
}

const char *
paraat_history_entry_get_field (ParaatHistoryEntry *self)
{
  g_return_val_if_fail (PARAAT_IS_HISTORY_ENTRY (self), NULL);

  return self->field;
}

const char *
paraat_history_entry_get_old_value (ParaatHistoryEntry *self)
{
  g_return_val_if_fail (PARAAT_IS_HISTORY_ENTRY (self), NULL);

  return self->old_value;
}

const char *
paraat_history_entry_get_new_value (ParaatHistoryEntry *self)
{
  g_return_val_if_fail (PARAAT_IS_HISTORY_ENTRY (self), NULL);

  return self->new_value;
}

static const char *
status_label_or_raw (const char *text)
{
  ParaatExerciseStatus status;

  if (paraat_exercise_status_from_string (text, &status))
    return paraat_exercise_status_get_label (status);

  return text;
}

/* A start or end as the history stored it: a date (YYYY-MM-DD) for an
 * all-day exercise, otherwise an ISO 8601 date-time, shown in the offset
 * it was written with. Anything else is shown as is. */
static char *
format_history_time (const char *value)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  if (paraat_parse_iso_date (value, &date))
    {
      dt = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
      /* Translators: a g_date_time_format() format for a day in an
       * exercise's history, as in “3 Jun 2024”; see the GLib documentation. */
      return paraat_format_date_time (dt, _("%-d %b %Y"));
    }

  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (value, utc);
  if (dt == NULL)
    return g_strdup (value);

  /* Translators: a g_date_time_format() format for a moment in an
   * exercise's history, as in “3 Jun 2024 09:00”; see the GLib documentation. */
  return paraat_format_date_time (dt, _("%-d %b %Y %H:%M"));
}

/**
 * paraat_history_entry_describe:
 *
 * What changed, as a sentence for the exercise's history.
 *
 * Returns: (transfer full): a new string
 */
char *
paraat_history_entry_describe (ParaatHistoryEntry *self)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  g_return_val_if_fail (PARAAT_IS_HISTORY_ENTRY (self), NULL);

  if (g_str_equal (self->field, "created"))
    return g_strdup (_("Created"));

  if (g_str_equal (self->field, "status"))
    {
      /* Translators: an exercise's old and new status, as in
       * Status changed from “Planned” to “Confirmed” */
      return g_strdup_printf (_("Status changed from “%s” to “%s”"),
                              status_label_or_raw (self->old_value),
                              status_label_or_raw (self->new_value));
    }

  if (g_str_equal (self->field, "start"))
    {
      old_text = format_history_time (self->old_value);
      new_text = format_history_time (self->new_value);

      /* Translators: an exercise's old and new start, each a date or a date
       * and time, as in “Start moved from 3 Jun 2024 09:00 to 10 Jun 2024 09:00” */
      return g_strdup_printf (_("Start moved from %s to %s"), old_text, new_text);
    }

  if (g_str_equal (self->field, "end"))
    {
      old_text = format_history_time (self->old_value);
      new_text = format_history_time (self->new_value);

      /* Translators: an exercise's old and new end, each a date or a date
       * and time, as in “End moved from 3 Jun 2024 17:00 to 10 Jun 2024 17:00” */
      return g_strdup_printf (_("End moved from %s to %s"), old_text, new_text);
    }

  /* Translators: a field's name as stored (not translated), its old value
   * and its new value, for a change the history has no sentence for */
  return g_strdup_printf (_("%s changed from “%s” to “%s”"),
                          self->field, self->old_value, self->new_value);
}

/* ParaatEvaluation */

G_DEFINE_FINAL_TYPE (ParaatEvaluation, paraat_evaluation, G_TYPE_OBJECT)

static void
paraat_evaluation_finalize (GObject *object)
{
  ParaatEvaluation *self = PARAAT_EVALUATION (object);

  g_clear_pointer (&self->quick_report_date, g_free);
  g_clear_pointer (&self->quick_report_ref, g_free);
  g_clear_pointer (&self->final_report_date, g_free);
  g_clear_pointer (&self->final_report_ref, g_free);
  g_clear_pointer (&self->lessons, g_free);

  G_OBJECT_CLASS (paraat_evaluation_parent_class)->finalize (object);
}

static void
paraat_evaluation_class_init (ParaatEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_evaluation_finalize;
}

static void
paraat_evaluation_init (ParaatEvaluation *self)
{
  self->quick_report_ref = g_strdup ("");
  self->final_report_ref = g_strdup ("");
  self->lessons = g_strdup ("");
}

ParaatEvaluation *
paraat_evaluation_new (void)
{
  return g_object_new (PARAAT_TYPE_EVALUATION, NULL);
}

/**
 * paraat_evaluation_get_quick_report_date:
 *
 * Returns: (nullable): the date (YYYY-MM-DD) of the quick report, %NULL if none
 */
const char *
paraat_evaluation_get_quick_report_date (ParaatEvaluation *self)
{
  g_return_val_if_fail (PARAAT_IS_EVALUATION (self), NULL);

  return self->quick_report_date;
}

const char *
paraat_evaluation_get_quick_report_ref (ParaatEvaluation *self)
{
  g_return_val_if_fail (PARAAT_IS_EVALUATION (self), NULL);

  return self->quick_report_ref;
}

/**
 * paraat_evaluation_get_final_report_date:
 *
 * Returns: (nullable): the date (YYYY-MM-DD) of the final report, %NULL if none
 */
const char *
paraat_evaluation_get_final_report_date (ParaatEvaluation *self)
{
  g_return_val_if_fail (PARAAT_IS_EVALUATION (self), NULL);

  return self->final_report_date;
}

const char *
paraat_evaluation_get_final_report_ref (ParaatEvaluation *self)
{
  g_return_val_if_fail (PARAAT_IS_EVALUATION (self), NULL);

  return self->final_report_ref;
}

const char *
paraat_evaluation_get_lessons (ParaatEvaluation *self)
{
  g_return_val_if_fail (PARAAT_IS_EVALUATION (self), NULL);

  return self->lessons;
}

/**
 * paraat_evaluation_set_quick_report:
 * @date: (nullable): YYYY-MM-DD; %NULL or "" for none
 * @ref: (nullable): the report's reference
 */
void
paraat_evaluation_set_quick_report (ParaatEvaluation *self,
                                    const char       *date,
                                    const char       *ref)
{
  g_return_if_fail (PARAAT_IS_EVALUATION (self));

  paraat_set_nullable_string (&self->quick_report_date, date);
  paraat_set_string (&self->quick_report_ref, ref);
}

/**
 * paraat_evaluation_set_final_report:
 * @date: (nullable): YYYY-MM-DD; %NULL or "" for none
 * @ref: (nullable): the report's reference
 */
void
paraat_evaluation_set_final_report (ParaatEvaluation *self,
                                    const char       *date,
                                    const char       *ref)
{
  g_return_if_fail (PARAAT_IS_EVALUATION (self));

  paraat_set_nullable_string (&self->final_report_date, date);
  paraat_set_string (&self->final_report_ref, ref);
}

void
paraat_evaluation_set_lessons (ParaatEvaluation *self,
                               const char       *lessons)
{
  g_return_if_fail (PARAAT_IS_EVALUATION (self));

  paraat_set_string (&self->lessons, lessons);
}

/* ParaatActionItem */

G_DEFINE_FINAL_TYPE (ParaatActionItem, paraat_action_item, G_TYPE_OBJECT)

enum {
  ACTION_PROP_0,
  ACTION_PROP_WHAT,
  ACTION_PROP_OWNER,
  ACTION_PROP_DUE_DATE,
  ACTION_PROP_STATUS_LABEL,
  ACTION_PROP_EXERCISE_TITLE,
  ACTION_PROP_REGION_CODE,
  ACTION_N_PROPS
};

static GParamSpec *action_properties[ACTION_N_PROPS];

static void
paraat_action_item_finalize (GObject *object)
{
  ParaatActionItem *self = PARAAT_ACTION_ITEM (object);

  g_clear_pointer (&self->exercise_uid, g_free);
  g_clear_pointer (&self->exercise_title, g_free);
  g_clear_pointer (&self->region_code, g_free);
  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->done_date, g_free);

  G_OBJECT_CLASS (paraat_action_item_parent_class)->finalize (object);
}

static void
paraat_action_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ParaatActionItem *self = PARAAT_ACTION_ITEM (object);

  switch (prop_id)
    {
    case ACTION_PROP_WHAT:
      g_value_set_string (value, self->what);
      break;

    case ACTION_PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;

    case ACTION_PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case ACTION_PROP_STATUS_LABEL:
      g_value_set_string (value, paraat_action_status_get_label (self->status));
      break;

    case ACTION_PROP_EXERCISE_TITLE:
      g_value_set_string (value, self->exercise_title);
      break;

    case ACTION_PROP_REGION_CODE:
      g_value_set_string (value, self->region_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_action_item_class_init (ParaatActionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_action_item_finalize;
  object_class->get_property = paraat_action_item_get_property;

  action_properties[ACTION_PROP_WHAT] =
    g_param_spec_string ("what", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  action_properties[ACTION_PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  action_properties[ACTION_PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  action_properties[ACTION_PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  action_properties[ACTION_PROP_EXERCISE_TITLE] =
    g_param_spec_string ("exercise-title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  action_properties[ACTION_PROP_REGION_CODE] =
    g_param_spec_string ("region-code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ACTION_N_PROPS, action_properties);
}

static void
paraat_action_item_init (ParaatActionItem *self)
{
  self->exercise_uid = g_strdup ("");
  self->exercise_title = g_strdup ("");
  self->region_code = g_strdup ("");
  self->what = g_strdup ("");
  self->owner = g_strdup ("");
  self->status = PARAAT_ACTION_OPEN;
}

ParaatActionItem *
paraat_action_item_new (void)
{
  return g_object_new (PARAAT_TYPE_ACTION_ITEM, NULL);
}

/**
 * paraat_action_item_set_stored:
 * @done_date: (nullable): YYYY-MM-DD, or %NULL while not done
 *
 * For the store, after it read or wrote the item: the fields that only
 * the store decides.
 */
void
paraat_action_item_set_stored (ParaatActionItem *self,
                               gint64            id,
                               const char       *exercise_uid,
                               const char       *exercise_title,
                               const char       *region_code,
                               const char       *done_date)
{
  g_return_if_fail (PARAAT_IS_ACTION_ITEM (self));

  self->id = id;
  paraat_set_string (&self->exercise_uid, exercise_uid);
  paraat_set_string (&self->exercise_title, exercise_title);
  paraat_set_string (&self->region_code, region_code);
  paraat_set_nullable_string (&self->done_date, done_date);
}

gint64
paraat_action_item_get_id (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), 0);

  return self->id;
}

const char *
paraat_action_item_get_exercise_uid (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), NULL);

  return self->exercise_uid;
}

const char *
paraat_action_item_get_exercise_title (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), NULL);

  return self->exercise_title;
}

const char *
paraat_action_item_get_region_code (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), NULL);

  return self->region_code;
}

const char *
paraat_action_item_get_what (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), NULL);

  return self->what;
}

void
paraat_action_item_set_what (ParaatActionItem *self,
                             const char       *what)
{
  g_return_if_fail (PARAAT_IS_ACTION_ITEM (self));

  paraat_set_string (&self->what, what);
}

const char *
paraat_action_item_get_owner (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), NULL);

  return self->owner;
}

void
paraat_action_item_set_owner (ParaatActionItem *self,
                              const char       *owner)
{
  g_return_if_fail (PARAAT_IS_ACTION_ITEM (self));

  paraat_set_string (&self->owner, owner);
}

/**
 * paraat_action_item_get_due_date:
 *
 * Returns: (nullable): YYYY-MM-DD, or %NULL without a due date
 */
const char *
paraat_action_item_get_due_date (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), NULL);

  return self->due_date;
}

/**
 * paraat_action_item_set_due_date:
 * @date: (nullable): YYYY-MM-DD; %NULL or "" for none
 */
void
paraat_action_item_set_due_date (ParaatActionItem *self,
                                 const char       *date)
{
  g_return_if_fail (PARAAT_IS_ACTION_ITEM (self));

  paraat_set_nullable_string (&self->due_date, date);
}

ParaatActionStatus
paraat_action_item_get_status (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), PARAAT_ACTION_OPEN);

  return self->status;
}

void
paraat_action_item_set_status (ParaatActionItem   *self,
                               ParaatActionStatus  status)
{
  g_return_if_fail (PARAAT_IS_ACTION_ITEM (self));
  g_return_if_fail (status < PARAAT_N_ACTION_STATUSES);

  self->status = status;
}

/**
 * paraat_action_item_get_done_date:
 *
 * Returns: (nullable): YYYY-MM-DD, or %NULL while not done
 */
const char *
paraat_action_item_get_done_date (ParaatActionItem *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), NULL);

  return self->done_date;
}

/**
 * paraat_action_item_is_overdue:
 * @today: YYYY-MM-DD
 *
 * Returns: whether the item is not done and its due date lies before @today
 */
gboolean
paraat_action_item_is_overdue (ParaatActionItem *self,
                               const char       *today)
{
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return self->status != PARAAT_ACTION_DONE
         && self->due_date != NULL
         && strcmp (self->due_date, today) < 0;
}
