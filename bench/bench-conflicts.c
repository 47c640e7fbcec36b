/* bench-conflicts.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times paraat_conflicts_analyze() on 10k, 100k and 1M generated items
 * (exercises of the 25 regions and about 10% Defence calendar events, as
 * dense per day at every size, so the findings grow with the items) and
 * compares each tenfold step with the same step for qsort() of as many
 * gint64, measured in the same run. Prints a Markdown table.
 *
 *   bench-conflicts [--runs N] [--max N]
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "paraat-conflicts.h"

#define HOUR 3600

static const char * const units[] = {
  "11 Geniecompagnie", "11 geniecompagnie", "CBRN-responseenheid (Vught)", "Defensie Helikopter Commando",
  "43 Gemechaniseerde Brigade (staf)", "Natres", "10 Natresbataljon", "20 Natresbataljon", "30 Natresbataljon",
  "Coördinatie-eenheid", "Logistieke compagnie", "Geneeskundige compagnie", "Explosievenopruimingsdienst",
  "Luchtmobiele staf", "13 Lichte Brigade (staf)", "Mariniers", "Koninklijke Marechaussee",
};

static const char * const brigades[] = { "43MB", "11LMB", "13LB" };

static GPtrArray *
generate (guint   n,
          guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *items = g_ptr_array_new_full (n, (GDestroyNotify) paraat_calendar_item_unref);
  /* One item per hour of the plan on average, whatever n is */
  gint64 span = (gint64) n * HOUR;
  gint64 t0 = G_GINT64_CONSTANT (1767225600); /* 2026-01-01 */

  for (guint i = 0; i < n; i++)
    {
      char uid[32];
      char region[8];
      gint64 start = t0 + (gint64) g_rand_double_range (rand, 0, span) / 900 * 900;
      gint64 length = g_rand_int_range (rand, 1, 9) * HOUR;
      guint r = g_rand_int_range (rand, 1, 26);
      gboolean external = g_rand_int_range (rand, 0, 10) == 0;
      ParaatCalendarItem *item;

      g_snprintf (uid, sizeof uid, "bench-%07u", i);
      g_snprintf (region, sizeof region, "VR%02u", r);
      item = paraat_calendar_item_new (external ? PARAAT_ITEM_SOURCE_EXTERNAL : PARAAT_ITEM_SOURCE_EXERCISE,
                                       uid, uid, start, start + length);
      item->region_code = g_strdup (region);
      item->brigade_id = g_strdup (brigades[r % G_N_ELEMENTS (brigades)]);
      if (external || g_rand_int_range (rand, 0, 3) == 0)
        {
          const char *list[] = { units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))], NULL };

          item->units = g_strdupv ((char **) list);
        }
      if (external)
        item->availability = g_rand_boolean (rand) ? PARAAT_AVAILABILITY_COMMITTED : PARAAT_AVAILABILITY_AVAILABLE;
      else
        {
          item->defence = item->units ? (g_rand_boolean (rand) ? PARAAT_DEFENCE_REQUESTED : PARAAT_DEFENCE_CONFIRMED)
                                      : PARAAT_DEFENCE_NONE;
          item->ovr_observer = g_rand_int_range (rand, 0, 4) == 0;
          if (g_rand_int_range (rand, 0, 20) == 0)
            item->status = PARAAT_EXERCISE_STATUS_CANCELLED;
        }
      g_ptr_array_add (items, item);
    }

  return items;
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
time_qsort (guint n,
            guint runs)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autofree gint64 *values = g_new (gint64, n);
  g_autofree gint64 *copy = g_new (gint64, n);
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    values[i] = ((gint64) g_rand_int (rand) << 32) | g_rand_int (rand);
  for (guint r = 0; r < runs; r++)
    {
      gint64 start;

      memcpy (copy, values, n * sizeof (gint64));
      start = g_get_monotonic_time ();
      qsort (copy, n, sizeof (gint64), compare_gint64);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
    }

  return best;
}

int
main (int    argc,
      char **argv)
{
  int runs = 3;
  int max = 1000000;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per size; the best counts (default 3)", "N" },
    { "max", 0, 0, G_OPTION_ARG_INT, &max, "Largest size (default 1000000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatConflictRules) rules = NULL;
  double previous = 0, previous_ref = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("bench-conflicts: %s\n", error ? error->message : "--runs must be 1 or more");
      return 1;
    }
  if (!(rules = paraat_conflict_rules_new_default (&error)))
    {
      g_printerr ("bench-conflicts: %s\n", error->message);
      return 1;
    }

  g_print ("| Items | Intervals | Findings | Analysis | ×10 | qsort gint64 | ×10 |\n");
  g_print ("|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint n = 10000; n <= (guint) max; n *= 10)
    {
      g_autoptr(GPtrArray) items = generate (n, 2026);
      ParaatConflictStats stats = { 0 };
      double best = G_MAXDOUBLE;
      double ref = time_qsort (n, runs);
      g_autofree char *ratio = NULL;
      g_autofree char *ref_ratio = NULL;

      for (int r = 0; r < runs; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr(GPtrArray) findings = paraat_conflicts_analyze (rules, items, NULL, &stats);

          best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
        }

      ratio = previous > 0 ? g_strdup_printf ("%.1f", best / previous) : g_strdup ("—");
      ref_ratio = previous_ref > 0 ? g_strdup_printf ("%.1f", ref / previous_ref) : g_strdup ("—");
      g_print ("| %u | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " | %.0f ms | %s | %.1f ms | %s |\n",
               n, stats.n_intervals, stats.n_findings, best, ratio, ref, ref_ratio);
      previous = best;
      previous_ref = ref;
    }

  return 0;
}
