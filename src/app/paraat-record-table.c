/* paraat-record-table.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A searchable, sortable table of one kind of reference record, with
 * add, edit and delete. Its columns come from the kind's field list.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-record-editor.h"
#include "paraat-record-table.h"
#include "paraat-text-column.h"
#include "paraat-window.h"

struct _ParaatRecordTable
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  AdwButtonContent    *add_content;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;

  /* Owned */
  ParaatStore         *store;
  ParaatScope         *scope;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  char                *search;

  ParaatKind           kind;
};

G_DEFINE_FINAL_TYPE (ParaatRecordTable, paraat_record_table, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ParaatWindow *
get_window (ParaatRecordTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return PARAAT_IS_WINDOW (root) ? PARAAT_WINDOW (root) : NULL;
}

static gboolean
filter_record (gpointer item,
               gpointer user_data)
{
  ParaatRecordTable *self = user_data;

  if (self->scope != NULL && !paraat_scope_contains_record (self->scope, item))
    return FALSE;

  return paraat_record_matches_text (item, self->search);
}

static ParaatRecord *
get_selected (ParaatRecordTable *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_state (ParaatRecordTable *self)
{
  GListModel *all = paraat_store_get_records (self->store, self->kind);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (all);
  gboolean has_selection = get_selected (self) != NULL;
  g_autofree char *count = NULL;

  /* Translators: rows shown of all rows, e.g. “8 of 25” */
  count = shown == total ? g_strdup_printf ("%u", total) : g_strdup_printf (_("%u of %u"), shown, total);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.edit", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.delete", has_selection);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "table");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (self->search != NULL && *self->search != '\0')
    {
      /* The description is markup: "&" or "<" in the search stays text. */
      g_autofree char *search = g_markup_escape_text (self->search, -1);
      g_autofree char *description = NULL;

      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matches"));
      /* Translators: %s is the search text */
      description = g_strdup_printf (_("Nothing here matches “%s”. Try another search, or press Escape to show everything."),
                                     search);
      adw_status_page_set_description (self->empty_page, description);
    }
  else if (total > 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "mark-location-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing in Scope"));
      adw_status_page_set_description (self->empty_page,
                                       _("None of these rows belong to the regions in scope. Choose "
                                         "“All Regions” in the scope selector to see every row."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page,
                                     paraat_kind_get_info (self->kind)->icon_name);
      adw_status_page_set_title (self->empty_page, _("Nothing Here Yet"));
      adw_status_page_set_description (self->empty_page, _("Add the first one with the button at the top right."));
    }
}

static void
refilter (ParaatRecordTable *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

void
paraat_record_table_set_scope (ParaatRecordTable *self,
                               ParaatScope       *scope)
{
  g_return_if_fail (PARAAT_IS_RECORD_TABLE (self));

  g_clear_pointer (&self->scope, paraat_scope_unref);
  self->scope = scope ? paraat_scope_ref (scope) : NULL;
  refilter (self);
}

void
paraat_record_table_set_search (ParaatRecordTable *self,
                                const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_free (self->search);
  self->search = g_strdup (text);
  refilter (self);
}

void
paraat_record_table_focus_search (ParaatRecordTable *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_entry_search_changed_cb (ParaatRecordTable *self)
{
  g_free (self->search);
  self->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  refilter (self);
}

static void
on_search_entry_stop_search_cb (ParaatRecordTable *self)
{
  paraat_record_table_set_search (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

GListModel *
paraat_record_table_get_model (ParaatRecordTable *self)
{
  return G_LIST_MODEL (self->selection);
}

ParaatKind
paraat_record_table_get_kind (ParaatRecordTable *self)
{
  return self->kind;
}

gboolean
paraat_record_table_select_key (ParaatRecordTable *self,
                                const char        *key)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (paraat_record_get_key (record), key) == 0 ||
          g_strcmp0 (paraat_record_get_title (record), key) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Editing */

static GtkWindow *
present_editor (ParaatRecordTable *self,
                ParaatRecord      *record)
{
  const ParaatKindInfo *info = paraat_kind_get_info (self->kind);
  g_autofree const char **defaults = g_new0 (const char *, info->n_fields + 1);
  ParaatRecordEditor *editor;

  /* A new row of a region-bound kind starts in the region in scope. */
  if (record == NULL && info->region_field >= 0 && self->scope != NULL &&
      paraat_scope_get_kind (self->scope) == PARAAT_SCOPE_REGION)
    defaults[info->region_field] = paraat_scope_get_id (self->scope);

  editor = paraat_record_editor_new (self->store, self->kind, record, defaults);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (get_window (self)));
  gtk_window_present (GTK_WINDOW (editor));

  return GTK_WINDOW (editor);
}

GtkWindow *
paraat_record_table_edit_selected (ParaatRecordTable *self)
{
  ParaatRecord *record = get_selected (self);

  return record ? present_editor (self, record) : NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  present_editor (PARAAT_RECORD_TABLE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  paraat_record_table_edit_selected (PARAAT_RECORD_TABLE (widget));
}

static void
on_column_view_activate_cb (ParaatRecordTable *self,
                            guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  paraat_record_table_edit_selected (self);
}

typedef struct
{
  ParaatRecordTable *table;
  ParaatRecord      *record;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_object_unref (data->table);
  g_object_unref (data->record);
  g_free (data);
}

static void
on_delete_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              DeleteData       *data)
{
  ParaatRecordTable *self = data->table;
  g_autoptr(GError) error = NULL;
  ParaatWindow *window = get_window (self);

  if (g_str_equal (response, "delete"))
    {
      if (paraat_store_delete_record (self->store, self->kind, paraat_record_get_id (data->record), &error))
        {
          if (window != NULL)
            paraat_window_add_toast (window,
                                     /* Translators: %s is the deleted record's name */
                                     adw_toast_new_format (_("Deleted “%s”"),
                                                           paraat_record_get_title (data->record)));
        }
      else if (window != NULL)
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Delete"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParaatRecordTable *self = PARAAT_RECORD_TABLE (widget);
  ParaatRecord *record = get_selected (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  DeleteData *data;
  GtkWidget *dialog;
  guint dependents;

  if (record == NULL)
    return;

  dependents = paraat_store_count_dependents (self->store, self->kind, paraat_record_get_id (record));
  /* Translators: %s is the name of the row to delete */
  heading = g_strdup_printf (_("Delete “%s”?"), paraat_record_get_title (record));
  if (self->kind == PARAAT_KIND_REGION && dependents > 0)
    body = g_strdup_printf (ngettext ("Its %u brigade assignment or contact is deleted with it. "
                                      "This cannot be undone; make a backup first if in doubt.",
                                      "Its %u brigade assignments and contacts are deleted with it. "
                                      "This cannot be undone; make a backup first if in doubt.",
                                      dependents),
                            dependents);
  else if (self->kind == PARAAT_KIND_BRIGADE && dependents > 0)
    body = g_strdup_printf (ngettext ("It still serves %u region. Remove or change that assignment "
                                      "under Brigade Mapping first.",
                                      "It still serves %u regions. Remove or change those assignments "
                                      "under Brigade Mapping first.",
                                      dependents),
                            dependents);
  else
    body = g_strdup (_("This cannot be undone; make a backup first if in doubt."));

  dialog = adw_message_dialog_new (GTK_WINDOW (get_window (self)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (self->kind == PARAAT_KIND_BRIGADE && dependents > 0)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "delete", FALSE);

  data = g_new0 (DeleteData, 1);
  data->table = g_object_ref (self);
  data->record = g_object_ref (record);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_dialog_response_cb), data,
                         (GClosureNotify) delete_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Columns */

static char *
field_text (gpointer item,
            gpointer data)
{
  return paraat_record_get_display_value (item, GPOINTER_TO_UINT (data));
}

static int
compare_field (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint field = GPOINTER_TO_UINT (user_data);
  ParaatRecord *x = (ParaatRecord *) a;
  ParaatRecord *y = (ParaatRecord *) b;
  const ParaatField *f = &paraat_kind_get_info (paraat_record_get_kind (x))->fields[field];
  const char *u = paraat_record_get_value (x, field);
  const char *v = paraat_record_get_value (y, field);
  int result;

  if (f->type == PARAAT_FIELD_INT || f->type == PARAAT_FIELD_BOOL)
    {
      gint64 m = u ? g_ascii_strtoll (u, NULL, 10) : 0;
      gint64 n = v ? g_ascii_strtoll (v, NULL, 10) : 0;

      result = m < n ? -1 : m > n;
    }
  else
    {
      /* Empty dates and texts sort last */
      if (u == NULL || v == NULL)
        result = (u == NULL) - (v == NULL);
      else
        result = g_utf8_collate (u, v);
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
build_columns (ParaatRecordTable *self)
{
  const ParaatKindInfo *info = paraat_kind_get_info (self->kind);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const ParaatField *field = &info->fields[i];
      g_autoptr(GtkColumnViewColumn) column = NULL;
      guint nat_chars;
      gboolean wide;

      if (!(field->flags & PARAAT_FIELD_FLAG_COLUMN))
        continue;

      /* Codes, numbers and dates keep their width; texts share the rest. */
      switch (field->type)
        {
        case PARAAT_FIELD_LONG_TEXT:
          nat_chars = 36;
          wide = TRUE;
          break;
        case PARAAT_FIELD_TEXT:
          nat_chars = (field->flags & PARAAT_FIELD_FLAG_KEY) ? 9 : 18;
          wide = !(field->flags & PARAAT_FIELD_FLAG_KEY);
          break;
        case PARAAT_FIELD_DATE:
          nat_chars = 12;
          wide = FALSE;
          break;
        case PARAAT_FIELD_REF:
        case PARAAT_FIELD_INT:
        case PARAAT_FIELD_BOOL:
        default:
          nat_chars = 7;
          wide = FALSE;
          break;
        }

      column = paraat_text_column_new (_(field->label), 4, nat_chars, wide, field_text, compare_field,
                                       GUINT_TO_POINTER (i));
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* GObject */

static void
paraat_record_table_constructed (GObject *object)
{
  ParaatRecordTable *self = PARAAT_RECORD_TABLE (object);
  const ParaatKindInfo *info = paraat_kind_get_info (self->kind);
  GtkSorter *sorter;
  GtkSortListModel *sorted;
  g_autofree char *add_label = NULL;
  g_autofree char *placeholder = NULL;

  G_OBJECT_CLASS (paraat_record_table_parent_class)->constructed (object);

  build_columns (self);

  self->filtered = gtk_filter_list_model_new (g_object_ref (paraat_store_get_records (self->store, self->kind)),
                                              GTK_FILTER (gtk_custom_filter_new (filter_record, self, NULL)));
  sorter = gtk_column_view_get_sorter (self->column_view);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), g_object_ref (sorter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(info->title), -1);

  /* Translators: the Add button, %s is e.g. “Region” */
  add_label = g_strdup_printf (_("_Add %s"), _(info->singular));
  adw_button_content_set_label (self->add_content, add_label);
  /* Translators: placeholder of the search entry, %s is e.g. “Regions” */
  placeholder = g_strdup_printf (_("Search %s"), _(info->title));
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);

  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
}

static void
paraat_record_table_dispose (GObject *object)
{
  ParaatRecordTable *self = PARAAT_RECORD_TABLE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_RECORD_TABLE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->scope, paraat_scope_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (paraat_record_table_parent_class)->dispose (object);
}

static void
paraat_record_table_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ParaatRecordTable *self = PARAAT_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_record_table_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ParaatRecordTable *self = PARAAT_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_record_table_class_init (ParaatRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = paraat_record_table_constructed;
  object_class->dispose = paraat_record_table_dispose;
  object_class->get_property = paraat_record_table_get_property;
  object_class->set_property = paraat_record_table_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PARAAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, PARAAT_N_KINDS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordTable, add_content);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordTable, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatRecordTable, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "records.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "records.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "records.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "records.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "records.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "records.edit", NULL);
}

static void
paraat_record_table_init (ParaatRecordTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

GtkWidget *
paraat_record_table_new (ParaatStore *store,
                         ParaatKind   kind)
{
  return g_object_new (PARAAT_TYPE_RECORD_TABLE, "store", store, "kind", kind, NULL);
}
