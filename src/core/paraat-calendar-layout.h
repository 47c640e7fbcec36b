/* paraat-calendar-layout.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the calendar views lay out exercises, kept out of the widgets: the
 * local days an exercise touches, the busy-ness of each day and lanes for
 * exercises that overlap. Pure functions, no store.
 */

#pragma once

#include "paraat-exercise.h"

G_BEGIN_DECLS

typedef struct
{
  ParaatExercise *exercise;  /* a reference */
  int             first_day; /* days after the range's first day; may be negative */
  int             last_day;  /* inclusive; may lie past the range */
} ParaatCalendarSpan;

#define PARAAT_DAY_TOP_TYPES 3

typedef struct
{
  guint       n_exercises;
  /* The most frequent kinds of the day, most frequent first: exercise
   * types, or imported calendars (see paraat_exercise_get_kind_key());
   * interned strings, NULL past the last. */
  const char *types[PARAAT_DAY_TOP_TYPES];
  guint       type_counts[PARAAT_DAY_TOP_TYPES];
} ParaatDayCount;

GArray *paraat_calendar_layout_spans (GListModel         *exercises,
                                      const GDate        *first,
                                      guint               n_days,
                                      const char         *tzid) G_GNUC_WARN_UNUSED_RESULT;
GArray *paraat_calendar_count_days   (GArray             *spans,
                                      guint               n_days) G_GNUC_WARN_UNUSED_RESULT;
guint   paraat_calendar_assign_lanes (const gint64       *starts,
                                      const gint64       *ends,
                                      guint               n,
                                      guint               max_lanes,
                                      int                *lanes);

G_END_DECLS
