/* paraat-record.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reference data is edited through one generic record type. Each kind
 * (region, brigade, brigade assignment, discipline, …) is described by a
 * static ParaatKindInfo: its fields, how to show a row, and its SQL.
 * The app builds its tables and editors from that description, so one
 * piece of code serves every kind.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PARAAT_KIND_REGION,
  PARAAT_KIND_BRIGADE,
  PARAAT_KIND_ASSIGNMENT,
  PARAAT_KIND_CONTACT,
  PARAAT_KIND_DISCIPLINE,
  PARAAT_KIND_EXERCISE_TYPE,
  PARAAT_KIND_GRIP_LEVEL,
  PARAAT_N_KINDS
} ParaatKind;

typedef enum
{
  PARAAT_FIELD_TEXT,
  PARAAT_FIELD_LONG_TEXT,
  PARAAT_FIELD_INT,
  PARAAT_FIELD_BOOL,
  PARAAT_FIELD_DATE,
  PARAAT_FIELD_REF,
} ParaatFieldType;

typedef enum
{
  PARAAT_FIELD_FLAG_NONE     = 0,
  PARAAT_FIELD_FLAG_REQUIRED = 1 << 0,
  PARAAT_FIELD_FLAG_KEY      = 1 << 1, /* the natural key others refer to */
  PARAAT_FIELD_FLAG_NULLABLE = 1 << 2, /* empty is stored as NULL */
  PARAAT_FIELD_FLAG_COLUMN   = 1 << 3, /* shown as a table column */
} ParaatFieldFlags;

typedef struct
{
  const char       *name;     /* column name, also the JSON key */
  const char       *label;    /* N_() */
  ParaatFieldType   type;
  ParaatFieldFlags  flags;
  ParaatKind        ref_kind; /* for PARAAT_FIELD_REF */
  const char       *pattern;  /* optional regular expression for TEXT */
  const char       *hint;     /* N_(), what is expected, shown under the entry */
} ParaatField;

typedef struct
{
  ParaatKind         kind;
  const char        *id;             /* "region", used in JSON and signals */
  const char        *title;          /* N_("Regions") */
  const char        *singular;       /* N_("Region") */
  const char        *icon_name;
  const ParaatField *fields;
  guint              n_fields;
  int                region_field;   /* index of the region field, or -1 */
  int                brigade_field;  /* index of the brigade field, or -1 */
  int                from_field;     /* index of valid_from, or -1 */
  int                to_field;       /* index of valid_to, or -1 */
  /* SELECT rowid, <fields in order>, <title>, <subtitle> FROM … */
  const char        *select_sql;
  const char        *insert_sql;     /* ?1…?n in field order */
  const char        *update_sql;     /* ?1…?n in field order, ?n+1 the rowid */
  const char        *delete_sql;     /* ?1 the rowid */
  const char        *dependents_sql; /* ?1 the rowid: how many rows go with it */
  const char        *find_sql;       /* ?1 the key: the rowid, for kinds with a key */
} ParaatKindInfo;

const ParaatKindInfo *paraat_kind_get_info       (ParaatKind kind);
gboolean              paraat_kind_from_id        (const char *id,
                                                  ParaatKind *kind);
int                   paraat_kind_find_field     (ParaatKind  kind,
                                                  const char *name);
int                   paraat_kind_get_key_field  (ParaatKind  kind);

#define PARAAT_TYPE_RECORD (paraat_record_get_type ())
G_DECLARE_FINAL_TYPE (ParaatRecord, paraat_record, PARAAT, RECORD, GObject)

ParaatRecord *paraat_record_new                  (ParaatKind          kind,
                                                  gint64              id,
                                                  const char * const *values,
                                                  const char         *title,
                                                  const char         *subtitle) G_GNUC_WARN_UNUSED_RESULT;
ParaatKind    paraat_record_get_kind             (ParaatRecord *self);
gint64        paraat_record_get_id               (ParaatRecord *self);
const char   *paraat_record_get_value            (ParaatRecord *self,
                                                  guint         field);
const char   *paraat_record_get_value_by_name    (ParaatRecord *self,
                                                  const char   *name);
const char * const *paraat_record_get_values     (ParaatRecord *self);
const char   *paraat_record_get_key              (ParaatRecord *self);
const char   *paraat_record_get_title            (ParaatRecord *self);
const char   *paraat_record_get_subtitle         (ParaatRecord *self);
char         *paraat_record_get_display_value    (ParaatRecord *self,
                                                  guint         field) G_GNUC_WARN_UNUSED_RESULT;
gboolean      paraat_record_matches_text         (ParaatRecord *self,
                                                  const char   *needle);
gboolean      paraat_record_is_current           (ParaatRecord *self,
                                                  const char   *iso_date);

G_END_DECLS
