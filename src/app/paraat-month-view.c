/* paraat-month-view.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A month as a grid of whole weeks, Monday first. Each week is a GtkGrid:
 * the day numbers on top, then lanes of exercise chips, where an exercise
 * of several days spans its days, then a "+N more" button on days with
 * more exercises than lanes. Every chip and day is a real button, so the
 * grid works with the keyboard and a screen reader.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-calendar-layout.h"
#include "paraat-exercise-chip.h"
#include "paraat-month-view.h"
#include "paraat-tooltip.h"

struct _ParaatMonthView
{
  AdwBin       parent_instance;

  ParaatStore *store;
  GtkWidget   *header;
  GtkWidget   *weeks;

  /* Six weeks of day cells, chips and "N more" buttons, made once and
   * updated on every switch: a month of 25 regions shows some 120 chips,
   * and making them anew was most of a switch. Each week keeps the chips
   * it made; those it does not need are hidden. */
  GtkWidget   *week_grids[6];
  GtkWidget   *cells[6 * 7];
  GtkWidget   *numbers[6 * 7];
  GtkWidget   *more_buttons[6 * 7];
  GPtrArray   *chips[6];
  GtkWidget   *popover;
};

G_DEFINE_FINAL_TYPE (ParaatMonthView, paraat_month_view, ADW_TYPE_BIN)

void
paraat_month_view_get_grid (const GDate *date,
                            GDate       *first,
                            guint       *n_days)
{
  GDate end;

  *first = *date;
  g_date_set_day (first, 1);
  end = *first;
  g_date_add_months (&end, 1);
  g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
  if (g_date_get_weekday (&end) != G_DATE_MONDAY)
    g_date_add_days (&end, G_DATE_SUNDAY - g_date_get_weekday (&end) + 1);
  *n_days = (guint) g_date_days_between (first, &end);
}

static char *
format_day (const GDate *day,
            const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                   g_date_get_day (day), 12, 0, 0);

  return g_date_time_format (dt, format);
}

/* One popover for the whole grid, pointed at the "N more" button
 * clicked: a GtkMenuButton per day would be five widgets each. */
static void
on_more_clicked_cb (GtkButton       *button,
                    ParaatMonthView *self)
{
  GPtrArray *exercises = g_object_get_data (G_OBJECT (button), "exercises");
  GtkWidget *box, *title;
  graphene_rect_t bounds;

  if (exercises == NULL)
    return;
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  title = gtk_label_new (g_object_get_data (G_OBJECT (button), "day-label"));
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_margin_bottom (title, 3);
  gtk_box_append (GTK_BOX (box), title);
  for (guint i = 0; i < exercises->len; i++)
    {
      GtkWidget *chip = paraat_exercise_chip_new (self->store, g_ptr_array_index (exercises, i));

      gtk_widget_set_size_request (chip, 220, -1);
      gtk_box_append (GTK_BOX (box), chip);
    }
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  if (gtk_widget_compute_bounds (GTK_WIDGET (button), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                                 &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                   (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
fill_week (ParaatMonthView         *self,
           GtkGrid                 *grid,
           const GDate             *week_first,
           int                      month,
           const GDate             *today,
           ParaatCalendarSpan      *spans,
           guint                    n_spans,
           guint                    week_index)
{
  GPtrArray *per_day[7] = { NULL };
  g_autoptr(GArray) in_week = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gint64 *starts = g_new (gint64, n_spans + 1);
  g_autofree gint64 *ends = g_new (gint64, n_spans + 1);
  g_autofree int *lanes = g_new (int, n_spans + 1);
  int offset = (int) week_index * 7;
  guint hidden[7] = { 0 };
  GPtrArray *pool = self->chips[week_index];
  guint n_chips = 0;

  for (guint d = 0; d < 7; d++)
    per_day[d] = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_spans; i++)
    {
      int from = MAX (spans[i].first_day, offset) - offset;
      int to = MIN (spans[i].last_day, offset + 6) - offset;

      if (from > to)
        continue;
      starts[in_week->len] = from;
      ends[in_week->len] = to + 1;
      g_array_append_val (in_week, i);
    }
  paraat_calendar_assign_lanes (starts, ends, in_week->len, PARAAT_MONTH_VIEW_LANES, lanes);

  /* What did not fit is counted per day. The last lane then gives way to
   * the "N more" button on the days that need one. */
  for (guint k = 0; k < in_week->len; k++)
    for (int d = (int) starts[k]; d < (int) ends[k]; d++)
      {
        g_ptr_array_add (per_day[d], g_object_ref (spans[g_array_index (in_week, guint, k)].exercise));
        if (lanes[k] < 0)
          hidden[d]++;
      }
  for (guint k = 0; k < in_week->len; k++)
    {
      gboolean crowded = FALSE;

      if (lanes[k] != PARAAT_MONTH_VIEW_LANES - 1)
        continue;
      for (int d = (int) starts[k]; d < (int) ends[k]; d++)
        crowded |= hidden[d] > 0;
      if (!crowded)
        continue;
      lanes[k] = -2;
      for (int d = (int) starts[k]; d < (int) ends[k]; d++)
        hidden[d]++;
    }

  for (guint k = 0; k < in_week->len; k++)
    {
      ParaatCalendarSpan *span = &spans[g_array_index (in_week, guint, k)];
      int from = (int) starts[k];
      int to = (int) ends[k] - 1;
      GtkWidget *chip;
      GtkGridLayoutChild *place;

      if (lanes[k] < 0)
        continue;

      if (n_chips < pool->len)
        {
          chip = g_ptr_array_index (pool, n_chips);
          paraat_exercise_chip_update (chip, self->store, span->exercise);
          gtk_widget_set_visible (chip, TRUE);
        }
      else
        {
          chip = paraat_exercise_chip_new_compact (self->store, span->exercise);
          gtk_widget_set_margin_start (chip, 3);
          gtk_widget_set_margin_end (chip, 3);
          gtk_widget_set_margin_bottom (chip, 2);
          /* Before the "N more" buttons, as a screen reader reads them */
          gtk_widget_insert_before (chip, GTK_WIDGET (grid), self->more_buttons[offset]);
          g_ptr_array_add (pool, chip);
        }
      n_chips++;
      if (span->first_day < offset)
        gtk_widget_add_css_class (chip, "continues-before");
      if (span->last_day > offset + 6)
        gtk_widget_add_css_class (chip, "continues-after");
      place = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (GTK_WIDGET (grid)),
                                                                         chip));
      gtk_grid_layout_child_set_column (place, from);
      gtk_grid_layout_child_set_row (place, 1 + lanes[k]);
      gtk_grid_layout_child_set_column_span (place, to - from + 1);
    }
  for (guint i = n_chips; i < pool->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (pool, i), FALSE);

  for (guint d = 0; d < 7; d++)
    {
      GDate day = *week_first;
      g_autofree char *iso = NULL;
      g_autofree char *number = NULL;
      g_autofree char *long_date = NULL;
      g_autofree char *accessible = NULL;
      g_autofree char *tooltip = NULL;
      GtkWidget *button, *more_button;

      g_date_add_days (&day, d);
      iso = format_day (&day, "%Y-%m-%d");
      long_date = format_day (&day, "%A %e %B %Y");
      number = g_date_get_day (&day) == 1 ? format_day (&day, "%e %b") : g_strdup_printf ("%d", g_date_get_day (&day));

      more_button = self->more_buttons[week_index * 7 + d];
      if (hidden[d] > 0)
        {
          g_autofree char *more = NULL;

          /* Translators: a day in the month view has more exercises than fit */
          more = g_strdup_printf (g_dngettext (NULL, "%u more", "%u more", hidden[d]), hidden[d]);
          gtk_button_set_label (GTK_BUTTON (more_button), more);
          g_object_set_data_full (G_OBJECT (more_button), "exercises", g_ptr_array_ref (per_day[d]),
                                  (GDestroyNotify) g_ptr_array_unref);
          g_object_set_data_full (G_OBJECT (more_button), "day-label", g_strdup (long_date), g_free);
          /* Only the buttons on show carry the class */
          gtk_widget_add_css_class (more_button, "more-button");
        }
      else
        {
          g_object_set_data (G_OBJECT (more_button), "exercises", NULL);
          gtk_widget_remove_css_class (more_button, "more-button");
        }
      gtk_widget_set_visible (more_button, hidden[d] > 0);

      {
        const char *classes[5] = { "month-day", NULL };
        guint n = 1;

        if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
          classes[n++] = "weekend";
        if (g_date_get_month (&day) != month)
          classes[n++] = "other-month";
        if (g_date_compare (&day, today) == 0)
          classes[n++] = "today";
        gtk_widget_set_css_classes (self->cells[week_index * 7 + d], classes);
      }

      button = self->numbers[week_index * 7 + d];
      gtk_button_set_label (GTK_BUTTON (button), number);
      {
        const char *classes[5] = { "flat", "day-number", NULL };
        guint n = 2;

        if (g_date_compare (&day, today) == 0)
          classes[n++] = "today";
        if (g_date_get_month (&day) != month)
          classes[n++] = "dim-label";
        gtk_widget_set_css_classes (button, classes);
      }
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", iso);
      /* Translators: %s is a date, e.g. "Tuesday 3 March 2026" */
      tooltip = g_strdup_printf (_("Plan an exercise on %s"), long_date);
      paraat_tooltip_set_lazy (button, tooltip);
      /* Translators: a day in the month view for a screen reader: the date and how many exercises */
      accessible = g_strdup_printf (g_dngettext (NULL, "%s, %u exercise", "%s, %u exercises", per_day[d]->len),
                                    long_date, per_day[d]->len);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }

  for (guint d = 0; d < 7; d++)
    g_ptr_array_unref (per_day[d]);
}

void
paraat_month_view_set_exercises (ParaatMonthView *self,
                                 int              year,
                                 int              month,
                                 GListModel      *exercises)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) spans = NULL;
  GDate date, first, today;
  guint n_days;

  g_date_set_dmy (&date, 1, (GDateMonth) month, (GDateYear) year);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  paraat_month_view_get_grid (&date, &first, &n_days);
  spans = paraat_calendar_layout_spans (exercises, &first, n_days, PARAAT_DEFAULT_TZID);

  for (guint w = 0; w < G_N_ELEMENTS (self->week_grids); w++)
    {
      GDate week_first = first;

      gtk_widget_set_visible (self->week_grids[w], w < n_days / 7);
      if (w >= n_days / 7)
        continue;
      g_date_add_days (&week_first, w * 7);
      fill_week (self, GTK_GRID (self->week_grids[w]), &week_first, month, &today,
                 (ParaatCalendarSpan *) (gpointer) spans->data, spans->len, w);
    }
}

static void
paraat_month_view_dispose (GObject *object)
{
  ParaatMonthView *self = PARAAT_MONTH_VIEW (object);

  g_clear_object (&self->store);
  for (guint w = 0; w < G_N_ELEMENTS (self->chips); w++)
    g_clear_pointer (&self->chips[w], g_ptr_array_unref);
  g_clear_pointer (&self->popover, gtk_widget_unparent);

  G_OBJECT_CLASS (paraat_month_view_parent_class)->dispose (object);
}

static void
paraat_month_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  ParaatMonthView *self = PARAAT_MONTH_VIEW (widget);

  GTK_WIDGET_CLASS (paraat_month_view_parent_class)->size_allocate (widget, width, height, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
paraat_month_view_class_init (ParaatMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = paraat_month_view_dispose;
  GTK_WIDGET_CLASS (klass)->size_allocate = paraat_month_view_size_allocate;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "monthview");
}

static void
paraat_month_view_init (ParaatMonthView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GDate monday;

  self->header = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (self->header), TRUE);
  gtk_widget_add_css_class (self->header, "month-header");
  g_date_set_dmy (&monday, 5, G_DATE_JANUARY, 2026);
  for (int d = 0; d < 7; d++)
    {
      GDate day = monday;
      g_autofree char *name = NULL;
      GtkWidget *label;

      g_date_add_days (&day, (guint) d);
      name = format_day (&day, "%a");
      label = gtk_label_new (name);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (self->header), label, d, 0, 1, 1);
    }
  self->weeks = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_set_homogeneous (GTK_BOX (self->weeks), TRUE);
  gtk_widget_set_vexpand (self->weeks, TRUE);
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  for (guint w = 0; w < G_N_ELEMENTS (self->week_grids); w++)
    {
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *filler = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
      gtk_widget_set_vexpand (grid, TRUE);
      gtk_widget_add_css_class (grid, "month-week");
      for (int d = 0; d < 7; d++)
        {
          /* The day's background first, under everything else */
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *button = gtk_button_new_with_label ("");

          gtk_grid_attach (GTK_GRID (grid), cell, d, 0, 1, PARAAT_MONTH_VIEW_LANES + 2);
          gtk_button_set_has_frame (GTK_BUTTON (button), FALSE);
          gtk_widget_set_halign (button, GTK_ALIGN_START);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "calendar.new-on-day");
          gtk_grid_attach (GTK_GRID (grid), button, d, 0, 1, 1);
          self->cells[w * 7 + (guint) d] = cell;
          self->numbers[w * 7 + (guint) d] = button;
        }
      /* Takes the height the week is given beyond its chips */
      gtk_widget_set_vexpand (filler, TRUE);
      gtk_grid_attach (GTK_GRID (grid), filler, 0, PARAAT_MONTH_VIEW_LANES + 1, 7, 1);
      for (int d = 0; d < 7; d++)
        {
          GtkWidget *more_button = gtk_button_new ();

          gtk_button_set_has_frame (GTK_BUTTON (more_button), FALSE);
          gtk_widget_set_halign (more_button, GTK_ALIGN_START);
          gtk_widget_set_visible (more_button, FALSE);
          g_signal_connect (more_button, "clicked", G_CALLBACK (on_more_clicked_cb), self);
          gtk_grid_attach (GTK_GRID (grid), more_button, d, PARAAT_MONTH_VIEW_LANES, 1, 1);
          self->more_buttons[w * 7 + (guint) d] = more_button;
        }
      /* The week's chips: borrowed, the grid owns them */
      self->chips[w] = g_ptr_array_new ();
      gtk_box_append (GTK_BOX (self->weeks), grid);
      self->week_grids[w] = grid;
    }
  gtk_box_append (GTK_BOX (box), self->header);
  gtk_box_append (GTK_BOX (box), self->weeks);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
paraat_month_view_new (ParaatStore *store)
{
  ParaatMonthView *self = g_object_new (PARAAT_TYPE_MONTH_VIEW, NULL);

  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}
