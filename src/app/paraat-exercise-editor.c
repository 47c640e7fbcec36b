/* paraat-exercise-editor.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Create, edit or duplicate an exercise. The core checks every field; its
 * message is shown at the top and Save stays off until it is right.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-evaluation-dialog.h"
#include "paraat-exercise-editor.h"
#include "paraat-utils.h"
#include "paraat-window.h"

/* One set of further participants (regions or disciplines): the checked
 * codes and the row that summarises them. */
typedef struct
{
  ParaatExerciseEditor *editor;
  ParaatKind            kind;
  GHashTable           *codes;    /* code → itself */
  AdwExpanderRow       *row;
  GtkFlowBox           *flow_box;
  GtkFilter            *filter;   /* hides the organising region; borrowed */
} Participants;

struct _ParaatExerciseEditor
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *group;
  AdwPreferencesPage  *page;

  /* Owned */
  Participants         regions;
  Participants         disciplines;

  /* Owned */
  ParaatStore         *store;
  ParaatExercise      *exercise;   /* the working copy */
  GHashTable          *entries;    /* field name → AdwEntryRow */
  GtkStringList       *status_labels;
  GtkStringList       *defence_labels;
  char                *error;
  char                *last_start_date;     /* the last valid start, which the end follows */
  int                  last_start_minutes;  /* -1 while all-day */

  /* Borrowed */
  AdwComboRow         *type_row;
  AdwComboRow         *region_row;
  AdwComboRow         *status_row;
  AdwComboRow         *defence_row;
  GtkSwitch           *observer_switch;

  gboolean             dirty;
  gboolean             stored;              /* editing a stored exercise, not a new one or a copy */
  ParaatExerciseStatus stored_status;
};

G_DEFINE_FINAL_TYPE (ParaatExerciseEditor, paraat_exercise_editor, ADW_TYPE_WINDOW)

static const struct {
  const char *name;
  const char *label;
  const char *hint;
} text_fields[] = {
  { "title", N_("Title (required)"), NULL },
  { "start-date", N_("First day (required)"), N_("YYYY-MM-DD") },
  { "start-time", N_("Start time"), N_("HH:MM; empty for an all-day exercise") },
  { "end-date", N_("Last day"), N_("YYYY-MM-DD; empty for the first day") },
  { "end-time", N_("End time"), N_("HH:MM") },
  { "location", N_("Location"), NULL },
  { "units", N_("Defence units asked for"), NULL },
  { "reservists", N_("Reservists"), N_("A whole number") },
  { "reason", N_("Reason for this change"), N_("Required to postpone, cancel or move a planned exercise") },
  { "who", N_("Changed by"), NULL },
  { "description", N_("Description"), NULL },
};

static const char *
get_text (ParaatExerciseEditor *self,
          const char           *field)
{
  GtkEditable *entry = g_hash_table_lookup (self->entries, field);

  return gtk_editable_get_text (entry);
}

const char *
paraat_exercise_editor_get_text (ParaatExerciseEditor *self,
                                 const char           *field)
{
  g_return_val_if_fail (g_hash_table_contains (self->entries, field), NULL);

  return get_text (self, field);
}

void
paraat_exercise_editor_set_text (ParaatExerciseEditor *self,
                                 const char           *field,
                                 const char           *text)
{
  GtkEditable *entry = g_hash_table_lookup (self->entries, field);

  g_return_if_fail (entry != NULL);
  gtk_editable_set_text (entry, text ? text : "");
}

static void
show_error (ParaatExerciseEditor *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
selected_key (AdwComboRow *row)
{
  ParaatRecord *record = adw_combo_row_get_selected_item (row);

  return record ? paraat_record_get_key (record) : NULL;
}

static void on_input_changed_cb (ParaatExerciseEditor *self);

/* Participants */

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The checked codes, sorted, without @skip (the organising region). */
static GStrv
get_participant_codes (Participants *p,
                       const char   *skip)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, p->codes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_strcmp0 (key, skip) != 0)
        g_ptr_array_add (codes, key);
    }
  g_ptr_array_sort (codes, compare_codes);
  g_ptr_array_add (codes, NULL);

  return g_strdupv ((char **) codes->pdata);
}

static const char *
get_organiser (Participants *p)
{
  return p->kind == PARAAT_KIND_REGION && p->editor->region_row != NULL
         ? selected_key (p->editor->region_row) : NULL;
}

static void
update_participants_summary (Participants *p)
{
  GListModel *model = paraat_store_get_records (p->editor->store, p->kind);
  g_auto(GStrv) codes = get_participant_codes (p, get_organiser (p));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  guint n = g_strv_length (codes);

  /* Names in the reference data's order; a code it no longer has as is */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (model, i);

      if (g_strv_contains ((const char * const *) codes, paraat_record_get_key (record)))
        g_ptr_array_add (names, g_strdup (paraat_record_get_title (record)));
    }
  for (guint i = 0; codes[i] != NULL && names->len < n; i++)
    {
      g_autoptr(ParaatRecord) record = paraat_store_find_record (p->editor->store, p->kind, codes[i]);

      if (record == NULL)
        g_ptr_array_add (names, g_strdup (codes[i]));
    }

  if (names->len == 0)
    subtitle = g_strdup (C_("participants", "None"));
  else if (names->len <= 3)
    {
      g_ptr_array_add (names, NULL);
      subtitle = g_strjoinv (", ", (char **) names->pdata);
    }
  else
    /* Translators: the first two of more than three participating regions or
     * disciplines, and how many more there are */
    subtitle = g_strdup_printf (ngettext ("%1$s, %2$s and %3$u more", "%1$s, %2$s and %3$u more", names->len - 2),
                                (char *) names->pdata[0], (char *) names->pdata[1], names->len - 2);
  adw_expander_row_set_subtitle (p->row, subtitle);
}

static void
on_participant_toggled_cb (GtkCheckButton *check,
                           Participants   *p)
{
  const char *code = g_object_get_data (G_OBJECT (check), "paraat-code");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (p->codes, g_strdup (code));
  else
    g_hash_table_remove (p->codes, code);
  update_participants_summary (p);
  on_input_changed_cb (p->editor);
}

static GtkWidget *
create_participant_cb (gpointer item,
                       gpointer user_data)
{
  Participants *p = user_data;
  ParaatRecord *record = item;
  const char *code = paraat_record_get_key (record);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (paraat_record_get_title (record));

  /* Long names wrap, so two columns always fit beside each other. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (p->codes, code));
  gtk_widget_set_tooltip_text (check, code);
  g_object_set_data_full (G_OBJECT (check), "paraat-code", g_strdup (code), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_participant_toggled_cb), p);

  return check;
}

static gboolean
filter_participant (gpointer item,
                    gpointer user_data)
{
  Participants *p = user_data;

  return g_strcmp0 (paraat_record_get_key (item), get_organiser (p)) != 0;
}

static void
on_organiser_changed_cb (ParaatExerciseEditor *self)
{
  gtk_filter_changed (self->regions.filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_participants_summary (&self->regions);
}

/* An expander row whose subtitle sums up the checked participants; open,
 * it shows a check button for each region or discipline. */
static void
add_participants (ParaatExerciseEditor *self,
                  Participants         *p,
                  ParaatKind            kind,
                  const char           *title,
                  const char * const   *codes)
{
  GListModel *records = paraat_store_get_records (self->store, kind);
  g_autoptr(GListModel) model = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *child = gtk_list_box_row_new ();
  GtkWidget *flow_box = gtk_flow_box_new ();

  p->editor = self;
  p->kind = kind;
  p->row = ADW_EXPANDER_ROW (row);
  p->flow_box = GTK_FLOW_BOX (flow_box);
  for (guint i = 0; codes[i] != NULL; i++)
    g_hash_table_add (p->codes, g_strdup (codes[i]));

  if (kind == PARAAT_KIND_REGION)
    {
      p->filter = GTK_FILTER (gtk_custom_filter_new (filter_participant, p, NULL));
      model = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (records), p->filter));
    }
  else
    model = g_object_ref (records);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow_box), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow_box), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow_box), 6);
  g_object_set (flow_box, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, "margin-end", 6, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (flow_box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_flow_box_bind_model (GTK_FLOW_BOX (flow_box), model, create_participant_cb, p, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (child), flow_box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
  adw_preferences_group_add (self->group, row);
  update_participants_summary (p);
}

/**
 * paraat_exercise_editor_set_participant:
 * @kind: %PARAAT_KIND_REGION or %PARAAT_KIND_DISCIPLINE
 *
 * Checks or unchecks the participant's check button, as a click would.
 *
 * Returns: whether the form offers @code
 */
gboolean
paraat_exercise_editor_set_participant (ParaatExerciseEditor *self,
                                        ParaatKind            kind,
                                        const char           *code,
                                        gboolean              active)
{
  Participants *p = kind == PARAAT_KIND_REGION ? &self->regions : &self->disciplines;
  GtkFlowBoxChild *child;

  g_return_val_if_fail (kind == PARAAT_KIND_REGION || kind == PARAAT_KIND_DISCIPLINE, FALSE);

  for (int i = 0; (child = gtk_flow_box_get_child_at_index (p->flow_box, i)) != NULL; i++)
    {
      GtkWidget *check = gtk_flow_box_child_get_child (child);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "paraat-code"), code) == 0)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
          return TRUE;
        }
    }

  return FALSE;
}

const char *
paraat_exercise_editor_get_participants_summary (ParaatExerciseEditor *self,
                                                 ParaatKind            kind)
{
  Participants *p = kind == PARAAT_KIND_REGION ? &self->regions : &self->disciplines;

  return adw_expander_row_get_subtitle (p->row);
}

/* The end follows the start */

/* Minutes after midnight of "HH:MM", or -1 */
static int
parse_minutes (const char *text,
               const char *tzid)
{
  g_autofree char *when = g_strdup_printf ("2000-01-01T%s", text);
  g_autoptr(GDateTime) dt = NULL;
  gboolean is_date;

  if (!paraat_parse_when (when, tzid, &dt, &is_date) || is_date)
    return -1;

  return g_date_time_get_hour (dt) * 60 + g_date_time_get_minute (dt);
}

/* When the first day or the start time moves, the last day and the end
 * time move as much, so the exercise keeps its length. Counted in days and
 * minutes on the wall clock, so a move across a DST change keeps the hours. */
static void
on_start_changed_cb (ParaatExerciseEditor *self)
{
  const char *tzid = paraat_exercise_get_tzid (self->exercise);
  const char *start_date = get_text (self, "start-date");
  const char *start_time = get_text (self, "start-time");
  const char *end_date = get_text (self, "end-date");
  const char *end_time = get_text (self, "end-time");
  int minutes = -1;

  /* While a value is being typed, the end waits for the next valid one. */
  if (!paraat_parse_iso_date (start_date, NULL) ||
      (*start_time != '\0' && (minutes = parse_minutes (start_time, tzid)) < 0))
    return;

  /* An empty last day already means the first day. */
  if (self->last_start_date != NULL && paraat_parse_iso_date (end_date, NULL))
    {
      int days = paraat_iso_days_between (self->last_start_date, start_date);
      int end_minutes = *end_time != '\0' ? parse_minutes (end_time, tzid) : -1;
      g_autofree char *new_end_date = NULL;

      if (minutes >= 0 && self->last_start_minutes >= 0 && end_minutes >= 0 &&
          minutes != self->last_start_minutes)
        {
          int total = end_minutes + minutes - self->last_start_minutes;
          int carry = total >= 0 ? total / (24 * 60) : -((-total + 24 * 60 - 1) / (24 * 60));
          g_autofree char *new_end_time = NULL;

          total -= carry * 24 * 60;
          days += carry;
          new_end_time = g_strdup_printf ("%02d:%02d", total / 60, total % 60);
          paraat_exercise_editor_set_text (self, "end-time", new_end_time);
        }
      if (days != 0 && (new_end_date = paraat_iso_add_days (end_date, days)) != NULL)
        paraat_exercise_editor_set_text (self, "end-date", new_end_date);
    }

  g_free (self->last_start_date);
  self->last_start_date = g_strdup (start_date);
  /* Replacing a time empties the field for a moment (and so does making
   * the exercise all-day): keep the last time to count from. */
  if (minutes >= 0)
    self->last_start_minutes = minutes;
}

/* Reads the form into the working copy; FALSE with @error when a value
 * cannot even be read (a date that is no date). */
static gboolean
read_form (ParaatExerciseEditor  *self,
           GError               **error)
{
  ParaatExercise *ex = self->exercise;
  const char *start_date = get_text (self, "start-date");
  const char *end_date = get_text (self, "end-date");
  const char *start_time = get_text (self, "start-time");
  const char *end_time = get_text (self, "end-time");
  gboolean all_day = *start_time == '\0';
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gboolean is_date;
  guint64 reservists = 0;

  paraat_exercise_set_title (ex, get_text (self, "title"));
  paraat_exercise_set_location (ex, get_text (self, "location"));
  paraat_exercise_set_description (ex, get_text (self, "description"));
  paraat_exercise_set_defence_units (ex, get_text (self, "units"));
  paraat_exercise_set_type_code (ex, selected_key (self->type_row));
  paraat_exercise_set_region_code (ex, selected_key (self->region_row));
  {
    g_auto(GStrv) regions = get_participant_codes (&self->regions, selected_key (self->region_row));
    g_auto(GStrv) disciplines = get_participant_codes (&self->disciplines, NULL);

    paraat_exercise_set_regions (ex, (const char * const *) regions);
    paraat_exercise_set_disciplines (ex, (const char * const *) disciplines);
  }
  paraat_exercise_set_status (ex, adw_combo_row_get_selected (self->status_row));
  paraat_exercise_set_defence (ex, adw_combo_row_get_selected (self->defence_row));
  paraat_exercise_set_ovr_observer (ex, gtk_switch_get_active (self->observer_switch));
  if (*get_text (self, "reservists") != '\0' &&
      !g_ascii_string_to_unsigned (get_text (self, "reservists"), 10, 0, 100000, &reservists, NULL))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: “%s” is not a whole number."), _("Reservists"), get_text (self, "reservists"));
      return FALSE;
    }
  paraat_exercise_set_reservists (ex, reservists);

  if (*end_date == '\0')
    end_date = start_date;
  start_text = all_day ? g_strdup (start_date) : g_strdup_printf ("%sT%s", start_date, start_time);
  end_text = all_day ? g_strdup (end_date) : g_strdup_printf ("%sT%s", end_date, *end_time ? end_time : start_time);
  if (!paraat_parse_when (start_text, paraat_exercise_get_tzid (ex), &start, &is_date))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: “%s” is not a date and time (expected YYYY-MM-DD and HH:MM)."), _("Start"), start_text);
      return FALSE;
    }
  if (!paraat_parse_when (end_text, paraat_exercise_get_tzid (ex), &end, &is_date))
    {
      g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s”: “%s” is not a date and time (expected YYYY-MM-DD and HH:MM)."), _("End"), end_text);
      return FALSE;
    }
  if (all_day)
    {
      /* The last day is included: the store keeps the midnight after it. */
      GDateTime *after = g_date_time_add_days (end, 1);

      g_date_time_unref (end);
      end = after;
    }
  paraat_exercise_set_times (ex, start, end, all_day);

  return TRUE;
}

static void
on_input_changed_cb (ParaatExerciseEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->dirty = TRUE;
  ok = read_form (self, &error);
  if (ok && *paraat_exercise_get_title (self->exercise) == '\0')
    {
      g_set_error (&error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID, _("“%s” is required."), _("Title"));
      ok = FALSE;
    }
  if (ok && paraat_exercise_get_end_utc (self->exercise) <= paraat_exercise_get_start_utc (self->exercise))
    {
      g_set_error (&error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                   _("“%s” must be after “%s”."), _("End"), _("Start"));
      ok = FALSE;
    }
  show_error (self, ok ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise-editor.save", ok);
}

gboolean
paraat_exercise_editor_save (ParaatExerciseEditor *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!read_form (self, &error) ||
      !paraat_store_save_exercise (self->store, self->exercise, get_text (self, "who"), get_text (self, "reason"),
                                   &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (PARAAT_IS_WINDOW (parent))
    paraat_window_add_toast (PARAAT_WINDOW (parent),
                             /* Translators: %s is an exercise's title */
                             adw_toast_new_format (_("Saved “%s”"), paraat_exercise_get_title (self->exercise)));
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  paraat_exercise_editor_save (PARAAT_EXERCISE_EDITOR (widget));
}

const char *
paraat_exercise_editor_get_error (ParaatExerciseEditor *self)
{
  return self->error;
}

static AdwComboRow *
add_record_combo (ParaatExerciseEditor *self,
                  const char           *title,
                  ParaatKind            kind,
                  const char           *key)
{
  GtkWidget *row = adw_combo_row_new ();
  GListModel *model = paraat_store_get_records (self->store, kind);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (PARAAT_TYPE_RECORD, NULL, "title");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row), expression);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (paraat_record_get_key (record), key) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
    }
  adw_preferences_group_add (self->group, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_input_changed_cb), self, G_CONNECT_SWAPPED);

  return ADW_COMBO_ROW (row);
}

static AdwComboRow *
add_label_combo (ParaatExerciseEditor *self,
                 const char           *title,
                 GtkStringList        *labels,
                 guint                 selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (self->group, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_input_changed_cb), self, G_CONNECT_SWAPPED);

  return ADW_COMBO_ROW (row);
}

static void
add_entry (ParaatExerciseEditor *self,
           guint                 i,
           const char           *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(text_fields[i].label));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (text_fields[i].hint != NULL)
    {
      gtk_widget_set_tooltip_text (row, _(text_fields[i].hint));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _(text_fields[i].hint), -1);
    }
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  adw_preferences_group_add (self->group, row);
  g_hash_table_insert (self->entries, (gpointer) text_fields[i].name, row);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_input_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
build_form (ParaatExerciseEditor *self,
            gboolean              is_new)
{
  ParaatExercise *ex = self->exercise;
  g_autoptr(GDateTime) start = paraat_exercise_get_start (ex);
  g_autoptr(GDateTime) end = paraat_exercise_get_end (ex);
  g_autoptr(GDateTime) last = paraat_exercise_get_all_day (ex) ? g_date_time_add_days (end, -1)
                                                                : g_date_time_ref (end);
  gboolean all_day = paraat_exercise_get_all_day (ex);
  g_autofree char *start_date = g_date_time_format (start, "%Y-%m-%d");
  /* A new exercise's last day follows its first until one is typed. */
  g_autofree char *end_date = is_new ? g_strdup ("") : g_date_time_format (last, "%Y-%m-%d");
  g_autofree char *start_time = all_day ? g_strdup ("") : g_date_time_format (start, "%H:%M");
  g_autofree char *end_time = all_day ? g_strdup ("") : g_date_time_format (end, "%H:%M");
  g_autofree char *reservists = g_strdup_printf ("%u", paraat_exercise_get_reservists (ex));
  const char *values[G_N_ELEMENTS (text_fields)] = {
    paraat_exercise_get_title (ex), start_date, start_time, end_date, end_time, paraat_exercise_get_location (ex),
    paraat_exercise_get_defence_units (ex), reservists, "", "", paraat_exercise_get_description (ex),
  };
  GtkWidget *observer_row;
  g_autoptr(GStrvBuilder) hints = g_strv_builder_new ();
  g_auto(GStrv) hint_lines = NULL;
  g_autofree char *hint_text = NULL;

  for (guint i = 0; i < PARAAT_N_EXERCISE_STATUSES; i++)
    gtk_string_list_append (self->status_labels, paraat_exercise_status_get_label (i));
  for (guint i = 0; i < PARAAT_N_DEFENCE; i++)
    gtk_string_list_append (self->defence_labels, paraat_defence_get_label (i));

  add_entry (self, 0, values[0]);
  self->type_row = add_record_combo (self, _("Type"), PARAAT_KIND_EXERCISE_TYPE, paraat_exercise_get_type_code (ex));
  self->region_row = add_record_combo (self, _("Organising region"), PARAAT_KIND_REGION,
                                       paraat_exercise_get_region_code (ex));
  add_participants (self, &self->regions, PARAAT_KIND_REGION, _("Further participating regions"),
                    paraat_exercise_get_regions (ex));
  add_participants (self, &self->disciplines, PARAAT_KIND_DISCIPLINE, _("Participating disciplines"),
                    paraat_exercise_get_disciplines (ex));
  g_signal_connect_object (self->region_row, "notify::selected", G_CALLBACK (on_organiser_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 1; i <= 5; i++)
    add_entry (self, i, values[i]);
  self->last_start_date = g_strdup (start_date);
  self->last_start_minutes = all_day ? -1 : g_date_time_get_hour (start) * 60 + g_date_time_get_minute (start);
  g_signal_connect_object (g_hash_table_lookup (self->entries, "start-date"), "changed",
                           G_CALLBACK (on_start_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (g_hash_table_lookup (self->entries, "start-time"), "changed",
                           G_CALLBACK (on_start_changed_cb), self, G_CONNECT_SWAPPED);
  self->status_row = add_label_combo (self, _("Status"), self->status_labels, paraat_exercise_get_status (ex));
  self->defence_row = add_label_combo (self, _("Defence participation"), self->defence_labels,
                                       paraat_exercise_get_defence (ex));
  add_entry (self, 6, values[6]);
  observer_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (observer_row), _("RMOA present as observer"));
  self->observer_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->observer_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (self->observer_switch, paraat_exercise_get_ovr_observer (ex));
  adw_action_row_add_suffix (ADW_ACTION_ROW (observer_row), GTK_WIDGET (self->observer_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (observer_row), GTK_WIDGET (self->observer_switch));
  adw_preferences_group_add (self->group, observer_row);
  g_signal_connect_object (self->observer_switch, "notify::active", G_CALLBACK (on_input_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 7; i < G_N_ELEMENTS (text_fields); i++)
    add_entry (self, i, values[i]);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *line = NULL;

      if (text_fields[i].hint == NULL)
        continue;
      /* Translators: a field name and what it expects, one per line under the form */
      line = g_strdup_printf (_("%s: %s"), _(text_fields[i].label), _(text_fields[i].hint));
      g_strv_builder_add (hints, line);
    }
  hint_lines = g_strv_builder_end (hints);
  hint_text = g_strjoinv ("\n", hint_lines);
  adw_preferences_group_set_description (self->group, hint_text);
}

/* Evaluation */

static void
evaluate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParaatExerciseEditor *self = PARAAT_EXERCISE_EDITOR (widget);

  paraat_evaluation_dialog_present (widget, self->store, paraat_exercise_get_uid (self->exercise));
}

/* A row that opens the evaluation, and says why it can't yet. */
static void
build_evaluation (ParaatExerciseEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Evaluate…"));
  gboolean enabled = self->stored && paraat_evaluation_dialog_can_evaluate (self->stored_status);
  const char *subtitle;

  if (!self->stored)
    subtitle = _("Possible once the exercise has been saved and held.");
  else if (!enabled)
    subtitle = _("Possible once the exercise has been held: set its status to Held and save it.");
  else if (self->stored_status == PARAAT_EXERCISE_STATUS_EVALUATED)
    subtitle = _("The reports, lessons learned and action items of this exercise.");
  else
    subtitle = _("Record the reports, the lessons learned and the action items.");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Evaluation"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "exercise-editor.evaluate");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise-editor.evaluate", enabled);
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  ParaatHistoryEntry *entry = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *what = paraat_history_entry_describe (entry);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (paraat_history_entry_get_changed_at (entry), NULL);
  g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%-d %b %Y %H:%M") : g_strdup ("");
  const char *who = paraat_history_entry_get_who (entry);
  const char *reason = paraat_history_entry_get_reason (entry);
  g_autofree char *subtitle = NULL;

  /* Translators: when, who and why a change was made */
  subtitle = g_strdup_printf (_("%1$s · %2$s · %3$s"), when, *who ? who : _("unknown"),
                              *reason ? reason : _("no reason given"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), what);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* What moved and why, newest first, under the form */
static void
build_history (ParaatExerciseEditor *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GListStore) model = g_list_store_new (PARAAT_TYPE_HISTORY_ENTRY);
  GtkWidget *group, *list;

  if (*paraat_exercise_get_uid (self->exercise) == '\0' ||
      !(entries = paraat_store_get_history (self->store, paraat_exercise_get_uid (self->exercise), NULL)))
    return;
  for (guint i = entries->len; i > 0; i--)
    g_list_store_append (model, entries->pdata[i - 1]);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("History"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (model), create_history_row, NULL, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static void
paraat_exercise_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PARAAT_TYPE_EXERCISE_EDITOR);

  G_OBJECT_CLASS (paraat_exercise_editor_parent_class)->dispose (object);
}

static void
paraat_exercise_editor_finalize (GObject *object)
{
  ParaatExerciseEditor *self = PARAAT_EXERCISE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->exercise);
  g_clear_object (&self->status_labels);
  g_clear_object (&self->defence_labels);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->last_start_date, g_free);
  g_clear_pointer (&self->regions.codes, g_hash_table_unref);
  g_clear_pointer (&self->disciplines.codes, g_hash_table_unref);

  G_OBJECT_CLASS (paraat_exercise_editor_parent_class)->finalize (object);
}

static void
paraat_exercise_editor_class_init (ParaatExerciseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_exercise_editor_dispose;
  object_class->finalize = paraat_exercise_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-exercise-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatExerciseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatExerciseEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatExerciseEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatExerciseEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatExerciseEditor, group);
  gtk_widget_class_bind_template_child (widget_class, ParaatExerciseEditor, page);

  gtk_widget_class_install_action (widget_class, "exercise-editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "exercise-editor.evaluate", NULL, evaluate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "exercise-editor.save", NULL);
}

static void
paraat_exercise_editor_init (ParaatExerciseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->status_labels = gtk_string_list_new (NULL);
  self->defence_labels = gtk_string_list_new (NULL);
  self->regions.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->disciplines.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
}

/**
 * paraat_exercise_editor_new:
 * @exercise: (nullable): the exercise to edit, %NULL for a new one
 * @duplicate: save @exercise as a new draft instead of changing it
 */
ParaatExerciseEditor *
paraat_exercise_editor_new (ParaatStore    *store,
                            ParaatExercise *exercise,
                            gboolean        duplicate)
{
  ParaatExerciseEditor *self = g_object_new (PARAAT_TYPE_EXERCISE_EDITOR, NULL);

  self->store = g_object_ref (store);
  if (exercise != NULL)
    self->exercise = duplicate ? paraat_exercise_duplicate (exercise) : paraat_exercise_copy (exercise);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                          g_date_time_get_day_of_month (now), 0, 0, 0);
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (start, 1);

      self->exercise = paraat_exercise_new ();
      paraat_exercise_set_times (self->exercise, start, tomorrow, TRUE);
    }

  adw_window_title_set_title (self->window_title, _("Exercise"));
  adw_window_title_set_subtitle (self->window_title,
                                 exercise == NULL ? C_("editor subtitle", "New")
                                 : duplicate ? C_("editor subtitle", "Copy")
                                 : paraat_exercise_get_title (exercise));
  gtk_window_set_title (GTK_WINDOW (self), _("Exercise"));
  self->stored = exercise != NULL && !duplicate && *paraat_exercise_get_uid (exercise) != '\0';
  self->stored_status = exercise != NULL ? paraat_exercise_get_status (exercise) : PARAAT_EXERCISE_STATUS_DRAFT;
  build_form (self, exercise == NULL);
  build_evaluation (self);
  if (!duplicate)
    build_history (self);
  self->dirty = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "exercise-editor.save", exercise != NULL);

  return self;
}
