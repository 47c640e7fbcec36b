/* paraat-xcal-tape.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The xCal reader's tapes and replays: the reading thread records the
 * nodes of a VEVENT on a tape, and another thread maps them with the
 * reader's own mapping (paraat-xcal-reader.c). What the two files share
 * is in paraat-xcal-reader-private.h.
 */

#include "config.h"

#include <string.h>

#include <libxml/xmlreader.h>

#include "paraat-calendar-reader-private.h"
#include "paraat-xcal-reader-private.h"

/* Tapes
 *
 * For paraat_import_run(), the reading thread can leave the mapping of a
 * VEVENT to the writing one: it records the VEVENT's nodes on a tape (one
 * buffer, the names as the addresses libxml2 interned them, with its
 * dictionary referenced) and the other thread replays them through the
 * same mapping (paraat_xcal_replay()). What crosses between the cores is
 * then one buffer read in order, not the 50-odd allocations of an
 * icalcomponent (docs/benchmarks.md, "Two cores that share a cache, and
 * two that do not").
 *
 * The reader still checks what it checks of every node (depth, DOCTYPE,
 * well-formedness); when it stops inside a recorded VEVENT, or the VEVENT
 * grows past TAPE_MAX_ENTRY, it plays the tape back through its own
 * mapping and goes on (or fails) as if it had never recorded, so errors
 * come in the same order with the same lines. */

#define TAPE_MAX_ENTRY (256 * 1024)

struct _ParaatXcalTape
{
  guint8     *data;
  gsize       len;
  gsize       size;
  xmlDictPtr  dict;  /* the names on it are in this; referenced */
  char       *name;  /* its file's display name */
};

/* An entry: a TapeEntry, then its TapeNodes */
typedef struct
{
  gsize len;  /* bytes, with this header */
} TapeEntry;

/* A Node, followed by @extra bytes: the text or the namespace URI with
 * its NUL, padded to 8 */
typedef struct
{
  guint8         type;
  guint8         empty;
  guint8         is_xcal;
  int            depth;
  int            line;
  guint32        extra;
  const xmlChar *name;
} TapeNode;

ParaatXcalTape *
paraat_xcal_tape_new (void)
{
  return g_new0 (ParaatXcalTape, 1);
}

/* Forgets the entries and their file; keeps the buffer */
void
paraat_xcal_tape_clear (ParaatXcalTape *tape)
{
  tape->len = 0;
  g_clear_pointer (&tape->dict, xmlDictFree);
  g_clear_pointer (&tape->name, g_free);
}

void
paraat_xcal_tape_free (ParaatXcalTape *tape)
{
  if (tape == NULL)
    return;
  paraat_xcal_tape_clear (tape);
  g_free (tape->data);
  g_free (tape);
}

static void *
tape_append (ParaatXcalTape *tape,
             gsize           n)
{
  void *at;

  if (tape->len + n > tape->size)
    {
      tape->size = MAX (tape->len + n, MAX (16 * 1024, 2 * tape->size));
      tape->data = g_realloc (tape->data, tape->size);
    }
  at = tape->data + tape->len;
  tape->len += n;

  return at;
}

static void
record_node (XcalReader *self,
             const Node *node)
{
  const char *extra = (const char *) (node->type == XML_READER_TYPE_ELEMENT ? node->ns : (const xmlChar *) node->text);
  gsize extra_len = extra != NULL ? strlen (extra) + 1 : 0;
  gsize padded = (extra_len + 7) & ~(gsize) 7;
  TapeNode *out = tape_append (self->tape, sizeof (TapeNode) + padded);

  out->type = node->type;
  out->empty = node->empty;
  out->is_xcal = node->is_xcal;
  out->depth = node->depth;
  out->line = node->type == XML_READER_TYPE_END_ELEMENT ? 0 : node_line (self, node);
  out->extra = padded;
  out->name = node->name;
  if (extra_len > 0)
    memcpy (out + 1, extra, extra_len);
}

/* Hands each node from @p to @end to paraat_xcal_reader_handle_node() */
static gboolean
replay_nodes (XcalReader   *self,
              const guint8 *p,
              const guint8 *end)
{
  while (p < end)
    {
      const TapeNode *in = (const TapeNode *) p;
      Node node = { in->type, in->depth, in->line, in->empty, in->is_xcal, in->name, NULL, NULL };

      if (in->extra > 0 && in->type == XML_READER_TYPE_ELEMENT)
        node.ns = (const xmlChar *) (in + 1);
      else if (in->extra > 0)
        node.text = (const char *) (in + 1);
      p += sizeof (TapeNode) + in->extra;
      if (!paraat_xcal_reader_handle_node (self, &node))
        return FALSE;
    }

  return TRUE;
}

/* Stops recording: maps what was recorded here, and takes it off the tape */
gboolean
paraat_xcal_reader_play_back (XcalReader *self)
{
  ParaatXcalTape *tape = g_steal_pointer (&self->tape);
  gsize offset = self->tape_offset;
  gboolean ok = replay_nodes (self, tape->data + offset + sizeof (TapeEntry), tape->data + tape->len);

  tape->len = offset;

  return ok;
}

/* Whether @node (an element) is a VEVENT right inside <vcalendar> to record */
gboolean
paraat_xcal_reader_start_recording (XcalReader *self,
                                    const Node *node)
{
  Frame *top = top_frame (self);
  xmlNodePtr xml_node;
  ParaatXcalTape *tape;

  if (self->hooks == NULL || self->skip_depth >= 0 || node->empty || !node->is_xcal
      || top->kind != FRAME_COMPONENTS || !self->frames[self->n_frames - 2].is_calendar
      || strcmp ((const char *) node->name, "vevent") != 0)
    return FALSE;

  xml_node = xmlTextReaderCurrentNode (self->reader);
  if (xml_node->doc == NULL || xml_node->doc->dict == NULL)
    return FALSE;
  /* <vcalendar>'s start made it (start_element()) */
  g_assert (self->sink.calendar != NULL);
  tape = self->hooks->record (self->sink.calendar, self->hooks_data);
  if (tape == NULL)
    return FALSE;

  /* A tape holds one file's entries */
  g_return_val_if_fail (tape->len == 0 || tape->dict == xml_node->doc->dict, FALSE);
  if (tape->dict != xml_node->doc->dict)
    {
      g_clear_pointer (&tape->dict, xmlDictFree);
      xmlDictReference (xml_node->doc->dict);
      tape->dict = xml_node->doc->dict;
      g_free (tape->name);
      tape->name = g_strdup (self->name);
    }
  self->tape = tape;
  self->tape_offset = tape->len;
  self->tape_depth = node->depth;
  tape_append (tape, sizeof (TapeEntry));

  return TRUE;
}

/* Records @node; at the end of the VEVENT hands the entry over */
gboolean
paraat_xcal_reader_record (XcalReader *self,
                           const Node *node)
{
  ParaatXcalTape *tape = self->tape;
  TapeEntry *entry;

  record_node (self, node);
  if (node->type == XML_READER_TYPE_END_ELEMENT && node->depth == self->tape_depth)
    {
      entry = (TapeEntry *) (tape->data + self->tape_offset);
      entry->len = tape->len - self->tape_offset;
      self->tape = NULL;
      return self->hooks->recorded (tape, self->tape_offset, self->sink.calendar, self->hooks_data,
                                    &self->error);
    }
  if (tape->len - self->tape_offset > (self->hooks->max_entry > 0 ? self->hooks->max_entry : TAPE_MAX_ENTRY))
    return paraat_xcal_reader_play_back (self);

  return TRUE;
}

/* Replays */

struct _ParaatXcalReplay
{
  XcalReader mapping;
  xmlDictPtr dict;   /* the names in the mapping's tables are in this; referenced */
};

static void
name_table_reset (NameTable *names)
{
  g_hash_table_remove_all (names->table);
  memset (names->slots, 0, sizeof names->slots);
}

/**
 * paraat_xcal_replay_new:
 * @limits: the limits of the reading that records the tapes
 * @func: called with each VEVENT replayed, as the reader would
 * @user_data: for @func
 *
 * The mapping of the xCal reader, on its own, for the VEVENTs a reader
 * recorded on tapes (see #ParaatXcalTapeHooks), in another thread.
 */
ParaatXcalReplay *
paraat_xcal_replay_new (const ParaatReaderLimits *limits,
                        ParaatComponentFunc       func,
                        gpointer                  user_data)
{
  ParaatXcalReplay *replay = g_new0 (ParaatXcalReplay, 1);

  paraat_xcal_reader_ensure_libxml ();
  paraat_xcal_reader_init (&replay->mapping, NULL, limits, func, user_data);

  return replay;
}

void
paraat_xcal_replay_free (ParaatXcalReplay *replay)
{
  if (replay == NULL)
    return;
  paraat_xcal_reader_clear (&replay->mapping);
  g_clear_pointer (&replay->dict, xmlDictFree);
  g_free (replay);
}

/**
 * paraat_xcal_replay:
 * @replay: a #ParaatXcalReplay
 * @tape: the tape #ParaatXcalTapeHooks.recorded() was given
 * @offset: and the offset it was given
 * @calendar: a VCALENDAR with the VTIMEZONEs of the file read before the
 *   VEVENT (at the least those it names)
 * @error: what the reader would have failed with, then
 *
 * Maps the recorded VEVENT and calls the replay's #ParaatComponentFunc
 * with it, inside @calendar, with the checks and the messages of the
 * reader (paraat_calendar_reader_get_line() and
 * paraat_calendar_reader_keep_component() work as in a read).
 */
gboolean
paraat_xcal_replay (ParaatXcalReplay  *replay,
                    ParaatXcalTape    *tape,
                    gsize              offset,
                    icalcomponent     *calendar,
                    GError           **error)
{
  XcalReader *self = &replay->mapping;
  const TapeEntry *entry = (const TapeEntry *) (tape->data + offset);
  gboolean ok;

  /* Names are told apart by their address in their dictionary */
  if (replay->dict != tape->dict)
    {
      name_table_reset (&self->property_infos);
      name_table_reset (&self->parameter_infos);
      name_table_reset (&self->value_types);
      g_clear_pointer (&replay->dict, xmlDictFree);
      xmlDictReference (tape->dict);
      replay->dict = tape->dict;
    }
  self->name = self->sink.name = tape->name;
  self->sink.calendar = calendar;
  push_frame (self, FRAME_DOCUMENT, NULL, 0);
  push_frame (self, FRAME_ICALENDAR, (const xmlChar *) "icalendar", 0);
  push_frame (self, FRAME_COMPONENT, (const xmlChar *) "vcalendar", 0)->is_calendar = TRUE;
  push_frame (self, FRAME_COMPONENTS, (const xmlChar *) "components", 0);

  ok = replay_nodes (self, tape->data + offset + sizeof (TapeEntry), tape->data + offset + entry->len);

  self->sink.calendar = NULL;
  self->name = self->sink.name = NULL;
  self->skip_depth = -1;
  paraat_xcal_reader_clear_property (self);
  paraat_xcal_reader_clear_frames (self);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->error));
  g_clear_error (&self->error);

  return ok;
}
