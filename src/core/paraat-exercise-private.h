/* paraat-exercise-private.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar objects' insides, for paraat-exercise.c and the store that
 * fills them. Strings are never NULL unless marked nullable; string
 * vectors are never NULL (an empty vector instead). The fields marked
 * "shared" hold shared strings (kept for the life of the process, or
 * interned GRefStrings; see paraat-exercise.c): codes, zones, places and
 * rules that thousands of exercises of a year have in common. Set them
 * with paraat_exercise_set_shared(), never free them and never change
 * them in place.
 */

#pragma once

#include "paraat-exercise.h"

G_BEGIN_DECLS

struct _ParaatExercise
{
  GObject               parent_instance;

  /* Owned */
  gint64                id;              /* rowid, 0 while not stored */
  char                 *uid;
  guint                 sequence;        /* iCalendar SEQUENCE, raised on each save */
  char                 *title;
  char                 *description;
  char                 *type_code;       /* shared */
  char                 *grip_code;       /* nullable, shared */
  char                 *region_code;     /* the organising region, shared */
  GStrv                 regions;         /* further participating regions */
  GStrv                 disciplines;
  GStrv                 organisations;
  gint64                start_utc;       /* seconds since the epoch */
  gint64                end_utc;         /* all-day: local midnight after the last day */
  gboolean              all_day;
  char                 *tzid;            /* shared */
  char                 *location;        /* shared */
  gboolean              has_geo;
  double                latitude;
  double                longitude;
  char                 *scenario_code;   /* shared */
  ParaatDefence         defence;
  char                 *defence_units;   /* shared */
  gboolean              ovr_observer;
  guint                 reservists;
  ParaatExerciseStatus  status;
  char                 *rrule;           /* shared */
  char                 *modified;        /* ISO 8601, set by the store */
  gboolean              occurrence;      /* one occurrence of a recurring exercise */

  /* An event of an imported calendar, shown beside the exercises */
  gint64                calendar_id;     /* the calendar source's id; 0 for an own exercise */
  char                 *calendar;        /* its name; NULL for an own exercise */
  char                 *calendar_organisation;
  char                 *calendar_colour;
  gboolean              removed;         /* gone from the calendar's last import, kept */
};

struct _ParaatHistoryEntry
{
  GObject  parent_instance;

  /* Owned */
  char    *changed_at;
  char    *who;
  char    *reason;
  char    *field;                        /* "created", "status", "start" or "end" */
  char    *old_value;
  char    *new_value;
};

struct _ParaatEvaluation
{
  GObject  parent_instance;

  /* Owned */
  char    *quick_report_date;            /* nullable, YYYY-MM-DD */
  char    *quick_report_ref;
  char    *final_report_date;            /* nullable, YYYY-MM-DD */
  char    *final_report_ref;
  char    *lessons;
};

struct _ParaatActionItem
{
  GObject             parent_instance;

  /* Owned */
  gint64              id;                /* 0 while not stored */
  char               *exercise_uid;
  char               *exercise_title;
  char               *region_code;
  char               *what;
  char               *owner;
  char               *due_date;          /* nullable, YYYY-MM-DD */
  ParaatActionStatus  status;
  char               *done_date;         /* nullable, YYYY-MM-DD */
};

ParaatHistoryEntry *paraat_history_entry_new      (const char       *changed_at,
                                                   const char       *who,
                                                   const char       *reason,
                                                   const char       *field,
                                                   const char       *old_value,
                                                   const char       *new_value) G_GNUC_WARN_UNUSED_RESULT;
void                paraat_exercise_reset         (ParaatExercise   *self);
void                paraat_exercise_set_shared    (char            **field,
                                                   const char       *value);
void                paraat_exercise_set_stored    (ParaatExercise   *self,
                                                   gint64            id,
                                                   guint             sequence,
                                                   const char       *modified,
                                                   gboolean          occurrence);
void                paraat_action_item_set_stored (ParaatActionItem *self,
                                                   gint64            id,
                                                   const char       *exercise_uid,
                                                   const char       *exercise_title,
                                                   const char       *region_code,
                                                   const char       *done_date);

G_END_DECLS
