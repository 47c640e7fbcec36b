/* paraat-year-view.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year plan (jaarplan): twelve small months. A day with exercises is
 * shaded by how many there are and underlined in the colours of its most
 * frequent types; its tooltip and accessible name say the same in words.
 * A click on a day or a month opens the month view there.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-calendar-layout.h"
#include "paraat-palette.h"
#include "paraat-record.h"
#include "paraat-tooltip.h"
#include "paraat-year-view.h"

/* ParaatYearDay: a day button that draws its type marks */

#define PARAAT_TYPE_YEAR_DAY (paraat_year_day_get_type ())
G_DECLARE_FINAL_TYPE (ParaatYearDay, paraat_year_day, PARAAT, YEAR_DAY, GtkButton)

struct _ParaatYearDay
{
  GtkButton      parent_instance;
  ParaatDayCount count;
  GdkRGBA        colors[PARAAT_DAY_TOP_TYPES];
  char           date[11];   /* YYYY-MM-DD, for calendar.show-day */
};

G_DEFINE_FINAL_TYPE (ParaatYearDay, paraat_year_day, GTK_TYPE_BUTTON)

static void
paraat_year_day_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  ParaatYearDay *self = PARAAT_YEAR_DAY (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float x = 3, bar_width = (float) MAX (width - 6, 0);
  guint total = 0;

  GTK_WIDGET_CLASS (paraat_year_day_parent_class)->snapshot (widget, snapshot);

  for (guint k = 0; k < PARAAT_DAY_TOP_TYPES && self->count.types[k] != NULL; k++)
    total += self->count.type_counts[k];
  /* One bar under the number, split between the day's main types */
  for (guint k = 0; k < PARAAT_DAY_TOP_TYPES && self->count.types[k] != NULL; k++)
    {
      float w = bar_width * (float) self->count.type_counts[k] / (float) total;

      gtk_snapshot_append_color (snapshot, &self->colors[k], &GRAPHENE_RECT_INIT (x, (float) height - 5, w, 3));
      x += w;
    }
}

/* Not a GtkActionable: each of those gets an action muxer, which at
 * start-up cost 0.5 million instructions a day, 8% of the start-up. */
static void
paraat_year_day_clicked (GtkButton *button)
{
  gtk_widget_activate_action (GTK_WIDGET (button), "calendar.show-day", "s", PARAAT_YEAR_DAY (button)->date);
}

static void
paraat_year_day_class_init (ParaatYearDayClass *klass)
{
  GTK_WIDGET_CLASS (klass)->snapshot = paraat_year_day_snapshot;
  GTK_BUTTON_CLASS (klass)->clicked = paraat_year_day_clicked;
}

static void
paraat_year_day_init (ParaatYearDay *self)
{
}

/* ParaatYearView */

struct _ParaatYearView
{
  AdwBin       parent_instance;

  ParaatStore *store;
  GtkWidget   *flow;
  GArray      *counts;   /* ParaatDayCount per day of the year */
  int          year;
};

G_DEFINE_FINAL_TYPE (ParaatYearView, paraat_year_view, ADW_TYPE_BIN)

static char *
format_date (int         year,
             int         month,
             int         day,
             const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);

  return g_date_time_format (dt, format);
}

static char *
describe_day (ParaatYearView       *self,
              const ParaatDayCount *count,
              const char           *date)
{
  GString *text = g_string_new (date);

  if (count->n_exercises == 0)
    {
      g_string_append_printf (text, ": %s", _("nothing planned"));
      return g_string_free (text, FALSE);
    }
  g_string_append (text, ": ");
  g_string_append_printf (text, g_dngettext (NULL, "%u exercise", "%u exercises", count->n_exercises),
                          count->n_exercises);
  for (guint k = 0; k < PARAAT_DAY_TOP_TYPES && count->types[k] != NULL; k++)
    {
      const char *key = count->types[k];
      g_autoptr(ParaatRecord) type = NULL;

      /* "@name" is an imported calendar's event (paraat_exercise_get_kind_key()) */
      if (key[0] != '@')
        type = paraat_store_find_record (self->store, PARAAT_KIND_EXERCISE_TYPE, key);
      g_string_append_printf (text, "%s%u× %s", k == 0 ? " — " : ", ", count->type_counts[k],
                              type != NULL ? paraat_record_get_title (type) : key[0] == '@' ? key + 1 : key);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
build_month (ParaatYearView *self,
             int             month,
             guint           day_of_year)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *name = format_date (self->year, month, 1, "%OB");
  g_autofree char *iso = g_strdup_printf ("%04d-%02d-01", self->year, month);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *title;
  GDate first;
  int column;

  title = gtk_button_new_with_label (name);
  gtk_button_set_has_frame (GTK_BUTTON (title), FALSE);
  gtk_widget_set_halign (title, GTK_ALIGN_START);
  gtk_widget_add_css_class (title, "year-month-title");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (title), "calendar.show-day");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (title), "s", iso);
  gtk_box_append (GTK_BOX (box), title);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  for (int d = 0; d < 7; d++)
    {
      /* 5 January 2026 is a Monday */
      g_autofree char *weekday = format_date (2026, 1, 5 + d, "%a");
      GtkWidget *label = gtk_label_new (weekday);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 2);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (GTK_GRID (grid), label, d, 0, 1, 1);
    }

  g_date_set_dmy (&first, 1, (GDateMonth) month, (GDateYear) self->year);
  column = g_date_get_weekday (&first) - G_DATE_MONDAY;
  for (int day = 1, row = 1; day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) self->year); day++)
    {
      const ParaatDayCount *count = &g_array_index (self->counts, ParaatDayCount, day_of_year + (guint) day - 1);
      ParaatYearDay *button = g_object_new (PARAAT_TYPE_YEAR_DAY, NULL);
      g_autofree char *number = g_strdup_printf ("%d", day);
      g_autofree char *date = format_date (self->year, month, day, "%A %e %B");
      g_autofree char *description = describe_day (self, count, date);
      g_autofree char *target = g_strdup_printf ("%04d-%02d-%02d", self->year, month, day);

      button->count = *count;
      for (guint k = 0; k < PARAAT_DAY_TOP_TYPES && count->types[k] != NULL; k++)
        paraat_palette_get_key_color (self->store, count->types[k], &button->colors[k]);
      gtk_button_set_label (GTK_BUTTON (button), number);
      gtk_button_set_has_frame (GTK_BUTTON (button), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (button), "year-day");
      gtk_widget_add_css_class (GTK_WIDGET (button),
                                count->n_exercises == 0 ? "load-0"
                                : count->n_exercises == 1 ? "load-1"
                                : count->n_exercises <= 3 ? "load-2"
                                : count->n_exercises <= 6 ? "load-3" : "load-4");
      if (column >= 5)
        gtk_widget_add_css_class (GTK_WIDGET (button), "weekend");
      if (self->year == g_date_time_get_year (now) && month == g_date_time_get_month (now) &&
          day == g_date_time_get_day_of_month (now))
        gtk_widget_add_css_class (GTK_WIDGET (button), "today");
      paraat_tooltip_set_lazy (GTK_WIDGET (button), description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
      g_strlcpy (button->date, target, sizeof button->date);
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (button), column, row, 1, 1);
      if (++column == 7)
        {
          column = 0;
          row++;
        }
    }
  gtk_box_append (GTK_BOX (box), grid);
  gtk_widget_add_css_class (box, "year-month");

  return box;
}

void
paraat_year_view_set_exercises (ParaatYearView *self,
                                int             year,
                                GListModel     *exercises)
{
  g_autoptr(GArray) spans = NULL;
  guint n_days = g_date_is_leap_year ((GDateYear) year) ? 366 : 365;
  guint day_of_year = 0;
  GtkWidget *child;
  GDate first;

  self->year = year;
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, (GDateYear) year);
  spans = paraat_calendar_layout_spans (exercises, &first, n_days, PARAAT_DEFAULT_TZID);
  g_clear_pointer (&self->counts, g_array_unref);
  self->counts = paraat_calendar_count_days (spans, n_days);

  while ((child = gtk_widget_get_first_child (self->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), child);
  for (int month = 1; month <= 12; month++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), build_month (self, month, day_of_year));
      /* Tab goes to the days, not to the boxes around the months */
      gtk_widget_set_focusable (gtk_widget_get_last_child (self->flow), FALSE);
      day_of_year += g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
    }
}

guint
paraat_year_view_count_day (ParaatYearView *self,
                            int             month,
                            int             day)
{
  GDate first, date;

  if (self->counts == NULL)
    return 0;
  g_date_set_dmy (&first, 1, G_DATE_JANUARY, (GDateYear) self->year);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) self->year);

  return g_array_index (self->counts, ParaatDayCount, g_date_days_between (&first, &date)).n_exercises;
}

static void
paraat_year_view_dispose (GObject *object)
{
  ParaatYearView *self = PARAAT_YEAR_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (paraat_year_view_parent_class)->dispose (object);
}

static void
paraat_year_view_class_init (ParaatYearViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = paraat_year_view_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "yearview");
}

static void
paraat_year_view_init (ParaatYearView *self)
{
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_widget_set_margin_start (self->flow, 12);
  gtk_widget_set_margin_end (self->flow, 12);
  gtk_widget_set_margin_bottom (self->flow, 12);
  gtk_widget_set_valign (self->flow, GTK_ALIGN_START);
  adw_bin_set_child (ADW_BIN (self), self->flow);
}

GtkWidget *
paraat_year_view_new (ParaatStore *store)
{
  ParaatYearView *self = g_object_new (PARAAT_TYPE_YEAR_VIEW, NULL);

  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}
