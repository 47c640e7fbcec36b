/* gen-calendar.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a big exercise calendar for bench-calendar: N exercises over the
 * 25 regions and a run of years, through the core API in one transaction.
 * The mix follows the demo's: mostly timed sessions of a few hours, some
 * all-day and multi-day exercises, Defence in about a third, a few other
 * regions taking part, and a few recurring drills. The draws come from a
 * fixed seed; only the statuses depend on the day it runs (an exercise in
 * the past is held, one in the future planned), because the store refuses
 * a held exercise that has not started yet.
 *
 *   gen-calendar --size 100000 --first-year 2021 --years 10 FILE
 */

#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>

#include "paraat-calendar.h"
#include "paraat-store-private.h"

typedef struct
{
  const char *type;
  const char *title;
  int         hours;       /* 0: all day */
  int         days;        /* all-day length */
  gboolean    defence;     /* Defence usually takes part */
  const char *grip;
} Template;

/* Weighted by repetition: the light formats come up most. */
static const Template templates[] = {
  { "TABLETOP", "Table-top hoogwater", 3, 0, FALSE, "GRIP2" },
  { "TABLETOP", "Table-top uitval vitale infrastructuur", 3, 0, TRUE, "GRIP3" },
  { "ALARM", "Alarmeringsoefening", 2, 0, FALSE, NULL },
  { "COPI", "CoPI-oefening incident gevaarlijke stoffen", 4, 0, FALSE, "GRIP1" },
  { "COPI", "CoPI-oefening natuurbrand", 4, 0, TRUE, "GRIP1" },
  { "ROT", "ROT-oefening langdurige stroomuitval", 5, 0, TRUE, "GRIP2" },
  { "ROT", "ROT-oefening grootschalige evacuatie", 5, 0, TRUE, "GRIP2" },
  { "BT", "Beleidsteamoefening militaire dreiging", 4, 0, TRUE, "GRIP4" },
  { "MELDKAMER", "Meldkameroefening militaire verbindingen", 3, 0, TRUE, NULL },
  { "SYSTEEM", "Systeemoefening CoPI–ROT–BT", 0, 1, TRUE, "GRIP4" },
  { "VELD", "Veldoefening dijkversterking", 0, 2, TRUE, "GRIP3" },
  { "BOVENREGIONAAL", "Bovenregionale oefening gastlandsteun", 0, 3, TRUE, "GRIP5" },
  { "SCENARIO", "Scenariosessie gastlandsteun", 3, 0, TRUE, NULL },
  { "THEMA", "Themabijeenkomst gezondheid", 3, 0, FALSE, NULL },
  { "LUNCHLEZING", "Lunchlezing civiel-militaire samenwerking", 1, 0, FALSE, NULL },
  { "MASTERCLASS", "Masterclass crisiscommunicatie", 4, 0, FALSE, NULL },
  { "TEAMTRAINING", "OT/BT-teamtraining", 4, 0, FALSE, NULL },
  { "TEAMTRAINING", "Teamtraining Bevolkingszorg", 3, 0, FALSE, NULL },
  { "COPIDAG", "CoPI-dag", 0, 1, FALSE, NULL },
  { "MULTISTAF", "Multistafoefening", 6, 0, TRUE, "GRIP3" },
  { "OCR", "Basiscursus crisisbeheersing (OCR)", 0, 2, FALSE, NULL },
  { "ELEARNING", "E-learning GRIP en opschaling", 0, 1, FALSE, NULL },
  { "VELD", "Veldoefening CBRN", 0, 5, TRUE, "GRIP2" },
};

static const char * const disciplines[] = { "BRW", "GHOR", "POL", "BVZ", "DEF", "KMAR", "WS", "RWS" };

static const char * const units[] = {
  "43 Gemechaniseerde Brigade (staf)",
  "11 Geniecompagnie",
  "CBRN-responseenheid (Vught)",
  "Defensie Helikopter Commando",
  "Natres, 10 Natresbataljon",
};

static const char * const locations[] = {
  "Regionaal crisiscentrum", "Oefencentrum brandweer", "Kazerne", "Gemeentehuis", "Meldkamer",
};

/* Exercises stay out of the summer holidays, mostly. */
static const int months[] = { 1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 9, 10, 10, 11, 11, 12 };

static const char * const rrules[] = {
  "FREQ=MONTHLY;BYDAY=1TU;COUNT=12",
  "FREQ=MONTHLY;BYDAY=1WE;COUNT=12",
  "FREQ=WEEKLY;BYDAY=TH;COUNT=20",
};

static char *
region_code (guint index)
{
  return g_strdup_printf ("VR%02u", index + 1);
}

static gboolean
add_exercise (ParaatStore  *store,
              GRand        *rand,
              GTimeZone    *tz,
              guint         n,
              int           first_year,
              int           years,
              gint64        now,
              GError      **error)
{
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *region = region_code (n % 25);
  g_autofree char *uid = g_strdup_printf ("bench-%07u@paraat", n);
  const Template *t = &templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (templates))];
  int year = first_year + g_rand_int_range (rand, 0, years);
  int month = months[g_rand_int_range (rand, 0, G_N_ELEMENTS (months))];
  int day = g_rand_int_range (rand, 1, 29);
  gboolean recurring = g_rand_int_range (rand, 0, 1000) < 2;
  g_autofree char *title = NULL;
  const char *chosen[5] = { NULL };
  guint n_disciplines;

  if (recurring)
    {
      start = g_date_time_new (tz, year, month, day, 19, 0, 0);
      end = g_date_time_add_hours (start, 1);
      title = g_strdup_printf ("Opkomsttest %s", region);
      paraat_exercise_set_type_code (ex, "KCO");
      paraat_exercise_set_rrule (ex, rrules[g_rand_int_range (rand, 0, G_N_ELEMENTS (rrules))]);
    }
  else if (t->hours > 0)
    {
      start = g_date_time_new (tz, year, month, day, g_rand_int_range (rand, 8, 16), 0, 0);
      end = g_date_time_add_hours (start, t->hours);
      title = g_strdup_printf ("%s %s", t->title, region);
      paraat_exercise_set_type_code (ex, t->type);
    }
  else
    {
      start = g_date_time_new (tz, year, month, day, 0, 0, 0);
      end = g_date_time_add_days (start, t->days);
      title = g_strdup_printf ("%s %s", t->title, region);
      paraat_exercise_set_type_code (ex, t->type);
    }

  paraat_exercise_set_uid (ex, uid);
  paraat_exercise_set_title (ex, title);
  paraat_exercise_set_description (ex, "Bench: gegenereerde oefening.");
  paraat_exercise_set_grip_code (ex, t->grip);
  paraat_exercise_set_region_code (ex, region);
  paraat_exercise_set_times (ex, start, end, !recurring && t->hours == 0);
  paraat_exercise_set_location (ex, locations[g_rand_int_range (rand, 0, G_N_ELEMENTS (locations))]);

  n_disciplines = g_rand_int_range (rand, 1, 5);
  for (guint i = 0; i < n_disciplines; i++)
    chosen[i] = disciplines[(n + i * 3) % G_N_ELEMENTS (disciplines)];
  paraat_exercise_set_disciplines (ex, chosen);

  /* One in twenty has other regions taking part */
  if (g_rand_int_range (rand, 0, 20) == 0)
    {
      g_autofree char *a = region_code ((n + 1) % 25);
      g_autofree char *b = region_code ((n + 7) % 25);
      const char *others[] = { a, b, NULL };

      paraat_exercise_set_regions (ex, others);
    }

  if (t->defence && !recurring && g_rand_int_range (rand, 0, 3) > 0)
    {
      int r = g_rand_int_range (rand, 0, 10);

      paraat_exercise_set_defence (ex, r < 5 ? PARAAT_DEFENCE_CONFIRMED
                                       : r < 9 ? PARAAT_DEFENCE_REQUESTED : PARAAT_DEFENCE_DECLINED);
      paraat_exercise_set_defence_units (ex, units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))]);
      paraat_exercise_set_ovr_observer (ex, g_rand_boolean (rand));
      paraat_exercise_set_reservists (ex, g_rand_int_range (rand, 0, 6));
    }

  if (g_date_time_to_unix (start) < now)
    {
      int r = g_rand_int_range (rand, 0, 10);

      paraat_exercise_set_status (ex, r < 1 ? PARAAT_EXERCISE_STATUS_CANCELLED
                                      : r < 6 ? PARAAT_EXERCISE_STATUS_EVALUATED : PARAAT_EXERCISE_STATUS_HELD);
    }
  else
    {
      int r = g_rand_int_range (rand, 0, 10);

      paraat_exercise_set_status (ex, r < 2 ? PARAAT_EXERCISE_STATUS_DRAFT
                                      : r < 7 ? PARAAT_EXERCISE_STATUS_PLANNED
                                      : r < 9 ? PARAAT_EXERCISE_STATUS_CONFIRMED
                                      : PARAAT_EXERCISE_STATUS_POSTPONED);
    }

  return paraat_store_save_exercise_in_transaction (store, ex, "Bench", NULL, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  int size = 100000;
  int first_year = 2021;
  int years = 10;
  guint seed = 20260314;
  gint64 started, now;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT, &size, "Number of exercises (default 100000)", "N" },
    { "first-year", 0, 0, G_OPTION_ARG_INT, &first_year, "First year (default 2021)", "YEAR" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Number of years (default 10)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("FILE — write a big exercise calendar for bench-calendar");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || size <= 0 || years <= 0)
    {
      g_printerr ("gen-calendar: %s\n", error ? error->message : "usage: gen-calendar [--size N] FILE");
      return 1;
    }

  /* Written next to the target and renamed, so a cut-off run never leaves
   * a half-filled database where bench/run.sh looks for a cached one. */
  tmp = g_strconcat (argv[1], ".tmp", NULL);
  g_unlink (tmp);
  store = paraat_store_open (tmp, PARAAT_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      g_printerr ("gen-calendar: %s\n", error->message);
      return 3;
    }

  tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  rand = g_rand_new_with_seed (seed);
  now = g_get_real_time () / G_USEC_PER_SEC;
  started = g_get_monotonic_time ();
  if (!paraat_store_begin (store, &error))
    goto failed;
  for (int i = 0; i < size; i++)
    {
      if (!add_exercise (store, rand, tz, i, first_year, years, now, &error))
        {
          paraat_store_rollback (store);
          goto failed;
        }
    }
  if (!paraat_store_commit (store, &error) ||
      !paraat_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error))
    goto failed;
  g_clear_object (&store);

  if (g_rename (tmp, argv[1]) != 0)
    {
      g_printerr ("gen-calendar: could not rename %s: %s\n", tmp, g_strerror (errno));
      return 3;
    }
  g_printerr ("gen-calendar: %d exercises over 25 regions, %d–%d, in %.1f s: %s\n",
              size, first_year, first_year + years - 1,
              (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC, argv[1]);

  return 0;

failed:
  g_printerr ("gen-calendar: %s\n", error->message);
  return 3;
}
