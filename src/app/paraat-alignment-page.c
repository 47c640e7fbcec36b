/* paraat-alignment-page.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Alignment section: where the exercise calendars of the regions in
 * scope and the Defence calendars clash, for one year, as a list of
 * findings, most severe first. Each says in words what clashes and opens
 * the exercises involved. The analysis is the core's
 * (paraat_conflicts_analyze(), rules in data/rules/alignment.json); the
 * page only shows it and saves it as CSV or JSON for the working group.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-alignment-page.h"
#include "paraat-calendar.h"
#include "paraat-import.h"
#include "paraat-window.h"

struct _ParaatAlignmentPage
{
  AdwBin         parent_instance;

  /* Template widgets */
  GtkLabel      *period_label;
  GtkDropDown   *severity_dropdown;
  GtkLabel      *summary_label;
  GtkStack      *stack;
  GtkListView   *list;
  AdwStatusPage *empty_page;

  /* Owned */
  ParaatStore   *store;
  ParaatScope   *scope;
  GPtrArray     *findings;   /* ParaatFinding, all of the year */
  GListStore    *model;      /* the same, for the list */
  GtkFilter     *filter;     /* the severity chosen */
  GtkFilterListModel *shown;
  int            year;
  guint          n_shown;
  gboolean       stale;      /* changed while hidden: analyse when shown */
};

G_DEFINE_FINAL_TYPE (ParaatAlignmentPage, paraat_alignment_page, ADW_TYPE_BIN)

static ParaatWindow *
get_window (ParaatAlignmentPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return PARAAT_IS_WINDOW (root) ? PARAAT_WINDOW (root) : NULL;
}

static const char *
rule_title (const char *rule_id)
{
  if (g_strcmp0 (rule_id, PARAAT_RULE_UNIT_DOUBLE_BOOKED) == 0)
    return _("Defence unit double booked");
  if (g_strcmp0 (rule_id, PARAAT_RULE_UNIT_UNAVAILABLE) == 0)
    return _("Defence unit committed elsewhere");
  if (g_strcmp0 (rule_id, PARAAT_RULE_OBSERVER_CLASH) == 0)
    return _("RMOA cannot observe both");
  if (g_strcmp0 (rule_id, PARAAT_RULE_REQUEST_NOT_ALIGNED) == 0)
    return _("Request not on a Defence calendar");
  if (g_strcmp0 (rule_id, PARAAT_RULE_DEFENCE_EVENT_UNMATCHED) == 0)
    return _("Defence event without a regional exercise");

  return rule_id;
}

/* A row of the list: made once, then given finding after finding */
typedef struct
{
  GtkImage      *icon;
  GtkLabel      *title;
  GtkLabel      *subtitle;
  GtkMenuButton *button;
} Row;

/* The most lines a row's texts wrap to before they end in an ellipsis */
#define EXPLANATION_LINES 4

/* The exercises involved, to open; imported events are named only */
static void
on_create_popup_cb (GtkMenuButton *button,
                    gpointer       user_data)
{
  ParaatFinding *finding = g_object_get_data (G_OBJECT (button), "finding");
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; finding != NULL && i < paraat_finding_get_n_items (finding); i++)
    {
      ParaatCalendarItem *item = paraat_finding_get_item (finding, i);
      const char *when = paraat_calendar_item_get_when (item);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) entry = NULL;

      if (item->source == PARAAT_ITEM_SOURCE_EXERCISE)
        {
          /* Translators: a menu entry: an exercise's title, its region and dates */
          label = g_strdup_printf (_("Open “%s” (%s, %s)"), item->title,
                                   item->region_code ? item->region_code : "", when);
          entry = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (entry, "alignment.open", g_variant_new_string (item->uid));
        }
      else
        {
          /* Translators: a menu entry for an event of an imported calendar: title, calendar, dates */
          label = g_strdup_printf (_("“%s” on %s, %s"), item->title, item->calendar ? item->calendar : "", when);
          entry = g_menu_item_new (label, "alignment.none");
        }
      g_menu_append_item (menu, entry);
    }
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* The whole explanation, when the row had to cut it short. Asked for
 * on hovering: gtk_widget_set_tooltip_text() on every bind would ask
 * the X server where the pointer is, each time. */
static gboolean
on_title_query_tooltip_cb (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_mode,
                           GtkTooltip *tooltip,
                           gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));

  return TRUE;
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  Row *row = g_new0 (Row, 1);

  row->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->icon), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->icon));

  row->title = GTK_LABEL (gtk_label_new (NULL));
  row->subtitle = GTK_LABEL (gtk_label_new (NULL));
  for (GtkLabel **label = &row->title; label <= &row->subtitle; label++)
    {
      gtk_label_set_wrap (*label, TRUE);
      gtk_label_set_wrap_mode (*label, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (*label, 0);
      /* Bounds for measuring: without them GTK lays each explanation
       * out a word (or a letter) a line for its smallest width, and
       * unwrapped for its natural one, for every row it makes */
      gtk_label_set_width_chars (*label, 20);
      gtk_label_set_max_width_chars (*label, 100);
      /* Ellipsizing as well as wrapping about halves the time to show
       * 8,000 findings: GTK 4.8 measures such a label for far less. The
       * rows look the same, as an explanation needs at most 4 lines at
       * the page's usual width; in a narrow window the rest is in the
       * tooltip. */
      gtk_label_set_ellipsize (*label, PANGO_ELLIPSIZE_END);
      gtk_label_set_lines (*label, EXPLANATION_LINES);
      gtk_box_append (GTK_BOX (texts), GTK_WIDGET (*label));
    }
  gtk_widget_set_has_tooltip (GTK_WIDGET (row->title), TRUE);
  g_signal_connect (row->title, "query-tooltip", G_CALLBACK (on_title_query_tooltip_cb), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->subtitle), "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);

  row->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (row->button, "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (row->button, on_create_popup_cb, NULL, NULL);
  gtk_widget_set_valign (GTK_WIDGET (row->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->button), "flat");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->button));

  g_object_set_data_full (G_OBJECT (box), "row", row, g_free);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  ParaatFinding *finding = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "row");
  ParaatSeverity severity = paraat_finding_get_severity (finding);
  const char *subject = paraat_finding_get_subject (finding);
  g_autoptr(GString) subtitle = g_string_new (rule_title (paraat_finding_get_rule_id (finding)));
  static const char * const styles[] = { "error", "warning", "accent" };
  const char *icon_name, *style;
  guint n_exercises = 0;

  switch (severity)
    {
    case PARAAT_SEVERITY_CRITICAL:
      icon_name = "dialog-error-symbolic";
      style = "error";
      break;
    case PARAAT_SEVERITY_WARNING:
      icon_name = "dialog-warning-symbolic";
      style = "warning";
      break;
    case PARAAT_SEVERITY_INFO:
    default:
      icon_name = "dialog-information-symbolic";
      style = "accent";
      break;
    }
  gtk_image_set_from_icon_name (row->icon, icon_name);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (row->icon), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (row->icon), style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  paraat_severity_get_label (severity), -1);

  if (subject != NULL && *subject != '\0')
    g_string_append_printf (subtitle, " · %s", subject);
  gtk_label_set_text (row->title, paraat_finding_get_explanation (finding));
  gtk_label_set_text (row->subtitle, subtitle->str);

  /* The menu is made when it opens: a popover per row made the list
   * slow to show */
  for (guint i = 0; i < paraat_finding_get_n_items (finding); i++)
    n_exercises += paraat_finding_get_item (finding, i)->source == PARAAT_ITEM_SOURCE_EXERCISE;
  g_object_set_data_full (G_OBJECT (row->button), "finding", g_object_ref (finding), g_object_unref);
  gtk_widget_set_visible (GTK_WIDGET (row->button), paraat_finding_get_n_items (finding) > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->button), n_exercises > 0 ? _("Open an exercise involved")
                                                                         : _("The events involved"));
}

static gboolean
is_shown (ParaatAlignmentPage *self,
          ParaatFinding       *finding)
{
  guint filter = gtk_drop_down_get_selected (self->severity_dropdown);
  ParaatSeverity severity = paraat_finding_get_severity (finding);

  if (filter == 1)
    return severity >= PARAAT_SEVERITY_WARNING;
  if (filter == 2)
    return severity >= PARAAT_SEVERITY_CRITICAL;

  return TRUE;
}

static gboolean
filter_finding (gpointer item,
                gpointer user_data)
{
  return is_shown (user_data, item);
}

static void show_filtered (ParaatAlignmentPage *self);

static void
refill (ParaatAlignmentPage *self)
{
  guint counts[PARAAT_SEVERITY_CRITICAL + 1] = { 0 };
  g_autofree char *year = g_strdup_printf ("%d", self->year);
  g_autofree char *critical = NULL, *warnings = NULL, *notes = NULL, *summary = NULL;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  gtk_label_set_text (self->period_label, year);
  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    counts[MIN (paraat_finding_get_severity (g_ptr_array_index (self->findings, i)), PARAAT_SEVERITY_CRITICAL)]++;
  /* The filter list model filters the new findings as they come */
  g_list_store_splice (self->model, 0, n_old, self->findings ? self->findings->pdata : NULL,
                       self->findings ? self->findings->len : 0);

  critical = g_strdup_printf (g_dngettext (NULL, "%u critical", "%u critical", counts[PARAAT_SEVERITY_CRITICAL]),
                              counts[PARAAT_SEVERITY_CRITICAL]);
  warnings = g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", counts[PARAAT_SEVERITY_WARNING]),
                              counts[PARAAT_SEVERITY_WARNING]);
  notes = g_strdup_printf (g_dngettext (NULL, "%u note", "%u notes", counts[PARAAT_SEVERITY_INFO]),
                           counts[PARAAT_SEVERITY_INFO]);
  /* Translators: "3 critical, 5 warnings, 2 notes in 2026 for the regions in scope" */
  summary = g_strdup_printf (_("%s, %s, %s in %d for the regions in scope and the Defence calendars."),
                             critical, warnings, notes, self->year);
  gtk_label_set_text (self->summary_label, summary);
  show_filtered (self);
}

/* The list, or a status page for a year (or a severity) without findings */
static void
show_filtered (ParaatAlignmentPage *self)
{
  self->n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  if (self->n_shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
  if (self->findings != NULL && self->findings->len > 0)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing This Severe"));
      adw_status_page_set_description (self->empty_page,
                                       _("There are findings of a lower severity. Choose All Findings to see them."));
    }
  else
    {
      g_autofree char *description = NULL;

      /* Translators: %d is a year */
      description = g_strdup_printf (_("In %d the exercise calendars of the regions in scope do not clash with "
                                       "each other or with the Defence calendars: no unit is double booked and "
                                       "the RMOA can observe every exercise."), self->year);
      adw_status_page_set_title (self->empty_page, _("Calendars Aligned"));
      adw_status_page_set_description (self->empty_page, description);
    }
}

static void
reload (ParaatAlignmentPage *self)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (PARAAT_DEFAULT_TZID);
  g_autoptr(GDateTime) from = g_date_time_new (tz, self->year, 1, 1, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (tz, self->year + 1, 1, 1, 0, 0, 0);
  g_autoptr(ParaatConflictRules) rules = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (self->scope == NULL)
    return;
  /* The analysis of a big calendar takes seconds and a row per finding:
   * never at start-up, or while another section is shown. */
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->stale)
    return;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  rules = paraat_conflict_rules_new_default (&error);
  if (rules != NULL)
    items = paraat_store_list_calendar_items (self->store, self->scope, g_date_time_to_unix (from),
                                              g_date_time_to_unix (to), &error);
  if (items == NULL)
    paraat_window_add_toast_for (GTK_WIDGET (self),
                                 adw_toast_new_format (_("Could not check the calendars: %s"), error->message));
  else
    self->findings = paraat_conflicts_analyze (rules, items, self->scope, NULL);
  refill (self);
}

static void
on_severity_changed_cb (ParaatAlignmentPage *self)
{
  /* The same findings, another filter: no new rows for the ones kept */
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
  show_filtered (self);
}

/* Public */

void
paraat_alignment_page_set_scope (ParaatAlignmentPage *self,
                                 ParaatScope         *scope)
{
  g_clear_pointer (&self->scope, paraat_scope_unref);
  self->scope = paraat_scope_ref (scope);
  reload (self);
}

void
paraat_alignment_page_set_year (ParaatAlignmentPage *self,
                                int                  year)
{
  self->year = CLAMP (year, 1900, 2999);
  reload (self);
}

GPtrArray *
paraat_alignment_page_get_findings (ParaatAlignmentPage *self)
{
  return self->findings;
}

guint
paraat_alignment_page_get_n_shown (ParaatAlignmentPage *self)
{
  return self->n_shown;
}

/**
 * paraat_alignment_page_export:
 * @format: "csv" or "json"
 *
 * Saves the findings shown (the severity filter applies) to @file.
 */
gboolean
paraat_alignment_page_export (ParaatAlignmentPage  *self,
                              const char           *format,
                              GFile                *file,
                              GError              **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->shown)); i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (self->shown), i));

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (out == NULL)
    return FALSE;
  if (!(g_str_equal (format, "json")
        ? paraat_conflicts_write_json (shown, G_OUTPUT_STREAM (out), NULL, error)
        : paraat_conflicts_write_csv (shown, G_OUTPUT_STREAM (out), NULL, error)))
    {
      /* Closing a replaced file after an error would keep the half file */
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

/* Actions */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParaatAlignmentPage *self = PARAAT_ALIGNMENT_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_str_equal (action_name, "alignment.today"))
    paraat_alignment_page_set_year (self, g_date_time_get_year (now));
  else
    paraat_alignment_page_set_year (self, self->year + (g_str_equal (action_name, "alignment.next") ? 1 : -1));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParaatAlignmentPage *self = PARAAT_ALIGNMENT_PAGE (widget);

  if (get_window (self) != NULL)
    paraat_window_show_exercise (get_window (self), g_variant_get_string (parameter, NULL));
}

static void
on_export_response_cb (GtkNativeDialog     *dialog,
                       int                  response,
                       ParaatAlignmentPage *self)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      if (paraat_alignment_page_export (self, format, file, &error))
        /* Translators: %s is a file name */
        paraat_window_add_toast_for (GTK_WIDGET (self),
                                     adw_toast_new_format (_("Saved the findings to “%s”"), name));
      else
        paraat_window_add_toast_for (GTK_WIDGET (self),
                                     adw_toast_new_format (_("Could not save the findings: %s"), error->message));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParaatAlignmentPage *self = PARAAT_ALIGNMENT_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autofree char *name = g_strdup_printf ("%s-%d.%s", _("alignment"), self->year,
                                           g_str_equal (format, "json") ? "json" : "csv");
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export the Findings"), GTK_WINDOW (get_window (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* GObject */

static void
on_store_changed_cb (ParaatAlignmentPage *self,
                     guint                kind)
{
  if (kind == PARAAT_CHANGE_CALENDAR || kind == PARAAT_CHANGE_SOURCES || kind == PARAAT_KIND_REGION ||
      kind == PARAAT_KIND_ASSIGNMENT)
    reload (self);
}

static void
paraat_alignment_page_map (GtkWidget *widget)
{
  ParaatAlignmentPage *self = PARAAT_ALIGNMENT_PAGE (widget);

  GTK_WIDGET_CLASS (paraat_alignment_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
paraat_alignment_page_dispose (GObject *object)
{
  ParaatAlignmentPage *self = PARAAT_ALIGNMENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_ALIGNMENT_PAGE);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->shown);
  g_clear_object (&self->model);
  g_clear_pointer (&self->scope, paraat_scope_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (paraat_alignment_page_parent_class)->dispose (object);
}

static void
paraat_alignment_page_class_init (ParaatAlignmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_alignment_page_dispose;
  widget_class->map = paraat_alignment_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-alignment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatAlignmentPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatAlignmentPage, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatAlignmentPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatAlignmentPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatAlignmentPage, list);
  gtk_widget_class_bind_template_child (widget_class, ParaatAlignmentPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_severity_changed_cb);

  gtk_widget_class_install_action (widget_class, "alignment.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "alignment.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "alignment.today", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "alignment.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "alignment.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "alignment.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "alignment.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "alignment.today", NULL);
}

static void
paraat_alignment_page_init (ParaatAlignmentPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->year = g_date_time_get_year (now);

  self->model = g_list_store_new (PARAAT_TYPE_FINDING);
  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_finding, self, NULL));
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->model)), self->filter);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), self);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
paraat_alignment_page_new (ParaatStore *store)
{
  ParaatAlignmentPage *self = g_object_new (PARAAT_TYPE_ALIGNMENT_PAGE, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
