/* test-window.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window on a demo database: every section, the scope selector,
 * editing a region, and the secondary windows, with a screenshot of each.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "paraat-application.h"
#include "paraat-calendar-page.h"
#include "paraat-timeline-view.h"
#include "paraat-year-view.h"
#include "paraat-exercise-editor.h"
#include "paraat-overview-page.h"
#include "paraat-record-editor.h"
#include "paraat-record-table.h"
#include "paraat-reference-page.h"
#include "paraat-test-ui.h"
#include "paraat-test-utils.h"
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

  /* Delete, then undo */
  first = g_list_model_get_item (model, 0);
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
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "start-date", "2026-06-09");
    paraat_exercise_editor_set_text (PARAAT_EXERCISE_EDITOR (editor), "end-date", "2026-06-09");
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
    g_assert_cmpuint (busy, >, 100);
  }
  screenshot (GTK_WIDGET (window), "calendar-year");

  /* A click on a day opens its month */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.show-day", "s", "2026-03-17"));
  paraat_test_wait (100);
  g_assert_cmpstr (paraat_calendar_page_get_view (page), ==, "month");
  g_assert_cmpint (paraat_calendar_page_get_month (page), ==, 3);
  view = paraat_calendar_page_get_view_widget (page, "month");
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_nonnull (find_descendant (view, GTK_TYPE_BUTTON));
  screenshot (GTK_WIDGET (window), "calendar-month");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.next", NULL));
  g_assert_cmpint (paraat_calendar_page_get_month (page), ==, 4);

  /* Timeline: the brigade's eight regions side by side */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "calendar.view", "s", "timeline"));
  paraat_calendar_page_set_date (page, 2026, 9, 1);
  paraat_test_wait (100);
  view = paraat_calendar_page_get_view_widget (page, "timeline");
  g_assert_cmpuint (paraat_timeline_view_get_n_rows (PARAAT_TIMELINE_VIEW (view)), ==, 8);
  g_assert_cmpuint (paraat_timeline_view_get_n_bars (PARAAT_TIMELINE_VIEW (view)), >, 8);
  screenshot (GTK_WIDGET (window), "calendar-timeline");

  /* Bulk shift: the first two exercises of a week, a week later */
  paraat_calendar_page_set_view (page, "list");
  paraat_calendar_page_set_date (page, 2026, 10, 1);
  paraat_test_wait (50);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 2);
  ex = g_list_model_get_item (model, 0);
  uid = g_strdup (paraat_exercise_get_uid (ex));
  n_history = count_history (store, uid);
  g_assert_true (gtk_selection_model_select_range (GTK_SELECTION_MODEL (model), 0, 2, TRUE));
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

  /* The Overview's overdue action items lead here */
  paraat_window_show_action_items (window, "VR05");
  paraat_test_wait (100);
  g_assert_cmpstr (paraat_window_get_section (window), ==, "calendar");
  g_assert_cmpstr (paraat_calendar_page_get_view (page), ==, "actions");
  screenshot (GTK_WIDGET (window), "calendar-actions");
  paraat_calendar_page_set_view (page, "year");
  paraat_window_set_scope (window, "all");
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
