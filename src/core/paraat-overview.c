/* paraat-overview.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "paraat-overview.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

/* Days without a backup before the Overview asks for one */
#define BACKUP_MAX_AGE_DAYS 30

/* ParaatRegionSummary */

struct _ParaatRegionSummary
{
  GObject  parent_instance;

  char    *code;
  char    *name;
  char    *province;
  char    *brigade;
  char    *brigade_id;
  char    *rmoa;
  guint    contacts;
  guint    attention;
};

G_DEFINE_FINAL_TYPE (ParaatRegionSummary, paraat_region_summary, G_TYPE_OBJECT)

enum {
  SUMMARY_PROP_0,
  SUMMARY_PROP_CODE,
  SUMMARY_PROP_NAME,
  SUMMARY_PROP_PROVINCE,
  SUMMARY_PROP_BRIGADE,
  SUMMARY_PROP_RMOA,
  SUMMARY_PROP_CONTACTS,
  SUMMARY_PROP_ATTENTION,
  SUMMARY_N_PROPS
};

static GParamSpec *summary_properties[SUMMARY_N_PROPS];

static void
paraat_region_summary_finalize (GObject *object)
{
  ParaatRegionSummary *self = PARAAT_REGION_SUMMARY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->province);
  g_free (self->brigade);
  g_free (self->brigade_id);
  g_free (self->rmoa);

  G_OBJECT_CLASS (paraat_region_summary_parent_class)->finalize (object);
}

static void
paraat_region_summary_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ParaatRegionSummary *self = PARAAT_REGION_SUMMARY (object);

  switch (prop_id)
    {
    case SUMMARY_PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case SUMMARY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case SUMMARY_PROP_PROVINCE:
      g_value_set_string (value, self->province);
      break;
    case SUMMARY_PROP_BRIGADE:
      g_value_set_string (value, self->brigade);
      break;
    case SUMMARY_PROP_RMOA:
      g_value_set_string (value, self->rmoa);
      break;
    case SUMMARY_PROP_CONTACTS:
      g_value_set_uint (value, self->contacts);
      break;
    case SUMMARY_PROP_ATTENTION:
      g_value_set_uint (value, self->attention);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_region_summary_class_init (ParaatRegionSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = paraat_region_summary_finalize;
  object_class->get_property = paraat_region_summary_get_property;

  summary_properties[SUMMARY_PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_PROVINCE] = g_param_spec_string ("province", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_BRIGADE] = g_param_spec_string ("brigade", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_RMOA] = g_param_spec_string ("rmoa", NULL, NULL, NULL, flags);
  summary_properties[SUMMARY_PROP_CONTACTS] =
    g_param_spec_uint ("contacts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  summary_properties[SUMMARY_PROP_ATTENTION] =
    g_param_spec_uint ("attention", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, SUMMARY_N_PROPS, summary_properties);
}

static void
paraat_region_summary_init (ParaatRegionSummary *self)
{
}

const char *
paraat_region_summary_get_code (ParaatRegionSummary *self)
{
  return self->code;
}

const char *
paraat_region_summary_get_name (ParaatRegionSummary *self)
{
  return self->name;
}

const char *
paraat_region_summary_get_province (ParaatRegionSummary *self)
{
  return self->province;
}

const char *
paraat_region_summary_get_brigade (ParaatRegionSummary *self)
{
  return self->brigade;
}

const char *
paraat_region_summary_get_brigade_id (ParaatRegionSummary *self)
{
  return self->brigade_id;
}

const char *
paraat_region_summary_get_rmoa (ParaatRegionSummary *self)
{
  return self->rmoa;
}

guint
paraat_region_summary_get_contacts (ParaatRegionSummary *self)
{
  return self->contacts;
}

guint
paraat_region_summary_get_attention (ParaatRegionSummary *self)
{
  return self->attention;
}

/* ParaatAttention */

struct _ParaatAttention
{
  GObject         parent_instance;

  ParaatSeverity  severity;
  ParaatKind      target_kind;
  char           *region;
  char           *title;
  char           *detail;
  char           *sort_key;
};

G_DEFINE_FINAL_TYPE (ParaatAttention, paraat_attention, G_TYPE_OBJECT)

enum {
  ATTENTION_PROP_0,
  ATTENTION_PROP_SEVERITY,
  ATTENTION_PROP_REGION,
  ATTENTION_PROP_TITLE,
  ATTENTION_PROP_DETAIL,
  ATTENTION_N_PROPS
};

static GParamSpec *attention_properties[ATTENTION_N_PROPS];

static void
paraat_attention_finalize (GObject *object)
{
  ParaatAttention *self = PARAAT_ATTENTION (object);

  g_free (self->region);
  g_free (self->title);
  g_free (self->detail);
  g_free (self->sort_key);

  G_OBJECT_CLASS (paraat_attention_parent_class)->finalize (object);
}

static void
paraat_attention_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ParaatAttention *self = PARAAT_ATTENTION (object);

  switch (prop_id)
    {
    case ATTENTION_PROP_SEVERITY:
      g_value_set_uint (value, self->severity);
      break;
    case ATTENTION_PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case ATTENTION_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ATTENTION_PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_attention_class_init (ParaatAttentionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = paraat_attention_finalize;
  object_class->get_property = paraat_attention_get_property;

  attention_properties[ATTENTION_PROP_SEVERITY] =
    g_param_spec_uint ("severity", NULL, NULL, 0, PARAAT_SEVERITY_CRITICAL, 0, flags);
  attention_properties[ATTENTION_PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  attention_properties[ATTENTION_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  attention_properties[ATTENTION_PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, ATTENTION_N_PROPS, attention_properties);
}

static void
paraat_attention_init (ParaatAttention *self)
{
}

ParaatSeverity
paraat_attention_get_severity (ParaatAttention *self)
{
  return self->severity;
}

const char *
paraat_attention_get_region (ParaatAttention *self)
{
  return self->region;
}

const char *
paraat_attention_get_title (ParaatAttention *self)
{
  return self->title;
}

const char *
paraat_attention_get_detail (ParaatAttention *self)
{
  return self->detail;
}

ParaatKind
paraat_attention_get_target_kind (ParaatAttention *self)
{
  return self->target_kind;
}

static void
add_attention (GPtrArray      *items,
               ParaatSeverity  severity,
               const char     *region,
               ParaatKind      target_kind,
               const char     *when,
               char           *title,
               char           *detail)
{
  ParaatAttention *item = g_object_new (PARAAT_TYPE_ATTENTION, NULL);

  item->severity = severity;
  item->region = g_strdup (region);
  item->target_kind = target_kind;
  item->title = title;
  item->detail = detail;
  /* Most severe first, then soonest, then by region */
  item->sort_key = g_strdup_printf ("%d %s %s", PARAAT_SEVERITY_CRITICAL - severity,
                                    when ? when : "0000-00-00", region ? region : "");
  g_ptr_array_add (items, item);
}

static int
compare_attention (gconstpointer a,
                   gconstpointer b)
{
  const ParaatAttention *x = *(ParaatAttention * const *) a;
  const ParaatAttention *y = *(ParaatAttention * const *) b;

  return g_strcmp0 (x->sort_key, y->sort_key);
}

/* Postings and assignments that end within the horizon */
static gboolean
add_endings (ParaatStore  *store,
             ParaatScope  *scope,
             const char   *today,
             const char   *horizon,
             GPtrArray    *items,
             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = paraat_store_prepare (store,
                               "SELECT c.region_code, r.name, c.name, c.valid_to FROM contact c"
                               " JOIN region r ON r.code = c.region_code"
                               " WHERE upper (c.role) IN ('RMOA', 'OVR')"
                               " AND (c.valid_from IS NULL OR c.valid_from <= ?1)"
                               " AND c.valid_to > ?1 AND c.valid_to <= ?2"
                               /* Nothing to do once a successor is in post from that day */
                               " AND NOT EXISTS (SELECT 1 FROM contact n WHERE n.region_code = c.region_code"
                               "  AND n.id <> c.id AND upper (n.role) IN ('RMOA', 'OVR')"
                               "  AND (n.valid_from IS NULL OR n.valid_from <= c.valid_to)"
                               "  AND (n.valid_to IS NULL OR n.valid_to > c.valid_to))"
                               " ORDER BY c.valid_to",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, horizon, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *region = (const char *) sqlite3_column_text (stmt, 1);
      const char *person = (const char *) sqlite3_column_text (stmt, 2);
      const char *end = (const char *) sqlite3_column_text (stmt, 3);
      /* valid_to is the first day no longer in post; people read the last day. */
      g_autofree char *last_day = paraat_iso_add_days (end, -1);
      g_autofree char *date = paraat_format_date (last_day);
      int days = paraat_iso_days_between (today, end);

      if (!paraat_scope_contains_region (scope, code))
        continue;
      add_attention (items, PARAAT_SEVERITY_WARNING, code, PARAAT_KIND_CONTACT, end,
                     /* Translators: region name, number of days until the posting ends */
                     g_strdup_printf (ngettext ("The RMOA posting in %s ends in %d day",
                                                "The RMOA posting in %s ends in %d days", days),
                                      region, days),
                     /* Translators: a person's name, a date */
                     g_strdup_printf (_("%s is in post up to and including %s. Ask Defence who "
                                        "follows, and record the successor under Contacts."), person, date));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (store, error);
      return FALSE;
    }

  stmt = paraat_store_prepare (store,
                               "SELECT a.region_code, r.name, b.name, a.valid_to,"
                               " (SELECT count (*) FROM brigade_assignment n WHERE n.region_code = a.region_code"
                               "  AND n.valid_from = a.valid_to) FROM brigade_assignment a"
                               " JOIN region r ON r.code = a.region_code JOIN brigade b ON b.id = a.brigade_id"
                               " WHERE a.valid_from <= ?1 AND a.valid_to > ?1 AND a.valid_to <= ?2"
                               " ORDER BY a.valid_to",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, horizon, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *region = (const char *) sqlite3_column_text (stmt, 1);
      const char *brigade = (const char *) sqlite3_column_text (stmt, 2);
      const char *end = (const char *) sqlite3_column_text (stmt, 3);
      gboolean has_successor = sqlite3_column_int (stmt, 4) > 0;
      int days = paraat_iso_days_between (today, end);

      if (has_successor || !paraat_scope_contains_region (scope, code))
        continue;
      add_attention (items, PARAAT_SEVERITY_WARNING, code, PARAAT_KIND_ASSIGNMENT, end,
                     /* Translators: brigade name, region name, number of days */
                     g_strdup_printf (ngettext ("%s stops serving %s in %d day",
                                                "%s stops serving %s in %d days", days),
                                      brigade, region, days),
                     g_strdup (_("No assignment follows it. Record which brigade serves the region "
                                 "next under Brigade Mapping.")));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

/* Action items from evaluations that are past their due date, per region:
 * the organising region's and each participating region's, as a scope
 * counts them in paraat_store_list_action_items() */
static gboolean
add_overdue_actions (ParaatStore  *store,
                     ParaatScope  *scope,
                     const char   *today,
                     GPtrArray    *items,
                     GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = paraat_store_prepare (store,
                               /* From the overdue items (a partial index) to their regions: a
                                * union of all exercises' regions first took 0.1 s at 100,000. */
                               "SELECT x.region_code, r.name, count (*), min (x.due_date) FROM"
                               " (SELECT a.id, e.region_code, a.due_date FROM action_item a"
                               "  JOIN exercise e ON e.id = a.exercise_id"
                               "  WHERE e.deleted = 0 AND a.status <> 'done' AND a.due_date < ?1"
                               "  UNION SELECT a.id, er.region_code, a.due_date FROM action_item a"
                               "  JOIN exercise e ON e.id = a.exercise_id"
                               "  JOIN exercise_region er ON er.exercise_id = e.id"
                               "  WHERE e.deleted = 0 AND a.status <> 'done' AND a.due_date < ?1) x"
                               " JOIN region r ON r.code = x.region_code"
                               " GROUP BY x.region_code ORDER BY x.region_code",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const char *region = (const char *) sqlite3_column_text (stmt, 1);
      int n = sqlite3_column_int (stmt, 2);
      g_autofree char *oldest = paraat_format_date ((const char *) sqlite3_column_text (stmt, 3));

      if (!paraat_scope_contains_region (scope, code))
        continue;
      add_attention (items, PARAAT_SEVERITY_WARNING, code, PARAAT_ATTENTION_TARGET_ACTIONS, NULL,
                     /* Translators: number of action items, region name */
                     g_strdup_printf (ngettext ("%d action item of %s is overdue",
                                                "%d action items of %s are overdue", n), n, region),
                     /* Translators: a date */
                     n == 1 ? g_strdup_printf (_("It was due on %s. Follow it up in the MOTO working group."), oldest)
                            : g_strdup_printf (_("The oldest was due on %s. Follow them up in the MOTO working group."),
                                               oldest));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (store, error);
      return FALSE;
    }

  return TRUE;
}

static void
add_backup_attention (ParaatStore *store,
                      const char  *today,
                      GPtrArray   *items)
{
  g_autofree char *last = paraat_store_get_meta (store, "last_backup");
  g_autoptr(GDateTime) when = last ? g_date_time_new_from_iso8601 (last, NULL) : NULL;

  if (when == NULL)
    {
      add_attention (items, PARAAT_SEVERITY_WARNING, NULL, PARAAT_N_KINDS, NULL,
                     g_strdup (_("This database has never been backed up")),
                     g_strdup (_("Choose Back Up… in the main menu to keep a copy on another disk.")));
      return;
    }
  else
    {
      g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");
      int age = paraat_iso_days_between (day, today);

      if (age > BACKUP_MAX_AGE_DAYS)
        add_attention (items, PARAAT_SEVERITY_WARNING, NULL, PARAAT_N_KINDS, NULL,
                       /* Translators: %d is a number of days */
                       g_strdup_printf (ngettext ("The last backup is %d day old",
                                                  "The last backup is %d days old", age), age),
                       g_strdup (_("Choose Back Up… in the main menu to keep a copy on another disk.")));
    }
}

/**
 * paraat_overview_compute:
 * @today: YYYY-MM-DD; the brigade mapping and postings of that day count
 * @horizon_days: how far ahead an ending posting or assignment is reported
 *
 * Everything the Overview shows for @scope, in one read.
 */
ParaatOverview *
paraat_overview_compute (ParaatStore  *store,
                         ParaatScope  *scope,
                         const char   *today,
                         guint         horizon_days,
                         GError      **error)
{
  g_autoptr(ParaatOverview) self = g_new0 (ParaatOverview, 1);
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) brigades = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *horizon = paraat_iso_add_days (today, horizon_days);
  GListStore *regions, *attention;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PARAAT_IS_STORE (store), NULL);
  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (horizon != NULL, NULL);

  stmt = paraat_store_prepare (store,
                               "SELECT r.code, r.name, r.province, b.name, b.id,"
                               " (SELECT group_concat (c.name, '; ') FROM contact c"
                               "  WHERE c.region_code = r.code AND upper (c.role) IN ('RMOA', 'OVR')"
                               "  AND (c.valid_from IS NULL OR c.valid_from <= ?1)"
                               "  AND (c.valid_to IS NULL OR c.valid_to > ?1)),"
                               " (SELECT count (*) FROM contact c WHERE c.region_code = r.code"
                               "  AND (c.valid_from IS NULL OR c.valid_from <= ?1)"
                               "  AND (c.valid_to IS NULL OR c.valid_to > ?1))"
                               " FROM region r"
                               " LEFT JOIN brigade_assignment a ON a.region_code = r.code"
                               "  AND a.valid_from <= ?1 AND (a.valid_to IS NULL OR a.valid_to > ?1)"
                               " LEFT JOIN brigade b ON b.id = a.brigade_id"
                               " ORDER BY r.code",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParaatRegionSummary *summary;
      const char *code = (const char *) sqlite3_column_text (stmt, 0);

      if (!paraat_scope_contains_region (scope, code))
        continue;

      summary = g_object_new (PARAAT_TYPE_REGION_SUMMARY, NULL);
      summary->code = g_strdup (code);
      summary->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      summary->province = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      summary->brigade = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      summary->brigade_id = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      summary->rmoa = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      summary->contacts = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (summaries, summary);

      if (summary->brigade_id != NULL)
        g_hash_table_add (brigades, summary->brigade_id);
      else
        add_attention (items, PARAAT_SEVERITY_CRITICAL, code, PARAAT_KIND_ASSIGNMENT, NULL,
                       /* Translators: %s is a region name */
                       g_strdup_printf (_("No brigade serves %s"), summary->name),
                       g_strdup (_("Record which brigade serves the region today under "
                                   "Brigade Mapping.")));

      if (summary->rmoa != NULL)
        self->n_rmoa_in_post++;
      else
        add_attention (items, PARAAT_SEVERITY_CRITICAL, code, PARAAT_KIND_CONTACT, NULL,
                       g_strdup_printf (_("%s has no RMOA in post"), summary->name),
                       g_strdup (_("Record the region's RMOA (formerly OVR) under Contacts, "
                                   "with the dates of the posting.")));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      paraat_store_set_sql_error (store, error);
      return NULL;
    }

  if (!add_endings (store, scope, today, horizon, items, error) ||
      !add_overdue_actions (store, scope, today, items, error))
    return NULL;
  add_backup_attention (store, today, items);
  g_ptr_array_sort (items, compare_attention);

  /* Each region's count of open points, for the region table */
  for (guint i = 0; i < summaries->len; i++)
    {
      ParaatRegionSummary *summary = summaries->pdata[i];

      for (guint j = 0; j < items->len; j++)
        {
          ParaatAttention *item = items->pdata[j];

          if (g_strcmp0 (item->region, summary->code) == 0)
            summary->attention++;
        }
    }

  self->n_regions = summaries->len;
  self->n_brigades = g_hash_table_size (brigades);
  regions = g_list_store_new (PARAAT_TYPE_REGION_SUMMARY);
  g_list_store_splice (regions, 0, 0, summaries->pdata, summaries->len);
  attention = g_list_store_new (PARAAT_TYPE_ATTENTION);
  g_list_store_splice (attention, 0, 0, items->pdata, items->len);
  self->regions = G_LIST_MODEL (regions);
  self->attention = G_LIST_MODEL (attention);

  return g_steal_pointer (&self);
}

void
paraat_overview_free (ParaatOverview *self)
{
  g_clear_object (&self->regions);
  g_clear_object (&self->attention);
  g_free (self);
}
