/* paraat-import.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imported calendars ("sources": a brigade's, an RMC's, another
 * region's) and the import itself, in two steps: a plan that reads the
 * files and compares them with the store without writing anything (the
 * preview, and the CLI's --dry-run), then one transaction that applies
 * it; or both in one transaction and one read of the files
 * (paraat_import_run(), the CLI's import). See docs/exchange.md, "Import".
 */

#pragma once

#include <gio/gio.h>

#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

/* The "changed" signal's argument after a write to the calendar sources */
#define PARAAT_CHANGE_SOURCES (PARAAT_N_KINDS + 2)

#define PARAAT_IMPORT_ERROR (paraat_import_error_quark ())

typedef enum
{
  PARAAT_IMPORT_ERROR_NO_FILES,   /* nothing to read */
  PARAAT_IMPORT_ERROR_NO_EVENTS,  /* the files hold no event at all */
  PARAAT_IMPORT_ERROR_SOURCE,     /* the source name is empty or not valid */
} ParaatImportError;

GQuark paraat_import_error_quark (void);

/* ParaatSource */

typedef enum
{
  PARAAT_SOURCE_KIND_OTHER,
  PARAAT_SOURCE_KIND_DEFENCE,  /* a brigade's, an RMC's or another Defence calendar */
  PARAAT_SOURCE_KIND_REGION,   /* a region's own Paraat export: its events are exercises */
} ParaatSourceKind;

const char *paraat_source_kind_to_string   (ParaatSourceKind  kind);
gboolean    paraat_source_kind_from_string (const char       *text,
                                            ParaatSourceKind *kind);

#define PARAAT_TYPE_SOURCE (paraat_source_get_type ())
G_DECLARE_FINAL_TYPE (ParaatSource, paraat_source, PARAAT, SOURCE, GObject)

ParaatSource     *paraat_source_new                 (const char       *name);
gint64            paraat_source_get_id              (ParaatSource     *self);
const char       *paraat_source_get_name            (ParaatSource     *self);
void              paraat_source_set_name            (ParaatSource     *self,
                                                     const char       *name);
const char       *paraat_source_get_organisation    (ParaatSource     *self);
void              paraat_source_set_organisation    (ParaatSource     *self,
                                                     const char       *organisation);
const char       *paraat_source_get_colour          (ParaatSource     *self);
void              paraat_source_set_colour          (ParaatSource     *self,
                                                     const char       *colour);
ParaatSourceKind  paraat_source_get_kind            (ParaatSource     *self);
void              paraat_source_set_kind            (ParaatSource     *self,
                                                     ParaatSourceKind  kind);
gboolean          paraat_source_get_visible         (ParaatSource     *self);
void              paraat_source_set_visible         (ParaatSource     *self,
                                                     gboolean          visible);
/* 0 when never imported */
gint64            paraat_source_get_last_import_utc (ParaatSource     *self);
const char       *paraat_source_get_last_file       (ParaatSource     *self);
guint             paraat_source_get_n_events        (ParaatSource     *self);

/* Store glue (paraat-store-sources.c) */

GPtrArray    *paraat_store_list_sources       (ParaatStore   *store,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;
ParaatSource *paraat_store_find_source        (ParaatStore   *store,
                                               const char    *name,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      paraat_store_save_source        (ParaatStore   *store,
                                               ParaatSource  *source,
                                               GError       **error);
gboolean      paraat_store_delete_source      (ParaatStore   *store,
                                               const char    *name,
                                               GError       **error);
GPtrArray    *paraat_store_list_source_events (ParaatStore   *store,
                                               ParaatScope   *scope,
                                               gint64         from_utc,
                                               gint64         to_utc,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray    *paraat_store_list_source_exercises (ParaatStore *store,
                                                  ParaatScope *scope,
                                                  gint64       from_utc,
                                                  gint64       to_utc,
                                                  GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* ParaatImportEvent: one line of the preview */

typedef enum
{
  PARAAT_IMPORT_STATE_NEW,
  PARAAT_IMPORT_STATE_CHANGED,    /* a higher SEQUENCE, or an event back after it was removed */
  PARAAT_IMPORT_STATE_UNCHANGED,  /* known with the same or a higher SEQUENCE: never overwritten */
  PARAAT_IMPORT_STATE_REMOVED,    /* in the source, not in the files: kept, marked removed */
  PARAAT_IMPORT_STATE_SKIPPED,    /* cannot be imported; a warning says why */
} ParaatImportState;

const char *paraat_import_state_to_string (ParaatImportState state);
const char *paraat_import_state_get_label (ParaatImportState state);

#define PARAAT_TYPE_IMPORT_EVENT (paraat_import_event_get_type ())
G_DECLARE_FINAL_TYPE (ParaatImportEvent, paraat_import_event, PARAAT, IMPORT_EVENT, GObject)

ParaatImportState paraat_import_event_get_state       (ParaatImportEvent *self);
/* TRUE: the event maps onto an exercise; FALSE: onto a source event */
gboolean          paraat_import_event_is_exercise     (ParaatImportEvent *self);
const char       *paraat_import_event_get_uid         (ParaatImportEvent *self);
guint             paraat_import_event_get_sequence    (ParaatImportEvent *self);
const char       *paraat_import_event_get_summary     (ParaatImportEvent *self);
gint64            paraat_import_event_get_start_utc   (ParaatImportEvent *self);
gint64            paraat_import_event_get_end_utc     (ParaatImportEvent *self);
gboolean          paraat_import_event_get_all_day     (ParaatImportEvent *self);
char             *paraat_import_event_format_when     (ParaatImportEvent *self) G_GNUC_WARN_UNUSED_RESULT;
/* Where it was read; NULL and 0 for a removed event */
const char       *paraat_import_event_get_file        (ParaatImportEvent *self);
int               paraat_import_event_get_line        (ParaatImportEvent *self);

/* ParaatImportPlan */

typedef struct
{
  guint n_new;
  guint n_changed;
  guint n_unchanged;
  guint n_removed;
  guint n_skipped;
} ParaatImportCounts;

/* Called from the thread that runs paraat_import_plan_new() */
typedef void (*ParaatImportProgress) (double   fraction,
                                      gpointer user_data);

typedef struct _ParaatImportPlan ParaatImportPlan;

typedef enum
{
  PARAAT_IMPORT_PLAN_DEFAULT   = 0,
  /* Keep no event for a preview (the events model stays empty), so that
   * memory does not grow with the files: paraat_import_plan_apply()
   * then reads the files again. For the CLI. */
  PARAAT_IMPORT_PLAN_NO_EVENTS = 1 << 0,
} ParaatImportPlanFlags;

ParaatImportPlan *paraat_import_plan_new             (ParaatStore           *store,
                                                      const char            *source_name,
                                                      ParaatSourceKind       kind,
                                                      const char * const    *paths,
                                                      GCancellable          *cancellable,
                                                      ParaatImportProgress   progress,
                                                      gpointer               user_data,
                                                      GError               **error) G_GNUC_WARN_UNUSED_RESULT;
ParaatImportPlan *paraat_import_plan_new_full        (ParaatStore           *store,
                                                      const char            *source_name,
                                                      ParaatSourceKind       kind,
                                                      const char * const    *paths,
                                                      ParaatImportPlanFlags  flags,
                                                      GCancellable          *cancellable,
                                                      ParaatImportProgress   progress,
                                                      gpointer               user_data,
                                                      GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void              paraat_import_plan_free            (ParaatImportPlan      *self);
const char       *paraat_import_plan_get_source_name (ParaatImportPlan      *self);
ParaatSourceKind  paraat_import_plan_get_source_kind (ParaatImportPlan      *self);
gboolean          paraat_import_plan_get_new_source  (ParaatImportPlan      *self);
void              paraat_import_plan_set_organisation (ParaatImportPlan     *self,
                                                      const char            *organisation);
void              paraat_import_plan_set_colour      (ParaatImportPlan      *self,
                                                      const char            *colour);
void              paraat_import_plan_get_counts      (ParaatImportPlan      *self,
                                                      ParaatImportCounts    *counts);
GPtrArray        *paraat_import_plan_get_warnings    (ParaatImportPlan      *self);
GListModel       *paraat_import_plan_get_events      (ParaatImportPlan      *self);
gboolean          paraat_import_plan_apply           (ParaatImportPlan      *self,
                                                      ParaatStore           *store,
                                                      GCancellable          *cancellable,
                                                      GError               **error);

/* Plan and apply in one transaction and one read of the files; for the CLI */
ParaatImportPlan *paraat_import_run                  (ParaatStore           *store,
                                                      const char            *source_name,
                                                      ParaatSourceKind       kind,
                                                      const char            *organisation,
                                                      const char            *colour,
                                                      const char * const    *paths,
                                                      GCancellable          *cancellable,
                                                      ParaatImportProgress   progress,
                                                      gpointer               user_data,
                                                      GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatImportPlan, paraat_import_plan_free)

G_END_DECLS
