/* paraat-ics-reader.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * iCalendar (RFC 5545) read line by line and parsed by libical one
 * component at a time.
 *
 * icalparser_parse() hands back a VCALENDAR only when it has read all of
 * it, so the whole file would sit in memory. Instead we unfold lines
 * ourselves (checking UTF-8 and the line length on each), keep track of
 * BEGIN/END, put the VCALENDAR's own properties on the sink's calendar and
 * feed each component inside it, BEGIN to END, to a fresh icalparser.
 * That also gives every message a line number, which libical does not
 * keep.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "paraat-calendar-reader-private.h"

typedef struct
{
  /* Borrowed */
  ParaatInput              *in;
  const char               *name;
  const ParaatReaderLimits *limits;

  /* Owned */
  ParaatReaderSink          sink;
  GString                  *line;
  int                       line_no;      /* where the logical line starts */
  int                       next_line_no; /* the next physical line */
  GPtrArray                *stack;        /* names of the open components */
  GArray                   *stack_lines;
  icalparser               *parser;       /* for the component being read */
  ParaatReaderLines         lines;
  guint                     n_items;
  gboolean                  seen_calendar;
} IcsReader;

/* Reads one unfolded line into self->line, without its line break.
 * FALSE at the end of the file (with self->in->error set on failure). */
static gboolean
read_line (IcsReader *self,
           GError   **error)
{
  ParaatInput *in = self->in;
  gboolean got_any = FALSE;

  g_string_truncate (self->line, 0);
  self->line_no = self->next_line_no;

  for (;;)
    {
      const guint8 *start, *nl;
      gsize avail, take;

      if (in->pos == in->len)
        {
          if (!paraat_input_peek (in, 1))
            {
              g_propagate_error (error, g_steal_pointer (&in->error));
              return FALSE;
            }
          if (in->pos == in->len)
            return got_any;  /* end of file */
        }

      got_any = TRUE;
      start = in->buf + in->pos;
      avail = in->len - in->pos;
      nl = memchr (start, '\n', avail);
      take = nl != NULL ? (gsize) (nl - start) : avail;

      if (self->line->len + take > self->limits->max_value_length)
        {
          g_autofree char *limit = g_format_size (self->limits->max_value_length);

          paraat_reader_set_error (error, PARAAT_READER_ERROR_TOO_LONG, self->name, self->line_no,
                                   /* Translators: a size like “1.0 MB” */
                                   _("the line is longer than the limit of %s"), limit);
          return FALSE;
        }
      g_string_append_len (self->line, (const char *) start, take);
      in->pos += take;
      if (nl == NULL)
        continue;

      /* The line break, then a folded continuation if the next line
       * starts with a space or a tab. */
      in->pos++;
      self->next_line_no++;
      if (self->line->len > 0 && self->line->str[self->line->len - 1] == '\r')
        g_string_truncate (self->line, self->line->len - 1);
      if (!paraat_input_peek (in, 1))
        {
          g_propagate_error (error, g_steal_pointer (&in->error));
          return FALSE;
        }
      if (in->pos < in->len && (in->buf[in->pos] == ' ' || in->buf[in->pos] == '\t'))
        {
          in->pos++;
          continue;
        }
      return TRUE;
    }
}

static gboolean
has_prefix_ci (const char *line,
               const char *prefix)
{
  return g_ascii_strncasecmp (line, prefix, strlen (prefix)) == 0;
}

/* The property name of a content line, for the lines kept for messages. */
static int *
tracked_line (IcsReader  *self,
              const char *line)
{
  static const struct { const char *name; gsize offset; } tracked[] = {
    { "DTSTART", G_STRUCT_OFFSET (ParaatReaderLines, dtstart) },
    { "DTEND", G_STRUCT_OFFSET (ParaatReaderLines, dtend) },
    { "DURATION", G_STRUCT_OFFSET (ParaatReaderLines, duration) },
    { "RRULE", G_STRUCT_OFFSET (ParaatReaderLines, rrule) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tracked); i++)
    {
      gsize len = strlen (tracked[i].name);

      if (g_ascii_strncasecmp (line, tracked[i].name, len) == 0
          && (line[len] == ':' || line[len] == ';'))
        return G_STRUCT_MEMBER_P (&self->lines, tracked[i].offset);
    }

  return NULL;
}

/* Does the content line's name (up to “;” or “:”) equal @name? */
static gboolean
has_name_ci (const char *line,
             const char *name)
{
  gsize len = strlen (name);

  return g_ascii_strncasecmp (line, name, len) == 0 && (line[len] == ';' || line[len] == ':');
}

/* Unescaped “,” and “;” in a content line. */
static guint
count_separators (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == ',' || *p == ';')
        n++;
    }

  return n;
}

/* Feeds a line that cannot end the component to the parser. libical may
 * still see an end in it that we do not; refuse rather than lose track. */
static gboolean
feed_line (IcsReader  *self,
           char       *line,
           GError    **error)
{
  icalcomponent *comp = icalparser_add_line (self->parser, line);

  if (comp != NULL)
    {
      icalcomponent_free (comp);
      paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, self->name, self->line_no, "%s",
                               _("the line ends a component in a way that cannot be read"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
process_line (IcsReader *self,
              GError   **error)
{
  char *line = self->line->str;
  const char *end;
  guint depth = self->stack->len;

  if (!g_utf8_validate_len (line, self->line->len, &end))
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_ENCODING, self->name, self->line_no,
                               /* Translators: %ld is the byte position in the line */
                               _("the text is not valid UTF-8 (at byte %ld of the line); save "
                                 "the file as UTF-8 and import it again"),
                               (long) (end - line) + 1);
      return FALSE;
    }
  if (self->line->len == 0)
    return TRUE;

  /* RFC 5545 allows no control characters but the tab; a lone CR could
   * make libical see a line break where we saw none. */
  for (gsize i = 0; i < self->line->len; i++)
    {
      guchar c = line[i];

      if ((c < 0x20 && c != '\t') || c == 0x7f)
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_ENCODING, self->name, self->line_no,
                                   /* Translators: %ld is the byte position in the line */
                                   _("the line has a control character at byte %ld; iCalendar "
                                     "text allows none but the tab"), (long) i + 1);
          return FALSE;
        }
    }

  /* libical would take BEGIN;X=Y:… for a BEGIN; we do not. */
  if ((has_name_ci (line, "BEGIN") && !has_prefix_ci (line, "BEGIN:"))
      || (has_name_ci (line, "END") && !has_prefix_ci (line, "END:")))
    {
      g_autofree char *shown = paraat_reader_shorten (line);

      paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, self->name, self->line_no,
                               /* Translators: the line from the file */
                               _("“%s”: BEGIN and END cannot have parameters"), shown);
      return FALSE;
    }

  if (has_prefix_ci (line, "BEGIN:"))
    {
      const char *name = line + 6;

      if (depth + 1 > self->limits->max_depth)
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_DEPTH, self->name, self->line_no,
                                   /* Translators: %u is the limit */
                                   _("components are nested more than %u deep"),
                                   self->limits->max_depth);
          return FALSE;
        }
      if (depth == 0)
        {
          if (g_ascii_strcasecmp (name, "VCALENDAR") != 0)
            {
              g_autofree char *shown = paraat_reader_shorten (name);

              paraat_reader_set_error (error, PARAAT_READER_ERROR_STRUCTURE, self->name,
                                       self->line_no,
                                       /* Translators: a component name from the file */
                                       _("BEGIN:%s where BEGIN:VCALENDAR should be"), shown);
              return FALSE;
            }
          self->seen_calendar = TRUE;
          paraat_reader_sink_new_calendar (&self->sink);
        }
      else if (depth == 1)
        {
          g_assert (self->parser == NULL);
          self->parser = icalparser_new ();
          memset (&self->lines, 0, sizeof self->lines);
          self->lines.component = self->line_no;
          self->n_items = 0;
        }
      g_ptr_array_add (self->stack, g_strdup (name));
      g_array_append_val (self->stack_lines, self->line_no);

      return self->parser == NULL || feed_line (self, line, error);
    }

  if (has_prefix_ci (line, "END:"))
    {
      const char *name = line + 4;
      const char *open;
      icalcomponent *comp;

      if (depth == 0)
        {
          g_autofree char *shown = paraat_reader_shorten (line);

          paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, self->name, self->line_no,
                                   /* Translators: the line from the file */
                                   _("“%s” has no BEGIN before it"), shown);
          return FALSE;
        }
      open = g_ptr_array_index (self->stack, depth - 1);
      if (g_ascii_strcasecmp (name, open) != 0)
        {
          g_autofree char *shown = paraat_reader_shorten (name);
          g_autofree char *open_shown = paraat_reader_shorten (open);

          paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, self->name, self->line_no,
                                   /* Translators: two component names, then a line number */
                                   _("END:%s does not match BEGIN:%s from line %d"),
                                   shown, open_shown,
                                   g_array_index (self->stack_lines, int, depth - 1));
          return FALSE;
        }
      g_ptr_array_set_size (self->stack, depth - 1);
      g_array_set_size (self->stack_lines, depth - 1);

      if (depth == 1)
        return TRUE;  /* END:VCALENDAR */

      if (depth > 2)
        return feed_line (self, line, error);

      comp = icalparser_add_line (self->parser, line);

      g_clear_pointer (&self->parser, icalparser_free);
      if (comp == NULL)
        {
          paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, self->name,
                                   self->lines.component, "%s",
                                   _("the component cannot be read"));
          return FALSE;
        }
      return paraat_reader_sink_take (&self->sink, comp, &self->lines, error);
    }

  if (depth == 0)
    {
      g_autofree char *shown = paraat_reader_shorten (line);

      paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, self->name, self->line_no,
                               /* Translators: the line from the file */
                               _("“%s” is outside BEGIN:VCALENDAR … END:VCALENDAR"), shown);
      return FALSE;
    }

  if (depth == 1)
    {
      icalproperty *prop = icalproperty_new_from_string (line);

      if (prop == NULL)
        {
          g_autofree char *shown = paraat_reader_shorten (line);

          paraat_reader_set_error (error, PARAAT_READER_ERROR_SYNTAX, self->name, self->line_no,
                                   /* Translators: the line from the file */
                                   _("“%s” is not a valid property"), shown);
          return FALSE;
        }
      return paraat_reader_sink_add_calendar_property (&self->sink, prop, self->line_no, error);
    }

  /* libical makes one property per comma-separated value and one
   * parameter per “;”: count them before it does, not after. */
  self->n_items += 1 + count_separators (line);
  if (self->n_items > self->limits->max_properties)
    {
      paraat_reader_set_error (error, PARAAT_READER_ERROR_TOO_MANY, self->name,
                               self->lines.component,
                               /* Translators: the component (VEVENT), then the limit */
                               _("%s has more than %u properties, parameters and values"),
                               (const char *) g_ptr_array_index (self->stack, 1),
                               self->limits->max_properties);
      return FALSE;
    }
  if (depth == 2)
    {
      int *tracked = tracked_line (self, line);

      if (tracked != NULL && *tracked == 0)
        *tracked = self->line_no;
    }

  return feed_line (self, line, error);
}

gboolean
paraat_ics_read_input (ParaatInput         *in,
                       ParaatComponentFunc  func,
                       gpointer             user_data,
                       GError             **error)
{
  IcsReader self = { 0, };
  GError *local_error = NULL;
  gboolean ok = TRUE;

  if (!paraat_input_check_magic (in))
    {
      g_propagate_error (error, g_steal_pointer (&in->error));
      return FALSE;
    }

  self.in = in;
  self.name = in->name;
  self.limits = in->limits;
  self.line = g_string_new (NULL);
  self.next_line_no = 1;
  self.stack = g_ptr_array_new_with_free_func (g_free);
  self.stack_lines = g_array_new (FALSE, FALSE, sizeof (int));
  paraat_reader_sink_init (&self.sink, in->name, in->limits, func, user_data);

  /* A UTF-8 byte order mark is not part of the first line. */
  if (paraat_input_peek (in, 3) && in->len - in->pos >= 3
      && memcmp (in->buf + in->pos, "\xef\xbb\xbf", 3) == 0)
    in->pos += 3;

  while (ok && read_line (&self, &local_error))
    ok = process_line (&self, &local_error);

  if (local_error == NULL && in->error != NULL)
    local_error = g_steal_pointer (&in->error);
  if (local_error == NULL && self.stack->len > 0)
    {
      guint depth = self.stack->len;
      g_autofree char *shown = paraat_reader_shorten (g_ptr_array_index (self.stack, depth - 1));

      paraat_reader_set_error (&local_error, PARAAT_READER_ERROR_SYNTAX, self.name,
                               self.line_no,
                               /* Translators: a component name, then a line number */
                               _("the file ends inside BEGIN:%s from line %d; it may be "
                                 "truncated, so copy or export it again"),
                               shown, g_array_index (self.stack_lines, int, depth - 1));
    }
  if (local_error == NULL && !self.seen_calendar)
    paraat_reader_set_error (&local_error, PARAAT_READER_ERROR_STRUCTURE, self.name, 0, "%s",
                             _("the file has no BEGIN:VCALENDAR; it holds no calendar"));

  g_clear_pointer (&self.parser, icalparser_free);
  paraat_reader_sink_clear (&self.sink);
  g_string_free (self.line, TRUE);
  g_ptr_array_unref (self.stack);
  g_array_unref (self.stack_lines);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}
