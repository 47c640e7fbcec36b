/* paraat-record-editor.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One editor for every kind of reference record: its rows are made from
 * the kind's field list, and every change is checked by the core at once.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-record-editor.h"
#include "paraat-window.h"

struct _ParaatRecordEditor
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *group;

  /* Owned */
  ParaatStore          *store;
  ParaatRecord         *record;   /* NULL for a new one */
  GPtrArray            *rows;     /* one per field */
  GPtrArray            *inputs;   /* the entry row, switch or combo row of each field */
  char                 *error;

  ParaatKind            kind;
  gboolean              dirty;
};

G_DEFINE_FINAL_TYPE (ParaatRecordEditor, paraat_record_editor, ADW_TYPE_WINDOW)

static const ParaatKindInfo *
get_info (ParaatRecordEditor *self)
{
  return paraat_kind_get_info (self->kind);
}

/* The field's value as the core takes it; owned. */
static char *
get_field_value (ParaatRecordEditor *self,
                 guint               i)
{
  const ParaatField *field = &get_info (self)->fields[i];
  GtkWidget *input = self->inputs->pdata[i];

  switch (field->type)
    {
    case PARAAT_FIELD_BOOL:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (input)) ? "1" : "0");

    case PARAAT_FIELD_REF:
      {
        ParaatRecord *selected = adw_combo_row_get_selected_item (ADW_COMBO_ROW (input));

        return selected ? g_strdup (paraat_record_get_key (selected)) : NULL;
      }

    case PARAAT_FIELD_TEXT:
    case PARAAT_FIELD_LONG_TEXT:
    case PARAAT_FIELD_INT:
    case PARAAT_FIELD_DATE:
    default:
      return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (input))));
    }
}

static GStrv
collect_values (ParaatRecordEditor *self)
{
  guint n = get_info (self)->n_fields;
  char **values = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    values[i] = get_field_value (self, i);

  return values;
}

static void
show_error (ParaatRecordEditor *self,
            const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Checks every field and the record as a whole; marks the fields at
 * fault once the planner has started typing. */
static gboolean
validate (ParaatRecordEditor *self)
{
  const ParaatKindInfo *info = get_info (self);
  g_auto(GStrv) values = collect_values (self);
  g_autoptr(GError) first_error = NULL;

  for (guint i = 0; i < info->n_fields; i++)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *row = self->rows->pdata[i];

      if (paraat_store_validate_value (self->store, self->kind, i, values[i], &error))
        {
          gtk_widget_remove_css_class (row, "error");
          continue;
        }
      if (self->dirty)
        gtk_widget_add_css_class (row, "error");
      if (first_error == NULL)
        first_error = g_steal_pointer (&error);
    }

  if (first_error == NULL)
    paraat_store_validate_record (self->store, self->kind,
                                  self->record ? paraat_record_get_id (self->record) : 0,
                                  (const char * const *) values, &first_error);

  show_error (self, self->dirty && first_error ? first_error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", first_error == NULL);

  return first_error == NULL;
}

static void
on_input_changed_cb (ParaatRecordEditor *self)
{
  self->dirty = TRUE;
  validate (self);
}

gboolean
paraat_record_editor_save (ParaatRecordEditor *self)
{
  g_auto(GStrv) values = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  gint64 id;

  self->dirty = TRUE;
  if (!validate (self))
    return FALSE;

  values = collect_values (self);
  id = paraat_store_save_record (self->store, self->kind,
                                 self->record ? paraat_record_get_id (self->record) : 0,
                                 (const char * const *) values, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return FALSE;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (PARAAT_IS_WINDOW (parent))
    {
      int title_field = paraat_kind_get_key_field (self->kind);
      const char *name = values[title_field >= 0 ? title_field : 0];

      paraat_window_add_toast (PARAAT_WINDOW (parent),
                               /* Translators: %s is a record's code or name */
                               adw_toast_new_format (_("Saved “%s”"), name ? name : ""));
    }
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  paraat_record_editor_save (PARAAT_RECORD_EDITOR (widget));
}

const char *
paraat_record_editor_get_error (ParaatRecordEditor *self)
{
  return self->error;
}

/* Rows */

static guint
find_position (GListModel *model,
               const char *key)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParaatRecord) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (paraat_record_get_key (item), key) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
set_input_value (ParaatRecordEditor *self,
                 guint               i,
                 const char         *value)
{
  const ParaatField *field = &get_info (self)->fields[i];
  GtkWidget *input = self->inputs->pdata[i];

  switch (field->type)
    {
    case PARAAT_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (input), g_strcmp0 (value, "1") == 0);
      break;

    case PARAAT_FIELD_REF:
      {
        GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (input));

        adw_combo_row_set_selected (ADW_COMBO_ROW (input), find_position (model, value));
      }
      break;

    case PARAAT_FIELD_TEXT:
    case PARAAT_FIELD_LONG_TEXT:
    case PARAAT_FIELD_INT:
    case PARAAT_FIELD_DATE:
    default:
      gtk_editable_set_text (GTK_EDITABLE (input), value ? value : "");
      break;
    }
}

void
paraat_record_editor_set_value (ParaatRecordEditor *self,
                                const char         *field,
                                const char         *value)
{
  int i = paraat_kind_find_field (self->kind, field);

  g_return_if_fail (i >= 0);

  set_input_value (self, i, value);
}

static void
build_rows (ParaatRecordEditor *self)
{
  const ParaatKindInfo *info = get_info (self);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const ParaatField *field = &info->fields[i];
      g_autofree char *title = NULL;
      g_autoptr(GtkExpression) title_expression = NULL;
      GtkWidget *row, *input;

      /* Translators: a required field's label */
      title = (field->flags & PARAAT_FIELD_FLAG_REQUIRED) ? g_strdup_printf (_("%s (required)"), _(field->label))
                                                           : g_strdup (_(field->label));

      switch (field->type)
        {
        case PARAAT_FIELD_BOOL:
          row = adw_action_row_new ();
          input = gtk_switch_new ();
          gtk_widget_set_valign (input, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), input);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), input);
          g_signal_connect_object (input, "notify::active", G_CALLBACK (on_input_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          break;

        case PARAAT_FIELD_REF:
          /* The row takes its own reference to the expression. */
          title_expression = gtk_property_expression_new (PARAAT_TYPE_RECORD, NULL, "title");
          row = input = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), paraat_store_get_records (self->store, field->ref_kind));
          adw_combo_row_set_expression (ADW_COMBO_ROW (row), title_expression);
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), GTK_INVALID_LIST_POSITION);
          g_signal_connect_object (input, "notify::selected", G_CALLBACK (on_input_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          break;

        case PARAAT_FIELD_TEXT:
        case PARAAT_FIELD_LONG_TEXT:
        case PARAAT_FIELD_INT:
        case PARAAT_FIELD_DATE:
        default:
          row = input = adw_entry_row_new ();
          adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
          if (field->type == PARAAT_FIELD_INT)
            gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 6);
          g_signal_connect_object (input, "changed", G_CALLBACK (on_input_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          break;
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (field->hint != NULL)
        gtk_widget_set_tooltip_text (row, _(field->hint));
      /* Entry rows have no subtitle; a hint the planner can read without
       * hovering goes into the accessible description as well. */
      if (field->hint != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        _(field->hint), -1);
      gtk_widget_set_name (row, field->name);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->inputs, input);
    }
}

static void
build_hints (ParaatRecordEditor *self)
{
  const ParaatKindInfo *info = get_info (self);
  g_autoptr(GString) hints = g_string_new (NULL);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const ParaatField *field = &info->fields[i];

      if (field->hint == NULL)
        continue;
      if (hints->len > 0)
        g_string_append_c (hints, '\n');
      /* Translators: a field name and what it expects, one per line under the form */
      g_string_append_printf (hints, _("%s: %s"), _(field->label), _(field->hint));
    }
  if (hints->len > 0)
    adw_preferences_group_set_description (self->group, hints->str);
}

/* GObject */

static void
paraat_record_editor_dispose (GObject *object)
{
  ParaatRecordEditor *self = PARAAT_RECORD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_RECORD_EDITOR);

  G_OBJECT_CLASS (paraat_record_editor_parent_class)->dispose (object);
}

static void
paraat_record_editor_finalize (GObject *object)
{
  ParaatRecordEditor *self = PARAAT_RECORD_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (paraat_record_editor_parent_class)->finalize (object);
}

static void
paraat_record_editor_class_init (ParaatRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_record_editor_dispose;
  object_class->finalize = paraat_record_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordEditor, group);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
paraat_record_editor_init (ParaatRecordEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->inputs = g_ptr_array_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/**
 * paraat_record_editor_new:
 * @record: (nullable): the record to edit, or %NULL to add one
 * @defaults: (nullable): values for a new record, one per field
 */
ParaatRecordEditor *
paraat_record_editor_new (ParaatStore        *store,
                          ParaatKind          kind,
                          ParaatRecord       *record,
                          const char * const *defaults)
{
  ParaatRecordEditor *self = g_object_new (PARAAT_TYPE_RECORD_EDITOR, NULL);
  const ParaatKindInfo *info = paraat_kind_get_info (kind);
  const char * const *values = record ? paraat_record_get_values (record) : defaults;

  self->store = g_object_ref (store);
  self->kind = kind;
  self->record = record ? g_object_ref (record) : NULL;

  adw_window_title_set_title (self->window_title, _(info->singular));
  adw_window_title_set_subtitle (self->window_title,
                                 record ? paraat_record_get_title (record) : C_("editor subtitle", "New"));
  gtk_window_set_title (GTK_WINDOW (self), _(info->singular));

  build_rows (self);
  build_hints (self);
  if (values != NULL)
    {
      for (guint i = 0; i < info->n_fields; i++)
        set_input_value (self, i, values[i]);
    }

  self->dirty = FALSE;
  validate (self);

  return self;
}
