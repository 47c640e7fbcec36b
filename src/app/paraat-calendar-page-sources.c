/* paraat-calendar-page-sources.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar page's imported calendars (ParaatSource): one check row
 * each in the Filters popover to show or hide it, removing one, and the
 * read-only details of an imported event with the way to plan an
 * exercise of our own from it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-calendar-page-private.h"
#include "paraat-exercise-chip.h"
#include "paraat-import.h"
#include "paraat-palette.h"

/* Imported calendars: one check row each in the Filters popover */

static void
on_source_toggled_cb (GtkCheckButton     *check,
                      ParaatCalendarPage *self)
{
  ParaatSource *source = g_object_get_data (G_OBJECT (check), "source");
  g_autoptr(GError) error = NULL;

  if (paraat_source_get_visible (source) == gtk_check_button_get_active (check))
    return;
  paraat_source_set_visible (source, gtk_check_button_get_active (check));
  /* The store announces the change; paraat_calendar_page_update_sources()
   * and reload() follow. */
  if (!paraat_store_save_source (self->store, source, &error))
    {
      paraat_source_set_visible (source, !gtk_check_button_get_active (check));
      paraat_window_add_toast_for (GTK_WIDGET (self),
                                   adw_toast_new_format (_("Could not change the calendar: %s"), error->message));
    }
}

static GtkWidget *
make_source_row (ParaatCalendarPage *self,
                 ParaatSource       *source)
{
  g_autofree char *color = paraat_palette_source_css_class (paraat_source_get_id (source));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove;
  guint n = paraat_source_get_n_events (source);

  subtitle = g_strdup_printf (g_dngettext (NULL, "%u event", "%u events", n), n);
  if (*paraat_source_get_organisation (source) != '\0')
    {
      g_autofree char *events = g_steal_pointer (&subtitle);

      /* Translators: who publishes an imported calendar, then how many events it has */
      subtitle = g_strdup_printf (_("%s · %s"), paraat_source_get_organisation (source), events);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_source_get_name (source));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), paraat_source_get_visible (source));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "source", g_object_ref (source), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_source_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), paraat_calendar_page_make_swatch (color));
  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Calendar…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "calendar.remove-source");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", paraat_source_get_name (source));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
on_remove_source_response_cb (AdwMessageDialog   *dialog,
                              const char         *response,
                              ParaatCalendarPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "source-name");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;
  if (!paraat_store_delete_source (self->store, name, &error))
    paraat_window_add_toast_for (GTK_WIDGET (self),
                                 adw_toast_new_format (_("Could not remove the calendar: %s"), error->message));
  else
    /* Translators: %s is the name of an imported calendar */
    paraat_window_add_toast_for (GTK_WIDGET (self), adw_toast_new_format (_("Removed “%s”"), name));
}

/**
 * paraat_calendar_page_remove_source:
 * @name: an imported calendar's name
 *
 * Asks whether to remove the calendar with its events, as
 * `paraat-cli sources delete NAME` does.
 */
GtkWindow *
paraat_calendar_page_remove_source (ParaatCalendarPage *self,
                                    const char         *name)
{
  GtkWidget *dialog;

  gtk_menu_button_popdown (self->filter_button);
  dialog = adw_message_dialog_new (GTK_WINDOW (paraat_calendar_page_get_window (self)), NULL, NULL);
  /* Translators: %s is the name of an imported calendar */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Remove “%s”?"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Its events leave every view and the alignment. Import the calendar's file "
                                 "again to bring them back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "source-name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_source_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
remove_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  paraat_calendar_page_remove_source (PARAAT_CALENDAR_PAGE (widget), g_variant_get_string (parameter, NULL));
}

void
paraat_calendar_page_update_sources (ParaatCalendarPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sources = paraat_store_list_sources (self->store, &error);
  GtkWidget *child;

  if (sources == NULL)
    {
      paraat_window_add_toast_for (GTK_WIDGET (self),
                                   adw_toast_new_format (_("Could not read the imported calendars: %s"),
                                                         error->message));
      return;
    }
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = g_steal_pointer (&sources);
  self->n_visible_sources = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->calendars_list))) != NULL)
    gtk_list_box_remove (self->calendars_list, child);
  for (guint i = 0; i < self->sources->len; i++)
    {
      ParaatSource *source = g_ptr_array_index (self->sources, i);

      if (paraat_source_get_visible (source))
        self->n_visible_sources++;
      gtk_list_box_append (self->calendars_list, make_source_row (self, source));
    }
  gtk_widget_set_visible (self->calendars_box, self->sources->len > 0);
  paraat_palette_set_sources (gtk_widget_get_display (GTK_WIDGET (self)), self->sources);
}

/* Imported events */

static void
on_event_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      ParaatCalendarPage *self)
{
  ParaatExercise *event = g_object_get_data (G_OBJECT (dialog), "event");

  if (g_str_equal (response, "plan"))
    paraat_calendar_page_present_editor (self, event, TRUE);
}

/* What an imported calendar says about one of its events: read-only */
GtkWindow *
paraat_calendar_page_present_event (ParaatCalendarPage *self,
                                    ParaatExercise     *event)
{
  g_autofree char *description = paraat_exercise_chip_describe (self->store, event);
  GString *body = g_string_new (strchr (description, '\n') != NULL ? strchr (description, '\n') + 1 : "");
  const char *organisation = paraat_exercise_get_calendar_organisation (event);
  GtkWidget *dialog;

  if (organisation != NULL)
    {
      g_string_append_c (body, '\n');
      /* Translators: %s is who publishes an imported calendar, e.g. a brigade */
      g_string_append_printf (body, _("Published by: %s"), organisation);
    }
  if (*paraat_exercise_get_location (event) != '\0')
    {
      g_string_append_c (body, '\n');
      /* Translators: %s is where an event takes place */
      g_string_append_printf (body, _("Location: %s"), paraat_exercise_get_location (event));
    }
  if (*paraat_exercise_get_description (event) != '\0')
    g_string_append_printf (body, "\n\n%s", paraat_exercise_get_description (event));
  g_string_append_printf (body, "\n\n%s",
                          _("This event comes from an imported calendar and changes with its next import. "
                            "Plan as Exercise makes an exercise of your own from it."));

  dialog = adw_message_dialog_new (GTK_WINDOW (paraat_calendar_page_get_window (self)),
                                   paraat_exercise_get_title (event), body->str);
  g_string_free (body, TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "plan", _("_Plan as Exercise…"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "event", g_object_ref (event), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_event_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

/**
 * paraat_calendar_page_show_event:
 * @target: "<calendar id>:<uid>", as paraat_exercise_chip_event_target() makes it
 *
 * Shows an imported calendar's event that is in view.
 */
GtkWindow *
paraat_calendar_page_show_event (ParaatCalendarPage *self,
                                 const char         *target)
{
  GListModel *model = G_LIST_MODEL (self->exercises);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (model, i);
      g_autofree char *key = NULL;

      if (!paraat_exercise_is_imported (ex))
        continue;
      key = paraat_exercise_chip_event_target (ex);
      if (g_str_equal (key, target))
        return paraat_calendar_page_present_event (self, ex);
    }

  return NULL;
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  paraat_calendar_page_show_event (PARAAT_CALENDAR_PAGE (widget), g_variant_get_string (parameter, NULL));
}

void
paraat_calendar_page_class_sources_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calendar.show-event", "s", show_event_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove-source", "s", remove_source_action);
}
