/* paraat-exercise-chip.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One exercise as a small coloured button, as the month and timeline
 * views show it. The colour is the exercise type's; drafts are outlined,
 * postponed and cancelled ones are faded and say so in their tooltip and
 * accessible name. Clicking opens the exercise (action calendar.open).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-exercise-chip.h"
#include "paraat-palette.h"
#include "paraat-record.h"
#include "paraat-tooltip.h"

static char *
type_name (ParaatStore *store,
           const char  *code)
{
  g_autoptr(ParaatRecord) record = NULL;

  if (code == NULL || *code == '\0')
    return g_strdup ("");
  record = paraat_store_find_record (store, PARAAT_KIND_EXERCISE_TYPE, code);

  return g_strdup (record ? paraat_record_get_title (record) : code);
}

char *
paraat_exercise_chip_describe (ParaatStore    *store,
                               ParaatExercise *exercise)
{
  g_autofree char *when = paraat_exercise_format_when (exercise);
  g_autofree char *type = type_name (store, paraat_exercise_get_type_code (exercise));
  GString *text = g_string_new (paraat_exercise_get_title (exercise));

  if (paraat_exercise_is_imported (exercise))
    {
      const char *region = paraat_exercise_get_region_code (exercise);
      const char *units = paraat_exercise_get_defence_units (exercise);

      g_string_append_printf (text, "\n%s\n", when);
      /* Translators: %s is the name of an imported calendar, e.g. a brigade's */
      g_string_append_printf (text, _("Calendar: %s"), paraat_exercise_get_calendar (exercise));
      if (*region != '\0')
        g_string_append_printf (text, " · %s", region);
      if (*units != '\0')
        {
          g_string_append_c (text, '\n');
          /* Translators: %s lists Defence units, e.g. "11 Geniecompagnie" */
          g_string_append_printf (text, _("Units: %s"), units);
        }
      if (paraat_exercise_is_removed (exercise))
        g_string_append_printf (text, "\n%s", _("No longer on the calendar since its last import"));
      else if (paraat_exercise_get_status (exercise) == PARAAT_EXERCISE_STATUS_CANCELLED)
        g_string_append_printf (text, "\n%s", _("Cancelled"));
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text, "\n%s\n%s", when, paraat_exercise_get_region_code (exercise));
  if (*type != '\0')
    g_string_append_printf (text, " · %s", type);
  g_string_append_printf (text, " · %s", paraat_exercise_status_get_label (paraat_exercise_get_status (exercise)));
  if (paraat_exercise_get_defence (exercise) != PARAAT_DEFENCE_NONE)
    {
      g_string_append_c (text, '\n');
      /* Translators: %s is a Defence participation, e.g. "Requested" */
      g_string_append_printf (text, _("Defence: %s"),
                              paraat_defence_get_label (paraat_exercise_get_defence (exercise)));
    }

  return g_string_free (text, FALSE);
}

/* The target of calendar.show-event: "<calendar id>:<uid>", since an
 * imported event's UID is its publisher's and need not be unique here. */
char *
paraat_exercise_chip_event_target (ParaatExercise *exercise)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%s", paraat_exercise_get_calendar_id (exercise),
                          paraat_exercise_get_uid (exercise));
}

/**
 * paraat_exercise_chip_update:
 * @chip: a chip from paraat_exercise_chip_new()
 *
 * Shows @exercise in @chip instead of what it showed, so that a view
 * can keep its chips from one period to the next. Sets the chip's style
 * classes anew: a caller's own classes must be added again after.
 */
void
paraat_exercise_chip_update (GtkWidget      *chip,
                             ParaatStore    *store,
                             ParaatExercise *exercise)
{
  g_autofree char *color = paraat_palette_exercise_css_class (store, exercise);
  g_autofree char *description = paraat_exercise_chip_describe (store, exercise);
  ParaatExerciseStatus status = paraat_exercise_get_status (exercise);
  GtkWidget *button = chip;
  GtkWidget *title = gtk_button_get_child (GTK_BUTTON (button));

  if (GTK_IS_INSCRIPTION (title))
    gtk_inscription_set_text (GTK_INSCRIPTION (title), paraat_exercise_get_title (exercise));
  else
    gtk_label_set_text (GTK_LABEL (title), paraat_exercise_get_title (exercise));
  paraat_tooltip_set_lazy (button, description);
  gtk_widget_set_css_classes (button, (const char *[]) { "exercise-chip", NULL });
  gtk_widget_add_css_class (button, color);
  if (paraat_exercise_is_imported (exercise))
    {
      g_autofree char *target = paraat_exercise_chip_event_target (exercise);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.show-event");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
      gtk_widget_add_css_class (button, "imported");
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.open");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", paraat_exercise_get_uid (exercise));
    }
  if (status == PARAAT_EXERCISE_STATUS_DRAFT)
    gtk_widget_add_css_class (button, "draft");
  else if (status == PARAAT_EXERCISE_STATUS_POSTPONED)
    gtk_widget_add_css_class (button, "postponed");
  else if (status == PARAAT_EXERCISE_STATUS_CANCELLED)
    gtk_widget_add_css_class (button, "cancelled");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static GtkWidget *
make_chip (ParaatStore    *store,
           ParaatExercise *exercise,
           GtkWidget      *title)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "child", title,
                                    "action-name", "calendar.open",
                                    "focus-on-click", FALSE,
                                    NULL);

  paraat_exercise_chip_update (button, store, exercise);

  return button;
}

/**
 * paraat_exercise_chip_new:
 *
 * A chip as wide as its title wants, where there is room for it (the
 * month view's list of a day's exercises).
 *
 * Returns: (transfer floating): the chip
 */
GtkWidget *
paraat_exercise_chip_new (ParaatStore    *store,
                          ParaatExercise *exercise)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);

  return make_chip (store, exercise, label);
}

/**
 * paraat_exercise_chip_new_compact:
 *
 * A chip that takes the width it is given and asks for no more than one
 * character, for the month view's grid, where the days decide how wide
 * a chip is. Its title is a GtkInscription: its size comes from the
 * font, not from the text, so a month switch that gives a chip another
 * exercise redraws it without measuring and shaping its title twice.
 *
 * Returns: (transfer floating): the chip
 */
GtkWidget *
paraat_exercise_chip_new_compact (ParaatStore    *store,
                                  ParaatExercise *exercise)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0.0);
  /* GTK 4.8 draws an ellipsized inscription at the top of its box, not in
   * the middle: give it no more height than its line. */
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);

  return make_chip (store, exercise, inscription);
}
