/* paraat-store-evaluation.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An exercise's evaluation and the action items that follow from it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "paraat-calendar.h"
#include "paraat-exercise-private.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

/* Evaluation */

static gint64
find_exercise_id (ParaatStore          *self,
                  const char           *uid,
                  ParaatExerciseStatus *status,
                  GError              **error)
{
  sqlite3_stmt *stmt = paraat_store_prepare (self, "SELECT id, status FROM exercise WHERE uid = ?1 AND deleted = 0",
                                             error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (status != NULL)
        paraat_exercise_status_from_string ((const char *) sqlite3_column_text (stmt, 1), status);
    }
  sqlite3_reset (stmt);
  if (id == 0)
    paraat_store_set_not_found (error, uid);

  return id;
}

/**
 * paraat_store_get_evaluation:
 *
 * Returns: (nullable): the evaluation, or %NULL without an error when the
 *   exercise has none yet
 */
ParaatEvaluation *
paraat_store_get_evaluation (ParaatStore  *self,
                             const char   *uid,
                             GError      **error)
{
  gint64 id = find_exercise_id (self, uid, NULL, error);
  ParaatEvaluation *evaluation = NULL;
  sqlite3_stmt *stmt;

  if (id == 0)
    return NULL;
  stmt = paraat_store_prepare (self, "SELECT quick_report_date, quick_report_ref, final_report_date,"
                                     " final_report_ref, lessons FROM evaluation WHERE exercise_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
      evaluation = paraat_evaluation_new ();
      paraat_evaluation_set_quick_report (evaluation, TEXT (0), TEXT (1));
      paraat_evaluation_set_final_report (evaluation, TEXT (2), TEXT (3));
      paraat_evaluation_set_lessons (evaluation, TEXT (4));
#undef TEXT
    }
  sqlite3_reset (stmt);

  return evaluation;
}

static gboolean
check_optional_date (const char  *field,
                     const char  *value,
                     GError     **error)
{
  if (value == NULL || *value == '\0' || paraat_parse_iso_date (value, NULL))
    return TRUE;
  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
               _("“%s”: “%s” is not a date (expected YYYY-MM-DD)."), field, value);

  return FALSE;
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *value)
{
  if (value != NULL && *value != '\0')
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
paraat_store_save_evaluation (ParaatStore       *self,
                              const char        *uid,
                              ParaatEvaluation  *evaluation,
                              GError           **error)
{
  ParaatExerciseStatus status = PARAAT_EXERCISE_STATUS_DRAFT;
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (PARAAT_IS_EVALUATION (evaluation), FALSE);

  if (!check_optional_date (_("Quick report date"), paraat_evaluation_get_quick_report_date (evaluation), error) ||
      !check_optional_date (_("Final report date"), paraat_evaluation_get_final_report_date (evaluation), error))
    return FALSE;
  if (!(id = find_exercise_id (self, uid, &status, error)))
    return FALSE;
  if (status != PARAAT_EXERCISE_STATUS_HELD && status != PARAAT_EXERCISE_STATUS_EVALUATED)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("Only an exercise that was held can be evaluated; mark it as held first."));
      return FALSE;
    }

  if (!paraat_store_begin (self, error))
    return FALSE;
  stmt = paraat_store_prepare (self, "INSERT INTO evaluation (exercise_id, quick_report_date, quick_report_ref,"
                                     " final_report_date, final_report_ref, lessons) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                     " ON CONFLICT (exercise_id) DO UPDATE SET"
                                     " quick_report_date = excluded.quick_report_date,"
                                     " quick_report_ref = excluded.quick_report_ref,"
                                     " final_report_date = excluded.final_report_date,"
                                     " final_report_ref = excluded.final_report_ref, lessons = excluded.lessons",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_optional_text (stmt, 2, paraat_evaluation_get_quick_report_date (evaluation));
  sqlite3_bind_text (stmt, 3, paraat_evaluation_get_quick_report_ref (evaluation), -1, SQLITE_TRANSIENT);
  bind_optional_text (stmt, 4, paraat_evaluation_get_final_report_date (evaluation));
  sqlite3_bind_text (stmt, 5, paraat_evaluation_get_final_report_ref (evaluation), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, paraat_evaluation_get_lessons (evaluation), -1, SQLITE_TRANSIENT);
  if (!paraat_store_step_done (self, stmt, error) || !paraat_store_commit (self, error))
    goto failed;
  paraat_store_emit_changed (self, PARAAT_CHANGE_CALENDAR);

  return TRUE;

failed:
  paraat_store_rollback (self);
  return FALSE;
}

/* Action items */

/**
 * paraat_store_list_action_items:
 * @scope: (nullable): regions of the exercises, %NULL for all; an
 *   exercise counts when the scope holds its organising region or one of
 *   its participating regions, as in paraat_store_list_exercises()
 * @uid: (nullable): one exercise's items only
 * @overdue_only: only items not done whose due date is before @today
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type ParaatActionItem): by due date
 */
GPtrArray *
paraat_store_list_action_items (ParaatStore  *self,
                                ParaatScope  *scope,
                                const char   *uid,
                                gboolean      overdue_only,
                                const char   *today,
                                GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  stmt = paraat_store_prepare (self, "SELECT a.id, e.uid, e.title, e.region_code, a.what, a.owner, a.due_date,"
                                     " a.status, a.done_date, (SELECT group_concat (x.region_code, ',')"
                                     "  FROM exercise_region x WHERE x.exercise_id = e.id)"
                                     " FROM action_item a JOIN exercise e ON e.id = a.exercise_id"
                                     " WHERE e.deleted = 0 AND (?1 IS NULL OR e.uid = ?1)"
                                     " AND (?2 = 0 OR (a.status <> 'done' AND a.due_date < ?3))"
                                     " ORDER BY a.due_date IS NULL, a.due_date, a.id", error);
  if (stmt == NULL)
    return NULL;
  if (uid != NULL)
    sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, overdue_only ? 1 : 0);
  sqlite3_bind_text (stmt, 3, today ? today : "", -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
      ParaatActionItem *item;
      ParaatActionStatus status = PARAAT_ACTION_OPEN;
      g_auto(GStrv) regions = g_strsplit (TEXT (9) ? TEXT (9) : "", ",", -1);

      if (!paraat_store_regions_in_scope (scope, TEXT (3), (const char * const *) regions))
        continue;
      item = paraat_action_item_new ();
      paraat_action_item_set_what (item, TEXT (4));
      paraat_action_item_set_owner (item, TEXT (5));
      paraat_action_item_set_due_date (item, TEXT (6));
      paraat_action_status_from_string (TEXT (7), &status);
      paraat_action_item_set_status (item, status);
      paraat_action_item_set_stored (item, sqlite3_column_int64 (stmt, 0), TEXT (1), TEXT (2), TEXT (3), TEXT (8));
      g_ptr_array_add (items, item);
#undef TEXT
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * paraat_store_save_action_item:
 * @uid: the exercise the item follows from
 * @item: a new item (id 0) or one read from this store
 *
 * An item set to done gets today as its done date unless it has one.
 *
 * Returns: the item's id, or 0 with @error set
 */
gint64
paraat_store_save_action_item (ParaatStore       *self,
                               const char        *uid,
                               ParaatActionItem  *item,
                               GError           **error)
{
  gint64 exercise_id, id = paraat_action_item_get_id (item);
  g_autofree char *done_date = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PARAAT_IS_STORE (self), 0);
  g_return_val_if_fail (PARAAT_IS_ACTION_ITEM (item), 0);

  if (paraat_action_item_get_what (item) == NULL || *paraat_action_item_get_what (item) == '\0')
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID, _("“%s” is required."), _("Action"));
      return 0;
    }
  if (!check_optional_date (_("Due date"), paraat_action_item_get_due_date (item), error))
    return 0;
  if (!(exercise_id = find_exercise_id (self, uid, NULL, error)))
    return 0;

  if (paraat_action_item_get_status (item) == PARAAT_ACTION_DONE)
    done_date = paraat_action_item_get_done_date (item) ? g_strdup (paraat_action_item_get_done_date (item))
                                                        : paraat_today_iso ();

  if (!paraat_store_begin (self, error))
    return 0;
  stmt = id == 0
    ? paraat_store_prepare (self, "INSERT INTO action_item (exercise_id, what, owner, due_date, status, done_date)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)
    : paraat_store_prepare (self, "UPDATE action_item SET exercise_id = ?1, what = ?2, owner = ?3, due_date = ?4,"
                                  " status = ?5, done_date = ?6 WHERE id = ?7", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, exercise_id);
  sqlite3_bind_text (stmt, 2, paraat_action_item_get_what (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, paraat_action_item_get_owner (item), -1, SQLITE_TRANSIENT);
  bind_optional_text (stmt, 4, paraat_action_item_get_due_date (item));
  sqlite3_bind_text (stmt, 5, paraat_action_status_to_string (paraat_action_item_get_status (item)), -1,
                     SQLITE_STATIC);
  bind_optional_text (stmt, 6, done_date);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 7, id);
  if (!paraat_store_step_done (self, stmt, error))
    goto failed;
  if (id == 0)
    id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND,
                   _("This row no longer exists; it may have been deleted."));
      goto failed;
    }
  if (!paraat_store_commit (self, error))
    goto failed;

  paraat_action_item_set_stored (item, id, uid, NULL, NULL, done_date);
  paraat_store_emit_changed (self, PARAAT_CHANGE_CALENDAR);

  return id;

failed:
  paraat_store_rollback (self);
  return 0;
}
