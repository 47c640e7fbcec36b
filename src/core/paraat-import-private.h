/* paraat-import-private.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by paraat-import.c (the plan), paraat-import-run.c (the one
 * pass of paraat_import_run()) and paraat-store-sources.c (its SQL): the
 * plan, the planned events and the read-only snapshot the plan compares
 * the files with.
 */

#pragma once

#include <libical/ical.h>
#include <sqlite3.h>

#include "paraat-exercise.h"
#include "paraat-import.h"

G_BEGIN_DECLS

struct _ParaatSource
{
  GObject           parent_instance;

  /* Owned */
  gint64            id;
  char             *name;
  char             *organisation;
  char             *colour;
  ParaatSourceKind  kind;
  gboolean          visible;
  gint64            last_import_utc;
  char             *last_file;
  guint             n_events;
};

struct _ParaatImportEvent
{
  GObject            parent_instance;

  /* Owned */
  ParaatImportState  state;
  gboolean           is_exercise;
  gint64             existing_id;    /* the row it updates or removes, 0 for a new one */
  char              *file;           /* basename, NULL for removed events */
  int                line;
  ParaatExercise    *exercise;       /* the VEVENT as an exercise, NULL if it cannot be one */
  GPtrArray         *exercise_warnings;
  char              *exercise_error; /* why it cannot be one */
  gboolean           has_x_region;   /* it carries X-PARAAT-REGION */
  char              *republished;    /* X-PARAAT-SOURCE: another calendar's event in a merged export */

  /* The source_event columns */
  char              *uid;
  guint              sequence;
  char              *recurrence_id;  /* nullable */
  char              *summary;
  char              *description;
  char              *location;
  gint64             start_utc;
  gint64             end_utc;
  char              *tzid;
  gboolean           all_day;
  char              *rrule;
  char              *status;         /* tentative, confirmed or cancelled */
  char              *region_code;    /* nullable */
  char              *regions;        /* ';'-separated */
  char              *units;          /* ';'-separated */
  char              *availability;
  char              *organiser;
  char              *raw;
};

ParaatImportEvent *paraat_import_event_new (void);

/* Snapshot queries on the plan's own read-only connection */
typedef struct
{
  char *needle;  /* casefolded region code, name or alias */
  char *code;
} ParaatRegionName;

sqlite3   *paraat_import_snapshot_open       (const char        *path,
                                              GError           **error);
void       paraat_import_snapshot_close      (sqlite3           *db);
gboolean   paraat_import_snapshot_find_source (sqlite3          *db,
                                              const char        *name,
                                              gint64            *id,
                                              ParaatSourceKind  *kind,
                                              GError           **error);
gboolean   paraat_import_snapshot_has_exercises (sqlite3         *db);
gboolean   paraat_import_snapshot_find_exercise (sqlite3        *db,
                                              const char        *uid,
                                              gint64            *id,
                                              guint             *sequence,
                                              gboolean          *deleted,
                                              GError           **error);
gboolean   paraat_import_snapshot_has_code   (sqlite3           *db,
                                              const char        *table,
                                              const char        *code);
GArray    *paraat_import_snapshot_region_names (sqlite3         *db,
                                              GError           **error);
/* Existing source events by key (uid, unit separator, recurrence id): a
 * ParaatImportEvent each, with existing_id, sequence, the preview fields
 * and state REMOVED when the row is already marked removed. */
GHashTable *paraat_import_snapshot_source_events (sqlite3       *db,
                                              gint64             source_id,
                                              GError           **error);
/* The name of a source other than @except_id that holds the event */
char       *paraat_import_snapshot_find_event_source (sqlite3   *db,
                                              const char        *uid,
                                              const char        *recurrence_id,
                                              gint64             except_id,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char       *paraat_import_event_key          (const char        *uid,
                                              const char        *recurrence_id) G_GNUC_WARN_UNUSED_RESULT;

/* The writes of paraat_import_plan_apply(), inside its transaction */
gint64     paraat_store_import_ensure_source (ParaatStore       *store,
                                              const char        *name,
                                              ParaatSourceKind   kind,
                                              const char        *organisation,
                                              const char        *colour,
                                              const char        *last_file,
                                              GError           **error);
gboolean   paraat_store_import_write_event   (ParaatStore       *store,
                                              gint64             source_id,
                                              ParaatImportEvent *event,
                                              GError           **error);
gboolean   paraat_import_write_calendar      (ParaatStore       *store,
                                              icalcomponent     *vcalendar,
                                              const char        *source_name,
                                              ParaatSourceKind   kind,
                                              const char        *organisation,
                                              const char        *colour,
                                              const char        *file,
                                              GError           **error);

/* The plan and the reading of its files, shared by paraat-import.c and
 * paraat-import-run.c (paraat_import_run()'s one pass) */

struct _ParaatImportPlan
{
  char               *source_name;
  ParaatSourceKind    kind;
  gboolean            new_source;
  char               *organisation;  /* nullable: keep the source's */
  char               *colour;        /* nullable: keep the source's */
  char               *last_file;
  GListStore         *events;        /* ParaatImportEvent, in file order, removed ones last */
  GPtrArray          *warnings;
  ParaatImportCounts  counts;

  /* PARAAT_IMPORT_PLAN_NO_EVENTS: apply reads the files again */
  gboolean            no_events;
  gboolean            applied;       /* made by paraat_import_run(), which wrote it */
  GStrv               paths;
  GStrv               stamps;        /* each file's size and mtime when planned */
  GArray             *region_names;
  sqlite3            *keys;          /* a private temporary database; see open_keys() */
  guint64            *key_filter;    /* the keys in keys' event table; see key_may_be_known() */
  GHashTable         *codes;         /* "table\x1fcode" → whether the snapshot has it */
  int                 has_exercises; /* whether the snapshot has exercises; -1 not asked yet */
};

/* The passes over the files of a plan without events */
typedef enum
{
  PARAAT_IMPORT_PASS_NAME,   /* only looking for X-WR-CALNAME, in the calendar's properties */
  PARAAT_IMPORT_PASS_PLAN,
  PARAAT_IMPORT_PASS_APPLY,
  PARAAT_IMPORT_PASS_RUN,    /* paraat_import_run(): plans each event and writes it at once */
} ParaatImportPass;

typedef struct
{
  /* Borrowed */
  ParaatImportPlan     *plan;
  GArray               *region_names;
  GCancellable         *cancellable;
  ParaatImportProgress  progress;
  gpointer              user_data;
  const char           *file;        /* basename of the file being read */
  double                fraction;    /* of the files read before this one */

  /* Owned */
  GPtrArray            *read;        /* ParaatImportEvent */
  GHashTable           *by_key;      /* key → index + 1 in read */
  char                 *calname;     /* the first X-WR-CALNAME */

  /* PARAAT_IMPORT_PLAN_NO_EVENTS */
  ParaatImportPass      pass;
  sqlite3              *snapshot;    /* borrowed */
  gint64                source_id;   /* in the snapshot, 0 for a new source */
  guint                 ordinal;     /* VEVENTs read so far, over all files */
  ParaatStore          *store;       /* borrowed: applying */
  gint64                apply_source_id;
  gboolean              exercises;   /* an exercise was written */
  gboolean              stopped;     /* PARAAT_IMPORT_PASS_NAME stopped reading the file */
  gboolean              replaced;    /* PARAAT_IMPORT_PASS_RUN: an event replaced one already written */
  sqlite3_stmt         *find_key;
  sqlite3_stmt         *insert_key;
  sqlite3_stmt         *update_key;
  sqlite3_stmt         *find_source_event;
  GPtrArray            *spare_events; /* see paraat_import_recycle_event() */
} ParaatImportContext;

ParaatImportEvent *paraat_import_read_event         (ParaatImportContext *ctx,
                                                     icalcomponent       *comp,
                                                     int                  line,
                                                     gboolean             with_raw,
                                                     gboolean             lean) G_GNUC_WARN_UNUSED_RESULT;
void               paraat_import_recycle_event      (ParaatImportContext *ctx,
                                                     ParaatImportEvent   *event);
void               paraat_import_event_set_raw      (ParaatImportEvent   *event,
                                                     icalcomponent       *comp);
void               paraat_import_report_progress    (ParaatImportContext *ctx,
                                                     double               fraction);
void               paraat_import_read_context_clear (ParaatImportContext *ctx);
gboolean           paraat_import_plan_event_lean    (ParaatImportContext *ctx,
                                                     ParaatImportEvent   *event,
                                                     gboolean            *chosen,
                                                     GError             **error);
gboolean           paraat_import_write_lean_event   (ParaatImportContext *ctx,
                                                     ParaatImportEvent   *event,
                                                     GError             **error);
/* paraat-import-run.c: reads @paths in a thread of its own while this
 * one plans and writes each event */
gboolean           paraat_import_run_files          (ParaatImportContext *ctx,
                                                     const char * const  *paths,
                                                     GError             **error);

/* Whether an event in @state is written */
static inline gboolean
paraat_import_state_is_written (ParaatImportState state)
{
  return state == PARAAT_IMPORT_STATE_NEW || state == PARAAT_IMPORT_STATE_CHANGED;
}

/* Which side of paraat_import_run() makes the events; for tests */
typedef enum
{
  PARAAT_IMPORT_SPLIT_BALANCED,  /* the side with less to do */
  PARAAT_IMPORT_SPLIT_READER,
  PARAAT_IMPORT_SPLIT_WRITER,
} ParaatImportSplit;

void       paraat_import_set_split           (ParaatImportSplit  split);

gboolean   paraat_store_import_set_checks    (ParaatStore       *store,
                                              gboolean           checks,
                                              GError           **error);
gboolean   paraat_store_import_exercise      (ParaatStore       *store,
                                              ParaatExercise    *exercise,
                                              gint64             known_id,
                                              const char        *file,
                                              GError           **error);

/* One stored source event for a merged export */
typedef struct
{
  char     *calendar;      /* the source's name */
  char     *raw;           /* the VEVENT as the import stored it */
  gint64    start_utc;     /* as the import read DTSTART and DTEND */
  gint64    end_utc;
  gint64    imported_utc;  /* the source's last import, 0 if unknown */
  gboolean  cancelled;
} ParaatSourceRaw;

void       paraat_source_raw_free            (ParaatSourceRaw   *raw);
GPtrArray *paraat_store_list_source_raw      (ParaatStore       *store,
                                              ParaatScope       *scope,
                                              gint64             from_utc,
                                              gint64             to_utc,
                                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean   paraat_store_append_source_items  (ParaatStore       *store,
                                              gint64             from_utc,
                                              gint64             to_utc,
                                              GPtrArray         *items,
                                              GError           **error);

G_END_DECLS
