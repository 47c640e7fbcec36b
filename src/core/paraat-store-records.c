/* paraat-store-records.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading, checking and writing reference records of every kind.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-store-private.h"
#include "paraat-utils.h"

static GPtrArray *
load_records (ParaatStore  *self,
              ParaatKind    kind,
              GError      **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  const char *values[16];
  sqlite3_stmt *stmt;
  int rc;

  g_assert (info->n_fields < G_N_ELEMENTS (values));

  if (!(stmt = paraat_store_prepare (self, info->select_sql, error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < info->n_fields; i++)
        values[i] = (const char *) sqlite3_column_text (stmt, i + 1);
      g_ptr_array_add (records,
                       paraat_record_new (kind, sqlite3_column_int64 (stmt, 0), values,
                                          (const char *) sqlite3_column_text (stmt, info->n_fields + 1),
                                          (const char *) sqlite3_column_text (stmt, info->n_fields + 2)));
    }
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&records);
}

static void
refill (ParaatStore *self,
        ParaatKind   kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = load_records (self, kind, &error);

  if (records == NULL)
    {
      /* The model keeps its old rows; the write itself succeeded. */
      g_warning ("Could not reload %s: %s", paraat_kind_get_info (kind)->id, error->message);
      return;
    }
  g_list_store_splice (self->records[kind], 0, g_list_model_get_n_items (G_LIST_MODEL (self->records[kind])),
                       records->pdata, records->len);
}

/**
 * paraat_store_get_records:
 *
 * Returns: (transfer none): a live model of #ParaatRecord, kept up to date
 *   after every write through this store
 */
GListModel *
paraat_store_get_records (ParaatStore *self,
                          ParaatKind   kind)
{
  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);
  g_return_val_if_fail (kind < PARAAT_N_KINDS, NULL);

  if (self->records[kind] == NULL)
    {
      self->records[kind] = g_list_store_new (PARAAT_TYPE_RECORD);
      refill (self, kind);
    }

  return G_LIST_MODEL (self->records[kind]);
}

/**
 * paraat_store_emit_changed:
 * @kind: the kind written, or %PARAAT_N_KINDS for facts about the file
 *
 * Called after a commit. Titles of one kind show names of another
 * (an assignment shows its region's name), so every loaded model is
 * refilled; the tables are small.
 */
void
paraat_store_emit_changed (ParaatStore *self,
                           ParaatKind   kind)
{
  for (guint i = 0; i < PARAAT_N_KINDS; i++)
    {
      if (self->records[i] != NULL && kind < PARAAT_N_KINDS)
        refill (self, i);
    }

  g_signal_emit_by_name (self, "changed", (guint) kind);
}

ParaatRecord *
paraat_store_find_record (ParaatStore *self,
                          ParaatKind   kind,
                          const char  *key)
{
  GListModel *model = paraat_store_get_records (self, kind);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (paraat_record_get_key (record), key) == 0)
        return g_steal_pointer (&record);
    }

  return NULL;
}

static gboolean
key_exists (ParaatStore *self,
            ParaatKind   kind,
            const char  *key)
{
  const char *sql = paraat_kind_get_info (kind)->find_sql;
  sqlite3_stmt *stmt;
  gboolean found;

  g_assert (sql != NULL);
  if (!(stmt = paraat_store_prepare (self, sql, NULL)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return found;
}

static gboolean
validate_field (ParaatStore        *self,
                const ParaatField  *field,
                const char         *value,
                GError            **error)
{
  const char *label = _(field->label);

  if (value == NULL || *value == '\0')
    {
      if (field->flags & PARAAT_FIELD_FLAG_REQUIRED)
        {
          /* Translators: %s is a field name such as “Code” */
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s” is required."), label);
          return FALSE;
        }
      return TRUE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s” is not valid UTF-8 text."), label);
      return FALSE;
    }

  switch (field->type)
    {
    case PARAAT_FIELD_INT:
      {
        gint64 n;

        if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT32, &n, NULL))
          {
            /* Translators: field name, the bad value */
            g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                         _("“%s”: “%s” is not a whole number."), label, value);
            return FALSE;
          }
      }
      break;

    case PARAAT_FIELD_BOOL:
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s”: “%s” is not yes (1) or no (0)."), label, value);
          return FALSE;
        }
      break;

    case PARAAT_FIELD_DATE:
      if (!paraat_parse_iso_date (value, NULL))
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s”: “%s” is not a date (expected YYYY-MM-DD)."), label, value);
          return FALSE;
        }
      break;

    case PARAAT_FIELD_REF:
      if (!key_exists (self, field->ref_kind, value))
        {
          /* Translators: field name, the bad value, e.g. “Region”: “VR99” does not exist. */
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s”: “%s” does not exist."), label, value);
          return FALSE;
        }
      break;

    case PARAAT_FIELD_TEXT:
    case PARAAT_FIELD_LONG_TEXT:
    default:
      if (field->type == PARAAT_FIELD_TEXT && strchr (value, '\n') != NULL)
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s” must be a single line."), label);
          return FALSE;
        }
      if (field->pattern != NULL && !g_regex_match_simple (field->pattern, value, 0, 0))
        {
          if (field->hint != NULL)
            g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                         /* Translators: field name, the bad value, what is expected */
                         _("“%s”: “%s” is not valid. Expected: %s."), label, value, _(field->hint));
          else
            g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                         _("“%s”: “%s” is not valid."), label, value);
          return FALSE;
        }
      break;
    }

  return TRUE;
}

/**
 * paraat_store_validate_value:
 *
 * Checks one field on its own, so an editor can mark the field at fault.
 */
gboolean
paraat_store_validate_value (ParaatStore  *self,
                             ParaatKind    kind,
                             guint         field,
                             const char   *value,
                             GError      **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (field < info->n_fields, FALSE);

  return validate_field (self, &info->fields[field], value, error);
}

static const char *
value_or_null (const char *value)
{
  return value != NULL && *value != '\0' ? value : NULL;
}

/**
 * paraat_store_validate_record:
 * @id: the record being edited, or 0 for a new one
 * @values: one string per field
 *
 * Checks @values as a planner would be told: each message names the
 * field and what was expected.
 */
gboolean
paraat_store_validate_record (ParaatStore         *self,
                              ParaatKind           kind,
                              gint64               id,
                              const char * const  *values,
                              GError             **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (!validate_field (self, &info->fields[i], values[i], error))
        return FALSE;
    }

  if (info->from_field >= 0 && info->to_field >= 0)
    {
      const char *from = value_or_null (values[info->from_field]);
      const char *to = value_or_null (values[info->to_field]);

      if (from != NULL && to != NULL && strcmp (to, from) <= 0)
        {
          /* Translators: two field names: “Valid until” must be after “Valid from”. */
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s” must be after “%s”."), _(info->fields[info->to_field].label),
                       _(info->fields[info->from_field].label));
          return FALSE;
        }
    }

  /* A region is served by one brigade at a time. */
  if (kind == PARAAT_KIND_ASSIGNMENT)
    {
      sqlite3_stmt *stmt;
      gboolean overlaps;

      stmt = paraat_store_prepare (self,
                                   "SELECT 1 FROM brigade_assignment WHERE region_code = ?1 AND id IS NOT ?2"
                                   " AND valid_from < coalesce (?4, '9999-12-31')"
                                   " AND coalesce (valid_to, '9999-12-31') > ?3",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, values[0], -1, SQLITE_STATIC);
      if (id > 0)
        sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_text (stmt, 3, values[2], -1, SQLITE_STATIC);
      if (value_or_null (values[3]) != NULL)
        sqlite3_bind_text (stmt, 4, values[3], -1, SQLITE_STATIC);
      overlaps = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (overlaps)
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("%s already has a brigade assignment in this period. End that assignment "
                         "first by setting its “Valid until”."), values[0]);
          return FALSE;
        }
    }

  return TRUE;
}

/* SQLite names the column of a failed UNIQUE constraint (“UNIQUE
 * constraint failed: region.number”); turn that into the field's label. */
static void
set_constraint_error (ParaatStore        *self,
                      ParaatKind          kind,
                      const char * const *values,
                      GError            **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  const char *message = sqlite3_errmsg (self->db);
  const char *dot = strrchr (message, '.');
  int primary = sqlite3_extended_errcode (self->db);

  if ((primary == SQLITE_CONSTRAINT_UNIQUE || primary == SQLITE_CONSTRAINT_PRIMARYKEY) && dot != NULL)
    {
      int field = paraat_kind_find_field (kind, dot + 1);

      if (field >= 0)
        {
          /* Translators: field name, the value already taken */
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT,
                       _("“%s”: “%s” is already in use. Choose another value."),
                       _(info->fields[field].label), values && values[field] ? values[field] : "");
          return;
        }
    }
  if (primary == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT,
                   _("Other rows still refer to this one. Change or remove those first."));
      return;
    }

  paraat_store_set_sql_error (self, error);
}

static gboolean
write_record (ParaatStore        *self,
              const char         *sql,
              ParaatKind          kind,
              gint64              id,
              const char * const *values,
              GError            **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  sqlite3_stmt *stmt = paraat_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < info->n_fields; i++)
    paraat_store_bind_value (stmt, i + 1, &info->fields[i], values[i]);
  if (id > 0)
    sqlite3_bind_int64 (stmt, info->n_fields + 1, id);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        set_constraint_error (self, kind, values, error);
      else
        paraat_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Inside a transaction the caller holds; validates first. */
gint64
paraat_store_insert_record (ParaatStore         *self,
                            ParaatKind           kind,
                            const char * const  *values,
                            GError             **error)
{
  if (!paraat_store_validate_record (self, kind, 0, values, error))
    return 0;
  if (!write_record (self, paraat_kind_get_info (kind)->insert_sql, kind, 0, values, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

/**
 * paraat_store_save_record:
 * @id: the record to update, or 0 to add a new one
 *
 * Returns: the record's id, or 0 with @error set; nothing is written then
 */
gint64
paraat_store_save_record (ParaatStore         *self,
                          ParaatKind           kind,
                          gint64               id,
                          const char * const  *values,
                          GError             **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  gint64 result = id;

  g_return_val_if_fail (PARAAT_IS_STORE (self), 0);
  g_return_val_if_fail (info != NULL, 0);
  g_return_val_if_fail (values != NULL, 0);

  if (!paraat_store_begin (self, error))
    return 0;

  if (id > 0)
    {
      if (!paraat_store_validate_record (self, kind, id, values, error) ||
          !write_record (self, info->update_sql, kind, id, values, error))
        goto failed;
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND,
                       _("This row no longer exists; it may have been deleted."));
          goto failed;
        }
    }
  else if ((result = paraat_store_insert_record (self, kind, values, error)) == 0)
    goto failed;

  if (!paraat_store_commit (self, error))
    goto failed;

  paraat_store_emit_changed (self, kind);

  return result;

failed:
  paraat_store_rollback (self);
  return 0;
}

gboolean
paraat_store_delete_record (ParaatStore  *self,
                            ParaatKind    kind,
                            gint64        id,
                            GError      **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (!paraat_store_begin (self, error))
    return FALSE;
  if (!(stmt = paraat_store_prepare (self, info->delete_sql, error)))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        set_constraint_error (self, kind, NULL, error);
      else
        paraat_store_set_sql_error (self, error);
      goto failed;
    }
  if (!paraat_store_commit (self, error))
    goto failed;

  paraat_store_emit_changed (self, kind);

  return TRUE;

failed:
  paraat_store_rollback (self);
  return FALSE;
}

/**
 * paraat_store_count_dependents:
 *
 * How many rows would go with this record if it were deleted (a
 * region's assignments and contacts) or keep it from being deleted (a
 * brigade's assignments). Used to word the confirmation.
 */
guint
paraat_store_count_dependents (ParaatStore *self,
                               ParaatKind   kind,
                               gint64       id)
{
  const char *sql = paraat_kind_get_info (kind)->dependents_sql;
  sqlite3_stmt *stmt;
  guint n = 0;

  if (sql == NULL || !(stmt = paraat_store_prepare (self, sql, NULL)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}
