/* paraat-import-run.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat_import_run()'s one pass over the files: a thread of its own
 * reads them while the caller's thread plans and writes each event, with
 * a bounded pipe between the two. The plan itself is in paraat-import.c.
 */

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n-lib.h>

#include "paraat-calendar-reader-private.h"
#include "paraat-import-private.h"

/* A thread of its own reads the files (the readers, libical) while this
 * one plans and writes the events in the order read. At most PIPE_SIZE
 * items wait between the two, so memory stays flat. All SQLite
 * connections stay in this thread. The reader's warnings travel with
 * their item and join the plan's when it is taken, so they come in the
 * same order as in a plan.
 *
 * Making the event of a VEVENT (paraat_import_read_event()) is a fifth
 * of the work, and which side should do it depends on the format and the
 * machine: parsing
 * xCal costs more than parsing iCalendar, writing costs the same. So the
 * side with less to do does it. While the writer keeps up (fewer than
 * PIPE_SIZE / 2 items wait), the reader hands the VEVENT over and this
 * side makes the event; otherwise the reader makes it. An xCal reader
 * hands over the VEVENT's nodes, recorded on the batch's tape, and this
 * side maps them too (paraat_xcal_replay()); an iCalendar one the VEVENT
 * itself, kept from its VCALENDAR. The event is the same either way:
 * this side gives each VEVENT a VCALENDAR of its own with a clone of
 * each of the file's VTIMEZONEs read before it, which the reader sends
 * ahead, so the event finds the same zones it would in the reader's.
 * With glibc's malloc,
 * whatever is made on one side is freed on that side (the arena locks);
 * with jemalloc, this side frees what it is done with while it keeps up,
 * and the reader otherwise (see pipe_pop()).
 *
 * Items travel in batches of PIPE_BATCH, and each side takes the pipe's
 * lock once per batch. Where the two cores share no cache, every lock,
 * like every reference count both sides touch, moves a cache line from
 * one core to the other: 240 ns one way on a host of docs/benchmarks.md
 * ("Two cores that share a cache, and two that do not"). */

#define PIPE_SIZE 256
#define PIPE_BATCH 32
#define PIPE_BATCHES (PIPE_SIZE / PIPE_BATCH)

typedef struct
{
  ParaatImportEvent *event;     /* made by the reader */
  icalcomponent     *comp;      /* or a VEVENT for this side to make it from, or a VTIMEZONE */
  int                line;      /* with comp */
  gboolean           taped;     /* or a VEVENT on the batch's tape … */
  gsize              offset;    /* … from here */
  GPtrArray         *warnings;  /* found while reading it; NULL for none */
  double             fraction;
} PipeItem;

/* Items of one file, in the order read */
typedef struct
{
  char           *file;      /* GRefString: the basename of their file */
  ParaatXcalTape *tape;      /* the xCal VEVENTs of taped items; NULL until needed */
  guint           n_items;
  PipeItem        items[PIPE_BATCH];
} PipeBatch;

/* @ctx: (nullable): the context of the side clearing it, which keeps
 * the event to fill again */
static void
pipe_item_clear (PipeItem            *item,
                 ParaatImportContext *ctx)
{
  if (ctx != NULL)
    paraat_import_recycle_event (ctx, g_steal_pointer (&item->event));
  g_clear_object (&item->event);
  g_clear_pointer (&item->comp, icalcomponent_free);
  g_clear_pointer (&item->warnings, g_ptr_array_unref);
}

/* Frees the items and keeps the batch for more; see pipe_item_clear() */
static void
pipe_batch_clear (PipeBatch           *batch,
                  ParaatImportContext *ctx)
{
  for (guint i = 0; i < batch->n_items; i++)
    pipe_item_clear (&batch->items[i], ctx);
  batch->n_items = 0;
  g_clear_pointer (&batch->file, g_ref_string_release);
  if (batch->tape != NULL)
    paraat_xcal_tape_clear (batch->tape);
}

static void
pipe_batch_free (PipeBatch *batch)
{
  pipe_batch_clear (batch, NULL);
  paraat_xcal_tape_free (batch->tape);
  g_free (batch);
}

typedef struct
{
  GMutex                lock;
  GCond                 not_empty;
  GCond                 not_full;
  GQueue                batches;   /* PipeBatch */
  int                   n_batches; /* batches.length, to read without the lock */
  GPtrArray            *spent;     /* PipeBatches written, for the reader to clear and fill again */
  gboolean              free_here; /* or this side frees the items; see malloc_is_jemalloc() */
  gboolean              done;      /* the reader has finished */
  gboolean              stop;      /* the writer failed: the reader stops */
  GError               *error;     /* why the reader failed */

  /* The reader's; borrowed */
  const char * const   *paths;
  GArray               *region_names;
  ParaatSourceKind      kind;
  GCancellable         *cancellable;

  /* The reader's own */
  ParaatImportContext   ctx;
  char                 *file;      /* GRefString: ctx.file */
  guint                 n_zones;   /* VTIMEZONEs of this file sent ahead */
  PipeBatch            *filling;   /* items of this file not sent yet */
  GPtrArray            *spare;     /* empty PipeBatches */
} Pipe;

/* Sends @pipe->filling, blocking while the pipe is full; FALSE when the
 * writer stopped. Takes back the batches the writer is done with. */
static gboolean
pipe_push (Pipe *pipe)
{
  PipeBatch *batch = g_steal_pointer (&pipe->filling);
  g_autoptr(GPtrArray) spent = NULL;
  gboolean stopped;

  if (batch == NULL)
    return TRUE;

  g_mutex_lock (&pipe->lock);
  while (pipe->batches.length >= PIPE_BATCHES && !pipe->stop)
    g_cond_wait (&pipe->not_full, &pipe->lock);
  stopped = pipe->stop;
  if (!stopped)
    {
      g_queue_push_tail (&pipe->batches, batch);
      g_atomic_int_set (&pipe->n_batches, pipe->batches.length);
      /* The writer waits only for an empty pipe */
      if (pipe->batches.length == 1)
        g_cond_signal (&pipe->not_empty);
    }
  if (pipe->spent->len > 0)
    {
      spent = g_steal_pointer (&pipe->spent);
      pipe->spent = g_ptr_array_new ();
    }
  g_mutex_unlock (&pipe->lock);

  if (stopped)
    pipe_batch_free (batch);
  for (guint i = 0; spent != NULL && i < spent->len; i++)
    {
      PipeBatch *done = spent->pdata[i];

      pipe_batch_clear (done, &pipe->ctx);
      if (pipe->spare->len < PIPE_BATCHES)
        g_ptr_array_add (pipe->spare, done);
      else
        g_free (done);
    }

  return !stopped;
}

/* The batch to fill, with room for an item of the file being read.
 * Sends the one before first when it is full; NULL when the writer
 * stopped. */
static PipeBatch *
pipe_filling (Pipe *pipe)
{
  if (pipe->filling != NULL && pipe->filling->n_items == PIPE_BATCH && !pipe_push (pipe))
    return NULL;
  if (pipe->filling == NULL)
    {
      pipe->filling = pipe->spare->len > 0 ? g_ptr_array_steal_index_fast (pipe->spare, pipe->spare->len - 1)
                                           : g_new0 (PipeBatch, 1);
      pipe->filling->file = g_ref_string_acquire (pipe->file);
    }

  return pipe->filling;
}

/* Room for an item of the file being read: the item, zeroed; NULL when
 * the writer stopped. */
static PipeItem *
pipe_add_item (Pipe *pipe)
{
  PipeBatch *batch = pipe_filling (pipe);

  if (batch == NULL)
    return NULL;

  return memset (&batch->items[batch->n_items++], 0, sizeof (PipeItem));
}

/* Whether this side keeps up with the reader: fewer than half of
 * PIPE_SIZE items wait. Read without the lock. */
static gboolean
writer_keeps_up (Pipe *pipe)
{
  return g_atomic_int_get (&pipe->n_batches) < PIPE_BATCHES / 2;
}

/* jemalloc (paraat-cli's, see meson.build) frees another thread's
 * memory without taking a lock that thread waits on; glibc's malloc
 * takes the arena's. */
static gboolean
malloc_is_jemalloc (void)
{
  return dlsym (RTLD_DEFAULT, "mallctl") != NULL;
}

/* Blocks while the pipe is empty; NULL once the reader has finished.
 * @spent: (transfer full) (nullable): the batch taken before, done with.
 * The reader frees its items, as the memory is from its own glibc arena
 * (freed here, the arena's lock was contended with the reader's
 * allocations); with Pipe.free_here, this side does while it keeps up,
 * like making the events (see writer_makes_event()). */
static PipeBatch *
pipe_pop (Pipe                *pipe,
          PipeBatch           *spent,
          ParaatImportContext *ctx)
{
  PipeBatch *batch;

  if (spent != NULL && pipe->free_here && writer_keeps_up (pipe))
    pipe_batch_clear (spent, ctx);
  g_mutex_lock (&pipe->lock);
  if (spent != NULL)
    g_ptr_array_add (pipe->spent, spent);
  while (pipe->batches.length == 0 && !pipe->done)
    g_cond_wait (&pipe->not_empty, &pipe->lock);
  batch = g_queue_pop_head (&pipe->batches);
  g_atomic_int_set (&pipe->n_batches, pipe->batches.length);
  /* The reader waits only for a full pipe */
  if (pipe->batches.length == PIPE_BATCHES - 1)
    g_cond_signal (&pipe->not_full);
  g_mutex_unlock (&pipe->lock);

  return batch;
}

static int import_split = PARAAT_IMPORT_SPLIT_BALANCED;

/* For tests: which side makes the events of the one pass */
void
paraat_import_set_split (ParaatImportSplit split)
{
  g_atomic_int_set (&import_split, split);
}

/* Whether the writer is to make the next event: while it keeps up */
static gboolean
writer_makes_event (Pipe *pipe)
{
  switch (g_atomic_int_get (&import_split))
    {
    case PARAAT_IMPORT_SPLIT_READER:
      return FALSE;
    case PARAAT_IMPORT_SPLIT_WRITER:
      return TRUE;
    case PARAAT_IMPORT_SPLIT_BALANCED:
    default:
      return writer_keeps_up (pipe);
    }
}

/* A source event keeps its text. A region's own event is an exercise or
 * nothing (see classify_lean()). */
static void
set_raw_lean (ParaatImportContext *ctx,
              ParaatImportEvent   *event,
              icalcomponent       *comp)
{
  if (ctx->plan->kind != PARAAT_SOURCE_KIND_REGION || event->republished != NULL)
    paraat_import_event_set_raw (event, comp);
}

/* Sends ahead clones of the VTIMEZONEs of @calendar not sent yet */
static gboolean
push_zones (Pipe          *pipe,
            icalcomponent *calendar)
{
  guint n_zones = 0;

  for (icalcomponent *zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
       zone != NULL;
       zone = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    if (++n_zones > pipe->n_zones)
      {
        PipeItem *item = pipe_add_item (pipe);

        if (item == NULL)
          return FALSE;
        item->comp = icalcomponent_new_clone (zone);
        item->fraction = pipe->ctx.fraction;
        pipe->n_zones = n_zones;
      }

  return TRUE;
}

static gboolean
on_piped_component_cb (icalcomponent  *comp,
                       gpointer        user_data,
                       GError        **error)
{
  Pipe *pipe = user_data;
  ParaatImportContext *ctx = &pipe->ctx;
  gboolean is_event = icalcomponent_isa (comp) == ICAL_VEVENT_COMPONENT;
  gboolean writer_makes;
  PipeItem *item;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;

  /* The zones go ahead of the event that may need them */
  writer_makes = is_event && writer_makes_event (pipe);
  if ((writer_makes && !push_zones (pipe, icalcomponent_get_parent (comp))) ||
      (item = pipe_add_item (pipe)) == NULL)
    goto stopped;
  item->fraction = ctx->fraction;
  if (!is_event)
    /* Translators: file name, line number, a component name such as VTODO */
    g_ptr_array_add (ctx->plan->warnings,
                     g_strdup_printf (_("%1$s: line %2$d: %3$s: only events are imported; left out"),
                                      ctx->file, paraat_calendar_reader_get_line (),
                                      icalcomponent_kind_to_string (icalcomponent_isa (comp))));
  else if (writer_makes)
    {
      item->line = paraat_calendar_reader_get_line ();
      paraat_calendar_reader_keep_component (comp);
      item->comp = comp;
    }
  else
    {
      item->event = paraat_import_read_event (ctx, comp, paraat_calendar_reader_get_line (), FALSE, TRUE);
      /* The component is gone once this returns */
      set_raw_lean (ctx, item->event, comp);
    }
  /* Most events have none: then the array stays for the next one */
  if (ctx->plan->warnings->len > 0)
    {
      item->warnings = g_steal_pointer (&ctx->plan->warnings);
      ctx->plan->warnings = g_ptr_array_new_with_free_func (g_free);
    }

  return TRUE;

stopped:
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the import stopped");
  return FALSE;
}

/* At an xCal VEVENT: while this side keeps up, the reader records it on
 * the tape of the batch it will go in (see on_recorded_cb()) */
static ParaatXcalTape *
on_record_cb (icalcomponent *calendar,
              gpointer       user_data)
{
  Pipe *pipe = user_data;
  PipeBatch *batch;

  /* Otherwise on_piped_component_cb() gets it, and may stop */
  if (!writer_makes_event (pipe) || g_cancellable_is_cancelled (pipe->ctx.cancellable)
      || !push_zones (pipe, calendar) || (batch = pipe_filling (pipe)) == NULL)
    return NULL;
  if (batch->tape == NULL)
    batch->tape = paraat_xcal_tape_new ();

  return batch->tape;
}

static gboolean
on_recorded_cb (ParaatXcalTape  *tape,
                gsize            offset,
                icalcomponent   *calendar,
                gpointer         user_data,
                GError         **error)
{
  Pipe *pipe = user_data;
  PipeItem *item;

  if (g_cancellable_set_error_if_cancelled (pipe->ctx.cancellable, error))
    return FALSE;
  /* on_record_cb() made room in this tape's batch */
  g_assert (pipe->filling != NULL && pipe->filling->tape == tape);
  item = pipe_add_item (pipe);
  item->taped = TRUE;
  item->offset = offset;
  item->fraction = pipe->ctx.fraction;

  return TRUE;
}

static gpointer
read_in_thread (gpointer data)
{
  Pipe *pipe = data;
  ParaatImportContext *ctx = &pipe->ctx;
  static const ParaatXcalTapeHooks hooks = { on_record_cb, on_recorded_cb, 0 };
  g_autoptr(ParaatImportPlan) scratch = g_new0 (ParaatImportPlan, 1);
  guint n_paths = g_strv_length ((char **) pipe->paths);
  ParaatReaderLimits limits;
  GError *error = NULL;

  scratch->warnings = g_ptr_array_new_with_free_func (g_free);
  scratch->kind = pipe->kind;
  ctx->plan = scratch;
  ctx->region_names = pipe->region_names;
  ctx->cancellable = pipe->cancellable;
  paraat_reader_limits_init (&limits);
  for (guint i = 0; i < n_paths && error == NULL; i++)
    {
      g_autofree char *file = g_path_get_basename (pipe->paths[i]);

      pipe->file = g_ref_string_new (file);
      pipe->n_zones = 0;
      ctx->file = pipe->file;
      ctx->fraction = 0.9 * i / n_paths;
      paraat_calendar_read_file_taped (pipe->paths[i], &limits, &hooks, pipe, on_piped_component_cb, pipe,
                                       &error);
      /* What was read before an error goes too: the writer may fail on
       * it first, as it would reading alone. */
      pipe_push (pipe);
      ctx->file = NULL;
      g_clear_pointer (&pipe->file, g_ref_string_release);
    }
  ctx->plan = NULL;

  g_mutex_lock (&pipe->lock);
  pipe->error = error;
  pipe->done = TRUE;
  g_cond_signal (&pipe->not_empty);
  g_mutex_unlock (&pipe->lock);

  return NULL;
}

/* What on_lean_component_cb() does in a plan, and the write */
static gboolean
run_event (ParaatImportContext *ctx,
           ParaatImportEvent   *event,
           GError             **error)
{
  gboolean chosen;

  ctx->ordinal++;
  if (!paraat_import_plan_event_lean (ctx, event, &chosen, error))
    return FALSE;
  if (ctx->ordinal % 256 == 0)
    paraat_import_report_progress (ctx, ctx->fraction);
  /* Once an event replaced one already written, the run ends as a plan
   * and applies it with a second read. */
  if (ctx->replaced || !chosen || !paraat_import_state_is_written (event->state))
    return TRUE;

  return paraat_import_write_lean_event (ctx, event, error);
}

/* This side's VCALENDAR of the zones of the file being read */
typedef struct
{
  icalcomponent *calendar;
  char          *file;      /* GRefString */
} Zones;

static void
zones_clear (Zones *zones)
{
  g_clear_pointer (&zones->calendar, icalcomponent_free);
  g_clear_pointer (&zones->file, g_ref_string_release);
}

/* The zones of @file (a GRefString), from none when it is a new one */
static void
zones_for (Zones *zones,
           char  *file)
{
  if (zones->file != file)
    {
      zones_clear (zones);
      zones->calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
      zones->file = g_ref_string_acquire (file);
    }
}

/* @comp, a VEVENT inside the zones' VCALENDAR, from @line of ctx->file:
 * made into an event, planned and written; the event is kept to fill
 * again */
static gboolean
run_component (ParaatImportContext  *ctx,
               icalcomponent        *comp,
               int                   line,
               GError              **error)
{
  ParaatImportEvent *event = paraat_import_read_event (ctx, comp, line, FALSE, TRUE);
  gboolean ok;

  set_raw_lean (ctx, event, comp);
  ok = run_event (ctx, event, error);
  paraat_import_recycle_event (ctx, event);

  return ok;
}

/* A VEVENT replayed from a tape (see take_component()) */
static gboolean
on_replayed_cb (icalcomponent  *comp,
                gpointer        user_data,
                GError        **error)
{
  return run_component (user_data, comp, paraat_calendar_reader_get_line (), error);
}

/* A VTIMEZONE joins the zones; a VEVENT goes to run_component() inside
 * them. The VEVENT stays in @item and is freed with it (see pipe_pop());
 * the zone is this side's now. A taped VEVENT is mapped here first, and
 * reaches run_component() through on_replayed_cb(). */
static gboolean
take_component (ParaatImportContext *ctx,
                Zones               *zones,
                ParaatXcalReplay    *replay,
                PipeBatch           *batch,
                PipeItem            *item,
                GError             **error)
{
  icalcomponent *comp = item->comp;
  gboolean ok;

  zones_for (zones, batch->file);
  if (item->taped)
    {
      ctx->file = batch->file;
      ok = paraat_xcal_replay (replay, batch->tape, item->offset, zones->calendar, error);
      ctx->file = NULL;
      return ok;
    }
  if (icalcomponent_isa (comp) == ICAL_VTIMEZONE_COMPONENT)
    {
      icalcomponent_add_component (zones->calendar, g_steal_pointer (&item->comp));
      return TRUE;
    }

  icalcomponent_add_component (zones->calendar, comp);
  ctx->file = batch->file;
  ok = run_component (ctx, comp, item->line, error);
  ctx->file = NULL;
  icalcomponent_remove_component (zones->calendar, comp);

  return ok;
}

gboolean
paraat_import_run_files (ParaatImportContext *ctx,
                         const char * const  *paths,
                         GError             **error)
{
  Pipe pipe = { 0 };
  Zones zones = { 0 };
  ParaatReaderLimits limits;
  ParaatXcalReplay *replay;
  GThread *thread;
  PipeBatch *batch;
  gboolean ok = TRUE;
  guint n_events = 0;
  guint n_made_here = 0;

  g_mutex_init (&pipe.lock);
  g_cond_init (&pipe.not_empty);
  g_cond_init (&pipe.not_full);
  g_queue_init (&pipe.batches);
  pipe.spent = g_ptr_array_new ();
  pipe.spare = g_ptr_array_new_with_free_func ((GDestroyNotify) pipe_batch_free);
  pipe.free_here = malloc_is_jemalloc ();
  pipe.paths = paths;
  pipe.region_names = ctx->region_names;
  pipe.kind = ctx->plan->kind;
  pipe.cancellable = ctx->cancellable;
  ctx->pass = PARAAT_IMPORT_PASS_RUN;
  ctx->ordinal = 0;

  /* The reader's limits (see read_in_thread()) */
  paraat_reader_limits_init (&limits);
  replay = paraat_xcal_replay_new (&limits, on_replayed_cb, ctx);
  thread = g_thread_new ("paraat-import", read_in_thread, &pipe);
  batch = NULL;
  while (ok && (batch = pipe_pop (&pipe, batch, ctx)) != NULL)
    for (guint i = 0; ok && i < batch->n_items; i++)
      {
        PipeItem *item = &batch->items[i];

        if (item->warnings != NULL)
          g_ptr_array_extend_and_steal (ctx->plan->warnings, g_steal_pointer (&item->warnings));
        ctx->fraction = item->fraction;
        ok = !g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
        if (ok && item->event != NULL)
          {
            n_events++;
            ok = run_event (ctx, item->event, error);
          }
        else if (ok && (item->comp != NULL || item->taped))
          {
            if (item->taped || icalcomponent_isa (item->comp) == ICAL_VEVENT_COMPONENT)
              {
                n_events++;
                n_made_here++;
              }
            ok = take_component (ctx, &zones, replay, batch, item, error);
          }
      }
  g_clear_pointer (&batch, pipe_batch_free);
  g_debug ("The writing thread made %u of %u events", n_made_here, n_events);
  if (!ok)
    {
      g_mutex_lock (&pipe.lock);
      pipe.stop = TRUE;
      g_cond_signal (&pipe.not_full);
      g_mutex_unlock (&pipe.lock);
    }
  g_thread_join (thread);

  g_queue_clear_full (&pipe.batches, (GDestroyNotify) pipe_batch_free);
  g_clear_pointer (&pipe.filling, pipe_batch_free);
  for (guint i = 0; i < pipe.spent->len; i++)
    pipe_batch_free (pipe.spent->pdata[i]);
  g_ptr_array_unref (pipe.spent);
  g_ptr_array_unref (pipe.spare);
  if (ok && pipe.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&pipe.error));
      ok = FALSE;
    }
  g_clear_error (&pipe.error);
  zones_clear (&zones);
  paraat_xcal_replay_free (replay);
  paraat_import_read_context_clear (&pipe.ctx);
  g_cond_clear (&pipe.not_empty);
  g_cond_clear (&pipe.not_full);
  g_mutex_clear (&pipe.lock);

  return ok && !g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}
