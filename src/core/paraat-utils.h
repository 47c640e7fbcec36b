/* paraat-utils.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  paraat_parse_iso_date  (const char *text,
                                  GDate      *date);
char     *paraat_date_to_iso     (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
char     *paraat_today_iso       (void) G_GNUC_WARN_UNUSED_RESULT;
char     *paraat_format_date     (const char *iso_date) G_GNUC_WARN_UNUSED_RESULT;
char     *paraat_iso_add_days    (const char *iso_date,
                                  int         days) G_GNUC_WARN_UNUSED_RESULT;
int       paraat_iso_days_between (const char *from,
                                   const char *to);

char     *paraat_fold_text       (const char *text) G_GNUC_WARN_UNUSED_RESULT;
GStrv     paraat_split_list      (const char *text) G_GNUC_WARN_UNUSED_RESULT;
void      paraat_sort_sorted_prefix (gpointer         *items,
                                     guint             n_sorted,
                                     guint             n,
                                     GCompareDataFunc  compare,
                                     gpointer          data);

GTimeZone *paraat_time_zone_new_for_offset (gint32 offset) G_GNUC_WARN_UNUSED_RESULT;
gint32    paraat_time_zone_get_offset_at (GTimeZone *tz,
                                          gint64     utc);
gboolean  paraat_time_zone_local_to_utc  (GTimeZone *tz,
                                          gint64     local,
                                          gint64    *utc);
gint64    paraat_local_day               (GTimeZone *tz,
                                          gint64     utc);
void      paraat_local_date              (GTimeZone *tz,
                                          gint64     utc,
                                          GDate     *date);
gint64    paraat_date_get_day            (const GDate *date);
gint64    paraat_dmy_get_day             (int          year,
                                          int          month,
                                          int          day);
int       paraat_count_local_days        (GDateTime *from,
                                          GDateTime *to);

void      paraat_set_string          (char       **field,
                                      const char  *value);
void      paraat_set_nullable_string (char       **field,
                                      const char  *value);
char     *paraat_format_date_time    (GDateTime   *dt,
                                      const char  *format) G_GNUC_WARN_UNUSED_RESULT;

GTimeZone *paraat_time_zone_new      (const char  *identifier) G_GNUC_WARN_UNUSED_RESULT;

/* A file written in full or not at all */
typedef struct _ParaatFileWriter ParaatFileWriter;

ParaatFileWriter *paraat_file_writer_new        (const char        *path,
                                                 GError           **error) G_GNUC_WARN_UNUSED_RESULT;
GOutputStream    *paraat_file_writer_get_stream (ParaatFileWriter  *self);
gboolean          paraat_file_writer_commit     (ParaatFileWriter  *self,
                                                 GError           **error);
void              paraat_file_writer_free       (ParaatFileWriter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatFileWriter, paraat_file_writer_free)

G_END_DECLS
