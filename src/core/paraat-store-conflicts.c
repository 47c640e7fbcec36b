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
#include "paraat-utils.h"

typedef struct
{
  gint64  from;         /* valid_from as days since 1 January 1970 */
  gint64  to;           /* valid_to, exclusive; G_MAXINT64: still valid */
  char   *brigade_id;
  char   *brigade_name;
} Assignment;

static void
assignment_clear (gpointer data)
{
  Assignment *a = data;

  g_free (a->brigade_id);
  g_free (a->brigade_name);
}

/* @iso as days since 1 January 1970, @if_null for NULL. The schema
 * keeps dates as SQLite's date() writes them; its year 0 comes before
 * any day GDate has. */
static gint64
day_number (const char *iso,
            gint64      if_null)
{
  GDate date;

  if (iso == NULL)
    return if_null;
  if (!paraat_parse_iso_date (iso, &date))
    return G_MININT64;

  return paraat_date_get_day (&date);
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
        day_number ((const char *) sqlite3_column_text (stmt, 1), G_MININT64),
        day_number ((const char *) sqlite3_column_text (stmt, 2), G_MAXINT64),
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

/* The zone of the last item asked about: items mostly share one */
typedef struct
{
  char      *tzid;
  GTimeZone *zone;
} LastZone;

static void
last_zone_clear (LastZone *last)
{
  g_clear_pointer (&last->tzid, g_free);
  g_clear_pointer (&last->zone, g_time_zone_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LastZone, last_zone_clear)

/* The assignment of @item's region on the local day it starts on */
static const Assignment *
find_assignment (GHashTable         *assignments,
                 ParaatCalendarItem *item,
                 LastZone           *last)
{
  GArray *list = item->region_code ? g_hash_table_lookup (assignments, item->region_code) : NULL;
  gint64 day;

  if (list == NULL)
    return NULL;
  if (last->zone == NULL || g_strcmp0 (last->tzid, item->tzid) != 0)
    {
      last_zone_clear (last);
      last->tzid = g_strdup (item->tzid);
      last->zone = paraat_store_zone_for (item->tzid);
    }
  day = paraat_local_day (last->zone, item->start_utc);
  /* Only the days of years 1 to 9999 have a date */
  if (day < -719162 || day > 2932896)
    return NULL;

  for (guint i = 0; i < list->len; i++)
    {
      const Assignment *a = &g_array_index (list, Assignment, i);

      if (a->from <= day && day < a->to)
        return a;
    }

  return NULL;
}

/* What the analysis needs of an exercise, and no more: the lists it does
 * not look at (disciplines, organisations) are not read. */
#define ITEM_COLUMNS \
  "e.uid, e.title, e.region_code, e.start_utc, e.end_utc, e.all_day, e.tzid, e.status, e.defence," \
  " e.defence_units, e.ovr_observer, e.rrule," \
  " (SELECT group_concat (region_code, char (31)) FROM" \
  "   (SELECT region_code FROM exercise_region WHERE exercise_id = e.id ORDER BY region_code))"

static ParaatCalendarItem *
item_from_row (sqlite3_stmt *stmt)
{
  ParaatCalendarItem *item;
  const char *regions;

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
  item = paraat_calendar_item_new (PARAAT_ITEM_SOURCE_EXERCISE, TEXT (0), TEXT (1),
                                   sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
  item->region_code = g_strdup (TEXT (2));
  item->all_day = sqlite3_column_int (stmt, 5) != 0;
  item->tzid = g_strdup (TEXT (6));
  paraat_exercise_status_from_string (TEXT (7), &item->status);
  paraat_defence_from_string (TEXT (8), &item->defence);
  item->units = paraat_split_list (TEXT (9));
  item->ovr_observer = sqlite3_column_int (stmt, 10) != 0;
  regions = TEXT (12);
  item->regions = regions != NULL && *regions != '\0' ? g_strsplit (regions, "\x1f", -1) : g_new0 (char *, 1);
#undef TEXT

  return item;
}

/* Steps @stmt (?1 and ?2 bound here) and keeps the items in @scope in
 * @out, and with @rules, each one's RRULE */
static gboolean
read_items (ParaatStore   *self,
            sqlite3_stmt  *stmt,
            ParaatScope   *scope,
            gint64         from_utc,
            gint64         to_utc,
            GPtrArray     *out,
            GPtrArray     *rules,
            GError       **error)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParaatCalendarItem *item = item_from_row (stmt);

      if (!paraat_store_regions_in_scope (scope, item->region_code, (const char * const *) item->regions))
        {
          paraat_calendar_item_unref (item);
          continue;
        }
      g_ptr_array_add (out, item);
      if (rules != NULL)
        g_ptr_array_add (rules, g_strdup ((const char *) sqlite3_column_text (stmt, 11)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static ParaatCalendarItem *
item_copy (ParaatCalendarItem *item)
{
  ParaatCalendarItem *copy = paraat_calendar_item_new (item->source, item->uid, item->title,
                                                       item->start_utc, item->end_utc);

  copy->region_code = g_strdup (item->region_code);
  copy->regions = g_strdupv (item->regions);
  copy->all_day = item->all_day;
  copy->tzid = g_strdup (item->tzid);
  copy->status = item->status;
  copy->defence = item->defence;
  copy->units = g_strdupv (item->units);
  copy->ovr_observer = item->ovr_observer;

  return copy;
}

typedef struct
{
  ParaatCalendarItem *master;
  GPtrArray          *out;
} Expansion;

static gboolean
add_occurrence (gint64   start,
                gint64   end,
                gpointer data)
{
  Expansion *x = data;
  ParaatCalendarItem *occ = item_copy (x->master);

  occ->start_utc = start;
  occ->end_utc = end;
  g_ptr_array_add (x->out, occ);

  return TRUE;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const ParaatCalendarItem *x = *(ParaatCalendarItem * const *) a;
  const ParaatCalendarItem *y = *(ParaatCalendarItem * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;

  return g_strcmp0 (x->title, y->title);
}

/*
 * Sorts @items from @first by compare_by_start(), with the same result as
 * one stable sort of them all: the @n_singles after @first came from SQL
 * by start, so only their runs of one start need sorting (by title); the
 * occurrences after them are sorted on their own and merged in.
 */
static void
sort_by_start (GPtrArray *items,
               guint      first,
               guint      n_singles)
{
  gpointer *singles = items->pdata + first;
  guint j;

  for (guint i = 0; i < n_singles; i = j)
    {
      gint64 start = ((ParaatCalendarItem *) singles[i])->start_utc;

      for (j = i + 1; j < n_singles && ((ParaatCalendarItem *) singles[j])->start_utc == start; j++)
        ;
      g_assert (j == n_singles || ((ParaatCalendarItem *) singles[j])->start_utc > start);
      if (j - i > 1)
        g_qsort_with_data (singles + i, j - i, sizeof (gpointer), compare_by_start, NULL);
    }
  paraat_sort_sorted_prefix (singles, n_singles, items->len - first, compare_by_start, NULL);
}

/*
 * The exercises overlapping [from, to) as items, read straight from the
 * rows rather than through ParaatExercise (an analysis of 100,000
 * exercises spent half its time there), with the same rules as
 * paraat_store_list_exercises(): single exercises by the start index,
 * series expanded in their own zone, at most PARAAT_MAX_OCCURRENCES each.
 */
static gboolean
append_exercises (ParaatStore  *self,
                  ParaatScope  *scope,
                  gint64        from_utc,
                  gint64        to_utc,
                  GPtrArray    *items,
                  GError      **error)
{
  g_autoptr(GHashTable) assignments = NULL;
  g_auto(LastZone) last = { NULL, NULL };
  g_autoptr(GPtrArray) recurring = g_ptr_array_new_with_free_func ((GDestroyNotify) paraat_calendar_item_unref);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);
  guint first = items->len;
  guint n_singles;
  sqlite3_stmt *stmt;

  if (!(assignments = load_assignments (self, error)))
    return FALSE;

  stmt = paraat_store_prepare (self, "SELECT " ITEM_COLUMNS " FROM exercise e"
                                     PARAAT_SINGLE_IN_RANGE " ORDER BY e.start_utc", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 3, paraat_store_get_max_duration (self));
  if (!read_items (self, stmt, scope, from_utc, to_utc, items, NULL, error))
    return FALSE;
  n_singles = items->len - first;

  stmt = paraat_store_prepare (self, "SELECT " ITEM_COLUMNS " FROM exercise e" PARAAT_SERIES_IN_RANGE, error);
  if (stmt == NULL || !read_items (self, stmt, scope, from_utc, to_utc, recurring, rules, error))
    return FALSE;

  for (guint i = 0; i < recurring->len; i++)
    {
      ParaatCalendarItem *master = recurring->pdata[i];
      Expansion x = { master, items };

      paraat_store_foreach_occurrence_in (master->tzid, master->start_utc, master->end_utc, master->all_day,
                                          rules->pdata[i], from_utc, to_utc, add_occurrence, &x);
    }
  sort_by_start (items, first, n_singles);

  /* The mapping of the exercise's own (first) day counts. */
  for (guint i = first; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];
      const Assignment *a;

      if ((a = find_assignment (assignments, item, &last)) != NULL)
        {
          item->brigade_id = g_strdup (a->brigade_id);
          item->brigade_name = g_strdup (a->brigade_name);
        }
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
  g_auto(LastZone) last = { NULL, NULL };
  g_autoptr(GHashTable) brigades = NULL;
  guint first = items->len;

  if (!paraat_store_append_source_items (self, from_utc, to_utc, items, error) ||
      !(assignments = load_assignments (self, error)) ||
      !(brigades = load_brigades (self, error)))
    return FALSE;

  for (guint i = first; i < items->len; i++)
    {
      ParaatCalendarItem *item = items->pdata[i];
      g_autofree char *folded = item->organisation ? g_utf8_casefold (item->organisation, -1) : NULL;
      const char * const *publisher = folded ? g_hash_table_lookup (brigades, folded) : NULL;
      const Assignment *a = find_assignment (assignments, item, &last);

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
