/* paraat-calendar-page.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The MOTO exercise calendar. One page, five views of the same data:
 * the year plan, a month grid, a timeline with a row per region (or per
 * Defence unit), a sortable list and the action items. The page loads
 * the period the view shows with one range query, filters it by text,
 * type, status, discipline and Defence participation, and hands the
 * filtered model to the view. The imported calendars are in
 * paraat-calendar-page-sources.c, what the page does to exercises in
 * paraat-calendar-page-actions.c.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-calendar-page-private.h"
#include "paraat-import.h"
#include "paraat-palette.h"
#include "paraat-record.h"
#include "paraat-text-column.h"
#include "paraat-utils.h"

static const char * const view_names[N_VIEWS] = { "year", "month", "timeline", "list", "actions" };

G_DEFINE_FINAL_TYPE (ParaatCalendarPage, paraat_calendar_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  COLUMN_WHEN,
  COLUMN_TITLE,
  COLUMN_REGION,
  COLUMN_TYPE,
  COLUMN_STATUS,
  COLUMN_DEFENCE,
} Column;

ParaatWindow *
paraat_calendar_page_get_window (ParaatCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return PARAAT_IS_WINDOW (root) ? PARAAT_WINDOW (root) : NULL;
}

/* Periods */

Span
paraat_calendar_page_get_span (ParaatCalendarPage *self)
{
  switch (self->view)
    {
    case VIEW_YEAR:
      return SPAN_YEAR;
    case VIEW_MONTH:
      return SPAN_MONTH;
    case VIEW_TIMELINE:
      return (Span) MIN (gtk_drop_down_get_selected (self->zoom_dropdown), SPAN_QUARTER);
    case VIEW_LIST:
    case VIEW_ACTIONS:
    case N_VIEWS:
    default:
      return (Span) (MIN (gtk_drop_down_get_selected (self->period_dropdown), 2) + SPAN_MONTH);
    }
}

/* The period @span around @date: its first day and length in days */
static void
span_bounds (Span         span,
             const GDate *date,
             GDate       *first,
             guint       *n_days)
{
  GDate end;

  *first = *date;
  switch (span)
    {
    case SPAN_WEEK:
      g_date_subtract_days (first, g_date_get_weekday (first) - G_DATE_MONDAY);
      *n_days = 7;
      return;
    case SPAN_MONTH:
      g_date_set_day (first, 1);
      *n_days = g_date_get_days_in_month (g_date_get_month (first), g_date_get_year (first));
      return;
    case SPAN_QUARTER:
      g_date_set_day (first, 1);
      g_date_set_month (first, (GDateMonth) ((g_date_get_month (first) - 1) / 3 * 3 + 1));
      end = *first;
      g_date_add_months (&end, 3);
      *n_days = (guint) g_date_days_between (first, &end);
      return;
    case SPAN_YEAR:
    default:
      g_date_set_dmy (first, 1, G_DATE_JANUARY, g_date_get_year (date));
      *n_days = g_date_is_leap_year (g_date_get_year (date)) ? 366 : 365;
      return;
    }
}

char *
paraat_calendar_page_format_period (Span         span,
                                    const GDate *first)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (first), g_date_get_month (first),
                                                   g_date_get_day (first), 12, 0, 0);
  g_autofree char *month = NULL;

  switch (span)
    {
    case SPAN_WEEK:
      /* Translators: an ISO week and its year, e.g. "Week 12, 2026" */
      return g_strdup_printf (_("Week %d, %d"), g_date_time_get_week_of_year (dt),
                              g_date_time_get_week_numbering_year (dt));
    case SPAN_MONTH:
      month = g_date_time_format (dt, "%OB");
      /* Translators: a month and its year, e.g. "March 2026" */
      return g_strdup_printf (_("%s %d"), month, g_date_get_year (first));
    case SPAN_QUARTER:
      /* Translators: a quarter and its year, e.g. "Quarter 1, 2026" */
      return g_strdup_printf (_("Quarter %d, %d"), (g_date_get_month (first) - 1) / 3 + 1,
                              g_date_get_year (first));
    case SPAN_YEAR:
    default:
      return g_strdup_printf ("%d", g_date_get_year (first));
    }
}

/* Filters */

static const char *
selected_code (GtkDropDown *dropdown,
               GPtrArray   *codes)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  /* Entry 0 is "any" */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > codes->len)
    return NULL;

  return g_ptr_array_index (codes, position - 1);
}

static guint
count_filters (ParaatCalendarPage *self)
{
  GtkDropDown *dropdowns[] = { self->type_dropdown, self->status_dropdown, self->discipline_dropdown,
                               self->defence_dropdown };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    if (gtk_drop_down_get_selected (dropdowns[i]) != 0 &&
        gtk_drop_down_get_selected (dropdowns[i]) != GTK_INVALID_LIST_POSITION)
      n++;

  return n;
}

static gboolean
filter_exercise (gpointer item,
                 gpointer user_data)
{
  ParaatCalendarPage *self = user_data;
  ParaatExercise *ex = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint defence = gtk_drop_down_get_selected (self->defence_dropdown);
  const char *type = selected_code (self->type_dropdown, self->type_codes);
  const char *discipline = selected_code (self->discipline_dropdown, self->discipline_codes);

  /* Entry 0 of the drop-downs is "any" */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION && paraat_exercise_get_status (ex) != status - 1)
    return FALSE;
  if (defence > 0 && defence != GTK_INVALID_LIST_POSITION && paraat_exercise_get_defence (ex) != defence - 1)
    return FALSE;
  if (type != NULL && g_strcmp0 (paraat_exercise_get_type_code (ex), type) != 0)
    return FALSE;
  if (discipline != NULL && !g_strv_contains (paraat_exercise_get_disciplines (ex), discipline))
    return FALSE;
  if (*text != '\0')
    {
      g_autofree char *needle = paraat_fold_text (text);
      const char *fields[] = { paraat_exercise_get_title (ex), paraat_exercise_get_location (ex),
                               paraat_exercise_get_region_code (ex), paraat_exercise_get_type_code (ex),
                               paraat_exercise_get_defence_units (ex), paraat_exercise_get_description (ex) };

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *hay = paraat_fold_text (fields[i]);

          if (strstr (hay, needle) != NULL)
            return TRUE;
        }
      return FALSE;
    }

  return TRUE;
}

/* State */

static guint
count_selected (ParaatCalendarPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return (guint) gtk_bitset_get_size (selected);
}

/* gtk_widget_set_tooltip_text() asks the X server where the pointer is,
 * even when the text stays the same: twice a month switch, for nothing. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_state (ParaatCalendarPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->exercises));
  Span span = paraat_calendar_page_get_span (self);
  g_autofree char *period = paraat_calendar_page_format_period (span, &self->first);
  guint n_selected = self->view == VIEW_LIST ? count_selected (self) : 0;
  guint n_filters = count_filters (self);
  g_autofree char *filter_label = NULL;
  gboolean empty;

  gtk_label_set_text (self->period_label, period);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.edit", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.duplicate", n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.delete", n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.shift", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.export", self->view != VIEW_ACTIONS);

  /* Translators: the filter button; %u is how many filters are set */
  filter_label = n_filters > 0 ? g_strdup_printf (_("Filters (%u)"), n_filters) : g_strdup (_("Filters"));
  gtk_menu_button_set_label (self->filter_button, filter_label);

  gtk_widget_set_visible (GTK_WIDGET (self->zoom_dropdown), self->view == VIEW_TIMELINE);
  gtk_widget_set_visible (GTK_WIDGET (self->rows_dropdown), self->view == VIEW_TIMELINE);
  gtk_widget_set_visible (GTK_WIDGET (self->period_dropdown), self->view == VIEW_LIST);
  gtk_widget_set_visible (self->filter_bar, self->view != VIEW_ACTIONS);
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), self->view != VIEW_ACTIONS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->view != VIEW_ACTIONS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->view != VIEW_ACTIONS);
  set_tooltip (GTK_WIDGET (self->previous_button),
               span == SPAN_YEAR ? _("Previous Year")
               : span == SPAN_QUARTER ? _("Previous Quarter")
               : span == SPAN_MONTH ? _("Previous Month") : _("Previous Week"));
  set_tooltip (GTK_WIDGET (self->next_button),
               span == SPAN_YEAR ? _("Next Year")
               : span == SPAN_QUARTER ? _("Next Quarter")
               : span == SPAN_MONTH ? _("Next Month") : _("Next Week"));

  if (self->view == VIEW_ACTIONS)
    {
      gtk_revealer_set_reveal_child (self->hint_revealer, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "actions");
      return;
    }

  /* The year and month grids stay up when empty: a click on a day plans
   * an exercise there. The list and the timeline show what to do. */
  empty = shown == 0;
  if (empty && total > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      adw_status_page_set_description (self->empty_page,
                                       _("No exercise in this period matches the search and filters. Clear them "
                                         "to see the whole period."));
      gtk_label_set_text (self->hint_label, _("No exercise in this period matches the search and filters."));
    }
  else if (empty)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is a period, e.g. "2026" or "March 2026" */
      description = g_strdup_printf (_("Nothing is planned in %s for the regions in scope. Plan the first exercise "
                                       "with New Exercise (Ctrl+N), or click a day in the year or month view."),
                                     period);
      adw_status_page_set_title (self->empty_page, _("No Exercises Yet"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_label_set_text (self->hint_label, description);
    }
  gtk_revealer_set_reveal_child (self->hint_revealer, empty && (self->view == VIEW_YEAR || self->view == VIEW_MONTH));

  /* Only the list's rows are widgets that follow the model; the other
   * views must not pay for rebinding them. */
  if (self->view == VIEW_LIST && gtk_column_view_get_model (self->column_view) == NULL)
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  else if (self->view != VIEW_LIST && gtk_column_view_get_model (self->column_view) != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  if (empty && (self->view == VIEW_LIST || self->view == VIEW_TIMELINE))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, view_names[self->view]);
}

GtkWidget *
paraat_calendar_page_make_swatch (const char *css_class)
{
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (swatch, "legend-swatch");
  gtk_widget_add_css_class (swatch, css_class);

  return swatch;
}

static void
append_legend_entry (ParaatCalendarPage *self,
                     const char         *css_class,
                     const char         *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), paraat_calendar_page_make_swatch (css_class));
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_append (GTK_FLOW_BOX (self->legend), box);
  gtk_widget_set_focusable (gtk_widget_get_last_child (self->legend), FALSE);
}

/* Which colour is which type (and which imported calendar), for those in view */
static void
update_legend (ParaatCalendarPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *types = paraat_store_get_records (self->store, PARAAT_KIND_EXERCISE_TYPE);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->legend)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->legend), child);
  /* The month's chips carry their titles; the year's marks and the
   * timeline's narrow bars need the key. */
  gtk_widget_set_visible (gtk_widget_get_ancestor (self->legend, GTK_TYPE_SCROLLED_WINDOW),
                          self->view == VIEW_YEAR || self->view == VIEW_TIMELINE);
  if (self->view != VIEW_YEAR && self->view != VIEW_TIMELINE)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (model, i);

      g_hash_table_add (seen, (gpointer) paraat_exercise_get_kind_key (ex));
    }
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(ParaatRecord) type = g_list_model_get_item (types, i);
      const char *code = paraat_record_get_key (type);
      g_autofree char *color = NULL;

      if (!g_hash_table_contains (seen, code))
        continue;
      color = paraat_palette_css_class (paraat_palette_index_for_type (self->store, code));
      append_legend_entry (self, color, paraat_record_get_title (type));
    }
  /* Then the imported calendars in view */
  for (guint i = 0; self->sources != NULL && i < self->sources->len; i++)
    {
      ParaatSource *source = g_ptr_array_index (self->sources, i);
      g_autofree char *key = g_strconcat ("@", paraat_source_get_name (source), NULL);
      g_autofree char *color = NULL;

      if (!g_hash_table_contains (seen, g_intern_string (key)))
        continue;
      color = paraat_palette_source_css_class (paraat_source_get_id (source));
      append_legend_entry (self, color, paraat_source_get_name (source));
    }
}

static void
refresh_view (ParaatCalendarPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  switch (self->view)
    {
    case VIEW_YEAR:
      paraat_year_view_set_exercises (self->year_view, g_date_get_year (&self->first), model);
      break;
    case VIEW_MONTH:
      paraat_month_view_set_exercises (self->month_view, g_date_get_year (&self->date),
                                       g_date_get_month (&self->date), model);
      break;
    case VIEW_TIMELINE:
      paraat_timeline_view_set_exercises (self->timeline_view, self->scope, &self->first, self->n_days,
                                          gtk_drop_down_get_selected (self->rows_dropdown) == 1
                                          ? PARAAT_TIMELINE_ROWS_UNITS : PARAAT_TIMELINE_ROWS_REGIONS,
                                          model);
      break;
    case VIEW_LIST:
    case VIEW_ACTIONS:
    case N_VIEWS:
    default:
      break;
    }
  update_legend (self);
  update_state (self);
}

static void
reload (ParaatCalendarPage *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate first;
  guint n_days;

  if (self->scope == NULL)
    return;

  if (self->view == VIEW_ACTIONS)
    {
      paraat_actions_view_set_scope (self->actions_view, self->scope);
      update_state (self);
      return;
    }

  span_bounds (paraat_calendar_page_get_span (self), &self->date, &self->first, &self->n_days);
  first = self->first;
  n_days = self->n_days;
  if (self->view == VIEW_MONTH)
    /* The grid shows whole weeks around the month. */
    paraat_month_view_get_grid (&self->date, &first, &n_days);

  from = g_date_time_new (tz, g_date_get_year (&first), g_date_get_month (&first), g_date_get_day (&first), 0, 0, 0);
  to = g_date_time_add_days (from, (int) n_days);
  /* Let go of the last period before reading the next: a year of all
   * regions at 100,000 exercises is some 10 MB of objects. */
  g_list_store_remove_all (self->exercises);
  list = paraat_store_list_exercises (self->store, self->scope, g_date_time_to_unix (from),
                                      g_date_time_to_unix (to), &error);
  /* The visible imported calendars' events, beside the exercises */
  if (list != NULL && self->n_visible_sources > 0)
    {
      g_autoptr(GPtrArray) events = paraat_store_list_source_exercises (self->store, self->scope,
                                                                        g_date_time_to_unix (from),
                                                                        g_date_time_to_unix (to), &error);

      if (events == NULL)
        g_clear_pointer (&list, g_ptr_array_unref);
      else
        g_ptr_array_extend_and_steal (list, g_steal_pointer (&events));
    }
  if (list == NULL)
    {
      paraat_window_add_toast_for (GTK_WIDGET (self),
                                   adw_toast_new_format (_("Could not read the calendar: %s"), error->message));
      return;
    }
  g_list_store_splice (self->exercises, 0, g_list_model_get_n_items (G_LIST_MODEL (self->exercises)),
                       list->pdata, list->len);
  refresh_view (self);
}

static void
on_filter_changed_cb (ParaatCalendarPage *self)
{
  /* The drop-downs announce their first selection during construction. */
  if (self->filtered == NULL)
    return;
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  refresh_view (self);
}

static void
on_span_changed_cb (ParaatCalendarPage *self)
{
  if (self->filtered != NULL)
    reload (self);
}

/* The narrow form of the view buttons */
static void
on_view_dropdown_changed_cb (ParaatCalendarPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->view_dropdown);

  if (self->filtered != NULL && selected < N_VIEWS)
    paraat_calendar_page_set_view (self, view_names[selected]);
}

/* Public */

void
paraat_calendar_page_set_scope (ParaatCalendarPage *self,
                                ParaatScope        *scope)
{
  g_clear_pointer (&self->scope, paraat_scope_unref);
  self->scope = paraat_scope_ref (scope);
  if (self->actions_view != NULL)
    paraat_actions_view_set_scope (self->actions_view, scope);
  reload (self);
}

void
paraat_calendar_page_set_view (ParaatCalendarPage *self,
                               const char         *name)
{
  for (guint i = 0; i < N_VIEWS; i++)
    {
      if (g_strcmp0 (name, view_names[i]) == 0)
        {
          if (self->view == (View) i)
            return;
          self->view = (View) i;
          gtk_drop_down_set_selected (self->view_dropdown, i);
          reload (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
          return;
        }
    }
  g_warning ("No calendar view called “%s”", name);
}

const char *
paraat_calendar_page_get_view (ParaatCalendarPage *self)
{
  return view_names[self->view];
}

void
paraat_calendar_page_set_date (ParaatCalendarPage *self,
                               int                 year,
                               int                 month,
                               int                 day)
{
  year = CLAMP (year, 1900, 2999);
  month = CLAMP (month, 1, 12);
  day = CLAMP (day, 1, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
  g_date_set_dmy (&self->date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  reload (self);
}

void
paraat_calendar_page_set_year (ParaatCalendarPage *self,
                               int                 year)
{
  paraat_calendar_page_set_date (self, year, 1, 1);
}

int
paraat_calendar_page_get_year (ParaatCalendarPage *self)
{
  return g_date_get_year (&self->date);
}

int
paraat_calendar_page_get_month (ParaatCalendarPage *self)
{
  return g_date_get_month (&self->date);
}

GListModel *
paraat_calendar_page_get_model (ParaatCalendarPage *self)
{
  return G_LIST_MODEL (self->selection);
}

GtkWidget *
paraat_calendar_page_get_view_widget (ParaatCalendarPage *self,
                                      const char         *name)
{
  if (g_strcmp0 (name, "year") == 0)
    return GTK_WIDGET (self->year_view);
  if (g_strcmp0 (name, "month") == 0)
    return GTK_WIDGET (self->month_view);
  if (g_strcmp0 (name, "timeline") == 0)
    return GTK_WIDGET (self->timeline_view);
  if (g_strcmp0 (name, "actions") == 0)
    return GTK_WIDGET (self->actions_view);

  return GTK_WIDGET (self->column_view);
}

void
paraat_calendar_page_set_search (ParaatCalendarPage *self,
                                 const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_filter_changed_cb (self);
}

void
paraat_calendar_page_focus_search (ParaatCalendarPage *self)
{
  if (self->view == VIEW_ACTIONS)
    paraat_calendar_page_set_view (self, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
paraat_calendar_page_select_uid (ParaatCalendarPage *self,
                                 const char         *uid)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (model, i);

      if (g_strcmp0 (paraat_exercise_get_uid (ex), uid) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

void
paraat_calendar_page_show_action_items (ParaatCalendarPage *self,
                                        const char         *region_code,
                                        const char         *which)
{
  paraat_actions_view_set_region (self->actions_view, region_code);
  paraat_actions_view_set_filter (self->actions_view, which);
  paraat_calendar_page_set_view (self, "actions");
}

static void
show_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);
  const char *day = g_variant_get_string (parameter, NULL);
  int y, m, d;

  if (sscanf (day, "%d-%d-%d", &y, &m, &d) != 3)
    return;
  g_date_set_dmy (&self->date, 1, G_DATE_JANUARY, 2000);
  paraat_calendar_page_set_view (self, "month");
  paraat_calendar_page_set_date (self, y, m, d);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);
  int direction = g_str_equal (action_name, "calendar.next") ? 1 : -1;

  if (g_str_equal (action_name, "calendar.today"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      paraat_calendar_page_set_date (self, g_date_time_get_year (now), g_date_time_get_month (now),
                                     g_date_time_get_day_of_month (now));
      return;
    }

  switch (paraat_calendar_page_get_span (self))
    {
    case SPAN_WEEK:
      if (direction > 0)
        g_date_add_days (&self->date, 7);
      else
        g_date_subtract_days (&self->date, 7);
      break;
    case SPAN_MONTH:
    case SPAN_QUARTER:
      if (direction > 0)
        g_date_add_months (&self->date, paraat_calendar_page_get_span (self) == SPAN_MONTH ? 1 : 3);
      else
        g_date_subtract_months (&self->date, paraat_calendar_page_get_span (self) == SPAN_MONTH ? 1 : 3);
      break;
    case SPAN_YEAR:
    default:
      if (direction > 0)
        g_date_add_years (&self->date, 1);
      else
        g_date_subtract_years (&self->date, 1);
      break;
    }
  paraat_calendar_page_set_date (self, g_date_get_year (&self->date), g_date_get_month (&self->date),
                                 g_date_get_day (&self->date));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);

  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->discipline_dropdown, 0);
  gtk_drop_down_set_selected (self->defence_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_menu_button_popdown (self->filter_button);
}

static void
on_column_view_activate_cb (ParaatCalendarPage *self,
                            guint               position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  paraat_calendar_page_edit_selected (self, FALSE);
}

static void
on_show_exercise_cb (ParaatCalendarPage *self,
                     const char         *uid)
{
  paraat_calendar_page_open_exercise (self, uid);
}

/* Columns */

static char *
cell_text (ParaatExercise *ex,
           Column          column)
{
  switch (column)
    {
    case COLUMN_WHEN:
      return paraat_exercise_format_when (ex);
    case COLUMN_TITLE:
      return g_strdup (paraat_exercise_get_title (ex));
    case COLUMN_REGION:
      return g_strdup (paraat_exercise_get_region_code (ex));
    case COLUMN_TYPE:
      /* An imported event has no type: its calendar says what it is */
      if (paraat_exercise_is_imported (ex))
        return g_strdup (paraat_exercise_get_calendar (ex));
      return g_strdup (paraat_exercise_get_type_code (ex));
    case COLUMN_STATUS:
      return g_strdup (paraat_exercise_status_get_label (paraat_exercise_get_status (ex)));
    case COLUMN_DEFENCE:
    default:
      if (paraat_exercise_is_imported (ex))
        return g_strdup (paraat_exercise_get_defence_units (ex));
      if (paraat_exercise_get_defence (ex) == PARAAT_DEFENCE_NONE)
        return g_strdup ("");
      return g_strdup (paraat_defence_get_label (paraat_exercise_get_defence (ex)));
    }
}

static char *
column_text (gpointer item,
             gpointer data)
{
  return cell_text (item, GPOINTER_TO_UINT (data));
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  ParaatExercise *x = (ParaatExercise *) a;
  ParaatExercise *y = (ParaatExercise *) b;
  g_autofree char *u = NULL;
  g_autofree char *v = NULL;
  int result;

  if (column == COLUMN_WHEN)
    {
      gint64 s = paraat_exercise_get_start_utc (x), t = paraat_exercise_get_start_utc (y);

      result = s < t ? -1 : s > t;
    }
  else if (column == COLUMN_STATUS)
    result = (int) paraat_exercise_get_status (x) - (int) paraat_exercise_get_status (y);
  else
    {
      u = cell_text (x, column);
      v = cell_text (y, column);
      result = g_utf8_collate (u, v);
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
build_columns (ParaatCalendarPage *self)
{
  static const struct {
    Column      column;
    const char *title;
    guint       nat_chars;
    gboolean    expand;
  } columns[] = {
    { COLUMN_WHEN, NC_("column header", "When"), 22, FALSE },
    { COLUMN_TITLE, NC_("column header", "Exercise"), 30, TRUE },
    { COLUMN_REGION, NC_("column header", "Region"), 6, FALSE },
    { COLUMN_TYPE, NC_("column header", "Type"), 10, FALSE },
    { COLUMN_STATUS, NC_("column header", "Status"), 13, FALSE },
    { COLUMN_DEFENCE, NC_("column header", "Defence"), 13, FALSE },
  };
  GtkColumnViewColumn *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;

      column = paraat_text_column_new (g_dpgettext2 (NULL, "column header", columns[i].title), 0,
                                       columns[i].nat_chars, columns[i].expand, column_text, compare_cb,
                                       GUINT_TO_POINTER (columns[i].column));
      gtk_column_view_append_column (self->column_view, column);
      if (first == NULL)
        first = column;
    }
  gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
}

static void
fill_code_dropdown (ParaatCalendarPage *self,
                    GtkDropDown        *dropdown,
                    GPtrArray          *codes,
                    ParaatKind          kind,
                    const char         *any)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GListModel *records = paraat_store_get_records (self->store, kind);
  const char *selected = selected_code (dropdown, codes);
  g_autofree char *keep = g_strdup (selected);
  guint position = 0;

  g_ptr_array_set_size (codes, 0);
  gtk_string_list_append (labels, any);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (records, i);

      g_ptr_array_add (codes, g_strdup (paraat_record_get_key (record)));
      gtk_string_list_append (labels, paraat_record_get_title (record));
      if (g_strcmp0 (keep, paraat_record_get_key (record)) == 0)
        position = codes->len;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, position);
}

static void
fill_filters (ParaatCalendarPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) defence = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("Any Status"));
  for (guint i = 0; i < PARAAT_N_EXERCISE_STATUSES; i++)
    gtk_string_list_append (statuses, paraat_exercise_status_get_label (i));
  gtk_string_list_append (defence, _("Any Defence Role"));
  for (guint i = 0; i < PARAAT_N_DEFENCE; i++)
    gtk_string_list_append (defence, paraat_defence_get_label (i));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->defence_dropdown, G_LIST_MODEL (defence));
  fill_code_dropdown (self, self->type_dropdown, self->type_codes, PARAAT_KIND_EXERCISE_TYPE, _("Any Type"));
  fill_code_dropdown (self, self->discipline_dropdown, self->discipline_codes, PARAAT_KIND_DISCIPLINE,
                      _("Any Discipline"));
}

/* GObject */

static void
on_store_changed_cb (ParaatCalendarPage *self,
                     guint               kind)
{
  if (kind == PARAAT_KIND_EXERCISE_TYPE)
    fill_code_dropdown (self, self->type_dropdown, self->type_codes, PARAAT_KIND_EXERCISE_TYPE, _("Any Type"));
  else if (kind == PARAAT_KIND_DISCIPLINE)
    fill_code_dropdown (self, self->discipline_dropdown, self->discipline_codes, PARAAT_KIND_DISCIPLINE,
                        _("Any Discipline"));
  if (kind == PARAAT_CHANGE_SOURCES)
    paraat_calendar_page_update_sources (self);
  if (kind == PARAAT_CHANGE_CALENDAR || kind == PARAAT_KIND_REGION || kind == PARAAT_KIND_EXERCISE_TYPE ||
      kind == PARAAT_KIND_ASSIGNMENT || kind == PARAAT_CHANGE_SOURCES)
    reload (self);
}

static GtkWidget *
add_view (ParaatCalendarPage *self,
          GtkWidget          *view,
          const char         *name,
          gboolean            scrolled)
{
  GtkWidget *child = view;

  if (scrolled)
    child = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                          "child", view,
                          "hscrollbar-policy", GTK_POLICY_NEVER,
                          NULL);
  gtk_stack_add_named (self->stack, child, name);

  return view;
}

static void
paraat_calendar_page_constructed (GObject *object)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (object);
  GtkSortListModel *sorted;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  G_OBJECT_CLASS (paraat_calendar_page_parent_class)->constructed (object);

  g_date_set_dmy (&self->date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  span_bounds (SPAN_YEAR, &self->date, &self->first, &self->n_days);
  self->year_view = PARAAT_YEAR_VIEW (add_view (self, paraat_year_view_new (self->store), "year", TRUE));
  self->month_view = PARAAT_MONTH_VIEW (add_view (self, paraat_month_view_new (self->store), "month", TRUE));
  self->timeline_view = PARAAT_TIMELINE_VIEW (add_view (self, paraat_timeline_view_new (self->store),
                                                        "timeline", TRUE));
  self->actions_view = PARAAT_ACTIONS_VIEW (add_view (self, paraat_actions_view_new (self->store),
                                                      "actions", FALSE));
  self->legend = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->legend), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->legend), 12);
  gtk_widget_add_css_class (self->legend, "calendar-legend");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Exercise types and their colours"), -1);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->stack))),
                  g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                                "child", self->legend,
                                "hscrollbar-policy", GTK_POLICY_NEVER,
                                "propagate-natural-height", TRUE,
                                "max-content-height", 64,
                                NULL));
  g_signal_connect_object (self->actions_view, "show-exercise", G_CALLBACK (on_show_exercise_cb), self,
                           G_CONNECT_SWAPPED);

  fill_filters (self);
  paraat_calendar_page_update_sources (self);
  build_columns (self);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->exercises)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_exercise, self, NULL)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  update_state (self);
}

static void
paraat_calendar_page_dispose (GObject *object)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_CALENDAR_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->exercises);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->scope, paraat_scope_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->deleted_uid, g_free);
  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->discipline_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (paraat_calendar_page_parent_class)->dispose (object);
}

static void
paraat_calendar_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_VIEW:
      if (self->store != NULL)
        paraat_calendar_page_set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_calendar_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_VIEW:
      g_value_set_string (value, view_names[self->view]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_calendar_page_class_init (ParaatCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = paraat_calendar_page_constructed;
  object_class->dispose = paraat_calendar_page_dispose;
  object_class->get_property = paraat_calendar_page_get_property;
  object_class->set_property = paraat_calendar_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PARAAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "year", "month", "timeline", "list" or "actions" */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "year",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, zoom_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, rows_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, discipline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, defence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, calendars_box);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, calendars_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_span_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_property_action (widget_class, "calendar.view", "view");
  gtk_widget_class_install_action (widget_class, "calendar.show-day", "s", show_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "calendar.clear-filters", NULL, clear_filters_action);
  paraat_calendar_page_class_sources_init (widget_class);
  paraat_calendar_page_class_actions_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "calendar.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "calendar.view", "s", "year");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "calendar.view", "s", "month");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "calendar.view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "calendar.view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK, "calendar.view", "s", "actions");
}

static void
paraat_calendar_page_init (ParaatCalendarPage *self)
{
  self->exercises = g_list_store_new (PARAAT_TYPE_EXERCISE);
  self->type_codes = g_ptr_array_new_with_free_func (g_free);
  self->discipline_codes = g_ptr_array_new_with_free_func (g_free);
  self->view = VIEW_YEAR;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
paraat_calendar_page_new (ParaatStore *store)
{
  return g_object_new (PARAAT_TYPE_CALENDAR_PAGE, "store", store, NULL);
}
