/* paraat-actions-view.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The action items of every exercise in the scope, across exercises: what
 * is still open, what is overdue, or everything. A planner marks an item
 * done (or opens it again) here, or activates it to open its exercise's
 * evaluation.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "paraat-actions-view.h"
#include "paraat-evaluation-dialog.h"
#include "paraat-text-column.h"
#include "paraat-utils.h"
#include "paraat-window.h"

typedef enum
{
  COLUMN_WHAT,
  COLUMN_OWNER,
  COLUMN_DUE,
  COLUMN_STATUS,
  COLUMN_EXERCISE,
  COLUMN_REGION,
  N_COLUMNS
} Column;

/* The order of the drop-down's items */
typedef enum
{
  FILTER_OPEN,
  FILTER_OVERDUE,
  FILTER_ALL,
} Filter;

typedef struct
{
  ParaatActionsView *view;
  Column             column;
} ColumnData;

struct _ParaatActionsView
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkButton          *region_button;
  AdwButtonContent   *region_content;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  /* Owned */
  ParaatStore        *store;
  ParaatScope        *scope;
  char               *region;
  char               *today;
  GListStore         *items;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  ColumnData          columns[N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (ParaatActionsView, paraat_actions_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_EXERCISE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report_error (ParaatActionsView *self,
              const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Not every window has a toast overlay; say it in the view then. */
  if (PARAAT_IS_WINDOW (root))
    paraat_window_add_toast (PARAAT_WINDOW (root),
                             /* Translators: %s is the reason */
                             adw_toast_new_format (_("Could not change the action item: %s"), message));
  else
    {
      gtk_label_set_text (self->error_label, message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
    }
}

static ParaatActionItem *
get_selected (ParaatActionsView *self)
{
  return self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
update_state (ParaatActionsView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  ParaatActionItem *item = get_selected (self);
  gboolean done = item != NULL && paraat_action_item_get_status (item) == PARAAT_ACTION_DONE;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.mark-done", item != NULL && !done);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.reopen", done);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.show-exercise", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.open", item != NULL);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_status_page_set_icon_name (self->empty_page, total > 0 && (*text != '\0' || self->region != NULL)
                                                   ? "edit-find-symbolic" : "object-select-symbolic");
  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Action Items Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Action items follow from evaluations. Open an exercise that was held, "
                                         "choose Evaluate… and add what has to improve."));
    }
  else if (self->region != NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      adw_status_page_set_description (self->empty_page,
                                       _("No action item of this region matches the filter and the search. "
                                         "Clear the region or the search, or choose All, to see more."));
    }
  else if (*text != '\0')
    {
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      adw_status_page_set_description (self->empty_page,
                                       _("No action item in this list matches the search. Clear the search, or "
                                         "choose All, to see more."));
    }
  else if (gtk_drop_down_get_selected (self->filter_dropdown) == FILTER_OVERDUE)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Overdue"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every open action item is still within its due date. Choose Open or "
                                         "All to see them."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("All Action Items Done"));
      adw_status_page_set_description (self->empty_page,
                                       _("Nothing is left to do. Choose All to see the finished action items."));
    }
}

static void
reload (ParaatActionsView *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  ParaatActionItem *selected = get_selected (self);
  gint64 selected_id = selected ? paraat_action_item_get_id (selected) : 0;

  g_free (self->today);
  self->today = paraat_today_iso ();
  list = paraat_store_list_action_items (self->store, self->scope, NULL, FALSE, self->today, &error);
  if (list == NULL)
    {
      report_error (self, error->message);
      return;
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       list->pdata, list->len);
  if (selected_id != 0)
    paraat_actions_view_select_id (self, selected_id);
  update_state (self);
}

static gboolean
filter_item (gpointer object,
             gpointer user_data)
{
  ParaatActionsView *self = user_data;
  ParaatActionItem *item = object;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  switch ((Filter) gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_OPEN:
      if (paraat_action_item_get_status (item) == PARAAT_ACTION_DONE)
        return FALSE;
      break;
    case FILTER_OVERDUE:
      if (!paraat_action_item_is_overdue (item, self->today))
        return FALSE;
      break;
    case FILTER_ALL:
    default:
      break;
    }
  if (self->region != NULL && g_strcmp0 (paraat_action_item_get_region_code (item), self->region) != 0)
    return FALSE;
  if (*text != '\0')
    {
      g_autofree char *needle = paraat_fold_text (text);
      const char *fields[] = { paraat_action_item_get_what (item), paraat_action_item_get_owner (item),
                               paraat_action_item_get_exercise_title (item),
                               paraat_action_item_get_region_code (item) };

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
on_filter_changed_cb (ParaatActionsView *self)
{
  /* The drop-down announces its first selection during construction. */
  if (self->filtered == NULL)
    return;
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

/* Public API */

void
paraat_actions_view_set_scope (ParaatActionsView *self,
                               ParaatScope       *scope)
{
  g_return_if_fail (PARAAT_IS_ACTIONS_VIEW (self));

  g_clear_pointer (&self->scope, paraat_scope_unref);
  self->scope = scope ? paraat_scope_ref (scope) : NULL;
  reload (self);
}

/**
 * paraat_actions_view_set_filter:
 * @which: "open" (not done), "overdue" (not done and past the due date)
 *   or "all"
 */
void
paraat_actions_view_set_filter (ParaatActionsView *self,
                                const char        *which)
{
  Filter filter = FILTER_OPEN;

  g_return_if_fail (PARAAT_IS_ACTIONS_VIEW (self));

  if (g_strcmp0 (which, "overdue") == 0)
    filter = FILTER_OVERDUE;
  else if (g_strcmp0 (which, "all") == 0)
    filter = FILTER_ALL;
  else
    g_return_if_fail (g_strcmp0 (which, "open") == 0);
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

/**
 * paraat_actions_view_set_region:
 * @code: (nullable): show only the items of this region's exercises
 */
void
paraat_actions_view_set_region (ParaatActionsView *self,
                                const char        *code)
{
  g_autoptr(ParaatRecord) record = NULL;

  g_return_if_fail (PARAAT_IS_ACTIONS_VIEW (self));

  g_free (self->region);
  self->region = code && *code ? g_strdup (code) : NULL;
  if (self->region != NULL)
    record = paraat_store_find_record (self->store, PARAAT_KIND_REGION, self->region);
  adw_button_content_set_label (self->region_content, record ? paraat_record_get_title (record)
                                                             : self->region ? self->region : "");
  gtk_widget_set_visible (GTK_WIDGET (self->region_button), self->region != NULL);
  on_filter_changed_cb (self);
}

void
paraat_actions_view_set_search (ParaatActionsView *self,
                                const char        *text)
{
  g_return_if_fail (PARAAT_IS_ACTIONS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_filter_changed_cb (self);
}

/**
 * paraat_actions_view_get_model:
 *
 * Returns: (transfer none): the rows as shown, a #GtkSingleSelection
 */
GListModel *
paraat_actions_view_get_model (ParaatActionsView *self)
{
  g_return_val_if_fail (PARAAT_IS_ACTIONS_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

gboolean
paraat_actions_view_select_id (ParaatActionsView *self,
                               gint64             id)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  g_return_val_if_fail (PARAAT_IS_ACTIONS_VIEW (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatActionItem) item = g_list_model_get_item (model, i);

      if (paraat_action_item_get_id (item) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Actions */

static void
set_status (ParaatActionsView  *self,
            ParaatActionStatus  status)
{
  ParaatActionItem *item = get_selected (self);
  g_autoptr(GError) error = NULL;
  ParaatActionStatus old;

  if (item == NULL)
    return;
  old = paraat_action_item_get_status (item);
  paraat_action_item_set_status (item, status);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  if (paraat_store_save_action_item (self->store, paraat_action_item_get_exercise_uid (item), item, &error) == 0)
    {
      paraat_action_item_set_status (item, old);
      report_error (self, error->message);
    }
  /* The store's "changed" reloads the list. */
}

static void
mark_done_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_status (PARAAT_ACTIONS_VIEW (widget), PARAAT_ACTION_DONE);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_status (PARAAT_ACTIONS_VIEW (widget), PARAAT_ACTION_OPEN);
}

static void
show_exercise_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ParaatActionsView *self = PARAAT_ACTIONS_VIEW (widget);
  ParaatActionItem *item = get_selected (self);

  if (item != NULL)
    g_signal_emit (self, signals[SHOW_EXERCISE], 0, paraat_action_item_get_exercise_uid (item));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParaatActionsView *self = PARAAT_ACTIONS_VIEW (widget);
  ParaatActionItem *item = get_selected (self);

  if (item != NULL)
    paraat_evaluation_dialog_present (widget, self->store, paraat_action_item_get_exercise_uid (item));
}

static void
clear_region_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  paraat_actions_view_set_region (PARAAT_ACTIONS_VIEW (widget), NULL);
}

static void
on_column_view_activate_cb (ParaatActionsView *self,
                            guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "actions.open", NULL);
}

/* Columns */

static char *
cell_text (ParaatActionsView *self,
           ParaatActionItem  *item,
           Column             column)
{
  const char *due = paraat_action_item_get_due_date (item);
  g_autofree char *date = NULL;

  switch (column)
    {
    case COLUMN_WHAT:
      return g_strdup (paraat_action_item_get_what (item));
    case COLUMN_OWNER:
      return g_strdup (paraat_action_item_get_owner (item));
    case COLUMN_DUE:
      if (due == NULL || *due == '\0')
        return g_strdup ("");
      date = paraat_format_date (due);
      if (paraat_action_item_is_overdue (item, self->today))
        /* Translators: %s is an action item's due date, which has passed */
        return g_strdup_printf (_("Overdue since %s"), date);
      return g_steal_pointer (&date);
    case COLUMN_STATUS:
      if (paraat_action_item_get_status (item) == PARAAT_ACTION_DONE)
        {
          date = paraat_format_date (paraat_action_item_get_done_date (item));
          /* Translators: %s is the date an action item was done */
          return g_strdup_printf (_("Done on %s"), date);
        }
      return g_strdup (paraat_action_status_get_label (paraat_action_item_get_status (item)));
    case COLUMN_EXERCISE:
      return g_strdup (paraat_action_item_get_exercise_title (item));
    case COLUMN_REGION:
      return g_strdup (paraat_action_item_get_region_code (item));
    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
column_text (gpointer item,
             gpointer data)
{
  ColumnData *cd = data;
  char *text = cell_text (cd->view, item, cd->column);

  return text ? text : g_strdup ("");
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  ColumnData *cd = data;
  ParaatActionItem *x = (ParaatActionItem *) a;
  ParaatActionItem *y = (ParaatActionItem *) b;
  int result;

  if (cd->column == COLUMN_DUE)
    {
      const char *s = paraat_action_item_get_due_date (x), *t = paraat_action_item_get_due_date (y);

      /* Items without a due date go last. */
      result = (s == NULL) - (t == NULL);
      if (result == 0)
        result = g_strcmp0 (s, t);
    }
  else if (cd->column == COLUMN_STATUS)
    result = (int) paraat_action_item_get_status (x) - (int) paraat_action_item_get_status (y);
  else
    {
      g_autofree char *u = column_text (x, data);
      g_autofree char *v = column_text (y, data);

      result = g_utf8_collate (u, v);
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
build_columns (ParaatActionsView *self)
{
  static const struct {
    Column      column;
    const char *title;
    guint       nat_chars;
    gboolean    expand;
  } columns[] = {
    { COLUMN_WHAT, NC_("column header", "Action Item"), 40, TRUE },
    { COLUMN_OWNER, NC_("column header", "Owner"), 16, FALSE },
    { COLUMN_DUE, NC_("column header", "Due"), 30, FALSE },
    { COLUMN_STATUS, NC_("column header", "Status"), 20, FALSE },
    { COLUMN_EXERCISE, NC_("column header", "Exercise"), 26, TRUE },
    { COLUMN_REGION, NC_("column header", "Region"), 6, FALSE },
  };
  GtkColumnViewColumn *due = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      ColumnData *cd = &self->columns[columns[i].column];

      cd->view = self;
      cd->column = columns[i].column;
      column = paraat_text_column_new (g_dpgettext2 (NULL, "column header", columns[i].title), 0,
                                       columns[i].nat_chars, columns[i].expand, column_text, compare_cb, cd);
      gtk_column_view_append_column (self->column_view, column);
      if (columns[i].column == COLUMN_DUE)
        due = column;
    }
  gtk_column_view_sort_by_column (self->column_view, due, GTK_SORT_ASCENDING);
}

/* GObject */

static void
on_store_changed_cb (ParaatActionsView *self,
                     guint              kind)
{
  if (kind == PARAAT_CHANGE_CALENDAR || kind == PARAAT_KIND_REGION)
    reload (self);
}

static void
paraat_actions_view_constructed (GObject *object)
{
  ParaatActionsView *self = PARAAT_ACTIONS_VIEW (object);
  GtkSortListModel *sorted;

  G_OBJECT_CLASS (paraat_actions_view_parent_class)->constructed (object);

  build_columns (self);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_item, self, NULL)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  /* All regions until the window gives a scope */
  reload (self);
}

static void
paraat_actions_view_dispose (GObject *object)
{
  ParaatActionsView *self = PARAAT_ACTIONS_VIEW (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_ACTIONS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->items);
  g_clear_pointer (&self->scope, paraat_scope_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (paraat_actions_view_parent_class)->dispose (object);
}

static void
paraat_actions_view_finalize (GObject *object)
{
  ParaatActionsView *self = PARAAT_ACTIONS_VIEW (object);

  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (paraat_actions_view_parent_class)->finalize (object);
}

static void
paraat_actions_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ParaatActionsView *self = PARAAT_ACTIONS_VIEW (object);

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
paraat_actions_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ParaatActionsView *self = PARAAT_ACTIONS_VIEW (object);

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
paraat_actions_view_class_init (ParaatActionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = paraat_actions_view_constructed;
  object_class->dispose = paraat_actions_view_dispose;
  object_class->finalize = paraat_actions_view_finalize;
  object_class->get_property = paraat_actions_view_get_property;
  object_class->set_property = paraat_actions_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PARAAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParaatActionsView::show-exercise:
   * @uid: the exercise of the selected action item
   *
   * Show Exercise was chosen; the window shows @uid in the calendar.
   */
  signals[SHOW_EXERCISE] =
    g_signal_new ("show-exercise", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-actions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, region_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, region_content);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatActionsView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "actions.mark-done", NULL, mark_done_action);
  gtk_widget_class_install_action (widget_class, "actions.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "actions.show-exercise", NULL, show_exercise_action);
  gtk_widget_class_install_action (widget_class, "actions.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "actions.clear-region", NULL, clear_region_action);
}

static void
paraat_actions_view_init (ParaatActionsView *self)
{
  self->items = g_list_store_new (PARAAT_TYPE_ACTION_ITEM);
  self->today = paraat_today_iso ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

GtkWidget *
paraat_actions_view_new (ParaatStore *store)
{
  g_return_val_if_fail (PARAAT_IS_STORE (store), NULL);

  return g_object_new (PARAAT_TYPE_ACTIONS_VIEW, "store", store, NULL);
}
