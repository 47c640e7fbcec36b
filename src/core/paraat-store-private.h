/* paraat-store-private.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the files that make up ParaatStore and for its tests.
 */

#pragma once

#include <libical/ical.h>
#include <sqlite3.h>

#include "paraat-exercise.h"
#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

/* 'PARA': marks a file as Paraat's, so another program's SQLite file is refused. */
#define PARAAT_APPLICATION_ID 1346458177

struct _ParaatStore
{
  GObject      parent_instance;

  /* Owned */
  sqlite3     *db;
  char        *path;
  GHashTable  *stmts;                   /* static SQL text → sqlite3_stmt, see paraat_store_prepare() */
  GListStore  *records[PARAAT_N_KINDS]; /* created on first use, refilled after each write */
  gint64       max_duration;            /* longest single exercise in seconds, -1 if unknown */
  gint64       max_duration_version;    /* PRAGMA data_version it was computed at */
  gboolean     import_checked;          /* inside paraat_import_run(): see paraat_store_import_set_checks() */
  GHashTable  *series;                  /* exercise id → its occurrences so far, see paraat-store-recurrence.c */
  char        *import_file;             /* paraat_store_import_exercise()'s last file … */
  char        *import_reason;           /* … and "imported from" it, translated */

  /* The damage check an open with PARAAT_STORE_OPEN_DEFER_CHECK left for
   * later; no write starts before it has passed. */
  GMutex       check_lock;
  GCond        check_cond;
  int          check_state;             /* CheckState in paraat-store.c */
  gboolean     check_running;           /* a worker is on it */
  char        *check_error;             /* its verdict when it failed */
};

sqlite3_stmt *paraat_store_prepare        (ParaatStore  *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      paraat_store_exec           (ParaatStore  *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      paraat_store_begin          (ParaatStore  *self,
                                           GError      **error);
gboolean      paraat_store_commit         (ParaatStore  *self,
                                           GError      **error);
void          paraat_store_rollback       (ParaatStore  *self);
gboolean      paraat_store_step_done      (ParaatStore  *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
void          paraat_store_set_sql_error  (ParaatStore  *self,
                                           GError      **error);
void          paraat_store_bind_value     (sqlite3_stmt *stmt,
                                           int           index,
                                           const ParaatField *field,
                                           const char   *value);
void          paraat_store_emit_changed   (ParaatStore  *self,
                                           ParaatKind    kind);
gint64        paraat_store_insert_record  (ParaatStore  *self,
                                           ParaatKind    kind,
                                           const char * const *values,
                                           GError      **error);
gboolean      paraat_store_seed_reference (ParaatStore  *self,
                                           GError      **error);
/* The calendar's writes without a transaction of their own (for the demo) */
gboolean      paraat_store_save_exercise_in_transaction (ParaatStore  *self,
                                                         ParaatExercise *exercise,
                                                         const char   *who,
                                                         const char   *reason,
                                                         GError      **error);
gboolean      paraat_store_fill_demo_calendar (ParaatStore  *self,
                                               const char   *today,
                                               GError      **error);
gboolean      paraat_store_fill_demo_defence (ParaatStore  *self,
                                              GError      **error);

/* Shared by paraat-store-exercises.c, paraat-store-evaluation.c and
 * paraat-store-plan.c */
#define PARAAT_EXERCISE_COLUMNS \
  "e.id, e.uid, e.sequence, e.title, e.description, e.type_code, e.grip_code, e.region_code," \
  " e.start_utc, e.end_utc, e.all_day, e.tzid, e.location, e.latitude, e.longitude, e.scenario_code," \
  " e.defence, e.defence_units, e.ovr_observer, e.reservists, e.status, e.rrule, e.modified"
/* paraat_store_collect_exercises() reads the three lists afterwards */

/* The exercises overlapping ?1..?2: single ones by the start index,
 * which bounds the scan to the range plus the longest exercise (?3,
 * paraat_store_get_max_duration()), and the series that may have an
 * occurrence in it (one without end has no series_end_utc) */
#define PARAAT_SINGLE_IN_RANGE \
  " WHERE e.deleted = 0 AND e.rrule = ''" \
  " AND e.start_utc >= ?1 - ?3 AND e.start_utc < ?2 AND e.end_utc > ?1"
#define PARAAT_SERIES_IN_RANGE \
  " WHERE e.deleted = 0 AND e.rrule <> '' AND e.start_utc < ?2" \
  " AND (e.series_end_utc IS NULL OR e.series_end_utc > ?1)"

GTimeZone    *paraat_store_zone_for          (const char                *tzid) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray    *paraat_store_collect_exercises (ParaatStore               *self,
                                              sqlite3_stmt              *stmt,
                                              GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
void          paraat_store_set_not_found     (GError                   **error,
                                              const char                *uid);
gboolean      paraat_store_parse_rrule       (const char                *rrule,
                                              struct icalrecurrencetype *recur,
                                              GError                   **error);
gint64        paraat_store_get_max_duration  (ParaatStore               *self);
typedef gboolean (*ParaatOccurrenceFunc) (gint64   start_utc,
                                          gint64   end_utc,
                                          gpointer data);
void          paraat_store_foreach_occurrence (const char           *tzid,
                                               gint64                start_utc,
                                               gint64                end_utc,
                                               gboolean              all_day,
                                               const char           *rrule,
                                               ParaatOccurrenceFunc  func,
                                               gpointer              data);
void          paraat_store_foreach_occurrence_in (const char           *tzid,
                                                  gint64                start_utc,
                                                  gint64                end_utc,
                                                  gboolean              all_day,
                                                  const char           *rrule,
                                                  gint64                from_utc,
                                                  gint64                to_utc,
                                                  ParaatOccurrenceFunc  func,
                                                  gpointer              data);
void          paraat_store_foreach_series_occurrence_in (ParaatStore          *self,
                                                         ParaatExercise       *series,
                                                         gint64                from_utc,
                                                         gint64                to_utc,
                                                         ParaatOccurrenceFunc  func,
                                                         gpointer              data);
gint64        paraat_store_compute_series_end (ParaatExercise           *ex);
gboolean      paraat_store_regions_in_scope  (ParaatScope               *scope,
                                              const char                *region_code,
                                              const char * const        *regions);
gboolean      paraat_store_exercise_in_scope (ParaatScope               *scope,
                                              ParaatExercise            *ex);

G_END_DECLS
