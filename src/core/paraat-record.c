/* paraat-record.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-record.h"
#include "paraat-utils.h"

#define REQ PARAAT_FIELD_FLAG_REQUIRED
#define KEY PARAAT_FIELD_FLAG_KEY
#define NUL PARAAT_FIELD_FLAG_NULLABLE
#define COL PARAAT_FIELD_FLAG_COLUMN

static const ParaatField region_fields[] = {
  { "code", N_("Code"), PARAAT_FIELD_TEXT, KEY | REQ | COL, 0, "^VR[0-9]{2}$",
    N_("VR followed by two digits, for example VR05") },
  { "number", N_("Number"), PARAAT_FIELD_INT, REQ, 0, NULL, N_("The official number, 1 to 25") },
  { "name", N_("Name"), PARAAT_FIELD_TEXT, REQ | COL, 0, NULL, NULL },
  { "province", N_("Province"), PARAAT_FIELD_TEXT, COL, 0, NULL, NULL },
  { "aliases", N_("Also known as"), PARAAT_FIELD_TEXT, COL, 0, NULL,
    N_("Other spellings accepted on import, separated by semicolons") },
};

static const ParaatField brigade_fields[] = {
  { "id", N_("Code"), PARAAT_FIELD_TEXT, KEY | REQ | COL, 0, "^[A-Za-z0-9-]+$",
    N_("A short code of letters, digits and hyphens, for example 43MB") },
  { "name", N_("Name"), PARAAT_FIELD_TEXT, REQ | COL, 0, NULL, NULL },
  { "location", N_("Location"), PARAAT_FIELD_TEXT, COL, 0, NULL, NULL },
  { "rmc", N_("RMC Area"), PARAAT_FIELD_TEXT, COL, 0, NULL, NULL },
};

static const ParaatField assignment_fields[] = {
  { "region_code", N_("Region"), PARAAT_FIELD_REF, REQ | COL, PARAAT_KIND_REGION, NULL, NULL },
  { "brigade_id", N_("Brigade"), PARAAT_FIELD_REF, REQ | COL, PARAAT_KIND_BRIGADE, NULL, NULL },
  { "valid_from", N_("Valid from"), PARAAT_FIELD_DATE, REQ | COL, 0, NULL, N_("YYYY-MM-DD") },
  { "valid_to", N_("Valid until"), PARAAT_FIELD_DATE, NUL | COL, 0, NULL,
    N_("YYYY-MM-DD, the first day it no longer applies; empty while in force") },
  { "source", N_("Source"), PARAAT_FIELD_TEXT, COL, 0, NULL, NULL },
};

static const ParaatField contact_fields[] = {
  { "region_code", N_("Region"), PARAAT_FIELD_REF, REQ | COL, PARAAT_KIND_REGION, NULL, NULL },
  { "role", N_("Role"), PARAAT_FIELD_TEXT, REQ | COL, 0, NULL,
    N_("For example RMOA, RMBA or MOTO-coördinator") },
  { "name", N_("Name"), PARAAT_FIELD_TEXT, REQ | COL, 0, NULL, NULL },
  { "organisation", N_("Organisation"), PARAAT_FIELD_TEXT, COL, 0, NULL, NULL },
  { "email", N_("Email"), PARAAT_FIELD_TEXT, 0, 0, "^$|^[^@ ]+@[^@ ]+$", N_("name@example.org") },
  { "phone", N_("Phone"), PARAAT_FIELD_TEXT, 0, 0, NULL, NULL },
  { "valid_from", N_("In post from"), PARAAT_FIELD_DATE, NUL | COL, 0, NULL, N_("YYYY-MM-DD") },
  { "valid_to", N_("In post until"), PARAAT_FIELD_DATE, NUL | COL, 0, NULL,
    N_("YYYY-MM-DD, the first day no longer in post; empty when open-ended") },
};

static const ParaatField discipline_fields[] = {
  { "code", N_("Code"), PARAAT_FIELD_TEXT, KEY | REQ | COL, 0, "^[A-Za-z0-9-]+$", NULL },
  { "name", N_("Name"), PARAAT_FIELD_TEXT, REQ | COL, 0, NULL, NULL },
  { "description", N_("Description"), PARAAT_FIELD_LONG_TEXT, COL, 0, NULL, NULL },
  { "statutory", N_("Statutory discipline"), PARAAT_FIELD_BOOL, COL, 0, NULL, NULL },
};

static const ParaatField exercise_type_fields[] = {
  { "code", N_("Code"), PARAAT_FIELD_TEXT, KEY | REQ | COL, 0, "^[A-Za-z0-9-]+$", NULL },
  { "name", N_("Name"), PARAAT_FIELD_TEXT, REQ | COL, 0, NULL, NULL },
  { "description", N_("Description"), PARAAT_FIELD_LONG_TEXT, COL, 0, NULL, NULL },
  { "counts_as_exercise", N_("Counts as exercise"), PARAAT_FIELD_BOOL, COL, 0, NULL, NULL },
};

static const ParaatField grip_level_fields[] = {
  { "code", N_("Code"), PARAAT_FIELD_TEXT, KEY | REQ | COL, 0, "^[A-Za-z0-9-]+$", NULL },
  { "name", N_("Name"), PARAAT_FIELD_TEXT, REQ | COL, 0, NULL, NULL },
  { "description", N_("Description"), PARAAT_FIELD_LONG_TEXT, COL, 0, NULL, NULL },
  { "teams", N_("Teams"), PARAAT_FIELD_TEXT, COL, 0, NULL, NULL },
  { "valid_from", N_("Valid from"), PARAAT_FIELD_DATE, NUL | COL, 0, NULL, N_("YYYY-MM-DD") },
  { "valid_to", N_("Valid until"), PARAAT_FIELD_DATE, NUL | COL, 0, NULL, N_("YYYY-MM-DD") },
};

static const ParaatKindInfo kinds[PARAAT_N_KINDS] = {
  [PARAAT_KIND_REGION] = {
    PARAAT_KIND_REGION, "region", N_("Regions"), N_("Region"), "mark-location-symbolic",
    region_fields, G_N_ELEMENTS (region_fields), 0, -1, -1, -1,
    "SELECT rowid, code, number, name, province, aliases, code || ' ' || name, province "
    "FROM region ORDER BY code",
    "INSERT INTO region (code, number, name, province, aliases) VALUES (?1, ?2, ?3, ?4, ?5)",
    "UPDATE region SET code = ?1, number = ?2, name = ?3, province = ?4, aliases = ?5 WHERE rowid = ?6",
    "DELETE FROM region WHERE rowid = ?1",
    "SELECT (SELECT count(*) FROM brigade_assignment WHERE region_code = r.code)"
    " + (SELECT count(*) FROM contact WHERE region_code = r.code) FROM region r WHERE r.rowid = ?1",
    "SELECT rowid FROM region WHERE code = ?1",
  },
  [PARAAT_KIND_BRIGADE] = {
    PARAAT_KIND_BRIGADE, "brigade", N_("Brigades"), N_("Brigade"), "emblem-system-symbolic",
    brigade_fields, G_N_ELEMENTS (brigade_fields), -1, 0, -1, -1,
    "SELECT rowid, id, name, location, rmc, name, rmc || ' · ' || location FROM brigade ORDER BY name",
    "INSERT INTO brigade (id, name, location, rmc) VALUES (?1, ?2, ?3, ?4)",
    "UPDATE brigade SET id = ?1, name = ?2, location = ?3, rmc = ?4 WHERE rowid = ?5",
    "DELETE FROM brigade WHERE rowid = ?1",
    "SELECT count(*) FROM brigade_assignment a JOIN brigade b ON b.id = a.brigade_id WHERE b.rowid = ?1",
    "SELECT rowid FROM brigade WHERE id = ?1",
  },
  [PARAAT_KIND_ASSIGNMENT] = {
    PARAAT_KIND_ASSIGNMENT, "assignment", N_("Brigade Mapping"), N_("Brigade Assignment"),
    "view-list-symbolic",
    assignment_fields, G_N_ELEMENTS (assignment_fields), 0, 1, 2, 3,
    "SELECT a.id, a.region_code, a.brigade_id, a.valid_from, a.valid_to, a.source,"
    " a.region_code || ' ' || r.name, b.name "
    "FROM brigade_assignment a JOIN region r ON r.code = a.region_code"
    " JOIN brigade b ON b.id = a.brigade_id ORDER BY a.region_code, a.valid_from",
    "INSERT INTO brigade_assignment (region_code, brigade_id, valid_from, valid_to, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
    "UPDATE brigade_assignment SET region_code = ?1, brigade_id = ?2, valid_from = ?3,"
    " valid_to = ?4, source = ?5 WHERE id = ?6",
    "DELETE FROM brigade_assignment WHERE id = ?1",
    NULL,
    NULL,
  },
  [PARAAT_KIND_CONTACT] = {
    PARAAT_KIND_CONTACT, "contact", N_("Contacts"), N_("Contact"), "avatar-default-symbolic",
    contact_fields, G_N_ELEMENTS (contact_fields), 0, -1, 6, 7,
    "SELECT c.id, c.region_code, c.role, c.name, c.organisation, c.email, c.phone, c.valid_from,"
    " c.valid_to, c.name, c.role || ' · ' || r.name "
    "FROM contact c JOIN region r ON r.code = c.region_code ORDER BY c.region_code, c.role, c.name",
    "INSERT INTO contact (region_code, role, name, organisation, email, phone, valid_from, valid_to)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "UPDATE contact SET region_code = ?1, role = ?2, name = ?3, organisation = ?4, email = ?5,"
    " phone = ?6, valid_from = ?7, valid_to = ?8 WHERE id = ?9",
    "DELETE FROM contact WHERE id = ?1",
    NULL,
    NULL,
  },
  [PARAAT_KIND_DISCIPLINE] = {
    PARAAT_KIND_DISCIPLINE, "discipline", N_("Disciplines"), N_("Discipline"),
    "system-users-symbolic",
    discipline_fields, G_N_ELEMENTS (discipline_fields), -1, -1, -1, -1,
    "SELECT rowid, code, name, description, statutory, name, description FROM discipline ORDER BY name",
    "INSERT INTO discipline (code, name, description, statutory) VALUES (?1, ?2, ?3, ?4)",
    "UPDATE discipline SET code = ?1, name = ?2, description = ?3, statutory = ?4 WHERE rowid = ?5",
    "DELETE FROM discipline WHERE rowid = ?1",
    NULL,
    "SELECT rowid FROM discipline WHERE code = ?1",
  },
  [PARAAT_KIND_EXERCISE_TYPE] = {
    PARAAT_KIND_EXERCISE_TYPE, "exercise-type", N_("Exercise Types"), N_("Exercise Type"),
    "x-office-calendar-symbolic",
    exercise_type_fields, G_N_ELEMENTS (exercise_type_fields), -1, -1, -1, -1,
    "SELECT rowid, code, name, description, counts_as_exercise, name, description "
    "FROM exercise_type ORDER BY name",
    "INSERT INTO exercise_type (code, name, description, counts_as_exercise) VALUES (?1, ?2, ?3, ?4)",
    "UPDATE exercise_type SET code = ?1, name = ?2, description = ?3, counts_as_exercise = ?4"
    " WHERE rowid = ?5",
    "DELETE FROM exercise_type WHERE rowid = ?1",
    NULL,
    "SELECT rowid FROM exercise_type WHERE code = ?1",
  },
  [PARAAT_KIND_GRIP_LEVEL] = {
    PARAAT_KIND_GRIP_LEVEL, "grip-level", N_("GRIP Levels"), N_("GRIP Level"),
    "network-cellular-signal-excellent-symbolic",
    grip_level_fields, G_N_ELEMENTS (grip_level_fields), -1, -1, 4, 5,
    "SELECT rowid, code, name, description, teams, valid_from, valid_to, name, teams "
    "FROM grip_level ORDER BY rowid",
    "INSERT INTO grip_level (code, name, description, teams, valid_from, valid_to)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "UPDATE grip_level SET code = ?1, name = ?2, description = ?3, teams = ?4, valid_from = ?5,"
    " valid_to = ?6 WHERE rowid = ?7",
    "DELETE FROM grip_level WHERE rowid = ?1",
    NULL,
    "SELECT rowid FROM grip_level WHERE code = ?1",
  },
};

const ParaatKindInfo *
paraat_kind_get_info (ParaatKind kind)
{
  g_return_val_if_fail (kind < PARAAT_N_KINDS, NULL);

  return &kinds[kind];
}

gboolean
paraat_kind_from_id (const char *id,
                     ParaatKind *kind)
{
  for (guint i = 0; i < PARAAT_N_KINDS; i++)
    {
      if (g_strcmp0 (kinds[i].id, id) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

int
paraat_kind_find_field (ParaatKind  kind,
                        const char *name)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (g_str_equal (info->fields[i].name, name))
        return i;
    }

  return -1;
}

int
paraat_kind_get_key_field (ParaatKind kind)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (info->fields[i].flags & PARAAT_FIELD_FLAG_KEY)
        return i;
    }

  return -1;
}

struct _ParaatRecord
{
  GObject     parent_instance;

  ParaatKind  kind;
  gint64      id;
  char      **values;   /* n_fields entries, NULL for SQL NULL, plus a terminating NULL slot */
  char       *title;
  char       *subtitle;
};

G_DEFINE_FINAL_TYPE (ParaatRecord, paraat_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
paraat_record_finalize (GObject *object)
{
  ParaatRecord *self = PARAAT_RECORD (object);
  guint n = paraat_kind_get_info (self->kind)->n_fields;

  for (guint i = 0; i < n; i++)
    g_free (self->values[i]);
  g_free (self->values);
  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (paraat_record_parent_class)->finalize (object);
}

static void
paraat_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ParaatRecord *self = PARAAT_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_record_class_init (ParaatRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_record_finalize;
  object_class->get_property = paraat_record_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
paraat_record_init (ParaatRecord *self)
{
}

/**
 * paraat_record_new:
 * @values: one string per field of @kind, %NULL for an empty (NULL) value
 */
ParaatRecord *
paraat_record_new (ParaatKind          kind,
                   gint64              id,
                   const char * const *values,
                   const char         *title,
                   const char         *subtitle)
{
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  ParaatRecord *self;

  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  self = g_object_new (PARAAT_TYPE_RECORD, NULL);
  self->kind = kind;
  self->id = id;
  self->values = g_new0 (char *, info->n_fields + 1);
  for (guint i = 0; i < info->n_fields; i++)
    self->values[i] = g_strdup (values[i]);
  self->title = g_strdup (title ? title : "");
  self->subtitle = g_strdup (subtitle ? subtitle : "");

  return self;
}

ParaatKind
paraat_record_get_kind (ParaatRecord *self)
{
  return self->kind;
}

gint64
paraat_record_get_id (ParaatRecord *self)
{
  return self->id;
}

const char *
paraat_record_get_value (ParaatRecord *self,
                         guint         field)
{
  g_return_val_if_fail (PARAAT_IS_RECORD (self), NULL);
  g_return_val_if_fail (field < paraat_kind_get_info (self->kind)->n_fields, NULL);

  return self->values[field];
}

/* Only safe to read up to n_fields: a NULL value may sit in between. */
const char * const *
paraat_record_get_values (ParaatRecord *self)
{
  return (const char * const *) self->values;
}

const char *
paraat_record_get_value_by_name (ParaatRecord *self,
                                 const char   *name)
{
  int field = paraat_kind_find_field (self->kind, name);

  g_return_val_if_fail (field >= 0, NULL);

  return self->values[field];
}

const char *
paraat_record_get_key (ParaatRecord *self)
{
  int field = paraat_kind_get_key_field (self->kind);

  return field >= 0 ? self->values[field] : NULL;
}

const char *
paraat_record_get_title (ParaatRecord *self)
{
  return self->title;
}

const char *
paraat_record_get_subtitle (ParaatRecord *self)
{
  return self->subtitle;
}

/**
 * paraat_record_get_display_value:
 *
 * The value as a planner reads it: dates in the locale's words,
 * booleans as Yes/No, empty values as an empty string.
 */
char *
paraat_record_get_display_value (ParaatRecord *self,
                                 guint         field)
{
  const ParaatField *f = &paraat_kind_get_info (self->kind)->fields[field];
  const char *value = paraat_record_get_value (self, field);

  if (value == NULL)
    return g_strdup ("");

  switch (f->type)
    {
    case PARAAT_FIELD_BOOL:
      return g_strdup (g_str_equal (value, "1") ? _("Yes") : _("No"));

    case PARAAT_FIELD_DATE:
      return paraat_format_date (value);

    case PARAAT_FIELD_TEXT:
    case PARAAT_FIELD_LONG_TEXT:
    case PARAAT_FIELD_INT:
    case PARAAT_FIELD_REF:
    default:
      return g_strdup (value);
    }
}

gboolean
paraat_record_matches_text (ParaatRecord *self,
                            const char   *needle)
{
  guint n = paraat_kind_get_info (self->kind)->n_fields;
  g_autofree char *folded = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;

  folded = paraat_fold_text (needle);
  for (guint i = 0; i <= n + 1; i++)
    {
      const char *value = i < n ? self->values[i] : (i == n ? self->title : self->subtitle);
      g_autofree char *hay = NULL;

      if (value == NULL)
        continue;
      hay = paraat_fold_text (value);
      if (strstr (hay, folded) != NULL)
        return TRUE;
    }

  return FALSE;
}

/**
 * paraat_record_is_current:
 * @iso_date: YYYY-MM-DD
 *
 * Whether a dated record is in force on @iso_date: valid_from on or
 * before it and valid_to (the first day it no longer applies) after it.
 * Records without dates are always current.
 */
gboolean
paraat_record_is_current (ParaatRecord *self,
                          const char   *iso_date)
{
  const ParaatKindInfo *info = paraat_kind_get_info (self->kind);
  const char *from = info->from_field >= 0 ? self->values[info->from_field] : NULL;
  const char *to = info->to_field >= 0 ? self->values[info->to_field] : NULL;

  /* ISO dates compare as strings. */
  if (from != NULL && strcmp (from, iso_date) > 0)
    return FALSE;
  if (to != NULL && strcmp (to, iso_date) <= 0)
    return FALSE;

  return TRUE;
}
