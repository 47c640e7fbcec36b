/* paraat-import.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing calendars. paraat_import_plan_new() reads the files with the
 * streaming readers and compares every event with a read-only snapshot of
 * the store on a connection of its own, so it may run in a worker thread
 * (a GTask) while the main thread keeps using the store: it touches
 * nothing of @store but its path. paraat_import_plan_apply() then writes
 * the plan in one transaction on the main thread's store.
 * paraat_import_run() does both in one transaction, reading the files
 * once in a thread of its own while the caller's thread writes.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "paraat-calendar-reader.h"
#include "paraat-calendar.h"
#include "paraat-conflicts.h"
#include "paraat-exercise-private.h"
#include "paraat-ical.h"
#include "paraat-import-private.h"
#include "paraat-store-private.h"

G_DEFINE_QUARK (paraat-import-error-quark, paraat_import_error)

static const char * const kind_names[] = { "other", "defence", "region" };

const char *
paraat_source_kind_to_string (ParaatSourceKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "other");

  return kind_names[kind];
}

gboolean
paraat_source_kind_from_string (const char       *text,
                                ParaatSourceKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_ascii_strcasecmp (text, kind_names[i]) == 0)
        {
          *kind = (ParaatSourceKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* ParaatSource */

G_DEFINE_FINAL_TYPE (ParaatSource, paraat_source, G_TYPE_OBJECT)

enum {
  SOURCE_PROP_0,
  SOURCE_PROP_NAME,
  SOURCE_PROP_ORGANISATION,
  SOURCE_PROP_COLOUR,
  SOURCE_PROP_VISIBLE,
  SOURCE_N_PROPS
};
static GParamSpec *source_properties[SOURCE_N_PROPS];

static void
paraat_source_finalize (GObject *object)
{
  ParaatSource *self = PARAAT_SOURCE (object);

  g_free (self->name);
  g_free (self->organisation);
  g_free (self->colour);
  g_free (self->last_file);

  G_OBJECT_CLASS (paraat_source_parent_class)->finalize (object);
}

static void
paraat_source_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ParaatSource *self = PARAAT_SOURCE (object);

  switch (prop_id)
    {
    case SOURCE_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case SOURCE_PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;
    case SOURCE_PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case SOURCE_PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_source_class_init (ParaatSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_source_finalize;
  object_class->get_property = paraat_source_get_property;

  source_properties[SOURCE_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  source_properties[SOURCE_PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  source_properties[SOURCE_PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  source_properties[SOURCE_PROP_VISIBLE] =
    g_param_spec_boolean ("visible", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SOURCE_N_PROPS, source_properties);
}

static void
paraat_source_init (ParaatSource *self)
{
  self->organisation = g_strdup ("");
  self->colour = g_strdup ("");
  self->last_file = g_strdup ("");
  self->visible = TRUE;
}

ParaatSource *
paraat_source_new (const char *name)
{
  ParaatSource *self = g_object_new (PARAAT_TYPE_SOURCE, NULL);

  self->name = g_strdup (name ? name : "");

  return self;
}

static void
set_string (ParaatSource  *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value ? value : "") == 0)
    return;
  g_free (*field);
  *field = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), source_properties[prop]);
}

gint64
paraat_source_get_id (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), 0);
  return self->id;
}

const char *
paraat_source_get_name (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), NULL);
  return self->name;
}

void
paraat_source_set_name (ParaatSource *self,
                        const char   *name)
{
  g_return_if_fail (PARAAT_IS_SOURCE (self));
  set_string (self, &self->name, name, SOURCE_PROP_NAME);
}

const char *
paraat_source_get_organisation (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), NULL);
  return self->organisation;
}

void
paraat_source_set_organisation (ParaatSource *self,
                                const char   *organisation)
{
  g_return_if_fail (PARAAT_IS_SOURCE (self));
  set_string (self, &self->organisation, organisation, SOURCE_PROP_ORGANISATION);
}

const char *
paraat_source_get_colour (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), NULL);
  return self->colour;
}

void
paraat_source_set_colour (ParaatSource *self,
                          const char   *colour)
{
  g_return_if_fail (PARAAT_IS_SOURCE (self));
  set_string (self, &self->colour, colour, SOURCE_PROP_COLOUR);
}

ParaatSourceKind
paraat_source_get_kind (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), PARAAT_SOURCE_KIND_OTHER);
  return self->kind;
}

void
paraat_source_set_kind (ParaatSource     *self,
                        ParaatSourceKind  kind)
{
  g_return_if_fail (PARAAT_IS_SOURCE (self));
  g_return_if_fail (kind < G_N_ELEMENTS (kind_names));
  self->kind = kind;
}

gboolean
paraat_source_get_visible (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), FALSE);
  return self->visible;
}

void
paraat_source_set_visible (ParaatSource *self,
                           gboolean      visible)
{
  g_return_if_fail (PARAAT_IS_SOURCE (self));
  visible = !!visible;
  if (self->visible == visible)
    return;
  self->visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), source_properties[SOURCE_PROP_VISIBLE]);
}

gint64
paraat_source_get_last_import_utc (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), 0);
  return self->last_import_utc;
}

const char *
paraat_source_get_last_file (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), NULL);
  return self->last_file;
}

guint
paraat_source_get_n_events (ParaatSource *self)
{
  g_return_val_if_fail (PARAAT_IS_SOURCE (self), 0);
  return self->n_events;
}

/* ParaatImportEvent */

static const struct {
  const char *id;
  const char *label;
} states[] = {
  { "new", NC_("import state", "New") },
  { "changed", NC_("import state", "Changed") },
  { "unchanged", NC_("import state", "Unchanged") },
  { "removed", NC_("import state", "Removed") },
  { "skipped", NC_("import state", "Skipped") },
};

const char *
paraat_import_state_to_string (ParaatImportState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (states), NULL);
  return states[state].id;
}

const char *
paraat_import_state_get_label (ParaatImportState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (states), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "import state", states[state].label);
}

G_DEFINE_FINAL_TYPE (ParaatImportEvent, paraat_import_event, G_TYPE_OBJECT)

enum {
  EVENT_PROP_0,
  EVENT_PROP_SUMMARY,
  EVENT_PROP_STATE,
  EVENT_N_PROPS
};
static GParamSpec *event_properties[EVENT_N_PROPS];

/* Frees what @self owns; the fields are left dangling */
static void
event_free_fields (ParaatImportEvent *self)
{
  g_free (self->file);
  g_clear_object (&self->exercise);
  g_clear_pointer (&self->exercise_warnings, g_ptr_array_unref);
  g_free (self->exercise_error);
  g_free (self->republished);
  g_free (self->uid);
  g_free (self->recurrence_id);
  g_free (self->summary);
  g_free (self->description);
  g_free (self->location);
  g_free (self->tzid);
  g_free (self->rrule);
  g_free (self->status);
  g_free (self->region_code);
  g_free (self->regions);
  g_free (self->units);
  g_free (self->availability);
  g_free (self->organiser);
  g_free (self->raw);
}

static void
paraat_import_event_finalize (GObject *object)
{
  event_free_fields (PARAAT_IMPORT_EVENT (object));

  G_OBJECT_CLASS (paraat_import_event_parent_class)->finalize (object);
}

static void
paraat_import_event_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ParaatImportEvent *self = PARAAT_IMPORT_EVENT (object);

  switch (prop_id)
    {
    case EVENT_PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case EVENT_PROP_STATE:
      g_value_set_string (value, paraat_import_state_to_string (self->state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_import_event_class_init (ParaatImportEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_import_event_finalize;
  object_class->get_property = paraat_import_event_get_property;

  event_properties[EVENT_PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* "new", "changed", … as paraat_import_state_to_string() */
  event_properties[EVENT_PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, EVENT_N_PROPS, event_properties);
}

static void
paraat_import_event_init (ParaatImportEvent *self)
{
}

ParaatImportEvent *
paraat_import_event_new (void)
{
  return g_object_new (PARAAT_TYPE_IMPORT_EVENT, NULL);
}

/* Events a pass is done with, kept for paraat_import_read_event() to fill
 * again. Making and finalizing two GObjects (the event and its exercise)
 * for every VEVENT took GObject's locks each time, on both threads of a
 * run (see docs/benchmarks.md). */
#define MAX_SPARE_EVENTS 64

/* @event: (transfer full) (nullable): an event done with */
void
paraat_import_recycle_event (ParaatImportContext *ctx,
                             ParaatImportEvent   *event)
{
  if (event == NULL)
    return;
  /* Only one that no model, list or signal holds */
  if (g_atomic_int_get (&G_OBJECT (event)->ref_count) != 1 ||
      (ctx->spare_events != NULL && ctx->spare_events->len >= MAX_SPARE_EVENTS))
    {
      g_object_unref (event);
      return;
    }
  if (ctx->spare_events == NULL)
    ctx->spare_events = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (ctx->spare_events, event);
}

/* An empty event, a spare one if there is one; *@spare_exercise: its
 * exercise to fill again, when no one else holds it */
static ParaatImportEvent *
take_spare_event (ParaatImportContext  *ctx,
                  ParaatExercise      **spare_exercise)
{
  ParaatImportEvent *event;
  GPtrArray *warnings;

  if (ctx->spare_events == NULL || ctx->spare_events->len == 0)
    return paraat_import_event_new ();

  event = g_ptr_array_steal_index_fast (ctx->spare_events, ctx->spare_events->len - 1);
  if (event->exercise != NULL && g_atomic_int_get (&G_OBJECT (event->exercise)->ref_count) == 1)
    *spare_exercise = g_steal_pointer (&event->exercise);
  warnings = g_steal_pointer (&event->exercise_warnings);
  event_free_fields (event);
  memset ((char *) event + sizeof (GObject), 0, sizeof *event - sizeof (GObject));
  if (warnings != NULL)
    {
      g_ptr_array_set_size (warnings, 0);
      event->exercise_warnings = warnings;
    }

  return event;
}

ParaatImportState
paraat_import_event_get_state (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), PARAAT_IMPORT_STATE_SKIPPED);
  return self->state;
}

gboolean
paraat_import_event_is_exercise (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), FALSE);
  return self->is_exercise;
}

const char *
paraat_import_event_get_uid (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), NULL);
  return self->uid;
}

guint
paraat_import_event_get_sequence (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), 0);
  return self->sequence;
}

const char *
paraat_import_event_get_summary (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), NULL);
  return self->summary ? self->summary : "";
}

gint64
paraat_import_event_get_start_utc (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), 0);
  return self->start_utc;
}

gint64
paraat_import_event_get_end_utc (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), 0);
  return self->end_utc;
}

gboolean
paraat_import_event_get_all_day (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), FALSE);
  return self->all_day;
}

/**
 * paraat_import_event_format_when:
 *
 * Returns: (transfer full): start and end as the calendar shows them,
 *   in the event's zone (Europe/Amsterdam when it has none)
 */
char *
paraat_import_event_format_when (ParaatImportEvent *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start_utc = NULL;
  g_autoptr(GDateTime) end_utc = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), NULL);

  zone = paraat_store_zone_for (self->tzid && *self->tzid ? self->tzid : "Europe/Amsterdam");
  start_utc = g_date_time_new_from_unix_utc (self->start_utc);
  end_utc = g_date_time_new_from_unix_utc (MAX (self->end_utc, self->start_utc));
  if (start_utc == NULL)
    return g_strdup ("");
  if (end_utc == NULL)
    end_utc = g_date_time_ref (start_utc);
  start = g_date_time_to_timezone (start_utc, zone);
  end = g_date_time_to_timezone (end_utc, zone);
  /* Past the end of year 9999 in its own zone, a time has no GDateTime
   * there: it is shown in UTC */
  if (start == NULL || end == NULL)
    return paraat_format_when (start_utc, end_utc, self->all_day);

  return paraat_format_when (start, end, self->all_day);
}

const char *
paraat_import_event_get_file (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), NULL);
  return self->file;
}

int
paraat_import_event_get_line (ParaatImportEvent *self)
{
  g_return_val_if_fail (PARAAT_IS_IMPORT_EVENT (self), 0);
  return self->line;
}


G_GNUC_PRINTF (3, 4)
static void
add_warning (ParaatImportPlan *plan,
             ParaatImportEvent *event,
             const char       *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: file name, line number, the problem */
  g_ptr_array_add (plan->warnings, g_strdup_printf (_("%1$s: line %2$d: %3$s"), event->file, event->line, message));
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* The first region code, name or alias in @text as a whole word */
static const char *
find_region_in_text (GArray     *names,
                     const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < names->len; i++)
    {
      const ParaatRegionName *name = &g_array_index (names, ParaatRegionName, i);
      size_t len = strlen (name->needle);

      for (const char *hit = strstr (folded, name->needle); hit != NULL; hit = strstr (hit + 1, name->needle))
        {
          const char *after = hit + len;

          if (hit > folded && is_word_char (g_utf8_get_char (g_utf8_prev_char (hit))))
            continue;
          if (*after != '\0' && is_word_char (g_utf8_get_char (after)))
            continue;
          return name->code;
        }
    }

  return NULL;
}

/* g_ascii_strcasecmp (@a, @b) == 0, without a call for each of the many
 * region names an event's X-PARAAT-REGION is compared with */
static inline gboolean
ascii_equal_nocase (const char *a,
                    const char *b)
{
  for (; *a != '\0'; a++, b++)
    {
      char x = *a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a;
      char y = *b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b;

      if (x != y)
        return FALSE;
    }

  return *b == '\0';
}

static const char *
find_region_code (GArray     *names,
                  const char *code)
{
  for (guint i = 0; code != NULL && i < names->len; i++)
    {
      const ParaatRegionName *name = &g_array_index (names, ParaatRegionName, i);

      if (ascii_equal_nocase (name->code, code))
        return name->code;
    }

  return NULL;
}

/* Adds the values of @text split at commas and semicolons to @builder */
static void
add_list_values (GString    *list,
                 const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return;
  parts = g_strsplit_set (text, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (list->len > 0)
        g_string_append (list, ";");
      g_string_append (list, parts[i]);
    }
}

static icaltimezone *
zone_of (icaltimetype tt)
{
  static icaltimezone *amsterdam;

  if (tt.zone != NULL && !tt.is_date)
    return (icaltimezone *) tt.zone;
  if (icaltime_is_utc (tt))
    return icaltimezone_get_utc_timezone ();
  /* Floating and all-day: the Netherlands' wall clock. Looked up once, as
   * libical's built-in zones are shared between threads. */
  if (g_once_init_enter (&amsterdam))
    g_once_init_leave (&amsterdam, icaltimezone_get_builtin_timezone ("Europe/Amsterdam"));

  return amsterdam;
}

static void
read_times (ParaatImportEvent *event,
            icalcomponent     *comp)
{
  icaltimetype start = icalcomponent_get_dtstart (comp);
  icaltimetype end = icalcomponent_get_dtend (comp);
  icaltimezone *zone = zone_of (start);

  event->all_day = start.is_date;
  event->start_utc = icaltime_as_timet_with_zone (start, zone);
  if (icaltime_is_null_time (end))
    {
      if (start.is_date)
        icaltime_adjust (&start, 1, 0, 0, 0);
      end = start;
    }
  event->end_utc = icaltime_as_timet_with_zone (end, zone_of (end));
  if (event->end_utc < event->start_utc)
    event->end_utc = event->start_utc;
  if (start.zone != NULL && !start.is_date && !icaltime_is_utc (start))
    event->tzid = g_strdup (icaltimezone_get_location ((icaltimezone *) start.zone));
  else if (!icaltime_is_utc (start))
    event->tzid = g_strdup ("Europe/Amsterdam");
  else
    event->tzid = g_strdup ("");
  if (event->tzid == NULL)
    event->tzid = g_strdup (icaltimezone_get_tzid ((icaltimezone *) start.zone));
}

/* @prop: (nullable): @comp's first RECURRENCE-ID */
static char *
format_recurrence_id (icalcomponent *comp,
                      icalproperty  *prop)
{
  icaltimetype rid;
  g_autoptr(GDateTime) dt = NULL;

  if (prop == NULL)
    return NULL;
  rid = icalcomponent_get_recurrenceid (comp);
  if (rid.is_date)
    return g_strdup_printf ("%04d%02d%02d", rid.year, rid.month, rid.day);
  dt = g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (rid, zone_of (rid)));

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

static const char *
status_name (icalcomponent *comp)
{
  icalproperty_status status = icalcomponent_get_status (comp);

  if (status == ICAL_STATUS_CANCELLED)
    return "cancelled";
  if (status == ICAL_STATUS_TENTATIVE)
    return "tentative";
  return "confirmed";
}

void
paraat_import_event_set_raw (ParaatImportEvent *event,
                             icalcomponent     *comp)
{
  char *raw = icalcomponent_as_ical_string_r (comp);

  g_free (event->raw);
  event->raw = g_strdup (raw);
  icalmemory_free_buffer (raw);
}

/* @line: where @comp starts in ctx->file.
 * @with_raw: also the VEVENT's text, which only a source event keeps.
 * @lean: for a plan without events, which never shows the event: when it
 * can only become an exercise, the columns of a source event are left
 * out. */
ParaatImportEvent *
paraat_import_read_event (ParaatImportContext *ctx,
                          icalcomponent       *comp,
                          int                  line,
                          gboolean             with_raw,
                          gboolean             lean)
{
  ParaatExercise *spare_exercise = NULL;
  ParaatImportEvent *event = take_spare_event (ctx, &spare_exercise);
  icalproperty *prop;
  icalproperty *uid = NULL;
  icalproperty *sequence_prop = NULL;
  icalproperty *recurrence_id = NULL;
  icalproperty *summary_prop = NULL;
  icalproperty *x_source = NULL;
  icalproperty *x_region_prop = NULL;
  const char *x_region;
  const char *transp = NULL;
  const char *summary;
  /* Made only for an event read in full (see lean) */
  g_autoptr(GString) regions = NULL;
  g_autoptr(GString) units = NULL;
  g_autoptr(GError) error = NULL;
  int sequence;

  /* The first of each of these in one walk, rather than a walk over all
   * the properties for each */
  for (prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    {
      icalproperty_kind kind = icalproperty_isa (prop);
      icalproperty **first = kind == ICAL_UID_PROPERTY ? &uid
                           : kind == ICAL_SEQUENCE_PROPERTY ? &sequence_prop
                           : kind == ICAL_RECURRENCEID_PROPERTY ? &recurrence_id
                           : kind == ICAL_SUMMARY_PROPERTY ? &summary_prop
                           : NULL;

      if (kind == ICAL_X_PROPERTY)
        {
          const char *name = icalproperty_get_x_name (prop);

          first = g_strcmp0 (name, "X-PARAAT-SOURCE") == 0 ? &x_source
                : g_strcmp0 (name, "X-PARAAT-REGION") == 0 ? &x_region_prop
                : NULL;
        }
      if (first != NULL && *first == NULL)
        *first = prop;
    }

  event->file = g_strdup (ctx->file);
  event->line = line;
  /* As icalcomponent_get_uid(), _get_sequence() and _get_summary() */
  event->uid = g_strdup (uid ? icalproperty_get_uid (uid) : NULL);
  sequence = sequence_prop ? icalproperty_get_sequence (sequence_prop) : 0;
  event->sequence = sequence > 0 ? sequence : 0;
  event->recurrence_id = format_recurrence_id (comp, recurrence_id);
  summary = summary_prop ? icalproperty_get_summary (summary_prop) : NULL;
  event->summary = g_strdup (summary ? summary : "");

  /* As paraat_ical_find_x() */
  event->republished = g_strdup (x_source ? icalproperty_get_value_as_string (x_source) : NULL);
  x_region = x_region_prop ? icalproperty_get_value_as_string (x_region_prop) : NULL;
  event->has_x_region = x_region != NULL;
  if (x_region != NULL && (event->region_code = g_strdup (find_region_code (ctx->region_names, x_region))) == NULL)
    add_warning (ctx->plan, event, _("%s: “%s” is not a region; looked for one in LOCATION and SUMMARY"),
                 "X-PARAAT-REGION", x_region);
  /* A region's own event is an exercise or nothing (see classify_lean()) */
  if (lean && ctx->plan->kind == PARAAT_SOURCE_KIND_REGION && event->republished == NULL)
    goto exercise;

  event->description = g_strdup (icalcomponent_get_description (comp) ? icalcomponent_get_description (comp) : "");
  event->location = g_strdup (icalcomponent_get_location (comp) ? icalcomponent_get_location (comp) : "");
  read_times (event, comp);
  if ((prop = icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY)) != NULL)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (prop);
      char *text = icalrecurrencetype_as_string_r (&recur);

      event->rrule = g_strdup (text);
      icalmemory_free_buffer (text);
    }
  event->status = g_strdup (status_name (comp));

  if (event->region_code == NULL)
    {
      const char *code = find_region_in_text (ctx->region_names, event->location);

      if (code == NULL)
        code = find_region_in_text (ctx->region_names, event->summary);
      event->region_code = g_strdup (code);
    }
  regions = g_string_new (NULL);
  for (prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      if (g_strcmp0 (icalproperty_get_x_name (prop), "X-PARAAT-REGIONS") == 0)
        {
          g_auto(GStrv) codes = g_strsplit_set (icalproperty_get_value_as_string (prop), ",;", -1);

          for (guint i = 0; codes[i] != NULL; i++)
            {
              const char *code = find_region_code (ctx->region_names, g_strstrip (codes[i]));

              if (code == NULL || g_strcmp0 (code, event->region_code) == 0)
                continue;
              if (regions->len > 0)
                g_string_append (regions, ";");
              g_string_append (regions, code);
            }
        }
    }
  event->regions = g_strdup (regions->str);

  units = g_string_new (NULL);
  for (prop = icalcomponent_get_first_property (comp, ICAL_RESOURCES_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_RESOURCES_PROPERTY))
    add_list_values (units, icalproperty_get_resources (prop));
  if (units->len == 0)
    add_list_values (units, paraat_ical_find_x (comp, "X-PARAAT-DEFENCE-UNITS"));
  if (units->len == 0)
    add_list_values (units, paraat_ical_find_x (comp, "X-PARAAT-UNIT"));
  event->units = g_strdup (units->str);

  if ((prop = icalcomponent_get_first_property (comp, ICAL_TRANSP_PROPERTY)) != NULL)
    transp = icalproperty_get_value_as_string (prop);
  event->availability = g_strdup (paraat_availability_to_string (
    paraat_availability_from_ical (paraat_ical_find_x (comp, "X-PARAAT-AVAILABILITY"), transp)));

  if ((prop = icalcomponent_get_first_property (comp, ICAL_ORGANIZER_PROPERTY)) != NULL)
    {
      icalparameter *cn = icalproperty_get_first_parameter (prop, ICAL_CN_PARAMETER);
      const char *value = cn ? icalparameter_get_cn (cn) : icalproperty_get_organizer (prop);

      event->organiser = g_strdup (value ? value : "");
    }
  else
    event->organiser = g_strdup ("");

  if (with_raw)
    paraat_import_event_set_raw (event, comp);

exercise:
  /* Whether it becomes an exercise is decided once the source is known. */
  if (event->exercise_warnings == NULL)
    event->exercise_warnings = g_ptr_array_new_with_free_func (g_free);
  event->exercise = paraat_ical_to_exercise_reusing (comp, g_steal_pointer (&spare_exercise),
                                                     event->exercise_warnings, &error);
  if (event->exercise == NULL)
    event->exercise_error = g_strdup (error->message);

  return event;
}

void
paraat_import_report_progress (ParaatImportContext *ctx,
                               double               fraction)
{
  if (ctx->progress != NULL)
    ctx->progress (CLAMP (fraction, 0.0, 1.0), ctx->user_data);
}

static gboolean
on_component_cb (icalcomponent  *comp,
                 gpointer        user_data,
                 GError        **error)
{
  ParaatImportContext *ctx = user_data;
  g_autoptr(ParaatImportEvent) event = NULL;
  g_autofree char *key = NULL;
  guint index;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;

  if (ctx->calname == NULL)
    {
      icalcomponent *calendar = icalcomponent_get_parent (comp);
      const char *name = calendar ? paraat_ical_find_x (calendar, "X-WR-CALNAME") : NULL;

      if (name != NULL && *name != '\0')
        ctx->calname = g_strdup (name);
    }

  if (icalcomponent_isa (comp) != ICAL_VEVENT_COMPONENT)
    {
      /* Translators: file name, line number, a component name such as VTODO */
      g_ptr_array_add (ctx->plan->warnings,
                       g_strdup_printf (_("%1$s: line %2$d: %3$s: only events are imported; left out"),
                                        ctx->file, paraat_calendar_reader_get_line (),
                                        icalcomponent_kind_to_string (icalcomponent_isa (comp))));
      return TRUE;
    }

  event = paraat_import_read_event (ctx, comp, paraat_calendar_reader_get_line (), TRUE, FALSE);
  key = paraat_import_event_key (event->uid, event->recurrence_id);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->by_key, key));
  if (index != 0)
    {
      ParaatImportEvent *earlier = ctx->read->pdata[index - 1];

      add_warning (ctx->plan, event, _("UID “%s” was read before (%s, line %d); the one with the higher SEQUENCE is kept"),
                   event->uid, earlier->file, earlier->line);
      if (event->sequence > earlier->sequence)
        {
          g_object_unref (earlier);
          ctx->read->pdata[index - 1] = g_steal_pointer (&event);
        }
    }
  else
    {
      g_ptr_array_add (ctx->read, g_steal_pointer (&event));
      g_hash_table_insert (ctx->by_key, g_steal_pointer (&key), GUINT_TO_POINTER (ctx->read->len));
    }

  if (ctx->read->len % 256 == 0)
    paraat_import_report_progress (ctx, ctx->fraction);

  return TRUE;
}

/* paraat_import_snapshot_has_code(), remembered: the reference tables are
 * small and the snapshot does not change, while every exercise asks
 * again. */
static gboolean
has_code (ParaatImportPlan *plan,
          sqlite3          *db,
          const char       *table,
          const char       *code)
{
  g_autofree char *key = g_strconcat (table, "\x1f", code, NULL);
  gpointer known;
  gboolean found;

  if (plan->codes == NULL)
    plan->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_lookup_extended (plan->codes, key, NULL, &known))
    return GPOINTER_TO_INT (known);
  found = paraat_import_snapshot_has_code (db, table, code);
  /* A file full of made-up codes must not make memory grow */
  if (g_hash_table_size (plan->codes) < 1024)
    g_hash_table_insert (plan->codes, g_steal_pointer (&key), GINT_TO_POINTER (found));

  return found;
}

/* paraat_import_snapshot_find_exercise(), without the query while the
 * snapshot has no exercise at all, as in a new database */
static gboolean
find_exercise (ParaatImportPlan  *plan,
               sqlite3           *db,
               const char        *uid,
               gint64            *id,
               guint             *sequence,
               gboolean          *deleted,
               GError           **error)
{
  if (plan->has_exercises < 0)
    plan->has_exercises = paraat_import_snapshot_has_exercises (db);
  if (!plan->has_exercises)
    return FALSE;

  return paraat_import_snapshot_find_exercise (db, uid, id, sequence, deleted, error);
}

/* Whether @ex's codes are all in the reference data; warns when not */
static gboolean
check_references (ParaatImportPlan  *plan,
                  ParaatImportEvent *event,
                  sqlite3           *db)
{
  ParaatExercise *ex = event->exercise;

  if (ex->region_code == NULL || *ex->region_code == '\0' ||
      !has_code (plan, db, "region", ex->region_code))
    {
      add_warning (plan, event, _("%s: “%s” is not a known region; the exercise was left out"),
                   "X-PARAAT-REGION", ex->region_code ? ex->region_code : "");
      return FALSE;
    }
  if (ex->type_code == NULL || !has_code (plan, db, "exercise_type", ex->type_code))
    {
      add_warning (plan, event, _("%s: “%s” is not a known exercise type; the exercise was left out"),
                   "CATEGORIES", ex->type_code ? ex->type_code : "");
      return FALSE;
    }
  if (ex->grip_code != NULL && *ex->grip_code != '\0' &&
      !has_code (plan, db, "grip_level", ex->grip_code))
    {
      add_warning (plan, event, _("%s: “%s” is not a known GRIP level; the exercise was left out"),
                   "X-PARAAT-GRIP", ex->grip_code);
      return FALSE;
    }
  for (guint i = 0; ex->disciplines != NULL && ex->disciplines[i] != NULL; i++)
    {
      if (!has_code (plan, db, "discipline", ex->disciplines[i]))
        {
          add_warning (plan, event, _("%s: “%s” is not a known discipline; the exercise was left out"),
                       "X-PARAAT-DISCIPLINES", ex->disciplines[i]);
          return FALSE;
        }
    }
  for (guint i = 0; ex->regions != NULL && ex->regions[i] != NULL; i++)
    {
      if (!has_code (plan, db, "region", ex->regions[i]))
        {
          add_warning (plan, event, _("%s: “%s” is not a known region; the exercise was left out"),
                       "X-PARAAT-REGIONS", ex->regions[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
classify_exercise (ParaatImportPlan   *plan,
                   ParaatImportEvent  *event,
                   sqlite3            *db,
                   GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;
  guint sequence = 0;
  gboolean deleted = FALSE;

  event->is_exercise = TRUE;
  if (event->exercise == NULL)
    {
      add_warning (plan, event, "%s", event->exercise_error);
      event->state = PARAAT_IMPORT_STATE_SKIPPED;
      return TRUE;
    }
  for (guint i = 0; i < event->exercise_warnings->len; i++)
    add_warning (plan, event, "%s", (const char *) event->exercise_warnings->pdata[i]);
  if (!check_references (plan, event, db))
    {
      event->state = PARAAT_IMPORT_STATE_SKIPPED;
      return TRUE;
    }

  if (!find_exercise (plan, db, event->uid, &id, &sequence, &deleted, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      event->state = PARAAT_IMPORT_STATE_NEW;
    }
  else if (deleted)
    {
      add_warning (plan, event, _("the exercise “%s” was deleted in this database; left out"), event->uid);
      event->state = PARAAT_IMPORT_STATE_SKIPPED;
    }
  else
    {
      event->existing_id = id;
      event->state = event->sequence > sequence ? PARAAT_IMPORT_STATE_CHANGED : PARAAT_IMPORT_STATE_UNCHANGED;
    }

  return TRUE;
}

static void
classify_source_event (ParaatImportEvent *event,
                       GHashTable        *existing)
{
  g_autofree char *key = paraat_import_event_key (event->uid, event->recurrence_id);
  ParaatImportEvent *known = existing ? g_hash_table_lookup (existing, key) : NULL;

  event->is_exercise = FALSE;
  if (known == NULL)
    event->state = PARAAT_IMPORT_STATE_NEW;
  else
    {
      event->existing_id = known->existing_id;
      /* Back after a removal, or a newer version */
      if (known->state == PARAAT_IMPORT_STATE_REMOVED || event->sequence > known->sequence)
        event->state = PARAAT_IMPORT_STATE_CHANGED;
      else
        event->state = PARAAT_IMPORT_STATE_UNCHANGED;
      g_hash_table_remove (existing, key);
    }
}

static void
count (ParaatImportPlan  *plan,
       ParaatImportEvent *event)
{
  switch (event->state)
    {
    case PARAAT_IMPORT_STATE_NEW:
      plan->counts.n_new++;
      break;
    case PARAAT_IMPORT_STATE_CHANGED:
      plan->counts.n_changed++;
      break;
    case PARAAT_IMPORT_STATE_UNCHANGED:
      plan->counts.n_unchanged++;
      break;
    case PARAAT_IMPORT_STATE_REMOVED:
      plan->counts.n_removed++;
      break;
    case PARAAT_IMPORT_STATE_SKIPPED:
    default:
      plan->counts.n_skipped++;
      break;
    }
}

static int
compare_removed (gconstpointer a,
                 gconstpointer b)
{
  const ParaatImportEvent *x = *(ParaatImportEvent * const *) a;
  const ParaatImportEvent *y = *(ParaatImportEvent * const *) b;

  if (x->start_utc != y->start_utc)
    return x->start_utc < y->start_utc ? -1 : 1;
  return g_strcmp0 (x->uid, y->uid);
}

static char *
name_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

void
paraat_import_read_context_clear (ParaatImportContext *ctx)
{
  g_clear_pointer (&ctx->read, g_ptr_array_unref);
  g_clear_pointer (&ctx->by_key, g_hash_table_unref);
  g_clear_pointer (&ctx->calname, g_free);
  g_clear_pointer (&ctx->find_key, sqlite3_finalize);
  g_clear_pointer (&ctx->insert_key, sqlite3_finalize);
  g_clear_pointer (&ctx->update_key, sqlite3_finalize);
  g_clear_pointer (&ctx->find_source_event, sqlite3_finalize);
  g_clear_pointer (&ctx->spare_events, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParaatImportContext, paraat_import_read_context_clear)

/* Plans without events (PARAAT_IMPORT_PLAN_NO_EVENTS)
 *
 * The plan reads each event, classifies it at once against the snapshot
 * and keeps only its key, state and place in a private temporary
 * database on disk, so memory stays the same however big the files are.
 * paraat_import_plan_apply() reads the files again and writes the events
 * the plan chose. When a UID comes twice, the one with the higher
 * SEQUENCE is kept, as in a full plan; the one read first may already
 * have added its warnings. */

static gboolean
set_keys_error (sqlite3  *db,
                GError  **error)
{
  g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_SQL, "%s", sqlite3_errmsg (db));
  return FALSE;
}

/* The keys of a plan's event table, as a Bloom filter of 1 MiB: a key
 * the filter has not seen is not in the table, and most keys are read
 * once, so the lookup before their insert is seldom needed. A key's four
 * bits are in one 64-bit word, so a test costs one cache miss, not four.
 * At 1,000,000 keys one lookup in 35 is made for nothing; memory does
 * not grow. */
#define KEY_FILTER_WORDS (1u << 17)

/* The word of @key in the filter, and its bits there */
static guint64 *
key_filter_word (ParaatImportPlan *plan,
                 const char       *key,
                 guint64          *bits)
{
  guint64 hash = 14695981039346656037ull;  /* FNV-1a, 64 bits */

  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    hash = (hash ^ *p) * 1099511628211ull;
  /* MurmurHash3's finish, so that every bit depends on every byte */
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccdull;
  hash ^= hash >> 33;
  /* The low bits choose the word, four fields of 6 higher up the bits */
  *bits = 0;
  for (guint i = 0; i < 4; i++)
    *bits |= G_GUINT64_CONSTANT (1) << ((hash >> (40 + 6 * i)) & 63);

  return &plan->key_filter[hash & (KEY_FILTER_WORDS - 1)];
}

/* Whether @key may be in the event table; TRUE without a filter */
static gboolean
key_may_be_known (ParaatImportPlan *plan,
                  const char       *key)
{
  guint64 bits;

  if (plan->key_filter == NULL)
    return TRUE;

  return (*key_filter_word (plan, key, &bits) & bits) == bits;
}

static void
key_filter_add (ParaatImportPlan *plan,
                const char       *key)
{
  guint64 bits;

  if (plan->key_filter != NULL)
    *key_filter_word (plan, key, &bits) |= bits;
}

/* Gives @plan its keys table and, beside it, the empty filter of what
 * the table holds. "" opens a temporary database of this connection's
 * own on disk: SQLite keeps a few pages of it in memory, not the whole.
 * The plan's thread uses it, then the one that applies the plan, never
 * both at once, so SQLite need not lock it for each call. */
static gboolean
open_keys (ParaatImportPlan  *plan,
           GError           **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 ("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                        "CREATE TABLE event (key TEXT PRIMARY KEY, ordinal INTEGER NOT NULL,"
                        " sequence INTEGER NOT NULL, file TEXT, line INTEGER, state INTEGER NOT NULL,"
                        " is_exercise INTEGER NOT NULL, existing_id INTEGER NOT NULL) WITHOUT ROWID;"
                        "CREATE TABLE removed (existing_id INTEGER PRIMARY KEY);"
                        "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      if (db != NULL)
        set_keys_error (db, error);
      else
        g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_OPEN, "%s", sqlite3_errstr (SQLITE_NOMEM));
      sqlite3_close (db);
      return FALSE;
    }
  plan->keys = db;
  plan->key_filter = g_new0 (guint64, KEY_FILTER_WORDS);

  return TRUE;
}

static char *
stamp_file (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return g_strdup ("");

  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, (gint64) st.st_size, (gint64) st.st_mtime);
}

/* The source's name: the caller's, else the first X-WR-CALNAME, else
 * the first file's */
static gboolean
name_source (ParaatImportPlan  *plan,
             const char        *source_name,
             const char        *calname,
             const char        *first_path,
             GError           **error)
{
  if (source_name != NULL && *source_name != '\0')
    plan->source_name = g_strstrip (g_strdup (source_name));
  else if (calname != NULL)
    plan->source_name = g_strstrip (g_strdup (calname));
  else
    plan->source_name = name_from_path (first_path);
  if (*plan->source_name == '\0')
    {
      g_set_error (error, PARAAT_IMPORT_ERROR, PARAAT_IMPORT_ERROR_SOURCE, _("A calendar source needs a name."));
      return FALSE;
    }

  return TRUE;
}

/* Another calendar's event that a merged export passed on: never an
 * exercise, and left out (*skipped, with a warning) when a source here
 * other than @source_id has it already, or an exercise has its UID. */
/* The plan's source in the snapshot: its id and kind, or a new one */
static gboolean
find_source (ParaatImportPlan  *plan,
             sqlite3           *snapshot,
             gint64            *source_id,
             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  ParaatSourceKind existing_kind = plan->kind;

  if (paraat_import_snapshot_find_source (snapshot, plan->source_name, source_id, &existing_kind, &local_error))
    plan->kind = existing_kind;
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  else
    plan->new_source = TRUE;

  return TRUE;
}

static gboolean
skip_republished (ParaatImportPlan   *plan,
                  sqlite3            *db,
                  gint64              source_id,
                  ParaatImportEvent  *event,
                  gboolean           *skipped,
                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *holder = paraat_import_snapshot_find_event_source (db, event->uid, event->recurrence_id,
                                                                      source_id, &local_error);
  gint64 id;
  guint sequence;
  gboolean deleted;
  gboolean is_exercise = holder == NULL && local_error == NULL &&
                         find_exercise (plan, db, event->uid, &id, &sequence, &deleted, &local_error);

  *skipped = FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (holder == NULL && !is_exercise)
    return TRUE;

  *skipped = TRUE;
  event->is_exercise = FALSE;
  event->state = PARAAT_IMPORT_STATE_SKIPPED;
  if (holder != NULL)
    /* Translators: an event's summary, the calendar a merged export names, a calendar source here */
    add_warning (plan, event, _("“%s” (from “%s”) is in the calendar source “%s” already; left out"),
                 event->summary, event->republished, holder);
  else
    /* Translators: an event's summary, the calendar a merged export names */
    add_warning (plan, event, _("“%s” (from “%s”) is an exercise in this database; left out"),
                 event->summary, event->republished);

  return TRUE;
}

/* Like the loop in paraat_import_plan_new_full(), for one event */
static gboolean
classify_lean (ParaatImportContext *ctx,
               ParaatImportEvent   *event,
               GError             **error)
{
  ParaatImportPlan *plan = ctx->plan;
  gboolean as_exercise = plan->kind == PARAAT_SOURCE_KIND_REGION && event->republished == NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *rid = NULL;
  sqlite3_stmt *stmt = ctx->find_source_event;
  int rc;

  if (event->republished != NULL)
    {
      gboolean skipped;

      if (!skip_republished (plan, ctx->snapshot, ctx->source_id, event, &skipped, error))
        return FALSE;
      if (skipped)
        return TRUE;
    }
  else if (!as_exercise && event->has_x_region && event->exercise != NULL)
    {
      gint64 id;
      guint sequence;
      gboolean deleted;

      as_exercise = find_exercise (ctx->plan, ctx->snapshot, event->uid, &id, &sequence, &deleted,
                                                          &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (as_exercise)
    return classify_exercise (plan, event, ctx->snapshot, error);

  event->is_exercise = FALSE;
  event->state = PARAAT_IMPORT_STATE_NEW;
  if (ctx->source_id == 0)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, ctx->source_id);
  sqlite3_bind_text (stmt, 2, event->uid ? event->uid : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, event->recurrence_id ? event->recurrence_id : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      event->existing_id = sqlite3_column_int64 (stmt, 0);
      /* Back after a removal, or a newer version */
      if (sqlite3_column_int (stmt, 2) != 0 || event->sequence > (guint) sqlite3_column_int (stmt, 1))
        event->state = PARAAT_IMPORT_STATE_CHANGED;
      else
        event->state = PARAAT_IMPORT_STATE_UNCHANGED;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_keys_error (ctx->snapshot, error);

  return TRUE;
}

static void
uncount (ParaatImportPlan  *plan,
         ParaatImportState  state)
{
  switch (state)
    {
    case PARAAT_IMPORT_STATE_NEW:
      plan->counts.n_new--;
      break;
    case PARAAT_IMPORT_STATE_CHANGED:
      plan->counts.n_changed--;
      break;
    case PARAAT_IMPORT_STATE_UNCHANGED:
      plan->counts.n_unchanged--;
      break;
    case PARAAT_IMPORT_STATE_REMOVED:
      plan->counts.n_removed--;
      break;
    case PARAAT_IMPORT_STATE_SKIPPED:
    default:
      plan->counts.n_skipped--;
      break;
    }
}

static void
bind_key_row (sqlite3_stmt      *stmt,
              const char        *key,
              guint              ordinal,
              ParaatImportEvent *event)
{
  /* Both outlive the step that follows */
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ordinal);
  sqlite3_bind_int64 (stmt, 3, event->sequence);
  sqlite3_bind_text (stmt, 4, event->file, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, event->line);
  sqlite3_bind_int (stmt, 6, event->state);
  sqlite3_bind_int (stmt, 7, event->is_exercise ? 1 : 0);
  sqlite3_bind_int64 (stmt, 8, event->existing_id);
}

/* Classifies @event and notes its key; *@chosen: it is the one kept of
 * the events with its UID so far (it may still lose to a later one) */
gboolean
paraat_import_plan_event_lean (ParaatImportContext *ctx,
                               ParaatImportEvent   *event,
                               gboolean            *chosen,
                               GError             **error)
{
  ParaatImportPlan *plan = ctx->plan;
  g_autofree char *key = paraat_import_event_key (event->uid, event->recurrence_id);
  sqlite3_stmt *stmt = ctx->find_key;
  sqlite3_stmt *write;
  int rc;

  *chosen = FALSE;
  if (key_may_be_known (plan, key))
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  else
    rc = SQLITE_DONE;
  if (rc == SQLITE_ROW)
    {
      guint sequence = sqlite3_column_int64 (stmt, 0);
      ParaatImportState state = sqlite3_column_int (stmt, 3);

      add_warning (plan, event, _("UID “%s” was read before (%s, line %d); the one with the higher SEQUENCE is kept"),
                   event->uid, (const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
      sqlite3_reset (stmt);
      if (event->sequence <= sequence)
        return TRUE;
      uncount (plan, state);
      /* The one read before is in the database already: only the two
       * passes of a plan can leave it out. See paraat_import_run(). */
      if (ctx->pass == PARAAT_IMPORT_PASS_RUN && paraat_import_state_is_written (state))
        ctx->replaced = TRUE;
      write = ctx->update_key;
    }
  else
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_keys_error (plan->keys, error);
      write = ctx->insert_key;
    }

  if (!classify_lean (ctx, event, error))
    return FALSE;
  count (plan, event);
  bind_key_row (write, key, ctx->ordinal, event);
  rc = sqlite3_step (write);
  sqlite3_reset (write);
  if (rc != SQLITE_DONE)
    return set_keys_error (plan->keys, error);
  key_filter_add (plan, key);
  *chosen = TRUE;

  return TRUE;
}

gboolean
paraat_import_write_lean_event (ParaatImportContext *ctx,
                                ParaatImportEvent   *event,
                                GError             **error)
{
  gboolean ok;

  if (event->is_exercise)
    {
      /* The run compared the event with the store as its transaction
       * found it, and wrote no other exercise with its UID since: the
       * snapshot's id is the store's. A plan is applied later, when the
       * store may have changed. */
      ok = paraat_store_import_exercise (ctx->store, event->exercise, ctx->pass == PARAAT_IMPORT_PASS_RUN ? event->existing_id : -1,
                                         event->file, error);
      ctx->exercises = TRUE;
    }
  else
    ok = paraat_store_import_write_event (ctx->store, ctx->apply_source_id, event, error);
  if (!ok && event->file != NULL)
    g_prefix_error (error, _("%1$s: line %2$d: "), event->file, event->line);

  return ok;
}

static gboolean
apply_event_lean (ParaatImportContext *ctx,
                  ParaatImportEvent   *event,
                  icalcomponent       *comp,
                  GError             **error)
{
  g_autofree char *key = paraat_import_event_key (event->uid, event->recurrence_id);
  sqlite3_stmt *stmt = ctx->find_key;
  gboolean chosen;
  int rc;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_keys_error (ctx->plan->keys, error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%1$s: line %2$d: the file changed after the import was planned; nothing was imported"),
                   event->file, event->line);
      return FALSE;
    }
  /* The one the plan kept of events with the same UID */
  chosen = (guint) sqlite3_column_int64 (stmt, 4) == ctx->ordinal;
  event->state = sqlite3_column_int (stmt, 3);
  event->is_exercise = sqlite3_column_int (stmt, 5) != 0;
  event->existing_id = sqlite3_column_int64 (stmt, 6);
  sqlite3_reset (stmt);

  if (!chosen || !paraat_import_state_is_written (event->state))
    return TRUE;
  if (!event->is_exercise)
    paraat_import_event_set_raw (event, comp);

  return paraat_import_write_lean_event (ctx, event, error);
}

static gboolean
on_lean_component_cb (icalcomponent  *comp,
                      gpointer        user_data,
                      GError        **error)
{
  ParaatImportContext *ctx = user_data;
  ParaatImportPass pass = ctx->pass;
  g_autoptr(ParaatImportEvent) event = NULL;
  gboolean chosen;
  gboolean ok;

  g_assert (pass != PARAAT_IMPORT_PASS_RUN);

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;

  /* The calendar's properties come before its components (RFC 5545
   * §3.4, RFC 6321 §3.4), so the parent of the first holds them all:
   * the rest of the file need not be read for the name. */
  if (pass == PARAAT_IMPORT_PASS_NAME)
    {
      icalcomponent *calendar = icalcomponent_get_parent (comp);
      const char *name = calendar ? paraat_ical_find_x (calendar, "X-WR-CALNAME") : NULL;

      if (name != NULL && *name != '\0')
        ctx->calname = g_strdup (name);
      ctx->stopped = TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped after the calendar's properties");
      return FALSE;
    }

  if (icalcomponent_isa (comp) != ICAL_VEVENT_COMPONENT)
    {
      if (pass != PARAAT_IMPORT_PASS_APPLY)
        /* Translators: file name, line number, a component name such as VTODO */
        g_ptr_array_add (ctx->plan->warnings,
                         g_strdup_printf (_("%1$s: line %2$d: %3$s: only events are imported; left out"),
                                          ctx->file, paraat_calendar_reader_get_line (),
                                          icalcomponent_kind_to_string (icalcomponent_isa (comp))));
      return TRUE;
    }

  ctx->ordinal++;
  event = paraat_import_read_event (ctx, comp, paraat_calendar_reader_get_line (), FALSE, TRUE);
  if (pass == PARAAT_IMPORT_PASS_APPLY)
    ok = apply_event_lean (ctx, event, comp, error);
  else
    {
      g_assert (pass == PARAAT_IMPORT_PASS_PLAN);
      ok = paraat_import_plan_event_lean (ctx, event, &chosen, error);
      if (ok && ctx->ordinal % 256 == 0)
        paraat_import_report_progress (ctx, ctx->fraction);
    }
  paraat_import_recycle_event (ctx, g_steal_pointer (&event));

  return ok;
}

static gboolean
read_files_lean (ParaatImportContext *ctx,
                 ParaatImportPass     pass,
                 const char * const  *paths,
                 GError             **error)
{
  guint n_paths = g_strv_length ((char **) paths);
  ParaatReaderLimits limits;

  paraat_reader_limits_init (&limits);
  ctx->pass = pass;
  ctx->ordinal = 0;
  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *file = g_path_get_basename (paths[i]);
      ParaatCalendarFormat format;

      g_autoptr(GError) local_error = NULL;

      ctx->file = file;
      ctx->fraction = 0.9 * i / n_paths;
      ctx->stopped = FALSE;
      if (!paraat_calendar_read_file (paths[i], &limits, &format, on_lean_component_cb, ctx, &local_error) &&
          !ctx->stopped)
        {
          ctx->file = NULL;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      ctx->file = NULL;
      if (pass == PARAAT_IMPORT_PASS_NAME && ctx->calname != NULL)
        break;
      if (pass == PARAAT_IMPORT_PASS_PLAN)
        paraat_import_report_progress (ctx, 0.9 * (i + 1) / n_paths);
    }

  return !g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}

static gboolean
prepare_keys (ParaatImportContext *ctx,
              GError             **error)
{
  sqlite3 *keys = ctx->plan->keys;

  if (sqlite3_prepare_v2 (keys, "SELECT sequence, file, line, state, ordinal, is_exercise, existing_id"
                                " FROM event WHERE key = ?1", -1, &ctx->find_key, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (keys, "INSERT INTO event (key, ordinal, sequence, file, line, state, is_exercise,"
                                " existing_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                          -1, &ctx->insert_key, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (keys, "UPDATE event SET ordinal = ?2, sequence = ?3, file = ?4, line = ?5, state = ?6,"
                                " is_exercise = ?7, existing_id = ?8 WHERE key = ?1",
                          -1, &ctx->update_key, NULL) != SQLITE_OK)
    return set_keys_error (keys, error);

  return TRUE;
}

/* What the source had and the files no longer have */
static gboolean
plan_removed_lean (ParaatImportContext *ctx,
                   GError             **error)
{
  ParaatImportPlan *plan = ctx->plan;
  sqlite3_stmt *stmt = NULL;
  sqlite3_stmt *insert = NULL;
  int rc;

  if (sqlite3_prepare_v2 (ctx->snapshot, "SELECT id, uid, recurrence_id FROM source_event"
                                         " WHERE source_id = ?1 AND removed = 0", -1, &stmt, NULL) != SQLITE_OK)
    return set_keys_error (ctx->snapshot, error);
  if (sqlite3_prepare_v2 (plan->keys, "INSERT INTO removed (existing_id) VALUES (?1)", -1, &insert, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      return set_keys_error (plan->keys, error);
    }
  sqlite3_bind_int64 (stmt, 1, ctx->source_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = paraat_import_event_key ((const char *) sqlite3_column_text (stmt, 1),
                                                      (const char *) sqlite3_column_text (stmt, 2));
      int found;

      sqlite3_bind_text (ctx->find_key, 1, key, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (ctx->find_key);
      sqlite3_reset (ctx->find_key);
      if (found == SQLITE_ROW)
        continue;
      sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (stmt, 0));
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          sqlite3_reset (insert);
          rc = SQLITE_ERROR;
          break;
        }
      sqlite3_reset (insert);
      plan->counts.n_removed++;
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (insert);
  if (rc != SQLITE_DONE)
    return set_keys_error (rc == SQLITE_ERROR ? plan->keys : ctx->snapshot, error);

  return TRUE;
}

static ParaatImportPlan *
plan_new_lean (ParaatImportPlan     *plan_in,
               ParaatStore          *store,
               const char           *source_name,
               const char * const   *paths,
               GCancellable         *cancellable,
               ParaatImportProgress  progress,
               gpointer              user_data,
               GError              **error)
{
  g_autoptr(ParaatImportPlan) plan = plan_in;
  g_auto(ParaatImportContext) ctx = { 0 };
  g_autoptr(GStrvBuilder) stamps = g_strv_builder_new ();
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  plan->no_events = TRUE;
  plan->paths = g_strdupv ((char **) paths);
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *stamp = stamp_file (paths[i]);

      g_strv_builder_add (stamps, stamp);
    }
  plan->stamps = g_strv_builder_end (stamps);

  if (!(db = paraat_import_snapshot_open (paraat_store_get_path (store), error)))
    return NULL;
  if (!(plan->region_names = paraat_import_snapshot_region_names (db, error)) ||
      !open_keys (plan, error))
    goto out;

  ctx.plan = plan;
  ctx.region_names = plan->region_names;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.user_data = user_data;
  ctx.snapshot = db;
  if (!prepare_keys (&ctx, error) ||
      sqlite3_prepare_v2 (db, "SELECT id, sequence, removed FROM source_event"
                              " WHERE source_id = ?1 AND uid = ?2 AND ifnull (recurrence_id, '') = ?3",
                          -1, &ctx.find_source_event, NULL) != SQLITE_OK)
    {
      if (error != NULL && *error == NULL)
        set_keys_error (db, error);
      goto out;
    }

  /* The source decides how every event is classified, so it is named
   * before the events are read: by the caller, else by the first
   * X-WR-CALNAME (one more pass over the files), else by the first file. */
  paraat_import_report_progress (&ctx, 0.0);
  if ((source_name == NULL || *source_name == '\0') && !read_files_lean (&ctx, PARAAT_IMPORT_PASS_NAME, paths, error))
    goto out;
  if (!name_source (plan, source_name, ctx.calname, paths[0], error))
    goto out;
  if (!find_source (plan, db, &ctx.source_id, error))
    goto out;

  if (!read_files_lean (&ctx, PARAAT_IMPORT_PASS_PLAN, paths, error))
    goto out;
  if (ctx.source_id != 0 && !plan_removed_lean (&ctx, error))
    goto out;

  paraat_import_report_progress (&ctx, 1.0);
  ok = TRUE;

out:
  g_clear_pointer (&ctx.find_source_event, sqlite3_finalize);
  paraat_import_snapshot_close (db);

  return ok ? g_steal_pointer (&plan) : NULL;
}

/* Marks removed what plan_removed_lean() found */
static gboolean
write_removed_lean (ParaatImportContext *ctx,
                    sqlite3             *keys,
                    GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (keys, "SELECT existing_id FROM removed", -1, &stmt, NULL) != SQLITE_OK)
    return set_keys_error (keys, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParaatImportEvent) event = paraat_import_event_new ();

      event->state = PARAAT_IMPORT_STATE_REMOVED;
      event->existing_id = sqlite3_column_int64 (stmt, 0);
      if (!paraat_import_write_lean_event (ctx, event, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_keys_error (keys, error);

  return TRUE;
}

static gboolean
apply_lean (ParaatImportPlan  *self,
            ParaatStore       *store,
            gint64             source_id,
            GCancellable      *cancellable,
            gboolean          *exercises,
            GError           **error)
{
  g_auto(ParaatImportContext) ctx = { 0 };
  g_autoptr(ParaatImportPlan) scratch = g_new0 (ParaatImportPlan, 1);

  for (guint i = 0; self->paths[i] != NULL; i++)
    {
      g_autofree char *stamp = stamp_file (self->paths[i]);

      if (!g_str_equal (stamp, self->stamps[i]))
        {
          g_autofree char *file = g_path_get_basename (self->paths[i]);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("%s: the file changed after the import was planned; nothing was imported"), file);
          return FALSE;
        }
    }

  /* The events' own warnings were the plan's; these are thrown away. */
  scratch->warnings = g_ptr_array_new_with_free_func (g_free);
  scratch->kind = self->kind;
  scratch->keys = self->keys;
  ctx.plan = scratch;
  ctx.region_names = self->region_names;
  ctx.cancellable = cancellable;
  ctx.store = store;
  ctx.apply_source_id = source_id;
  if (!prepare_keys (&ctx, error))
    goto fail;
  if (!read_files_lean (&ctx, PARAAT_IMPORT_PASS_APPLY, (const char * const *) self->paths, error) ||
      !write_removed_lean (&ctx, self->keys, error))
    goto fail;

  *exercises = ctx.exercises;
  scratch->keys = NULL;
  return TRUE;

fail:
  scratch->keys = NULL;
  return FALSE;
}

/* A plan with nothing read yet; NULL without files */
static ParaatImportPlan *
plan_start (ParaatSourceKind     kind,
            const char * const  *paths,
            GError             **error)
{
  guint n_paths = paths ? g_strv_length ((char **) paths) : 0;
  ParaatImportPlan *plan;

  if (n_paths == 0)
    {
      g_set_error (error, PARAAT_IMPORT_ERROR, PARAAT_IMPORT_ERROR_NO_FILES, _("No file to import."));
      return NULL;
    }

  plan = g_new0 (ParaatImportPlan, 1);
  plan->kind = kind;
  plan->events = g_list_store_new (PARAAT_TYPE_IMPORT_EVENT);
  plan->warnings = g_ptr_array_new_with_free_func (g_free);
  plan->last_file = g_path_get_basename (paths[n_paths - 1]);
  plan->has_exercises = -1;

  return plan;
}

/**
 * paraat_import_plan_new:
 * @store: the store to compare with; only its path is used, so this may
 *   run in another thread than the one using @store
 * @source_name: (nullable): the calendar source; %NULL: the first
 *   X-WR-CALNAME, else the first file's name without its extension
 * @kind: the kind of a source this import creates; an existing source
 *   keeps its own. %PARAAT_SOURCE_KIND_REGION makes every event an
 *   exercise; for other kinds, an event with X-PARAAT-REGION whose UID is
 *   an exercise's updates that exercise, and the rest become the
 *   source's events
 * @paths: the files, xCal or iCalendar, told apart by their content;
 *   together they are the whole source, so the source's events that are
 *   in none of them are planned as removed
 * @progress: (nullable) (scope call): called in this thread
 *
 * Reads the files and plans the import without writing anything. A
 * file the readers refuse (hostile, malformed, over the limits) fails the
 * whole plan with a %PARAAT_READER_ERROR naming the file and line; a
 * single event that cannot be imported is skipped with a warning.
 *
 * Returns: (transfer full): the plan, or %NULL
 */
ParaatImportPlan *
paraat_import_plan_new (ParaatStore           *store,
                        const char            *source_name,
                        ParaatSourceKind       kind,
                        const char * const    *paths,
                        GCancellable          *cancellable,
                        ParaatImportProgress   progress,
                        gpointer               user_data,
                        GError               **error)
{
  return paraat_import_plan_new_full (store, source_name, kind, paths, PARAAT_IMPORT_PLAN_DEFAULT, cancellable,
                                      progress, user_data, error);
}

/**
 * paraat_import_plan_new_full:
 * @flags: %PARAAT_IMPORT_PLAN_NO_EVENTS keeps no events, so that memory
 *   stays flat however big the files are; the apply reads them again
 *
 * As paraat_import_plan_new().
 *
 * Returns: (transfer full): the plan, or %NULL
 */
ParaatImportPlan *
paraat_import_plan_new_full (ParaatStore           *store,
                             const char            *source_name,
                             ParaatSourceKind       kind,
                             const char * const    *paths,
                             ParaatImportPlanFlags  flags,
                             GCancellable          *cancellable,
                             ParaatImportProgress   progress,
                             gpointer               user_data,
                             GError               **error)
{
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_auto(ParaatImportContext) ctx = { 0 };
  g_autoptr(GArray) region_names = NULL;
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GPtrArray) removed = NULL;
  g_autoptr(GError) local_error = NULL;
  ParaatReaderLimits limits;
  sqlite3 *db = NULL;
  gint64 source_id = 0;
  ParaatSourceKind existing_kind = kind;
  guint n_paths;
  gboolean ok = FALSE;

  g_return_val_if_fail (PARAAT_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(plan = plan_start (kind, paths, error)))
    return NULL;
  n_paths = g_strv_length ((char **) paths);
  if (flags & PARAAT_IMPORT_PLAN_NO_EVENTS)
    return plan_new_lean (g_steal_pointer (&plan), store, source_name, paths, cancellable, progress, user_data,
                          error);

  if (!(db = paraat_import_snapshot_open (paraat_store_get_path (store), error)))
    return NULL;
  if (!(region_names = paraat_import_snapshot_region_names (db, error)))
    goto out;

  ctx.plan = plan;
  ctx.region_names = region_names;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.user_data = user_data;
  ctx.read = g_ptr_array_new_with_free_func (g_object_unref);
  ctx.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  paraat_reader_limits_init (&limits);

  paraat_import_report_progress (&ctx, 0.0);
  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *file = g_path_get_basename (paths[i]);
      ParaatCalendarFormat format;

      ctx.file = file;
      ctx.fraction = 0.9 * i / n_paths;
      if (!paraat_calendar_read_file (paths[i], &limits, &format, on_component_cb, &ctx, error))
        goto out;
      ctx.file = NULL;
      paraat_import_report_progress (&ctx, 0.9 * (i + 1) / n_paths);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  if (!name_source (plan, source_name, ctx.calname, paths[0], error))
    goto out;

  if (paraat_import_snapshot_find_source (db, plan->source_name, &source_id, &existing_kind, &local_error))
    {
      plan->kind = existing_kind;
      if (!(existing = paraat_import_snapshot_source_events (db, source_id, error)))
        goto out;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }
  else
    plan->new_source = TRUE;

  for (guint i = 0; i < ctx.read->len; i++)
    {
      ParaatImportEvent *event = ctx.read->pdata[i];
      gboolean as_exercise = plan->kind == PARAAT_SOURCE_KIND_REGION && event->republished == NULL;

      if (event->republished != NULL)
        {
          gboolean skipped;

          if (!skip_republished (plan, db, source_id, event, &skipped, error))
            goto out;
          if (skipped)
            {
              count (plan, event);
              g_list_store_append (plan->events, event);
              if (existing != NULL)
                {
                  g_autofree char *key = paraat_import_event_key (event->uid, event->recurrence_id);

                  g_hash_table_remove (existing, key);
                }
              continue;
            }
        }
      else if (!as_exercise && event->has_x_region && event->exercise != NULL)
        {
          gint64 id;
          guint sequence;
          gboolean deleted;

          as_exercise = find_exercise (plan, db, event->uid, &id, &sequence, &deleted, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
        }
      if (as_exercise)
        {
          if (!classify_exercise (plan, event, db, error))
            goto out;
        }
      else
        classify_source_event (event, existing);
      count (plan, event);
      g_list_store_append (plan->events, event);
    }

  /* What the source had and the files no longer have */
  removed = g_ptr_array_new ();
  if (existing != NULL)
    {
      GHashTableIter iter;
      ParaatImportEvent *known;

      g_hash_table_iter_init (&iter, existing);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &known))
        {
          if (known->state != PARAAT_IMPORT_STATE_REMOVED)
            {
              known->state = PARAAT_IMPORT_STATE_REMOVED;
              g_ptr_array_add (removed, known);
            }
        }
    }
  g_ptr_array_sort (removed, compare_removed);
  for (guint i = 0; i < removed->len; i++)
    {
      count (plan, removed->pdata[i]);
      g_list_store_append (plan->events, removed->pdata[i]);
    }

  paraat_import_report_progress (&ctx, 1.0);
  ok = TRUE;

out:
  paraat_import_snapshot_close (db);

  return ok ? g_steal_pointer (&plan) : NULL;
}

/**
 * paraat_import_write_calendar:
 * @vcalendar: a VCALENDAR, as a reader hands its events over
 * @source_name: a source that does not exist yet
 * @file: (nullable): the file name the source notes as its last import
 *
 * Inside the caller's transaction, the VEVENTs of @vcalendar become the
 * events of a new source, read and stored as paraat_import_plan_apply()
 * stores a new source's events (but never as exercises). For data that
 * Paraat makes itself, such as the demo's Defence calendar; an event the
 * import would warn about is a mistake there, and fails.
 */
gboolean
paraat_import_write_calendar (ParaatStore       *store,
                              icalcomponent     *vcalendar,
                              const char        *source_name,
                              ParaatSourceKind   kind,
                              const char        *organisation,
                              const char        *colour,
                              const char        *file,
                              GError           **error)
{
  g_autoptr(ParaatImportPlan) plan = g_new0 (ParaatImportPlan, 1);
  g_autoptr(GArray) region_names = NULL;
  g_auto(ParaatImportContext) ctx = { 0 };
  gint64 source_id;

  g_return_val_if_fail (PARAAT_IS_STORE (store), FALSE);
  g_return_val_if_fail (vcalendar != NULL, FALSE);

  plan->warnings = g_ptr_array_new_with_free_func (g_free);
  if (!(region_names = paraat_import_snapshot_region_names (store->db, error)))
    return FALSE;
  ctx.plan = plan;
  ctx.region_names = region_names;
  ctx.file = file;

  source_id = paraat_store_import_ensure_source (store, source_name, kind, organisation, colour, file, error);
  if (source_id == 0)
    return FALSE;
  for (icalcomponent *comp = icalcomponent_get_first_component (vcalendar, ICAL_VEVENT_COMPONENT); comp != NULL;
       comp = icalcomponent_get_next_component (vcalendar, ICAL_VEVENT_COMPONENT))
    {
      g_autoptr(ParaatImportEvent) event = paraat_import_read_event (&ctx, comp, 0, TRUE, FALSE);

      if (plan->warnings->len > 0)
        {
          g_set_error (error, PARAAT_IMPORT_ERROR, PARAAT_IMPORT_ERROR_SOURCE, "%s: %s", source_name,
                       (const char *) plan->warnings->pdata[0]);
          return FALSE;
        }
      event->state = PARAAT_IMPORT_STATE_NEW;
      if (!paraat_store_import_write_event (store, source_id, event, error))
        return FALSE;
    }

  return TRUE;
}

void
paraat_import_plan_free (ParaatImportPlan *self)
{
  if (self == NULL)
    return;

  g_free (self->source_name);
  g_free (self->organisation);
  g_free (self->colour);
  g_free (self->last_file);
  g_clear_object (&self->events);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_strfreev (self->paths);
  g_strfreev (self->stamps);
  g_clear_pointer (&self->region_names, g_array_unref);
  g_clear_pointer (&self->codes, g_hash_table_unref);
  sqlite3_close (self->keys);
  g_free (self->key_filter);
  g_free (self);
}

const char *
paraat_import_plan_get_source_name (ParaatImportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source_name;
}

ParaatSourceKind
paraat_import_plan_get_source_kind (ParaatImportPlan *self)
{
  g_return_val_if_fail (self != NULL, PARAAT_SOURCE_KIND_OTHER);
  return self->kind;
}

/* Whether applying the plan creates its source */
gboolean
paraat_import_plan_get_new_source (ParaatImportPlan *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->new_source;
}

/* The source's organisation from now on; %NULL keeps the stored one */
void
paraat_import_plan_set_organisation (ParaatImportPlan *self,
                                     const char       *organisation)
{
  g_return_if_fail (self != NULL);
  g_free (self->organisation);
  self->organisation = g_strdup (organisation);
}

void
paraat_import_plan_set_colour (ParaatImportPlan *self,
                               const char       *colour)
{
  g_return_if_fail (self != NULL);
  g_free (self->colour);
  self->colour = g_strdup (colour);
}

void
paraat_import_plan_get_counts (ParaatImportPlan   *self,
                               ParaatImportCounts *counts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (counts != NULL);
  *counts = self->counts;
}

/**
 * paraat_import_plan_get_warnings:
 *
 * Returns: (transfer none) (element-type utf8): one message per problem,
 *   "FILE: line N: what is wrong", in the order they were found
 */
GPtrArray *
paraat_import_plan_get_warnings (ParaatImportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->warnings;
}

/**
 * paraat_import_plan_get_events:
 *
 * Returns: (transfer none): a #GListModel of #ParaatImportEvent, for the
 *   preview: the files' events in their order, then the removed ones
 */
GListModel *
paraat_import_plan_get_events (ParaatImportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return G_LIST_MODEL (self->events);
}

/**
 * paraat_import_plan_apply:
 * @store: the store the plan was made for, in its own thread
 *
 * Writes the plan in one transaction: new and changed events and
 * exercises, removed events marked removed, and the source's last
 * import. An equal or lower SEQUENCE never overwrites, even if the store
 * changed since the plan. Cancelled or failed, the transaction is rolled
 * back and the store is as it was.
 */
gboolean
paraat_import_plan_apply (ParaatImportPlan  *self,
                          ParaatStore       *store,
                          GCancellable      *cancellable,
                          GError           **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  gboolean exercises = FALSE;
  gint64 source_id;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->applied, FALSE);
  g_return_val_if_fail (PARAAT_IS_STORE (store), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !paraat_store_begin (store, error))
    return FALSE;

  source_id = paraat_store_import_ensure_source (store, self->source_name, self->kind, self->organisation,
                                                 self->colour, self->last_file, error);
  if (source_id == 0)
    goto fail;

  if (self->no_events && !apply_lean (self, store, source_id, cancellable, &exercises, error))
    goto fail;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatImportEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      gboolean ok = TRUE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (event->state != PARAAT_IMPORT_STATE_NEW && event->state != PARAAT_IMPORT_STATE_CHANGED &&
          event->state != PARAAT_IMPORT_STATE_REMOVED)
        continue;
      if (event->is_exercise)
        {
          ok = paraat_store_import_exercise (store, event->exercise, -1, event->file, error);
          exercises = TRUE;
        }
      else
        ok = paraat_store_import_write_event (store, source_id, event, error);
      if (!ok)
        {
          if (event->file != NULL)
            g_prefix_error (error, _("%1$s: line %2$d: "), event->file, event->line);
          goto fail;
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !paraat_store_commit (store, error))
    goto fail;

  paraat_store_emit_changed (store, PARAAT_CHANGE_SOURCES);
  if (exercises)
    paraat_store_emit_changed (store, PARAAT_CHANGE_CALENDAR);

  return TRUE;

fail:
  paraat_store_rollback (store);
  return FALSE;
}

/**
 * paraat_import_run:
 * @store: the store to write, used in its own thread
 * @source_name: (nullable): as for paraat_import_plan_new()
 * @kind: as for paraat_import_plan_new()
 * @organisation: (nullable): the source's organisation from now on;
 *   %NULL keeps the stored one
 * @colour: (nullable): the source's colour from now on; %NULL keeps the
 *   stored one
 * @paths: as for paraat_import_plan_new()
 * @progress: (nullable) (scope call): called in this thread
 *
 * Imports the files in one transaction, reading them once: each event
 * is planned as paraat_import_plan_new_full() with
 * %PARAAT_IMPORT_PLAN_NO_EVENTS plans it, compared with the store as the
 * transaction found it, and written at once; then the source's events
 * that are in none of the files are marked removed. The store ends up as
 * that plan and paraat_import_plan_apply() would leave it, with the same
 * counts and warnings. Only when an event replaces one with its UID
 * already written (the same UID twice, the later with a higher SEQUENCE)
 * are the writes taken back and the files read a second time, to write
 * only the one kept.
 *
 * Cancelled or failed, the transaction is rolled back and the store is
 * as it was. Without @source_name only the calendars' properties are
 * read first, for X-WR-CALNAME, not the whole files.
 *
 * Returns: (transfer full): the plan it carried out, for its source,
 *   counts and warnings; it holds no events and cannot be applied again.
 *   %NULL on error.
 */
ParaatImportPlan *
paraat_import_run (ParaatStore           *store,
                   const char            *source_name,
                   ParaatSourceKind       kind,
                   const char            *organisation,
                   const char            *colour,
                   const char * const    *paths,
                   GCancellable          *cancellable,
                   ParaatImportProgress   progress,
                   gpointer               user_data,
                   GError               **error)
{
  g_autoptr(ParaatImportPlan) plan = NULL;
  g_auto(ParaatImportContext) ctx = { 0 };
  g_autoptr(GStrvBuilder) stamps = NULL;
  sqlite3 *db = NULL;
  guint n_paths;
  gboolean ok = FALSE;

  g_return_val_if_fail (PARAAT_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(plan = plan_start (kind, paths, error)))
    return NULL;
  n_paths = g_strv_length ((char **) paths);
  plan->organisation = g_strdup (organisation);
  plan->colour = g_strdup (colour);
  plan->no_events = TRUE;
  plan->applied = TRUE;
  /* For the second read, should one be needed */
  plan->paths = g_strdupv ((char **) paths);
  stamps = g_strv_builder_new ();
  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *stamp = stamp_file (paths[i]);

      g_strv_builder_add (stamps, stamp);
    }
  plan->stamps = g_strv_builder_end (stamps);

  ctx.plan = plan;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.user_data = user_data;
  ctx.store = store;
  paraat_import_report_progress (&ctx, 0.0);
  if ((source_name == NULL || *source_name == '\0') && !read_files_lean (&ctx, PARAAT_IMPORT_PASS_NAME, paths, error))
    return NULL;
  if (!name_source (plan, source_name, ctx.calname, paths[0], error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !paraat_store_begin (store, error))
    return NULL;
  if (!paraat_store_import_set_checks (store, FALSE, error))
    goto out;
  /* Opened once this transaction holds the write lock, so that the
   * snapshot is the store as the transaction found it: the events are
   * compared with that, not with what this import wrote already, just
   * as a plan does. */
  if (!(db = paraat_import_snapshot_open (paraat_store_get_path (store), error)))
    goto out;
  ctx.snapshot = db;
  if (!(plan->region_names = paraat_import_snapshot_region_names (db, error)) ||
      !open_keys (plan, error))
    goto out;
  ctx.region_names = plan->region_names;
  if (!prepare_keys (&ctx, error))
    goto out;
  if (sqlite3_prepare_v2 (db, "SELECT id, sequence, removed FROM source_event"
                              " WHERE source_id = ?1 AND uid = ?2 AND ifnull (recurrence_id, '') = ?3",
                          -1, &ctx.find_source_event, NULL) != SQLITE_OK)
    {
      set_keys_error (db, error);
      goto out;
    }

  if (!find_source (plan, db, &ctx.source_id, error))
    goto out;

  ctx.apply_source_id = paraat_store_import_ensure_source (store, plan->source_name, plan->kind,
                                                           plan->organisation, plan->colour, plan->last_file, error);
  if (ctx.apply_source_id == 0 || !paraat_store_exec (store, "SAVEPOINT import_run", error))
    goto out;

  if (!paraat_import_run_files (&ctx, paths, error))
    goto out;
  if (ctx.source_id != 0 && !plan_removed_lean (&ctx, error))
    goto out;
  if (ctx.replaced)
    {
      /* The plan is complete; write what it chose, as apply does. */
      if (!paraat_store_exec (store, "ROLLBACK TO import_run", error) ||
          !apply_lean (plan, store, ctx.apply_source_id, cancellable, &ctx.exercises, error))
        goto out;
    }
  else if (!write_removed_lean (&ctx, plan->keys, error))
    goto out;

  if (g_cancellable_set_error_if_cancelled (cancellable, error) || !paraat_store_commit (store, error))
    goto out;
  ok = TRUE;

out:
  g_clear_pointer (&ctx.find_source_event, sqlite3_finalize);
  paraat_import_snapshot_close (db);
  if (!ok)
    paraat_store_rollback (store);
  paraat_store_import_set_checks (store, TRUE, NULL);
  if (!ok)
    return NULL;

  paraat_import_report_progress (&ctx, 1.0);
  paraat_store_emit_changed (store, PARAAT_CHANGE_SOURCES);
  if (ctx.exercises)
    paraat_store_emit_changed (store, PARAAT_CHANGE_CALENDAR);

  return g_steal_pointer (&plan);
}
