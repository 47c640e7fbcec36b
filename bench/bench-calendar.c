/* bench-calendar.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar benchmark of the issue: the real ParaatWindow on big
 * databases from gen-calendar, one process per measurement, with a
 * reference measured in the same run beside every figure (the machine
 * is shared and noisy, so the ratios are what to compare between runs).
 *
 *   bench-calendar [--runs N] [--switches N] DB...
 *
 * prints a Markdown table on standard output. Each DB is run as
 *
 *   - start-up: this program again, as a child, with the calendar section
 *     as the remembered one. The parent takes the time just before it
 *     starts the child; the child reports the end of its first painted
 *     frame (GdkFrameClock::after-paint), both on CLOCK_MONOTONIC, and of
 *     the last one before QUIET_MS without a frame. Peak RSS
 *     comes from wait4(). The floor is bench-floor, an AdwApplication
 *     with one label and nothing of Paraat in it;
 *   - month switch: a child that switches the calendar to its month view
 *     (the calendar.view action) and then activates calendar.next, timing
 *     each switch until the following frame has been painted, and until no
 *     frame came for QUIET_MS (in case the view finishes in an idle). The
 *     floor is the same months' rows read with sqlite3 directly;
 *   - list: the same for switching to the list view and for
 *     calendar.previous in the list (a whole year of the 25 regions, the
 *     years before this one); the floor is the
 *     year's rows read with sqlite3 directly;
 *   - alignment: a child that shows the Alignment section (which then
 *     analyses this year for all regions) and steps to the years before;
 *     the floor is the core's analysis of this year in this process. Its
 *     peak RSS is reported apart from the calendar's;
 *   - core, in this process: paraat_store_open() and
 *     paraat_store_list_exercises() for the same months and years, against
 *     sqlite3_open() and the raw queries.
 *
 * Must run with GSETTINGS_BACKEND=memory (it refuses otherwise) so that
 * neither the child nor the app touch the user's settings; bench/run.sh
 * sets up the display, the D-Bus session and the schema directory.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paraat-application.h"
#include "paraat-calendar.h"
#include "paraat-conflicts.h"
#include "paraat-window.h"

/* Pause before each timed action, so the frame clock is idle (not waiting
 * for the next tick after the previous frame) and the view has settled */
#define SETTLE_MS 250
/* A switch counts as settled once no frame came for this long */
#define QUIET_MS 150
/* Years the list child steps through (each is a whole year's rows) */
#define LIST_STEPS 5

/* Child side: the real application with hooks on the window's frame clock */

static struct
{
  ParaatApplication *app;
  GtkWindow         *window;
  const char        *scenario;
  guint              switches;
  guint              paint_count;
  gint64             last_paint_us;
} child;

static void
on_watchdog_cb (gpointer user_data)
{
  g_printerr ("bench-calendar: the child did not finish in 10 minutes\n");
  exit (2);
}

static void
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/*
 * Activates @action (with a string @param, or none) on @widget and waits
 * for the frame after it. Returns FALSE, without waiting, if there is no
 * such action. @next_us is the time to the end of the first frame painted
 * after the activation; @settled_us to the end of the last frame before
 * QUIET_MS without one.
 */
static gboolean
time_action (GtkWidget  *widget,
             const char *action,
             const char *param,
             gint64     *next_us,
             gint64     *settled_us)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  g_autoptr(GVariant) parameter = param ? g_variant_ref_sink (g_variant_new_string (param)) : NULL;
  gboolean gave_up = FALSE;
  guint before, timeout_id;
  gint64 start;

  wait_ms (SETTLE_MS);
  before = child.paint_count;
  start = g_get_monotonic_time ();
  if (!gtk_widget_activate_action_variant (widget, action, parameter))
    return FALSE;
  /* A frame even if the action changed nothing on screen, so this never
   * hangs; when it did change something this is that same frame. */
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  timeout_id = g_timeout_add_once (10000, on_timeout_cb, &gave_up);
  while (child.paint_count == before && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  if (gave_up)
    {
      g_printerr ("bench-calendar: no frame 10 s after %s\n", action);
      exit (2);
    }
  /* It points at this frame's gave_up */
  g_source_remove (timeout_id);
  *next_us = child.last_paint_us - start;

  for (;;)
    {
      gint64 quiet_until = child.last_paint_us + QUIET_MS * 1000;
      gint64 now = g_get_monotonic_time ();

      if (now >= quiet_until)
        break;
      wait_ms ((quiet_until - now) / 1000 + 1);
    }
  *settled_us = child.last_paint_us - start;

  return TRUE;
}

static void
report_action (GtkWidget  *widget,
               const char *name,
               const char *action,
               const char *param)
{
  gint64 next_us, settled_us;

  if (time_action (widget, action, param, &next_us, &settled_us))
    printf ("bench: %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", name, next_us, settled_us);
  else
    printf ("bench: %s missing\n", name);
}

static gboolean
has_action (GtkWidget  *widget,
            const char *action,
            const char *param)
{
  gint64 next_us, settled_us;

  return time_action (widget, action, param, &next_us, &settled_us);
}

static void
run_scenario (gpointer user_data)
{
  GtkWidget *page = paraat_window_get_page (PARAAT_WINDOW (child.window), "calendar");

  if (page == NULL)
    {
      g_printerr ("bench-calendar: the window has no calendar page (could the database be opened?)\n");
      exit (2);
    }

  if (g_str_equal (child.scenario, "month"))
    {
      /* The months after this one; bench's floor reads the same ones. */
      has_action (page, "calendar.today", NULL);
      if (!has_action (page, "calendar.view", "month"))
        printf ("bench: month-view missing\n");
      else
        {
          for (guint i = 0; i < child.switches; i++)
            report_action (page, "month-next", "calendar.next", NULL);
        }
    }
  else if (g_str_equal (child.scenario, "list"))
    {
      has_action (page, "calendar.today", NULL);
      /* Switching to the list from the month view: only with the views */
      if (has_action (page, "calendar.view", "month"))
        {
          for (guint i = 0; i < child.switches; i++)
            {
              report_action (page, "list-switch", "calendar.view", "list");
              has_action (page, "calendar.view", "month");
            }
          has_action (page, "calendar.view", "list");
        }
      else
        printf ("bench: list-switch missing\n");
      /* Today's list is a year: each step loads a whole year. Back from
       * this one, as gen-calendar's years end in 2030. */
      for (guint i = 0; i < child.switches; i++)
        report_action (page, "list-previous", "calendar.previous", NULL);
    }

  else if (g_str_equal (child.scenario, "alignment"))
    {
      /* The Alignment section analyses this year when it is shown, then
       * the years before */
      GtkWidget *alignment = paraat_window_get_page (PARAAT_WINDOW (child.window), "alignment");

      report_action (GTK_WIDGET (child.window), "alignment-switch", "win.show-section", "alignment");
      for (guint i = 0; alignment != NULL && i < child.switches; i++)
        report_action (alignment, "alignment-previous", "alignment.previous", NULL);
    }

  fflush (stdout);
  g_application_quit (G_APPLICATION (child.app));
}

/* A view that fills itself in an idle shows it after the first frame. */
static void
report_settled (gpointer user_data)
{
  for (;;)
    {
      gint64 quiet_until = child.last_paint_us + QUIET_MS * 1000;
      gint64 now = g_get_monotonic_time ();

      if (now >= quiet_until)
        break;
      wait_ms ((quiet_until - now) / 1000 + 1);
    }
  printf ("bench: settled %" G_GINT64_FORMAT "\n", child.last_paint_us);
  fflush (stdout);
  g_application_quit (G_APPLICATION (child.app));
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  child.last_paint_us = g_get_monotonic_time ();
  if (child.paint_count++ > 0)
    return;

  printf ("bench: first-frame %" G_GINT64_FORMAT "\n", child.last_paint_us);
  fflush (stdout);
  g_idle_add_once (g_str_equal (child.scenario, "startup") ? report_settled : run_scenario, NULL);
}

static void
on_window_realize_cb (GtkWidget *window,
                      gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  /* Only the first window: the one the database opens in */
  if (child.window != NULL || !PARAAT_IS_WINDOW (window))
    return;
  child.window = window;
  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

static int
run_child (const char *db,
           const char *scenario,
           guint       switches)
{
  g_autoptr(GSettings) settings = NULL;
  const char *localedir = g_getenv ("PARAAT_LOCALEDIR");
  char *argv[] = { (char *) "paraat", (char *) "--db", (char *) db, NULL };

  /* As main.c does */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_timeout_add_once (600 * 1000, on_watchdog_cb, NULL);

  /* The memory backend (checked in main()): the calendar is the section
   * Paraat remembers, for all regions. */
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "section", "calendar");
  g_settings_set_string (settings, "scope", "all");

  child.scenario = scenario;
  child.switches = switches;
  child.app = paraat_application_new ();
  g_signal_connect (child.app, "window-added", G_CALLBACK (on_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (child.app), G_N_ELEMENTS (argv) - 1, argv);
}

/* Parent side */

typedef struct
{
  gint64     start_us;      /* process start → first frame */
  gint64     settled_us;    /* process start → last frame before QUIET_MS without one */
  gint64     maxrss_kb;
  GPtrArray *lines;         /* the child's "bench: …" lines, without the prefix */
} Child;

static void
child_clear (Child *c)
{
  g_clear_pointer (&c->lines, g_ptr_array_unref);
}

static char *
self_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

  g_assert (exe != NULL);

  return g_path_get_dirname (exe);
}

/* Runs @argv and collects its report, its start-up time and peak RSS. */
static gboolean
spawn_child (const char * const *argv,
             Child              *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  struct rusage usage;
  GPid pid;
  int out_fd, status;
  gint64 started;
  char buffer[4096];
  ssize_t n;

  memset (out, 0, sizeof *out);
  started = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                 &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("bench-calendar: %s\n", error->message);
      return FALSE;
    }
  while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);
  close (out_fd);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-calendar: %s failed (status %d)\n", argv[0], status);
      return FALSE;
    }

  out->maxrss_kb = usage.ru_maxrss;
  out->lines = g_ptr_array_new_with_free_func (g_free);
  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 when;

      if (!g_str_has_prefix (lines[i], "bench: "))
        continue;
      g_ptr_array_add (out->lines, g_strdup (lines[i] + strlen ("bench: ")));
      if (sscanf (lines[i], "bench: first-frame %" G_GINT64_FORMAT, &when) == 1)
        out->start_us = when - started;
      else if (sscanf (lines[i], "bench: settled %" G_GINT64_FORMAT, &when) == 1)
        out->settled_us = when - started;
    }
  if (out->start_us == 0)
    {
      g_printerr ("bench-calendar: %s reported no frame\n", argv[0]);
      child_clear (out);
      return FALSE;
    }

  return TRUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64
median (GArray *values)
{
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_gint64);
  if (values->len % 2 == 1)
    return g_array_index (values, gint64, values->len / 2);

  return (g_array_index (values, gint64, values->len / 2 - 1) + g_array_index (values, gint64, values->len / 2)) / 2;
}

/* Medians of the child's "NAME next settled" lines; FALSE if it said "NAME missing" */
static gboolean
parse_timings (Child      *c,
               const char *name,
               gint64     *next_us,
               gint64     *settled_us,
               guint      *count)
{
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) settled = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *missing = g_strconcat (name, " missing", NULL);
  size_t len = strlen (name);

  for (guint i = 0; i < c->lines->len; i++)
    {
      const char *line = c->lines->pdata[i];
      gint64 a, b;

      if (g_str_equal (line, missing))
        return FALSE;
      if (strncmp (line, name, len) == 0 && line[len] == ' ' &&
          sscanf (line + len, " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &a, &b) == 2)
        {
          g_array_append_val (next, a);
          g_array_append_val (settled, b);
        }
    }
  *count = next->len;
  *next_us = median (next);
  *settled_us = median (settled);

  return next->len > 0;
}

static gboolean
child_says (Child      *c,
            const char *line)
{
  for (guint i = 0; i < c->lines->len; i++)
    {
      if (g_str_equal (c->lines->pdata[i], line))
        return TRUE;
    }

  return FALSE;
}

/* In-process: the core and raw SQLite */

/* Local midnight on the first of @month (may be past 12) in Europe/Amsterdam */
static gint64
month_start (int year,
             int month)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) t = NULL;

  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  t = g_date_time_new (tz, year, month, 1, 0, 0, 0);

  return g_date_time_to_unix (t);
}

/* What the store's range query reads, as one query on a plain connection */
static gint64
time_raw_query (sqlite3 *db,
                gint64   from,
                gint64   to,
                guint   *n_rows)
{
  sqlite3_stmt *stmt = NULL;
  gint64 max_duration = 0;
  gint64 started;
  guint n = 0;

  /* Bounded by the longest exercise, as the store does, so both use the
   * start index the same way. The store caches that length; so does this,
   * by leaving it out of the time. */
  sqlite3_prepare_v2 (db, "SELECT coalesce (max (end_utc - start_utc), 0) FROM exercise WHERE rrule = ''",
                      -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max_duration = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  started = g_get_monotonic_time ();
  sqlite3_prepare_v2 (db, "SELECT * FROM exercise WHERE deleted = 0 AND start_utc >= ?1 - ?3"
                          " AND start_utc < ?2 AND end_utc > ?1 ORDER BY start_utc", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, max_duration);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Touch every column, as making an object from the row would */
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        (void) sqlite3_column_text (stmt, i);
      n++;
    }
  sqlite3_finalize (stmt);
  *n_rows = n;

  return g_get_monotonic_time () - started;
}

typedef struct
{
  gint64 store_open_us;
  gint64 sqlite_open_us;
  gint64 list_month_us;
  gint64 raw_month_us;
  gint64 list_year_us;
  gint64 raw_year_us;
  guint  month_rows;      /* median over the months */
  guint  year_rows;
} CoreFigures;

static void
measure_core (const char  *db_path,
              guint        n_months,
              guint        n_years,
              CoreFigures *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int year = g_date_time_get_year (now);
  int month = g_date_time_get_month (now);

  for (guint i = 0; i < 5; i++)
    {
      gint64 t = g_get_monotonic_time ();
      sqlite3_stmt *stmt;

      store = paraat_store_open (db_path, PARAAT_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      t = g_get_monotonic_time () - t;
      g_array_append_val (a, t);
      g_clear_object (&store);

      t = g_get_monotonic_time ();
      sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL);
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM region", -1, &stmt, NULL);
      sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      t = g_get_monotonic_time () - t;
      g_array_append_val (b, t);
      sqlite3_close (db);
    }
  out->store_open_us = median (a);
  out->sqlite_open_us = median (b);

  store = paraat_store_open (db_path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL);

  /* The months the month-view child visits: the ones after this one */
  g_array_set_size (a, 0);
  g_array_set_size (b, 0);
  for (guint i = 1; i <= n_months; i++)
    {
      gint64 from = month_start (year, month + i), to = month_start (year, month + i + 1);
      gint64 t = g_get_monotonic_time (), n;
      g_autoptr(GPtrArray) list = paraat_store_list_exercises (store, NULL, from, to, &error);
      guint n_raw;

      t = g_get_monotonic_time () - t;
      g_assert_no_error (error);
      g_array_append_val (a, t);
      t = time_raw_query (db, from, to, &n_raw);
      g_array_append_val (b, t);
      n = list->len;
      g_array_append_val (rows, n);
    }
  out->list_month_us = median (a);
  out->raw_month_us = median (b);
  out->month_rows = median (rows);

  /* The years the list child visits: the ones before this one */
  g_array_set_size (a, 0);
  g_array_set_size (b, 0);
  g_array_set_size (rows, 0);
  for (guint i = 1; i <= n_years; i++)
    {
      gint64 from = month_start (year - i, 1), to = month_start (year - i + 1, 1);
      gint64 t = g_get_monotonic_time (), n;
      g_autoptr(GPtrArray) list = paraat_store_list_exercises (store, NULL, from, to, &error);
      guint n_raw;

      t = g_get_monotonic_time () - t;
      g_assert_no_error (error);
      g_array_append_val (a, t);
      t = time_raw_query (db, from, to, &n_raw);
      g_array_append_val (b, t);
      n = list->len;
      g_array_append_val (rows, n);
    }
  out->list_year_us = median (a);
  out->raw_year_us = median (b);
  out->year_rows = median (rows);

  sqlite3_close (db);
}

/* What the Alignment section does before it shows anything: this
 * year's items and their analysis, in the core, for all regions */
static gint64
time_analysis (const char *db_path,
               int         year,
               guint      *n_findings)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, year + 1, 1, 1, 0, 0, 0);
  g_autoptr(ParaatStore) store = paraat_store_open (db_path, PARAAT_STORE_OPEN_DEFER_CHECK, NULL);
  g_autoptr(ParaatConflictRules) rules = paraat_conflict_rules_new_default (NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  gint64 started = g_get_monotonic_time ();

  g_assert (store != NULL && rules != NULL);
  items = paraat_store_list_calendar_items (store, NULL, g_date_time_to_unix (from), g_date_time_to_unix (to), NULL);
  g_assert (items != NULL);
  findings = paraat_conflicts_analyze (rules, items, NULL, NULL);
  *n_findings = findings->len;

  return g_get_monotonic_time () - started;
}

/* The table */

static char *
format_time (gint64 us)
{
  if (us < 0)
    return g_strdup ("—");
  if (us < 1000)
    return g_strdup_printf ("%.2f ms", us / 1000.0);
  if (us < 10000)
    return g_strdup_printf ("%.1f ms", us / 1000.0);

  return g_strdup_printf ("%.0f ms", us / 1000.0);
}

static char *
format_ratio (gint64 value,
              gint64 reference)
{
  if (value < 0 || reference <= 0)
    return g_strdup ("");
  if ((double) value / reference < 10)
    return g_strdup_printf (" (%.1f×)", (double) value / reference);

  return g_strdup_printf (" (%.0f×)", (double) value / reference);
}

static char *
format_cell (gint64 value,
             gint64 reference)
{
  g_autofree char *v = format_time (value);
  g_autofree char *r = format_ratio (value, reference);

  return g_strconcat (v, r, NULL);
}

static char *
format_mb (gint64 kb,
           gint64 reference_kb)
{
  g_autofree char *r = format_ratio (kb, reference_kb);

  return g_strdup_printf ("%.0f MB%s", kb / 1024.0, r);
}

typedef struct
{
  char        *path;
  char        *label;
  guint        n_exercises;
  GArray      *startup;          /* µs, one per run */
  GArray      *startup_settled;
  gint64       maxrss_kb;        /* over every child on this database */
  gboolean     has_month_view;
  gint64       month_next_us, month_settled_us;
  guint        month_count;
  gboolean     has_list_switch;
  gint64       list_switch_us, list_switch_settled_us;
  gint64       list_year_us, list_year_settled_us;
  guint        list_count;
  gboolean     has_alignment;
  gint64       alignment_us, alignment_settled_us;
  gint64       alignment_year_us, alignment_year_settled_us;
  guint        alignment_count;
  gint64       alignment_rss_kb;  /* its own: the calendar's target is not about it */
  gint64       analysis_us;       /* the reference: the core's analysis of this year */
  guint        n_findings;
  CoreFigures  core;
} Database;

/* "100,000 exercises", as the issue writes it, whatever the locale */
static char *
format_count (guint n)
{
  if (n >= 1000000)
    return g_strdup_printf ("%u,%03u,%03u exercises", n / 1000000, n / 1000 % 1000, n % 1000);
  if (n >= 1000)
    return g_strdup_printf ("%u,%03u exercises", n / 1000, n % 1000);

  return g_strdup_printf ("%u exercises", n);
}

static guint
count_exercises (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM exercise WHERE deleted = 0", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void
row (GString    *out,
     const char *figure,
     GPtrArray  *cells,
     const char *reference,
     const char *target,
     const char *met)
{
  g_string_append_printf (out, "| %s |", figure);
  for (guint i = 0; i < cells->len; i++)
    g_string_append_printf (out, " %s |", (const char *) cells->pdata[i]);
  g_string_append_printf (out, " %s | %s | %s |\n", reference, target, met);
  g_ptr_array_set_size (cells, 0);
}

static const char *
yes_no (gboolean met)
{
  return met ? "yes" : "**no**";
}

static void
print_table (GPtrArray *dbs,
             gint64     floor_start_us,
             gint64     floor_rss_kb,
             guint      runs,
             guint      switches)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  Database *big = dbs->pdata[dbs->len - 1];
  g_autofree char *ref = NULL;
  g_autofree char *floor_time = format_time (floor_start_us);
  g_autofree char *raw_month = format_time (big->core.raw_month_us);
  g_autofree char *raw_year = format_time (big->core.raw_year_us);
  g_autofree char *sqlite_open = format_time (big->core.sqlite_open_us);

  g_string_append (out, "| Figure |");
  for (guint i = 0; i < dbs->len; i++)
    g_string_append_printf (out, " %s |", ((Database *) dbs->pdata[i])->label);
  g_string_append (out, " Reference (same run) | Target | Met |\n|---|");
  for (guint i = 0; i < dbs->len; i++)
    g_string_append (out, "---|");
  g_string_append (out, "---|---|---|\n");

  /* Start-up */
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, format_cell (median (d->startup), floor_start_us));
    }
  ref = g_strdup_printf ("%s: AdwApplication, one label", floor_time);
  {
    g_autofree char *figure = g_strdup_printf ("Start → first frame, calendar open (median of %u)", runs);

    row (out, figure, cells, ref, "≤ 1 s", yes_no (median (big->startup) <= G_USEC_PER_SEC));
  }
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, format_cell (median (d->startup_settled), floor_start_us));
    }
  {
    g_autofree char *figure = g_strdup_printf ("Start → settled (then no frame for %d ms)", QUIET_MS);

    row (out, figure, cells, "same", "—", "—");
  }

  /* Month switch */
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, d->has_month_view ? format_cell (d->month_next_us, d->core.raw_month_us)
                                                : g_strdup ("n/a (no month view)"));
    }
  g_clear_pointer (&ref, g_free);
  ref = g_strdup_printf ("the month's rows by sqlite3 (%s at %s)", raw_month, big->label);
  {
    g_autofree char *figure = g_strdup_printf ("Month switch → next frame (median of %u)", switches);

    row (out, figure, cells, ref, "≤ 50 ms",
         big->has_month_view ? yes_no (big->month_next_us <= 50000) : "—");
  }
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, d->has_month_view ? format_cell (d->month_settled_us, d->core.raw_month_us)
                                                : g_strdup ("n/a (no month view)"));
    }
  row (out, "Month switch → settled", cells, "same", "—", "—");

  /* List */
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, d->has_list_switch ? format_cell (d->list_switch_settled_us, d->core.raw_year_us)
                                                 : g_strdup ("n/a (no calendar.view)"));
    }
  g_clear_pointer (&ref, g_free);
  ref = g_strdup_printf ("a year's rows by sqlite3 (%s at %s)", raw_year, big->label);
  row (out, "Switch to list view → settled (year, 25 regions)", cells, ref, "—", "—");
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, format_cell (d->list_year_settled_us, d->core.raw_year_us));
    }
  {
    g_autofree char *figure = g_strdup_printf ("List view, previous year → settled (median of %u)", LIST_STEPS);

    row (out, figure, cells, "same", "—", "—");
  }

  /* Memory */
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, format_mb (d->maxrss_kb, floor_rss_kb));
    }
  g_clear_pointer (&ref, g_free);
  ref = g_strdup_printf ("%.0f MB: the same one-label window", floor_rss_kb / 1024.0);
  row (out, "Peak RSS (largest of the app's processes)", cells, ref, "≤ 150 MB",
       yes_no (big->maxrss_kb <= 150 * 1024));

  /* Core */
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, format_cell (d->core.store_open_us, d->core.sqlite_open_us));
    }
  g_clear_pointer (&ref, g_free);
  ref = g_strdup_printf ("sqlite3_open + one query (%s)", sqlite_open);
  row (out, "Core: paraat_store_open", cells, ref, "—", "—");
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];
      g_autofree char *cell = format_cell (d->core.list_month_us, d->core.raw_month_us);

      g_ptr_array_add (cells, g_strdup_printf ("%s, %u rows", cell, d->core.month_rows));
    }
  row (out, "Core: list_exercises, one month, all regions", cells, "the month's rows by sqlite3", "—", "—");
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];
      g_autofree char *cell = format_cell (d->core.list_year_us, d->core.raw_year_us);

      g_ptr_array_add (cells, g_strdup_printf ("%s, %u rows", cell, d->core.year_rows));
    }
  row (out, "Core: list_exercises, one year, all regions", cells, "a year's rows by sqlite3", "—", "—");

  /* Alignment */
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];
      g_autofree char *cell = format_cell (d->alignment_settled_us, d->analysis_us);

      g_ptr_array_add (cells, d->has_alignment ? g_strdup_printf ("%s, %u findings", cell, d->n_findings)
                                               : g_strdup ("n/a"));
    }
  row (out, "Switch to Alignment → settled (this year, 25 regions)", cells,
       "the core's analysis of the same year (items and rules)", "—", "—");
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, d->has_alignment ? format_cell (d->alignment_year_settled_us, d->analysis_us)
                                               : g_strdup ("n/a"));
    }
  {
    g_autofree char *figure = g_strdup_printf ("Alignment, previous year → settled (median of %u)", LIST_STEPS);

    row (out, figure, cells, "same", "—", "—");
  }
  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];

      g_ptr_array_add (cells, d->has_alignment ? format_mb (d->alignment_rss_kb, floor_rss_kb) : g_strdup ("n/a"));
    }
  row (out, "Peak RSS of the Alignment process", cells, "the one-label window", "—", "—");

  fputs (out->str, stdout);
}

static void
database_free (Database *d)
{
  g_free (d->path);
  g_free (d->label);
  g_array_unref (d->startup);
  g_array_unref (d->startup_settled);
  g_free (d);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dbs = g_ptr_array_new_with_free_func ((GDestroyNotify) database_free);
  g_autoptr(GArray) floor_start = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *floor_exe = NULL;
  g_autofree char *self_exe = NULL;
  g_autofree char *child_db = NULL;
  g_autofree char *child_scenario = NULL;
  g_autofree char *runs_text = NULL;
  g_autofree char *switches_text = NULL;
  gint64 floor_rss_kb = 0;
  int runs = 5;
  int switches = 20;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Start-ups per database (default 5)", "N" },
    { "switches", 0, 0, G_OPTION_ARG_INT, &switches, "Month switches per database (default 20)", "N" },
    { "child-db", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_db, NULL, NULL },
    { "child-scenario", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_scenario, NULL, NULL },
    { NULL }
  };

  /* Never the user's settings: the app saves the window size, the section
   * and the last database on the way. */
  if (g_strcmp0 (g_getenv ("GSETTINGS_BACKEND"), "memory") != 0)
    {
      g_printerr ("bench-calendar: run with GSETTINGS_BACKEND=memory (bench/run.sh does)\n");
      return 1;
    }
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema == NULL)
    {
      g_printerr ("bench-calendar: no %s schema; set GSETTINGS_SCHEMA_DIR to the build's data/\n", APP_ID);
      return 1;
    }

  context = g_option_context_new ("DB... — time Paraat's calendar on big databases from gen-calendar");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-calendar: %s\n", error->message);
      return 1;
    }
  if (child_db != NULL)
    return run_child (child_db, child_scenario ? child_scenario : "startup", switches);
  if (argc < 2 || runs < 1 || switches < 1)
    {
      g_printerr ("bench-calendar: usage: bench-calendar [--runs N] [--switches N] DB...\n");
      return 1;
    }

  dir = self_dir ();
  floor_exe = g_build_filename (dir, "bench-floor", NULL);
  self_exe = g_build_filename (dir, "bench-calendar", NULL);
  runs_text = g_strdup_printf ("%d", runs);
  switches_text = g_strdup_printf ("%d", switches);
  for (int i = 1; i < argc; i++)
    {
      Database *d = g_new0 (Database, 1);

      d->path = g_strdup (argv[i]);
      d->n_exercises = count_exercises (d->path);
      if (d->n_exercises == 0)
        {
          g_printerr ("bench-calendar: %s holds no exercises (make it with gen-calendar)\n", d->path);
          return 1;
        }
      d->label = format_count (d->n_exercises);
      d->startup = g_array_new (FALSE, FALSE, sizeof (gint64));
      d->startup_settled = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (dbs, d);
    }

  /* A run of each to warm the page cache and font caches; not counted */
  {
    const char *floor_argv[] = { floor_exe, NULL };
    const char *app_argv[] = { self_exe, "--child-db", ((Database *) dbs->pdata[dbs->len - 1])->path, NULL };
    Child c;

    g_printerr ("bench-calendar: warming up\n");
    if (!spawn_child (floor_argv, &c))
      return 2;
    child_clear (&c);
    if (!spawn_child (app_argv, &c))
      return 2;
    child_clear (&c);
  }

  /* Start-up, interleaved with the floor so both see the same noise */
  for (int r = 0; r < runs; r++)
    {
      const char *floor_argv[] = { floor_exe, NULL };
      Child c;

      g_printerr ("bench-calendar: start-up, run %d of %d\n", r + 1, runs);
      if (!spawn_child (floor_argv, &c))
        return 2;
      g_array_append_val (floor_start, c.start_us);
      floor_rss_kb = MAX (floor_rss_kb, c.maxrss_kb);
      g_printerr ("bench-calendar: start-up, floor: %.0f ms, peak RSS %.0f MB\n",
                  c.start_us / 1000.0, c.maxrss_kb / 1024.0);
      child_clear (&c);

      for (guint i = 0; i < dbs->len; i++)
        {
          Database *d = dbs->pdata[i];
          const char *app_argv[] = { self_exe, "--child-db", d->path, "--child-scenario", "startup", NULL };

          if (!spawn_child (app_argv, &c))
            return 2;
          g_array_append_val (d->startup, c.start_us);
          g_array_append_val (d->startup_settled, c.settled_us);
          d->maxrss_kb = MAX (d->maxrss_kb, c.maxrss_kb);
          g_printerr ("bench-calendar: start-up, %s: %.0f ms, peak RSS %.0f MB\n", d->label,
                      c.start_us / 1000.0, c.maxrss_kb / 1024.0);
          child_clear (&c);
        }
    }

  for (guint i = 0; i < dbs->len; i++)
    {
      Database *d = dbs->pdata[i];
      const char *month_argv[] = { self_exe, "--child-db", d->path, "--child-scenario", "month",
                                   "--switches", switches_text, NULL };
      const char *list_argv[] = { self_exe, "--child-db", d->path, "--child-scenario", "list",
                                  "--switches", G_STRINGIFY (LIST_STEPS), NULL };
      Child c;

      g_printerr ("bench-calendar: month view, %s\n", d->label);
      if (!spawn_child (month_argv, &c))
        return 2;
      d->has_month_view = !child_says (&c, "month-view missing") &&
                          parse_timings (&c, "month-next", &d->month_next_us, &d->month_settled_us,
                                         &d->month_count);
      d->maxrss_kb = MAX (d->maxrss_kb, c.maxrss_kb);
      g_printerr ("bench-calendar: month view, %s: peak RSS %.0f MB\n", d->label, c.maxrss_kb / 1024.0);
      child_clear (&c);

      g_printerr ("bench-calendar: list view, %s\n", d->label);
      if (!spawn_child (list_argv, &c))
        return 2;
      d->has_list_switch = parse_timings (&c, "list-switch", &d->list_switch_us, &d->list_switch_settled_us,
                                          &d->list_count);
      if (!parse_timings (&c, "list-previous", &d->list_year_us, &d->list_year_settled_us, &d->list_count))
        {
          d->list_year_us = -1;
          d->list_year_settled_us = -1;
        }
      d->maxrss_kb = MAX (d->maxrss_kb, c.maxrss_kb);
      g_printerr ("bench-calendar: list view, %s: peak RSS %.0f MB\n", d->label, c.maxrss_kb / 1024.0);
      child_clear (&c);

      {
        const char *alignment_argv[] = { self_exe, "--child-db", d->path, "--child-scenario", "alignment",
                                         "--switches", G_STRINGIFY (LIST_STEPS), NULL };
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();

        g_printerr ("bench-calendar: alignment, %s\n", d->label);
        if (!spawn_child (alignment_argv, &c))
          return 2;
        d->has_alignment = parse_timings (&c, "alignment-switch", &d->alignment_us, &d->alignment_settled_us,
                                          &d->alignment_count);
        if (!parse_timings (&c, "alignment-previous", &d->alignment_year_us, &d->alignment_year_settled_us,
                            &d->alignment_count))
          d->alignment_year_settled_us = -1;
        d->alignment_rss_kb = c.maxrss_kb;
        g_printerr ("bench-calendar: alignment, %s: peak RSS %.0f MB\n", d->label, c.maxrss_kb / 1024.0);
        child_clear (&c);
        d->analysis_us = time_analysis (d->path, g_date_time_get_year (now), &d->n_findings);
      }

      g_printerr ("bench-calendar: core, %s\n", d->label);
      measure_core (d->path, switches, LIST_STEPS, &d->core);
    }

  print_table (dbs, median (floor_start), floor_rss_kb, runs, switches);

  return 0;
}
