/* paraat-store-demo.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo's MOTO year plans: a fictional but plausible 2026–2027 plan
 * for the regions of 43 Gemechaniseerde Brigade. It is generated from a
 * fixed seed, so every demo database holds the same plan; what is past
 * on the day the demo is made is held (and mostly evaluated, with action
 * items), what is near is confirmed, and some exercises were postponed.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-exercise-private.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

typedef struct
{
  const char *type;
  const char *title;       /* the region's name follows */
  int         hours;       /* 0: all day */
  int         days;        /* all-day length */
  int         start_hour;
  gboolean    defence;     /* Defence usually takes part */
  const char *grip;
} Template;

static const Template templates[] = {
  { "TABLETOP", "Table-top hoogwater", 3, 0, 13, FALSE, "GRIP2" },
  { "TABLETOP", "Table-top uitval vitale infrastructuur", 3, 0, 9, TRUE, "GRIP3" },
  { "COPI", "CoPI-oefening incident gevaarlijke stoffen", 4, 0, 9, FALSE, "GRIP1" },
  { "COPI", "CoPI-oefening natuurbrand", 4, 0, 13, TRUE, "GRIP1" },
  { "ROT", "ROT-oefening langdurige stroomuitval", 5, 0, 9, TRUE, "GRIP2" },
  { "ROT", "ROT-oefening grootschalige evacuatie", 5, 0, 9, TRUE, "GRIP2" },
  { "BT", "Beleidsteamoefening militaire dreiging", 4, 0, 13, TRUE, "GRIP4" },
  { "MELDKAMER", "Meldkameroefening militaire verbindingen", 3, 0, 19, TRUE, NULL },
  { "SYSTEEM", "Systeemoefening CoPI–ROT–BT", 0, 1, 0, TRUE, "GRIP4" },
  { "VELD", "Veldoefening dijkversterking", 0, 2, 0, TRUE, "GRIP3" },
  { "SCENARIO", "Scenariosessie gastlandsteun", 3, 0, 14, TRUE, NULL },
  { "THEMA", "Themabijeenkomst gezondheid", 3, 0, 14, FALSE, NULL },
  { "LUNCHLEZING", "Lunchlezing civiel-militaire samenwerking", 1, 0, 12, FALSE, NULL },
  { "MASTERCLASS", "Masterclass crisiscommunicatie", 4, 0, 9, FALSE, NULL },
  { "TEAMTRAINING", "OT/BT-teamtraining", 4, 0, 9, FALSE, NULL },
  { "COPIDAG", "CoPI-dag", 0, 1, 0, FALSE, NULL },
  { "MULTISTAF", "Multistafoefening", 6, 0, 9, TRUE, "GRIP3" },
  { "OCR", "Basiscursus crisisbeheersing (OCR)", 0, 2, 0, FALSE, NULL },
  { "ELEARNING", "E-learning GRIP en opschaling", 0, 1, 0, FALSE, NULL },
};

static const char * const units[] = {
  "43 Gemechaniseerde Brigade (staf)",
  "11 Geniecompagnie",
  "CBRN-responseenheid (Vught)",
  "Defensie Helikopter Commando",
  "Natres, 10 Natresbataljon",
};

static const char * const postpone_reasons[] = {
  "Brandweer heeft de oefenstaf niet compleet; na overleg in de werkgroep MOTO verschoven.",
  "Defensie-eenheid onverwacht ingezet; nieuwe datum afgestemd met de RMOA.",
  "Samenvallend met een bovenregionale oefening; verschoven om dubbele belasting te voorkomen.",
};

static const char * const lessons[] = {
  "Alarmering van de RMOA verliep via de juiste lijn, maar de terugkoppeling aan het ROT bleef uit.",
  "Beeldvorming tussen CoPI en ROT liep achter; LCMS werd te laat bijgewerkt.",
  "De inzet van Defensie werd aangevraagd in middelen in plaats van in het gewenste effect.",
  "Verbindingen met militaire portofoons waren op de meldkamer niet herkenbaar.",
};

static const char * const action_texts[] = {
  "Procedure alarmering RMOA opnemen in het regionaal crisisplan",
  "Werkinstructie LCMS-beeldvorming actualiseren",
  "Aanvraagformulier militaire bijstand oefenen met het ROT (effect, niet middel)",
  "Herkenning militaire verbindingsmiddelen op de meldkamer testen",
  "Afspraken met de RMC over deelname aan beleidsteamoefeningen vastleggen",
};

static const char * const owners[] = {
  "Brandweer", "GHOR", "Bevolkingszorg", "Meldkamer", "Politie", "RMOA",
};

static GDateTime *
local_time (GTimeZone *tz,
            int        year,
            int        month,
            int        day,
            int        hour)
{
  return g_date_time_new (tz, year, month, day, hour, 0, 0);
}

/* A working day in @month, moved to Monday–Thursday */
static int
pick_day (GRand *rand,
          int    year,
          int    month)
{
  GDate date;
  int day = g_rand_int_range (rand, 3, 27);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  while (g_date_get_weekday (&date) > G_DATE_THURSDAY)
    g_date_add_days (&date, 1);

  return g_date_get_day (&date);
}

static gboolean
insert_evaluation (ParaatStore     *self,
                   ParaatExercise  *ex,
                   GRand           *rand,
                   const char      *today,
                   GError         **error)
{
  g_autoptr(GDateTime) end = paraat_exercise_get_end (ex);
  g_autoptr(GDateTime) quick = g_date_time_add_days (end, 3);
  g_autoptr(GDateTime) final = g_date_time_add_days (end, 42);
  g_autofree char *quick_date = g_date_time_format (quick, "%Y-%m-%d");
  g_autofree char *final_date = g_date_time_format (final, "%Y-%m-%d");
  g_autofree char *quick_ref = g_strdup_printf ("FIR-%s-%03u", ex->region_code, g_rand_int_range (rand, 1, 999));
  g_autofree char *final_ref = g_strdup_printf ("FER-%s-%03u", ex->region_code, g_rand_int_range (rand, 1, 999));
  gboolean has_final = strcmp (final_date, today) < 0;
  sqlite3_stmt *stmt;
  guint n_actions;

  stmt = paraat_store_prepare (self, "INSERT INTO evaluation (exercise_id, quick_report_date, quick_report_ref,"
                                     " final_report_date, final_report_ref, lessons) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ex->id);
  sqlite3_bind_text (stmt, 2, quick_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, quick_ref, -1, SQLITE_TRANSIENT);
  if (has_final)
    {
      sqlite3_bind_text (stmt, 4, final_date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, final_ref, -1, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_text (stmt, 5, "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, lessons[g_rand_int_range (rand, 0, G_N_ELEMENTS (lessons))], -1, SQLITE_STATIC);
  if (!paraat_store_step_done (self, stmt, error))
    return FALSE;

  n_actions = g_rand_int_range (rand, 1, 4);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (end, g_rand_int_range (rand, 30, 180));
      g_autofree char *due_date = g_date_time_format (due, "%Y-%m-%d");
      /* Older items are mostly done; some stay open past their date. */
      gboolean done = strcmp (due_date, today) < 0 && g_rand_int_range (rand, 0, 8) > 0;
      const char *status = done ? "done" : (g_rand_boolean (rand) ? "in-progress" : "open");

      stmt = paraat_store_prepare (self, "INSERT INTO action_item (exercise_id, what, owner, due_date, status,"
                                         " done_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ex->id);
      sqlite3_bind_text (stmt, 2, action_texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (action_texts))], -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, owners[g_rand_int_range (rand, 0, G_N_ELEMENTS (owners))], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, due_date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
      if (done)
        sqlite3_bind_text (stmt, 6, due_date, -1, SQLITE_TRANSIENT);
      if (!paraat_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_exercise (ParaatStore     *self,
              const Template  *t,
              const char      *region,
              const char      *region_name,
              GTimeZone       *tz,
              int              year,
              int              month,
              GRand           *rand,
              const char      *today,
              GError         **error)
{
  g_autoptr(ParaatExercise) ex = paraat_exercise_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *title = g_strconcat (t->title, " ", region_name, NULL);
  g_autofree char *start_day = NULL;
  int day = pick_day (rand, year, month);
  gboolean past, near;

  if (t->hours > 0)
    {
      start = local_time (tz, year, month, day, t->start_hour);
      end = g_date_time_add_hours (start, t->hours);
    }
  else
    {
      start = local_time (tz, year, month, day, 0);
      end = g_date_time_add_days (start, t->days);
    }
  start_day = g_date_time_format (start, "%Y-%m-%d");
  past = strcmp (start_day, today) < 0;
  near = !past && paraat_iso_days_between (today, start_day) < 90;

  paraat_exercise_set_title (ex, title);
  paraat_exercise_set_description (ex, "Demo: fictieve oefening uit het MOTO-jaarplan.");
  paraat_exercise_set_type_code (ex, t->type);
  paraat_exercise_set_grip_code (ex, t->grip);
  paraat_exercise_set_region_code (ex, region);
  paraat_exercise_set_times (ex, start, end, t->hours == 0);
  paraat_exercise_set_location (ex, g_rand_boolean (rand) ? "Regionaal crisiscentrum" : "Oefencentrum brandweer");
  {
    const char *disciplines[] = { "BRW", "GHOR", "BVZ", t->defence ? "DEF" : "POL", NULL };

    paraat_exercise_set_disciplines (ex, disciplines);
  }
  if (t->defence)
    {
      int r = g_rand_int_range (rand, 0, 10);

      paraat_exercise_set_defence (ex, r < 5 ? PARAAT_DEFENCE_CONFIRMED
                                       : r < 9 ? PARAAT_DEFENCE_REQUESTED : PARAAT_DEFENCE_DECLINED);
      paraat_exercise_set_defence_units (ex, units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))]);
      paraat_exercise_set_ovr_observer (ex, g_rand_int_range (rand, 0, 4) > 0);
      paraat_exercise_set_reservists (ex, g_rand_int_range (rand, 0, 4));
    }

  if (past)
    {
      int r = g_rand_int_range (rand, 0, 10);

      paraat_exercise_set_status (ex, r < 1 ? PARAAT_EXERCISE_STATUS_CANCELLED
                                      : r < 6 ? PARAAT_EXERCISE_STATUS_EVALUATED : PARAAT_EXERCISE_STATUS_HELD);
    }
  else
    paraat_exercise_set_status (ex, near ? PARAAT_EXERCISE_STATUS_CONFIRMED
                                         : g_rand_int_range (rand, 0, 4) ? PARAAT_EXERCISE_STATUS_PLANNED
                                                                        : PARAAT_EXERCISE_STATUS_DRAFT);

  if (!paraat_store_save_exercise_in_transaction (self, ex, "Demo", NULL, error))
    return FALSE;

  /* About one in eight future exercises was postponed by some weeks. */
  if (!past && ex->status == PARAAT_EXERCISE_STATUS_PLANNED && g_rand_int_range (rand, 0, 8) == 0)
    {
      g_autoptr(GDateTime) later_start = g_date_time_add_weeks (start, g_rand_int_range (rand, 2, 7));
      g_autoptr(GDateTime) later_end = g_date_time_add_weeks (end, 0);
      GTimeSpan length = g_date_time_difference (end, start);
      g_autoptr(GDateTime) new_end = g_date_time_add (later_start, length);

      paraat_exercise_set_times (ex, later_start, new_end, ex->all_day);
      paraat_exercise_set_status (ex, PARAAT_EXERCISE_STATUS_POSTPONED);
      if (!paraat_store_save_exercise_in_transaction (self, ex, "Werkgroep MOTO",
                                                      postpone_reasons[g_rand_int_range (rand, 0,
                                                                                         G_N_ELEMENTS (postpone_reasons))],
                                                      error))
        return FALSE;
    }

  if (ex->status == PARAAT_EXERCISE_STATUS_HELD || ex->status == PARAAT_EXERCISE_STATUS_EVALUATED)
    return insert_evaluation (self, ex, rand, today, error);

  return TRUE;
}

/**
 * paraat_store_fill_demo_calendar:
 * @today: YYYY-MM-DD, the day the demo is made
 *
 * Inside the caller's transaction.
 */
gboolean
paraat_store_fill_demo_calendar (ParaatStore  *self,
                                 const char   *today,
                                 GError      **error)
{
  static const struct {
    const char *code;
    const char *name;
  } regions[] = {
    { "VR01", "Groningen" }, { "VR02", "Fryslân" }, { "VR03", "Drenthe" }, { "VR04", "IJsselland" },
    { "VR05", "Twente" }, { "VR09", "Utrecht" }, { "VR14", "Gooi en Vechtstreek" }, { "VR25", "Flevoland" },
  };
  /* No exercises in the summer holidays */
  static const int months[] = { 1, 2, 3, 4, 5, 6, 9, 10, 11, 12 };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (int year = 2026; year <= 2027; year++)
    {
      for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
        {
          g_autoptr(ParaatExercise) drill = paraat_exercise_new ();
          g_autoptr(GDateTime) drill_start = local_time (tz, year, 1, 6 + r % 2, 19);
          g_autoptr(GDateTime) drill_end = g_date_time_add_hours (drill_start, 1);
          g_autofree char *drill_title = g_strconcat ("Maandelijkse opkomsttest ", regions[r].name, NULL);

          /* A standing drill: the first Tuesday (or Wednesday) of every month */
          paraat_exercise_set_title (drill, drill_title);
          paraat_exercise_set_type_code (drill, "KCO");
          paraat_exercise_set_region_code (drill, regions[r].code);
          paraat_exercise_set_times (drill, drill_start, drill_end, FALSE);
          paraat_exercise_set_rrule (drill, r % 2 ? "FREQ=MONTHLY;BYDAY=1WE;COUNT=12" : "FREQ=MONTHLY;BYDAY=1TU;COUNT=12");
          paraat_exercise_set_status (drill, PARAAT_EXERCISE_STATUS_CONFIRMED);
          if (!paraat_store_save_exercise_in_transaction (self, drill, "Demo", NULL, error))
            return FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
            {
              /* Most activities once a year, the heavier ones every other year */
              if (templates[i].days >= 2 && (year + r + i) % 2 == 0)
                continue;
              if (!add_exercise (self, &templates[i], regions[r].code, regions[r].name, tz, year,
                                 months[(i * 3 + r + year) % G_N_ELEMENTS (months)], rand, today, error))
                return FALSE;
            }
        }

      /* One cross-regional exercise per year for the whole brigade area */
      {
        g_autoptr(ParaatExercise) big = paraat_exercise_new ();
        g_autoptr(GDateTime) start = local_time (tz, year, 10, 7 + (year % 2), 0);
        g_autoptr(GDateTime) end = g_date_time_add_days (start, 3);
        g_autofree char *title = g_strdup_printf ("Bovenregionale oefening Noord %d: gastlandsteun", year);
        const char *others[] = { "VR01", "VR02", "VR03", "VR04", "VR09", "VR14", "VR25", NULL };
        const char *disciplines[] = { "BRW", "GHOR", "POL", "BVZ", "DEF", "KMAR", "WS", NULL };
        const char *orgs[] = { "43 Gemechaniseerde Brigade", "RMC Noord", "Rijkswaterstaat", NULL };
        gboolean past = g_date_time_to_unix (end) < g_get_real_time () / G_USEC_PER_SEC;

        paraat_exercise_set_title (big, title);
        paraat_exercise_set_description (big, "Demo: fictieve bovenregionale oefening met Defensie.");
        paraat_exercise_set_type_code (big, "BOVENREGIONAAL");
        paraat_exercise_set_grip_code (big, "GRIP5");
        paraat_exercise_set_region_code (big, "VR05");
        paraat_exercise_set_regions (big, others);
        paraat_exercise_set_disciplines (big, disciplines);
        paraat_exercise_set_organisations (big, orgs);
        paraat_exercise_set_times (big, start, end, TRUE);
        paraat_exercise_set_location (big, "Oefenterrein Havelte");
        paraat_exercise_set_geo (big, TRUE, 52.7706, 6.2297);
        paraat_exercise_set_scenario_code (big, "MILITAIRE-DREIGING");
        paraat_exercise_set_defence (big, PARAAT_DEFENCE_CONFIRMED);
        paraat_exercise_set_defence_units (big, "43 Gemechaniseerde Brigade; 11 Geniecompagnie");
        paraat_exercise_set_ovr_observer (big, TRUE);
        paraat_exercise_set_reservists (big, 12);
        paraat_exercise_set_status (big, past ? PARAAT_EXERCISE_STATUS_HELD : PARAAT_EXERCISE_STATUS_PLANNED);
        if (!paraat_store_save_exercise_in_transaction (self, big, "Demo", NULL, error))
          return FALSE;
        if (past && !insert_evaluation (self, big, rand, today, error))
          return FALSE;
      }
    }

  return TRUE;
}
