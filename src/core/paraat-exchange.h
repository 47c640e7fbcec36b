/* paraat-exchange.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exchange files (.ics and xCal) as a whole: telling the formats apart by
 * their content, reading either into one icalcomponent tree, and the
 * checks behind "paraat-cli validate".
 */

#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

typedef enum
{
  PARAAT_EXCHANGE_FORMAT_UNKNOWN,
  PARAAT_EXCHANGE_FORMAT_ICS,
  PARAAT_EXCHANGE_FORMAT_XCAL,
} ParaatExchangeFormat;

/* What paraat_exchange_export_file() writes besides the exercises */
typedef enum
{
  PARAAT_EXPORT_SOURCES = 1 << 0,  /* the visible imported calendars' events too: a merged calendar */
} ParaatExportFlags;

ParaatExchangeFormat  paraat_exchange_detect_format  (const char            *data,
                                                      gsize                  length);
icalcomponent        *paraat_exchange_load           (const char            *path,
                                                      ParaatExchangeFormat  *format,
                                                      GArray                *vevent_lines,
                                                      GPtrArray             *messages,
                                                      GError               **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean              paraat_exchange_validate_file  (const char            *path,
                                                      ParaatExchangeFormat  *format,
                                                      guint                 *n_events,
                                                      GPtrArray             *messages,
                                                      GError               **error);

gboolean              paraat_exchange_export_file    (ParaatStore           *store,
                                                      ParaatScope           *scope,
                                                      gint64                 from_utc,
                                                      gint64                 to_utc,
                                                      ParaatExchangeFormat   format,
                                                      ParaatExportFlags      flags,
                                                      const char            *calname,
                                                      const char            *path,
                                                      guint                 *n_exported,
                                                      GError               **error);

G_END_DECLS
