/* paraat-xml-scan.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The xCal reader's look at the bytes before libxml2 reads them (see
 * paraat-xcal-reader.c): enough of XML to tell text, tags, comments,
 * CDATA and processing instructions apart, so that a DOCTYPE is refused
 * before libxml2 declares its entities and a tag with thousands of
 * attributes before libxml2 compares them pairwise.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-calendar-reader-private.h"

typedef enum
{
  SCAN_TEXT,
  SCAN_LT,
  SCAN_BANG,
  SCAN_BANG_DASH,
  SCAN_COMMENT,
  SCAN_COMMENT_DASH,
  SCAN_COMMENT_DASH_DASH,
  SCAN_PI,
  SCAN_PI_QUESTION,
  SCAN_CDATA,
  SCAN_CDATA_BRACKET,
  SCAN_CDATA_BRACKETS,
  SCAN_START_TAG,
  SCAN_DOUBLE_QUOTED,
  SCAN_SINGLE_QUOTED,
  SCAN_END_TAG,
} ScanState;

/* In the states that run over many bytes, the bytes that end a run (one
 * bit per state). */
#define SCAN_BIT(state) (1u << (state))
#define SCAN_RUNS (SCAN_BIT (SCAN_START_TAG) | SCAN_BIT (SCAN_DOUBLE_QUOTED) | SCAN_BIT (SCAN_SINGLE_QUOTED) \
                   | SCAN_BIT (SCAN_END_TAG) | SCAN_BIT (SCAN_COMMENT) | SCAN_BIT (SCAN_PI) | SCAN_BIT (SCAN_CDATA))

static const guint32 scan_stops[256] = {
  ['"'] = SCAN_BIT (SCAN_START_TAG) | SCAN_BIT (SCAN_DOUBLE_QUOTED),
  ['\''] = SCAN_BIT (SCAN_START_TAG) | SCAN_BIT (SCAN_SINGLE_QUOTED),
  ['>'] = SCAN_BIT (SCAN_START_TAG) | SCAN_BIT (SCAN_END_TAG),
  ['='] = SCAN_BIT (SCAN_START_TAG),
  ['-'] = SCAN_BIT (SCAN_COMMENT),
  ['?'] = SCAN_BIT (SCAN_PI),
  [']'] = SCAN_BIT (SCAN_CDATA),
};

/* xCal needs no attributes but namespace declarations, and libxml2
 * 2.9.14 looks for duplicate attributes in quadratic time. */
#define MAX_ATTRIBUTES 64

static int
count_newlines (const guint8 *data,
                gsize         len)
{
  int n = 0;

  for (const guint8 *nl = memchr (data, '\n', len); nl != NULL; nl = memchr (nl + 1, '\n', data + len - (nl + 1)))
    n++;

  return n;
}

/* @at: the offending byte in @data, the chunk being scanned; its line is
 * counted only now */
static gboolean
scan_error (ParaatXmlScan  *scan,
            const char     *name,
            GError        **error,
            const guint8   *data,
            gsize           at,
            int             code,
            const char     *message)
{
  paraat_reader_set_error (error, code, name, scan->line + count_newlines (data, at), "%s", message);

  return FALSE;
}

/* Looks at the bytes before libxml2 does, knowing just enough XML to tell
 * text, tags, comments, CDATA and processing instructions apart:
 *
 *  - a DOCTYPE (or any other <!…> declaration) is refused before libxml2
 *    reads its entities;
 *  - a start tag with more than MAX_ATTRIBUTES attributes is refused
 *    before libxml2 spends quadratic time on it;
 *  - UTF-16 and UCS-4 are refused: the reader takes only UTF-8 (libxml2
 *    is told to ignore encoding declarations), so an ASCII byte here is
 *    always that character and the scan cannot be fooled.
 *
 * Lines are counted a chunk at a time, and within one only for an
 * error. Most tags hold no attribute and end in the chunk they start
 * in: those are stepped over whole from the text before them. */
static gboolean
scan_chunk (ParaatXmlScan  *scan,
            const guint8   *data,
            gsize           len,
            const char     *name,
            GError        **error)
{
  if (!scan->started && len > 0)
    {
      scan->started = TRUE;
      if (data[0] == 0x00 || data[0] == 0xfe || data[0] == 0xff
          || (len > 1 && data[1] == 0x00))
        return scan_error (scan, name, error, data, 0, PARAAT_READER_ERROR_ENCODING,
                           _("the file is in UTF-16 or UCS-4; xCal files must be UTF-8, so save "
                             "it as UTF-8 and import it again"));
    }

  for (gsize i = 0; i < len; i++)
    {
      guint8 c;

      if (SCAN_BIT (scan->state) & SCAN_RUNS)
        {
          /* Inside a tag, comment and the like: skip to the next byte that
           * matters there */
          guint32 bit = SCAN_BIT (scan->state);

          while (i < len && (scan_stops[data[i]] & bit) == 0)
            i++;
          if (i == len)
            break;
        }
      c = data[i];

      if (scan->state == SCAN_TEXT)
        {
          /* The common case: skip to the next tag */
          const guint8 *lt = memchr (data + i, '<', len - i);
          const guint8 *p;

          if (lt == NULL)
            break;
          i = lt - data;
          /* A start or end tag that ends in this chunk and holds no quote
           * and no "=" (no attribute) leaves the scan in the text after
           * it, as the states below would: step over it whole. */
          p = lt + 1;
          if (p < data + len && *p != '!' && *p != '?')
            {
              while (p < data + len && (scan_stops[*p] & SCAN_BIT (SCAN_START_TAG)) == 0)
                p++;
              if (p < data + len && *p == '>')
                {
                  if (lt[1] != '/')
                    scan->in_root = TRUE;
                  i = p - data;
                  continue;
                }
            }
          scan->state = SCAN_LT;
          continue;
        }

      switch (scan->state)
        {
        case SCAN_LT:
          if (c == '!')
            scan->state = SCAN_BANG;
          else if (c == '?')
            scan->state = SCAN_PI;
          else if (c == '/')
            scan->state = SCAN_END_TAG;
          else
            {
              scan->state = SCAN_START_TAG;
              scan->attributes = 0;
              scan->in_root = TRUE;
            }
          break;
        case SCAN_BANG:
          if (c == '-')
            scan->state = SCAN_BANG_DASH;
          else if (c == '[' && scan->in_root)
            scan->state = SCAN_CDATA;
          else
            return scan_error (scan, name, error, data, i, PARAAT_READER_ERROR_DOCTYPE,
                               _("the file has a DOCTYPE or another declaration; xCal needs none, "
                                 "and Paraat refuses them because entities can read other files "
                                 "or blow up in memory. Remove the <!DOCTYPE …> part"));
          break;
        case SCAN_BANG_DASH:
          scan->state = c == '-' ? SCAN_COMMENT : SCAN_TEXT;  /* libxml2 reports “<!-x” */
          break;
        case SCAN_COMMENT:
          if (c == '-')
            scan->state = SCAN_COMMENT_DASH;
          break;
        case SCAN_COMMENT_DASH:
          scan->state = c == '-' ? SCAN_COMMENT_DASH_DASH : SCAN_COMMENT;
          break;
        case SCAN_COMMENT_DASH_DASH:
          if (c == '>')
            scan->state = SCAN_TEXT;
          else if (c != '-')
            scan->state = SCAN_COMMENT;
          break;
        case SCAN_PI:
          if (c == '?')
            scan->state = SCAN_PI_QUESTION;
          break;
        case SCAN_PI_QUESTION:
          if (c == '>')
            scan->state = SCAN_TEXT;
          else if (c != '?')
            scan->state = SCAN_PI;
          break;
        case SCAN_CDATA:
          if (c == ']')
            scan->state = SCAN_CDATA_BRACKET;
          break;
        case SCAN_CDATA_BRACKET:
          scan->state = c == ']' ? SCAN_CDATA_BRACKETS : SCAN_CDATA;
          break;
        case SCAN_CDATA_BRACKETS:
          if (c == '>')
            scan->state = SCAN_TEXT;
          else if (c != ']')
            scan->state = SCAN_CDATA;
          break;
        case SCAN_START_TAG:
          if (c == '"')
            scan->state = SCAN_DOUBLE_QUOTED;
          else if (c == '\'')
            scan->state = SCAN_SINGLE_QUOTED;
          else if (c == '>')
            scan->state = SCAN_TEXT;
          else if (c == '=' && ++scan->attributes > MAX_ATTRIBUTES)
            {
              g_autofree char *message = g_strdup_printf (
                /* Translators: %u is the limit */
                _("an element has more than %u attributes; xCal needs none but "
                  "namespace declarations"), MAX_ATTRIBUTES);

              return scan_error (scan, name, error, data, i, PARAAT_READER_ERROR_TOO_MANY, message);
            }
          break;
        case SCAN_DOUBLE_QUOTED:
          if (c == '"')
            scan->state = SCAN_START_TAG;
          break;
        case SCAN_SINGLE_QUOTED:
          if (c == '\'')
            scan->state = SCAN_START_TAG;
          break;
        case SCAN_END_TAG:
          if (c == '>')
            scan->state = SCAN_TEXT;
          break;
        case SCAN_TEXT:
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

/**
 * paraat_xml_scan:
 * @name: the file's name, for a message
 * @error: where a refusal goes
 *
 * Scans @len bytes, the next of the file, before libxml2 reads them.
 *
 * Returns: %FALSE when the bytes are refused (@error says why and where)
 */
gboolean
paraat_xml_scan (ParaatXmlScan  *scan,
                 const guint8   *data,
                 gsize           len,
                 const char     *name,
                 GError        **error)
{
  gboolean ok = scan_chunk (scan, data, len, name, error);

  scan->line += count_newlines (data, len);

  return ok;
}

void
paraat_xml_scan_init (ParaatXmlScan *scan)
{
  memset (scan, 0, sizeof *scan);
  scan->state = SCAN_TEXT;
  scan->line = 1;
}
