/* paraat-calendar.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's side of the MOTO exercise calendar: exercises, their
 * history, evaluations and action items.
 */

#pragma once

#include "paraat-exercise.h"
#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

/* The "changed" signal's argument after a write to the calendar */
#define PARAAT_CHANGE_CALENDAR (PARAAT_N_KINDS + 1)

/* At most this many occurrences of one recurring exercise per query */
#define PARAAT_MAX_OCCURRENCES 1000

gboolean          paraat_store_save_exercise      (ParaatStore         *self,
                                                   ParaatExercise      *exercise,
                                                   const char          *who,
                                                   const char          *reason,
                                                   GError             **error);
ParaatExercise   *paraat_store_get_exercise       (ParaatStore         *self,
                                                   const char          *uid,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          paraat_store_delete_exercise    (ParaatStore         *self,
                                                   const char          *uid,
                                                   GError             **error);
gboolean          paraat_store_undelete_exercise  (ParaatStore         *self,
                                                   const char          *uid,
                                                   GError             **error);
GPtrArray        *paraat_store_list_exercises     (ParaatStore         *self,
                                                   ParaatScope         *scope,
                                                   gint64               from_utc,
                                                   gint64               to_utc,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *paraat_store_list_series       (ParaatStore         *self,
                                                   ParaatScope         *scope,
                                                   gint64               from_utc,
                                                   gint64               to_utc,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
typedef gboolean (*ParaatExerciseFunc) (ParaatExercise  *exercise,
                                        gpointer         user_data,
                                        GError         **error);
gboolean          paraat_store_foreach_series    (ParaatStore         *self,
                                                   ParaatScope         *scope,
                                                   gint64               from_utc,
                                                   gint64               to_utc,
                                                   ParaatExerciseFunc   func,
                                                   gpointer             user_data,
                                                   GError             **error);
GStrv             paraat_store_list_series_zones (ParaatStore         *self,
                                                   ParaatScope         *scope,
                                                   gint64               from_utc,
                                                   gint64               to_utc,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *paraat_store_get_history        (ParaatStore         *self,
                                                   const char          *uid,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ParaatEvaluation *paraat_store_get_evaluation     (ParaatStore         *self,
                                                   const char          *uid,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          paraat_store_save_evaluation    (ParaatStore         *self,
                                                   const char          *uid,
                                                   ParaatEvaluation    *evaluation,
                                                   GError             **error);
GPtrArray        *paraat_store_list_action_items  (ParaatStore         *self,
                                                   ParaatScope         *scope,
                                                   const char          *uid,
                                                   gboolean             overdue_only,
                                                   const char          *today,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gint64            paraat_store_save_action_item   (ParaatStore         *self,
                                                   const char          *uid,
                                                   ParaatActionItem    *item,
                                                   GError             **error);
gboolean          paraat_store_shift_exercises    (ParaatStore         *self,
                                                   const char * const  *uids,
                                                   int                  days,
                                                   const char          *who,
                                                   const char          *reason,
                                                   GError             **error);
guint             paraat_store_copy_year          (ParaatStore         *self,
                                                   ParaatScope         *scope,
                                                   int                  year,
                                                   GError             **error);
gboolean          paraat_parse_when               (const char          *text,
                                                   const char          *tzid,
                                                   GDateTime          **when,
                                                   gboolean            *is_date);

G_END_DECLS
