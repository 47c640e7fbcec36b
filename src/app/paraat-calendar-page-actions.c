/* paraat-calendar-page-actions.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the calendar page does to exercises: plan a new one, open, edit
 * and duplicate one, delete it with Undo, shift the selected ones by a
 * number of days, copy a year's plan into the next, and export the
 * period on show.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-calendar-page-private.h"
#include "paraat-exchange.h"
#include "paraat-exercise-editor.h"

/* Editing */

static ParaatExercise *
get_first_selected (ParaatCalendarPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_is_empty (selected))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
}

GtkWindow *
paraat_calendar_page_present_editor (ParaatCalendarPage *self,
                                     ParaatExercise     *exercise,
                                     gboolean            duplicate)
{
  g_autoptr(ParaatExercise) series = NULL;
  ParaatExerciseEditor *editor;

  /* An imported calendar's event is not ours to edit; duplicating it
   * plans an exercise of our own from it. */
  if (exercise != NULL && paraat_exercise_is_imported (exercise) && !duplicate)
    return paraat_calendar_page_present_event (self, exercise);
  /* An occurrence stands for its series: edit the stored exercise. */
  if (exercise != NULL && paraat_exercise_is_occurrence (exercise))
    series = paraat_store_get_exercise (self->store, paraat_exercise_get_uid (exercise), NULL);
  editor = paraat_exercise_editor_new (self->store, series ? series : exercise, duplicate);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (paraat_calendar_page_get_window (self)));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

GtkWindow *
paraat_calendar_page_edit_selected (ParaatCalendarPage *self,
                                    gboolean            duplicate)
{
  g_autoptr(ParaatExercise) ex = get_first_selected (self);

  return ex ? paraat_calendar_page_present_editor (self, ex, duplicate) : NULL;
}

GtkWindow *
paraat_calendar_page_open_exercise (ParaatCalendarPage *self,
                                    const char         *uid)
{
  g_autoptr(ParaatExercise) ex = NULL;
  g_autoptr(GError) error = NULL;

  ex = paraat_store_get_exercise (self->store, uid, &error);
  if (ex == NULL)
    {
      paraat_window_add_toast_for (GTK_WIDGET (self),
                                   adw_toast_new_format (_("Could not open the exercise: %s"), error->message));
      return NULL;
    }

  return paraat_calendar_page_present_editor (self, ex, FALSE);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  paraat_calendar_page_present_editor (PARAAT_CALENDAR_PAGE (widget), NULL, FALSE);
}

static void
new_on_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);
  ParaatExerciseEditor *editor = PARAAT_EXERCISE_EDITOR (paraat_calendar_page_present_editor (self, NULL, FALSE));
  const char *day = g_variant_get_string (parameter, NULL);

  paraat_exercise_editor_set_text (editor, "start-date", day);
  paraat_exercise_editor_set_text (editor, "end-date", day);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  paraat_calendar_page_open_exercise (PARAAT_CALENDAR_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  paraat_calendar_page_edit_selected (PARAAT_CALENDAR_PAGE (widget), FALSE);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  paraat_calendar_page_edit_selected (PARAAT_CALENDAR_PAGE (widget), TRUE);
}

static void
on_undo_clicked_cb (AdwToast           *toast,
                    ParaatCalendarPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->deleted_uid != NULL && !paraat_store_undelete_exercise (self->store, self->deleted_uid, &error))
    paraat_window_add_toast_for (GTK_WIDGET (self), adw_toast_new_format (_("Could not undo: %s"), error->message));
  g_clear_pointer (&self->deleted_uid, g_free);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);
  g_autoptr(ParaatExercise) ex = get_first_selected (self);
  g_autofree char *uid = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (ex == NULL)
    return;
  if (paraat_exercise_is_imported (ex))
    {
      /* Translators: the first %s is an event's title, the second an imported calendar's name */
      paraat_window_add_toast_for (GTK_WIDGET (self),
                                   adw_toast_new_format (_("“%s” belongs to the imported calendar “%s”: hide that "
                                                           "calendar under Filters instead"),
                                                         paraat_exercise_get_title (ex),
                                                         paraat_exercise_get_calendar (ex)));
      return;
    }
  uid = g_strdup (paraat_exercise_get_uid (ex));
  title = g_strdup (paraat_exercise_get_title (ex));
  if (!paraat_store_delete_exercise (self->store, uid, &error))
    {
      paraat_window_add_toast_for (GTK_WIDGET (self), adw_toast_new_format (_("Could not delete: %s"), error->message));
      return;
    }

  g_free (self->deleted_uid);
  self->deleted_uid = g_steal_pointer (&uid);
  /* Translators: %s is an exercise's title */
  toast = adw_toast_new_format (_("Deleted “%s”"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  paraat_window_add_toast_for (GTK_WIDGET (self), toast);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_undo_clicked_cb (NULL, PARAAT_CALENDAR_PAGE (widget));
}

/* Bulk actions */

typedef struct
{
  ParaatCalendarPage *page;
  GStrv               uids;
  GtkSpinButton      *days;
  GtkEntry           *reason;
  GtkEntry           *who;
} ShiftData;

static void
shift_data_free (ShiftData *data)
{
  g_object_unref (data->page);
  g_strfreev (data->uids);
  g_free (data);
}

static void
on_shift_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ShiftData        *data)
{
  ParaatCalendarPage *self = data->page;
  int days = gtk_spin_button_get_value_as_int (data->days);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "shift") || days == 0 || *gtk_editable_get_text (GTK_EDITABLE (data->reason)) == '\0')
    return;
  if (!paraat_store_shift_exercises (self->store, (const char * const *) data->uids, days,
                                     gtk_editable_get_text (GTK_EDITABLE (data->who)),
                                     gtk_editable_get_text (GTK_EDITABLE (data->reason)), &error))
    {
      paraat_window_add_toast_for (GTK_WIDGET (self),
                                   adw_toast_new_format (_("Could not shift the exercises: %s"), error->message));
      return;
    }
  /* Translators: %u is a number of exercises, %d a number of days */
  paraat_window_add_toast_for (GTK_WIDGET (self),
                               adw_toast_new_format (g_dngettext (NULL, "Shifted %u exercise by %d days",
                                                       "Shifted %u exercises by %d days",
                                                       g_strv_length (data->uids)),
                                          g_strv_length (data->uids), days));
}

static void
on_shift_input_changed_cb (ShiftData *data)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (data->days), ADW_TYPE_MESSAGE_DIALOG);

  /* Moving planned work always needs a reason for the history. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "shift",
                                           gtk_spin_button_get_value_as_int (data->days) != 0 &&
                                           *gtk_editable_get_text (GTK_EDITABLE (data->reason)) != '\0');
}

GtkWindow *
paraat_calendar_page_shift_selected (ParaatCalendarPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  ShiftData *data;
  GtkWidget *dialog;
  GtkWidget *grid;
  GtkWidget *label;
  GtkBitsetIter iter;
  guint position;
  guint n = 0;

  /* Occurrences of one series are one exercise to shift. */
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      /* Imported calendars' events move with their next import */
      if (paraat_exercise_is_imported (ex))
        continue;
      if (g_hash_table_add (seen, (gpointer) paraat_exercise_get_uid (ex)))
        {
          g_strv_builder_add (builder, paraat_exercise_get_uid (ex));
          n++;
        }
    }
  if (n == 0)
    return NULL;

  data = g_new0 (ShiftData, 1);
  data->page = g_object_ref (self);
  data->uids = g_strv_builder_end (builder);

  dialog = adw_message_dialog_new (GTK_WINDOW (paraat_calendar_page_get_window (self)),
                                   g_dngettext (NULL, "Shift the Selected Exercise?",
                                                "Shift the Selected Exercises?", n), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (NULL,
                                               "The exercise moves by the number of days you choose, keeping its "
                                               "time of day. The history records the move with your reason.",
                                               "The %u exercises move by the number of days you choose, keeping "
                                               "their time of day. The history records each move with your reason.",
                                               n), n);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  data->days = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-730, 730, 1));
  gtk_spin_button_set_value (data->days, 7);
  data->reason = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (data->reason), TRUE);
  data->who = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (data->who), g_get_real_name ());

  label = gtk_label_new_with_mnemonic (_("_Days (negative moves earlier)"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->days));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (data->days), 1, 0, 1, 1);
  label = gtk_label_new_with_mnemonic (_("_Reason"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->reason));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (data->reason), 1, 1, 1, 1);
  label = gtk_label_new_with_mnemonic (_("Changed _by"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->who));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (data->who), 1, 2, 1, 1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "shift", _("_Shift"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "shift", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "shift");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "shift", FALSE);
  gtk_entry_set_placeholder_text (data->reason, _("Required, e.g. “Unit not available”"));
  gtk_entry_set_activates_default (data->reason, TRUE);
  g_signal_connect_swapped (data->days, "value-changed", G_CALLBACK (on_shift_input_changed_cb), data);
  g_signal_connect_swapped (data->reason, "changed", G_CALLBACK (on_shift_input_changed_cb), data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_shift_response_cb), data,
                         (GClosureNotify) (void (*) (void)) shift_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  paraat_calendar_page_shift_selected (PARAAT_CALENDAR_PAGE (widget));
}

static void
on_show_year_clicked_cb (AdwToast           *toast,
                         ParaatCalendarPage *self)
{
  paraat_calendar_page_set_view (self, "year");
  paraat_calendar_page_set_date (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "year")), 1, 1);
}

static void
on_copy_year_response_cb (AdwMessageDialog   *dialog,
                          const char         *response,
                          ParaatCalendarPage *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "year"));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  guint n;

  if (!g_str_equal (response, "copy"))
    return;
  n = paraat_store_copy_year (self->store, self->scope, year, &error);
  if (error != NULL)
    {
      paraat_window_add_toast_for (GTK_WIDGET (self),
                                   adw_toast_new_format (_("Could not copy the year plan: %s"), error->message));
      return;
    }
  /* Translators: %u is a number of exercises, %d a year */
  toast = adw_toast_new_format (g_dngettext (NULL, "Copied %u exercise into %d as a draft",
                                             "Copied %u exercises into %d as drafts", n), n, year + 1);
  adw_toast_set_button_label (toast, _("_Show"));
  g_object_set_data (G_OBJECT (toast), "year", GINT_TO_POINTER (year + 1));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_show_year_clicked_cb), self, 0);
  paraat_window_add_toast_for (GTK_WIDGET (self), toast);
}

GtkWindow *
paraat_calendar_page_copy_year (ParaatCalendarPage *self)
{
  int year = g_date_get_year (&self->date);
  GtkWidget *dialog;

  /* Translators: %d is a year */
  dialog = adw_message_dialog_new (GTK_WINDOW (paraat_calendar_page_get_window (self)), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Copy the %d Plan to %d?"), year, year + 1);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Every exercise of %d in the regions in scope is copied into %d as a draft, "
                                    "in the same ISO week and on the same weekday. Series that repeat without an "
                                    "end already run on and are not copied. The drafts can then be adjusted and "
                                    "planned."),
                                  year, year + 1);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("_Copy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "year", GINT_TO_POINTER (year));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_copy_year_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
copy_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  paraat_calendar_page_copy_year (PARAAT_CALENDAR_PAGE (widget));
}

/* Export */

/**
 * paraat_calendar_page_export:
 * @format: "xcal" or "ics"
 * @n_exported: (out) (optional): how many exercises and events were written
 *
 * Writes the period on show, for the scope, to @path: the exercises and,
 * as the views show them, the events of the visible imported calendars
 * (a merged calendar; see docs/exchange.md).
 */
gboolean
paraat_calendar_page_export (ParaatCalendarPage  *self,
                             const char          *format,
                             const char          *path,
                             guint               *n_exported,
                             GError             **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, g_date_get_year (&self->first), g_date_get_month (&self->first),
                                               g_date_get_day (&self->first), 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, (int) self->n_days);
  g_autofree char *calname = NULL;

  if (self->scope != NULL && paraat_scope_get_kind (self->scope) != PARAAT_SCOPE_ALL)
    calname = g_strconcat ("Paraat ", paraat_scope_get_id (self->scope), NULL);
  else
    calname = g_strdup ("Paraat");

  return paraat_exchange_export_file (self->store, self->scope, g_date_time_to_unix (from), g_date_time_to_unix (to),
                                      g_str_equal (format, "xcal") ? PARAAT_EXCHANGE_FORMAT_XCAL
                                                                   : PARAAT_EXCHANGE_FORMAT_ICS,
                                      self->n_visible_sources > 0 ? PARAAT_EXPORT_SOURCES : 0,
                                      calname, path, n_exported, error);
}

static void
on_export_response_cb (GtkNativeDialog    *dialog,
                       int                 response,
                       ParaatCalendarPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      if (!paraat_calendar_page_export (self, g_object_get_data (G_OBJECT (dialog), "format"), path, &n, &error))
        paraat_window_add_toast_for (GTK_WIDGET (self),
                                     adw_toast_new_format (_("Could not export: %s"), error->message));
      else if (self->n_visible_sources > 0)
        /* Translators: a merged export: %u counts the exercises and the
         * imported calendars' events together; %s is a file name */
        paraat_window_add_toast_for (GTK_WIDGET (self),
                                     adw_toast_new_format (g_dngettext (NULL, "Exported %u event to “%s”",
                                                             "Exported %u events to “%s”", n), n, name));
      else
        /* Translators: %u is a number of exercises, %s a file name */
        paraat_window_add_toast_for (GTK_WIDGET (self),
                                     adw_toast_new_format (g_dngettext (NULL, "Exported %u exercise to “%s”",
                                                             "Exported %u exercises to “%s”", n), n, name));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *period = paraat_calendar_page_format_period (paraat_calendar_page_get_span (self), &self->first);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  g_strdelimit (period, " ,", '-');
  name = g_strdup_printf ("paraat-%s.%s", period, g_str_equal (format, "xcal") ? "xml" : "ics");
  dialog = gtk_file_chooser_native_new (g_str_equal (format, "xcal") ? _("Export as xCal") : _("Export as iCalendar"),
                                        GTK_WINDOW (paraat_calendar_page_get_window (self)), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, g_str_equal (format, "xcal") ? _("xCal Files") : _("iCalendar Files"));
  gtk_file_filter_add_pattern (filter, g_str_equal (format, "xcal") ? "*.xml" : "*.ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
paraat_calendar_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "calendar.new-on-day", "s", new_on_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "calendar.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "calendar.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "calendar.undo-delete", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "calendar.shift", NULL, shift_action);
  gtk_widget_class_install_action (widget_class, "calendar.copy-year", NULL, copy_year_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "calendar.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "calendar.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "calendar.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "calendar.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "calendar.undo-delete", NULL);
}
