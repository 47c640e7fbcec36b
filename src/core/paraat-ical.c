/* paraat-ical.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ParaatExercise ⇄ VEVENT. Standard properties carry what they can
 * (STATUS, CATEGORIES, LOCATION, GEO, RESOURCES, ORGANIZER…); the rest
 * travels in X-PARAAT-… properties. Export writes local times with
 * TZID=Europe/Amsterdam (or the exercise's own zone) and one VTIMEZONE
 * per zone; import also takes UTC and floating times. The xCal writer
 * (paraat-xcal.c) works on the same icalcomponent tree, so both formats
 * say the same thing.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-exercise-private.h"
#include "paraat-ical.h"
#include "paraat-store-private.h"
#include "paraat-utils.h"

/* Organisers are regions, which have no mail address; a URN names them. */
#define ORGANIZER_PREFIX "urn:x-paraat:region:"

/* Observances that ended before this year are left out of a VTIMEZONE:
 * libical builds it from the system's tzdata with every change since
 * 1835, which no exercise needs. */
#define VTIMEZONE_FIRST_YEAR 1970

/* Prefixes libical and others put before an IANA name in a TZID */
static const char * const tzid_prefixes[] = {
  "/freeassociation.sourceforge.net/Tzfile/",
  "/freeassociation.sourceforge.net/",
  "/citadel.org/",
  "/mozilla.org/",
};

G_DEFINE_QUARK (paraat-ical-error-quark, paraat_ical_error)

/**
 * paraat_ical_local_time:
 * @local: a time in the zone it is to be written in
 * @all_day: write only its date
 *
 * Returns: @local's wall-clock fields as a floating libical time, for a
 *   DTSTART with a TZID or a recurrence's start
 */
icaltimetype
paraat_ical_local_time (GDateTime *local,
                        gboolean   all_day)
{
  icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  if (all_day)
    t.is_date = 1;
  else
    {
      t.hour = g_date_time_get_hour (local);
      t.minute = g_date_time_get_minute (local);
      t.second = g_date_time_get_second (local);
    }

  return t;
}

/* Status: iCalendar has three; X-PARAAT-STATUS keeps the exact one. */
static icalproperty_status
status_to_ical (ParaatExerciseStatus status)
{
  switch (status)
    {
    case PARAAT_EXERCISE_STATUS_CONFIRMED:
    case PARAAT_EXERCISE_STATUS_HELD:
    case PARAAT_EXERCISE_STATUS_EVALUATED:
      return ICAL_STATUS_CONFIRMED;
    case PARAAT_EXERCISE_STATUS_CANCELLED:
      return ICAL_STATUS_CANCELLED;
    case PARAAT_EXERCISE_STATUS_DRAFT:
    case PARAAT_EXERCISE_STATUS_PLANNED:
    case PARAAT_EXERCISE_STATUS_POSTPONED:
    case PARAAT_N_EXERCISE_STATUSES:
    default:
      return ICAL_STATUS_TENTATIVE;
    }
}

static void
add_x (icalcomponent *comp,
       const char    *name,
       const char    *value)
{
  icalproperty *prop = icalproperty_new_x (value);

  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (comp, prop);
}

static void
add_x_list (icalcomponent      *comp,
            const char         *name,
            const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  joined = g_strjoinv (",", (char **) values);
  add_x (comp, name, joined);
}

/* @tzid's zone, UTC for a zone this system does not know */
static GTimeZone *
zone_for (const char *tzid)
{
  GTimeZone *tz = tzid ? paraat_time_zone_new (tzid) : NULL;

  return tz ? tz : g_time_zone_new_utc ();
}

static gboolean
is_utc_tzid (const char *tzid)
{
  return g_strcmp0 (tzid, "UTC") == 0 || g_strcmp0 (tzid, "Etc/UTC") == 0;
}

static icaltimetype
utc_to_ical (GDateTime *utc)
{
  icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (utc);
  t.month = g_date_time_get_month (utc);
  t.day = g_date_time_get_day_of_month (utc);
  t.hour = g_date_time_get_hour (utc);
  t.minute = g_date_time_get_minute (utc);
  t.second = g_date_time_get_second (utc);
  t.zone = icaltimezone_get_utc_timezone ();

  return t;
}

static void
add_time (icalcomponent  *vevent,
          ParaatExercise *ex,
          gint64          utc_seconds,
          gboolean        is_end)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (utc_seconds);
  icalproperty *prop;
  icaltimetype t;

  if (is_utc_tzid (ex->tzid) && !ex->all_day)
    t = utc_to_ical (utc);
  else
    {
      g_autoptr(GTimeZone) tz = zone_for (ex->tzid);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);

      t = paraat_ical_local_time (local, ex->all_day);
    }

  prop = is_end ? icalproperty_new_dtend (t) : icalproperty_new_dtstart (t);
  if (t.is_date)
    icalproperty_add_parameter (prop, icalparameter_new_value (ICAL_VALUE_DATE));
  else if (!icaltime_is_utc (t))
    icalproperty_add_parameter (prop, icalparameter_new_tzid (ex->tzid));
  icalcomponent_add_property (vevent, prop);
}

/* RFC 5545 §3.3.10: with a zoned DTSTART, UNTIL is in UTC. The editor
 * may have stored a local UNTIL; the store reads both the same way. */
static void
add_rrule (icalcomponent  *vevent,
           ParaatExercise *ex)
{
  struct icalrecurrencetype recur;

  icalerror_clear_errno ();
  recur = icalrecurrencetype_from_string (ex->rrule);
  if (recur.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      g_warning ("Exercise %s: cannot export the recurrence rule “%s”", ex->uid, ex->rrule);
      return;
    }
  if (!ex->all_day && !icaltime_is_null_time (recur.until) && !recur.until.is_date &&
      !icaltime_is_utc (recur.until))
    {
      g_autoptr(GTimeZone) tz = zone_for (ex->tzid);
      g_autoptr(GDateTime) local = g_date_time_new (tz, recur.until.year,
                                                    recur.until.month, recur.until.day, recur.until.hour,
                                                    recur.until.minute, recur.until.second);
      g_autoptr(GDateTime) utc = local ? g_date_time_to_utc (local) : NULL;

      if (utc != NULL)
        recur.until = utc_to_ical (utc);
    }
  icalcomponent_add_property (vevent, icalproperty_new_rrule (recur));
}

static gboolean
parse_modified (const char   *modified,
                icaltimetype *t)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (modified == NULL || *modified == '\0')
    return FALSE;
  when = g_date_time_new_from_iso8601 (modified, NULL);
  if (when == NULL)
    return FALSE;
  utc = g_date_time_to_utc (when);
  *t = utc_to_ical (utc);

  return TRUE;
}

/**
 * paraat_ical_from_exercise:
 * @exercise: a stored exercise or a new one; not one occurrence of a
 *   recurring exercise (export the series instead)
 *
 * Returns: (transfer full): a new VEVENT
 */
icalcomponent *
paraat_ical_from_exercise (ParaatExercise *ex)
{
  icalcomponent *vevent;
  icaltimetype modified;
  gboolean has_modified;
  g_auto(GStrv) units = NULL;
  double lat, lon;

  g_return_val_if_fail (PARAAT_IS_EXERCISE (ex), NULL);
  g_return_val_if_fail (!ex->occurrence, NULL);

  vevent = icalcomponent_new_vevent ();
  has_modified = parse_modified (ex->modified, &modified);
  if (!has_modified)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      modified = utc_to_ical (now);
    }

  icalcomponent_add_property (vevent, icalproperty_new_uid (ex->uid));
  /* Without METHOD, DTSTAMP is when the information last changed
   * (RFC 5545 §3.8.7.2), which also keeps exports reproducible. */
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (modified));
  icalcomponent_add_property (vevent, icalproperty_new_sequence (ex->sequence));
  icalcomponent_add_property (vevent, icalproperty_new_summary (ex->title));
  if (*ex->description != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_description (ex->description));
  add_time (vevent, ex, ex->start_utc, FALSE);
  add_time (vevent, ex, ex->end_utc, TRUE);
  if (*ex->rrule != '\0')
    add_rrule (vevent, ex);
  icalcomponent_add_property (vevent, icalproperty_new_status (status_to_ical (ex->status)));
  if (*ex->type_code != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_categories (ex->type_code));
  if (*ex->location != '\0')
    icalcomponent_add_property (vevent, icalproperty_new_location (ex->location));
  if (paraat_exercise_get_geo (ex, &lat, &lon))
    icalcomponent_add_property (vevent, icalproperty_new_geo ((struct icalgeotype) { lat, lon }));
  /* One RESOURCES per unit: libical 3.0 writes a comma inside a
   * multi-valued property unescaped, so a list in one would not survive. */
  units = paraat_split_list (ex->defence_units);
  for (guint i = 0; units[i] != NULL; i++)
    icalcomponent_add_property (vevent, icalproperty_new_resources (units[i]));
  /* The text as typed, for an exact round trip; RESOURCES splits it at
   * commas and semicolons, as the timeline does. */
  if (units[0] != NULL)
    add_x (vevent, "X-PARAAT-DEFENCE-UNITS", ex->defence_units);
  if (has_modified)
    icalcomponent_add_property (vevent, icalproperty_new_lastmodified (modified));
  if (*ex->region_code != '\0')
    {
      g_autofree char *address = g_strconcat (ORGANIZER_PREFIX, ex->region_code, NULL);
      icalproperty *organizer = icalproperty_new_organizer (address);

      icalproperty_add_parameter (organizer, icalparameter_new_cn (ex->region_code));
      icalcomponent_add_property (vevent, organizer);
    }

  add_x (vevent, "X-PARAAT-STATUS", paraat_exercise_status_to_string (ex->status));
  if (*ex->region_code != '\0')
    add_x (vevent, "X-PARAAT-REGION", ex->region_code);
  add_x_list (vevent, "X-PARAAT-REGIONS", (const char * const *) ex->regions);
  add_x_list (vevent, "X-PARAAT-DISCIPLINES", (const char * const *) ex->disciplines);
  /* Names may hold commas: one property each */
  for (guint i = 0; ex->organisations[i] != NULL; i++)
    add_x (vevent, "X-PARAAT-ORGANISATION", ex->organisations[i]);
  if (ex->grip_code != NULL && *ex->grip_code != '\0')
    add_x (vevent, "X-PARAAT-GRIP", ex->grip_code);
  add_x (vevent, "X-PARAAT-DEFENCE", paraat_defence_to_string (ex->defence));
  add_x (vevent, "X-PARAAT-OVR-OBSERVER", ex->ovr_observer ? "TRUE" : "FALSE");
  {
    char reservists[16];

    g_snprintf (reservists, sizeof reservists, "%u", ex->reservists);
    add_x (vevent, "X-PARAAT-RESERVISTS", reservists);
  }
  if (*ex->scenario_code != '\0')
    add_x (vevent, "X-PARAAT-SCENARIO", ex->scenario_code);

  return vevent;
}

/* Import */

static void G_GNUC_PRINTF (2, 3)
warn (GPtrArray  *warnings,
      const char *format,
      ...)
{
  va_list args;

  if (warnings == NULL)
    return;
  va_start (args, format);
  g_ptr_array_add (warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * paraat_ical_find_x:
 * @name: an X- property's name, such as "X-PARAAT-REGION"
 *
 * Returns: (nullable): the value of @comp's first property @name, as
 *   iCalendar text, or %NULL if it has none
 */
const char *
paraat_ical_find_x (icalcomponent *comp,
                    const char    *name)
{
  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      if (g_strcmp0 (icalproperty_get_x_name (prop), name) == 0)
        return icalproperty_get_value_as_string (prop);
    }

  return NULL;
}

/* An X- property's text, whatever value type the file gave it */
static char *
get_x_text (icalproperty *prop)
{
  icalvalue *value = icalproperty_get_value (prop);

  if (value == NULL)
    return g_strdup ("");
  if (icalvalue_isa (value) == ICAL_X_VALUE)
    return g_strdup (icalvalue_get_x (value) ? icalvalue_get_x (value) : "");
  if (icalvalue_isa (value) == ICAL_TEXT_VALUE)
    return g_strdup (icalvalue_get_text (value) ? icalvalue_get_text (value) : "");

  return icalvalue_as_ical_string_r (value);
}

/* The properties paraat_ical_to_exercise() reads, found in one walk over
 * the VEVENT's properties: looking each kind up walked them all again,
 * twenty times an event. The first of each kind, and how many there are
 * of the kinds that may repeat. */
#define MAX_X_PROPS 16

typedef struct
{
  icalproperty *uid;
  icalproperty *recurrence_id;
  icalproperty *dtstart;
  icalproperty *dtend;
  icalproperty *duration;
  icalproperty *summary;
  icalproperty *description;
  icalproperty *sequence;
  icalproperty *last_modified;
  icalproperty *rrule;
  icalproperty *rdate;
  icalproperty *exdate;
  icalproperty *status;
  icalproperty *categories;
  icalproperty *location;
  icalproperty *geo;
  icalproperty *resources;
  icalproperty *organizer;
  guint         n_rrules;
  guint         n_categories;
  guint         n_resources;
  /* The X- properties in order, unless there are more than MAX_X_PROPS */
  icalproperty *x[MAX_X_PROPS];
  guint         n_x;
} Props;

/* Where find_props() notes the first of each kind, the commonest first.
 * (Not a switch: -Wswitch-enum would want all of libical's kinds.) */
static const struct
{
  icalproperty_kind kind;
  gsize             first;  /* offset of its field in Props */
} prop_fields[] = {
  { ICAL_DTSTART_PROPERTY, G_STRUCT_OFFSET (Props, dtstart) },
  { ICAL_DTEND_PROPERTY, G_STRUCT_OFFSET (Props, dtend) },
  { ICAL_UID_PROPERTY, G_STRUCT_OFFSET (Props, uid) },
  { ICAL_SUMMARY_PROPERTY, G_STRUCT_OFFSET (Props, summary) },
  { ICAL_CATEGORIES_PROPERTY, G_STRUCT_OFFSET (Props, categories) },
  { ICAL_ORGANIZER_PROPERTY, G_STRUCT_OFFSET (Props, organizer) },
  { ICAL_RESOURCES_PROPERTY, G_STRUCT_OFFSET (Props, resources) },
  { ICAL_RRULE_PROPERTY, G_STRUCT_OFFSET (Props, rrule) },
  { ICAL_STATUS_PROPERTY, G_STRUCT_OFFSET (Props, status) },
  { ICAL_LOCATION_PROPERTY, G_STRUCT_OFFSET (Props, location) },
  { ICAL_DESCRIPTION_PROPERTY, G_STRUCT_OFFSET (Props, description) },
  { ICAL_SEQUENCE_PROPERTY, G_STRUCT_OFFSET (Props, sequence) },
  { ICAL_LASTMODIFIED_PROPERTY, G_STRUCT_OFFSET (Props, last_modified) },
  { ICAL_DURATION_PROPERTY, G_STRUCT_OFFSET (Props, duration) },
  { ICAL_GEO_PROPERTY, G_STRUCT_OFFSET (Props, geo) },
  { ICAL_RECURRENCEID_PROPERTY, G_STRUCT_OFFSET (Props, recurrence_id) },
  { ICAL_RDATE_PROPERTY, G_STRUCT_OFFSET (Props, rdate) },
  { ICAL_EXDATE_PROPERTY, G_STRUCT_OFFSET (Props, exdate) },
};

static void
find_props (icalcomponent *vevent,
            Props         *props)
{
  memset (props, 0, sizeof *props);
  for (icalproperty *prop = icalcomponent_get_first_property (vevent, ICAL_ANY_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (vevent, ICAL_ANY_PROPERTY))
    {
      icalproperty_kind kind = icalproperty_isa (prop);

      if (kind == ICAL_X_PROPERTY)
        {
          if (props->n_x < MAX_X_PROPS)
            props->x[props->n_x] = prop;
          props->n_x++;
          continue;
        }
      props->n_rrules += kind == ICAL_RRULE_PROPERTY;
      props->n_categories += kind == ICAL_CATEGORIES_PROPERTY;
      props->n_resources += kind == ICAL_RESOURCES_PROPERTY;
      for (guint i = 0; i < G_N_ELEMENTS (prop_fields); i++)
        {
          if (prop_fields[i].kind == kind)
            {
              icalproperty **first = G_STRUCT_MEMBER_P (props, prop_fields[i].first);

              if (*first == NULL)
                *first = prop;
              break;
            }
        }
    }
}

/* The @i-th X- property of @vevent, counting from 0, or %NULL after the
 * last; @i goes up by one from 0 */
static icalproperty *
get_x (icalcomponent *vevent,
       const Props   *props,
       guint          i)
{
  if (i >= props->n_x)
    return NULL;
  if (props->n_x <= MAX_X_PROPS)
    return props->x[i];

  /* Too many to have noted: walk them */
  return i == 0 ? icalcomponent_get_first_property (vevent, ICAL_X_PROPERTY)
                : icalcomponent_get_next_property (vevent, ICAL_X_PROPERTY);
}

/* The IANA name in @tzid, which may carry a prefix such as libical's
 * "/freeassociation.sourceforge.net/": a pointer into @tzid, or %NULL.
 * @tz: (out) (optional): the zone */
static const char *
find_iana_name (const char  *tzid,
                GTimeZone  **tz)
{
  GTimeZone *zone;

  if (tzid == NULL || *tzid == '\0')
    return NULL;
  /* All the prefixes start with a slash */
  for (guint i = 0; *tzid == '/' && i < G_N_ELEMENTS (tzid_prefixes); i++)
    {
      if (g_str_has_prefix (tzid, tzid_prefixes[i]))
        {
          tzid += strlen (tzid_prefixes[i]);
          break;
        }
    }
  /* A name only: GLib also takes file paths and offsets such as "+01". */
  if (*tzid == '/' || strstr (tzid, "..") != NULL || !g_ascii_isalpha (*tzid))
    return NULL;
  zone = paraat_time_zone_new (tzid);
  if (zone == NULL)
    return NULL;
  if (tz != NULL)
    *tz = zone;
  else
    g_time_zone_unref (zone);

  return tzid;
}

/* find_iana_name() as a new string */
static char *
resolve_tzid (const char *tzid)
{
  return g_strdup (find_iana_name (tzid, NULL));
}

/* g_date_time_new (@tz, …) or, for a %NULL @tz, g_date_time_new_utc (…)
 * as seconds since the epoch, or FALSE where those give %NULL. Most times
 * need no GDateTime: the date's day count and the zone's offset, which
 * paraat_time_zone_local_to_utc() gives away from a change of offset,
 * say the same. Checks the fields as g_date_time_new() does. */
static gboolean
to_utc_seconds (GTimeZone *tz,
                int        year,
                int        month,
                int        day,
                int        hour,
                int        minute,
                int        second,
                gint64    *utc)
{
  g_autoptr(GDateTime) dt = NULL;

  /* Years far from ours are left to GLib entirely. */
  if (year >= 1000 && year <= 9000 && month >= 1 && month <= 12 &&
      day >= 1 && day <= g_date_get_days_in_month (month, year) &&
      hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)
    {
      gint64 local = paraat_dmy_get_day (year, month, day) * 86400 + hour * 3600 + minute * 60 + second;

      if (tz == NULL)
        {
          *utc = local;
          return TRUE;
        }
      if (paraat_time_zone_local_to_utc (tz, local, utc))
        return TRUE;
    }

  dt = tz ? g_date_time_new (tz, year, month, day, hour, minute, second)
          : g_date_time_new_utc (year, month, day, hour, minute, second);
  if (dt == NULL)
    return FALSE;
  *utc = g_date_time_to_unix (dt);

  return TRUE;
}

/* Reads DTSTART or DTEND: @utc, the instant as seconds since the epoch,
 * and the IANA zone it was given in (or NULL for UTC, floating and
 * dates), which points into @prop. @instant: (optional): the instant as
 * a GDateTime in the zone it was given in, for working out an end from
 * it; only made when asked for. */
static gboolean
read_time (icalcomponent  *vevent,
           icalproperty   *prop,
           const char     *name,
           const char     *default_tzid,
           gint64         *utc,
           GDateTime     **instant,
           gboolean       *is_date,
           const char    **zone,
           GPtrArray      *warnings,
           GError        **error)
{
  icaltimetype t = icalproperty_isa (prop) == ICAL_DTEND_PROPERTY ? icalproperty_get_dtend (prop)
                                                                  : icalproperty_get_dtstart (prop);
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param ? icalparameter_get_tzid (param) : NULL;
  g_autoptr(GTimeZone) tz = NULL;
  const char *iana = NULL;
  gboolean valid;

  *zone = NULL;
  *is_date = t.is_date;
  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    {
      g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID,
                   /* Translators: %s is DTSTART or DTEND */
                   _("%s: not a valid date or time"), name);
      return FALSE;
    }

  if (t.is_date)
    {
      tz = zone_for (default_tzid);
      t.hour = t.minute = t.second = 0;
    }
  else if (icaltime_is_utc (t))
    {
      /* UTC: no zone */
    }
  else if (tzid == NULL)
    /* Floating: the wall clock of the default zone */
    tz = zone_for (default_tzid);
  else if ((iana = find_iana_name (tzid, &tz)) != NULL)
    *zone = iana;
  else
    {
      /* Not an IANA name (Outlook writes "W. Europe Standard Time"):
       * convert with the VTIMEZONE the file defines, if it does. */
      icalcomponent *parent = icalcomponent_get_parent (vevent);
      icaltimezone *vtz = parent ? icalcomponent_get_timezone (parent, tzid) : NULL;

      if (vtz == NULL)
        {
          g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID,
                       /* Translators: DTSTART or DTEND, then a time zone name */
                       _("%s: the time zone “%s” is not known and the file has no VTIMEZONE for it"),
                       name, tzid);
          return FALSE;
        }
      icaltimezone_convert_time (&t, vtz, icaltimezone_get_utc_timezone ());
      warn (warnings,
            /* Translators: DTSTART or DTEND, a time zone name, then the zone Paraat uses */
            _("%s: the time zone “%s” is not a known name; converted with the file’s VTIMEZONE and shown in %s"),
            name, tzid, default_tzid);
    }

  if (instant != NULL)
    {
      *instant = tz ? g_date_time_new (tz, t.year, t.month, t.day, t.hour, t.minute, t.second)
                    : g_date_time_new_utc (t.year, t.month, t.day, t.hour, t.minute, t.second);
      valid = *instant != NULL;
      if (valid)
        *utc = g_date_time_to_unix (*instant);
    }
  else
    valid = to_utc_seconds (tz, t.year, t.month, t.day, t.hour, t.minute, t.second, utc);
  if (!valid)
    {
      *zone = NULL;
      g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID, _("%s: not a valid date or time"), name);
      return FALSE;
    }

  return TRUE;
}

static void
read_status (icalcomponent  *vevent,
             const Props    *props,
             ParaatExercise *ex,
             GPtrArray      *warnings)
{
  icalproperty *prop = props->status;
  icalproperty_status ical = prop ? icalproperty_get_status (prop) : ICAL_STATUS_NONE;
  ParaatExerciseStatus status = PARAAT_EXERCISE_STATUS_PLANNED;
  gboolean have_exact = FALSE;
  icalproperty *x;

  for (guint i = 0; (x = get_x (vevent, props, i)) != NULL; i++)
    {
      if (g_strcmp0 (icalproperty_get_x_name (x), "X-PARAAT-STATUS") == 0)
        {
          g_autofree char *text = get_x_text (x);

          if (paraat_exercise_status_from_string (text, &status))
            have_exact = TRUE;
          else
            warn (warnings, _("%s: “%s” is not a status (expected draft, planned, confirmed, postponed, "
                              "cancelled, held or evaluated); STATUS is used"), "X-PARAAT-STATUS", text);
          break;
        }
    }

  if (ical == ICAL_STATUS_NONE)
    {
      if (!have_exact)
        status = PARAAT_EXERCISE_STATUS_PLANNED;
    }
  else if (ical == ICAL_STATUS_TENTATIVE || ical == ICAL_STATUS_CONFIRMED || ical == ICAL_STATUS_CANCELLED)
    {
      /* Another program may have changed STATUS and kept our X- property:
       * then STATUS wins. */
      if (have_exact && status_to_ical (status) != ical)
        {
          warn (warnings, _("%s: “%s” does not agree with STATUS “%s”; STATUS is used"), "X-PARAAT-STATUS",
                paraat_exercise_status_to_string (status), icalproperty_status_to_string (ical));
          have_exact = FALSE;
        }
      if (!have_exact)
        status = ical == ICAL_STATUS_CONFIRMED ? PARAAT_EXERCISE_STATUS_CONFIRMED
               : ical == ICAL_STATUS_CANCELLED ? PARAAT_EXERCISE_STATUS_CANCELLED
               : PARAAT_EXERCISE_STATUS_PLANNED;
    }
  else
    {
      warn (warnings, _("%s: “%s” is not a status of an event (expected TENTATIVE, CONFIRMED or CANCELLED)"),
            "STATUS", icalproperty_get_value_as_string (prop));
      if (!have_exact)
        status = PARAAT_EXERCISE_STATUS_PLANNED;
    }
  ex->status = status;
}

static void
read_x_properties (icalcomponent  *vevent,
                   const Props    *props,
                   ParaatExercise *ex,
                   gboolean       *have_region,
                   GPtrArray      *warnings)
{
  /* Made at the first organisation: most events name none */
  g_autoptr(GStrvBuilder) organisations = NULL;
  icalproperty *prop;

  for (guint i = 0; (prop = get_x (vevent, props, i)) != NULL; i++)
    {
      const char *name = icalproperty_get_x_name (prop);
      g_autofree char *text = NULL;

      if (name == NULL || !g_str_has_prefix (name, "X-PARAAT-"))
        continue;
      text = g_strstrip (get_x_text (prop));

      if (g_str_equal (name, "X-PARAAT-STATUS") || g_str_equal (name, "X-PARAAT-DEFENCE-UNITS"))
        continue; /* read_status(), read_defence_units() */
      else if (g_str_equal (name, "X-PARAAT-SOURCE"))
        continue; /* an imported calendar's event in a merged export: not an exercise */
      else if (g_str_equal (name, "X-PARAAT-REGION"))
        {
          paraat_exercise_set_shared (&ex->region_code, text);
          *have_region = *text != '\0';
        }
      else if (g_str_equal (name, "X-PARAAT-REGIONS"))
        {
          g_auto(GStrv) list = paraat_split_list (text);

          paraat_exercise_set_regions (ex, (const char * const *) list);
        }
      else if (g_str_equal (name, "X-PARAAT-DISCIPLINES"))
        {
          g_auto(GStrv) list = paraat_split_list (text);

          paraat_exercise_set_disciplines (ex, (const char * const *) list);
        }
      else if (g_str_equal (name, "X-PARAAT-ORGANISATION"))
        {
          if (*text == '\0')
            continue;
          if (organisations == NULL)
            organisations = g_strv_builder_new ();
          g_strv_builder_add (organisations, text);
        }
      else if (g_str_equal (name, "X-PARAAT-GRIP"))
        paraat_exercise_set_grip_code (ex, *text ? text : NULL);
      else if (g_str_equal (name, "X-PARAAT-SCENARIO"))
        paraat_exercise_set_scenario_code (ex, text);
      else if (g_str_equal (name, "X-PARAAT-DEFENCE"))
        {
          if (!paraat_defence_from_string (text, &ex->defence))
            warn (warnings, _("%s: “%s” is not valid (expected none, requested, confirmed or declined); ignored"),
                  name, text);
        }
      else if (g_str_equal (name, "X-PARAAT-OVR-OBSERVER"))
        {
          if (g_ascii_strcasecmp (text, "TRUE") == 0 || g_ascii_strcasecmp (text, "yes") == 0)
            ex->ovr_observer = TRUE;
          else if (g_ascii_strcasecmp (text, "FALSE") == 0 || g_ascii_strcasecmp (text, "no") == 0)
            ex->ovr_observer = FALSE;
          else
            warn (warnings, _("%s: “%s” is not valid (expected TRUE or FALSE); ignored"), name, text);
        }
      else if (g_str_equal (name, "X-PARAAT-RESERVISTS"))
        {
          guint64 n;

          if (g_ascii_string_to_unsigned (text, 10, 0, 100000, &n, NULL))
            ex->reservists = n;
          else
            warn (warnings, _("%s: “%s” is not valid (expected a whole number from 0 to 100000); ignored"),
                  name, text);
        }
      else
        warn (warnings, _("%s: not known to this version of Paraat; ignored"), name);
    }

  /* Without any, the new exercise's empty list stays */
  if (organisations != NULL)
    {
      g_auto(GStrv) list = g_strv_builder_end (organisations);

      paraat_exercise_set_organisations (ex, (const char * const *) list);
    }
}

/* X-PARAAT-DEFENCE-UNITS keeps the units' text as typed, but only while
 * it still says what RESOURCES says: another program may have changed
 * RESOURCES, and then that wins. */
static void
read_defence_units (icalcomponent  *vevent,
                    const Props    *props,
                    ParaatExercise *ex,
                    GPtrArray      *warnings)
{
  icalproperty *prop;

  for (guint i = 0; (prop = get_x (vevent, props, i)) != NULL; i++)
    {
      g_autofree char *text = NULL;
      g_auto(GStrv) typed = NULL;
      g_auto(GStrv) resources = NULL;

      if (g_strcmp0 (icalproperty_get_x_name (prop), "X-PARAAT-DEFENCE-UNITS") != 0)
        continue;
      text = get_x_text (prop);
      typed = paraat_split_list (text);
      resources = paraat_split_list (ex->defence_units);
      if (g_strv_equal ((const char * const *) typed, (const char * const *) resources))
        paraat_exercise_set_defence_units (ex, text);
      else
        warn (warnings, _("%s: does not agree with RESOURCES; RESOURCES is used"), "X-PARAAT-DEFENCE-UNITS");
      return;
    }
}

static void
read_organizer (const Props    *props,
                ParaatExercise *ex,
                gboolean        have_region,
                GPtrArray      *warnings)
{
  icalproperty *prop = props->organizer;
  const char *address = prop ? icalproperty_get_organizer (prop) : NULL;

  if (have_region || address == NULL)
    {
      if (!have_region)
        warn (warnings, _("%s: missing; the exercise has no organising region"), "X-PARAAT-REGION");
      return;
    }
  if (g_str_has_prefix (address, ORGANIZER_PREFIX) && address[strlen (ORGANIZER_PREFIX)] != '\0')
    paraat_exercise_set_shared (&ex->region_code, address + strlen (ORGANIZER_PREFIX));
  else
    warn (warnings, _("%s: “%s” is not a region (expected %sVRnn); the exercise has no organising region"),
          "ORGANIZER", address, ORGANIZER_PREFIX);
}

static gboolean
read_times (icalcomponent   *vevent,
            const Props     *props,
            ParaatExercise  *ex,
            GPtrArray       *warnings,
            GError         **error)
{
  icalproperty *dtstart = props->dtstart;
  icalproperty *dtend = props->dtend;
  icalproperty *duration = props->duration;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 start_utc, end_utc = 0;
  const char *start_zone;
  const char *end_zone;
  gboolean start_is_date, end_is_date;

  if (dtstart == NULL)
    {
      g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID, _("%s: missing"), "DTSTART");
      return FALSE;
    }
  /* Without DTEND the end is worked out from the start as a GDateTime */
  if (!read_time (vevent, dtstart, "DTSTART", PARAAT_DEFAULT_TZID, &start_utc, dtend == NULL ? &start : NULL,
                  &start_is_date, &start_zone, warnings, error))
    return FALSE;
  /* The exercise's zone is the one DTSTART names; UTC, floating and
   * all-day exercises get the default one. read_time() made sure this
   * system knows it. */
  if (start_zone != NULL)
    paraat_exercise_set_shared (&ex->tzid, start_zone);

  if (dtend != NULL)
    {
      if (!read_time (vevent, dtend, "DTEND", ex->tzid, &end_utc, NULL, &end_is_date, &end_zone, warnings, error))
        return FALSE;
      if (end_is_date != start_is_date)
        {
          g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID,
                       _("%s: must be a date when DTSTART is a date, a date-time when DTSTART is one"), "DTEND");
          return FALSE;
        }
    }
  else
    {
      if (duration != NULL)
        {
          struct icaldurationtype d = icalproperty_get_duration (duration);
          int seconds = icaldurationtype_as_int (d);

          /* Whole days stay whole local days across a DST change. */
          if (start_is_date || (d.hours == 0 && d.minutes == 0 && d.seconds == 0 && !d.is_neg))
            end = g_date_time_add_days (start, (d.is_neg ? -1 : 1) * (int) (d.weeks * 7 + d.days));
          else
            end = g_date_time_add_seconds (start, seconds);
        }
      else if (start_is_date)
        end = g_date_time_add_days (start, 1);
      else
        {
          end = g_date_time_add_hours (start, 1);
          warn (warnings, _("%s: missing; the exercise is taken to last one hour"), "DTEND");
        }
      if (end != NULL)
        end_utc = g_date_time_to_unix (end);
    }

  /* All whole seconds: comparing them compares the GDateTimes */
  if ((dtend == NULL && end == NULL) || end_utc <= start_utc)
    {
      g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID,
                   _("%s: must be after DTSTART"), dtend ? "DTEND" : "DURATION");
      return FALSE;
    }
  ex->start_utc = start_utc;
  ex->end_utc = end_utc;
  ex->all_day = !!start_is_date;

  return TRUE;
}

/**
 * paraat_ical_to_exercise:
 * @vevent: a VEVENT, best still inside its VCALENDAR (for VTIMEZONEs
 *   with names that are not IANA names)
 * @warnings: (nullable) (element-type utf8): collects one message per
 *   value that was not understood and left out, each naming the property
 *
 * Reads an exercise from @vevent. It is not checked against the
 * reference data; paraat_store_save_exercise() does that.
 *
 * Returns: (transfer full): a new exercise with id 0, or %NULL if @vevent
 *   lacks UID or DTSTART, has no valid times, or changes one occurrence
 */
ParaatExercise *
paraat_ical_to_exercise (icalcomponent  *vevent,
                         GPtrArray      *warnings,
                         GError        **error)
{
  return paraat_ical_to_exercise_reusing (vevent, NULL, warnings, error);
}

ParaatExercise *
paraat_ical_to_exercise_reusing (icalcomponent   *vevent,
                                 ParaatExercise  *spare,
                                 GPtrArray       *warnings,
                                 GError         **error)
{
  g_autoptr(ParaatExercise) ex = spare;
  icalproperty *prop;
  const char *uid;
  guint sequence = 0;
  g_autofree char *modified = NULL;
  gboolean have_region = FALSE;
  g_autoptr(GString) units = NULL;
  Props props;

  g_return_val_if_fail (vevent != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (icalcomponent_isa (vevent) != ICAL_VEVENT_COMPONENT)
    {
      g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID,
                   /* Translators: %s is a component name such as VTODO */
                   _("%s: only VEVENT components hold exercises"),
                   icalcomponent_kind_to_string (icalcomponent_isa (vevent)));
      return NULL;
    }
  find_props (vevent, &props);
  uid = props.uid ? icalproperty_get_uid (props.uid) : NULL;
  if (uid == NULL || *uid == '\0')
    {
      g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_INVALID, _("%s: missing"), "UID");
      return NULL;
    }
  if (props.recurrence_id != NULL)
    {
      g_set_error (error, PARAAT_ICAL_ERROR, PARAAT_ICAL_ERROR_UNSUPPORTED,
                   _("%s: Paraat cannot change one occurrence of a series; this VEVENT was left out"),
                   "RECURRENCE-ID");
      return NULL;
    }

  if (ex != NULL)
    paraat_exercise_reset (ex);
  else
    ex = paraat_exercise_new ();
  paraat_exercise_set_uid (ex, uid);
  if (!read_times (vevent, &props, ex, warnings, error))
    return NULL;

  if ((prop = props.summary) != NULL)
    paraat_exercise_set_title (ex, icalproperty_get_summary (prop));
  else
    warn (warnings, _("%s: missing; the exercise has no title"), "SUMMARY");
  if ((prop = props.description) != NULL)
    paraat_exercise_set_description (ex, icalproperty_get_description (prop));
  if ((prop = props.sequence) != NULL)
    {
      int n = icalproperty_get_sequence (prop);

      if (n >= 0)
        sequence = n;
      else
        warn (warnings, _("%s: must not be negative; 0 is used"), "SEQUENCE");
    }
  if ((prop = props.last_modified) != NULL)
    {
      icaltimetype t = icalproperty_get_lastmodified (prop);

      if (!icaltime_is_null_time (t) && !t.is_date)
        modified = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute,
                                    t.second);
    }
  paraat_exercise_set_stored (ex, 0, sequence, modified ? modified : "", FALSE);

  if ((prop = props.rrule) != NULL)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (prop);
      g_autofree char *text = icalrecurrencetype_as_string_r (&recur);

      paraat_exercise_set_rrule (ex, text);
      if (props.n_rrules > 1)
        warn (warnings, _("%s: an exercise has one recurrence rule; only the first is kept"), "RRULE");
    }
  if (props.rdate != NULL)
    warn (warnings, _("%s: extra dates of a series are not supported; ignored"), "RDATE");
  if (props.exdate != NULL)
    warn (warnings, _("%s: left-out dates of a series are not supported; ignored"), "EXDATE");

  read_status (vevent, &props, ex, warnings);

  if ((prop = props.categories) != NULL)
    {
      paraat_exercise_set_type_code (ex, icalproperty_get_categories (prop));
      if (props.n_categories > 1)
        {
          /* The others: walk to them, from the first */
          icalcomponent_get_first_property (vevent, ICAL_CATEGORIES_PROPERTY);
          while ((prop = icalcomponent_get_next_property (vevent, ICAL_CATEGORIES_PROPERTY)) != NULL)
            warn (warnings, _("%s: only the first category, the exercise type, is kept; “%s” ignored"),
                  "CATEGORIES", icalproperty_get_categories (prop));
        }
    }
  else
    warn (warnings, _("%s: missing; the exercise has no type"), "CATEGORIES");

  if ((prop = props.location) != NULL)
    paraat_exercise_set_location (ex, icalproperty_get_location (prop));
  if ((prop = props.geo) != NULL)
    {
      struct icalgeotype geo = icalproperty_get_geo (prop);

      /* Written so that NaN fails too */
      if (geo.lat >= -90 && geo.lat <= 90 && geo.lon >= -180 && geo.lon <= 180)
        paraat_exercise_set_geo (ex, TRUE, geo.lat, geo.lon);
      else
        warn (warnings, _("%s: “%s” is not a position (expected a latitude from -90 to 90 and a longitude "
                          "from -180 to 180); ignored"), "GEO", icalproperty_get_value_as_string (prop));
    }
  /* Only more than one is walked to */
  for (prop = props.n_resources > 1 ? icalcomponent_get_first_property (vevent, ICAL_RESOURCES_PROPERTY)
                                     : props.resources;
       prop != NULL;
       prop = props.n_resources > 1 ? icalcomponent_get_next_property (vevent, ICAL_RESOURCES_PROPERTY) : NULL)
    {
      g_auto(GStrv) list = paraat_split_list (icalproperty_get_resources (prop));

      /* The units of all of them, joined with "; " (none is empty) */
      for (guint i = 0; list[i] != NULL; i++)
        {
          if (units == NULL)
            units = g_string_new (NULL);
          else
            g_string_append (units, "; ");
          g_string_append (units, list[i]);
        }
    }
  paraat_exercise_set_defence_units (ex, units ? units->str : "");

  read_x_properties (vevent, &props, ex, &have_region, warnings);
  read_defence_units (vevent, &props, ex, warnings);
  read_organizer (&props, ex, have_region, warnings);

  return g_steal_pointer (&ex);
}

/* Calendars */

static gboolean
observance_ends_before (icalcomponent *observance,
                        int            year)
{
  icalproperty *prop;
  int last;

  prop = icalcomponent_get_first_property (observance, ICAL_DTSTART_PROPERTY);
  if (prop == NULL)
    return FALSE;
  last = icalproperty_get_dtstart (prop).year;

  if ((prop = icalcomponent_get_first_property (observance, ICAL_RRULE_PROPERTY)) != NULL)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (prop);

      /* COUNT is not worth working out; keep such a rule. */
      if (icaltime_is_null_time (recur.until))
        return FALSE;
      last = MAX (last, recur.until.year);
    }
  for (prop = icalcomponent_get_first_property (observance, ICAL_RDATE_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (observance, ICAL_RDATE_PROPERTY))
    last = MAX (last, icalproperty_get_rdate (prop).time.year);

  return last < year;
}

/**
 * paraat_ical_get_vtimezone:
 * @tzid: an IANA name such as "Europe/Amsterdam"
 *
 * libical's VTIMEZONE for @tzid with exactly @tzid as its TZID (Debian's
 * libical 3.0 calls it "/freeassociation.sourceforge.net/Europe/Amsterdam")
 * and without the observances that ended before 1970.
 *
 * Returns: (transfer full) (nullable): a new VTIMEZONE, or %NULL if
 *   libical does not know @tzid
 */
icalcomponent *
paraat_ical_get_vtimezone (const char *tzid)
{
  icaltimezone *zone;
  icalcomponent *source;
  icalcomponent *vtimezone;
  icalproperty *prop;
  g_autoptr(GPtrArray) old = g_ptr_array_new ();

  g_return_val_if_fail (tzid != NULL, NULL);

  zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL || (source = icaltimezone_get_component (zone)) == NULL)
    return NULL;
  vtimezone = icalcomponent_new_clone (source);

  if ((prop = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)) != NULL)
    icalproperty_set_tzid (prop, tzid);
  else
    icalcomponent_add_property (vtimezone, icalproperty_new_tzid (tzid));
  /* libical's own note of the name; the TZID says it now. */
  for (prop = icalcomponent_get_first_property (vtimezone, ICAL_X_PROPERTY); prop != NULL;)
    {
      icalproperty *next = icalcomponent_get_next_property (vtimezone, ICAL_X_PROPERTY);

      if (g_strcmp0 (icalproperty_get_x_name (prop), "X-LIC-LOCATION") == 0)
        {
          icalcomponent_remove_property (vtimezone, prop);
          icalproperty_free (prop);
        }
      prop = next;
    }

  for (icalcomponent *c = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT))
    {
      if (observance_ends_before (c, VTIMEZONE_FIRST_YEAR))
        g_ptr_array_add (old, c);
    }
  /* Keep at least one observance, as RFC 5545 requires. */
  if (old->len == (guint) icalcomponent_count_components (vtimezone, ICAL_ANY_COMPONENT) && old->len > 0)
    g_ptr_array_remove_index (old, old->len - 1);
  for (guint i = 0; i < old->len; i++)
    {
      icalcomponent_remove_component (vtimezone, old->pdata[i]);
      icalcomponent_free (old->pdata[i]);
    }

  return vtimezone;
}

static void
add_vtimezone (icalcomponent *vcalendar,
               GHashTable    *added,
               const char    *tzid)
{
  icalcomponent *vtimezone;

  if (tzid == NULL || is_utc_tzid (tzid) || g_hash_table_contains (added, tzid))
    return;
  g_hash_table_add (added, g_strdup (tzid));
  if ((vtimezone = paraat_ical_get_vtimezone (tzid)) != NULL)
    icalcomponent_add_component (vcalendar, vtimezone);
  else
    g_warning ("libical has no time zone “%s”; the export names it without a VTIMEZONE", tzid);
}

/**
 * paraat_ical_add_zones_of:
 * @zones: where to add them
 * @vevent: a VEVENT
 *
 * Adds each zone @vevent's TZID parameters name; they are IANA names here
 * (see paraat_ical_vevent_from_source()).
 */
void
paraat_ical_add_zones_of (GStrvBuilder  *zones,
                          icalcomponent *vevent)
{
  for (icalproperty *prop = icalcomponent_get_first_property (vevent, ICAL_ANY_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (vevent, ICAL_ANY_PROPERTY))
    {
      icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

      if (param != NULL)
        g_strv_builder_add (zones, icalparameter_get_tzid (param));
    }
}

/**
 * paraat_ical_new_calendar_head:
 * @calname: (nullable): the name calendar programs show (X-WR-CALNAME)
 * @tzids: (nullable): the zones the events will name, in any order and
 *   with repeats
 *
 * A VCALENDAR with PRODID, VERSION, CALSCALE and a VTIMEZONE for
 * Europe/Amsterdam and for each zone of @tzids (UTC needs none), but no
 * events yet: the start of a calendar written event by event.
 *
 * Returns: (transfer full): a new VCALENDAR
 */
icalcomponent *
paraat_ical_new_calendar_head (const char         *calname,
                               const char * const *tzids)
{
  icalcomponent *vcalendar = icalcomponent_new_vcalendar ();
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  icalcomponent_add_property (vcalendar, icalproperty_new_prodid ("-//Paraat//NONSGML Paraat " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (vcalendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (vcalendar, icalproperty_new_calscale ("GREGORIAN"));
  if (calname != NULL && *calname != '\0')
    add_x (vcalendar, "X-WR-CALNAME", calname);

  add_vtimezone (vcalendar, zones, PARAAT_DEFAULT_TZID);
  for (guint i = 0; tzids != NULL && tzids[i] != NULL; i++)
    add_vtimezone (vcalendar, zones, tzids[i]);

  return vcalendar;
}

/**
 * paraat_ical_new_calendar:
 * @exercises: (element-type ParaatExercise): stored exercises, not
 *   occurrences (see paraat_store_list_series())
 * @calname: (nullable): the name calendar programs show (X-WR-CALNAME)
 *
 * A VCALENDAR with PRODID, VERSION, CALSCALE, a VTIMEZONE for
 * Europe/Amsterdam and each other zone the exercises use, and one VEVENT
 * per exercise, in the order given.
 *
 * Returns: (transfer full): a new VCALENDAR
 */
icalcomponent *
paraat_ical_new_calendar (GPtrArray  *exercises,
                          const char *calname)
{
  return paraat_ical_new_merged_calendar (exercises, NULL, calname);
}

/**
 * paraat_ical_new_merged_calendar:
 * @exercises: (element-type ParaatExercise): as for paraat_ical_new_calendar()
 * @vevents: (nullable) (element-type icalcomponent) (transfer none):
 *   further VEVENTs, from paraat_ical_vevent_from_source(); copied
 * @calname: (nullable): the calendar's name
 *
 * paraat_ical_new_calendar() with @vevents after the exercises, and a
 * VTIMEZONE for every zone they name too.
 *
 * Returns: (transfer full): a new VCALENDAR
 */
icalcomponent *
paraat_ical_new_merged_calendar (GPtrArray  *exercises,
                                 GPtrArray  *vevents,
                                 const char *calname)
{
  icalcomponent *vcalendar;
  g_autoptr(GStrvBuilder) zones = g_strv_builder_new ();
  g_auto(GStrv) tzids = NULL;

  g_return_val_if_fail (exercises != NULL, NULL);

  for (guint i = 0; i < exercises->len; i++)
    {
      ParaatExercise *ex = exercises->pdata[i];

      if (!ex->all_day)
        g_strv_builder_add (zones, ex->tzid);
    }
  for (guint i = 0; vevents != NULL && i < vevents->len; i++)
    paraat_ical_add_zones_of (zones, vevents->pdata[i]);
  tzids = g_strv_builder_end (zones);

  vcalendar = paraat_ical_new_calendar_head (calname, (const char * const *) tzids);
  for (guint i = 0; i < exercises->len; i++)
    {
      icalcomponent *vevent = paraat_ical_from_exercise (exercises->pdata[i]);

      if (vevent != NULL)
        icalcomponent_add_component (vcalendar, vevent);
    }
  for (guint i = 0; vevents != NULL && i < vevents->len; i++)
    icalcomponent_add_component (vcalendar, icalcomponent_new_clone (vevents->pdata[i]));

  return vcalendar;
}

static void
remove_properties (icalcomponent *comp,
                   icalproperty_kind kind,
                   const char    *x_name)
{
  icalproperty *prop = icalcomponent_get_first_property (comp, kind);

  while (prop != NULL)
    {
      icalproperty *next = icalcomponent_get_next_property (comp, kind);

      if (x_name == NULL || g_strcmp0 (icalproperty_get_x_name (prop), x_name) == 0)
        {
          icalcomponent_remove_property (comp, prop);
          icalproperty_free (prop);
        }
      prop = next;
    }
}

/* DTSTART or DTEND again, as @utc in Europe/Amsterdam (or a date) */
static void
set_local_time (icalproperty *prop,
                gint64        utc,
                gboolean      is_date)
{
  g_autoptr(GDateTime) instant = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GTimeZone) tz = zone_for (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);
  icaltimetype t = paraat_ical_local_time (local, is_date);

  if (icalproperty_isa (prop) == ICAL_DTEND_PROPERTY)
    icalproperty_set_dtend (prop, t);
  else
    icalproperty_set_dtstart (prop, t);
}

/**
 * paraat_ical_vevent_from_source:
 * @raw: a VEVENT as iCalendar text, as the import stored it
 * @calendar: the name of the calendar source it was imported into
 * @start_utc: its start as the import read it
 * @end_utc: its end as the import read it
 * @imported_utc: when it was imported: its DTSTAMP if it has none
 * @cancelled: whether the import read it as cancelled
 *
 * An imported event made fit for a merged export: everything of the
 * publisher's stays (UID, SEQUENCE, ORGANIZER…), X-PARAAT-SOURCE names
 * @calendar, libical's X-LIC-ERROR notes go, and every TZID is a plain
 * IANA name that paraat_ical_new_merged_calendar() writes a VTIMEZONE
 * for. A zone that is not one (Outlook's “W. Europe Standard Time”,
 * whose VTIMEZONE was not kept) becomes Europe/Amsterdam, with DTSTART
 * and DTEND the instants the import read.
 *
 * Returns: (transfer full) (nullable): a new VEVENT, or %NULL if @raw is
 *   not one
 */
icalcomponent *
paraat_ical_vevent_from_source (const char *raw,
                                const char *calendar,
                                gint64      start_utc,
                                gint64      end_utc,
                                gint64      imported_utc,
                                gboolean    cancelled)
{
  g_autoptr(icalcomponent) vevent = NULL;

  g_return_val_if_fail (raw != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  vevent = icalcomponent_new_from_string (raw);
  if (vevent == NULL || icalcomponent_isa (vevent) != ICAL_VEVENT_COMPONENT)
    return NULL;

  remove_properties (vevent, ICAL_XLICERROR_PROPERTY, NULL);
  remove_properties (vevent, ICAL_X_PROPERTY, "X-PARAAT-SOURCE");
  if (icalcomponent_get_first_property (vevent, ICAL_DTSTAMP_PROPERTY) == NULL)
    {
      g_autoptr(GDateTime) stamp = g_date_time_new_from_unix_utc (imported_utc);

      icalcomponent_add_property (vevent, icalproperty_new_dtstamp (utc_to_ical (stamp)));
    }
  if (cancelled)
    icalcomponent_set_status (vevent, ICAL_STATUS_CANCELLED);

  for (icalproperty *prop = icalcomponent_get_first_property (vevent, ICAL_ANY_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (vevent, ICAL_ANY_PROPERTY))
    {
      icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
      g_autofree char *iana = param ? resolve_tzid (icalparameter_get_tzid (param)) : NULL;
      icalproperty_kind kind = icalproperty_isa (prop);

      if (param == NULL)
        continue;
      if (iana != NULL && !is_utc_tzid (iana))
        {
          icalparameter_set_tzid (param, iana);
          continue;
        }
      icalparameter_set_tzid (param, PARAAT_DEFAULT_TZID);
      if (kind == ICAL_DTSTART_PROPERTY || kind == ICAL_DTEND_PROPERTY)
        set_local_time (prop, kind == ICAL_DTSTART_PROPERTY ? start_utc : end_utc, FALSE);
    }

  add_x (vevent, "X-PARAAT-SOURCE", calendar);

  return g_steal_pointer (&vevent);
}

/**
 * paraat_export_ics:
 * @exercises: (element-type ParaatExercise): as for paraat_ical_new_calendar()
 * @calname: (nullable): the calendar's name
 * @out: where to write; not closed
 *
 * Writes an iCalendar file as libical formats it: CRLF line ends, lines
 * folded at 75 octets.
 */
gboolean
paraat_export_ics (GPtrArray      *exercises,
                   const char     *calname,
                   GOutputStream  *out,
                   GError        **error)
{
  g_autoptr(icalcomponent) vcalendar = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (exercises != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  vcalendar = paraat_ical_new_calendar (exercises, calname);
  text = icalcomponent_as_ical_string_r (vcalendar);

  return g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error);
}
