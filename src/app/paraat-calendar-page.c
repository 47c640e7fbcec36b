/* paraat-calendar-page.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The exercise calendar as a list: one year of the scope's exercises
 * (recurring ones per occurrence), filtered by text, status and Defence
 * participation, sortable by every column.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-calendar-page.h"
#include "paraat-exercise-editor.h"
#include "paraat-text-column.h"
#include "paraat-utils.h"
#include "paraat-window.h"

struct _ParaatCalendarPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkLabel           *period_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *defence_dropdown;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  /* Owned */
  ParaatStore        *store;
  ParaatScope        *scope;
  GListStore         *exercises;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *deleted_uid;   /* for Undo */

  int                 year;
};

G_DEFINE_FINAL_TYPE (ParaatCalendarPage, paraat_calendar_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
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

static ParaatWindow *
get_window (ParaatCalendarPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return PARAAT_IS_WINDOW (root) ? PARAAT_WINDOW (root) : NULL;
}

static void
update_state (ParaatCalendarPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->exercises));
  g_autofree char *period = g_strdup_printf ("%d", self->year);
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_label_set_text (self->period_label, period);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.duplicate", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.delete", selected);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (total > 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      adw_status_page_set_description (self->empty_page,
                                       _("No exercise this year matches the search and filters. Clear them to "
                                         "see the whole year."));
    }
  else
    {
      g_autofree char *description = g_strdup_printf (_("Nothing is planned in %d for the regions in scope. "
                                                        "Plan the first exercise with New Exercise (Ctrl+N)."),
                                                      self->year);

      adw_status_page_set_title (self->empty_page, _("No Exercises Yet"));
      adw_status_page_set_description (self->empty_page, description);
    }
}

static void
reload (ParaatCalendarPage *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, self->year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, self->year + 1, 1, 1, 0, 0, 0);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  if (self->scope == NULL)
    return;
  list = paraat_store_list_exercises (self->store, self->scope, g_date_time_to_unix (from),
                                      g_date_time_to_unix (to), &error);
  if (list == NULL)
    {
      if (get_window (self) != NULL)
        paraat_window_add_toast (get_window (self),
                                 adw_toast_new_format (_("Could not read the calendar: %s"), error->message));
      return;
    }
  g_list_store_splice (self->exercises, 0, g_list_model_get_n_items (G_LIST_MODEL (self->exercises)),
                       list->pdata, list->len);
  update_state (self);
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

  /* Entry 0 of both drop-downs is "all" */
  if (status > 0 && paraat_exercise_get_status (ex) != status - 1)
    return FALSE;
  if (defence > 0 && paraat_exercise_get_defence (ex) != defence - 1)
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

static void
on_filter_changed_cb (ParaatCalendarPage *self)
{
  /* The drop-downs announce their first selection during construction. */
  if (self->filtered == NULL)
    return;
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

void
paraat_calendar_page_set_scope (ParaatCalendarPage *self,
                                ParaatScope        *scope)
{
  g_clear_pointer (&self->scope, paraat_scope_unref);
  self->scope = paraat_scope_ref (scope);
  reload (self);
}

void
paraat_calendar_page_set_year (ParaatCalendarPage *self,
                               int                 year)
{
  self->year = CLAMP (year, 1900, 2999);
  reload (self);
}

int
paraat_calendar_page_get_year (ParaatCalendarPage *self)
{
  return self->year;
}

GListModel *
paraat_calendar_page_get_model (ParaatCalendarPage *self)
{
  return G_LIST_MODEL (self->selection);
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
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Editing */

static GtkWindow *
present_editor (ParaatCalendarPage *self,
                ParaatExercise     *exercise,
                gboolean            duplicate)
{
  g_autoptr(ParaatExercise) series = NULL;
  ParaatExerciseEditor *editor;

  /* An occurrence stands for its series: edit the stored exercise. */
  if (exercise != NULL && paraat_exercise_is_occurrence (exercise))
    series = paraat_store_get_exercise (self->store, paraat_exercise_get_uid (exercise), NULL);
  editor = paraat_exercise_editor_new (self->store, series ? series : exercise, duplicate);
  if (exercise == NULL && self->scope != NULL && paraat_scope_get_kind (self->scope) == PARAAT_SCOPE_REGION)
    paraat_exercise_editor_set_text (editor, "title", "");
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (get_window (self)));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

GtkWindow *
paraat_calendar_page_edit_selected (ParaatCalendarPage *self,
                                    gboolean            duplicate)
{
  ParaatExercise *ex = gtk_single_selection_get_selected_item (self->selection);

  return ex ? present_editor (self, ex, duplicate) : NULL;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_editor (PARAAT_CALENDAR_PAGE (widget), NULL, FALSE);
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

  if (self->deleted_uid != NULL &&
      !paraat_store_undelete_exercise (self->store, self->deleted_uid, &error) && get_window (self) != NULL)
    paraat_window_add_toast (get_window (self), adw_toast_new_format (_("Could not undo: %s"), error->message));
  g_clear_pointer (&self->deleted_uid, g_free);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);
  ParaatExercise *ex = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *uid = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (ex == NULL)
    return;
  uid = g_strdup (paraat_exercise_get_uid (ex));
  title = g_strdup (paraat_exercise_get_title (ex));
  if (!paraat_store_delete_exercise (self->store, uid, &error))
    {
      if (get_window (self) != NULL)
        paraat_window_add_toast (get_window (self), adw_toast_new_format (_("Could not delete: %s"), error->message));
      return;
    }

  g_free (self->deleted_uid);
  self->deleted_uid = g_steal_pointer (&uid);
  /* Translators: %s is an exercise's title */
  toast = adw_toast_new_format (_("Deleted “%s”"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  if (get_window (self) != NULL)
    paraat_window_add_toast (get_window (self), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_undo_clicked_cb (NULL, PARAAT_CALENDAR_PAGE (widget));
}

static void
move_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_str_equal (action_name, "calendar.today"))
    paraat_calendar_page_set_year (self, g_date_time_get_year (now));
  else
    paraat_calendar_page_set_year (self, self->year + (g_str_equal (action_name, "calendar.next") ? 1 : -1));
}

static void
on_column_view_activate_cb (ParaatCalendarPage *self,
                            guint               position)
{
  gtk_single_selection_set_selected (self->selection, position);
  paraat_calendar_page_edit_selected (self, FALSE);
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
      return g_strdup (paraat_exercise_get_type_code (ex));
    case COLUMN_STATUS:
      return g_strdup (paraat_exercise_status_get_label (paraat_exercise_get_status (ex)));
    case COLUMN_DEFENCE:
    default:
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
}

/* GObject */

static void
on_store_changed_cb (ParaatCalendarPage *self,
                     guint               kind)
{
  if (kind == PARAAT_CHANGE_CALENDAR || kind == PARAAT_KIND_REGION || kind == PARAAT_KIND_EXERCISE_TYPE)
    reload (self);
}

static void
paraat_calendar_page_constructed (GObject *object)
{
  ParaatCalendarPage *self = PARAAT_CALENDAR_PAGE (object);
  GtkSortListModel *sorted;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  G_OBJECT_CLASS (paraat_calendar_page_parent_class)->constructed (object);

  self->year = g_date_time_get_year (now);
  fill_filters (self);
  build_columns (self);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->exercises)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_exercise, self, NULL)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_state), self,
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
  g_clear_pointer (&self->scope, paraat_scope_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->deleted_uid, g_free);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, defence_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatCalendarPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "calendar.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "calendar.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "calendar.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "calendar.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "calendar.undo-delete", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, move_year_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, move_year_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, move_year_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "calendar.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "calendar.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "calendar.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "calendar.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "calendar.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "calendar.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "calendar.next", NULL);
}

static void
paraat_calendar_page_init (ParaatCalendarPage *self)
{
  self->exercises = g_list_store_new (PARAAT_TYPE_EXERCISE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

GtkWidget *
paraat_calendar_page_new (ParaatStore *store)
{
  return g_object_new (PARAAT_TYPE_CALENDAR_PAGE, "store", store, NULL);
}
