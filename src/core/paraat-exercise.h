/* paraat-exercise.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The MOTO exercise calendar's objects: an exercise (or one occurrence of
 * a recurring one), an entry of its history, its evaluation and its
 * action items. Plain data; ParaatStore reads and writes them.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PARAAT_EXERCISE_STATUS_DRAFT,
  PARAAT_EXERCISE_STATUS_PLANNED,
  PARAAT_EXERCISE_STATUS_CONFIRMED,
  PARAAT_EXERCISE_STATUS_POSTPONED,
  PARAAT_EXERCISE_STATUS_CANCELLED,
  PARAAT_EXERCISE_STATUS_HELD,
  PARAAT_EXERCISE_STATUS_EVALUATED,
  PARAAT_N_EXERCISE_STATUSES
} ParaatExerciseStatus;

typedef enum
{
  PARAAT_DEFENCE_NONE,
  PARAAT_DEFENCE_REQUESTED,
  PARAAT_DEFENCE_CONFIRMED,
  PARAAT_DEFENCE_DECLINED,
  PARAAT_N_DEFENCE
} ParaatDefence;

typedef enum
{
  PARAAT_ACTION_OPEN,
  PARAAT_ACTION_IN_PROGRESS,
  PARAAT_ACTION_DONE,
  PARAAT_N_ACTION_STATUSES
} ParaatActionStatus;

#define PARAAT_DEFAULT_TZID "Europe/Amsterdam"

const char *paraat_exercise_status_to_string   (ParaatExerciseStatus  status);
gboolean    paraat_exercise_status_from_string (const char           *text,
                                                ParaatExerciseStatus *status);
const char *paraat_exercise_status_get_label   (ParaatExerciseStatus  status);
const char *paraat_defence_to_string           (ParaatDefence         defence);
gboolean    paraat_defence_from_string         (const char           *text,
                                                ParaatDefence        *defence);
const char *paraat_defence_get_label           (ParaatDefence         defence);
const char *paraat_action_status_to_string     (ParaatActionStatus    status);
gboolean    paraat_action_status_from_string   (const char           *text,
                                                ParaatActionStatus   *status);
const char *paraat_action_status_get_label     (ParaatActionStatus    status);

/* ParaatExercise */

#define PARAAT_TYPE_EXERCISE (paraat_exercise_get_type ())
G_DECLARE_FINAL_TYPE (ParaatExercise, paraat_exercise, PARAAT, EXERCISE, GObject)

ParaatExercise      *paraat_exercise_new               (void);
ParaatExercise      *paraat_exercise_copy              (ParaatExercise *self) G_GNUC_WARN_UNUSED_RESULT;
ParaatExercise      *paraat_exercise_duplicate         (ParaatExercise *self) G_GNUC_WARN_UNUSED_RESULT;

gint64               paraat_exercise_get_id            (ParaatExercise *self);
const char          *paraat_exercise_get_uid           (ParaatExercise *self);
void                 paraat_exercise_set_uid           (ParaatExercise *self, const char *uid);
guint                paraat_exercise_get_sequence      (ParaatExercise *self);
const char          *paraat_exercise_get_title         (ParaatExercise *self);
void                 paraat_exercise_set_title         (ParaatExercise *self, const char *title);
const char          *paraat_exercise_get_description   (ParaatExercise *self);
void                 paraat_exercise_set_description   (ParaatExercise *self, const char *description);
const char          *paraat_exercise_get_type_code     (ParaatExercise *self);
void                 paraat_exercise_set_type_code     (ParaatExercise *self, const char *code);
const char          *paraat_exercise_get_grip_code     (ParaatExercise *self);
void                 paraat_exercise_set_grip_code     (ParaatExercise *self, const char *code);
const char          *paraat_exercise_get_region_code   (ParaatExercise *self);
void                 paraat_exercise_set_region_code   (ParaatExercise *self, const char *code);
/* Further participating regions, disciplines and organisations */
const char * const  *paraat_exercise_get_regions       (ParaatExercise *self);
void                 paraat_exercise_set_regions       (ParaatExercise *self, const char * const *codes);
const char * const  *paraat_exercise_get_disciplines   (ParaatExercise *self);
void                 paraat_exercise_set_disciplines   (ParaatExercise *self, const char * const *codes);
const char * const  *paraat_exercise_get_organisations (ParaatExercise *self);
void                 paraat_exercise_set_organisations (ParaatExercise *self, const char * const *names);

/* Start and end, in the exercise's own time zone. For an all-day exercise
 * the end is midnight after the last day. */
GDateTime           *paraat_exercise_get_start         (ParaatExercise *self);
GDateTime           *paraat_exercise_get_end           (ParaatExercise *self);
void                 paraat_exercise_set_times         (ParaatExercise *self,
                                                        GDateTime      *start,
                                                        GDateTime      *end,
                                                        gboolean        all_day);
gboolean             paraat_exercise_get_all_day       (ParaatExercise *self);
const char          *paraat_exercise_get_tzid          (ParaatExercise *self);
gboolean             paraat_exercise_set_tzid          (ParaatExercise *self, const char *tzid);
gint64               paraat_exercise_get_start_utc     (ParaatExercise *self);
gint64               paraat_exercise_get_end_utc       (ParaatExercise *self);

const char          *paraat_exercise_get_location      (ParaatExercise *self);
void                 paraat_exercise_set_location      (ParaatExercise *self, const char *location);
gboolean             paraat_exercise_get_geo           (ParaatExercise *self, double *lat, double *lon);
void                 paraat_exercise_set_geo           (ParaatExercise *self, gboolean has_geo, double lat, double lon);
const char          *paraat_exercise_get_scenario_code (ParaatExercise *self);
void                 paraat_exercise_set_scenario_code (ParaatExercise *self, const char *code);
ParaatDefence        paraat_exercise_get_defence       (ParaatExercise *self);
void                 paraat_exercise_set_defence       (ParaatExercise *self, ParaatDefence defence);
const char          *paraat_exercise_get_defence_units (ParaatExercise *self);
void                 paraat_exercise_set_defence_units (ParaatExercise *self, const char *units);
gboolean             paraat_exercise_get_ovr_observer  (ParaatExercise *self);
void                 paraat_exercise_set_ovr_observer  (ParaatExercise *self, gboolean observer);
guint                paraat_exercise_get_reservists    (ParaatExercise *self);
void                 paraat_exercise_set_reservists    (ParaatExercise *self, guint n);
ParaatExerciseStatus paraat_exercise_get_status        (ParaatExercise *self);
void                 paraat_exercise_set_status        (ParaatExercise *self, ParaatExerciseStatus status);
const char          *paraat_exercise_get_rrule         (ParaatExercise *self);
void                 paraat_exercise_set_rrule         (ParaatExercise *self, const char *rrule);
/* For one occurrence of a recurring exercise: the series' first start */
gboolean             paraat_exercise_is_occurrence     (ParaatExercise *self);

/* An event of an imported calendar, shown beside the exercises (read-only) */
void                 paraat_exercise_set_calendar      (ParaatExercise *self,
                                                        gint64          calendar_id,
                                                        const char     *calendar,
                                                        const char     *organisation,
                                                        const char     *colour,
                                                        gboolean        removed);
gboolean             paraat_exercise_is_imported       (ParaatExercise *self);
gint64               paraat_exercise_get_calendar_id   (ParaatExercise *self);
const char          *paraat_exercise_get_calendar      (ParaatExercise *self);
const char          *paraat_exercise_get_calendar_organisation (ParaatExercise *self);
const char          *paraat_exercise_get_calendar_colour (ParaatExercise *self);
gboolean             paraat_exercise_is_removed        (ParaatExercise *self);
const char          *paraat_exercise_get_kind_key      (ParaatExercise *self);
const char          *paraat_exercise_get_modified      (ParaatExercise *self);

gboolean             paraat_exercise_involves_region   (ParaatExercise *self, const char *code);
char                *paraat_exercise_format_when       (ParaatExercise *self) G_GNUC_WARN_UNUSED_RESULT;
char                *paraat_format_when                (GDateTime      *start,
                                                        GDateTime      *end,
                                                        gboolean        all_day) G_GNUC_WARN_UNUSED_RESULT;

/* ParaatHistoryEntry */

#define PARAAT_TYPE_HISTORY_ENTRY (paraat_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (ParaatHistoryEntry, paraat_history_entry, PARAAT, HISTORY_ENTRY, GObject)

const char *paraat_history_entry_get_changed_at (ParaatHistoryEntry *self);
const char *paraat_history_entry_get_who        (ParaatHistoryEntry *self);
const char *paraat_history_entry_get_reason     (ParaatHistoryEntry *self);
const char *paraat_history_entry_get_field      (ParaatHistoryEntry *self);
const char *paraat_history_entry_get_old_value  (ParaatHistoryEntry *self);
const char *paraat_history_entry_get_new_value  (ParaatHistoryEntry *self);
char       *paraat_history_entry_describe       (ParaatHistoryEntry *self) G_GNUC_WARN_UNUSED_RESULT;

/* ParaatEvaluation */

#define PARAAT_TYPE_EVALUATION (paraat_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (ParaatEvaluation, paraat_evaluation, PARAAT, EVALUATION, GObject)

ParaatEvaluation *paraat_evaluation_new                    (void);
const char       *paraat_evaluation_get_quick_report_date  (ParaatEvaluation *self);
const char       *paraat_evaluation_get_quick_report_ref   (ParaatEvaluation *self);
const char       *paraat_evaluation_get_final_report_date  (ParaatEvaluation *self);
const char       *paraat_evaluation_get_final_report_ref   (ParaatEvaluation *self);
const char       *paraat_evaluation_get_lessons            (ParaatEvaluation *self);
void              paraat_evaluation_set_quick_report       (ParaatEvaluation *self, const char *date, const char *ref);
void              paraat_evaluation_set_final_report       (ParaatEvaluation *self, const char *date, const char *ref);
void              paraat_evaluation_set_lessons            (ParaatEvaluation *self, const char *lessons);

/* ParaatActionItem */

#define PARAAT_TYPE_ACTION_ITEM (paraat_action_item_get_type ())
G_DECLARE_FINAL_TYPE (ParaatActionItem, paraat_action_item, PARAAT, ACTION_ITEM, GObject)

ParaatActionItem   *paraat_action_item_new                (void);
gint64              paraat_action_item_get_id             (ParaatActionItem *self);
const char         *paraat_action_item_get_exercise_uid   (ParaatActionItem *self);
const char         *paraat_action_item_get_exercise_title (ParaatActionItem *self);
const char         *paraat_action_item_get_region_code    (ParaatActionItem *self);
const char         *paraat_action_item_get_what           (ParaatActionItem *self);
void                paraat_action_item_set_what           (ParaatActionItem *self, const char *what);
const char         *paraat_action_item_get_owner          (ParaatActionItem *self);
void                paraat_action_item_set_owner          (ParaatActionItem *self, const char *owner);
const char         *paraat_action_item_get_due_date       (ParaatActionItem *self);
void                paraat_action_item_set_due_date       (ParaatActionItem *self, const char *date);
ParaatActionStatus  paraat_action_item_get_status         (ParaatActionItem *self);
void                paraat_action_item_set_status         (ParaatActionItem *self, ParaatActionStatus status);
const char         *paraat_action_item_get_done_date      (ParaatActionItem *self);
gboolean            paraat_action_item_is_overdue         (ParaatActionItem *self, const char *today);

G_END_DECLS
