/* paraat-utils.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "paraat-utils.h"

/**
 * paraat_parse_iso_date:
 * @date: (out) (optional): where to store the date
 *
 * Accepts exactly YYYY-MM-DD with a real calendar date.
 */
gboolean
paraat_parse_iso_date (const char *text,
                       GDate      *date)
{
  guint y, m, d;
  int consumed = 0;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  if (text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }
  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &consumed) != 3 || consumed != 10)
    return FALSE;
  if (y < 1 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (date != NULL)
    g_date_set_dmy (date, d, m, y);

  return TRUE;
}

char *
paraat_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
paraat_today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * paraat_format_date:
 *
 * An ISO date as the locale writes it, with the month as a word
 * ("21 jun 2024" in Dutch), so day and month can't be mistaken.
 */
char *
paraat_format_date (const char *iso_date)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  if (!paraat_parse_iso_date (iso_date, &date))
    return g_strdup (iso_date ? iso_date : "");
  dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);

  return g_date_time_format (dt, "%-d %b %Y");
}

char *
paraat_iso_add_days (const char *iso_date,
                     int         days)
{
  GDate date;

  if (!paraat_parse_iso_date (iso_date, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return paraat_date_to_iso (&date);
}

/**
 * paraat_fold_text:
 *
 * @text without case and accents, for searching: “Coördinator” and
 * “coordinator” fold to the same string.
 */
char *
paraat_fold_text (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  if (decomposed == NULL)
    return g_strdup ("");
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

int
paraat_iso_days_between (const char *from,
                         const char *to)
{
  GDate a, b;

  if (!paraat_parse_iso_date (from, &a) || !paraat_parse_iso_date (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}

/* Replaces *field with a copy of @value, or "" when @value is NULL. */
void
paraat_set_string (char       **field,
                   const char  *value)
{
  char *copy = g_strdup (value != NULL ? value : "");

  g_free (*field);
  *field = copy;
}

/* Replaces *field with a copy of @value; an empty value becomes NULL. */
void
paraat_set_nullable_string (char       **field,
                            const char  *value)
{
  char *copy = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;

  g_free (*field);
  *field = copy;
}

/* g_date_time_format() gives NULL for a broken (translated) format. */
char *
paraat_format_date_time (GDateTime  *dt,
                         const char *format)
{
  char *text = g_date_time_format (dt, format);

  return text != NULL ? text : g_strdup ("");
}

/* A thread's last zone from paraat_time_zone_new() */
typedef struct
{
  char      *identifier;
  GTimeZone *tz;
} LastZone;

static void
last_zone_free (gpointer data)
{
  LastZone *last = data;

  g_free (last->identifier);
  g_time_zone_unref (last->tz);
  g_free (last);
}

/**
 * paraat_time_zone_new:
 * @identifier: (nullable): as g_time_zone_new_identifier()
 *
 * g_time_zone_new_identifier() with the zones kept: GLib 2.74 reads the
 * zone file and works out its transitions again whenever a zone is asked
 * for after its last reference went, which was most of the time an
 * import of 100,000 events took. Safe in any thread.
 *
 * Returns: (transfer full) (nullable): the zone, %NULL for an unknown
 *   identifier
 */
GTimeZone *
paraat_time_zone_new (const char *identifier)
{
  static GMutex lock;
  static GHashTable *zones;
  /* Most calls in a row ask for the same zone: this thread's last one
   * is found without the lock */
  static GPrivate last_zone = G_PRIVATE_INIT (last_zone_free);
  LastZone *last;
  GTimeZone *tz;

  /* The local zone follows TZ; GLib keeps that one itself. */
  if (identifier == NULL)
    return g_time_zone_new_identifier (NULL);

  last = g_private_get (&last_zone);
  if (last != NULL && strcmp (last->identifier, identifier) == 0)
    return g_time_zone_ref (last->tz);

  g_mutex_lock (&lock);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
  tz = g_hash_table_lookup (zones, identifier);
  if (tz != NULL)
    g_time_zone_ref (tz);
  /* A file may name many offsets ("+01:00:07"); keep the first few only */
  else if ((tz = g_time_zone_new_identifier (identifier)) != NULL && g_hash_table_size (zones) < 64)
    g_hash_table_insert (zones, g_strdup (identifier), g_time_zone_ref (tz));
  g_mutex_unlock (&lock);

  if (tz != NULL)
    {
      if (last == NULL)
        {
          last = g_new0 (LastZone, 1);
          g_private_set (&last_zone, last);
        }
      else
        {
          g_free (last->identifier);
          g_time_zone_unref (last->tz);
        }
      last->identifier = g_strdup (identifier);
      last->tz = g_time_zone_ref (tz);
    }

  return tz;
}

/* Offsets by time */

typedef struct
{
  gint64 first;   /* the interval's first second… */
  gint64 last;    /* …and its last, both UTC */
  gint32 offset;
} KnownInterval;

/* Whether @utc is in GLib's interval @i of @tz */
static gboolean
in_interval (GTimeZone *tz,
             gint64     utc,
             int        i)
{
  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc) == i;
}

/* The first second of interval @i going from @utc (in it) by @dir (−1
 * or 1) at most about 300 years: doubling steps, then halving them. */
static gint64
interval_bound (GTimeZone *tz,
                gint64     utc,
                int        i,
                int        dir)
{
  gint64 inside = utc;
  gint64 step = 86400;

  while (step < (gint64) 300 * 366 * 86400 && in_interval (tz, inside + dir * step, i))
    {
      inside += dir * step;
      step *= 2;
    }
  if (step >= (gint64) 300 * 366 * 86400)
    return inside;
  /* inside is in, inside + dir * step is out */
  while (step > 1)
    {
      step /= 2;
      if (in_interval (tz, inside + dir * step, i))
        inside += dir * step;
    }

  return inside;
}

/* The interval of @tz that holds @utc, with its bounds and offset. GLib
 * 2.74 finds the interval by walking all transitions from 1916 on every
 * call (4,000 instructions for a date in 2026 in Europe/Amsterdam); this
 * remembers each interval it has found, so the next times in it cost a
 * binary search in a short array. Safe in any thread. */
static KnownInterval
find_interval (GTimeZone *tz,
               gint64     utc)
{
  static GMutex lock;
  static GHashTable *zones;  /* identifier → GArray of KnownInterval, by first */
  /* This thread's last answer, for a run of times in one interval without
   * the lock; its identifier is a key of zones, which stay */
  static GPrivate last_found = G_PRIVATE_INIT (g_free);
  struct { const char *identifier; KnownInterval interval; } *last = g_private_get (&last_found);
  const char *identifier = g_time_zone_get_identifier (tz);
  const char *key;
  KnownInterval found;
  GArray *known;
  guint lo = 0, hi;
  int i;

  if (last != NULL && last->interval.first <= utc && utc <= last->interval.last &&
      strcmp (last->identifier, identifier) == 0)
    return last->interval;
  if (last == NULL)
    {
      last = g_malloc (sizeof *last);
      g_private_set (&last_found, last);
    }

  g_mutex_lock (&lock);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  if (!g_hash_table_lookup_extended (zones, identifier, (gpointer *) &key, (gpointer *) &known))
    {
      key = g_strdup (identifier);
      known = g_array_new (FALSE, FALSE, sizeof (KnownInterval));
      g_hash_table_insert (zones, (char *) key, known);
    }
  last->identifier = key;
  hi = known->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const KnownInterval *k = &g_array_index (known, KnownInterval, mid);

      if (utc < k->first)
        hi = mid;
      else if (utc > k->last)
        lo = mid + 1;
      else
        {
          found = last->interval = *k;
          g_mutex_unlock (&lock);
          return found;
        }
    }
  g_mutex_unlock (&lock);

  /* Not known yet: GLib's walk, and the interval's bounds (a hundred
   * more walks, once per interval) */
  i = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, utc);
  found.offset = g_time_zone_get_offset (tz, i);
  found.first = interval_bound (tz, utc, i, -1);
  found.last = interval_bound (tz, utc, i, 1);

  g_mutex_lock (&lock);
  /* Another thread may have added it meanwhile */
  lo = 0;
  hi = known->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (known, KnownInterval, mid).first < found.first)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo >= known->len || g_array_index (known, KnownInterval, lo).first != found.first)
    g_array_insert_val (known, lo, found);
  g_mutex_unlock (&lock);
  last->interval = found;

  return found;
}

/**
 * paraat_time_zone_get_offset_at:
 * @tz: a zone
 * @utc: seconds since the epoch
 *
 * g_time_zone_get_offset() at @utc, without GLib's walk over the zone's
 * transitions on every call (see find_interval()).
 *
 * Returns: seconds to add to UTC for local time
 */
gint32
paraat_time_zone_get_offset_at (GTimeZone *tz,
                                gint64     utc)
{
  return find_interval (tz, utc).offset;
}

/**
 * paraat_time_zone_local_to_utc:
 * @tz: a zone
 * @local: a wall time in @tz, counted as seconds since the epoch are in UTC
 * @utc: (out): the instant
 *
 * The instant of a wall time that @tz has exactly once, without the walk
 * over its transitions g_date_time_new() takes (see find_interval()).
 * It answers only away from changes of offset: when one offset holds for
 * two days on either side of the instant, no other offset can give the
 * same wall time (offsets lie within a day of UTC), and GLib gives this
 * instant too.
 *
 * Returns: %FALSE near a change of offset, where the wall time may be
 *   skipped or repeated: ask g_date_time_new(), which decides those
 */
gboolean
paraat_time_zone_local_to_utc (GTimeZone *tz,
                               gint64     local,
                               gint64    *utc)
{
  const gint64 margin = 2 * 86400;
  KnownInterval interval = find_interval (tz, local);
  gint64 guess = local - interval.offset;

  if (guess - margin < interval.first || guess + margin > interval.last)
    {
      interval = find_interval (tz, guess);
      guess = local - interval.offset;
      if (guess - margin < interval.first || guess + margin > interval.last)
        return FALSE;
    }
  *utc = guess;

  return TRUE;
}

/* GDate's Julian day of 1 January 1970 (its day 1 is 1 January of year 1) */
#define JULIAN_1970 719163

/**
 * paraat_local_day:
 * @tz: a zone
 * @utc: seconds since the epoch
 *
 * The day @utc falls on in @tz, without a GDateTime (see
 * paraat_time_zone_get_offset_at()).
 *
 * Returns: days since 1 January 1970, rounded down
 */
gint64
paraat_local_day (GTimeZone *tz,
                  gint64     utc)
{
  gint64 local = utc + paraat_time_zone_get_offset_at (tz, utc);

  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

/**
 * paraat_local_date:
 * @tz: a zone
 * @utc: seconds since the epoch
 * @date: (out): the day @utc falls on in @tz
 *
 * paraat_local_day() as a GDate.
 */
void
paraat_local_date (GTimeZone *tz,
                   gint64     utc,
                   GDate     *date)
{
  gint64 julian = paraat_local_day (tz, utc) + JULIAN_1970;

  g_date_clear (date, 1);
  if (julian >= 1 && julian <= G_MAXUINT32)
    g_date_set_julian (date, (guint32) julian);
}

/**
 * paraat_date_get_day:
 * @date: a valid date
 *
 * The other way round from paraat_local_date(): @date as the days since
 * 1 January 1970 that paraat_local_day() counts.
 *
 * Returns: days since 1 January 1970
 */
gint64
paraat_date_get_day (const GDate *date)
{
  return (gint64) g_date_get_julian (date) - JULIAN_1970;
}

/**
 * paraat_dmy_get_day:
 * @year: a year from 1 to 9999
 * @month: a month from 1 to 12
 * @day: a day of @month
 *
 * paraat_date_get_day() for a date given as its fields, without a GDate:
 * both count in the proleptic Gregorian calendar.
 *
 * Returns: days since 1 January 1970
 */
gint64
paraat_dmy_get_day (int year,
                    int month,
                    int day)
{
  /* Years start in March, so that the leap day is the last of one */
  gint64 y = month <= 2 ? year - 1 : year;
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  /* 719468: days from 1 March of year 0 to 1 January 1970 */
  return era * 146097 + day_of_era - 719468;
}

/**
 * paraat_count_local_days:
 * @from: a time
 * @to: a later or earlier time
 *
 * Calendar days from @from to @to, each in its own zone. Not the elapsed
 * time divided by 24 hours: a one-day exercise on 29 March lasts 23.
 *
 * Returns: the days, negative when @to is on an earlier day
 */
int
paraat_count_local_days (GDateTime *from,
                         GDateTime *to)
{
  GDate a, b;
  int y, m, d;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_time_get_ymd (from, &y, &m, &d);
  g_date_set_dmy (&a, d, m, y);
  g_date_time_get_ymd (to, &y, &m, &d);
  g_date_set_dmy (&b, d, m, y);

  return g_date_days_between (&a, &b);
}

/**
 * paraat_time_zone_new_for_offset:
 * @offset: seconds east of UTC
 *
 * g_time_zone_new_offset(), with the zones kept: making one formats and
 * parses its identifier. Safe in any thread.
 *
 * Returns: (transfer full): the zone
 */
GTimeZone *
paraat_time_zone_new_for_offset (gint32 offset)
{
  guint32 abs = ABS (offset);
  char identifier[] = "+00:00:00";
  GTimeZone *tz;

  /* g_time_zone_new_offset()'s identifier, written without printf, so
   * that paraat_time_zone_new() keeps this zone with the others */
  identifier[0] = offset < 0 ? '-' : '+';
  identifier[1] = '0' + abs / 3600 / 10 % 10;
  identifier[2] = '0' + abs / 3600 % 10;
  identifier[4] = '0' + abs / 60 % 60 / 10;
  identifier[5] = '0' + abs / 60 % 10;
  identifier[7] = '0' + abs % 60 / 10;
  identifier[8] = '0' + abs % 10;
  tz = paraat_time_zone_new (identifier);

  return tz != NULL ? tz : g_time_zone_new_offset (offset);
}

/**
 * paraat_split_list:
 * @text: (nullable): a list typed by a person, "BRW, GHOR; Politie"
 *
 * Returns: (transfer full): the items between commas or semicolons,
 *   trimmed, without empty ones
 */
GStrv
paraat_split_list (const char *text)
{
  /* By hand, one copy per item: this runs for every exercise an analysis
   * reads, and splitting into a GStrvBuilder copied everything twice. */
  const char *p = text ? text : "";
  GStrv out;
  guint n = 1;

  for (const char *c = p; *c != '\0'; c++)
    n += *c == ',' || *c == ';';
  out = g_new (char *, n + 1);
  n = 0;
  for (;;)
    {
      const char *end = p + strcspn (p, ",;");
      const char *last = end;

      while (p < last && g_ascii_isspace (*p))
        p++;
      while (last > p && g_ascii_isspace (last[-1]))
        last--;
      if (last > p)
        out[n++] = g_strndup (p, last - p);
      if (*end == '\0')
        break;
      p = end + 1;
    }
  out[n] = NULL;

  return out;
}

/**
 * paraat_sort_sorted_prefix:
 * @items: (array length=n): pointers
 * @n_sorted: how many of @items are already in order by @compare
 * @n: the number of @items
 * @compare: compares two `gpointer *`, as for g_qsort_with_data()
 *
 * Puts @items in the order g_qsort_with_data() would, which is stable,
 * knowing that the first @n_sorted are in order already: only the rest
 * is sorted, and then merged with them. Of two equal items, the one from
 * the prefix comes first, as it did in the array.
 */
void
paraat_sort_sorted_prefix (gpointer         *items,
                           guint             n_sorted,
                           guint             n,
                           GCompareDataFunc  compare,
                           gpointer          data)
{
  gpointer *rest = items + n_sorted;
  guint n_rest = n - n_sorted;
  g_autofree gpointer *prefix = NULL;
  guint i = 0, j = 0, k = 0;

  g_return_if_fail (n_sorted <= n);

  if (n_rest == 0)
    return;
  g_qsort_with_data (rest, n_rest, sizeof (gpointer), compare, data);
  if (n_sorted == 0 || compare (&rest[0], &items[n_sorted - 1], data) >= 0)
    return;

  /* The prefix moves aside; the rest is merged in place, since
   * k = i + j never passes the next unread rest[j]. */
  prefix = g_memdup2 (items, n_sorted * sizeof (gpointer));
  while (i < n_sorted && j < n_rest)
    items[k++] = compare (&rest[j], &prefix[i], data) < 0 ? rest[j++] : prefix[i++];
  while (i < n_sorted)
    items[k++] = prefix[i++];
}

/* ParaatFileWriter */

struct _ParaatFileWriter
{
  char          *path;
  char          *tmp;   /* beside path, so that the rename stays on its file system */
  int            fd;
  GOutputStream *out;   /* buffered, on fd */
};

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  /* Translators: a file name, then what went wrong */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"),
               path, g_strerror (saved_errno));
}

/**
 * paraat_file_writer_new:
 * @path: the file to write
 *
 * Writes a file in full or not at all: what goes to
 * paraat_file_writer_get_stream() lands in a temporary file beside @path,
 * which paraat_file_writer_commit() flushes to disk and renames to @path.
 * Freed without a commit, the temporary file goes and @path stays as it
 * was. Memory does not grow with the file.
 *
 * Returns: (transfer full): the writer, or %NULL if the temporary file
 *   could not be made (the error names @path)
 */
ParaatFileWriter *
paraat_file_writer_new (const char  *path,
                        GError     **error)
{
  g_autofree char *tmp = NULL;
  ParaatFileWriter *self;
  g_autoptr(GOutputStream) file = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  tmp = g_strconcat (path, ".XXXXXX", NULL);
  if ((fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666)) < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }
  file = g_unix_output_stream_new (fd, TRUE);
  self = g_new0 (ParaatFileWriter, 1);
  self->path = g_strdup (path);
  self->tmp = g_steal_pointer (&tmp);
  self->fd = fd;
  self->out = g_buffered_output_stream_new_sized (file, 256 * 1024);

  return self;
}

GOutputStream *
paraat_file_writer_get_stream (ParaatFileWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->out;
}

/**
 * paraat_file_writer_commit:
 *
 * Flushes the file to disk and puts it in place, then frees @self. On
 * failure the temporary file is removed and the old file, if any, stays.
 *
 * Returns: whether the file is in place
 */
gboolean
paraat_file_writer_commit (ParaatFileWriter  *self,
                           GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  ok = g_output_stream_flush (self->out, NULL, error);
  if (ok && fsync (self->fd) != 0)
    {
      set_write_error (error, self->path, errno);
      ok = FALSE;
    }
  /* Closes the file too; an error here (NFS, a full disk) counts */
  if (!g_output_stream_close (self->out, NULL, ok ? error : NULL))
    ok = FALSE;
  if (ok && g_rename (self->tmp, self->path) != 0)
    {
      set_write_error (error, self->path, errno);
      ok = FALSE;
    }
  if (ok)
    g_clear_pointer (&self->tmp, g_free);
  paraat_file_writer_free (self);

  return ok;
}

void
paraat_file_writer_free (ParaatFileWriter *self)
{
  if (self == NULL)
    return;
  if (!g_output_stream_is_closed (self->out))
    g_output_stream_close (self->out, NULL, NULL);
  if (self->tmp != NULL)
    g_unlink (self->tmp);
  g_object_unref (self->out);
  g_free (self->tmp);
  g_free (self->path);
  g_free (self);
}
