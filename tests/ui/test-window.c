/* test-window.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on a demo database: every section, the scope selector,
 * editing a region, the secondary windows, an exercise's evaluation and
 * the action items, with a screenshot of each.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "paraat-actions-view.h"
#include "paraat-alignment-page.h"
#include "paraat-application.h"
#include "paraat-calendar-page.h"
#include "paraat-timeline-view.h"
#include "paraat-year-view.h"
#include "paraat-evaluation-dialog.h"
#include "paraat-exercise-chip.h"
#include "paraat-import-dialog.h"
#include "paraat-exchange.h"
#include "paraat-exercise-editor.h"
#include "paraat-overview-page.h"
#include "paraat-record-editor.h"
#include "paraat-record-table.h"
#include "paraat-reference-page.h"
#include "paraat-test-ui.h"
#include "paraat-test-utils.h"
#include "paraat-utils.h"
#include "paraat-window.h"

static ParaatApplication *app;
static char *tmp_dir;
static char *db_path;

static ParaatWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (PARAAT_IS_WINDOW (window));

  return PARAAT_WINDOW (window);
}

static ParaatRecordTable *
get_table (ParaatKind kind)
{
  GtkWidget *page = paraat_window_get_page (get_window (), "reference");

  return PARAAT_RECORD_TABLE (paraat_reference_page_get_table (PARAAT_REFERENCE_PAGE (page), kind));
}

static void
activate (const char *action,
          GVariant   *parameter)
{
  /* GTK 4.8 does not sink a floating parameter of a widget action. */
  g_autoptr(GVariant) owned = parameter ? g_variant_ref_sink (parameter) : NULL;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (get_window ()), action, owned));
  paraat_test_wait (50);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *path = paraat_test_save_screenshot (widget, name);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_overview (void)
{
  ParaatWindow *window = get_window ();
  GtkWidget *page;
  GListModel *attention;
  guint n_critical = 0;

  paraat_window_set_scope (window, "all");
  activate ("win.show-section", g_variant_new_string ("overview"));
  g_assert_cmpstr (paraat_window_get_section (window), ==, "overview");

  page = paraat_window_get_page (window, "overview");
  g_assert_cmpuint (g_list_model_get_n_items (paraat_overview_page_get_regions (PARAAT_OVERVIEW_PAGE (page))), ==, 25);

  /* The demo has two regions without an RMOA and was never backed up. */
  attention = paraat_overview_page_get_attention (PARAAT_OVERVIEW_PAGE (page));
  for (guint i = 0; i < g_list_model_get_n_items (attention); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (attention, i);
      guint severity;

      g_object_get (item, "severity", &severity, NULL);
      if (severity == 2)
        n_critical++;
    }
  g_assert_cmpuint (n_critical, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (attention), >=, 6);

  screenshot (GTK_WIDGET (window), "overview");
}

static void
test_reference (void)
{
  static const struct {
    ParaatKind  kind;
    const char *name;
    guint       min_rows;
  } tabs[] = {
    { PARAAT_KIND_REGION, "regions", 25 },
    { PARAAT_KIND_ASSIGNMENT, "brigade-mapping", 25 },
    { PARAAT_KIND_CONTACT, "contacts", 25 },
    { PARAAT_KIND_BRIGADE, "brigades", 3 },
    { PARAAT_KIND_DISCIPLINE, "disciplines", 10 },
    { PARAAT_KIND_EXERCISE_TYPE, "exercise-types", 10 },
    { PARAAT_KIND_GRIP_LEVEL, "grip-levels", 6 },
  };
  ParaatWindow *window = get_window ();
  GtkWidget *page;

  paraat_window_set_scope (window, "all");
  activate ("win.show-section", g_variant_new_string ("reference"));
  g_assert_cmpstr (paraat_window_get_section (window), ==, "reference");
  page = paraat_window_get_page (window, "reference");

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_autofree char *name = g_strconcat ("reference-", tabs[i].name, NULL);
      ParaatRecordTable *table = get_table (tabs[i].kind);

      paraat_reference_page_show_kind (PARAAT_REFERENCE_PAGE (page), tabs[i].kind, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (paraat_record_table_get_model (table)), >=, tabs[i].min_rows);
      screenshot (GTK_WIDGET (window), name);
    }

  /* Searching narrows the table; a search with no match shows the empty state. */
  paraat_reference_page_show_kind (PARAAT_REFERENCE_PAGE (page), PARAAT_KIND_REGION, "brabant");
  g_assert_cmpuint (g_list_model_get_n_items (paraat_record_table_get_model (get_table (PARAAT_KIND_REGION))), ==, 3);
  paraat_reference_page_show_kind (PARAAT_REFERENCE_PAGE (page), PARAAT_KIND_REGION, "no such region");
  g_assert_cmpuint (g_list_model_get_n_items (paraat_record_table_get_model (get_table (PARAAT_KIND_REGION))), ==, 0);
  screenshot (GTK_WIDGET (window), "reference-no-matches");
  paraat_reference_page_show_kind (PARAAT_REFERENCE_PAGE (page), PARAAT_KIND_REGION, NULL);
}

static void
test_scope (void)
{
  ParaatWindow *window = get_window ();
  GtkWidget *overview = paraat_window_get_page (window, "overview");
  GListModel *regions = paraat_overview_page_get_regions (PARAAT_OVERVIEW_PAGE (overview));
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *saved = NULL;

  paraat_window_set_scope (window, "brigade:43MB");
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_record_table_get_model (get_table (PARAAT_KIND_REGION))), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_record_table_get_model (get_table (PARAAT_KIND_BRIGADE))), ==, 1);
  saved = g_settings_get_string (settings, "scope");
  g_assert_cmpstr (saved, ==, "brigade:43MB");
  activate ("win.show-section", g_variant_new_string ("overview"));
  screenshot (GTK_WIDGET (window), "overview-brigade");

  paraat_window_set_scope (window, "region:VR05");
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_record_table_get_model (get_table (PARAAT_KIND_ASSIGNMENT))), ==, 1);
  /* Disciplines are not bound to a region: all of them stay. */
  g_assert_cmpuint (g_list_model_get_n_items (paraat_record_table_get_model (get_table (PARAAT_KIND_DISCIPLINE))), >=, 10);
  screenshot (GTK_WIDGET (window), "overview-region");

  paraat_window_set_scope (window, "all");
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 25);
}

static void
test_edit_region (void)
{
  ParaatWindow *window = get_window ();
  ParaatRecordTable *table = get_table (PARAAT_KIND_REGION);
  ParaatStore *store = paraat_window_get_store (window);
  g_autoptr(ParaatRecord) record = NULL;
  GtkWindow *editor;

  paraat_window_show_records (window, PARAAT_KIND_REGION, NULL);
  g_assert_true (paraat_record_table_select_key (table, "VR05"));
  editor = paraat_record_table_edit_selected (table);
  g_assert_nonnull (editor);
  paraat_test_wait (50);

  /* A bad value is refused with a message naming the field. */
  paraat_record_editor_set_value (PARAAT_RECORD_EDITOR (editor), "code", "V05");
  paraat_test_wait (20);
  g_assert_nonnull (paraat_record_editor_get_error (PARAAT_RECORD_EDITOR (editor)));
  g_assert_nonnull (strstr (paraat_record_editor_get_error (PARAAT_RECORD_EDITOR (editor)), "V05"));
  g_assert_false (paraat_record_editor_save (PARAAT_RECORD_EDITOR (editor)));
  screenshot (GTK_WIDGET (editor), "editor-invalid");

  paraat_record_editor_set_value (PARAAT_RECORD_EDITOR (editor), "code", "VR05");
  paraat_record_editor_set_value (PARAAT_RECORD_EDITOR (editor), "name", "Twente (bewerkt)");
  paraat_test_wait (20);
  g_assert_null (paraat_record_editor_get_error (PARAAT_RECORD_EDITOR (editor)));
  screenshot (GTK_WIDGET (editor), "editor");
  g_assert_true (paraat_record_editor_save (PARAAT_RECORD_EDITOR (editor)));
  paraat_test_wait (50);

  record = paraat_store_find_record (store, PARAAT_KIND_REGION, "VR05");
  g_assert_cmpstr (paraat_record_get_value_by_name (record, "name"), ==, "Twente (bewerkt)");

  /* The overview follows the store without being told. */
  {
    GListModel *regions = paraat_overview_page_get_regions (PARAAT_OVERVIEW_PAGE (paraat_window_get_page (window, "overview")));
    g_autoptr(GObject) summary = g_list_model_get_item (regions, 4);
    g_autofree char *name = NULL;

    g_object_get (summary, "name", &name, NULL);
    g_assert_cmpstr (name, ==, "Twente (bewerkt)");
  }
}

static void
test_add_contact (void)
{
  ParaatWindow *window = get_window ();
  ParaatRecordTable *table = get_table (PARAAT_KIND_CONTACT);
  GListModel *model;
  guint before;
  GtkWindow *editor;
  GList *toplevels;

  paraat_window_set_scope (window, "region:VR11");
  paraat_window_show_records (window, PARAAT_KIND_CONTACT, NULL);
  model = paraat_record_table_get_model (table);
  before = g_list_model_get_n_items (model);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "records.add", NULL));
  paraat_test_wait (50);
  toplevels = gtk_window_list_toplevels ();
  editor = NULL;
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (PARAAT_IS_RECORD_EDITOR (l->data))
        editor = l->data;
    }
  g_list_free (toplevels);
  g_assert_nonnull (editor);

  /* The region in scope is filled in. */
  paraat_record_editor_set_value (PARAAT_RECORD_EDITOR (editor), "role", "RMOA");
  paraat_record_editor_set_value (PARAAT_RECORD_EDITOR (editor), "name", "Kapitein T. (Test) Tester");
  paraat_record_editor_set_value (PARAAT_RECORD_EDITOR (editor), "valid_from", "2020-01-01");
  g_assert_true (paraat_record_editor_save (PARAAT_RECORD_EDITOR (editor)));
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);

  /* VR11 had no RMOA in the demo; now the overview counts one. */
  {
    GListModel *regions = paraat_overview_page_get_regions (PARAAT_OVERVIEW_PAGE (paraat_window_get_page (window, "overview")));
    g_autoptr(GObject) summary = g_list_model_get_item (regions, 0);
    g_autofree char *rmoa = NULL;

    g_object_get (summary, "rmoa", &rmoa, NULL);
    g_assert_cmpstr (rmoa, ==, "Kapitein T. (Test) Tester");
  }
  paraat_window_set_scope (window, "all");
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

static void
test_secondary_windows (void)
{
  GtkWindow *window;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  paraat_test_wait (50);
  window = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (window);
  screenshot (GTK_WIDGET (window), "preferences");
  gtk_window_destroy (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  paraat_test_wait (50);
  window = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (window);
  screenshot (GTK_WIDGET (window), "about");
  gtk_window_destroy (window);

  activate ("win.show-help-overlay", NULL);
  window = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (window);
  screenshot (GTK_WIDGET (window), "shortcuts");
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
}

static void
test_backup_and_check (void)
{
  ParaatWindow *window = get_window ();
  ParaatStore *store = paraat_window_get_store (window);
  g_autofree char *backup = g_build_filename (tmp_dir, "backup.db", NULL);
  GListModel *attention = paraat_overview_page_get_attention (PARAAT_OVERVIEW_PAGE (paraat_window_get_page (window, "overview")));
  guint before = g_list_model_get_n_items (attention);
  g_autoptr(GError) error = NULL;

  /* The menu's Back Up… asks for a file; the store call behind it is
   * what the overview reacts to. */
  g_assert_true (paraat_store_backup (store, backup, &error));
  g_assert_no_error (error);
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (attention), ==, before - 1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "check-database", NULL);
  paraat_test_wait (50);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first descendant of @type with the CSS class @name */
static GtkWidget *
find_styled (GtkWidget  *widget,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_styled (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_accessibility (void)
{
  ParaatWindow *window = get_window ();
  GtkWidget *overview = paraat_window_get_page (window, "overview");
  GtkWidget *view;

  /* Every record table's column view carries its kind's name. */
  view = find_descendant (GTK_WIDGET (get_table (PARAAT_KIND_REGION)), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Regions"));
  view = find_descendant (GTK_WIDGET (get_table (PARAAT_KIND_GRIP_LEVEL)), GTK_TYPE_COLUMN_VIEW);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("GRIP Levels"));

  /* The overview's region table and attention list are labelled too. */
  view = find_descendant (overview, GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Regions in scope"));
  view = find_descendant (overview, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (view);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Needs Attention"));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_LIST));
}

/* A phone-sized window folds the sidebar away and still works. */
static void
test_narrow (void)
{
  ParaatWindow *window = paraat_window_new (GTK_APPLICATION (app), paraat_window_get_store (get_window ()), NULL);
  GtkWidget *leaflet;

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 760);
  gtk_window_present (GTK_WINDOW (window));
  leaflet = find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET);
  /* Mapping and the first allocation take longer under the sanitizers. */
  for (guint i = 0; i < 500 && !adw_leaflet_get_folded (ADW_LEAFLET (leaflet)); i++)
    paraat_test_wait (20);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  paraat_window_show_section (window, "overview");
  screenshot (GTK_WIDGET (window), "narrow-overview");
  paraat_window_show_section (window, "reference");
  screenshot (GTK_WIDGET (window), "narrow-reference");
  paraat_window_show_section (window, "calendar");
  screenshot (GTK_WIDGET (window), "narrow-calendar");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  screenshot (GTK_WIDGET (window), "narrow-sidebar");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_calendar (void)
{
  ParaatWindow *window = get_window ();
  ParaatCalendarPage *page;
  GListModel *model;
  guint before, filtered;
  GtkWindow *editor;
  g_autoptr(ParaatExercise) first = NULL;
  g_autofree char *uid = NULL;

  paraat_window_set_scope (window, "brigade:43MB");
  activate ("win.show-section", g_variant_new_string ("calendar"));
  g_assert_cmpstr (paraat_window_get_section (window), ==, "calendar");
  page = PARAAT_CALENDAR_PAGE (paraat_window_get_page (window, "calendar"));
  paraat_calendar_page_set_view (page, "list");
  paraat_calendar_page_set_year (page, 2026);
  model = paraat_calendar_page_get_model (page);
  before = g_list_model_get_n_items (model);
  /* The demo plans tens of activities a year for each of the brigade's regions. */
  g_assert_cmpuint (before, >, 8 * 20);
  screenshot (GTK_WIDGET (window), "calendar-list");

  paraat_calendar_page_set_search (page, "twente");
  filtered = g_list_model_get_n_items (model);
  g_assert_cmpuint (filtered, >, 10);
  g_assert_cmpuint (filtered, <, before);
  paraat_calendar_page_set_search (page, NULL);

  /* Delete, then undo: an exercise of the regions' own (the demo's
   * brigade calendar is in view too, and its events are not ours) */
  for (guint i = 0; first == NULL || paraat_exercise_is_imported (first); i++)
    {
      g_clear_object (&first);
      first = g_list_model_get_item (model, i);
      g_assert_nonnull (first);
    }
  uid = g_strdup (paraat_exercise_get_uid (first));
  g_assert_true (paraat_calendar_page_select_uid (page, uid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.delete", NULL));
  paraat_test_wait (50);
  g_assert_false (paraat_calendar_page_select_uid (page, uid));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.undo-delete", NULL));
  paraat_test_wait (50);
  g_assert_true (paraat_calendar_page_select_uid (page, uid));

  /* A new exercise through the editor */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.new", NULL));
  paraat_test_wait (100);
  editor = find_toplevel (PARAAT_TYPE_EXERCISE_EDITOR);
  g_assert_nonnull (editor);
  paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "title", "ROT-oefening Hoogwater Vecht");
  paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-date", "2026-05-12");
  paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-time", "0900");
  paraat_test_wait (20);
  g_assert_nonnull (paraat_exercise_editor_get_error (PARAAT_EXERCISE_EDITOR (editor)));
  screenshot (GTK_WIDGET (editor), "exercise-editor-invalid");
  paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-time", "09:00");
  paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "end-time", "17:00");
  paraat_test_wait (20);
  g_assert_null (paraat_exercise_editor_get_error (PARAAT_EXERCISE_EDITOR (editor)));

  /* Further participants: check boxes, summed up in the row's subtitle */
  g_assert_cmpstr (paraat_exercise_editor_get_participants_summary (PARAAT_EXERCISE_EDITOR (editor),
                                                                    PARAAT_KIND_DISCIPLINE), ==,
                   C_("participants", "None"));
  g_assert_true (paraat_exercise_editor_set_participant (PARAAT_EXERCISE_EDITOR (editor), PARAAT_KIND_REGION,
                                                         "VR09", TRUE));
  g_assert_true (paraat_exercise_editor_set_participant (PARAAT_EXERCISE_EDITOR (editor), PARAAT_KIND_DISCIPLINE,
                                                         "BRW", TRUE));
  g_assert_true (paraat_exercise_editor_set_participant (PARAAT_EXERCISE_EDITOR (editor), PARAAT_KIND_DISCIPLINE,
                                                         "WS", TRUE));
  g_assert_true (paraat_exercise_editor_set_participant (PARAAT_EXERCISE_EDITOR (editor), PARAAT_KIND_DISCIPLINE,
                                                         "POL", TRUE));
  g_assert_true (paraat_exercise_editor_set_participant (PARAAT_EXERCISE_EDITOR (editor), PARAAT_KIND_DISCIPLINE,
                                                         "POL", FALSE));
  g_assert_false (paraat_exercise_editor_set_participant (PARAAT_EXERCISE_EDITOR (editor), PARAAT_KIND_DISCIPLINE,
                                                          "NO-SUCH", TRUE));
  g_assert_cmpstr (paraat_exercise_editor_get_participants_summary (PARAAT_EXERCISE_EDITOR (editor),
                                                                    PARAAT_KIND_DISCIPLINE), ==,
                   "Brandweer, Waterschap");
  {
    GtkWidget *expander = find_descendant (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW);

    g_assert_nonnull (expander);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    gtk_window_set_default_size (editor, 560, 1000);
    paraat_test_wait (100);
  }
  screenshot (GTK_WIDGET (editor), "exercise-editor");
  g_assert_true (paraat_exercise_editor_save (PARAAT_EXERCISE_EDITOR (editor)));
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, before + 1);

  /* Postpone it with a reason; the editor then shows the history. */
  {
    paraat_calendar_page_set_search (page, "Hoogwater Vecht");
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
    g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE));
    editor = paraat_calendar_page_edit_selected (page, FALSE);
    g_assert_nonnull (editor);
    paraat_test_wait (50);
    /* The participants were stored */
    {
      g_autoptr(ParaatExercise) saved = g_list_model_get_item (model, 0);
      const char * const *disciplines = paraat_exercise_get_disciplines (saved);

      g_assert_true (g_strv_contains (paraat_exercise_get_regions (saved), "VR09"));
      g_assert_cmpuint (g_strv_length ((char **) disciplines), ==, 2);
      g_assert_true (g_strv_contains (disciplines, "BRW"));
      g_assert_true (g_strv_contains (disciplines, "WS"));
    }
    /* Moving the start moves the end as much; the exercise keeps its length. */
    g_assert_cmpstr (paraat_exercise_editor_get_text (PARAAT_EXERCISE_EDITOR (editor), "end-date"), ==, "2026-05-12");
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-time", "10:30");
    g_assert_cmpstr (paraat_exercise_editor_get_text (PARAAT_EXERCISE_EDITOR (editor), "end-time"), ==, "18:30");
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-time", "09:00");
    g_assert_cmpstr (paraat_exercise_editor_get_text (PARAAT_EXERCISE_EDITOR (editor), "end-time"), ==, "17:00");
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-date", "2026-06-09");
    g_assert_cmpstr (paraat_exercise_editor_get_text (PARAAT_EXERCISE_EDITOR (editor), "end-date"), ==, "2026-06-09");
    /* A value being typed is no date yet; the end waits for the next valid one. */
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-date", "2026-06-1");
    g_assert_cmpstr (paraat_exercise_editor_get_text (PARAAT_EXERCISE_EDITOR (editor), "end-date"), ==, "2026-06-09");
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-date", "2026-06-09");
    g_assert_cmpstr (paraat_exercise_editor_get_text (PARAAT_EXERCISE_EDITOR (editor), "end-date"), ==, "2026-06-09");
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "reason", "Waterschap niet beschikbaar");
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "who", "Werkgroep MOTO");
    g_assert_cmpstr (paraat_exercise_editor_get_error (PARAAT_EXERCISE_EDITOR (editor)), ==, NULL);
    g_assert_true (paraat_exercise_editor_save (PARAAT_EXERCISE_EDITOR (editor)));
    paraat_test_wait (50);
    g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 0, TRUE));
    editor = paraat_calendar_page_edit_selected (page, FALSE);
    gtk_window_set_default_size (editor, 560, 1000);
    paraat_test_wait (200);
    {
      /* Scroll to the history under the form */
      GtkWidget *scrolled = find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      g_assert_nonnull (find_descendant (GTK_WIDGET (editor), GTK_TYPE_LIST_BOX));
    }
    screenshot (GTK_WIDGET (editor), "exercise-editor-history");
    gtk_window_destroy (editor);
    paraat_calendar_page_set_search (page, NULL);
  }

  /* Alt+Right goes to the next year */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  g_assert_cmpint (paraat_calendar_page_get_year (page), ==, 2027);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.previous", NULL));
  paraat_window_set_scope (window, "all");
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_history (ParaatStore *store,
               const char  *uid)
{
  g_autoptr(GPtrArray) history = paraat_store_get_history (store, uid, NULL);

  g_assert_nonnull (history);

  return history->len;
}

static void
test_calendar_views (void)
{
  ParaatWindow *window = get_window ();
  ParaatStore *store = paraat_window_get_store (window);
  ParaatCalendarPage *page;
  GtkWidget *view;
  GListModel *model;
  GtkWindow *dialog;
  g_autoptr(ParaatExercise) ex = NULL;
  g_autoptr(ParaatExercise) moved = NULL;
  g_autofree char *uid = NULL;
  guint n_history, n_before;
  guint position;

  paraat_window_set_scope (window, "brigade:43MB");
  activate ("win.show-section", g_variant_new_string ("calendar"));
  page = PARAAT_CALENDAR_PAGE (paraat_window_get_page (window, "calendar"));
  model = paraat_calendar_page_get_model (page);

  /* Year: the plan of 2026 at a glance */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.view", "s", "year"));
  paraat_calendar_page_set_year (page, 2026);
  paraat_test_wait (100);
  view = paraat_calendar_page_get_view_widget (page, "year");
  g_assert_true (gtk_widget_get_mapped (view));
  {
    guint busy = 0;

    for (int month = 1; month <= 12; month++)
      for (int day = 1; day <= 28; day++)
        busy += paraat_year_view_count_day (PARAAT_YEAR_VIEW (view), month, day) > 0;
    /* The demo is drawn around the day it is made, so the exact number
     * moves with the date; 43MB's eight regions keep most weeks busy. */
    g_assert_cmpuint (busy, >, 60);
  }
  screenshot (GTK_WIDGET (window), "calendar-year");

  /* A day's button opens its month (1 January is the first) */
  g_signal_emit_by_name (find_with_class (view, "year-day"), "clicked");
  g_assert_cmpstr (paraat_calendar_page_get_view (page), ==, "month");
  g_assert_cmpint (paraat_calendar_page_get_month (page), ==, 1);

  /* A click on a day opens its month */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-day", "s", "2026-03-17"));
  paraat_test_wait (100);
  g_assert_cmpstr (paraat_calendar_page_get_view (page), ==, "month");
  g_assert_cmpint (paraat_calendar_page_get_month (page), ==, 3);
  view = paraat_calendar_page_get_view_widget (page, "month");
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_nonnull (find_descendant (view, GTK_TYPE_BUTTON));
  screenshot (GTK_WIDGET (window), "calendar-month");
  {
    /* A full day lists the rest in a popover */
    GtkWidget *more = find_with_class (view, "more-button");
    GtkWidget *popover;

    g_assert_nonnull (more);
    g_signal_emit_by_name (more, "clicked");
    paraat_test_wait (100);
    popover = find_descendant (view, GTK_TYPE_POPOVER);
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    g_assert_nonnull (find_with_class (popover, "exercise-chip"));
    screenshot (popover, "calendar-month-more");
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  g_assert_cmpint (paraat_calendar_page_get_month (page), ==, 4);

  /* Timeline: the brigade's eight regions side by side */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.view", "s", "timeline"));
  paraat_calendar_page_set_date (page, 2026, 9, 1);
  paraat_test_wait (100);
  view = paraat_calendar_page_get_view_widget (page, "timeline");
  /* … and a row for the demo's brigade calendar when events of it that
   * name no region fall in the month */
  g_assert_cmpuint (paraat_timeline_view_get_n_rows (PARAAT_TIMELINE_VIEW (view)), >=, 8);
  g_assert_cmpuint (paraat_timeline_view_get_n_rows (PARAAT_TIMELINE_VIEW (view)), <=, 9);
  g_assert_cmpuint (paraat_timeline_view_get_n_bars (PARAAT_TIMELINE_VIEW (view)), >, 8);
  screenshot (GTK_WIDGET (window), "calendar-timeline");

  /* Bulk shift: the first two exercises of a week, a week later */
  paraat_calendar_page_set_view (page, "list");
  paraat_calendar_page_set_date (page, 2026, 10, 1);
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 2);
  /* The first of the regions' own (imported events stay where their
   * calendar has them) */
  for (position = 0; ex == NULL || paraat_exercise_is_imported (ex); position++)
    {
      g_clear_object (&ex);
      ex = g_list_model_get_item (model, position);
      g_assert_nonnull (ex);
    }
  position--;
  uid = g_strdup (paraat_exercise_get_uid (ex));
  n_history = count_history (store, uid);
  g_assert_true (gtk_selection_model_select_range (GTK_SELECTION_MODEL (model), position, 2, TRUE));
  dialog = paraat_calendar_page_shift_selected (page);
  g_assert_nonnull (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON)), 7);
  /* Without a reason the dialog does not shift */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "shift"));
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)),
                         "Brigade op oefening in Duitsland");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "shift"));
  paraat_test_wait (100);
  screenshot (GTK_WIDGET (dialog), "calendar-shift");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "shift");
  paraat_test_wait (50);
  moved = paraat_store_get_exercise (store, uid, NULL);
  g_assert_nonnull (moved);
  if (!paraat_exercise_is_occurrence (ex))
    g_assert_cmpint (paraat_exercise_get_start_utc (moved) - paraat_exercise_get_start_utc (ex), >=, 7 * 86400 - 3600);
  g_assert_cmpuint (count_history (store, uid), >, n_history);

  /* Copy the 2027 plan into 2028 as drafts */
  paraat_calendar_page_set_view (page, "list");
  paraat_calendar_page_set_year (page, 2028);
  /* Only the open-ended recurring drills reach 2028 */
  n_before = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_before, <, 20);
  paraat_calendar_page_set_year (page, 2027);
  dialog = paraat_calendar_page_copy_year (page);
  paraat_test_wait (100);
  screenshot (GTK_WIDGET (dialog), "calendar-copy-year");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  paraat_test_wait (50);
  paraat_calendar_page_set_year (page, 2028);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, n_before + 8 * 10);

  /* The year on show, exported for Defence: valid xCal and iCalendar */
  {
    g_autofree char *xcal = g_build_filename (tmp_dir, "plan-2026.xml", NULL);
    g_autofree char *ics = g_build_filename (tmp_dir, "plan-2026.ics", NULL);
    g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) error = NULL;
    guint n = 0, n_events = 0;

    paraat_calendar_page_set_view (page, "year");
    paraat_calendar_page_set_year (page, 2026);
    g_assert_true (paraat_calendar_page_export (page, "xcal", xcal, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, >, 8 * 10);
    g_assert_true (paraat_exchange_validate_file (xcal, NULL, &n_events, messages, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (messages->len, ==, 0);
    g_assert_cmpuint (n_events, ==, n);
    g_assert_true (paraat_calendar_page_export (page, "ics", ics, &n, &error));
    g_assert_true (paraat_exchange_validate_file (ics, NULL, &n_events, messages, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (messages->len, ==, 0);
    g_assert_cmpuint (n_events, ==, n);
  }

  /* The Overview's overdue action items lead here */
  paraat_window_show_action_items (window, "VR05");
  paraat_test_wait (100);
  g_assert_cmpstr (paraat_window_get_section (window), ==, "calendar");
  g_assert_cmpstr (paraat_calendar_page_get_view (page), ==, "actions");
  screenshot (GTK_WIDGET (window), "calendar-actions");
  paraat_calendar_page_set_view (page, "year");
  paraat_window_set_scope (window, "all");
}

/* The first stored exercise with @status, from two years back to next year */
static ParaatExercise *
find_exercise_with_status (ParaatStore          *store,
                           ParaatExerciseStatus  status)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) from = g_date_time_add_years (now, -2);
  g_autoptr(GDateTime) to = g_date_time_add_years (now, 1);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  list = paraat_store_list_exercises (store, NULL, g_date_time_to_unix (from), g_date_time_to_unix (to), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      ParaatExercise *ex = list->pdata[i];

      if (paraat_exercise_get_status (ex) == status && !paraat_exercise_is_occurrence (ex))
        return g_object_ref (ex);
    }

  return NULL;
}

static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
scroll_to_end (GtkWidget *window)
{
  GtkWidget *scrolled = find_descendant (window, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  paraat_test_wait (50);
}

static ParaatActionItem *
find_stored_item (ParaatStore *store,
                  const char  *uid,
                  const char  *what)
{
  g_autofree char *today = paraat_today_iso ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = paraat_store_list_action_items (store, NULL, uid, FALSE, today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      if (g_strcmp0 (paraat_action_item_get_what (items->pdata[i]), what) == 0)
        return g_object_ref (items->pdata[i]);
    }

  return NULL;
}

#define NEW_ITEM "Alarmeringsprocedure Defensie via RMOA herzien"

static void
test_evaluation (void)
{
  ParaatWindow *window = get_window ();
  ParaatStore *store = paraat_window_get_store (window);
  g_autoptr(ParaatExercise) planned = find_exercise_with_status (store, PARAAT_EXERCISE_STATUS_PLANNED);
  g_autoptr(ParaatExercise) held = find_exercise_with_status (store, PARAAT_EXERCISE_STATUS_HELD);
  g_autoptr(ParaatEvaluation) evaluation = NULL;
  g_autoptr(ParaatActionItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = paraat_today_iso ();
  g_autofree char *old_quick_ref = NULL;
  g_autoptr(GVariant) id = NULL;
  ParaatExerciseEditor *editor;
  ParaatEvaluationDialog *dialog;
  GtkWidget *button;
  const char *uid;
  guint n_items;

  g_assert_nonnull (planned);
  g_assert_nonnull (held);
  uid = paraat_exercise_get_uid (held);

  /* A planned exercise can't be evaluated yet; the editor says why. */
  editor = paraat_exercise_editor_new (store, planned, FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  paraat_test_wait (50);
  button = find_by_action (GTK_WIDGET (editor), "exercise-editor.evaluate");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* A held one opens its evaluation from the editor. */
  editor = paraat_exercise_editor_new (store, held, FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  paraat_test_wait (50);
  button = find_by_action (GTK_WIDGET (editor), "exercise-editor.evaluate");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  paraat_test_wait (100);
  dialog = PARAAT_EVALUATION_DIALOG (find_toplevel (PARAAT_TYPE_EVALUATION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 1000);
  n_items = g_list_model_get_n_items (paraat_evaluation_dialog_get_action_items (dialog));

  /* An impossible date is marked and not saved. */
  evaluation = paraat_store_get_evaluation (store, uid, &error);
  g_assert_no_error (error);
  old_quick_ref = g_strdup (evaluation ? paraat_evaluation_get_quick_report_ref (evaluation) : "");
  g_clear_object (&evaluation);
  paraat_evaluation_dialog_set_text (dialog, "quick-date", "2026-02-30");
  paraat_evaluation_dialog_set_text (dialog, "quick-ref", "VR-FIR-2026-014");
  paraat_test_wait (20);
  g_assert_nonnull (paraat_evaluation_dialog_get_error (dialog));
  g_assert_nonnull (strstr (paraat_evaluation_dialog_get_error (dialog), "2026-02-30"));
  g_assert_false (paraat_evaluation_dialog_save (dialog));
  evaluation = paraat_store_get_evaluation (store, uid, &error);
  g_assert_cmpstr (evaluation ? paraat_evaluation_get_quick_report_ref (evaluation) : "", ==, old_quick_ref);
  g_clear_object (&evaluation);
  screenshot (GTK_WIDGET (dialog), "evaluation-dialog-invalid");

  paraat_evaluation_dialog_set_text (dialog, "quick-date", "2026-03-02");
  paraat_evaluation_dialog_set_text (dialog, "final-date", "2026-04-15");
  paraat_evaluation_dialog_set_text (dialog, "final-ref", "VR-FER-2026-031");
  paraat_evaluation_dialog_set_text (dialog, "lessons",
                                     "De alarmering van Defensie via de RMOA liep een uur vertraagd.\n"
                                     "Het ROT had geen actueel beeld van de inzet van de waterschappen.");
  paraat_test_wait (20);
  g_assert_null (paraat_evaluation_dialog_get_error (dialog));
  screenshot (GTK_WIDGET (dialog), "evaluation-dialog");

  /* An action item: a bad due date is refused, a good one saved at once */
  paraat_evaluation_dialog_set_text (dialog, "item-what", NEW_ITEM);
  paraat_evaluation_dialog_set_text (dialog, "item-owner", "Veiligheidsregio");
  paraat_evaluation_dialog_set_text (dialog, "item-due", "1 september");
  paraat_test_wait (20);
  g_assert_nonnull (paraat_evaluation_dialog_get_error (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.add-item", NULL);
  paraat_test_wait (20);
  g_assert_null (find_stored_item (store, uid, NEW_ITEM));
  paraat_evaluation_dialog_set_text (dialog, "item-due", "2026-09-01");
  paraat_test_wait (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.add-item", NULL));
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_evaluation_dialog_get_action_items (dialog)), ==, n_items + 1);
  item = find_stored_item (store, uid, NEW_ITEM);
  g_assert_nonnull (item);
  g_assert_cmpstr (paraat_action_item_get_owner (item), ==, "Veiligheidsregio");
  g_assert_cmpstr (paraat_action_item_get_due_date (item), ==, "2026-09-01");
  g_assert_cmpint (paraat_action_item_get_status (item), ==, PARAAT_ACTION_OPEN);

  /* One click a step: open → in progress → done, with today as done date */
  id = g_variant_ref_sink (g_variant_new_int64 (paraat_action_item_get_id (item)));
  g_clear_object (&item);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (dialog), "evaluation.advance-item", id));
  paraat_test_wait (20);
  item = find_stored_item (store, uid, NEW_ITEM);
  g_assert_cmpint (paraat_action_item_get_status (item), ==, PARAAT_ACTION_IN_PROGRESS);
  g_clear_object (&item);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (dialog), "evaluation.advance-item", id));
  paraat_test_wait (20);
  item = find_stored_item (store, uid, NEW_ITEM);
  g_assert_cmpint (paraat_action_item_get_status (item), ==, PARAAT_ACTION_DONE);
  g_assert_cmpstr (paraat_action_item_get_done_date (item), ==, today);
  g_clear_object (&item);

  /* Editing an item keeps its status */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (dialog), "evaluation.edit-item", id));
  paraat_evaluation_dialog_set_text (dialog, "item-owner", "Veiligheidsregio en Defensie");
  paraat_test_wait (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.add-item", NULL));
  paraat_test_wait (20);
  item = find_stored_item (store, uid, NEW_ITEM);
  g_assert_cmpstr (paraat_action_item_get_owner (item), ==, "Veiligheidsregio en Defensie");
  g_assert_cmpint (paraat_action_item_get_status (item), ==, PARAAT_ACTION_DONE);
  g_assert_cmpstr (paraat_action_item_get_done_date (item), ==, today);
  g_clear_object (&item);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_evaluation_dialog_get_action_items (dialog)), ==, n_items + 1);

  /* An item past its due date says so in its row */
  paraat_evaluation_dialog_set_text (dialog, "item-what", "Actueel beeld waterschappen in het ROT borgen");
  paraat_evaluation_dialog_set_text (dialog, "item-owner", "Waterschap");
  paraat_evaluation_dialog_set_text (dialog, "item-due", "2025-01-31");
  paraat_test_wait (20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.add-item", NULL));
  paraat_test_wait (20);
  item = find_stored_item (store, uid, "Actueel beeld waterschappen in het ROT borgen");
  g_assert_nonnull (item);
  g_assert_true (paraat_action_item_is_overdue (item, today));
  g_clear_object (&item);
  g_assert_cmpuint (g_list_model_get_n_items (paraat_evaluation_dialog_get_action_items (dialog)), ==, n_items + 2);

  /* Show an item being edited, under the list */
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (dialog), "evaluation.edit-item", id));
  scroll_to_end (GTK_WIDGET (dialog));
  screenshot (GTK_WIDGET (dialog), "evaluation-dialog-items");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "evaluation.stop-editing", NULL));

  /* Save stores the reports and lessons, and closes the dialog */
  g_assert_true (paraat_evaluation_dialog_save (dialog));
  paraat_test_wait (50);
  g_assert_null (find_toplevel (PARAAT_TYPE_EVALUATION_DIALOG));
  evaluation = paraat_store_get_evaluation (store, uid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evaluation);
  g_assert_cmpstr (paraat_evaluation_get_quick_report_date (evaluation), ==, "2026-03-02");
  g_assert_cmpstr (paraat_evaluation_get_quick_report_ref (evaluation), ==, "VR-FIR-2026-014");
  g_assert_cmpstr (paraat_evaluation_get_final_report_date (evaluation), ==, "2026-04-15");
  g_assert_cmpstr (paraat_evaluation_get_final_report_ref (evaluation), ==, "VR-FER-2026-031");
  g_assert_nonnull (strstr (paraat_evaluation_get_lessons (evaluation), "waterschappen"));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Opened for an exercise that was not held, the dialog says why and saves nothing. */
  dialog = PARAAT_EVALUATION_DIALOG (paraat_evaluation_dialog_present (GTK_WIDGET (window), store,
                                                                       paraat_exercise_get_uid (planned)));
  paraat_test_wait (50);
  g_assert_nonnull (paraat_evaluation_dialog_get_error (dialog));
  g_assert_false (paraat_evaluation_dialog_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_show_exercise_cb (ParaatActionsView *view,
                     const char        *uid,
                     char             **out)
{
  g_free (*out);
  *out = g_strdup (uid);
}

static void
test_actions_view (void)
{
  ParaatStore *store = paraat_window_get_store (get_window ());
  GtkWidget *view = paraat_actions_view_new (store);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(ParaatScope) scope = paraat_scope_parse ("all", NULL);
  g_autoptr(ParaatActionItem) item = NULL;
  g_autofree char *today = paraat_today_iso ();
  g_autofree char *shown_uid = NULL;
  g_autofree char *region = NULL;
  GListModel *model;
  GtkWidget *dialog;
  guint n_open, n_overdue, n_all;

  gtk_window_set_title (GTK_WINDOW (window), "Paraat");
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 640);
  gtk_window_present (GTK_WINDOW (window));
  paraat_actions_view_set_scope (PARAAT_ACTIONS_VIEW (view), scope);
  model = paraat_actions_view_get_model (PARAAT_ACTIONS_VIEW (view));
  paraat_test_wait (100);

  /* Open is the default; overdue is a part of it; all includes the done ones. */
  n_open = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_open; i++)
    {
      g_autoptr(ParaatActionItem) row = g_list_model_get_item (model, i);

      g_assert_cmpint (paraat_action_item_get_status (row), !=, PARAAT_ACTION_DONE);
    }
  screenshot (window, "actions-view");
  paraat_actions_view_set_filter (PARAAT_ACTIONS_VIEW (view), "overdue");
  n_overdue = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_overdue, <, n_open);
  for (guint i = 0; i < n_overdue; i++)
    {
      g_autoptr(ParaatActionItem) row = g_list_model_get_item (model, i);

      g_assert_true (paraat_action_item_is_overdue (row, today));
      if (region == NULL)
        region = g_strdup (paraat_action_item_get_region_code (row));
    }
  screenshot (window, "actions-view-overdue");

  /* One region, as the overview's overdue rows ask for */
  paraat_actions_view_set_region (PARAAT_ACTIONS_VIEW (view), region);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, n_overdue);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatActionItem) row = g_list_model_get_item (model, i);

      g_assert_cmpstr (paraat_action_item_get_region_code (row), ==, region);
    }
  screenshot (window, "actions-view-region");
  paraat_actions_view_set_region (PARAAT_ACTIONS_VIEW (view), NULL);

  paraat_actions_view_set_filter (PARAAT_ACTIONS_VIEW (view), "all");
  n_all = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_all, >, n_open);

  /* The item the evaluation test finished: reopen it, then mark it done again. */
  paraat_actions_view_set_search (PARAAT_ACTIONS_VIEW (view), NEW_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_true (paraat_actions_view_select_id (PARAAT_ACTIONS_VIEW (view), paraat_action_item_get_id (item)));
  g_assert_true (gtk_widget_activate_action (view, "actions.reopen", NULL));
  paraat_test_wait (20);
  g_clear_object (&item);
  item = find_stored_item (store, NULL, NEW_ITEM);
  g_assert_cmpint (paraat_action_item_get_status (item), ==, PARAAT_ACTION_OPEN);
  g_assert_null (paraat_action_item_get_done_date (item));
  g_assert_true (gtk_widget_activate_action (view, "actions.mark-done", NULL));
  paraat_test_wait (20);
  g_clear_object (&item);
  item = find_stored_item (store, NULL, NEW_ITEM);
  g_assert_cmpint (paraat_action_item_get_status (item), ==, PARAAT_ACTION_DONE);
  g_assert_cmpstr (paraat_action_item_get_done_date (item), ==, today);

  /* Done items leave the open list */
  paraat_actions_view_set_filter (PARAAT_ACTIONS_VIEW (view), "open");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  screenshot (window, "actions-view-empty");
  paraat_actions_view_set_filter (PARAAT_ACTIONS_VIEW (view), "all");
  g_assert_true (paraat_actions_view_select_id (PARAAT_ACTIONS_VIEW (view), paraat_action_item_get_id (item)));

  /* Show Exercise names the exercise; activating opens its evaluation. */
  g_signal_connect (view, "show-exercise", G_CALLBACK (on_show_exercise_cb), &shown_uid);
  g_assert_true (gtk_widget_activate_action (view, "actions.show-exercise", NULL));
  g_assert_cmpstr (shown_uid, ==, paraat_action_item_get_exercise_uid (item));
  g_assert_true (gtk_widget_activate_action (view, "actions.open", NULL));
  paraat_test_wait (50);
  dialog = GTK_WIDGET (find_toplevel (PARAAT_TYPE_EVALUATION_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_alignment (void)
{
  ParaatWindow *window = get_window ();
  ParaatAlignmentPage *page;
  GPtrArray *findings;
  ParaatFinding *finding = NULL;
  g_autofree char *csv_path = g_build_filename (tmp_dir, "alignment.csv", NULL);
  g_autofree char *json_path = g_build_filename (tmp_dir, "alignment.json", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *editor;

  paraat_window_set_scope (window, "brigade:43MB");
  activate ("win.show-section", g_variant_new_string ("alignment"));
  g_assert_cmpstr (paraat_window_get_section (window), ==, "alignment");
  page = PARAAT_ALIGNMENT_PAGE (paraat_window_get_page (window, "alignment"));
  paraat_alignment_page_set_year (page, 2026);
  paraat_test_wait (100);

  /* The demo's regions of 43MB hold exercises the RMOA cannot both observe */
  findings = paraat_alignment_page_get_findings (page);
  g_assert_nonnull (findings);
  g_assert_cmpuint (findings->len, >, 0);
  g_assert_cmpuint (paraat_alignment_page_get_n_shown (page), ==, findings->len);
  screenshot (GTK_WIDGET (window), "alignment");

  /* A row's menu is made when it opens and names the exercises involved */
  {
    GtkWidget *list = find_styled (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, "findings");
    GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (list, GTK_TYPE_MENU_BUTTON));

    g_assert_null (gtk_menu_button_get_menu_model (button));
    gtk_menu_button_popup (button);
    paraat_test_wait (100);
    g_assert_nonnull (gtk_menu_button_get_menu_model (button));
    g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), ==,
                     paraat_finding_get_n_items (g_ptr_array_index (findings, 0)));
    screenshot (GTK_WIDGET (window), "alignment-menu");
    gtk_menu_button_popdown (button);
    paraat_test_wait (50);
  }

  /* Export what is shown, for the working group */
  g_assert_true (paraat_alignment_page_export (page, "csv", csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  g_assert_cmpuint (strlen (contents), >, 20);
  g_clear_pointer (&contents, g_free);
  g_assert_true (paraat_alignment_page_export (page, "json", json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json_path, &contents, NULL, NULL));
  g_assert_true (contents[0] == '{' || contents[0] == '[');

  /* A finding opens the exercises it names */
  for (guint i = 0; i < findings->len && finding == NULL; i++)
    if (paraat_finding_get_item (g_ptr_array_index (findings, i), 0)->source == PARAAT_ITEM_SOURCE_EXERCISE)
      finding = g_ptr_array_index (findings, i);
  g_assert_nonnull (finding);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "alignment.open", "s",
                                             paraat_finding_get_item (finding, 0)->uid));
  paraat_test_wait (100);
  g_assert_cmpstr (paraat_window_get_section (window), ==, "calendar");
  editor = find_toplevel (PARAAT_TYPE_EXERCISE_EDITOR);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);

  /* Nothing critical without Defence calendars: the filter says so */
  activate ("win.show-section", g_variant_new_string ("alignment"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_descendant (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN)), 2);
  paraat_test_wait (50);
  {
    guint critical = 0;

    for (guint i = 0; i < findings->len; i++)
      critical += paraat_finding_get_severity (g_ptr_array_index (findings, i)) == PARAAT_SEVERITY_CRITICAL;
    g_assert_cmpuint (paraat_alignment_page_get_n_shown (page), ==, critical);
  }
  screenshot (GTK_WIDGET (window), "alignment-filtered");
  paraat_window_set_scope (window, "all");
}

static ParaatImportDialog *
import_and_wait (const char       *path,
                 ParaatSourceKind  kind)
{
  const char *paths[] = { path, NULL };
  ParaatImportDialog *dialog = paraat_import_dialog_new (paraat_window_get_store (get_window ()), paths, kind);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (get_window ()));
  gtk_window_present (GTK_WINDOW (dialog));
  /* Read in a worker thread; the window goes on meanwhile */
  for (guint i = 0; i < 1000 && !paraat_import_dialog_get_ready (dialog); i++)
    paraat_test_wait (20);
  g_assert_true (paraat_import_dialog_get_ready (dialog));
  paraat_test_wait (100);

  return dialog;
}

static void
test_import (void)
{
  ParaatWindow *window = get_window ();
  ParaatStore *store = paraat_window_get_store (window);
  g_autofree char *defence = g_test_build_filename (G_TEST_DIST, "data", "import", "defence-43mb.ics", NULL);
  g_autofree char *hostile = g_test_build_filename (G_TEST_DIST, "data", "xcal", "hostile", "billion-laughs.xml",
                                                    NULL);
  g_autoptr(ParaatSource) source = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  ParaatImportDialog *dialog;
  ParaatImportCounts counts;

  /* A brigade's calendar: a preview first, then one transaction */
  dialog = import_and_wait (defence, PARAAT_SOURCE_KIND_DEFENCE);
  g_assert_null (paraat_import_dialog_get_error (dialog));
  g_assert_true (paraat_import_dialog_get_counts (dialog, &counts));
  g_assert_cmpuint (counts.n_new, >, 0);
  g_assert_null (paraat_store_find_source (store, "defence-43mb", NULL));
  screenshot (GTK_WIDGET (dialog), "import-preview");
  g_assert_true (paraat_import_dialog_apply (dialog));
  paraat_test_wait (50);
  before = paraat_store_list_sources (store, NULL);
  g_assert_nonnull (before);
  /* Beside the demo's own "Jaarplanning 43 Gemechaniseerde Brigade" */
  g_assert_cmpuint (before->len, ==, 2);
  source = paraat_store_find_source (store, "43 Gemechaniseerde Brigade", NULL);
  g_assert_nonnull (source);
  g_assert_cmpuint (paraat_source_get_n_events (source), ==, counts.n_new);

  /* The same file again changes nothing */
  dialog = import_and_wait (defence, PARAAT_SOURCE_KIND_DEFENCE);
  g_assert_true (paraat_import_dialog_get_counts (dialog, &counts));
  g_assert_cmpuint (counts.n_new + counts.n_changed + counts.n_removed, ==, 0);
  g_assert_cmpuint (counts.n_unchanged, ==, paraat_source_get_n_events (source));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A hostile file is refused and nothing is written */
  g_assert_true (g_file_test (hostile, G_FILE_TEST_EXISTS));
  dialog = import_and_wait (hostile, PARAAT_SOURCE_KIND_DEFENCE);
  g_assert_nonnull (paraat_import_dialog_get_error (dialog));
  g_assert_false (paraat_import_dialog_apply (dialog));
  screenshot (GTK_WIDGET (dialog), "import-refused");
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = paraat_store_list_sources (store, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* The imported brigade's calendar beside the exercises: coloured by its
 * calendar, read-only, and hidden again with its check box */
static guint
count_imported (GListModel   *model,
                ParaatSource *source)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (model, i);

      n += paraat_exercise_get_calendar_id (ex) == paraat_source_get_id (source);
    }

  return n;
}

static void
test_imported_events (void)
{
  ParaatWindow *window = get_window ();
  ParaatStore *store = paraat_window_get_store (window);
  g_autoptr(GPtrArray) sources = paraat_store_list_sources (store, NULL);
  ParaatSource *source = NULL;
  ParaatCalendarPage *page;
  GListModel *model;
  GtkWidget *view, *chip;
  GtkWindow *dialog;
  g_autofree char *target = NULL;

  /* The calendar /ui/window/import brought in */
  g_assert_nonnull (sources);
  for (guint i = 0; i < sources->len; i++)
    if (g_str_has_suffix (paraat_source_get_last_file (g_ptr_array_index (sources, i)), "defence-43mb.ics"))
      source = g_ptr_array_index (sources, i);
  g_assert_nonnull (source);
  paraat_window_set_scope (window, "brigade:43MB");
  activate ("win.show-section", g_variant_new_string ("calendar"));
  page = PARAAT_CALENDAR_PAGE (paraat_window_get_page (window, "calendar"));
  model = paraat_calendar_page_get_model (page);

  /* June 2026: Bold Sparrow (1–5 June, VR05) among the exercises */
  paraat_calendar_page_set_view (page, "month");
  paraat_calendar_page_set_date (page, 2026, 6, 1);
  paraat_test_wait (100);
  g_assert_cmpuint (count_imported (model, source), >=, 1);
  view = paraat_calendar_page_get_view_widget (page, "month");
  chip = find_with_class (view, "imported");
  g_assert_nonnull (chip);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (chip)), ==, "calendar.show-event");
  screenshot (GTK_WIDGET (window), "calendar-month-imported");

  /* Its details, read-only, with the way to plan an exercise from it */
  for (guint i = 0; target == NULL; i++)
    {
      g_autoptr(ParaatExercise) ex = g_list_model_get_item (model, i);

      g_assert_nonnull (ex);
      if (g_str_equal (paraat_exercise_get_uid (ex), "43mb-2026-001@mil.example"))
        target = paraat_exercise_chip_event_target (ex);
    }
  dialog = paraat_calendar_page_show_event (page, target);
  g_assert_nonnull (dialog);
  paraat_test_wait (100);
  screenshot (GTK_WIDGET (dialog), "calendar-imported-event");
  gtk_window_destroy (dialog);

  /* Filters lists the imported calendars, each with its check box */
  {
    GtkWidget *filters = find_with_class (GTK_WIDGET (page), "filter-button");
    GtkPopover *popover;

    g_assert_nonnull (filters);
    gtk_menu_button_popup (GTK_MENU_BUTTON (filters));
    paraat_test_wait (200);
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (filters));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
    g_assert_nonnull (find_descendant (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON));
    screenshot (GTK_WIDGET (popover), "calendar-filters-calendars");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (filters));
  }

  /* The timeline by unit: the brigade's units have rows of their own */
  paraat_calendar_page_set_view (page, "timeline");
  paraat_calendar_page_set_date (page, 2026, 7, 1);
  paraat_test_wait (100);
  view = paraat_calendar_page_get_view_widget (page, "timeline");
  g_assert_nonnull (find_with_class (view, "imported"));
  screenshot (GTK_WIDGET (window), "calendar-timeline-imported");

  /* Deleting one is refused: it belongs to its calendar */
  paraat_calendar_page_set_view (page, "list");
  paraat_calendar_page_set_date (page, 2026, 6, 1);
  paraat_test_wait (100);
  g_assert_cmpuint (count_imported (model, source), >=, 1);

  /* Hidden: gone from the views, still in the store */
  paraat_source_set_visible (source, FALSE);
  g_assert_true (paraat_store_save_source (store, source, NULL));
  paraat_test_wait (100);
  g_assert_cmpuint (count_imported (model, source), ==, 0);
  paraat_source_set_visible (source, TRUE);
  g_assert_true (paraat_store_save_source (store, source, NULL));
  paraat_test_wait (100);
  g_assert_cmpuint (count_imported (model, source), >=, 1);

  /* Removed with its events, after a question */
  dialog = paraat_calendar_page_remove_source (page, paraat_source_get_name (source));
  g_assert_nonnull (dialog);
  paraat_test_wait (100);
  screenshot (GTK_WIDGET (dialog), "calendar-remove-source");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  paraat_test_wait (100);
  g_assert_cmpuint (count_imported (model, source), ==, 0);
  g_assert_null (paraat_store_find_source (store, paraat_source_get_name (source), NULL));
}

static void
test_open_error (void)
{
  g_autofree char *bad = g_build_filename (tmp_dir, "not-a-database.db", NULL);
  g_autoptr(GError) error = NULL;
  ParaatWindow *error_window;

  g_assert_true (g_file_set_contents (bad, "This is a letter, not a database.\n", -1, NULL));
  g_assert_false (paraat_application_open_database (app, bad, FALSE, &error));
  g_assert_error (error, PARAAT_STORE_ERROR, PARAAT_STORE_ERROR_NOT_DATABASE);

  /* The window the application shows when the start database fails */
  error_window = paraat_window_new (GTK_APPLICATION (app), NULL, error->message);
  gtk_window_present (GTK_WINDOW (error_window));
  screenshot (GTK_WIDGET (error_window), "open-error");
  gtk_window_destroy (GTK_WINDOW (error_window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(ParaatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  int result;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PARAAT_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  tmp_dir = g_dir_make_tmp ("paraat-ui-XXXXXX", &error);
  g_assert_no_error (error);
  db_path = g_build_filename (tmp_dir, "demo.db", NULL);
  store = paraat_store_open (db_path, PARAAT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_assert_true (paraat_store_fill_demo (store, &today, &error));
  g_clear_object (&store);

  app = paraat_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_true (paraat_application_open_database (app, db_path, FALSE, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (get_window ()), 1280, 820);
  paraat_test_wait (200);

  g_test_add_func ("/ui/window/overview", test_overview);
  g_test_add_func ("/ui/window/reference", test_reference);
  g_test_add_func ("/ui/window/scope", test_scope);
  g_test_add_func ("/ui/window/edit-region", test_edit_region);
  g_test_add_func ("/ui/window/add-contact", test_add_contact);
  g_test_add_func ("/ui/window/secondary-windows", test_secondary_windows);
  g_test_add_func ("/ui/window/backup-and-check", test_backup_and_check);
  g_test_add_func ("/ui/window/accessibility", test_accessibility);
  g_test_add_func ("/ui/window/calendar", test_calendar);
  g_test_add_func ("/ui/window/calendar-views", test_calendar_views);
  g_test_add_func ("/ui/window/evaluation", test_evaluation);
  g_test_add_func ("/ui/window/actions-view", test_actions_view);
  g_test_add_func ("/ui/window/import", test_import);
  g_test_add_func ("/ui/window/imported-events", test_imported_events);
  g_test_add_func ("/ui/window/alignment", test_alignment);
  g_test_add_func ("/ui/window/narrow", test_narrow);
  g_test_add_func ("/ui/window/open-error", test_open_error);

  result = g_test_run ();

  g_list_free_full (g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app))),
                    (GDestroyNotify) gtk_window_destroy);
  paraat_test_wait (50);
  g_clear_object (&app);
  paraat_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  g_free (db_path);

  return result;
}
