/* paraat-store-exercises.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exercises and their history: reading, validating, saving, deleting and
 * the range query (the occurrences of a series are walked in
 * paraat-store-recurrence.c). Times are kept as UTC seconds with the
 * exercise's time zone beside them, so that a range query is one indexed
 * comparison and the views still see local days (Europe/Amsterdam by
 * default, across DST changes). Evaluations and action items are in
 * paraat-store-evaluation.c, the bulk changes in paraat-store-plan.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-exercise-private.h"
#include "paraat-import-private.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

/* As g_date_time_format_iso8601() of now in UTC, which took a tenth of an
 * imported exercise's writing; the date and time to the second are
 * formatted once a second, the microseconds by hand. */
static char *
now_iso (void)
{
  static _Thread_local gint64 second = G_MININT64;
  static _Thread_local char head[32];
  static _Thread_local gsize head_len;
  gint64 now = g_get_real_time ();
  int usec = now % G_USEC_PER_SEC;
  char *text, *p;

  if (now / G_USEC_PER_SEC != second)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
      g_autofree char *formatted = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");

      head_len = g_strlcpy (head, formatted, sizeof head);
      second = now / G_USEC_PER_SEC;
    }

  /* head, then ".uuuuuu" unless 0, "Z" and the nul */
  text = g_malloc (head_len + 9);
  memcpy (text, head, head_len);
  p = text + head_len;
  if (usec != 0)
    {
      *p++ = '.';
      for (int i = 5; i >= 0; i--, usec /= 10)
        p[i] = '0' + usec % 10;
      p += 6;
    }
  *p++ = 'Z';
  *p = '\0';

  return text;
}

GTimeZone *
paraat_store_zone_for (const char *tzid)
{
  GTimeZone *tz = tzid ? paraat_time_zone_new (tzid) : NULL;

  return tz ? tz : g_time_zone_new_utc ();
}

/* A time as the history shows it: a date for all-day exercises */
static char *
format_stored_time (gint64      utc,
                    gboolean    all_day,
                    const char *tzid)
{
  g_autoptr(GTimeZone) tz = paraat_store_zone_for (tzid);
  g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (t, tz);

  return g_date_time_format (local, all_day ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%S%:z");
}

/* Reading rows */

static ParaatExercise *
exercise_from_row (sqlite3_stmt *stmt)
{
  ParaatExercise *ex = paraat_exercise_new ();

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
  ex->id = sqlite3_column_int64 (stmt, 0);
  g_free (ex->uid);
  ex->uid = g_strdup (TEXT (1));
  ex->sequence = sqlite3_column_int (stmt, 2);
  paraat_exercise_set_title (ex, TEXT (3));
  paraat_exercise_set_description (ex, TEXT (4));
  paraat_exercise_set_type_code (ex, TEXT (5));
  paraat_exercise_set_grip_code (ex, TEXT (6));
  paraat_exercise_set_region_code (ex, TEXT (7));
  ex->start_utc = sqlite3_column_int64 (stmt, 8);
  ex->end_utc = sqlite3_column_int64 (stmt, 9);
  ex->all_day = sqlite3_column_int (stmt, 10);
  paraat_exercise_set_shared (&ex->tzid, TEXT (11));
  paraat_exercise_set_location (ex, TEXT (12));
  if (sqlite3_column_type (stmt, 13) != SQLITE_NULL)
    paraat_exercise_set_geo (ex, TRUE, sqlite3_column_double (stmt, 13), sqlite3_column_double (stmt, 14));
  paraat_exercise_set_scenario_code (ex, TEXT (15));
  paraat_defence_from_string (TEXT (16), &ex->defence);
  paraat_exercise_set_defence_units (ex, TEXT (17));
  ex->ovr_observer = sqlite3_column_int (stmt, 18);
  ex->reservists = sqlite3_column_int (stmt, 19);
  paraat_exercise_status_from_string (TEXT (20), &ex->status);
  paraat_exercise_set_rrule (ex, TEXT (21));
  g_free (ex->modified);
  ex->modified = g_strdup (TEXT (22));
#undef TEXT

  return ex;
}

/* Puts @value into the sorted vector *@list, as ORDER BY would have it
 * (SQLite's BINARY collation compares bytes, as strcmp() does). */
static void
insert_sorted (GStrv      *list,
               const char *value)
{
  guint n = g_strv_length (*list);
  guint at = n;

  while (at > 0 && strcmp ((*list)[at - 1], value) > 0)
    at--;
  *list = g_renew (char *, *list, n + 2);
  memmove (*list + at + 1, *list + at, (n + 1 - at) * sizeof (char *));
  (*list)[at] = g_strdup (value);
}

/*
 * Fills the regions, disciplines and organisations of @rows, fresh from
 * exercise_from_row() with empty lists. One statement for all of them,
 * over the rows' ids as a JSON array: a correlated subquery per list
 * and row cost four times the row itself.
 */
static gboolean
read_lists (ParaatStore  *self,
            GPtrArray    *rows,
            GError      **error)
{
  g_autoptr(GString) ids = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  if (rows->len == 0)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      /* By hand: g_string_append_printf() took some 900 instructions an id */
      char digits[24];
      guint n = 0;
      guint64 id = (guint64) ((ParaatExercise *) rows->pdata[i])->id;

      g_assert (((ParaatExercise *) rows->pdata[i])->id > 0);
      do
        digits[n++] = (char) ('0' + id % 10);
      while ((id /= 10) > 0);
      if (i > 0)
        g_string_append_c (ids, ',');
      while (n > 0)
        g_string_append_c (ids, digits[--n]);
    }
  g_string_append_c (ids, ']');

  /* json_each's key is the index into @rows */
  stmt = paraat_store_prepare (self, "SELECT 0, j.key, l.region_code FROM json_each (?1) j"
                                     " JOIN exercise_region l ON l.exercise_id = j.value"
                                     " UNION ALL SELECT 1, j.key, l.discipline_code FROM json_each (?1) j"
                                     " JOIN exercise_discipline l ON l.exercise_id = j.value"
                                     " UNION ALL SELECT 2, j.key, l.organisation FROM json_each (?1) j"
                                     " JOIN exercise_organisation l ON l.exercise_id = j.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 1);
      const char *value = (const char *) sqlite3_column_text (stmt, 2);
      ParaatExercise *ex;

      g_assert (key >= 0 && key < rows->len);
      ex = rows->pdata[key];
      switch (sqlite3_column_int (stmt, 0))
        {
        case 0:
          insert_sorted (&ex->regions, value);
          break;
        case 1:
          insert_sorted (&ex->disciplines, value);
          break;
        default:
          insert_sorted (&ex->organisations, value);
          break;
        }
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Runs @stmt (bound by the caller, selecting PARAAT_EXERCISE_COLUMNS)
 * and collects its exercise rows, with their lists. */
GPtrArray *
paraat_store_collect_exercises (ParaatStore   *self,
                                sqlite3_stmt  *stmt,
                                GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  /* Collect the rows first: reading the child lists uses another statement. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, exercise_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return NULL;
    }
  if (!read_lists (self, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

void
paraat_store_set_not_found (GError     **error,
                            const char  *uid)
{
  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is an exercise's UID */
               _("There is no exercise “%s”. “paraat-cli exercises list” shows the UIDs."), uid);
}

ParaatExercise *
paraat_store_get_exercise (ParaatStore  *self,
                           const char   *uid,
                           GError      **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  stmt = paraat_store_prepare (self, "SELECT " PARAAT_EXERCISE_COLUMNS " FROM exercise e "
                                     "WHERE e.uid = ?1 AND e.deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (!(rows = paraat_store_collect_exercises (self, stmt, error)))
    return NULL;
  if (rows->len == 0)
    {
      paraat_store_set_not_found (error, uid);
      return NULL;
    }

  return g_object_ref (rows->pdata[0]);
}

/* Validation */

static gboolean
check_reference (ParaatStore  *self,
                 ParaatKind    kind,
                 const char   *field,
                 const char   *value,
                 GError      **error)
{
  g_autoptr(ParaatRecord) record = paraat_store_find_record (self, kind, value);

  if (record == NULL)
    {
      /* Translators: a field name, then the value that does not exist */
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: “%s” does not exist."), field, value ? value : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
paraat_store_parse_rrule (const char                *rrule,
                          struct icalrecurrencetype *recur,
                          GError                   **error)
{
  icalerror_clear_errno ();
  *recur = icalrecurrencetype_from_string (rrule);
  if (recur->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: “%s” is not a recurrence rule (expected for example FREQ=MONTHLY;BYDAY=1TU)."),
                   _("Recurrence"), rrule);
      return FALSE;
    }
  if (recur->freq == ICAL_SECONDLY_RECURRENCE || recur->freq == ICAL_MINUTELY_RECURRENCE ||
      recur->freq == ICAL_HOURLY_RECURRENCE)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: exercises repeat at most daily; “%s” repeats more often."),
                   _("Recurrence"), rrule);
      return FALSE;
    }

  return TRUE;
}

/* Whether every code of @ex is in the reference tables */
static gboolean
check_codes (ParaatStore     *self,
             ParaatExercise  *ex,
             GError         **error)
{
  if (!check_reference (self, PARAAT_KIND_EXERCISE_TYPE, _("Type"), ex->type_code, error) ||
      !check_reference (self, PARAAT_KIND_REGION, _("Region"), ex->region_code, error))
    return FALSE;
  if (ex->grip_code != NULL && *ex->grip_code != '\0' &&
      !check_reference (self, PARAAT_KIND_GRIP_LEVEL, _("GRIP level"), ex->grip_code, error))
    return FALSE;
  for (guint i = 0; ex->regions[i] != NULL; i++)
    {
      if (!check_reference (self, PARAAT_KIND_REGION, _("Participating regions"), ex->regions[i], error))
        return FALSE;
    }
  for (guint i = 0; ex->disciplines[i] != NULL; i++)
    {
      if (!check_reference (self, PARAAT_KIND_DISCIPLINE, _("Disciplines"), ex->disciplines[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_exercise (ParaatStore     *self,
                   ParaatExercise  *ex,
                   GError         **error)
{
  if (ex->title == NULL || *g_strstrip (ex->title) == '\0')
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID, _("“%s” is required."), _("Title"));
      return FALSE;
    }
  /* paraat_import_run() checked the codes already; the foreign keys
   * still hold them. */
  if (!self->import_checked && !check_codes (self, ex, error))
    return FALSE;
  if (ex->start_utc == 0 && ex->end_utc == 0)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID, _("“%s” is required."), _("Start"));
      return FALSE;
    }
  if (ex->end_utc <= ex->start_utc)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s” must be after “%s”."), _("End"), _("Start"));
      return FALSE;
    }
  /* Written so that NaN fails too; the table would refuse it with a
   * CHECK error that names nothing. */
  if (ex->has_geo &&
      !(ex->latitude >= -90 && ex->latitude <= 90 && ex->longitude >= -180 && ex->longitude <= 180))
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   /* Translators: a field name, then a latitude and a longitude */
                   _("“%s”: “%s, %s” is not a position (expected a latitude from -90 to 90 and a longitude "
                     "from -180 to 180)."), _("Coordinates"),
                   g_ascii_dtostr (lat, sizeof lat, ex->latitude), g_ascii_dtostr (lon, sizeof lon, ex->longitude));
      return FALSE;
    }
  if (*ex->rrule != '\0')
    {
      struct icalrecurrencetype recur;

      if (!paraat_store_parse_rrule (ex->rrule, &recur, error))
        return FALSE;
    }
  /* One cannot have held an exercise that has not started yet. */
  if ((ex->status == PARAAT_EXERCISE_STATUS_HELD || ex->status == PARAAT_EXERCISE_STATUS_EVALUATED) &&
      ex->start_utc > g_get_real_time () / G_USEC_PER_SEC)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: an exercise that has not started yet cannot be “%s”."), _("Status"),
                   paraat_exercise_status_get_label (ex->status));
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  ParaatExercise *master;
  GPtrArray      *out;
} Expansion;

static gboolean
add_occurrence (gint64   start,
                gint64   end,
                gpointer data)
{
  Expansion *x = data;
  ParaatExercise *occ = paraat_exercise_copy (x->master);

  occ->start_utc = start;
  occ->end_utc = end;
  occ->occurrence = TRUE;
  g_ptr_array_add (x->out, occ);

  return TRUE;
}

/* Whether @scope holds the organising region or a participating one;
 * the rule every calendar list applies. */
gboolean
paraat_store_regions_in_scope (ParaatScope        *scope,
                               const char         *region_code,
                               const char * const *regions)
{
  if (scope == NULL || paraat_scope_get_kind (scope) == PARAAT_SCOPE_ALL)
    return TRUE;
  if (paraat_scope_contains_region (scope, region_code))
    return TRUE;
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      if (paraat_scope_contains_region (scope, regions[i]))
        return TRUE;
    }

  return FALSE;
}

gboolean
paraat_store_exercise_in_scope (ParaatScope    *scope,
                                ParaatExercise *ex)
{
  return paraat_store_regions_in_scope (scope, ex->region_code, (const char * const *) ex->regions);
}

/* The longest single exercise there is: how far before a range a single
 * exercise overlapping it can start. */
gint64
paraat_store_get_max_duration (ParaatStore *self)
{
  sqlite3_stmt *stmt;

  /* Another process (paraat-cli next to the open app) may have written a
   * longer exercise; data_version changes when it did. */
  stmt = paraat_store_prepare (self, "PRAGMA data_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 version = sqlite3_column_int64 (stmt, 0);

      if (version != self->max_duration_version)
        self->max_duration = -1;
      self->max_duration_version = version;
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  if (self->max_duration >= 0)
    return self->max_duration;
  stmt = paraat_store_prepare (self, "SELECT coalesce (max (end_utc - start_utc), 0) FROM exercise "
                                     "WHERE rrule = ''", NULL);
  if (stmt == NULL)
    return G_MAXINT32;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->max_duration = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return self->max_duration;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  const ParaatExercise *x = *(ParaatExercise * const *) a;
  const ParaatExercise *y = *(ParaatExercise * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;

  return g_strcmp0 (x->title, y->title);
}

/**
 * paraat_store_list_exercises:
 * @scope: (nullable): the regions to show, %NULL for all
 * @from_utc: start of the range (inclusive)
 * @to_utc: end of the range (exclusive)
 *
 * Every exercise that overlaps the range, recurring ones as one object per
 * occurrence (at most %PARAAT_MAX_OCCURRENCES each), sorted by start.
 *
 * Returns: (transfer full) (element-type ParaatExercise): the exercises
 */
GPtrArray *
paraat_store_list_exercises (ParaatStore  *self,
                             ParaatScope  *scope,
                             gint64        from_utc,
                             gint64        to_utc,
                             GError      **error)
{
  g_autoptr(GPtrArray) single = NULL;
  g_autoptr(GPtrArray) recurring = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  /* Single exercises: the start index bounds the scan to the range plus
   * the longest exercise there is. */
  stmt = paraat_store_prepare (self, "SELECT " PARAAT_EXERCISE_COLUMNS " FROM exercise e"
                                     PARAAT_SINGLE_IN_RANGE " ORDER BY e.start_utc", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  sqlite3_bind_int64 (stmt, 3, paraat_store_get_max_duration (self));
  if (!(single = paraat_store_collect_exercises (self, stmt, error)))
    return NULL;

  stmt = paraat_store_prepare (self, "SELECT " PARAAT_EXERCISE_COLUMNS " FROM exercise e"
                                     PARAAT_SERIES_IN_RANGE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  if (!(recurring = paraat_store_collect_exercises (self, stmt, error)))
    return NULL;

  for (guint i = 0; i < single->len; i++)
    {
      if (paraat_store_exercise_in_scope (scope, single->pdata[i]))
        g_ptr_array_add (out, g_object_ref (single->pdata[i]));
    }
  for (guint i = 0; i < recurring->len; i++)
    {
      ParaatExercise *master = recurring->pdata[i];
      Expansion x = { master, out };

      if (paraat_store_exercise_in_scope (scope, master))
        paraat_store_foreach_series_occurrence_in (self, master, from_utc, to_utc, add_occurrence, &x);
    }
  if (recurring->len > 0)
    g_ptr_array_sort (out, compare_by_start);

  return g_steal_pointer (&out);
}

/* The stored exercises overlapping ?1..?2, a series once; by start, UID.
 * A series without end has no series_end_utc. */
#define SERIES_WHERE \
  " WHERE e.deleted = 0 AND e.start_utc < ?2" \
  " AND ((e.rrule = '' AND e.end_utc > ?1)" \
  " OR (e.rrule <> '' AND (e.series_end_utc IS NULL OR e.series_end_utc > ?1)))" \
  " ORDER BY e.start_utc, e.uid"

/**
 * paraat_store_foreach_series:
 * @scope: (nullable): the regions to show, %NULL for all
 * @from_utc: start of the range (inclusive)
 * @to_utc: end of the range (exclusive)
 * @func: (scope call): called with each exercise; returning %FALSE with
 *   its error set stops the walk
 *
 * paraat_store_list_series() one exercise at a time, so that an export of
 * the whole store never holds it. @func must not use the store.
 *
 * Returns: %FALSE if reading or @func failed
 */
gboolean
paraat_store_foreach_series (ParaatStore         *self,
                             ParaatScope         *scope,
                             gint64               from_utc,
                             gint64               to_utc,
                             ParaatExerciseFunc   func,
                             gpointer             user_data,
                             GError             **error)
{
  g_autoptr(GPtrArray) batch = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_ROW;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);

  batch = g_ptr_array_new_with_free_func (g_object_unref);
  stmt = paraat_store_prepare (self, "SELECT " PARAAT_EXERCISE_COLUMNS " FROM exercise e" SERIES_WHERE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  /* In batches: each gets its lists in one statement (read_lists()), and
   * memory stays that of a batch */
  while (ok && rc != SQLITE_DONE)
    {
      while (batch->len < 256 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (batch, exercise_from_row (stmt));
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          paraat_store_set_sql_error (self, error);
          ok = FALSE;
          break;
        }
      ok = read_lists (self, batch, error);
      for (guint i = 0; ok && i < batch->len; i++)
        {
          if (paraat_store_exercise_in_scope (scope, batch->pdata[i]))
            ok = func (batch->pdata[i], user_data, error);
        }
      g_ptr_array_set_size (batch, 0);
    }
  sqlite3_reset (stmt);

  return ok;
}

/**
 * paraat_store_list_series_zones:
 * @scope: (nullable): as for paraat_store_list_series()
 *
 * The time zones of the exercises paraat_store_list_series() gives that
 * are not all-day, each once, in the order they first come: what an
 * export writes a VTIMEZONE for before its events.
 *
 * Returns: (transfer full): the zone names
 */
GStrv
paraat_store_list_series_zones (ParaatStore  *self,
                                ParaatScope  *scope,
                                gint64        from_utc,
                                gint64        to_utc,
                                GError      **error)
{
  g_autoptr(GStrvBuilder) zones = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  stmt = paraat_store_prepare (self, "SELECT e.tzid, e.all_day, e.region_code,"
                                     " (SELECT group_concat (region_code, char (31)) FROM exercise_region"
                                     "  WHERE exercise_id = e.id)"
                                     " FROM exercise e" SERIES_WHERE, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from_utc);
  sqlite3_bind_int64 (stmt, 2, to_utc);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *tzid = (const char *) sqlite3_column_text (stmt, 0);
      const char *region_list = (const char *) sqlite3_column_text (stmt, 3);
      g_auto(GStrv) regions = NULL;

      if (sqlite3_column_int (stmt, 1) != 0 || tzid == NULL || g_hash_table_contains (seen, tzid))
        continue;
      regions = g_strsplit (region_list ? region_list : "", "\x1f", -1);
      if (!paraat_store_regions_in_scope (scope, (const char *) sqlite3_column_text (stmt, 2),
                                          (const char * const *) regions))
        continue;
      g_hash_table_add (seen, g_strdup (tzid));
      g_strv_builder_add (zones, tzid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return NULL;
    }

  return g_strv_builder_end (zones);
}

static gboolean
collect_series (ParaatExercise  *exercise,
                gpointer         user_data,
                GError         **error)
{
  g_ptr_array_add (user_data, g_object_ref (exercise));

  return TRUE;
}

/**
 * paraat_store_list_series:
 * @scope: (nullable): the regions to show, %NULL for all
 * @from_utc: start of the range (inclusive)
 * @to_utc: end of the range (exclusive)
 *
 * The stored exercises that overlap the range, a recurring one once, as
 * its series (with its first start and its rule) rather than per
 * occurrence: what an exchange file holds. Sorted by start, then UID.
 *
 * Returns: (transfer full) (element-type ParaatExercise): the exercises
 */
GPtrArray *
paraat_store_list_series (ParaatStore  *self,
                          ParaatScope  *scope,
                          gint64        from_utc,
                          gint64        to_utc,
                          GError      **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  if (!paraat_store_foreach_series (self, scope, from_utc, to_utc, collect_series, out, error))
    return NULL;

  return g_steal_pointer (&out);
}

/* Writing */

/* The writes of an exercise bind their text with SQLITE_STATIC, not
 * SQLITE_TRANSIENT: the strings outlive the step that reads them, and
 * paraat_store_prepare() clears the bindings before the statement's next
 * use, so SQLite need not copy them (a copy per column and row of an
 * import). */

static gboolean
insert_history (ParaatStore  *self,
                gint64        exercise_id,
                const char   *changed_at,
                const char   *who,
                const char   *reason,
                const char   *field,
                const char   *old_value,
                const char   *new_value,
                GError      **error)
{
  sqlite3_stmt *stmt = paraat_store_prepare (self,
                                             "INSERT INTO exercise_history (exercise_id, changed_at, who,"
                                             " reason, field, old_value, new_value)"
                                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, exercise_id);
  sqlite3_bind_text (stmt, 2, changed_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, who ? who : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, reason ? reason : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_value ? old_value : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_value ? new_value : "", -1, SQLITE_STATIC);

  return paraat_store_step_done (self, stmt, error);
}

/* @is_new: @ex was just inserted, so it has no rows to delete (the
 * foreign keys' ON DELETE CASCADE leaves none behind for a reused id) */
static gboolean
write_children (ParaatStore     *self,
                ParaatExercise  *ex,
                gboolean         is_new,
                GError         **error)
{
  static const struct {
    const char *delete_sql;
    const char *insert_sql;
  } tables[] = {
    { "DELETE FROM exercise_region WHERE exercise_id = ?1",
      "INSERT OR IGNORE INTO exercise_region (exercise_id, region_code) VALUES (?1, ?2)" },
    { "DELETE FROM exercise_discipline WHERE exercise_id = ?1",
      "INSERT OR IGNORE INTO exercise_discipline (exercise_id, discipline_code) VALUES (?1, ?2)" },
    { "DELETE FROM exercise_organisation WHERE exercise_id = ?1",
      "INSERT OR IGNORE INTO exercise_organisation (exercise_id, organisation) VALUES (?1, ?2)" },
  };
  char **lists[] = { ex->regions, ex->disciplines, ex->organisations };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      sqlite3_stmt *stmt;

      if (!is_new)
        {
          if (!(stmt = paraat_store_prepare (self, tables[t].delete_sql, error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, ex->id);
          if (!paraat_store_step_done (self, stmt, error))
            return FALSE;
        }

      for (guint i = 0; lists[t][i] != NULL; i++)
        {
          /* The organising region is not also a participating one. */
          if (t == 0 && g_strcmp0 (lists[t][i], ex->region_code) == 0)
            continue;
          if (*g_strstrip (lists[t][i]) == '\0')
            continue;
          if (!(stmt = paraat_store_prepare (self, tables[t].insert_sql, error)))
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, ex->id);
          sqlite3_bind_text (stmt, 2, lists[t][i], -1, SQLITE_STATIC);
          if (!paraat_store_step_done (self, stmt, error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
bind_exercise (sqlite3_stmt   *stmt,
               ParaatExercise *ex,
               gint64          series_end,
               const char     *now)
{
  sqlite3_bind_text (stmt, 1, ex->uid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ex->sequence);
  sqlite3_bind_text (stmt, 3, ex->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, ex->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, ex->type_code, -1, SQLITE_STATIC);
  if (ex->grip_code != NULL && *ex->grip_code != '\0')
    sqlite3_bind_text (stmt, 6, ex->grip_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, ex->region_code, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, ex->start_utc);
  sqlite3_bind_int64 (stmt, 9, ex->end_utc);
  sqlite3_bind_int (stmt, 10, ex->all_day ? 1 : 0);
  sqlite3_bind_text (stmt, 11, ex->tzid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, ex->location, -1, SQLITE_STATIC);
  if (ex->has_geo)
    {
      sqlite3_bind_double (stmt, 13, ex->latitude);
      sqlite3_bind_double (stmt, 14, ex->longitude);
    }
  sqlite3_bind_text (stmt, 15, ex->scenario_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 16, paraat_defence_to_string (ex->defence), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, ex->defence_units, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 18, ex->ovr_observer ? 1 : 0);
  sqlite3_bind_int64 (stmt, 19, ex->reservists);
  sqlite3_bind_text (stmt, 20, paraat_exercise_status_to_string (ex->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 21, ex->rrule, -1, SQLITE_STATIC);
  if (series_end > 0)
    sqlite3_bind_int64 (stmt, 22, series_end);
  sqlite3_bind_text (stmt, 23, now, -1, SQLITE_STATIC);
}

/* The work of paraat_store_save_exercise(), inside the caller's
 * transaction. @keep_sequence (import): SEQUENCE and the modification
 * time are the file's, not raised and not now. */
static gboolean
save_in_transaction (ParaatStore     *self,
                     ParaatExercise  *ex,
                     const char      *who,
                     const char      *reason,
                     gboolean         keep_sequence,
                     GError         **error)
{
  g_autofree char *now = now_iso ();
  const char *modified;
  gint64 series_end;
  sqlite3_stmt *stmt;
  gboolean is_new = ex->id == 0;

  if (!validate_exercise (self, ex, error))
    return FALSE;
  series_end = paraat_store_compute_series_end (ex);
  modified = keep_sequence && ex->modified != NULL && *ex->modified != '\0' ? ex->modified : now;

  if (ex->id == 0)
    {
      if (ex->uid == NULL || *ex->uid == '\0')
        {
          g_autofree char *random = g_uuid_string_random ();

          g_free (ex->uid);
          ex->uid = g_strconcat (random, "@paraat", NULL);
        }
      if (!keep_sequence)
        ex->sequence = 0;
      stmt = paraat_store_prepare (self,
                                   "INSERT INTO exercise (uid, sequence, title, description, type_code, grip_code,"
                                   " region_code, start_utc, end_utc, all_day, tzid, location, latitude, longitude,"
                                   " scenario_code, defence, defence_units, ovr_observer, reservists, status, rrule,"
                                   " series_end_utc, modified, created)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
                                   " ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?23)", error);
      if (stmt == NULL)
        return FALSE;
      bind_exercise (stmt, ex, series_end, modified);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          /* The only UNIQUE column is the UID; other constraints say
           * something else. */
          if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
            g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_CONSTRAINT,
                         _("“%s”: “%s” is already in use. Choose another value."), "UID", ex->uid);
          else
            paraat_store_set_sql_error (self, error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
      ex->id = sqlite3_last_insert_rowid (self->db);
      if (!insert_history (self, ex->id, now, who, reason, "created", "",
                           paraat_exercise_status_to_string (ex->status), error))
        return FALSE;
    }
  else
    {
      ParaatExerciseStatus old_status;
      gint64 old_start, old_end;
      gboolean old_all_day;
      g_autofree char *old_tzid = NULL;
      guint old_sequence;
      gboolean moved;

      stmt = paraat_store_prepare (self, "SELECT status, start_utc, end_utc, all_day, tzid, sequence"
                                         " FROM exercise WHERE id = ?1 AND deleted = 0", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ex->id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          paraat_store_set_not_found (error, ex->uid);
          return FALSE;
        }
      paraat_exercise_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &old_status);
      old_start = sqlite3_column_int64 (stmt, 1);
      old_end = sqlite3_column_int64 (stmt, 2);
      old_all_day = sqlite3_column_int (stmt, 3);
      old_tzid = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      old_sequence = sqlite3_column_int (stmt, 5);
      sqlite3_reset (stmt);

      moved = old_start != ex->start_utc || old_end != ex->end_utc;
      /* The working group must see why an exercise was postponed, cancelled
       * or moved once it was planned. */
      if ((reason == NULL || *reason == '\0') &&
          ((old_status != ex->status && (ex->status == PARAAT_EXERCISE_STATUS_POSTPONED ||
                                         ex->status == PARAAT_EXERCISE_STATUS_CANCELLED)) ||
           (moved && old_status != PARAAT_EXERCISE_STATUS_DRAFT)))
        {
          g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                       _("“%s” is required to postpone or cancel an exercise, or to move one that is no longer a draft."),
                       _("Reason"));
          return FALSE;
        }

      if (!keep_sequence)
        ex->sequence = old_sequence + 1;
      stmt = paraat_store_prepare (self,
                                   "UPDATE exercise SET uid = ?1, sequence = ?2, title = ?3, description = ?4,"
                                   " type_code = ?5, grip_code = ?6, region_code = ?7, start_utc = ?8, end_utc = ?9,"
                                   " all_day = ?10, tzid = ?11, location = ?12, latitude = ?13, longitude = ?14,"
                                   " scenario_code = ?15, defence = ?16, defence_units = ?17, ovr_observer = ?18,"
                                   " reservists = ?19, status = ?20, rrule = ?21, series_end_utc = ?22,"
                                   " modified = ?23 WHERE id = ?24", error);
      if (stmt == NULL)
        return FALSE;
      bind_exercise (stmt, ex, series_end, modified);
      sqlite3_bind_int64 (stmt, 24, ex->id);
      if (!paraat_store_step_done (self, stmt, error))
        return FALSE;

      if (old_status != ex->status &&
          !insert_history (self, ex->id, now, who, reason, "status", paraat_exercise_status_to_string (old_status),
                           paraat_exercise_status_to_string (ex->status), error))
        return FALSE;
      if (old_start != ex->start_utc)
        {
          g_autofree char *a = format_stored_time (old_start, old_all_day, old_tzid);
          g_autofree char *b = format_stored_time (ex->start_utc, ex->all_day, ex->tzid);

          if (!insert_history (self, ex->id, now, who, reason, "start", a, b, error))
            return FALSE;
        }
      if (old_end != ex->end_utc)
        {
          g_autofree char *a = format_stored_time (old_end, old_all_day, old_tzid);
          g_autofree char *b = format_stored_time (ex->end_utc, ex->all_day, ex->tzid);

          if (!insert_history (self, ex->id, now, who, reason, "end", a, b, error))
            return FALSE;
        }
    }

  if (!write_children (self, ex, is_new, error))
    return FALSE;

  if (modified == now)
    {
      g_free (ex->modified);
      ex->modified = g_steal_pointer (&now);
    }
  self->max_duration = -1;

  return TRUE;
}

gboolean
paraat_store_save_exercise_in_transaction (ParaatStore     *self,
                                           ParaatExercise  *ex,
                                           const char      *who,
                                           const char      *reason,
                                           GError         **error)
{
  return save_in_transaction (self, ex, who, reason, FALSE, error);
}

/*
 * An exercise read from a region's export, inside the import's
 * transaction: added, or written over the one with its UID, keeping the
 * file's SEQUENCE and LAST-MODIFIED so that a later import of the same
 * file finds it unchanged. The history says where it came from.
 *
 * @known_id: the id of the stored exercise with its UID as this
 * transaction has it, 0 for none, or -1 to look it up. The run of an
 * import knows it from its snapshot.
 */
gboolean
paraat_store_import_exercise (ParaatStore     *self,
                              ParaatExercise  *ex,
                              gint64           known_id,
                              const char      *file,
                              GError         **error)
{
  /* Made once per file, not per exercise */
  if (self->import_reason == NULL || g_strcmp0 (file, self->import_file) != 0)
    {
      g_free (self->import_file);
      g_free (self->import_reason);
      self->import_file = g_strdup (file);
      /* Translators: %s is a file name */
      self->import_reason = g_strdup_printf (_("imported from %s"), file);
    }

  if (known_id >= 0)
    ex->id = known_id;
  else
    {
      sqlite3_stmt *stmt = paraat_store_prepare (self, "SELECT id FROM exercise WHERE uid = ?1 AND deleted = 0",
                                                 error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, ex->uid, -1, SQLITE_STATIC);
      ex->id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
    }

  return save_in_transaction (self, ex, _("Import"), self->import_reason, TRUE, error);
}

/**
 * paraat_store_save_exercise:
 * @exercise: a new exercise (id 0) or one read from this store; its id,
 *   uid and sequence are updated
 * @who: (nullable): who made the change, free text
 * @reason: (nullable): why; required to postpone, cancel or move a
 *   planned exercise
 *
 * Adds or updates an exercise in one transaction, raising its sequence
 * and recording every change of status or date in its history.
 */
gboolean
paraat_store_save_exercise (ParaatStore     *self,
                            ParaatExercise  *exercise,
                            const char      *who,
                            const char      *reason,
                            GError         **error)
{
  gint64 old_id;
  guint old_sequence;
  g_autofree char *old_uid = NULL;

  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);
  g_return_val_if_fail (PARAAT_IS_EXERCISE (exercise), FALSE);
  g_return_val_if_fail (!exercise->occurrence, FALSE);

  old_id = exercise->id;
  old_sequence = exercise->sequence;
  old_uid = g_strdup (exercise->uid);

  if (!paraat_store_begin (self, error))
    return FALSE;
  if (!paraat_store_save_exercise_in_transaction (self, exercise, who, reason, error) || !paraat_store_commit (self, error))
    {
      paraat_store_rollback (self);
      /* The rollback took the row away again: a new exercise must stay
       * new, or saving it once more would look for a row that is not
       * there. */
      exercise->id = old_id;
      exercise->sequence = old_sequence;
      g_free (exercise->uid);
      exercise->uid = g_steal_pointer (&old_uid);
      return FALSE;
    }
  paraat_store_emit_changed (self, PARAAT_CHANGE_CALENDAR);

  return TRUE;
}

static gboolean
set_deleted (ParaatStore  *self,
             const char   *uid,
             gboolean      deleted,
             GError      **error)
{
  sqlite3_stmt *stmt = paraat_store_prepare (self, "UPDATE exercise SET deleted = ?2, modified = ?3"
                                                   " WHERE uid = ?1 AND deleted = 1 - ?2", error);
  g_autofree char *now = now_iso ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  if (!paraat_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      paraat_store_set_not_found (error, uid);
      return FALSE;
    }
  self->max_duration = -1;
  paraat_store_emit_changed (self, PARAAT_CHANGE_CALENDAR);

  return TRUE;
}

/**
 * paraat_store_delete_exercise:
 *
 * Deletes an exercise so that paraat_store_undelete_exercise() can bring
 * it back with its history, evaluation and action items.
 */
gboolean
paraat_store_delete_exercise (ParaatStore  *self,
                              const char   *uid,
                              GError      **error)
{
  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);

  return set_deleted (self, uid, TRUE, error);
}

gboolean
paraat_store_undelete_exercise (ParaatStore  *self,
                                const char   *uid,
                                GError      **error)
{
  g_return_val_if_fail (PARAAT_IS_STORE (self), FALSE);

  return set_deleted (self, uid, FALSE, error);
}

GPtrArray *
paraat_store_get_history (ParaatStore  *self,
                          const char   *uid,
                          GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (self), NULL);

  stmt = paraat_store_prepare (self, "SELECT h.changed_at, h.who, h.reason, h.field, h.old_value, h.new_value"
                                     " FROM exercise_history h JOIN exercise e ON e.id = h.exercise_id"
                                     " WHERE e.uid = ?1 ORDER BY h.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))
      g_ptr_array_add (entries, paraat_history_entry_new (TEXT (0), TEXT (1), TEXT (2), TEXT (3), TEXT (4),
                                                          TEXT (5)));
#undef TEXT
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}
