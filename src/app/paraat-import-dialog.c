/* paraat-import-dialog.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing calendars: the files are read and compared with the database
 * in a worker thread (paraat_import_plan_new(), on a connection of its
 * own), with a progress bar and Cancel, while the window stays usable.
 * Then a preview says what would be new, changed, unchanged and removed,
 * with every warning (file and line); Import writes it all in one
 * transaction (paraat_import_plan_apply()). Nothing is written before.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-import-dialog.h"
#include "paraat-window.h"

struct _ParaatImportDialog
{
  AdwWindow         parent_instance;

  GtkWidget        *import_button;
  GtkStack         *stack;
  GtkProgressBar   *progress;
  AdwStatusPage    *error_page;
  AdwActionRow     *counts_row;
  AdwEntryRow      *organisation_row;
  AdwPreferencesGroup *source_group;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *events_group;

  ParaatStore      *store;
  GStrv             paths;
  ParaatSourceKind  kind;
  GCancellable     *cancellable;
  ParaatImportPlan *plan;
  char             *error;
  int               permille;   /* progress: written by the worker, read by the timeout */
  guint             progress_id;
};

G_DEFINE_FINAL_TYPE (ParaatImportDialog, paraat_import_dialog, ADW_TYPE_WINDOW)

/* At most this many events are listed; the counts hold all of them */
#define MAX_ROWS 500

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ParaatImportDialog *self = user_data;

  /* Called in the worker thread: only a number crosses over. */
  g_atomic_int_set (&self->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
}

static gboolean
update_progress_cb (gpointer user_data)
{
  ParaatImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, g_atomic_int_get (&self->permille) / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ParaatImportDialog *self = source_object;
  ParaatImportPlan *plan;
  GError *error = NULL;

  plan = paraat_import_plan_new (self->store, NULL, self->kind, (const char * const *) self->paths, cancellable,
                                 progress_cb, self, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) paraat_import_plan_free);
}

static GtkWidget *
event_row (ParaatImportEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = paraat_import_event_format_when (event);
  GtkWidget *state = gtk_label_new (paraat_import_state_get_label (paraat_import_event_get_state (event)));
  const char *summary = paraat_import_event_get_summary (event);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), summary && *summary ? summary : _("(no title)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  gtk_widget_add_css_class (state, "dim-label");
  if (paraat_import_event_get_state (event) == PARAAT_IMPORT_STATE_NEW ||
      paraat_import_event_get_state (event) == PARAAT_IMPORT_STATE_CHANGED)
    gtk_widget_remove_css_class (state, "dim-label");
  if (paraat_import_event_get_state (event) == PARAAT_IMPORT_STATE_SKIPPED)
    gtk_widget_add_css_class (state, "warning");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  return row;
}

static void
show_preview (ParaatImportDialog *self)
{
  ParaatImportCounts counts;
  GPtrArray *warnings = paraat_import_plan_get_warnings (self->plan);
  GListModel *events = paraat_import_plan_get_events (self->plan);
  guint n = g_list_model_get_n_items (events);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  paraat_import_plan_get_counts (self->plan, &counts);
  /* Translators: the import preview's counts */
  text = g_strdup_printf (_("%u new, %u changed, %u unchanged, %u removed, %u skipped"),
                          counts.n_new, counts.n_changed, counts.n_unchanged, counts.n_removed, counts.n_skipped);
  adw_action_row_set_subtitle (self->counts_row, text);

  /* Translators: %s is the name of the calendar being imported */
  title = g_strdup_printf (paraat_import_plan_get_new_source (self->plan) ? _("New calendar “%s”")
                                                                          : _("Calendar “%s”"),
                           paraat_import_plan_get_source_name (self->plan));
  adw_preferences_group_set_title (self->source_group, title);

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), warnings != NULL && warnings->len > 0);
  for (guint i = 0; warnings != NULL && i < warnings->len && i < MAX_ROWS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (warnings, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->warnings_group, row);
    }
  for (guint i = 0; i < n && i < MAX_ROWS; i++)
    {
      g_autoptr(ParaatImportEvent) event = g_list_model_get_item (events, i);

      adw_preferences_group_add (self->events_group, event_row (event));
    }
  if (n > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "The first %u of %u events",
                                                            "The first %u of %u events", n), MAX_ROWS, n);

      adw_preferences_group_set_description (self->events_group, more);
    }

  gtk_widget_set_sensitive (self->import_button, counts.n_new + counts.n_changed + counts.n_removed > 0);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
show_error (ParaatImportDialog *self,
            const char         *message)
{
  /* The description is markup; a message can quote "<!DOCTYPE …>". */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_free (self->error);
  self->error = g_strdup (message);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_plan_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ParaatImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->plan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  show_preview (self);
}

gboolean
paraat_import_dialog_apply (ParaatImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *organisation = gtk_editable_get_text (GTK_EDITABLE (self->organisation_row));
  ParaatImportCounts counts;

  if (self->plan == NULL)
    return FALSE;
  if (*organisation != '\0')
    paraat_import_plan_set_organisation (self->plan, organisation);
  if (!paraat_import_plan_apply (self->plan, self->store, self->cancellable, &error))
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return FALSE;
    }
  paraat_import_plan_get_counts (self->plan, &counts);
  if (PARAAT_IS_WINDOW (parent))
    /* Translators: after an import; %s is the calendar's name */
    paraat_window_add_toast (PARAAT_WINDOW (parent),
                             adw_toast_new_format (_("Imported “%s”: %u new, %u changed, %u removed"),
                                                   paraat_import_plan_get_source_name (self->plan),
                                                   counts.n_new, counts.n_changed, counts.n_removed));
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
on_import_clicked_cb (ParaatImportDialog *self)
{
  paraat_import_dialog_apply (self);
}

static void
on_cancel_clicked_cb (ParaatImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

gboolean
paraat_import_dialog_get_ready (ParaatImportDialog *self)
{
  return self->plan != NULL || self->error != NULL;
}

const char *
paraat_import_dialog_get_error (ParaatImportDialog *self)
{
  return self->error;
}

gboolean
paraat_import_dialog_get_counts (ParaatImportDialog *self,
                                 ParaatImportCounts *counts)
{
  if (self->plan == NULL)
    return FALSE;
  paraat_import_plan_get_counts (self->plan, counts);

  return TRUE;
}

/* Building */

static GtkWidget *
build_preview (ParaatImportDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();

  self->source_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->source_group,
                                         _("Nothing is written until you choose Import. Events that disappeared "
                                           "from the calendar are kept and marked removed."));
  self->counts_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->counts_row), _("Events"));
  adw_action_row_set_subtitle_lines (self->counts_row, 0);
  adw_preferences_group_add (self->source_group, GTK_WIDGET (self->counts_row));
  self->organisation_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organisation_row),
                                 _("Organisation (e.g. 43 Gemechaniseerde Brigade)"));
  adw_preferences_group_add (self->source_group, GTK_WIDGET (self->organisation_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->source_group);

  self->warnings_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->warnings_group, _("Warnings"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->warnings_group);

  self->events_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->events_group, _("Events"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->events_group);

  return page;
}

static void
paraat_import_dialog_dispose (GObject *object)
{
  ParaatImportDialog *self = PARAAT_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);

  G_OBJECT_CLASS (paraat_import_dialog_parent_class)->dispose (object);
}

static void
paraat_import_dialog_finalize (GObject *object)
{
  ParaatImportDialog *self = PARAAT_IMPORT_DIALOG (object);

  g_clear_pointer (&self->plan, paraat_import_plan_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (paraat_import_dialog_parent_class)->finalize (object);
}

static void
paraat_import_dialog_class_init (ParaatImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_import_dialog_dispose;
  object_class->finalize = paraat_import_dialog_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
paraat_import_dialog_init (ParaatImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *reading = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import Calendar"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, 640);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->import_button = gtk_button_new_with_mnemonic (_("_Import"));
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_widget_set_sensitive (self->import_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (reading), "document-open-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (reading), _("Reading the Calendar…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (reading),
                                   _("The files are checked and compared with the database. Nothing is written yet."));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->progress), 300, -1);
  gtk_widget_set_halign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (reading), GTK_WIDGET (self->progress));
  gtk_stack_add_named (self->stack, reading, "reading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("Could Not Import"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  gtk_stack_add_named (self->stack, build_preview (self), "preview");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  self->cancellable = g_cancellable_new ();
}

/**
 * paraat_import_dialog_new:
 * @kind: what a calendar new to the database is: a Defence calendar, a
 *   region's own export (its events become exercises) or other
 *
 * Starts reading @paths at once.
 */
ParaatImportDialog *
paraat_import_dialog_new (ParaatStore        *store,
                          const char * const *paths,
                          ParaatSourceKind    kind)
{
  ParaatImportDialog *self = g_object_new (PARAAT_TYPE_IMPORT_DIALOG, NULL);
  g_autoptr(GTask) task = NULL;

  self->store = g_object_ref (store);
  self->paths = g_strdupv ((char **) paths);
  self->kind = kind;
  self->progress_id = g_timeout_add (100, update_progress_cb, self);
  task = g_task_new (self, self->cancellable, on_plan_ready_cb, g_object_ref (self));
  g_task_run_in_thread (task, plan_thread);

  return self;
}

/* The file chooser */

static void
on_files_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    ParaatStore     *store)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  const char *kind_text = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "kind");
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  ParaatSourceKind kind = PARAAT_SOURCE_KIND_DEFENCE;

  if (response == GTK_RESPONSE_ACCEPT && files != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      if (kind_text != NULL)
        paraat_source_kind_from_string (kind_text, &kind);
      if (paths[0] != NULL)
        {
          ParaatImportDialog *dialog = paraat_import_dialog_new (store, (const char * const *) paths, kind);

          gtk_window_set_transient_for (GTK_WINDOW (dialog), parent);
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (store);
}

void
paraat_import_dialog_choose (GtkWindow   *parent,
                             ParaatStore *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *kinds[] = { "defence", "region", "other", NULL };
  const char *labels[] = { _("A Defence calendar"), _("A region's own export"), _("Another calendar"), NULL };

  chooser = gtk_file_chooser_native_new (_("Import Calendar"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Read"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* The format is told by the content; the filter only helps to find files. */
  gtk_file_filter_set_name (filter, _("Calendars (xCal, iCalendar)"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.xcal");
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "kind", _("The file is"), kinds, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "kind", "defence");
  g_signal_connect (chooser, "response", G_CALLBACK (on_files_chosen_cb), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
