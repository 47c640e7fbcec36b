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
 * Beside it, the brigade's own calendar as if imported: its unit
 * exercises, maintenance and a deployment, its support to the regions'
 * exercises, and a few entries that do not line up, so that every
 * alignment rule has something to say.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-calendar.h"
#include "paraat-exercise-private.h"
#include "paraat-ical.h"
#include "paraat-import-private.h"
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

/* The brigade's calendar */

/* Not the brigade's name alone, which a real import of its calendar
 * would use: that would mark the demo's events removed. */
#define DEFENCE_CALENDAR "Jaarplanning 43 Gemechaniseerde Brigade"
#define DEFENCE_BRIGADE  "43 Gemechaniseerde Brigade"
#define DEFENCE_DOMAIN   "demo.43mechbrig.example"

typedef struct
{
  const char *uid;
  const char *start;     /* YYYYMMDD: all day; else a UTC date-time */
  const char *end;       /* exclusive */
  const char *summary;
  const char *location;
  const char *units;     /* ';'-separated */
  const char *extra;     /* further properties, CRLF-separated, or NULL */
} DefenceEvent;

/* Fixed dates. The Vliehors and Lauwersmeer entries name a region in the
 * summer, when the regions hold no exercises but their monthly drill
 * (more than 14 days away): rule 5. The eFP deployment takes the staff
 * away in February and March 2027, when regions ask for it: rule 2. */
static const DefenceEvent defence_events[] = {
  { "2026-001", "20260518", "20260530", "Brigadeoefening Iron Wolf", "Pabrade (Litouwen)",
    "43 Gemechaniseerde Brigade (staf);44 Pantserinfanteriebataljon", NULL },
  { "2026-002", "20260713", "20260808", "Groot onderhoud materieel 11 Geniecompagnie", "Havelte",
    "11 Geniecompagnie", "X-PARAAT-AVAILABILITY:unavailable" },
  { "2026-003", "20260716T060000Z", "20260717T140000Z", "Schietoefening Vliehors",
    "Vliehors (Vlieland), Fryslân", "44 Pantserinfanteriebataljon", NULL },
  { "2026-004", "20260921", "20261003", "Brigadeoefening Falcon Autumn", "Bergen-Hohne (Duitsland)",
    "43 Gemechaniseerde Brigade (staf);43 Herstelcompagnie", NULL },
  { "2026-005", "20261116T080000Z", "20261120T160000Z", "Certificering CBRN-responseenheid", "Vught",
    "CBRN-responseenheid (Vught)", NULL },
  { "2027-001", "20270201", "20270313", "Inzet NAVO eFP Litouwen (staf deels niet beschikbaar)", "Rukla (Litouwen)",
    "43 Gemechaniseerde Brigade (staf)", "X-PARAAT-AVAILABILITY:unavailable" },
  { "2027-002", "20270412", "20270417", "Oefening Noordelijke Vlag", "Marnewaard, Groningen",
    "45 Pantserinfanteriebataljon", "STATUS:CANCELLED\r\nSEQUENCE:1" },
  { "2027-003", "20270531", "20270612", "Oefening Bold Sparrow", "Havelte",
    "43 Herstelcompagnie;44 Pantserinfanteriebataljon", NULL },
  { "2027-004", "20270818T060000Z", "20270819T140000Z", "Verkenning dijkversterking Lauwersmeer",
    "Lauwersoog, Groningen", "41 Pantsergeniebataljon", NULL },
  { "2027-005", "20270913", "20270925", "Oefening Green Griffin", "Oberlausitz (Duitsland)",
    "Defensie Helikopter Commando", NULL },
  /* The RMC's monthly meeting with the regions' RMOAs; it commits no unit */
  { "rmc-overleg", "20260115T090000Z", "20260115T110000Z", "Overleg RMC Noord met de RMOA's", "Havelte", "",
    "RRULE:FREQ=MONTHLY;BYDAY=3TH;COUNT=24\r\nTRANSP:TRANSPARENT" },
};

static void
append_time (GString    *out,
             const char *name,
             const char *value)
{
  g_string_append_printf (out, "%s%s:%s\r\n", name, strchr (value, 'T') ? "" : ";VALUE=DATE", value);
}

/* Appends @prop as libical writes it, escaped and folded, and frees it */
static void
append_property (GString      *out,
                 icalproperty *prop)
{
  g_string_append (out, icalproperty_as_ical_string (prop));
  icalproperty_free (prop);
}

static void
append_event (GString    *out,
              const char *uid,
              const char *start,
              const char *end,
              const char *summary,
              const char *location,
              const char *unit_list,
              const char *extra)
{
  g_auto(GStrv) list = g_strsplit (unit_list, ";", -1);

  g_string_append_printf (out, "BEGIN:VEVENT\r\nUID:%s@" DEFENCE_DOMAIN "\r\nDTSTAMP:20251201T090000Z\r\n", uid);
  append_time (out, "DTSTART", start);
  append_time (out, "DTEND", end);
  append_property (out, icalproperty_new_summary (summary));
  append_property (out, icalproperty_new_location (location));
  g_string_append (out, "ORGANIZER;CN=" DEFENCE_BRIGADE ":mailto:planning@" DEFENCE_DOMAIN "\r\n");
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (*list[i] != '\0')
        append_property (out, icalproperty_new_resources (list[i]));
    }
  if (extra != NULL)
    g_string_append_printf (out, "%s\r\n", extra);
  g_string_append (out, "END:VEVENT\r\n");
}

static char *
format_utc (gint64   utc,
            gboolean all_day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  if (all_day)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz);

      return g_date_time_format (local, "%Y%m%d");
    }

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

static int
compare_by_start_and_id (gconstpointer a,
                         gconstpointer b)
{
  const ParaatExercise *x = *(ParaatExercise * const *) a;
  const ParaatExercise *y = *(ParaatExercise * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* The brigade's answers to the regions' requests: support it confirmed,
 * requests it has pencilled in (every other one: the rest are not on its
 * calendar yet, rule 4), and for the first request of each year the
 * unit was committed elsewhere (rule 2). */
static void
append_support (GString   *out,
                GPtrArray *exercises)
{
  int clash_year = 0;
  guint n_requested = 0;

  for (guint i = 0; i < exercises->len; i++)
    {
      ParaatExercise *ex = exercises->pdata[i];
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *uid = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *location = NULL;
      g_auto(GStrv) ex_units = paraat_split_list (ex->defence_units);
      g_autofree char *unit_list = g_strjoinv (";", ex_units);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (ex->start_utc);
      int year = g_date_time_get_year (when);

      if (ex->status == PARAAT_EXERCISE_STATUS_CANCELLED || ex_units[0] == NULL || *ex->rrule != '\0')
        continue;
      location = g_strdup_printf ("%s, %s", ex->location, ex->region_code);
      if (ex->defence == PARAAT_DEFENCE_CONFIRMED)
        {
          start = format_utc (ex->start_utc, ex->all_day);
          end = format_utc (ex->end_utc, ex->all_day);
          uid = g_strdup_printf ("steun-%" G_GINT64_FORMAT, ex->id);
          summary = g_strdup_printf ("Militaire steun: %s", ex->title);
          append_event (out, uid, start, end, summary, location, unit_list, "X-PARAAT-AVAILABILITY:available");
        }
      else if (ex->defence == PARAAT_DEFENCE_REQUESTED && year > clash_year)
        {
          /* Two days either side, in the exercise's own zone's days */
          clash_year = year;
          start = format_utc (ex->start_utc - 2 * 86400, TRUE);
          end = format_utc (ex->end_utc + 2 * 86400, TRUE);
          uid = g_strdup_printf ("elders-%" G_GINT64_FORMAT, ex->id);
          summary = g_strdup_printf ("Elders ingezet: %s (oefening 11 Luchtmobiele Brigade)", ex_units[0]);
          append_event (out, uid, start, end, summary, "Oefencentrum Harskamp", ex_units[0], NULL);
        }
      else if (ex->defence == PARAAT_DEFENCE_REQUESTED && n_requested++ % 2 == 0)
        {
          start = format_utc (ex->start_utc, ex->all_day);
          end = format_utc (ex->end_utc, ex->all_day);
          uid = g_strdup_printf ("aanvraag-%" G_GINT64_FORMAT, ex->id);
          summary = g_strdup_printf ("Aanvraag militaire steun: %s", ex->title);
          append_event (out, uid, start, end, summary, location, unit_list,
                        "STATUS:TENTATIVE\r\nX-PARAAT-AVAILABILITY:available");
        }
    }
}

/**
 * paraat_store_fill_demo_defence:
 *
 * The brigade's calendar as an import of an .ics file would store it,
 * after paraat_store_fill_demo_calendar(), inside the caller's
 * transaction.
 */
gboolean
paraat_store_fill_demo_defence (ParaatStore  *self,
                                GError      **error)
{
  g_autoptr(GString) text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                          "PRODID:-//Defensie//Paraat demo//NL\r\n"
                                          "X-WR-CALNAME:" DEFENCE_CALENDAR "\r\n");
  g_autoptr(GPtrArray) exercises = NULL;
  g_autoptr(icalcomponent) vcalendar = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (defence_events); i++)
    {
      const DefenceEvent *e = &defence_events[i];

      append_event (text, e->uid, e->start, e->end, e->summary, e->location, e->units, e->extra);
    }
  /* 2026–2027 in UTC; the plan has nothing near either end */
  exercises = paraat_store_list_series (self, NULL, 1767225600, 1830297600, error);
  if (exercises == NULL)
    return FALSE;
  g_ptr_array_sort (exercises, compare_by_start_and_id);
  append_support (text, exercises);
  g_string_append (text, "END:VCALENDAR\r\n");

  vcalendar = icalparser_parse_string (text->str);
  if (vcalendar == NULL)
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID, "libical could not read the demo calendar");
      return FALSE;
    }

  return paraat_import_write_calendar (self, vcalendar, DEFENCE_CALENDAR, PARAAT_SOURCE_KIND_DEFENCE,
                                       DEFENCE_BRIGADE, "#2ec27e", "demo-43mb.ics", error);
}
