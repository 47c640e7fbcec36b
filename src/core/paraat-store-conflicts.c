/* paraat-store-conflicts.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's side of calendar alignment: the exercises of a period as
 * ParaatCalendarItem, each with the brigade that serves its region on the
 * exercise's first day.
 */

#include "config.h"

#include "paraat-calendar.h"
#include "paraat-conflicts.h"
#include "paraat-import-private.h"
#include "paraat-store-private.h"

typedef struct
{
  char *valid_from;  /* YYYY-MM-DD */
  char *valid_to;    /* exclusive; NULL: still valid */
  char *brigade_id;
  char *brigade_name;
} Assignment;

static void
assignment_clear (gpointer data)
{
  Assignment *a = data;

  g_free (a->valid_from);
  g_free (a->valid_to);
  g_free (a->brigade_id);
  g_free (a->brigade_name);
}

/* region code → GArray of Assignment, by valid_from */
static GHashTable *
load_assignments (ParaatStore  *self,
                  GError      **error)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = paraat_store_prepare (self, "SELECT a.region_code, a.valid_from, a.valid_to, a.brigade_id, b.name"
                                     " FROM brigade_assignment a JOIN brigade b ON b.id = a.brigade_id"
                                     " ORDER BY a.region_code, a.valid_from", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *region = (const char *) sqlite3_column_text (stmt, 0);
      GArray *list = g_hash_table_lookup (out, region);
      Assignment a = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Assignment));
          g_array_set_clear_func (list, assignment_clear);
          g_hash_table_insert (out, g_strdup (region), list);
        }
      g_array_append_val (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&out);
}

/* casefolded brigade id and name → { id, name } */
static GHashTable *
load_brigades (ParaatStore  *self,
               GError      **error)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt = paraat_store_prepare (self, "SELECT id, name FROM brigade", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *pair[] = { id, name, NULL };

      g_hash_table_insert (out, g_utf8_casefold (id, -1), g_strdupv ((char **) pair));
      g_hash_table_insert (out, g_utf8_casefold (name, -1), g_strdupv ((char **) pair));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&out);
}

static const Assignment *
find_assignment (GHashTable *assignments,
                 const char *region,
                 const char *day)
{
  GArray *list = region ? g_hash_table_lookup (assignments, region) : NULL;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const Assignment *a = &g_array_index (list, Assignment, i);

      if (g_strcmp0 (a->valid_from, day) <= 0 && (a->valid_to == NULL || g_strcmp0 (day, a->valid_to) < 0))
        return a;
    }

  return NULL;
}

static gboolean
append_exercises (ParaatStore  *self,
                  ParaatScope  *scope,
                  gint64        from_utc,
                  gint64        to_utc,
                  GPtrArray    *items,
                  GError      **error)
{
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(GHashTable) assignments = NULL;

  if (!(exercises = paraat_store_list_exercises (self, scope, from_utc, to_utc, error)) ||
      !(assignments = load_assignments (self, error)))
    return FALSE;

  for (guint i = 0; i < exercises->len; i++)
    {
      ParaatExercise *ex = exercises->pdata[i];
      ParaatCalendarItem *item = paraat_calendar_item_new_from_exercise (ex);
      g_autoptr(GDateTime) start = paraat_exercise_get_start (ex);
      g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
      const Assignment *a = find_assignment (assignments, item->region_code, day);

      /* The mapping of the exercise's own (first) day counts. */
      if (a != NULL)
        {
          item->brigade_id = g_strdup (a->brigade_id);
          item->brigade_name = g_strdup (a->brigade_name);
        }
      g_ptr_array_add (items, item);
    }

  return TRUE;
}

/*
 * The events of the visible calendar sources (occurrences expanded) that
 * overlap [from, to): source PARAAT_ITEM_SOURCE_EXTERNAL, calendar and
 * organisation from the source, region_code/regions from X-PARAAT-REGION
 * or the location, units from RESOURCES, availability from
 * paraat_availability_from_ical(), status CANCELLED for STATUS:CANCELLED,
 * PLANNED for TENTATIVE, else CONFIRMED. Events a later import removed
 * are left out. The scope is not applied here: the analysis sees every
 * region's items and keeps the findings that concern the scope. The
 * brigade is the one serving the event's region on its first day, as for
 * exercises.
 */
static gboolean
append_imported_events (ParaatStore  *self,
                        ParaatScope  *scope,
                        gint64        from_utc,
                        gint64        to_utc,
                        GPtrArray    *items,
                        GError      **error)
{
  g_autoptr(GHashTable) assignments = NULL;
  g_autoptr(GHashTable) brigades = NULL;
  guint first = items->len;

  if (!paraat_store_append_source_items (self, from_utc, to_utc, items, error) ||
      !(assignments = load_assignments (self, error)) ||
      !(brigades = load_brigades (self, error)))
    return FALSE;

  for (guint i = first; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (item->start_utc);
      g_autoptr(GTimeZone) zone = paraat_store_zone_for (item->tzid);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (start, zone);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *folded = item->organisation ? g_utf8_casefold (item->organisation, -1) : NULL;
      const char * const *publisher = folded ? g_hash_table_lookup (brigades, folded) : NULL;
      const Assignment *a = find_assignment (assignments, item->region_code, day);

      /* A brigade's own calendar is the publisher's; another one's events
       * belong to the brigade serving the region they name. */
      if (publisher != NULL)
        {
          item->brigade_id = g_strdup (publisher[0]);
          item->brigade_name = g_strdup (publisher[1]);
        }
      else if (a != NULL)
        {
          item->brigade_id = g_strdup (a->brigade_id);
          item->brigade_name = g_strdup (a->brigade_name);
        }
    }

  return TRUE;
}

/**
 * paraat_store_list_calendar_items:
 * @scope: (nullable): the regions to look at, %NULL for all
 * @from_utc: start of the period (inclusive)
 * @to_utc: end of the period (exclusive)
 *
 * What calendar alignment checks: the exercises overlapping the period
 * (one item per occurrence), each with the brigade that serves its
 * region on its first day, and the events of imported calendars.
 *
 * Returns: (transfer full) (element-type ParaatCalendarItem): the items, by start
 */
GPtrArray *
paraat_store_list_calendar_items (ParaatStore  *store,
                                  ParaatScope  *scope,
                                  gint64        from_utc,
                                  gint64        to_utc,
                                  GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_calendar_item_unref);

  g_return_val_if_fail (PARAAT_IS_STORE (store), NULL);

  if (!append_exercises (store, scope, from_utc, to_utc, items, error) ||
      !append_imported_events (store, scope, from_utc, to_utc, items, error))
    return NULL;

  return g_steal_pointer (&items);
}
