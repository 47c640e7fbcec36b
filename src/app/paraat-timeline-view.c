/* paraat-timeline-view.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline: one row per region in scope (or per Defence unit asked
 * for), a horizontal time axis of a week, a month or a quarter, and a bar
 * per exercise in the colour of its type. Exercises that overlap within a
 * row get lanes; a region that only takes part shows a lighter bar. This
 * is where an OVR sees the regions of a brigade side by side.
 *
 * The axis, the grid and the row names are drawn; the bars are real
 * buttons (see paraat-exercise-chip.c), positioned by time.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-calendar-layout.h"
#include "paraat-exercise-chip.h"
#include "paraat-record.h"
#include "paraat-timeline-view.h"
#include "paraat-utils.h"

#define HEADER_HEIGHT 44
#define LABEL_WIDTH   180
#define LANE_HEIGHT   26
#define ROW_PADDING   6
#define MIN_AREA      200

typedef struct
{
  char  *key;
  char  *title;
  guint  n_lanes;
  int    y;
  int    height;
} Row;

typedef struct
{
  GtkWidget *chip;
  guint      row;
  int        lane;
  gint64     start;
  gint64     end;
} Bar;

struct _ParaatTimelineView
{
  GtkWidget    parent_instance;

  ParaatStore *store;
  GArray      *rows;      /* Row */
  GArray      *bars;      /* Bar */
  GDate        first;
  guint        n_days;
  gint64       from;      /* UTC seconds of the first day's midnight */
  gint64       to;
  ParaatTimelineRows row_kind;
};

G_DEFINE_FINAL_TYPE (ParaatTimelineView, paraat_timeline_view, GTK_TYPE_WIDGET)

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_free (row->key);
  g_free (row->title);
}

static void
clear_bars (ParaatTimelineView *self)
{
  for (guint i = 0; i < self->bars->len; i++)
    gtk_widget_unparent (g_array_index (self->bars, Bar, i).chip);
  g_array_set_size (self->bars, 0);
}

static guint
find_row (ParaatTimelineView *self,
          const char         *key)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (g_array_index (self->rows, Row, i).key, key) == 0)
      return i;

  return G_MAXUINT;
}

static void
add_row (ParaatTimelineView *self,
         const char         *key,
         const char         *title)
{
  Row row = { g_strdup (key), g_strdup (title), 0, 0, 0 };

  g_array_append_val (self->rows, row);
}

static void
add_bar (ParaatTimelineView *self,
         ParaatExercise     *exercise,
         guint               row,
         gboolean            participant)
{
  Bar bar = { paraat_exercise_chip_new (self->store, exercise), row, 0,
              paraat_exercise_get_start_utc (exercise), paraat_exercise_get_end_utc (exercise) };

  /* On a month or a quarter an exercise takes its whole days: a two-hour
   * drill would otherwise be a sliver. */
  if (self->n_days > 7)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (bar.start);
      g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (MAX (bar.end - 1, bar.start));
      g_autoptr(GDateTime) start_local = g_date_time_to_timezone (start, tz);
      g_autoptr(GDateTime) end_local = g_date_time_to_timezone (end, tz);
      g_autoptr(GDateTime) day_start = g_date_time_new (tz, g_date_time_get_year (start_local),
                                                        g_date_time_get_month (start_local),
                                                        g_date_time_get_day_of_month (start_local), 0, 0, 0);
      g_autoptr(GDateTime) last_day = g_date_time_new (tz, g_date_time_get_year (end_local),
                                                       g_date_time_get_month (end_local),
                                                       g_date_time_get_day_of_month (end_local), 0, 0, 0);
      g_autoptr(GDateTime) day_end = g_date_time_add_days (last_day, 1);

      bar.start = g_date_time_to_unix (day_start);
      bar.end = g_date_time_to_unix (day_end);
    }

  if (participant)
    gtk_widget_add_css_class (bar.chip, "participant");
  if (bar.start < self->from)
    gtk_widget_add_css_class (bar.chip, "continues-before");
  if (bar.end > self->to)
    gtk_widget_add_css_class (bar.chip, "continues-after");
  gtk_widget_set_parent (bar.chip, GTK_WIDGET (self));
  g_array_append_val (self->bars, bar);
}

static int
compare_bars (gconstpointer a,
              gconstpointer b)
{
  const Bar *x = a;
  const Bar *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;

  return x->end > y->end ? -1 : x->end < y->end;
}

static void
build_region_rows (ParaatTimelineView *self,
                   ParaatScope        *scope)
{
  GListModel *regions = paraat_store_get_records (self->store, PARAAT_KIND_REGION);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(ParaatRecord) region = g_list_model_get_item (regions, i);
      const char *code = paraat_record_get_key (region);

      if (scope == NULL || paraat_scope_contains_region (scope, code))
        {
          add_row (self, code, paraat_record_get_title (region));
        }
    }
}

void
paraat_timeline_view_set_exercises (ParaatTimelineView *self,
                                    ParaatScope        *scope,
                                    const GDate        *first,
                                    guint               n_days,
                                    ParaatTimelineRows  rows,
                                    GListModel         *exercises)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, g_date_get_year (first), g_date_get_month (first),
                                               g_date_get_day (first), 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, (int) n_days);
  g_autofree gint64 *starts = NULL;
  g_autofree gint64 *ends = NULL;
  g_autofree int *lanes = NULL;
  guint n = g_list_model_get_n_items (exercises);

  self->first = *first;
  self->n_days = n_days;
  self->from = g_date_time_to_unix (from);
  self->to = g_date_time_to_unix (to);
  self->row_kind = rows;
  clear_bars (self);
  g_array_set_size (self->rows, 0);

  if (rows == PARAAT_TIMELINE_ROWS_REGIONS)
    build_region_rows (self, scope);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (exercises, i);

      if (paraat_exercise_get_end_utc (ex) <= self->from || paraat_exercise_get_start_utc (ex) >= self->to)
        continue;
      if (rows == PARAAT_TIMELINE_ROWS_REGIONS)
        {
          const char * const *others = paraat_exercise_get_regions (ex);
          guint row = find_row (self, paraat_exercise_get_region_code (ex));

          /* An imported event that names no region (a unit's own
           * exercise on a brigade's calendar) gets its calendar's row. */
          if (paraat_exercise_is_imported (ex) && *paraat_exercise_get_region_code (ex) == '\0' &&
              (others == NULL || others[0] == NULL))
            {
              g_autofree char *key = g_strconcat ("@", paraat_exercise_get_calendar (ex), NULL);

              if ((row = find_row (self, key)) == G_MAXUINT)
                {
                  add_row (self, key, paraat_exercise_get_calendar (ex));
                  row = self->rows->len - 1;
                }
            }
          if (row != G_MAXUINT)
            add_bar (self, ex, row, FALSE);
          for (guint k = 0; others != NULL && others[k] != NULL; k++)
            if ((row = find_row (self, others[k])) != G_MAXUINT)
              add_bar (self, ex, row, TRUE);
        }
      else
        {
          /* Units are free text: "43 Gemechaniseerde Brigade, 11 Geniecompagnie" */
          g_auto(GStrv) units = paraat_split_list (paraat_exercise_get_defence_units (ex));

          /* A Defence calendar's events name their units themselves */
          if (paraat_exercise_get_defence (ex) == PARAAT_DEFENCE_NONE && !paraat_exercise_is_imported (ex))
            continue;
          for (guint k = 0; units[k] != NULL; k++)
            {
              guint row = find_row (self, units[k]);

              if (row == G_MAXUINT)
                {
                  add_row (self, units[k], units[k]);
                  row = self->rows->len - 1;
                }
              add_bar (self, ex, row, FALSE);
            }
        }
    }

  /* Lanes per row */
  g_array_sort (self->bars, compare_bars);
  starts = g_new (gint64, self->bars->len + 1);
  ends = g_new (gint64, self->bars->len + 1);
  lanes = g_new (int, self->bars->len + 1);
  for (guint i = 0; i < self->bars->len; i++)
    {
      starts[i] = g_array_index (self->bars, Bar, i).start;
      ends[i] = MAX (g_array_index (self->bars, Bar, i).end, starts[i] + 1);
    }
  for (guint i = 0, j; i < self->bars->len; i = j)
    {
      guint row = g_array_index (self->bars, Bar, i).row;

      for (j = i; j < self->bars->len && g_array_index (self->bars, Bar, j).row == row; j++)
        ;
      g_array_index (self->rows, Row, row).n_lanes =
        paraat_calendar_assign_lanes (starts + i, ends + i, j - i, 0, lanes + i);
      for (guint k = i; k < j; k++)
        g_array_index (self->bars, Bar, k).lane = lanes[k];
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
paraat_timeline_view_get_n_rows (ParaatTimelineView *self)
{
  return self->rows->len;
}

guint
paraat_timeline_view_get_n_bars (ParaatTimelineView *self)
{
  return self->bars->len;
}

/* Layout */

static int
rows_height (ParaatTimelineView *self)
{
  int height = HEADER_HEIGHT;

  for (guint i = 0; i < self->rows->len; i++)
    height += (int) MAX (g_array_index (self->rows, Row, i).n_lanes, 1) * LANE_HEIGHT + 2 * ROW_PADDING;

  return height;
}

static void
paraat_timeline_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  ParaatTimelineView *self = PARAAT_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + MIN_AREA;
      *natural = LABEL_WIDTH + 4 * MIN_AREA;
    }
  else
    *minimum = *natural = MAX (rows_height (self), HEADER_HEIGHT + 3 * LANE_HEIGHT);
}

static double
time_to_x (ParaatTimelineView *self,
           gint64              t,
           int                 width)
{
  double area = MAX (width - LABEL_WIDTH, 1);

  t = CLAMP (t, self->from, self->to);

  return LABEL_WIDTH + area * (double) (t - self->from) / (double) MAX (self->to - self->from, 1);
}

static void
paraat_timeline_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  ParaatTimelineView *self = PARAAT_TIMELINE_VIEW (widget);
  int y = HEADER_HEIGHT;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      row->y = y;
      row->height = (int) MAX (row->n_lanes, 1) * LANE_HEIGHT + 2 * ROW_PADDING;
      y += row->height;
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      Row *row = &g_array_index (self->rows, Row, bar->row);
      double x1 = time_to_x (self, bar->start, width);
      double x2 = time_to_x (self, bar->end, width);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (bar->chip));
      int min_width;

      /* Too narrow for a readable title: the tooltip and the accessible
       * name still carry it. */
      gtk_widget_set_visible (label, x2 - x1 >= 36);
      gtk_widget_measure (bar->chip, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      gtk_widget_size_allocate (bar->chip,
                                &(GtkAllocation) { (int) x1 + 1, row->y + ROW_PADDING + bar->lane * LANE_HEIGHT,
                                                   MAX ((int) (x2 - x1) - 2, min_width), LANE_HEIGHT - 3 },
                                -1);
    }
}

/* Drawing */

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
paraat_timeline_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  ParaatTimelineView *self = PARAAT_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int bottom = MIN (rows_height (self), height);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GdkRGBA fg, line, shade, accent;
  double day_width = (double) (width - LABEL_WIDTH) / MAX (self->n_days, 1);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = fg;
  line.alpha = 0.15f;
  shade = fg;
  shade.alpha = 0.04f;
  gdk_rgba_parse (&accent, "#e01b24");

  /* Days: weekends shaded, lines between days (or weeks when days are
   * narrow), and the axis labels. */
  for (guint d = 0; d < self->n_days; d++)
    {
      GDate day = self->first;
      float x;
      gboolean week_start, month_start;

      g_date_add_days (&day, d);
      x = (float) (LABEL_WIDTH + d * day_width);
      week_start = g_date_get_weekday (&day) == G_DATE_MONDAY;
      month_start = g_date_get_day (&day) == 1;
      if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
        gtk_snapshot_append_color (snapshot, &shade,
                                   &GRAPHENE_RECT_INIT (x, HEADER_HEIGHT, (float) day_width, (float) (bottom - HEADER_HEIGHT)));
      if (day_width >= 14 || week_start || month_start)
        {
          float top = month_start || week_start ? 0 : HEADER_HEIGHT / 2.f;

          gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, top, 1, (float) bottom - top));
        }

      if (day_width >= 14 || (week_start && day_width * 7 >= 30))
        {
          g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                                           g_date_get_day (&day), 12, 0, 0);
          g_autofree char *text = NULL;
          g_autoptr(PangoLayout) layout = NULL;

          if (day_width >= 60)
            text = g_date_time_format (dt, "%a %e");
          else if (day_width >= 14)
            text = g_strdup_printf ("%d", g_date_get_day (&day));
          else
            /* Translators: an ISO week number on the quarter timeline's axis */
            text = g_strdup_printf (_("wk %d"), g_date_time_get_week_of_year (dt));
          layout = make_layout (widget, text, FALSE);
          pango_layout_set_width (layout, (int) (MAX (day_width, day_width * 7) * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          draw_text (snapshot, layout, x + 3, HEADER_HEIGHT / 2.f + 2, &fg);
        }
      if (d == 0 || month_start)
        {
          g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), 1, 12, 0, 0);
          g_autofree char *month = g_date_time_format (dt, "%OB %Y");
          g_autoptr(PangoLayout) layout = make_layout (widget, month, TRUE);

          draw_text (snapshot, layout, x + 3, 3, &fg);
        }
    }

  /* Rows: separators and names */
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, HEADER_HEIGHT - 1, (float) width, 1));
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autoptr(PangoLayout) layout = make_layout (widget, row->title, FALSE);
      int text_height;

      pango_layout_set_width (layout, (LABEL_WIDTH - 18) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &text_height);
      draw_text (snapshot, layout, 12, (float) (row->y + MIN (ROW_PADDING + (LANE_HEIGHT - text_height) / 2,
                                                             (row->height - text_height) / 2)), &fg);
      gtk_snapshot_append_color (snapshot, &line,
                                 &GRAPHENE_RECT_INIT (0, (float) (row->y + row->height - 1), (float) width, 1));
    }

  /* Now */
  if (g_date_time_to_unix (now) >= self->from && g_date_time_to_unix (now) < self->to)
    {
      float x = (float) time_to_x (self, g_date_time_to_unix (now), width);

      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x - 1, HEADER_HEIGHT / 2.f, 2,
                                                                         (float) (bottom - HEADER_HEIGHT / 2)));
    }

  if (self->rows->len == 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (widget,
                                                   self->row_kind == PARAAT_TIMELINE_ROWS_UNITS
                                                   ? _("No exercise in this period asks for a Defence unit.")
                                                   : _("No region is in scope."),
                                                   FALSE);
      GdkRGBA dim = fg;

      dim.alpha = 0.55f;
      draw_text (snapshot, layout, 12, HEADER_HEIGHT + 12, &dim);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

/* GObject */

static void
paraat_timeline_view_dispose (GObject *object)
{
  ParaatTimelineView *self = PARAAT_TIMELINE_VIEW (object);

  if (self->bars != NULL)
    clear_bars (self);
  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (paraat_timeline_view_parent_class)->dispose (object);
}

static void
paraat_timeline_view_class_init (ParaatTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_timeline_view_dispose;
  widget_class->measure = paraat_timeline_view_measure;
  widget_class->size_allocate = paraat_timeline_view_size_allocate;
  widget_class->snapshot = paraat_timeline_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
paraat_timeline_view_init (ParaatTimelineView *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_date_clear (&self->first, 1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
paraat_timeline_view_new (ParaatStore *store)
{
  ParaatTimelineView *self = g_object_new (PARAAT_TYPE_TIMELINE_VIEW, NULL);

  self->store = g_object_ref (store);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);

  return GTK_WIDGET (self);
}
