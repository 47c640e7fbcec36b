/* paraat-ical.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one mapping between a ParaatExercise and an iCalendar VEVENT
 * (RFC 5545), in both directions, and the .ics export built on it.
 * docs/exchange.md describes the mapping property by property.
 */

#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "paraat-autocleanups.h"
#include "paraat-exercise.h"

G_BEGIN_DECLS

#define PARAAT_ICAL_ERROR (paraat_ical_error_quark ())

typedef enum
{
  PARAAT_ICAL_ERROR_INVALID,     /* a required property is missing or wrong */
  PARAAT_ICAL_ERROR_UNSUPPORTED, /* valid iCalendar that Paraat cannot hold */
} ParaatIcalError;

GQuark          paraat_ical_error_quark    (void);

icaltimetype    paraat_ical_local_time     (GDateTime       *local,
                                            gboolean         all_day);
icalcomponent  *paraat_ical_from_exercise  (ParaatExercise  *exercise) G_GNUC_WARN_UNUSED_RESULT;
ParaatExercise *paraat_ical_to_exercise    (icalcomponent   *vevent,
                                            GPtrArray       *warnings,
                                            GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same, filling @spare (transfer full, nullable) when it can: see
 * paraat_exercise_reset() */
ParaatExercise *paraat_ical_to_exercise_reusing (icalcomponent   *vevent,
                                                 ParaatExercise  *spare,
                                                 GPtrArray       *warnings,
                                                 GError         **error) G_GNUC_WARN_UNUSED_RESULT;
icalcomponent  *paraat_ical_get_vtimezone  (const char      *tzid) G_GNUC_WARN_UNUSED_RESULT;
const char     *paraat_ical_find_x         (icalcomponent   *comp,
                                            const char      *name);
icalcomponent  *paraat_ical_new_calendar   (GPtrArray       *exercises,
                                            const char      *calname) G_GNUC_WARN_UNUSED_RESULT;
icalcomponent  *paraat_ical_new_calendar_head (const char         *calname,
                                               const char * const *tzids) G_GNUC_WARN_UNUSED_RESULT;
void            paraat_ical_add_zones_of      (GStrvBuilder       *zones,
                                               icalcomponent      *vevent);
icalcomponent  *paraat_ical_new_merged_calendar (GPtrArray  *exercises,
                                            GPtrArray       *vevents,
                                            const char      *calname) G_GNUC_WARN_UNUSED_RESULT;
icalcomponent  *paraat_ical_vevent_from_source (const char  *raw,
                                            const char      *calendar,
                                            gint64           start_utc,
                                            gint64           end_utc,
                                            gint64           imported_utc,
                                            gboolean         cancelled) G_GNUC_WARN_UNUSED_RESULT;
gboolean        paraat_export_ics          (GPtrArray       *exercises,
                                            const char      *calname,
                                            GOutputStream   *out,
                                            GError         **error);

G_END_DECLS
