/* paraat-xcal-reader-private.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the files of the xCal reader, paraat-xcal-reader.c (the reading
 * and the mapping) and paraat-xcal-tape.c (the tapes and the replays),
 * and for its tests: the reader's state, the helpers on the hot path
 * that both use, and what each file calls of the other.
 */

#pragma once

#include <libxml/xmlreader.h>

#include "paraat-calendar-reader-private.h"

G_BEGIN_DECLS

typedef enum
{
  FRAME_DOCUMENT,
  FRAME_ICALENDAR,
  FRAME_COMPONENT,
  FRAME_PROPERTIES,
  FRAME_COMPONENTS,
  FRAME_PROPERTY,
  FRAME_PARAMETERS,
  FRAME_PARAMETER,
  FRAME_VALUE,
  FRAME_RECUR,
  FRAME_PERIOD,
  FRAME_PART,
} FrameKind;

typedef enum
{
  VT_NONE,
  VT_TEXT,
  VT_DATE,
  VT_DATE_TIME,
  VT_DURATION,
  VT_PERIOD,
  VT_RECUR,
  VT_UTC_OFFSET,
  VT_INTEGER,
  VT_FLOAT,
  VT_BOOLEAN,
  VT_CAL_ADDRESS,
  VT_URI,
  VT_BINARY,
  VT_TIME,
  VT_UNKNOWN,
  VT_LATITUDE,
  VT_LONGITUDE,
  VT_CODE,
  VT_DESCRIPTION,
  VT_DATA,
} ValueType;

typedef struct
{
  FrameKind          kind;
  int                line;
  const xmlChar     *name;        /* local name, interned in the reader's dictionary */
  icalcomponent     *comp;        /* FRAME_COMPONENT, except the VCALENDAR's */
  gboolean           is_calendar; /* the <vcalendar> frame */
  gboolean           top;         /* a component right inside <vcalendar> */
  ParaatReaderLines  lines;       /* top components only */
  guint              n_items;     /* top components only */
} Frame;

/* A node of the document, as the mapping sees it: read from libxml2's
 * reader, or replayed from a tape (see ParaatXcalTape). */
typedef struct
{
  int            type;     /* XML_READER_TYPE_ELEMENT, _END_ELEMENT, _TEXT or _WHITESPACE */
  int            depth;
  int            line;     /* -1: the reader's current node's, worked out when needed */
  gboolean       empty;    /* an element like <x/> */
  gboolean       is_xcal;  /* an element in <icalendar>'s namespace, xCal's */
  const xmlChar *name;     /* an element's local name, interned */
  const xmlChar *ns;       /* an element's namespace URI, if not is_xcal */
  const char    *text;     /* text and whitespace */
} Node;

/* What the reader worked out about an element name, by its address:
 * libxml2 interns names, so an address is a name for the whole read. In
 * front of the hash table, the last entry seen in each of a few slots:
 * most names come back event after event, and a slot costs a multiply
 * and a compare where GHashTable cost 60–80 instructions. */
#define N_NAME_SLOTS 32

typedef struct
{
  const xmlChar *name;
  gpointer       value;
} NameSlot;

typedef struct
{
  GHashTable *table;  /* interned name → value */
  NameSlot    slots[N_NAME_SLOTS];
} NameTable;

typedef struct
{
  /* Borrowed */
  ParaatInput              *in;
  const char               *name;
  const ParaatReaderLimits *limits;

  /* Owned */
  ParaatReaderSink          sink;
  xmlTextReaderPtr          reader;
  Frame                    *frames;          /* a stack, the document's at the bottom … */
  guint                     n_frames;        /* … this many on it … */
  guint                     frames_size;     /* … and room for this many */
  NameTable                 property_infos;  /* NameInfo */
  NameTable                 parameter_infos; /* NameInfo */
  NameTable                 value_types;     /* ValueType + 1 */
  GError                   *error;           /* ours, first */
  int                       xml_code;        /* libxml2's first error */
  int                       xml_line;
  char                     *xml_message;
  gboolean                  external_refused;
  char                     *external_url;
  guint                     calendar_items;  /* parameters and values of VCALENDAR properties */
  gboolean                  seen_root;
  gboolean                  seen_calendar;
  const xmlNs              *root_ns;         /* <icalendar>'s, once it is xCal's; see process_node() */
  int                       skip_depth;      /* -1, or the depth of a subtree being skipped */
  const ParaatXcalTapeHooks *hooks;          /* NULL: nothing is recorded */
  gpointer                  hooks_data;
  ParaatXcalTape           *tape;            /* recording a VEVENT on this … */
  gsize                     tape_offset;     /* … from here … */
  int                       tape_depth;      /* … that is this deep */
  ParaatXmlScan             scan;            /* of the bytes before libxml2 reads them */

  /* The property being read */
  icalproperty             *prop;
  icalproperty_kind         prop_kind;
  const xmlChar            *prop_name;
  int                       prop_line;
  GPtrArray                *values;
  GPtrArray                *spare_values;  /* finish_property()'s, empty */
  GString                  *x_text;          /* X- properties keep one text value */
  gboolean                  has_lat, has_lon;
  double                    lat, lon;
  char                     *rs_code, *rs_desc, *rs_data;

  /* The parameter being read */
  const xmlChar            *param_name;
  GString                  *param_value;
  guint                     param_n_values;

  /* The value (or recur/period part) being read */
  ValueType                 vtype;
  GString                  *text;
  GString                  *recur;
  const char               *recur_last;
  gsize                     recur_n_last;
  char                     *period_start, *period_end, *period_duration;
} XcalReader;

static inline int
current_line (XcalReader *self)
{
  xmlNodePtr node;
  long line;

  if (self->reader == NULL)
    return 0;  /* a replay: its nodes carry their lines */
  node = xmlTextReaderCurrentNode (self->reader);
  line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (self->reader);

  return (int) CLAMP (line, 0, G_MAXINT);
}

static inline int
node_line (XcalReader *self,
           const Node *node)
{
  return node->line >= 0 ? node->line : current_line (self);
}

static inline Frame *
top_frame (XcalReader *self)
{
  return &self->frames[self->n_frames - 1];
}

static inline Frame *
push_frame (XcalReader    *self,
            FrameKind      kind,
            const xmlChar *name,
            int            line)
{
  Frame frame = { kind, line, name, NULL, FALSE, FALSE, { 0, }, 0 };

  /* A stack of its own: GArray's calls were 3 % of the reading */
  if (self->n_frames == self->frames_size)
    {
      self->frames_size = MAX (16, 2 * self->frames_size);
      self->frames = g_renew (Frame, self->frames, self->frames_size);
    }
  self->frames[self->n_frames++] = frame;

  return top_frame (self);
}

/* paraat-xcal-reader.c */
void          paraat_xcal_reader_ensure_libxml   (void);
void          paraat_xcal_reader_init            (XcalReader                *self,
                                                  const char                *name,
                                                  const ParaatReaderLimits  *limits,
                                                  ParaatComponentFunc        func,
                                                  gpointer                   user_data);
void          paraat_xcal_reader_clear           (XcalReader                *self);
void          paraat_xcal_reader_clear_property  (XcalReader                *self);
void          paraat_xcal_reader_clear_frames    (XcalReader                *self);
gboolean      paraat_xcal_reader_handle_node     (XcalReader                *self,
                                                  const Node                *node);

/* paraat-xcal-tape.c */
gboolean      paraat_xcal_reader_start_recording (XcalReader                *self,
                                                  const Node                *node);
gboolean      paraat_xcal_reader_record          (XcalReader                *self,
                                                  const Node                *node);
gboolean      paraat_xcal_reader_play_back       (XcalReader                *self);

G_END_DECLS
