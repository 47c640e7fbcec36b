/* paraat-store-sources.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQL of calendar sources and their events: listing and editing the
 * sources, the events for the calendar views and for alignment, the
 * read-only snapshot an import plan compares its files with (on its own
 * connection, in the plan's thread) and the writes of the import.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-conflicts.h"
#include "paraat-exercise-private.h"
#include "paraat-import-private.h"
#include "paraat-store-private.h"

/* Sources */

#define SOURCE_COLUMNS \
  "s.id, s.name, s.organisation, s.colour, s.kind, s.visible, ifnull (s.last_import_utc, 0), s.last_file," \
  " (SELECT count (*) FROM source_event e WHERE e.source_id = s.id AND e.removed = 0)"

static ParaatSource *
source_from_row (sqlite3_stmt *stmt)
{
  ParaatSource *source = paraat_source_new ((const char *) sqlite3_column_text (stmt, 1));

  source->id = sqlite3_column_int64 (stmt, 0);
  paraat_source_set_organisation (source, (const char *) sqlite3_column_text (stmt, 2));
  paraat_source_set_colour (source, (const char *) sqlite3_column_text (stmt, 3));
  paraat_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 4), &source->kind);
  source->visible = sqlite3_column_int (stmt, 5) != 0;
  source->last_import_utc = sqlite3_column_int64 (stmt, 6);
  g_free (source->last_file);
  source->last_file = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  source->n_events = sqlite3_column_int (stmt, 8);

  return source;
}

/**
 * paraat_store_list_sources:
 *
 * Returns: (transfer full) (element-type ParaatSource): every calendar
 *   source, by name
 */
GPtrArray *
paraat_store_list_sources (ParaatStore  *self,
                           GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  stmt = paraat_store_prepare (self, "SELECT " SOURCE_COLUMNS " FROM calendar_source s ORDER BY s.name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, source_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&out);
}

static void
set_source_not_found (GError     **error,
                      const char  *name)
{
  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is the name of an imported calendar */
               _("There is no calendar source “%s”."), name);
}

/**
 * paraat_store_find_source:
 *
 * Returns: (transfer full): the source called @name, or %NULL with
 *   %PARAAT_STORE_ERROR_NOT_FOUND
 */
ParaatSource *
paraat_store_find_source (ParaatStore  *self,
                          const char   *name,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  ParaatSource *source = NULL;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = paraat_store_prepare (self, "SELECT " SOURCE_COLUMNS " FROM calendar_source s WHERE s.name = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    source = source_from_row (stmt);
  else if (rc == SQLITE_DONE)
    set_source_not_found (error, name);
  else
    paraat_store_set_sql_error (self, error);
  sqlite3_reset (stmt);

  return source;
}

/**
 * paraat_store_save_source:
 * @source: a new source (id 0) or one read from this store; its id is set
 *
 * Adds or updates a source's name, organisation, colour, kind and
 * visibility. Its events and last import stay as they are.
 */
gboolean
paraat_store_save_source (ParaatStore   *self,
                          ParaatSource  *source,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (PARAAT_IS_SOURCE (source), FALSE);

  if (source->name == NULL || *g_strstrip (source->name) == '\0')
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("A calendar source needs a name."));
      return FALSE;
    }

  if (source->id == 0)
    stmt = paraat_store_prepare (self, "INSERT INTO calendar_source (name, organisation, colour, kind, visible)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  else
    stmt = paraat_store_prepare (self, "UPDATE calendar_source SET name = ?1, organisation = ?2, colour = ?3,"
                                       " kind = ?4, visible = ?5 WHERE id = ?6", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, source->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, source->organisation, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, source->colour, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, paraat_source_kind_to_string (source->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, source->visible ? 1 : 0);
  if (source->id != 0)
    sqlite3_bind_int64 (stmt, 6, source->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT,
                     _("“%s”: “%s” is already in use. Choose another value."), _("Name"), source->name);
      else
        paraat_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (source->id == 0)
    source->id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      set_source_not_found (error, source->name);
      return FALSE;
    }
  paraat_store_emit_changed (self, PARAAT_CHANGE_SOURCES);

  return TRUE;
}

/**
 * paraat_store_delete_source:
 *
 * Deletes a source with all its events. Exercises imported from a
 * region's export stay: they are the calendar's own from then on.
 */
gboolean
paraat_store_delete_source (ParaatStore  *self,
                            const char   *name,
                            GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(stmt = paraat_store_prepare (self, "DELETE FROM calendar_source WHERE name = ?1", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!paraat_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      set_source_not_found (error, name);
      return FALSE;
    }
  paraat_store_emit_changed (self, PARAAT_CHANGE_SOURCES);

  return TRUE;
}

/* Events as calendar items */

static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  parts = g_strsplit (text, ";", -1);
  builder = g_strv_builder_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*g_strstrip (parts[i]) != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static ParaatExerciseStatus
status_from_column (const char *status)
{
  if (g_strcmp0 (status, "cancelled") == 0)
    return PARAAT_EXERCISE_STATUS_CANCELLED;
  if (g_strcmp0 (status, "tentative") == 0)
    return PARAAT_EXERCISE_STATUS_PLANNED;
  return PARAAT_EXERCISE_STATUS_CONFIRMED;
}

/* The same instant as a RECURRENCE-ID is stored: UTC, or a date */
static char *
format_recurrence_key (gint64   utc,
                       gboolean all_day,
                       GTimeZone *zone)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = all_day ? g_date_time_to_timezone (dt, zone) : NULL;

  return all_day ? g_date_time_format (local, "%Y%m%d") : g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

#define EVENT_COLUMNS \
  "e.uid, e.recurrence_id, e.summary, e.location, e.start_utc, e.end_utc, e.tzid, e.all_day, e.rrule," \
  " e.status, e.removed, e.region_code, e.regions, e.units, e.availability, s.name, s.organisation, s.colour," \
  " s.id, e.description"

static ParaatCalendarItem *
item_from_row (sqlite3_stmt *stmt,
               gint64        start,
               gint64        end)
{
  ParaatCalendarItem *item = paraat_calendar_item_new (PARAAT_ITEM_SOURCE_EXTERNAL,
                                                       (const char *) sqlite3_column_text (stmt, 0),
                                                       (const char *) sqlite3_column_text (stmt, 2),
                                                       start, end);
  const char *tzid = (const char *) sqlite3_column_text (stmt, 6);
  const char *region = (const char *) sqlite3_column_text (stmt, 11);

  item->all_day = sqlite3_column_int (stmt, 7) != 0;
  item->tzid = tzid != NULL && *tzid != '\0' ? g_strdup (tzid) : NULL;
  item->status = status_from_column ((const char *) sqlite3_column_text (stmt, 9));
  item->removed = sqlite3_column_int (stmt, 10) != 0;
  item->region_code = region != NULL && *region != '\0' ? g_strdup (region) : NULL;
  item->regions = split_list ((const char *) sqlite3_column_text (stmt, 12));
  item->units = split_list ((const char *) sqlite3_column_text (stmt, 13));
  if (!paraat_availability_from_string ((const char *) sqlite3_column_text (stmt, 14), &item->availability))
    item->availability = PARAAT_AVAILABILITY_COMMITTED;
  item->calendar = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  item->organisation = g_strdup ((const char *) sqlite3_column_text (stmt, 16));
  item->colour = g_strdup ((const char *) sqlite3_column_text (stmt, 17));
  item->calendar_id = sqlite3_column_int64 (stmt, 18);
  item->location = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  item->description = g_strdup ((const char *) sqlite3_column_text (stmt, 19));

  return item;
}

/* One item per occurrence of a recurring event within [from, to), at
 * most PARAAT_MAX_OCCURRENCES, leaving out the occurrences a row with a
 * RECURRENCE-ID replaces. */
static void
expand_event (sqlite3_stmt *stmt,
              gint64        from_utc,
              gint64        to_utc,
              GHashTable   *overrides,
              GPtrArray    *items)
{
  const char *uid = (const char *) sqlite3_column_text (stmt, 0);
  const char *rrule = (const char *) sqlite3_column_text (stmt, 8);
  const char *tzid = (const char *) sqlite3_column_text (stmt, 6);
  gint64 start = sqlite3_column_int64 (stmt, 4);
  gint64 end = sqlite3_column_int64 (stmt, 5);
  gboolean all_day = sqlite3_column_int (stmt, 7) != 0;
  struct icalrecurrencetype recur;
  icalrecur_iterator *iter;
  icaltimezone *zone;
  g_autoptr(GTimeZone) gzone = NULL;
  icaltimetype dt, next;

  if (rrule == NULL || *rrule == '\0' || !paraat_store_parse_rrule (rrule, &recur, NULL))
    {
      if (start < to_utc && (end > from_utc || (end == start && start >= from_utc)))
        g_ptr_array_add (items, item_from_row (stmt, start, end));
      return;
    }

  zone = tzid != NULL && *tzid != '\0' ? icaltimezone_get_builtin_timezone (tzid) : NULL;
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone (all_day ? "Europe/Amsterdam" : "UTC");
  if (zone == NULL)
    zone = icaltimezone_get_utc_timezone ();
  gzone = paraat_store_zone_for (icaltimezone_get_location (zone));
  dt = icaltime_from_timet_with_zone (start, all_day, zone);
  if (!all_day)
    dt.zone = zone;
  iter = icalrecur_iterator_new (recur, dt);
  if (iter == NULL)
    return;

  for (guint n = 0; n < PARAAT_MAX_OCCURRENCES; n++)
    {
      gint64 occ_start, occ_end;

      next = icalrecur_iterator_next (iter);
      if (icaltime_is_null_time (next))
        break;
      occ_start = icaltime_as_timet_with_zone (next, zone);
      if (occ_start >= to_utc)
        break;
      occ_end = occ_start + (end - start);
      if (occ_end <= from_utc && !(occ_end == occ_start && occ_start >= from_utc))
        continue;
      if (overrides != NULL)
        {
          g_autofree char *rid = format_recurrence_key (occ_start, all_day, gzone);
          g_autofree char *key = paraat_import_event_key (uid, rid);

          if (g_hash_table_contains (overrides, key))
            continue;
        }
      g_ptr_array_add (items, item_from_row (stmt, occ_start, occ_end));
    }
  icalrecur_iterator_free (iter);
}

static gboolean
in_scope (ParaatScope        *scope,
          ParaatCalendarItem *item)
{
  if (scope == NULL || paraat_scope_get_kind (scope) == PARAAT_SCOPE_ALL)
    return TRUE;

  return paraat_store_regions_in_scope (scope, item->region_code, (const char * const *) item->regions);
}

/* The calendar views' scope (and so a merged export's): an event that
 * names a region in scope, or one that names no region at all, such as
 * a unit's own exercise on a brigade's calendar. */
static gboolean
in_view_scope (ParaatScope        *scope,
               ParaatCalendarItem *item)
{
  if (item->region_code == NULL && item->regions == NULL)
    return TRUE;

  return in_scope (scope, item);
}

/* Rows of visible sources overlapping [from, to), or recurring */
static gboolean
collect_source_events (ParaatStore  *self,
                       ParaatScope  *scope,
                       gint64        from_utc,
                       gint64        to_utc,
                       gboolean      for_alignment,
                       GPtrArray    *items,
                       GError      **error)
{
  g_autoptr(GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_calendar_item_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = paraat_store_prepare (self, "SELECT uid, recurrence_id FROM source_event e"
                                     " JOIN calendar_source s ON s.id = e.source_id"
                                     " WHERE s.visible = 1 AND e.recurrence_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (overrides, paraat_import_event_key ((const char *) sqlite3_column_text (stmt, 0),
                                                          (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return FALSE;
    }

  stmt = paraat_store_prepare (self, "SELECT " EVENT_COLUMNS " FROM source_event e"
                                     " JOIN calendar_source s ON s.id = e.source_id"
                                     " WHERE s.visible = 1 AND e.start_utc < ?2"
                                     " AND (e.end_utc > ?1 OR e.start_utc >= ?1 OR e.rrule <> '')"
                                     " AND (?3 = 0 OR e.removed = 0)"
                                     " ORDER BY e.start_utc, e.uid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  sqlite3_bind_int (stmt, 3, for_alignment ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    expand_event (stmt, from_utc, to_utc, sqlite3_column_type (stmt, 1) == SQLITE_NULL ? overrides : NULL, found);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return FALSE;
    }

  for (guint i = 0; i < found->len; i++)
    {
      ParaatCalendarItem *item = found->pdata[i];

      if (in_scope (scope, item))
        g_ptr_array_add (items, paraat_calendar_item_ref (item));
    }

  return TRUE;
}

static int
compare_items_by_start (gconstpointer a,
                        gconstpointer b)
{
  const ParaatCalendarItem *x = *(ParaatCalendarItem * const *) a;
  const ParaatCalendarItem *y = *(ParaatCalendarItem * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  return g_strcmp0 (x->uid, y->uid);
}

/**
 * paraat_store_list_source_events:
 * @scope: (nullable): keeps events that name a region in it; %NULL for all
 * @from_utc: start of the period (inclusive)
 * @to_utc: end of the period (exclusive)
 *
 * The events of the visible calendar sources for the calendar views:
 * one item per occurrence, cancelled and removed ones included (their
 * status and removed field say so, for showing them struck through).
 *
 * Returns: (transfer full) (element-type ParaatCalendarItem): by start
 */
GPtrArray *
paraat_store_list_source_events (ParaatStore  *self,
                                 ParaatScope  *scope,
                                 gint64        from_utc,
                                 gint64        to_utc,
                                 GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_calendar_item_unref);

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  if (!collect_source_events (self, scope, from_utc, to_utc, FALSE, items, error))
    return NULL;
  g_ptr_array_sort (items, compare_items_by_start);

  return g_steal_pointer (&items);
}

static ParaatExercise *
exercise_from_item (ParaatCalendarItem *item)
{
  ParaatExercise *ex = paraat_exercise_new ();
  g_autofree char *units = item->units != NULL ? g_strjoinv ("; ", item->units) : NULL;

  paraat_exercise_set_uid (ex, item->uid);
  paraat_exercise_set_title (ex, item->title);
  paraat_exercise_set_description (ex, item->description);
  paraat_exercise_set_location (ex, item->location);
  paraat_exercise_set_region_code (ex, item->region_code);
  paraat_exercise_set_regions (ex, (const char * const *) item->regions);
  paraat_exercise_set_defence_units (ex, units);
  paraat_exercise_set_status (ex, item->removed ? PARAAT_EXERCISE_STATUS_CANCELLED : item->status);
  if (item->tzid == NULL || !paraat_exercise_set_tzid (ex, item->tzid))
    paraat_exercise_set_tzid (ex, PARAAT_DEFAULT_TZID);
  ex->start_utc = item->start_utc;
  ex->end_utc = item->end_utc;
  ex->all_day = item->all_day;
  paraat_exercise_set_calendar (ex, item->calendar_id, item->calendar, item->organisation, item->colour,
                                item->removed);

  return ex;
}

/**
 * paraat_store_list_source_exercises:
 * @scope: (nullable): keeps events that name a region in it, and those
 *   that name no region at all (a unit's own exercise on a brigade's
 *   calendar); %NULL for all
 * @from_utc: start of the period (inclusive)
 * @to_utc: end of the period (exclusive)
 *
 * The events of the visible calendar sources as read-only exercises for
 * the calendar views, one per occurrence: see
 * paraat_exercise_is_imported(). Removed events are kept, as cancelled
 * ones (paraat_exercise_is_removed() tells them apart).
 *
 * Returns: (transfer full) (element-type ParaatExercise): by start
 */
GPtrArray *
paraat_store_list_source_exercises (ParaatStore  *self,
                                    ParaatScope  *scope,
                                    gint64        from_utc,
                                    gint64        to_utc,
                                    GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_calendar_item_unref);
  g_autoptr(GPtrArray) exercises = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  if (!collect_source_events (self, NULL, from_utc, to_utc, FALSE, items, error))
    return NULL;
  g_ptr_array_sort (items, compare_items_by_start);
  for (guint i = 0; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];

      if (!in_view_scope (scope, item))
        continue;
      g_ptr_array_add (exercises, exercise_from_item (item));
    }

  return g_steal_pointer (&exercises);
}

void
paraat_source_raw_free (ParaatSourceRaw *raw)
{
  if (raw == NULL)
    return;
  g_free (raw->calendar);
  g_free (raw->raw);
  g_free (raw);
}

static char *
calendar_uid_key (const char *calendar,
                  const char *uid)
{
  return g_strconcat (calendar, "\x1f", uid, NULL);
}

/**
 * paraat_store_list_source_raw:
 * @scope: (nullable): as for paraat_store_list_source_exercises()
 *
 * The stored VEVENTs behind paraat_store_list_source_events() of the
 * same period and scope, for a merged export: one row per event, a
 * recurring one once with the rows that change one of its occurrences.
 * An event is in when one of its occurrences is; removed rows are left
 * out, cancelled ones stay.
 *
 * Returns: (transfer full) (element-type ParaatSourceRaw): by source
 *   name, UID and RECURRENCE-ID
 */
GPtrArray *
paraat_store_list_source_raw (ParaatStore  *self,
                              ParaatScope  *scope,
                              gint64        from_utc,
                              gint64        to_utc,
                              GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_source_raw_free);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  /* The calendar views' selection, so both always agree */
  if (!(items = paraat_store_list_source_events (self, NULL, from_utc, to_utc, error)))
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];

      if (!item->removed && in_view_scope (scope, item))
        g_hash_table_add (wanted, calendar_uid_key (item->calendar, item->uid));
    }
  if (g_hash_table_size (wanted) == 0)
    return g_steal_pointer (&out);

  stmt = paraat_store_prepare (self, "SELECT s.name, e.uid, e.raw, e.start_utc, e.end_utc,"
                                     " ifnull (s.last_import_utc, 0), e.status = 'cancelled'"
                                     " FROM source_event e JOIN calendar_source s ON s.id = e.source_id"
                                     " WHERE s.visible = 1 AND e.removed = 0 AND e.raw <> ''"
                                     " ORDER BY s.name, e.uid, ifnull (e.recurrence_id, '')", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = calendar_uid_key ((const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1));
      ParaatSourceRaw *raw;

      if (!g_hash_table_contains (wanted, key))
        continue;
      raw = g_new0 (ParaatSourceRaw, 1);
      raw->calendar = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      raw->raw = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      raw->start_utc = sqlite3_column_int64 (stmt, 3);
      raw->end_utc = sqlite3_column_int64 (stmt, 4);
      raw->imported_utc = sqlite3_column_int64 (stmt, 5);
      raw->cancelled = sqlite3_column_int (stmt, 6) != 0;
      g_ptr_array_add (out, raw);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&out);
}

/* For paraat_store_list_calendar_items(): removed events are gone as far
 * as alignment is concerned; cancelled ones stay, the rules skip them. */
gboolean
paraat_store_append_source_items (ParaatStore  *self,
                                  gint64        from_utc,
                                  gint64        to_utc,
                                  GPtrArray    *items,
                                  GError      **error)
{
  return collect_source_events (self, NULL, from_utc, to_utc, TRUE, items, error);
}

/* The import plan's snapshot: its own connection, in its own thread.
 * One thread at a time uses it, so SQLite need not lock it for each
 * call (SQLITE_OPEN_NOMUTEX). */

sqlite3 *
paraat_import_snapshot_open (const char  *path,
                             GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  /* One read transaction for the whole plan: the events are compared
   * with one state of the store (WAL lets the store's own connection
   * write meanwhile), and no query takes the locks again. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA query_only = ON; BEGIN", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN, "%s: %s", path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 5000);

  return db;
}

void
paraat_import_snapshot_close (sqlite3 *db)
{
  sqlite3_stmt *stmt;

  if (db == NULL)
    return;
  while ((stmt = sqlite3_next_stmt (db, NULL)) != NULL)
    sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* The connection keeps its statements until paraat_import_snapshot_close(),
 * as the plan asks the same few questions for every event; parsing them
 * each time was a fifth of the plan. */
static sqlite3_stmt *
find_statement (sqlite3    *db,
                const char *sql)
{
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      if (!sqlite3_stmt_busy (stmt) && g_strcmp0 (sqlite3_sql (stmt), sql) == 0)
        {
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          return stmt;
        }
    }

  return NULL;
}

static gboolean
snapshot_prepare (sqlite3       *db,
                  const char    *sql,
                  sqlite3_stmt **stmt,
                  GError       **error)
{
  if ((*stmt = find_statement (db, sql)) != NULL)
    return TRUE;
  if (sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SQL, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
snapshot_finish (sqlite3       *db,
                 sqlite3_stmt  *stmt,
                 int            rc,
                 GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SQL, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* FALSE with no error: not there */
gboolean
paraat_import_snapshot_find_source (sqlite3           *db,
                                    const char        *name,
                                    gint64            *id,
                                    ParaatSourceKind  *kind,
                                    GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!snapshot_prepare (db, "SELECT id, kind FROM calendar_source WHERE name = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      paraat_source_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), kind);
    }

  return snapshot_finish (db, stmt, rc, error) && rc == SQLITE_ROW;
}

/* TRUE as well when the query fails: then the lookups report it */
gboolean
paraat_import_snapshot_has_exercises (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean has = TRUE;
  int rc;

  if (!snapshot_prepare (db, "SELECT EXISTS (SELECT 1 FROM exercise)", &stmt, NULL))
    return TRUE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    has = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);

  return has;
}

gboolean
paraat_import_snapshot_find_exercise (sqlite3     *db,
                                      const char  *uid,
                                      gint64      *id,
                                      guint       *sequence,
                                      gboolean    *deleted,
                                      GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!snapshot_prepare (db, "SELECT id, sequence, deleted FROM exercise WHERE uid = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      *sequence = sqlite3_column_int (stmt, 1);
      *deleted = sqlite3_column_int (stmt, 2) != 0;
    }

  return snapshot_finish (db, stmt, rc, error) && rc == SQLITE_ROW;
}

gboolean
paraat_import_snapshot_has_code (sqlite3    *db,
                                 const char *table,
                                 const char *code)
{
  static const char * const queries[][2] = {
    { "region", "SELECT 1 FROM region WHERE code = ?1" },
    { "exercise_type", "SELECT 1 FROM exercise_type WHERE code = ?1" },
    { "grip_level", "SELECT 1 FROM grip_level WHERE code = ?1" },
    { "discipline", "SELECT 1 FROM discipline WHERE code = ?1" },
  };
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      if (!g_str_equal (queries[i][0], table))
        continue;
      if (!snapshot_prepare (db, queries[i][1], &stmt, NULL))
        return FALSE;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
    }

  return found;
}

static void
region_name_clear (gpointer data)
{
  ParaatRegionName *name = data;

  g_free (name->needle);
  g_free (name->code);
}

static void
add_region_name (GArray     *names,
                 const char *needle,
                 const char *code)
{
  ParaatRegionName name;
  g_autofree char *stripped = g_strstrip (g_strdup (needle));

  /* Two letters would match too much ordinary text. */
  if (g_utf8_strlen (stripped, -1) < 3)
    return;
  name.needle = g_utf8_casefold (stripped, -1);
  name.code = g_strdup (code);
  g_array_append_val (names, name);
}

/* Each region's code, name and aliases, casefolded, longest first so
 * that "Zuid-Holland Zuid" wins over "Zuid-Holland" */
static int
compare_names_by_length (gconstpointer a,
                         gconstpointer b)
{
  const ParaatRegionName *x = a;
  const ParaatRegionName *y = b;
  size_t lx = strlen (x->needle), ly = strlen (y->needle);

  if (lx != ly)
    return lx > ly ? -1 : 1;
  return g_strcmp0 (x->needle, y->needle);
}

GArray *
paraat_import_snapshot_region_names (sqlite3  *db,
                                     GError  **error)
{
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (ParaatRegionName));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_array_set_clear_func (names, region_name_clear);
  /* Asked once per plan, and also on the store's own connection (the
   * demo's Defence calendar): a statement of its own, not a kept one,
   * so the store can close. */
  if (sqlite3_prepare_v2 (db, "SELECT code, name, aliases FROM region ORDER BY code", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SQL, "%s", sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      g_auto(GStrv) aliases = g_strsplit ((const char *) sqlite3_column_text (stmt, 2), ";", -1);

      add_region_name (names, code, code);
      add_region_name (names, (const char *) sqlite3_column_text (stmt, 1), code);
      for (guint i = 0; aliases[i] != NULL; i++)
        add_region_name (names, aliases[i], code);
    }
  if (!snapshot_finish (db, stmt, rc, error))
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);
  g_array_sort (names, compare_names_by_length);

  return g_steal_pointer (&names);
}

char *
paraat_import_snapshot_find_event_source (sqlite3     *db,
                                          const char  *uid,
                                          const char  *recurrence_id,
                                          gint64       except_id,
                                          GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;
  int rc;

  if (!snapshot_prepare (db, "SELECT s.name FROM source_event e JOIN calendar_source s ON s.id = e.source_id"
                             " WHERE e.uid = ?1 AND ifnull (e.recurrence_id, '') = ?2 AND e.source_id <> ?3"
                             " ORDER BY s.name LIMIT 1", &stmt, error))
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, recurrence_id ? recurrence_id : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, except_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (!snapshot_finish (db, stmt, rc, error))
    g_clear_pointer (&name, g_free);

  return name;
}

char *
paraat_import_event_key (const char *uid,
                         const char *recurrence_id)
{
  return g_strconcat (uid, "\x1f", recurrence_id ? recurrence_id : "", NULL);
}

GHashTable *
paraat_import_snapshot_source_events (sqlite3  *db,
                                      gint64    source_id,
                                      GError  **error)
{
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!snapshot_prepare (db, "SELECT id, uid, recurrence_id, sequence, summary, start_utc, end_utc, all_day,"
                             " removed FROM source_event WHERE source_id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParaatImportEvent *event = paraat_import_event_new ();

      event->existing_id = sqlite3_column_int64 (stmt, 0);
      event->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      event->recurrence_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      event->sequence = sqlite3_column_int (stmt, 3);
      event->summary = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      event->start_utc = sqlite3_column_int64 (stmt, 5);
      event->end_utc = sqlite3_column_int64 (stmt, 6);
      event->all_day = sqlite3_column_int (stmt, 7) != 0;
      event->state = sqlite3_column_int (stmt, 8) ? PARAAT_IMPORT_STATE_REMOVED : PARAAT_IMPORT_STATE_UNCHANGED;
      g_hash_table_insert (events, paraat_import_event_key (event->uid, event->recurrence_id), event);
    }
  if (!snapshot_finish (db, stmt, rc, error))
    return NULL;

  return g_steal_pointer (&events);
}

/* The import's writes, inside paraat_import_plan_apply()'s transaction */

gint64
paraat_store_import_ensure_source (ParaatStore       *self,
                                   const char        *name,
                                   ParaatSourceKind   kind,
                                   const char        *organisation,
                                   const char        *colour,
                                   const char        *last_file,
                                   GError           **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  /* A new source gets what the plan says; an existing one keeps its kind,
   * and its organisation and colour unless the plan names new ones. */
  stmt = paraat_store_prepare (self, "INSERT INTO calendar_source (name, organisation, colour, kind)"
                                     " VALUES (?1, ifnull (?2, ''), ifnull (?3, ''), ?4)"
                                     " ON CONFLICT (name) DO UPDATE SET"
                                     " organisation = ifnull (?2, organisation), colour = ifnull (?3, colour)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (organisation != NULL)
    sqlite3_bind_text (stmt, 2, organisation, -1, SQLITE_TRANSIENT);
  if (colour != NULL)
    sqlite3_bind_text (stmt, 3, colour, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, paraat_source_kind_to_string (kind), -1, SQLITE_STATIC);
  if (!paraat_store_step_done (self, stmt, error))
    return 0;

  stmt = paraat_store_prepare (self, "UPDATE calendar_source SET last_import_utc = ?2, last_file = ?3"
                                     " WHERE name = ?1 RETURNING id", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 3, last_file ? last_file : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      paraat_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return 0;
    }
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  return id;
}

/*
 * Off only inside paraat_import_run()'s transaction. Every value it
 * writes is refused by the readers or validate_exercise() when wrong,
 * or made by the import itself (an enum's name, 0 or 1, a start before
 * its end), so the tables' CHECKs would only check it again, and they
 * are not free: SQLite 3.40 builds a temporary index for each
 * CHECK (x IN (…)) of more than two values on every row it writes, a
 * quarter of the instructions of an import of exercises. The foreign
 * keys and the UNIQUE and NOT NULL constraints stay.
 *
 * Likewise the run has checked each exercise's codes against the
 * reference tables as its transaction found them (check_references()
 * in paraat-import.c) and left out those that are not there, so
 * validate_exercise() does not look them up again.
 */
gboolean
paraat_store_import_set_checks (ParaatStore  *self,
                                gboolean      checks,
                                GError      **error)
{
  self->import_checked = !checks;

  return paraat_store_exec (self, checks ? "PRAGMA ignore_check_constraints = OFF"
                                         : "PRAGMA ignore_check_constraints = ON", error);
}

gboolean
paraat_store_import_write_event (ParaatStore       *self,
                                 gint64             source_id,
                                 ParaatImportEvent *event,
                                 GError           **error)
{
  sqlite3_stmt *stmt;

  if (event->state == PARAAT_IMPORT_STATE_REMOVED)
    {
      stmt = paraat_store_prepare (self, "UPDATE source_event SET removed = 1 WHERE id = ?1 AND source_id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event->existing_id);
      sqlite3_bind_int64 (stmt, 2, source_id);
      return paraat_store_step_done (self, stmt, error);
    }

  g_assert (event->state == PARAAT_IMPORT_STATE_NEW || event->state == PARAAT_IMPORT_STATE_CHANGED);

  /* The WHERE keeps the rule even if the store moved on since the plan:
   * an equal or lower SEQUENCE never overwrites, except to bring back an
   * event that had been removed. */
  stmt = paraat_store_prepare (self,
                               "INSERT INTO source_event (source_id, uid, sequence, recurrence_id, summary,"
                               " description, location, start_utc, end_utc, tzid, all_day, rrule, status, removed,"
                               " region_code, regions, units, availability, organiser, raw)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14, ?15, ?16,"
                               " ?17, ?18, ?19)"
                               " ON CONFLICT (source_id, uid, ifnull (recurrence_id, '')) DO UPDATE SET"
                               " sequence = excluded.sequence, summary = excluded.summary,"
                               " description = excluded.description, location = excluded.location,"
                               " start_utc = excluded.start_utc, end_utc = excluded.end_utc, tzid = excluded.tzid,"
                               " all_day = excluded.all_day, rrule = excluded.rrule, status = excluded.status,"
                               " removed = 0, region_code = excluded.region_code, regions = excluded.regions,"
                               " units = excluded.units, availability = excluded.availability,"
                               " organiser = excluded.organiser, raw = excluded.raw"
                               " WHERE excluded.sequence > source_event.sequence OR source_event.removed = 1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source_id);
  sqlite3_bind_text (stmt, 2, event->uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, event->sequence);
  if (event->recurrence_id != NULL)
    sqlite3_bind_text (stmt, 4, event->recurrence_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, event->summary ? event->summary : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, event->description ? event->description : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, event->location ? event->location : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 8, event->start_utc);
  sqlite3_bind_int64 (stmt, 9, event->end_utc);
  sqlite3_bind_text (stmt, 10, event->tzid ? event->tzid : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 11, event->all_day ? 1 : 0);
  sqlite3_bind_text (stmt, 12, event->rrule ? event->rrule : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, event->status ? event->status : "confirmed", -1, SQLITE_TRANSIENT);
  if (event->region_code != NULL)
    sqlite3_bind_text (stmt, 14, event->region_code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, event->regions ? event->regions : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, event->units ? event->units : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, event->availability ? event->availability : "committed", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 18, event->organiser ? event->organiser : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 19, event->raw ? event->raw : "", -1, SQLITE_TRANSIENT);

  return paraat_store_step_done (self, stmt, error);
}
