/* paraat-scope.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "paraat-scope.h"
#include "paraat-store-private.h"

struct _ParaatScope
{
  gatomicrefcount  ref_count;
  ParaatScopeKind  kind;
  char            *id;
  /* Filled by paraat_scope_resolve(); NULL for an unresolved scope. */
  GHashTable      *regions;   /* region codes in scope */
  GHashTable      *brigades;  /* brigades serving them */
};

G_DEFINE_BOXED_TYPE (ParaatScope, paraat_scope, paraat_scope_ref, paraat_scope_unref)

static ParaatScope *
scope_new (ParaatScopeKind  kind,
           const char      *id)
{
  ParaatScope *self = g_new0 (ParaatScope, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->id = g_strdup (id);

  return self;
}

ParaatScope *
paraat_scope_ref (ParaatScope *self)
{
  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
paraat_scope_unref (ParaatScope *self)
{
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->regions, g_hash_table_unref);
      g_clear_pointer (&self->brigades, g_hash_table_unref);
      g_free (self->id);
      g_free (self);
    }
}

/**
 * paraat_scope_parse:
 * @text: "all", "region:CODE" or "brigade:ID"; a bare region code
 *   such as "VR05" is accepted too
 */
ParaatScope *
paraat_scope_parse (const char  *text,
                    GError     **error)
{
  if (text == NULL || *text == '\0' || g_str_equal (text, "all"))
    return scope_new (PARAAT_SCOPE_ALL, NULL);
  if (g_str_has_prefix (text, "region:") && text[7] != '\0')
    return scope_new (PARAAT_SCOPE_REGION, text + 7);
  if (g_str_has_prefix (text, "brigade:") && text[8] != '\0')
    return scope_new (PARAAT_SCOPE_BRIGADE, text + 8);
  if (g_regex_match_simple ("^VR[0-9]{2}$", text, 0, 0))
    return scope_new (PARAAT_SCOPE_REGION, text);

  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
               _("“%s” is not a scope. Use “all”, “region:VR05” or “brigade:43MB”."), text);

  return NULL;
}

/**
 * paraat_scope_resolve:
 * @iso_date: the day whose brigade mapping counts
 *
 * Parses @text and works out which regions and brigades it covers on
 * @iso_date. An unknown region or brigade is an error.
 */
ParaatScope *
paraat_scope_resolve (ParaatStore  *store,
                      const char   *text,
                      const char   *iso_date,
                      GError      **error)
{
  g_autoptr(ParaatScope) self = paraat_scope_parse (text, error);
  sqlite3_stmt *stmt;
  const char *sql;

  if (self == NULL)
    return NULL;

  self->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->brigades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  switch (self->kind)
    {
    case PARAAT_SCOPE_REGION:
      sql = "SELECT r.code, a.brigade_id FROM region r LEFT JOIN brigade_assignment a"
            " ON a.region_code = r.code AND a.valid_from <= ?2 AND (a.valid_to IS NULL OR a.valid_to > ?2)"
            " WHERE r.code = ?1";
      break;

    case PARAAT_SCOPE_BRIGADE:
      sql = "SELECT a.region_code, b.id FROM brigade b LEFT JOIN brigade_assignment a"
            " ON a.brigade_id = b.id AND a.valid_from <= ?2 AND (a.valid_to IS NULL OR a.valid_to > ?2)"
            " WHERE b.id = ?1";
      break;

    case PARAAT_SCOPE_ALL:
    default:
      sql = "SELECT r.code, a.brigade_id FROM region r LEFT JOIN brigade_assignment a"
            " ON a.region_code = r.code AND a.valid_from <= ?2 AND (a.valid_to IS NULL OR a.valid_to > ?2)"
            " WHERE ?1 IS NULL";
      break;
    }

  if (!(stmt = paraat_store_prepare (store, sql, error)))
    return NULL;
  if (self->id != NULL)
    sqlite3_bind_text (stmt, 1, self->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, iso_date, -1, SQLITE_STATIC);

  {
    gboolean any = FALSE;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *region = (const char *) sqlite3_column_text (stmt, 0);
        const char *brigade = (const char *) sqlite3_column_text (stmt, 1);

        any = TRUE;
        if (region != NULL)
          g_hash_table_add (self->regions, g_strdup (region));
        if (brigade != NULL)
          g_hash_table_add (self->brigades, g_strdup (brigade));
      }
    sqlite3_reset (stmt);

    if (!any && self->kind != PARAAT_SCOPE_ALL)
      {
        g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND,
                     self->kind == PARAAT_SCOPE_REGION
                     ? _("There is no region “%s”. “paraat-cli regions list” shows the codes.")
                     : _("There is no brigade “%s”."),
                     self->id);
        return NULL;
      }
  }

  return g_steal_pointer (&self);
}

ParaatScopeKind
paraat_scope_get_kind (ParaatScope *self)
{
  return self->kind;
}

const char *
paraat_scope_get_id (ParaatScope *self)
{
  return self->id;
}

char *
paraat_scope_to_string (ParaatScope *self)
{
  switch (self->kind)
    {
    case PARAAT_SCOPE_REGION:
      return g_strconcat ("region:", self->id, NULL);
    case PARAAT_SCOPE_BRIGADE:
      return g_strconcat ("brigade:", self->id, NULL);
    case PARAAT_SCOPE_ALL:
    default:
      return g_strdup ("all");
    }
}

gboolean
paraat_scope_contains_region (ParaatScope *self,
                              const char  *region_code)
{
  if (self->kind == PARAAT_SCOPE_ALL)
    return TRUE;
  g_return_val_if_fail (self->regions != NULL, TRUE);

  return region_code != NULL && g_hash_table_contains (self->regions, region_code);
}

/**
 * paraat_scope_contains_record:
 *
 * Region-bound records (assignments, contacts) are in scope with their
 * region, brigades when they serve a region in scope. Kinds bound to no
 * region (disciplines, exercise types, GRIP levels) are always in scope.
 */
gboolean
paraat_scope_contains_record (ParaatScope  *self,
                              ParaatRecord *record)
{
  const ParaatKindInfo *info = paraat_kind_get_info (paraat_record_get_kind (record));

  if (self->kind == PARAAT_SCOPE_ALL)
    return TRUE;
  g_return_val_if_fail (self->regions != NULL, TRUE);

  if (info->region_field >= 0)
    return paraat_scope_contains_region (self, paraat_record_get_value (record, info->region_field));
  if (info->brigade_field >= 0)
    {
      const char *brigade = paraat_record_get_value (record, info->brigade_field);

      if (self->kind == PARAAT_SCOPE_BRIGADE)
        return g_strcmp0 (brigade, self->id) == 0;
      return brigade != NULL && g_hash_table_contains (self->brigades, brigade);
    }

  return TRUE;
}
