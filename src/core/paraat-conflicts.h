/* paraat-conflicts.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calendar alignment: the regions' exercises and the events of imported
 * (Defence) calendars as one list of ParaatCalendarItem, checked against
 * the rules in data/rules/alignment.json. Each ParaatFinding names the
 * rule, its severity, the items involved and explains itself in plain
 * language. See docs/design.md, "Alignment".
 */

#pragma once

#include <gio/gio.h>

#include "paraat-exercise.h"
#include "paraat-overview.h"
#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_CONFLICTS_ERROR (paraat_conflicts_error_quark ())

typedef enum
{
  PARAAT_CONFLICTS_ERROR_RULES, /* the rules file is not valid */
  PARAAT_CONFLICTS_ERROR_WRITE,
} ParaatConflictsError;

GQuark paraat_conflicts_error_quark (void);

/* ParaatCalendarItem */

typedef enum
{
  PARAAT_ITEM_SOURCE_EXERCISE, /* a region's own exercise (or one occurrence) */
  PARAAT_ITEM_SOURCE_EXTERNAL, /* an event of an imported calendar, such as a brigade's */
} ParaatItemSource;

/*
 * What an external event says about the Defence units it names. An
 * importer maps it from X-PARAAT-AVAILABILITY when present, else from
 * TRANSP: see paraat_availability_from_ical(). Exercises have NONE.
 */
typedef enum
{
  PARAAT_AVAILABILITY_NONE,
  PARAAT_AVAILABILITY_COMMITTED,   /* busy with this event (TRANSP:OPAQUE, the default) */
  PARAAT_AVAILABILITY_UNAVAILABLE, /* not available at all: leave, maintenance, deployment abroad */
  PARAAT_AVAILABILITY_AVAILABLE,   /* free, or offered to the regions (TRANSP:TRANSPARENT) */
  PARAAT_N_AVAILABILITIES
} ParaatAvailability;

const char         *paraat_availability_to_string   (ParaatAvailability  availability);
gboolean            paraat_availability_from_string (const char         *text,
                                                     ParaatAvailability *availability);
ParaatAvailability  paraat_availability_from_ical   (const char         *x_paraat_availability,
                                                     const char         *transp);

/*
 * One interval on a calendar. Plain data with public fields: whoever
 * makes an item fills them (strings owned by the item, freed with it)
 * and then only reads it. Times are seconds since the epoch, [start, end).
 */
typedef struct
{
  /*< private >*/
  gatomicrefcount     ref_count;

  /*< public >*/
  ParaatItemSource    source;
  char               *uid;           /* the exercise's or the event's UID; occurrences share it */
  char               *calendar;      /* external: the calendar's name; NULL for exercises */
  char               *organisation;  /* external: who publishes it, e.g. "43 Gemechaniseerde Brigade" */
  char               *title;
  char               *region_code;   /* organising region, or the one an event names; nullable */
  GStrv               regions;       /* further regions taking part or named; nullable */
  gint64              start_utc;
  gint64              end_utc;
  gboolean            all_day;
  char               *tzid;          /* for showing the times; NULL: Europe/Amsterdam */
  ParaatExerciseStatus status;       /* external: CANCELLED, PLANNED (tentative) or CONFIRMED */
  ParaatDefence       defence;       /* exercises: Defence participation */
  GStrv               units;         /* Defence units as typed; nullable */
  gboolean            ovr_observer;  /* exercises: the RMOA (formerly OVR) is to observe */
  char               *brigade_id;    /* serving region_code on the start day; external: the publisher's */
  char               *brigade_name;
  ParaatAvailability  availability;  /* external only */
  gboolean            removed;       /* external: gone from its calendar's last import, kept */
  char               *colour;        /* external: the source's colour, nullable */
  gint64              calendar_id;   /* external: the source's id */
  char               *location;      /* external: for showing it; nullable */
  char               *description;   /* external: for showing it; nullable */

  /*< private >*/
  char               *when;          /* paraat_calendar_item_get_when(), made once */
} ParaatCalendarItem;

#define PARAAT_TYPE_CALENDAR_ITEM (paraat_calendar_item_get_type ())
GType               paraat_calendar_item_get_type      (void);
ParaatCalendarItem *paraat_calendar_item_new           (ParaatItemSource    source,
                                                        const char         *uid,
                                                        const char         *title,
                                                        gint64              start_utc,
                                                        gint64              end_utc);
ParaatCalendarItem *paraat_calendar_item_ref           (ParaatCalendarItem *self);
void                paraat_calendar_item_unref         (ParaatCalendarItem *self);
ParaatCalendarItem *paraat_calendar_item_new_from_exercise (ParaatExercise *exercise) G_GNUC_WARN_UNUSED_RESULT;
const char         *paraat_calendar_item_get_when      (ParaatCalendarItem *self);
char               *paraat_fold_unit                   (const char         *unit) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatCalendarItem, paraat_calendar_item_unref)

/* The rules */

#define PARAAT_RULE_UNIT_DOUBLE_BOOKED      "unit-double-booked"
#define PARAAT_RULE_UNIT_UNAVAILABLE        "unit-unavailable"
#define PARAAT_RULE_OBSERVER_CLASH          "observer-clash"
#define PARAAT_RULE_REQUEST_NOT_ALIGNED     "request-not-aligned"
#define PARAAT_RULE_DEFENCE_EVENT_UNMATCHED "defence-event-unmatched"

typedef struct _ParaatConflictRules ParaatConflictRules;

ParaatConflictRules *paraat_conflict_rules_new_default   (GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ParaatConflictRules *paraat_conflict_rules_new_from_data (const char          *data,
                                                          gssize               length,
                                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void                 paraat_conflict_rules_free          (ParaatConflictRules *self);
gboolean             paraat_conflict_rules_get_enabled   (ParaatConflictRules *self,
                                                          const char          *rule_id);
ParaatSeverity       paraat_conflict_rules_get_severity  (ParaatConflictRules *self,
                                                          const char          *rule_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatConflictRules, paraat_conflict_rules_free)

const char     *paraat_severity_to_string (ParaatSeverity severity);
const char     *paraat_severity_get_label (ParaatSeverity severity);

/* ParaatFinding */

#define PARAAT_TYPE_FINDING (paraat_finding_get_type ())
G_DECLARE_FINAL_TYPE (ParaatFinding, paraat_finding, PARAAT, FINDING, GObject)

const char         *paraat_finding_get_rule_id     (ParaatFinding *self);
ParaatSeverity      paraat_finding_get_severity    (ParaatFinding *self);
/* The Defence unit, brigade or region the finding is about */
const char         *paraat_finding_get_subject     (ParaatFinding *self);
const char         *paraat_finding_get_explanation (ParaatFinding *self);
char               *paraat_finding_dup_explanation (ParaatFinding *self) G_GNUC_WARN_UNUSED_RESULT;
gint64              paraat_finding_get_start_utc   (ParaatFinding *self);
gint64              paraat_finding_get_end_utc     (ParaatFinding *self);
guint               paraat_finding_get_n_items     (ParaatFinding *self);
ParaatCalendarItem *paraat_finding_get_item        (ParaatFinding *self,
                                                    guint          index);

/* The analysis */

typedef struct
{
  guint64 n_items;       /* items looked at */
  guint64 n_intervals;   /* intervals swept: one per item and Defence unit, or per item and brigade */
  guint64 n_steps;       /* comparisons in sorts, heap moves, active-set visits and binary-search steps */
  guint64 n_findings;
} ParaatConflictStats;

GPtrArray *paraat_conflicts_analyze    (ParaatConflictRules  *rules,
                                        GPtrArray            *items,
                                        ParaatScope          *scope,
                                        ParaatConflictStats  *stats) G_GNUC_WARN_UNUSED_RESULT;
gboolean   paraat_conflicts_write_json (GPtrArray            *findings,
                                        GOutputStream        *out,
                                        GCancellable         *cancellable,
                                        GError              **error);
gboolean   paraat_conflicts_write_csv  (GPtrArray            *findings,
                                        GOutputStream        *out,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* Store glue (paraat-store-conflicts.c) */

GPtrArray *paraat_store_list_calendar_items (ParaatStore  *store,
                                             ParaatScope  *scope,
                                             gint64        from_utc,
                                             gint64        to_utc,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
