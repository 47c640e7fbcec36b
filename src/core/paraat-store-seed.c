/* paraat-store-seed.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a new database with the reference data shipped in data/reference
 * (regions, brigades and their mapping, disciplines, exercise types, GRIP
 * levels) and, on request, the demo data in data/demo. The JSON files are
 * compiled into the core's GResource; after seeding they are ordinary,
 * editable rows.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "paraat-core-resources.h"
#include "paraat-import.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

#define REFERENCE_PATH RESOURCE_BASE "/core/reference/"
#define DEMO_PATH RESOURCE_BASE "/core/demo/"

/* Short JSON names for the reference columns */
static const struct {
  const char *json;
  const char *column;
} json_aliases[] = {
  { "region", "region_code" },
  { "brigade", "brigade_id" },
};

static JsonNode *
parse_resource (const char  *path,
                GError     **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (paraat_core_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static int
field_for_member (ParaatKind  kind,
                  const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (json_aliases); i++)
    {
      if (g_str_equal (json_aliases[i].json, member))
        return paraat_kind_find_field (kind, json_aliases[i].column);
    }

  return paraat_kind_find_field (kind, member);
}

/* A JSON value as the text ParaatStore takes for a field. */
static char *
member_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = NULL;

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *s = json_array_get_string_element (array, i);

          if (s != NULL)
            g_strv_builder_add (builder, s);
        }
      parts = g_strv_builder_end (builder);
      return g_strjoinv ("; ", parts);
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "1" : "0");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    default:
      return NULL;
    }
}

typedef char *(*TransformFunc) (const char *member,
                                JsonNode   *node,
                                const char *today,
                                const char **field_name);

/*
 * Inserts every object of the array @member in @file as a record of
 * @kind. Unknown keys are errors, so a typo in a data file does not
 * silently drop a value. @transform may map extra keys (the demo's
 * day offsets) onto fields.
 */
static gboolean
load_array (ParaatStore   *self,
            const char    *dir,
            const char    *file,
            const char    *member,
            ParaatKind     kind,
            TransformFunc  transform,
            const char    *today,
            GError       **error)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  g_autofree char *path = g_strconcat (dir, file, NULL);
  g_autoptr(JsonNode) root = parse_resource (path, error);
  JsonArray *array;

  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), member)))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("%s: expected an object with an array “%s”"), file, member);
      return FALSE;
    }
  array = json_object_get_array_member (json_node_get_object (root), member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      g_ptr_array_set_size (values, info->n_fields + 1);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("%s: “%s” item %u is not an object"), file, member, i + 1);
          return FALSE;
        }

      json_object_iter_init (&iter, json_node_get_object (element));
      while (json_object_iter_next (&iter, &name, &node))
        {
          const char *field_name = name;
          g_autofree char *text = transform ? transform (name, node, today, &field_name) : NULL;
          int field = field_for_member (kind, field_name);

          if (field < 0)
            {
              g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                           _("%s: “%s” item %u: unknown field “%s”"), file, member, i + 1, name);
              return FALSE;
            }
          if (text == NULL)
            text = member_to_text (node);
          g_free (values->pdata[field]);
          values->pdata[field] = g_steal_pointer (&text);
        }

      if (paraat_store_insert_record (self, kind, (const char * const *) values->pdata, error) == 0)
        {
          g_prefix_error (error, _("%s: “%s” item %u: "), file, member, i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * paraat_store_seed_reference:
 *
 * Runs once, in one transaction, right after a new file was created.
 */
gboolean
paraat_store_seed_reference (ParaatStore  *self,
                             GError      **error)
{
  static const struct {
    const char *file;
    const char *member;
    ParaatKind  kind;
  } files[] = {
    { "regions.json", "regions", PARAAT_KIND_REGION },
    { "brigades.json", "brigades", PARAAT_KIND_BRIGADE },
    { "brigades.json", "assignments", PARAAT_KIND_ASSIGNMENT },
    { "disciplines.json", "disciplines", PARAAT_KIND_DISCIPLINE },
    { "exercise-types.json", "exercise_types", PARAAT_KIND_EXERCISE_TYPE },
    { "grip-levels.json", "grip_levels", PARAAT_KIND_GRIP_LEVEL },
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);

  if (!paraat_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      if (!load_array (self, REFERENCE_PATH, files[i].file, files[i].member, files[i].kind,
                       NULL, NULL, error))
        goto failed;
    }

  if (!paraat_store_set_meta (self, "created", created, error) ||
      !paraat_store_set_meta (self, "seeded", "1", error) ||
      !paraat_store_commit (self, error))
    goto failed;

  return TRUE;

failed:
  paraat_store_rollback (self);
  g_prefix_error (error, _("Could not fill the new database with reference data: "));
  return FALSE;
}

/* The demo's postings are given as days before or after the day the
 * demo is made, so the data set looks current whenever it is created. */
static char *
transform_demo_offsets (const char  *member,
                        JsonNode    *node,
                        const char  *today,
                        const char **field_name)
{
  if (g_str_equal (member, "from_offset_days") || g_str_equal (member, "to_offset_days"))
    {
      *field_name = member[0] == 'f' ? "valid_from" : "valid_to";
      if (JSON_NODE_HOLDS_NULL (node))
        return NULL;
      return paraat_iso_add_days (today, json_node_get_int (node));
    }

  return NULL;
}

/**
 * paraat_store_fill_demo:
 * @today: (nullable): the day the demo is made, %NULL for today; the
 *   offsets in the demo files count from it
 *
 * Adds the fictional demo data set and marks the file as a demo.
 */
gboolean
paraat_store_fill_demo (ParaatStore  *self,
                        GDate        *today,
                        GError      **error)
{
  g_autofree char *today_iso = NULL;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  today_iso = today ? paraat_date_to_iso (today) : paraat_today_iso ();

  if (!paraat_store_begin (self, error))
    return FALSE;
  if (!load_array (self, DEMO_PATH, "contacts.json", "contacts", PARAAT_KIND_CONTACT,
                   transform_demo_offsets, today_iso, error) ||
      !paraat_store_fill_demo_calendar (self, today_iso, error) ||
      !paraat_store_fill_demo_defence (self, error) ||
      !paraat_store_set_meta (self, "demo", "1", error) ||
      !paraat_store_commit (self, error))
    {
      paraat_store_rollback (self);
      g_prefix_error (error, _("Could not add the demo data: "));
      return FALSE;
    }

  paraat_store_emit_changed (self, PARAAT_KIND_CONTACT);
  paraat_store_emit_changed (self, PARAAT_N_KINDS + 1);
  paraat_store_emit_changed (self, PARAAT_CHANGE_SOURCES);

  return TRUE;
}
