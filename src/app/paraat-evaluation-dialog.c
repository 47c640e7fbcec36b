/* paraat-evaluation-dialog.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluation of one exercise that was held: the quick first-impression
 * report (FIR), the final evaluation report (FER), the lessons learned,
 * and under them the action items that follow from it. The reports are
 * saved with Save; an action item is saved as soon as it is added or its
 * status changes, as the CLI's "actions add/update" does.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-evaluation-dialog.h"
#include "paraat-utils.h"
#include "paraat-window.h"

struct _ParaatEvaluationDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesPage  *page;
  AdwEntryRow         *quick_date_row;
  AdwEntryRow         *quick_ref_row;
  AdwEntryRow         *final_date_row;
  AdwEntryRow         *final_ref_row;
  GtkTextView         *lessons_view;
  GtkListBox          *items_list;
  AdwPreferencesGroup *item_form_group;
  GtkButton           *item_cancel_button;
  GtkButton           *item_add_button;
  AdwEntryRow         *item_what_row;
  AdwEntryRow         *item_owner_row;
  AdwEntryRow         *item_due_row;

  /* Owned */
  ParaatStore         *store;
  char                *uid;
  char                *today;
  GListStore          *items;
  char                *error;

  gint64               editing_id;   /* the action item in the form, 0 for a new one */
  gboolean             can_evaluate;
};

G_DEFINE_FINAL_TYPE (ParaatEvaluationDialog, paraat_evaluation_dialog, ADW_TYPE_WINDOW)

/**
 * paraat_evaluation_dialog_can_evaluate:
 *
 * Returns: whether an exercise with @status can be evaluated; the store
 *   refuses the others.
 */
gboolean
paraat_evaluation_dialog_can_evaluate (ParaatExerciseStatus status)
{
  return status == PARAAT_EXERCISE_STATUS_HELD || status == PARAAT_EXERCISE_STATUS_EVALUATED;
}

static void
show_error (ParaatEvaluationDialog *self,
            const char             *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Marks @row when its text is neither empty nor a date. */
static gboolean
check_date_row (AdwEntryRow  *row,
                GError      **error)
{
  const char *text = get_text (row);

  if (*text == '\0' || paraat_parse_iso_date (text, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (error != NULL && *error == NULL)
    g_set_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_INVALID,
                 /* Translators: a field name and what was typed in it */
                 _("“%s”: “%s” is not a date (expected YYYY-MM-DD)."),
                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);

  return FALSE;
}

/* Checks the whole form, marks the rows at fault and shows the first
 * problem; Save and Add follow. */
static void
validate (ParaatEvaluationDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strstrip (g_strdup (get_text (self->item_what_row)));
  gboolean reports_ok, item_ok;

  reports_ok = check_date_row (self->quick_date_row, &error);
  reports_ok = check_date_row (self->final_date_row, &error) && reports_ok;
  item_ok = check_date_row (self->item_due_row, &error);

  if (self->can_evaluate)
    show_error (self, error ? error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.save", self->can_evaluate && reports_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluation.add-item",
                                 self->can_evaluate && item_ok && *what != '\0');
}

static void
on_input_changed_cb (ParaatEvaluationDialog *self)
{
  validate (self);
}

static char *
get_lessons (ParaatEvaluationDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->lessons_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The ParaatWindow under this dialog, perhaps with the exercise editor
 * between them, for the toast after saving. */
static ParaatWindow *
find_main_window (ParaatEvaluationDialog *self)
{
  for (GtkWindow *w = gtk_window_get_transient_for (GTK_WINDOW (self)); w != NULL;
       w = gtk_window_get_transient_for (w))
    {
      if (PARAAT_IS_WINDOW (w))
        return PARAAT_WINDOW (w);
    }

  return NULL;
}

gboolean
paraat_evaluation_dialog_save (ParaatEvaluationDialog *self)
{
  g_autoptr(ParaatEvaluation) evaluation = paraat_evaluation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *lessons = NULL;
  ParaatWindow *window;

  g_return_val_if_fail (PARAAT_IS_EVALUATION_DIALOG (self), FALSE);

  if (!self->can_evaluate)
    return FALSE;
  if (!check_date_row (self->quick_date_row, &error) || !check_date_row (self->final_date_row, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  lessons = get_lessons (self);
  paraat_evaluation_set_quick_report (evaluation, get_text (self->quick_date_row), get_text (self->quick_ref_row));
  paraat_evaluation_set_final_report (evaluation, get_text (self->final_date_row), get_text (self->final_ref_row));
  paraat_evaluation_set_lessons (evaluation, lessons);
  if (!paraat_store_save_evaluation (self->store, self->uid, evaluation, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if ((window = find_main_window (self)) != NULL)
    paraat_window_add_toast (window,
                             /* Translators: %s is an exercise's title */
                             adw_toast_new_format (_("Saved the evaluation of “%s”"),
                                                   adw_window_title_get_subtitle (self->window_title)));
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  paraat_evaluation_dialog_save (PARAAT_EVALUATION_DIALOG (widget));
}

const char *
paraat_evaluation_dialog_get_error (ParaatEvaluationDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_EVALUATION_DIALOG (self), NULL);

  return self->error;
}

void
paraat_evaluation_dialog_set_text (ParaatEvaluationDialog *self,
                                   const char             *field,
                                   const char             *text)
{
  struct {
    const char  *name;
    AdwEntryRow *row;
  } rows[] = {
    { "quick-date", self->quick_date_row }, { "quick-ref", self->quick_ref_row },
    { "final-date", self->final_date_row }, { "final-ref", self->final_ref_row },
    { "item-what", self->item_what_row }, { "item-owner", self->item_owner_row },
    { "item-due", self->item_due_row },
  };

  g_return_if_fail (PARAAT_IS_EVALUATION_DIALOG (self));

  if (g_strcmp0 (field, "lessons") == 0)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lessons_view), text ? text : "", -1);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (g_strcmp0 (field, rows[i].name) == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (rows[i].row), text ? text : "");
          return;
        }
    }
  g_return_if_reached ();
}

/* Action items */

GListModel *
paraat_evaluation_dialog_get_action_items (ParaatEvaluationDialog *self)
{
  g_return_val_if_fail (PARAAT_IS_EVALUATION_DIALOG (self), NULL);

  return G_LIST_MODEL (self->items);
}

static void
reload_items (ParaatEvaluationDialog *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_free (self->today);
  self->today = paraat_today_iso ();
  list = paraat_store_list_action_items (self->store, NULL, self->uid, FALSE, self->today, &error);
  if (list == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       list->pdata, list->len);
}

static ParaatActionItem *
find_item (ParaatEvaluationDialog *self,
           gint64                  id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(ParaatActionItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (paraat_action_item_get_id (item) == id)
        return item;
    }

  return NULL;
}

static GtkWidget *
create_item_row (gpointer object,
                 gpointer user_data)
{
  ParaatEvaluationDialog *self = user_data;
  ParaatActionItem *item = object;
  ParaatActionStatus status = paraat_action_item_get_status (item);
  const char *owner = paraat_action_item_get_owner (item);
  const char *due = paraat_action_item_get_due_date (item);
  gboolean overdue = paraat_action_item_is_overdue (item, self->today);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *advance, *edit;
  g_autofree char *owner_text = NULL;
  g_autofree char *when_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *advance_label, *advance_tooltip;

  if (status == PARAAT_ACTION_DONE)
    {
      date = paraat_format_date (paraat_action_item_get_done_date (item));
      /* Translators: %s is the date an action item was done */
      when_text = g_strdup_printf (_("Done on %s"), date);
    }
  else if (due == NULL || *due == '\0')
    when_text = g_strdup (_("No due date"));
  else
    {
      date = paraat_format_date (due);
      /* Translators: %s is an action item's due date, which has passed */
      when_text = overdue ? g_strdup_printf (_("Overdue since %s"), date)
      /* Translators: %s is an action item's due date */
                          : g_strdup_printf (_("Due %s"), date);
    }
  /* Translators: %s is the organisation that owns an action item */
  owner_text = owner && *owner ? g_strdup_printf (_("Owner: %s"), owner) : g_strdup (_("No owner"));
  if (status == PARAAT_ACTION_DONE)
    /* Translators: an action item's owner and the date it was done */
    subtitle = g_strdup_printf (C_("action item", "%1$s · %2$s"), owner_text, when_text);
  else
    /* Translators: an action item's status, its owner and its due date */
    subtitle = g_strdup_printf (C_("action item", "%1$s · %2$s · %3$s"), paraat_action_status_get_label (status),
                                owner_text, when_text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_action_item_get_what (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (overdue)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Overdue"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  switch (status)
    {
    case PARAAT_ACTION_OPEN:
      advance_label = C_("action item", "Start");
      advance_tooltip = _("Mark as in progress");
      break;
    case PARAAT_ACTION_IN_PROGRESS:
      advance_label = C_("action item", "Mark Done");
      advance_tooltip = _("Mark as done");
      break;
    case PARAAT_ACTION_DONE:
    case PARAAT_N_ACTION_STATUSES:
    default:
      advance_label = C_("action item", "Reopen");
      advance_tooltip = _("Open this action item again");
      break;
    }
  /* No mnemonics: every row has these buttons. */
  advance = gtk_button_new_with_label (advance_label);
  gtk_widget_set_valign (advance, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (advance, advance_tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (advance), "evaluation.advance-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (advance), "x", paraat_action_item_get_id (item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), advance);

  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Action Item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Action Item"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "evaluation.edit-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "x", paraat_action_item_get_id (item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  return row;
}

static void
advance_item_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParaatEvaluationDialog *self = PARAAT_EVALUATION_DIALOG (widget);
  ParaatActionItem *item = find_item (self, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  ParaatActionStatus old, next;

  if (item == NULL)
    return;
  old = paraat_action_item_get_status (item);
  next = old == PARAAT_ACTION_OPEN ? PARAAT_ACTION_IN_PROGRESS
       : old == PARAAT_ACTION_IN_PROGRESS ? PARAAT_ACTION_DONE
       : PARAAT_ACTION_OPEN;
  paraat_action_item_set_status (item, next);
  if (paraat_store_save_action_item (self->store, self->uid, item, &error) == 0)
    {
      paraat_action_item_set_status (item, old);
      show_error (self, error->message);
    }
  /* The store's "changed" reloads the list. */
}

static void
set_editing (ParaatEvaluationDialog *self,
             ParaatActionItem       *item)
{
  self->editing_id = item ? paraat_action_item_get_id (item) : 0;
  gtk_editable_set_text (GTK_EDITABLE (self->item_what_row), item ? paraat_action_item_get_what (item) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->item_owner_row), item ? paraat_action_item_get_owner (item) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->item_due_row),
                         item && paraat_action_item_get_due_date (item) ? paraat_action_item_get_due_date (item) : "");
  adw_preferences_group_set_title (self->item_form_group,
                                   item ? _("Edit the Action Item") : _("Add an Action Item"));
  gtk_button_set_label (self->item_add_button,
                        item ? C_("action item", "Save _Item") : C_("action item", "_Add"));
  gtk_widget_set_visible (GTK_WIDGET (self->item_cancel_button), item != NULL);
  validate (self);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParaatEvaluationDialog *self = PARAAT_EVALUATION_DIALOG (widget);
  ParaatActionItem *item = find_item (self, g_variant_get_int64 (parameter));

  if (item == NULL)
    return;
  set_editing (self, item);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_what_row));
}

static void
stop_editing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  set_editing (PARAAT_EVALUATION_DIALOG (widget), NULL);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParaatEvaluationDialog *self = PARAAT_EVALUATION_DIALOG (widget);
  g_autoptr(ParaatActionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strstrip (g_strdup (get_text (self->item_what_row)));
  g_autofree char *owner = g_strstrip (g_strdup (get_text (self->item_owner_row)));
  const char *due = get_text (self->item_due_row);

  if (self->editing_id != 0 && find_item (self, self->editing_id) != NULL)
    item = g_object_ref (find_item (self, self->editing_id));
  else
    item = paraat_action_item_new ();
  paraat_action_item_set_what (item, what);
  paraat_action_item_set_owner (item, owner);
  paraat_action_item_set_due_date (item, *due ? due : NULL);
  if (paraat_store_save_action_item (self->store, self->uid, item, &error) == 0)
    {
      show_error (self, error->message);
      /* Put the stored values back in the list. */
      reload_items (self);
      return;
    }
  set_editing (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_what_row));
}

static void
on_item_input_changed_cb (ParaatEvaluationDialog *self)
{
  validate (self);
}

static void
on_item_entry_activated_cb (ParaatEvaluationDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "evaluation.add-item", NULL);
}

/* GObject */

static void
on_store_changed_cb (ParaatEvaluationDialog *self,
                     guint                   kind)
{
  if (kind == PARAAT_CHANGE_CALENDAR)
    reload_items (self);
}

static void
paraat_evaluation_dialog_dispose (GObject *object)
{
  ParaatEvaluationDialog *self = PARAAT_EVALUATION_DIALOG (object);

  if (self->items_list != NULL)
    gtk_list_box_bind_model (self->items_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_EVALUATION_DIALOG);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (paraat_evaluation_dialog_parent_class)->dispose (object);
}

static void
paraat_evaluation_dialog_finalize (GObject *object)
{
  ParaatEvaluationDialog *self = PARAAT_EVALUATION_DIALOG (object);

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (paraat_evaluation_dialog_parent_class)->finalize (object);
}

static void
paraat_evaluation_dialog_class_init (ParaatEvaluationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_evaluation_dialog_dispose;
  object_class->finalize = paraat_evaluation_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-evaluation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, page);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, quick_date_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, quick_ref_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, final_date_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, final_ref_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, lessons_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, items_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, item_form_group);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, item_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, item_add_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, item_what_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, item_owner_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatEvaluationDialog, item_due_row);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_input_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_item_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "evaluation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "evaluation.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "evaluation.stop-editing", NULL, stop_editing_action);
  gtk_widget_class_install_action (widget_class, "evaluation.edit-item", "x", edit_item_action);
  gtk_widget_class_install_action (widget_class, "evaluation.advance-item", "x", advance_item_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "evaluation.save", NULL);
}

static void
paraat_evaluation_dialog_init (ParaatEvaluationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (PARAAT_TYPE_ACTION_ITEM);
  self->today = paraat_today_iso ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->items), create_item_row, self, NULL);
  gtk_list_box_set_placeholder (self->items_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("No action items yet. Add one below for each thing "
                                                         "that has to improve."),
                                              "wrap", TRUE,
                                              "margin-top", 18, "margin-bottom", 18,
                                              "margin-start", 12, "margin-end", 12,
                                              "css-classes", (const char * const []) { "dim-label", NULL },
                                              NULL));
}

/**
 * paraat_evaluation_dialog_new:
 * @uid: the exercise to evaluate
 *
 * Returns: (transfer none): a new modal window; set it transient for its
 *   parent and present it, or use paraat_evaluation_dialog_present()
 */
GtkWindow *
paraat_evaluation_dialog_new (ParaatStore *store,
                              const char  *uid)
{
  ParaatEvaluationDialog *self;
  g_autoptr(ParaatExercise) exercise = NULL;
  g_autoptr(ParaatEvaluation) evaluation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PARAAT_IS_STORE (store), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  self = g_object_new (PARAAT_TYPE_EVALUATION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->uid = g_strdup (uid);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  exercise = paraat_store_get_exercise (store, uid, &error);
  if (exercise != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, paraat_exercise_get_title (exercise));
      self->can_evaluate = paraat_evaluation_dialog_can_evaluate (paraat_exercise_get_status (exercise));
      evaluation = paraat_store_get_evaluation (store, uid, &error);
    }

  if (evaluation != NULL)
    {
      const char *quick_date = paraat_evaluation_get_quick_report_date (evaluation);
      const char *final_date = paraat_evaluation_get_final_report_date (evaluation);

      gtk_editable_set_text (GTK_EDITABLE (self->quick_date_row), quick_date ? quick_date : "");
      gtk_editable_set_text (GTK_EDITABLE (self->quick_ref_row), paraat_evaluation_get_quick_report_ref (evaluation));
      gtk_editable_set_text (GTK_EDITABLE (self->final_date_row), final_date ? final_date : "");
      gtk_editable_set_text (GTK_EDITABLE (self->final_ref_row), paraat_evaluation_get_final_report_ref (evaluation));
      paraat_evaluation_dialog_set_text (self, "lessons", paraat_evaluation_get_lessons (evaluation));
    }

  if (error != NULL)
    {
      self->can_evaluate = FALSE;
      show_error (self, error->message);
    }
  else if (!self->can_evaluate)
    show_error (self, _("Only an exercise that was held can be evaluated. Set its status to Held in the exercise "
                        "editor and save it first."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), self->can_evaluate);
  if (self->can_evaluate)
    reload_items (self);
  validate (self);

  return GTK_WINDOW (self);
}

/**
 * paraat_evaluation_dialog_present:
 * @parent: a widget in the window the dialog belongs to
 *
 * Opens the evaluation of @uid over @parent's window; the calendar and the
 * action items view call this.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
paraat_evaluation_dialog_present (GtkWidget   *parent,
                                  ParaatStore *store,
                                  const char  *uid)
{
  GtkWindow *dialog = paraat_evaluation_dialog_new (store, uid);
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  gtk_window_present (dialog);

  return dialog;
}
