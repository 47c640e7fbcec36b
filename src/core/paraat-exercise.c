/* paraat-exercise.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ParaatExercise and the strings of the calendar's enums. The history
 * entries, evaluations and action items are in paraat-evaluation.c.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "paraat-exercise-private.h"
#include "paraat-utils.h"

/* The strings stored in the database and exchanged in files; never translated. */
static const char * const exercise_status_ids[PARAAT_N_EXERCISE_STATUSES] = {
  [PARAAT_EXERCISE_STATUS_DRAFT] = "draft",
  [PARAAT_EXERCISE_STATUS_PLANNED] = "planned",
  [PARAAT_EXERCISE_STATUS_CONFIRMED] = "confirmed",
  [PARAAT_EXERCISE_STATUS_POSTPONED] = "postponed",
  [PARAAT_EXERCISE_STATUS_CANCELLED] = "cancelled",
  [PARAAT_EXERCISE_STATUS_HELD] = "held",
  [PARAAT_EXERCISE_STATUS_EVALUATED] = "evaluated",
};

static const char * const defence_ids[PARAAT_N_DEFENCE] = {
  [PARAAT_DEFENCE_NONE] = "none",
  [PARAAT_DEFENCE_REQUESTED] = "requested",
  [PARAAT_DEFENCE_CONFIRMED] = "confirmed",
  [PARAAT_DEFENCE_DECLINED] = "declined",
};

static const char * const action_status_ids[PARAAT_N_ACTION_STATUSES] = {
  [PARAAT_ACTION_OPEN] = "open",
  [PARAAT_ACTION_IN_PROGRESS] = "in-progress",
  [PARAAT_ACTION_DONE] = "done",
};

static gboolean
lookup_id (const char * const *ids,
           guint               n_ids,
           const char         *text,
           guint              *index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      if (g_str_equal (ids[i], text))
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
set_strv (GStrv              *field,
          const char * const *values)
{
  GStrv copy = values != NULL ? g_strdupv ((char **) values) : g_new0 (char *, 1);

  g_strfreev (*field);
  *field = copy;
}

/* Shared strings
 *
 * The values of the shared fields (see paraat-exercise-private.h). Both
 * threads of an import make and free exercises by the thousand, and a
 * reference count or a lock that both touch moves its cache line from
 * one core to the other each time: on a host whose cores share no cache
 * that was a tenth of the import (docs/benchmarks.md, "Two cores that
 * share a cache, and two that do not"). So the first SHARED_N_CHUNKS ×
 * SHARED_CHUNK bytes of distinct values are kept for the life of the
 * process, without a count, and each thread finds them in a table of its
 * own, without a lock. Values past that are interned GRefStrings, counted
 * as before.
 *
 * GLib 2.74 lets g_ref_string_new_intern() find an interned string that
 * another thread's g_ref_string_release() has just taken to 0 and is
 * about to free (fixed in later GLib): "g_atomic_ref_count_inc:
 * assertion 'old_value > 0' failed", then a use after free, as soon as
 * the import's reader thread made exercises while the writing thread
 * freed them. So every intern and release of the counted strings takes
 * shared_lock too.
 */
#define SHARED_CHUNK (64 * 1024)
#define SHARED_N_CHUNKS 16

static GMutex shared_lock;
static GHashTable *kept;                      /* value → its kept copy; under shared_lock */
static char *kept_chunks[SHARED_N_CHUNKS];   /* where kept copies are; each set once */
static guint n_kept_chunks;                   /* under shared_lock */
static gsize kept_chunk_used;                 /* of the last chunk; under shared_lock */
static GPrivate local_kept = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static gboolean
is_kept (const char *value)
{
  for (guint i = 0; i < SHARED_N_CHUNKS; i++)
    {
      const char *chunk = g_atomic_pointer_get (&kept_chunks[i]);

      if (chunk == NULL)
        return FALSE;
      if ((guintptr) value >= (guintptr) chunk && (guintptr) value < (guintptr) chunk + SHARED_CHUNK)
        return TRUE;
    }

  return FALSE;
}

/* A kept copy of @value, or NULL when there is no room left. Under
 * shared_lock. */
static char *
keep_locked (const char *value)
{
  gsize size = strlen (value) + 1;
  char *copy;

  if (kept == NULL)
    kept = g_hash_table_new (g_str_hash, g_str_equal);
  copy = g_hash_table_lookup (kept, value);
  if (copy != NULL)
    return copy;

  if (n_kept_chunks == 0 || kept_chunk_used + size > SHARED_CHUNK)
    {
      if (n_kept_chunks == SHARED_N_CHUNKS || size > SHARED_CHUNK)
        return NULL;
      g_atomic_pointer_set (&kept_chunks[n_kept_chunks++], g_malloc (SHARED_CHUNK));
      kept_chunk_used = 0;
    }
  copy = kept_chunks[n_kept_chunks - 1] + kept_chunk_used;
  memcpy (copy, value, size);
  kept_chunk_used += size;
  g_hash_table_insert (kept, copy, copy);

  return copy;
}

static char *
shared_new (const char *value)
{
  GHashTable *local = g_private_get (&local_kept);
  char *copy;

  if (local == NULL)
    {
      local = g_hash_table_new (g_str_hash, g_str_equal);
      g_private_set (&local_kept, local);
    }
  copy = g_hash_table_lookup (local, value);
  if (copy != NULL)
    return copy;

  g_mutex_lock (&shared_lock);
  copy = keep_locked (value);
  if (copy != NULL)
    {
      g_mutex_unlock (&shared_lock);
      g_hash_table_insert (local, copy, copy);
      return copy;
    }
  copy = g_ref_string_new_intern (value);
  g_mutex_unlock (&shared_lock);

  return copy;
}

static void
shared_release (char *value)
{
  if (is_kept (value))
    return;
  g_mutex_lock (&shared_lock);
  g_ref_string_release (value);
  g_mutex_unlock (&shared_lock);
}

/* The values a new exercise starts with, kept from the start */
static char *shared_empty;
static char *shared_default_tzid;

static void
init_shared_defaults (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      shared_empty = shared_new ("");
      shared_default_tzid = shared_new (PARAAT_DEFAULT_TZID);
      g_once_init_leave (&done, 1);
    }
}

/**
 * paraat_exercise_set_shared:
 *
 * Replaces *@field, one of the fields that hold a shared string (see
 * paraat-exercise-private.h), with the shared copy of @value ("" for
 * %NULL).
 */
void
paraat_exercise_set_shared (char       **field,
                            const char  *value)
{
  char *copy;

  if (value == NULL)
    value = "";
  /* Interned: an equal value is the same string already */
  if (*field != NULL && strcmp (*field, value) == 0)
    return;
  copy = shared_new (value);

  g_clear_pointer (field, shared_release);
  *field = copy;
}

/* The same for a nullable field: an empty value becomes NULL */
static void
set_nullable_shared (char       **field,
                     const char  *value)
{
  char *copy = (value != NULL && *value != '\0') ? shared_new (value) : NULL;

  g_clear_pointer (field, shared_release);
  *field = copy;
}

const char *
paraat_exercise_status_to_string (ParaatExerciseStatus status)
{
  g_return_val_if_fail (status < PARAAT_N_EXERCISE_STATUSES, NULL);

  return exercise_status_ids[status];
}

gboolean
paraat_exercise_status_from_string (const char           *text,
                                    ParaatExerciseStatus *status)
{
  guint index;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!lookup_id (exercise_status_ids, G_N_ELEMENTS (exercise_status_ids), text, &index))
    return FALSE;
  *status = index;

  return TRUE;
}

const char *
paraat_exercise_status_get_label (ParaatExerciseStatus status)
{
  switch (status)
    {
    case PARAAT_EXERCISE_STATUS_DRAFT:
      return C_("exercise status", "Draft");
    case PARAAT_EXERCISE_STATUS_PLANNED:
      return C_("exercise status", "Planned");
    case PARAAT_EXERCISE_STATUS_CONFIRMED:
      return C_("exercise status", "Confirmed");
    case PARAAT_EXERCISE_STATUS_POSTPONED:
      return C_("exercise status", "Postponed");
    case PARAAT_EXERCISE_STATUS_CANCELLED:
      return C_("exercise status", "Cancelled");
    case PARAAT_EXERCISE_STATUS_HELD:
      return C_("exercise status", "Held");
    case PARAAT_EXERCISE_STATUS_EVALUATED:
      return C_("exercise status", "Evaluated");
    case PARAAT_N_EXERCISE_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
paraat_defence_to_string (ParaatDefence defence)
{
  g_return_val_if_fail (defence < PARAAT_N_DEFENCE, NULL);

  return defence_ids[defence];
}

gboolean
paraat_defence_from_string (const char    *text,
                            ParaatDefence *defence)
{
  guint index;

  g_return_val_if_fail (defence != NULL, FALSE);

  if (!lookup_id (defence_ids, G_N_ELEMENTS (defence_ids), text, &index))
    return FALSE;
  *defence = index;

  return TRUE;
}

const char *
paraat_defence_get_label (ParaatDefence defence)
{
  switch (defence)
    {
    case PARAAT_DEFENCE_NONE:
      return C_("defence participation", "None");
    case PARAAT_DEFENCE_REQUESTED:
      return C_("defence participation", "Requested");
    case PARAAT_DEFENCE_CONFIRMED:
      return C_("defence participation", "Confirmed");
    case PARAAT_DEFENCE_DECLINED:
      return C_("defence participation", "Declined");
    case PARAAT_N_DEFENCE:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
paraat_action_status_to_string (ParaatActionStatus status)
{
  g_return_val_if_fail (status < PARAAT_N_ACTION_STATUSES, NULL);

  return action_status_ids[status];
}

gboolean
paraat_action_status_from_string (const char         *text,
                                  ParaatActionStatus *status)
{
  guint index;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!lookup_id (action_status_ids, G_N_ELEMENTS (action_status_ids), text, &index))
    return FALSE;
  *status = index;

  return TRUE;
}

const char *
paraat_action_status_get_label (ParaatActionStatus status)
{
  switch (status)
    {
    case PARAAT_ACTION_OPEN:
      return C_("action status", "Open");
    case PARAAT_ACTION_IN_PROGRESS:
      return C_("action status", "In Progress");
    case PARAAT_ACTION_DONE:
      return C_("action status", "Done");
    case PARAAT_N_ACTION_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ParaatExercise */

G_DEFINE_FINAL_TYPE (ParaatExercise, paraat_exercise, G_TYPE_OBJECT)

enum {
  EXERCISE_PROP_0,
  EXERCISE_PROP_UID,
  EXERCISE_PROP_TITLE,
  EXERCISE_PROP_TYPE_CODE,
  EXERCISE_PROP_REGION_CODE,
  EXERCISE_PROP_STATUS_LABEL,
  EXERCISE_PROP_WHEN,
  EXERCISE_PROP_DEFENCE_LABEL,
  EXERCISE_PROP_START_UTC,
  EXERCISE_N_PROPS
};

static GParamSpec *exercise_properties[EXERCISE_N_PROPS];

/* Frees what @self owns; the fields are left dangling */
static void
exercise_free_fields (ParaatExercise *self)
{
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->type_code, shared_release);
  g_clear_pointer (&self->grip_code, shared_release);
  g_clear_pointer (&self->region_code, shared_release);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->disciplines, g_strfreev);
  g_clear_pointer (&self->organisations, g_strfreev);
  g_clear_pointer (&self->tzid, shared_release);
  g_clear_pointer (&self->location, shared_release);
  g_clear_pointer (&self->scenario_code, shared_release);
  g_clear_pointer (&self->defence_units, shared_release);
  g_clear_pointer (&self->rrule, shared_release);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->calendar, g_free);
  g_clear_pointer (&self->calendar_organisation, g_free);
  g_clear_pointer (&self->calendar_colour, g_free);
}

static void
paraat_exercise_finalize (GObject *object)
{
  exercise_free_fields (PARAAT_EXERCISE (object));

  G_OBJECT_CLASS (paraat_exercise_parent_class)->finalize (object);
}

static void
paraat_exercise_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ParaatExercise *self = PARAAT_EXERCISE (object);

  switch (prop_id)
    {
    case EXERCISE_PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case EXERCISE_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case EXERCISE_PROP_TYPE_CODE:
      g_value_set_string (value, self->type_code);
      break;

    case EXERCISE_PROP_REGION_CODE:
      g_value_set_string (value, self->region_code);
      break;

    case EXERCISE_PROP_STATUS_LABEL:
      g_value_set_string (value, paraat_exercise_status_get_label (self->status));
      break;

    case EXERCISE_PROP_WHEN:
      g_value_take_string (value, paraat_exercise_format_when (self));
      break;

    case EXERCISE_PROP_DEFENCE_LABEL:
      g_value_set_string (value, paraat_defence_get_label (self->defence));
      break;

    case EXERCISE_PROP_START_UTC:
      g_value_set_int64 (value, self->start_utc);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_exercise_class_init (ParaatExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = paraat_exercise_finalize;
  object_class->get_property = paraat_exercise_get_property;

  exercise_properties[EXERCISE_PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  exercise_properties[EXERCISE_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  exercise_properties[EXERCISE_PROP_TYPE_CODE] =
    g_param_spec_string ("type-code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  exercise_properties[EXERCISE_PROP_REGION_CODE] =
    g_param_spec_string ("region-code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  exercise_properties[EXERCISE_PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  exercise_properties[EXERCISE_PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  exercise_properties[EXERCISE_PROP_DEFENCE_LABEL] =
    g_param_spec_string ("defence-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  exercise_properties[EXERCISE_PROP_START_UTC] =
    g_param_spec_int64 ("start-utc", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, EXERCISE_N_PROPS, exercise_properties);
}

/* What paraat_exercise_new() makes */
static void
init_fields (ParaatExercise *self)
{
  self->uid = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  init_shared_defaults ();
  self->type_code = shared_empty;
  self->region_code = shared_empty;
  self->regions = g_new0 (char *, 1);
  self->disciplines = g_new0 (char *, 1);
  self->organisations = g_new0 (char *, 1);
  self->tzid = shared_default_tzid;
  self->location = shared_empty;
  self->scenario_code = shared_empty;
  self->defence = PARAAT_DEFENCE_NONE;
  self->defence_units = shared_empty;
  self->status = PARAAT_EXERCISE_STATUS_DRAFT;
  self->rrule = shared_empty;
  self->modified = g_strdup ("");
}

static void
paraat_exercise_init (ParaatExercise *self)
{
  init_fields (self);
}

ParaatExercise *
paraat_exercise_new (void)
{
  return g_object_new (PARAAT_TYPE_EXERCISE, NULL);
}

/* Empties @self into what paraat_exercise_new() makes. Only for an
 * exercise no one else holds: an import fills one again for each VEVENT
 * (see paraat_ical_to_exercise_reusing()). */
void
paraat_exercise_reset (ParaatExercise *self)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));
  g_return_if_fail (g_atomic_int_get (&G_OBJECT (self)->ref_count) == 1);

  exercise_free_fields (self);
  memset ((char *) self + sizeof (GObject), 0, sizeof *self - sizeof (GObject));
  init_fields (self);
}

/**
 * paraat_exercise_copy:
 *
 * A deep copy of every field, the stored id, uid and sequence included,
 * so an editor can change the copy and the store can compare it with
 * what it holds.
 *
 * Returns: (transfer full): a new exercise
 */
ParaatExercise *
paraat_exercise_copy (ParaatExercise *self)
{
  ParaatExercise *copy;

  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  copy = paraat_exercise_new ();
  copy->id = self->id;
  paraat_set_string (&copy->uid, self->uid);
  copy->sequence = self->sequence;
  paraat_set_string (&copy->title, self->title);
  paraat_set_string (&copy->description, self->description);
  paraat_exercise_set_shared (&copy->type_code, self->type_code);
  set_nullable_shared (&copy->grip_code, self->grip_code);
  paraat_exercise_set_shared (&copy->region_code, self->region_code);
  set_strv (&copy->regions, (const char * const *) self->regions);
  set_strv (&copy->disciplines, (const char * const *) self->disciplines);
  set_strv (&copy->organisations, (const char * const *) self->organisations);
  copy->start_utc = self->start_utc;
  copy->end_utc = self->end_utc;
  copy->all_day = self->all_day;
  paraat_exercise_set_shared (&copy->tzid, self->tzid);
  paraat_exercise_set_shared (&copy->location, self->location);
  copy->has_geo = self->has_geo;
  copy->latitude = self->latitude;
  copy->longitude = self->longitude;
  paraat_exercise_set_shared (&copy->scenario_code, self->scenario_code);
  copy->defence = self->defence;
  paraat_exercise_set_shared (&copy->defence_units, self->defence_units);
  copy->ovr_observer = self->ovr_observer;
  copy->reservists = self->reservists;
  copy->status = self->status;
  paraat_exercise_set_shared (&copy->rrule, self->rrule);
  paraat_set_string (&copy->modified, self->modified);
  copy->occurrence = self->occurrence;
  paraat_exercise_set_calendar (copy, self->calendar_id, self->calendar, self->calendar_organisation,
                                self->calendar_colour, self->removed);

  return copy;
}

/**
 * paraat_exercise_set_stored:
 *
 * For the store, after it read or wrote the exercise: the fields that
 * only the store decides.
 */
void
paraat_exercise_set_stored (ParaatExercise *self,
                            gint64          id,
                            guint           sequence,
                            const char     *modified,
                            gboolean        occurrence)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  self->id = id;
  self->sequence = sequence;
  paraat_set_string (&self->modified, modified);
  self->occurrence = !!occurrence;
}

gint64
paraat_exercise_get_id (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), 0);

  return self->id;
}

const char *
paraat_exercise_get_uid (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->uid;
}

void
paraat_exercise_set_uid (ParaatExercise *self,
                         const char     *uid)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_set_string (&self->uid, uid);
}

guint
paraat_exercise_get_sequence (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), 0);

  return self->sequence;
}

const char *
paraat_exercise_get_title (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->title;
}

void
paraat_exercise_set_title (ParaatExercise *self,
                           const char     *title)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_set_string (&self->title, title);
}

const char *
paraat_exercise_get_description (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->description;
}

void
paraat_exercise_set_description (ParaatExercise *self,
                                 const char     *description)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_set_string (&self->description, description);
}

const char *
paraat_exercise_get_type_code (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->type_code;
}

void
paraat_exercise_set_type_code (ParaatExercise *self,
                               const char     *code)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_exercise_set_shared (&self->type_code, code);
}

/**
 * paraat_exercise_get_grip_code:
 *
 * Returns: (nullable): the GRIP level, %NULL when none applies
 */
const char *
paraat_exercise_get_grip_code (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->grip_code;
}

/**
 * paraat_exercise_set_grip_code:
 * @code: (nullable): a GRIP level code; %NULL or "" for none
 *
 * An empty code becomes %NULL, since the column refers to grip_level.
 */
void
paraat_exercise_set_grip_code (ParaatExercise *self,
                               const char     *code)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  set_nullable_shared (&self->grip_code, code);
}

const char *
paraat_exercise_get_region_code (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->region_code;
}

void
paraat_exercise_set_region_code (ParaatExercise *self,
                                 const char     *code)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_exercise_set_shared (&self->region_code, code);
}

const char * const *
paraat_exercise_get_regions (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return (const char * const *) self->regions;
}

/**
 * paraat_exercise_set_regions:
 * @codes: (nullable) (array zero-terminated=1): further participating regions
 */
void
paraat_exercise_set_regions (ParaatExercise     *self,
                             const char * const *codes)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  set_strv (&self->regions, codes);
}

const char * const *
paraat_exercise_get_disciplines (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return (const char * const *) self->disciplines;
}

/**
 * paraat_exercise_set_disciplines:
 * @codes: (nullable) (array zero-terminated=1): discipline codes
 */
void
paraat_exercise_set_disciplines (ParaatExercise     *self,
                                 const char * const *codes)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  set_strv (&self->disciplines, codes);
}

const char * const *
paraat_exercise_get_organisations (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return (const char * const *) self->organisations;
}

/**
 * paraat_exercise_set_organisations:
 * @names: (nullable) (array zero-terminated=1): organisations taking part
 */
void
paraat_exercise_set_organisations (ParaatExercise     *self,
                                   const char * const *names)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  set_strv (&self->organisations, names);
}

/* The exercise's zone; UTC when the store handed us a name this system
 * doesn't know, so times still show rather than nothing. */
static GTimeZone *
exercise_get_time_zone (ParaatExercise *self)
{
  GTimeZone *tz = paraat_time_zone_new (self->tzid);

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static GDateTime *
exercise_get_local (ParaatExercise *self,
                    gint64          utc)
{
  g_autoptr(GTimeZone) tz = exercise_get_time_zone (self);
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (utc);

  if (dt == NULL)
    dt = g_date_time_new_from_unix_utc (0);

  return g_date_time_to_timezone (dt, tz);
}

/**
 * paraat_exercise_get_start:
 *
 * Returns: (transfer full): a new #GDateTime in the exercise's time zone;
 *   the caller frees it with g_date_time_unref()
 */
GDateTime *
paraat_exercise_get_start (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return exercise_get_local (self, self->start_utc);
}

/**
 * paraat_exercise_get_end:
 *
 * For an all-day exercise, midnight after its last day.
 *
 * Returns: (transfer full): a new #GDateTime in the exercise's time zone;
 *   the caller frees it with g_date_time_unref()
 */
GDateTime *
paraat_exercise_get_end (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return exercise_get_local (self, self->end_utc);
}

/**
 * paraat_exercise_set_times:
 * @start: the start, in any time zone
 * @end: the end, in any time zone
 * @all_day: whether the exercise takes whole days
 *
 * For an all-day exercise @start and @end are midnights in the
 * exercise's time zone, @end the one after the last day.
 */
void
paraat_exercise_set_times (ParaatExercise *self,
                           GDateTime      *start,
                           GDateTime      *end,
                           gboolean        all_day)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  self->start_utc = g_date_time_to_unix (start);
  self->end_utc = g_date_time_to_unix (end);
  self->all_day = !!all_day;
}

gboolean
paraat_exercise_get_all_day (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  return self->all_day;
}

const char *
paraat_exercise_get_tzid (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->tzid;
}

/**
 * paraat_exercise_set_tzid:
 * @tzid: an IANA time zone name, such as "Europe/Amsterdam"
 *
 * Returns: %FALSE, changing nothing, when this system doesn't know @tzid
 */
gboolean
paraat_exercise_set_tzid (ParaatExercise *self,
                          const char     *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  if (tzid == NULL || *tzid == '\0')
    return FALSE;
  tz = paraat_time_zone_new (tzid);
  if (tz == NULL)
    return FALSE;
  paraat_exercise_set_shared (&self->tzid, tzid);

  return TRUE;
}

gint64
paraat_exercise_get_start_utc (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), 0);

  return self->start_utc;
}

gint64
paraat_exercise_get_end_utc (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), 0);

  return self->end_utc;
}

const char *
paraat_exercise_get_location (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->location;
}

void
paraat_exercise_set_location (ParaatExercise *self,
                              const char     *location)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_exercise_set_shared (&self->location, location);
}

/**
 * paraat_exercise_get_geo:
 * @lat: (out) (optional): the latitude, 0 without a position
 * @lon: (out) (optional): the longitude, 0 without a position
 *
 * Returns: whether the exercise has a position
 */
gboolean
paraat_exercise_get_geo (ParaatExercise *self,
                         double         *lat,
                         double         *lon)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  if (lat != NULL)
    *lat = self->has_geo ? self->latitude : 0.0;
  if (lon != NULL)
    *lon = self->has_geo ? self->longitude : 0.0;

  return self->has_geo;
}

void
paraat_exercise_set_geo (ParaatExercise *self,
                         gboolean        has_geo,
                         double          lat,
                         double          lon)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  self->has_geo = !!has_geo;
  self->latitude = has_geo ? lat : 0.0;
  self->longitude = has_geo ? lon : 0.0;
}

const char *
paraat_exercise_get_scenario_code (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->scenario_code;
}

void
paraat_exercise_set_scenario_code (ParaatExercise *self,
                                   const char     *code)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_exercise_set_shared (&self->scenario_code, code);
}

ParaatDefence
paraat_exercise_get_defence (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), PARAAT_DEFENCE_NONE);

  return self->defence;
}

void
paraat_exercise_set_defence (ParaatExercise *self,
                             ParaatDefence   defence)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));
  g_return_if_fail (defence < PARAAT_N_DEFENCE);

  self->defence = defence;
}

const char *
paraat_exercise_get_defence_units (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->defence_units;
}

void
paraat_exercise_set_defence_units (ParaatExercise *self,
                                   const char     *units)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_exercise_set_shared (&self->defence_units, units);
}

gboolean
paraat_exercise_get_ovr_observer (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  return self->ovr_observer;
}

void
paraat_exercise_set_ovr_observer (ParaatExercise *self,
                                  gboolean        observer)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  self->ovr_observer = !!observer;
}

guint
paraat_exercise_get_reservists (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), 0);

  return self->reservists;
}

void
paraat_exercise_set_reservists (ParaatExercise *self,
                                guint           n)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  self->reservists = n;
}

ParaatExerciseStatus
paraat_exercise_get_status (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), PARAAT_EXERCISE_STATUS_DRAFT);

  return self->status;
}

void
paraat_exercise_set_status (ParaatExercise       *self,
                            ParaatExerciseStatus  status)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));
  g_return_if_fail (status < PARAAT_N_EXERCISE_STATUSES);

  self->status = status;
}

const char *
paraat_exercise_get_rrule (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->rrule;
}

void
paraat_exercise_set_rrule (ParaatExercise *self,
                           const char     *rrule)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  paraat_exercise_set_shared (&self->rrule, rrule);
}

gboolean
paraat_exercise_is_occurrence (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  return self->occurrence;
}

/**
 * paraat_exercise_set_calendar:
 * @calendar_id: the calendar source's id, 0 for an exercise of one's own
 * @calendar: (nullable): the source's name; %NULL for an exercise of one's own
 * @organisation: (nullable): who publishes the calendar
 * @colour: (nullable): the source's colour as the user gave it
 * @removed: the event is gone from the calendar's last import
 *
 * Marks the object as an event of an imported calendar, shown in the
 * calendar views beside the exercises but never saved as one.
 */
void
paraat_exercise_set_calendar (ParaatExercise *self,
                              gint64          calendar_id,
                              const char     *calendar,
                              const char     *organisation,
                              const char     *colour,
                              gboolean        removed)
{
  g_return_if_fail (PARAAT_IS_EXERCISE (self));

  self->calendar_id = calendar != NULL ? calendar_id : 0;
  paraat_set_nullable_string (&self->calendar, calendar);
  paraat_set_nullable_string (&self->calendar_organisation, calendar != NULL ? organisation : NULL);
  paraat_set_nullable_string (&self->calendar_colour, calendar != NULL ? colour : NULL);
  self->removed = calendar != NULL && removed;
}

/* TRUE for an event of an imported calendar: read-only here */
gboolean
paraat_exercise_is_imported (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  return self->calendar != NULL;
}

gint64
paraat_exercise_get_calendar_id (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), 0);

  return self->calendar_id;
}

const char *
paraat_exercise_get_calendar (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->calendar;
}

const char *
paraat_exercise_get_calendar_organisation (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->calendar_organisation;
}

const char *
paraat_exercise_get_calendar_colour (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->calendar_colour;
}

gboolean
paraat_exercise_is_removed (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  return self->removed;
}

/**
 * paraat_exercise_get_kind_key:
 *
 * What the exercise is, for counting and colouring by kind: its type
 * code, or "@" and the calendar's name for an event of an imported
 * calendar (which has no exercise type).
 *
 * Returns: an interned string
 */
const char *
paraat_exercise_get_kind_key (ParaatExercise *self)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  if (self->calendar == NULL)
    return g_intern_string (self->type_code);
  key = g_strconcat ("@", self->calendar, NULL);

  return g_intern_string (key);
}

const char *
paraat_exercise_get_modified (ParaatExercise *self)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  return self->modified;
}

/**
 * paraat_exercise_involves_region:
 *
 * Returns: whether @code organises the exercise or takes part in it
 */
gboolean
paraat_exercise_involves_region (ParaatExercise *self,
                                 const char     *code)
{
  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), FALSE);

  if (code == NULL || *code == '\0')
    return FALSE;

  return g_str_equal (self->region_code, code)
         || g_strv_contains ((const char * const *) self->regions, code);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  int ya, ma, da, yb, mb, db;

  g_date_time_get_ymd (a, &ya, &ma, &da);
  g_date_time_get_ymd (b, &yb, &mb, &db);

  return ya == yb && ma == mb && da == db;
}

/**
 * paraat_exercise_format_when:
 *
 * When the exercise takes place, in the exercise's time zone and the
 * locale's words, for example “3 Jun 2024, 09:00–17:00”.
 *
 * Returns: (transfer full): a new string
 */
char *
paraat_exercise_format_when (ParaatExercise *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (PARAAT_IS_EXERCISE (self), NULL);

  start = paraat_exercise_get_start (self);
  end = paraat_exercise_get_end (self);

  return paraat_format_when (start, end, self->all_day);
}

/**
 * paraat_format_when:
 * @start: the start, in the zone to show
 * @end: the end; for an all-day span, midnight after the last day
 *
 * paraat_exercise_format_when() for any span, such as an event from
 * another calendar.
 *
 * Returns: (transfer full): a new string
 */
char *
paraat_format_when (GDateTime *start,
                    GDateTime *end,
                    gboolean   all_day)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  if (all_day)
    {
      /* The end is midnight after the last day. */
      g_autoptr(GDateTime) last = g_date_time_add_days (end, -1);

      if (last == NULL || g_date_time_compare (last, start) <= 0 || same_day (start, last))
        {
          /* Translators: a g_date_time_format() format for the day of a one-day
           * exercise, as in “3 Jun 2024”; see the GLib documentation. */
          return paraat_format_date_time (start, _("%-d %b %Y"));
        }

      if (g_date_time_get_year (start) == g_date_time_get_year (last))
        {
          /* Translators: a g_date_time_format() format for the first day of an
           * exercise of several days within one year, the “3 Jun” in
           * “3 Jun – 5 Jun 2024”; see the GLib documentation. */
          from = paraat_format_date_time (start, _("%-d %b"));
        }
      else
        {
          /* Translators: a g_date_time_format() format for the first day of an
           * exercise of several days that crosses a year end, the “30 Dec 2024”
           * in “30 Dec 2024 – 2 Jan 2025”; see the GLib documentation. */
          from = paraat_format_date_time (start, _("%-d %b %Y"));
        }
      /* Translators: a g_date_time_format() format for the last day of an
       * exercise of several days, as in “5 Jun 2024”; see the GLib documentation. */
      to = paraat_format_date_time (last, _("%-d %b %Y"));

      /* Translators: the first and last day of an exercise, as in
       * “3 Jun – 5 Jun 2024” */
      return g_strdup_printf (_("%s – %s"), from, to);
    }

  if (same_day (start, end))
    {
      /* Translators: a g_date_time_format() format for the start of an
       * exercise that ends the same day, the “3 Jun 2024, 09:00” in
       * “3 Jun 2024, 09:00–17:00”; see the GLib documentation. */
      from = paraat_format_date_time (start, _("%-d %b %Y, %H:%M"));
      /* Translators: a g_date_time_format() format for the end time of an
       * exercise that ends the day it starts, the “17:00” in
       * “3 Jun 2024, 09:00–17:00”; see the GLib documentation. */
      to = paraat_format_date_time (end, _("%H:%M"));

      /* Translators: start and end of an exercise within one day, as in
       * “3 Jun 2024, 09:00–17:00” */
      return g_strdup_printf (_("%s–%s"), from, to);
    }

  /* Translators: a g_date_time_format() format for the start and the end of
   * an exercise that runs over several days, as in “3 Jun 2024 09:00”;
   * see the GLib documentation. */
  from = paraat_format_date_time (start, _("%-d %b %Y %H:%M"));
  to = paraat_format_date_time (end, _("%-d %b %Y %H:%M"));

  /* Translators: start and end of an exercise over several days, as in
   * “3 Jun 2024 09:00 – 5 Jun 2024 17:00” */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/**
 * paraat_exercise_duplicate:
 *
 * A new draft with the same contents: no id, no UID (the store makes
 * one), sequence 0.
 */
ParaatExercise *
paraat_exercise_duplicate (ParaatExercise *self)
{
  ParaatExercise *copy = paraat_exercise_copy (self);

  copy->id = 0;
  g_free (copy->uid);
  copy->uid = g_strdup ("");
  copy->sequence = 0;
  copy->occurrence = FALSE;
  copy->status = PARAAT_EXERCISE_STATUS_DRAFT;
  /* A copy of an imported event becomes an exercise of one's own */
  paraat_exercise_set_calendar (copy, 0, NULL, NULL, NULL, FALSE);

  return copy;
}
