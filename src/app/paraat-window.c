/* paraat-window.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-application.h"
#include "paraat-alignment-page.h"
#include "paraat-calendar-page.h"
#include "paraat-import-dialog.h"
#include "paraat-overview-page.h"
#include "paraat-reference-page.h"
#include "paraat-utils.h"
#include "paraat-window.h"

struct _ParaatWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *overview_row;
  GtkListBoxRow        *calendar_row;
  GtkListBoxRow        *alignment_row;
  GtkListBoxRow        *reference_row;
  GtkDropDown          *scope_dropdown;
  AdwWindowTitle       *window_title;
  GtkRevealer          *demo_revealer;
  GtkStack             *stack;
  AdwStatusPage        *error_page;

  /* Owned */
  ParaatStore          *store;
  ParaatScope          *scope;
  GtkStringList        *scope_labels;
  GPtrArray            *scope_ids;    /* parallel to scope_labels */
  GSettings            *settings;
  char                 *open_error;

  /* Borrowed, children of stack */
  GtkWidget            *overview_page;
  GtkWidget            *reference_page;
  GtkWidget            *calendar_page;
  GtkWidget            *alignment_page;

  gboolean              updating_scopes;
};

G_DEFINE_FINAL_TYPE (ParaatWindow, paraat_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_OPEN_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
section_title (const char *section)
{
  if (g_strcmp0 (section, "reference") == 0)
    return C_("section", "Regions & Partners");
  if (g_strcmp0 (section, "calendar") == 0)
    return C_("section", "Exercise Calendar");
  if (g_strcmp0 (section, "alignment") == 0)
    return C_("section", "Alignment");

  return C_("section", "Overview");
}

static void
update_title (ParaatWindow *self)
{
  const char *section = gtk_stack_get_visible_child_name (self->stack);
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);
  const char *scope_label = NULL;

  if (self->store == NULL)
    {
      adw_window_title_set_title (self->window_title, "Paraat");
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  if (selected != GTK_INVALID_LIST_POSITION)
    scope_label = gtk_string_list_get_string (self->scope_labels, selected);
  adw_window_title_set_title (self->window_title, section_title (section));
  adw_window_title_set_subtitle (self->window_title, scope_label);
}

/* Scope selector */

static void
rebuild_scopes (ParaatWindow *self)
{
  GListModel *brigades = paraat_store_get_records (self->store, PARAAT_KIND_BRIGADE);
  GListModel *regions = paraat_store_get_records (self->store, PARAAT_KIND_REGION);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *current = self->scope ? paraat_scope_to_string (self->scope) : g_strdup ("all");
  guint selected = 0;

  self->updating_scopes = TRUE;

  g_ptr_array_set_size (self->scope_ids, 0);
  g_strv_builder_add (labels, _("All Regions"));
  g_ptr_array_add (self->scope_ids, g_strdup ("all"));

  for (guint i = 0; i < g_list_model_get_n_items (brigades); i++)
    {
      g_autoptr(ParaatRecord) brigade = g_list_model_get_item (brigades, i);

      g_strv_builder_add (labels, paraat_record_get_title (brigade));
      g_ptr_array_add (self->scope_ids, g_strconcat ("brigade:", paraat_record_get_key (brigade), NULL));
    }
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(ParaatRecord) region = g_list_model_get_item (regions, i);

      g_strv_builder_add (labels, paraat_record_get_title (region));
      g_ptr_array_add (self->scope_ids, g_strconcat ("region:", paraat_record_get_key (region), NULL));
    }

  strv = g_strv_builder_end (labels);
  gtk_string_list_splice (self->scope_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->scope_labels)),
                          (const char * const *) strv);

  for (guint i = 0; i < self->scope_ids->len; i++)
    {
      if (g_str_equal (self->scope_ids->pdata[i], current))
        selected = i;
    }
  gtk_drop_down_set_selected (self->scope_dropdown, selected);

  self->updating_scopes = FALSE;
}

static void
apply_scope (ParaatWindow *self,
             const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = paraat_today_iso ();
  ParaatScope *scope;

  scope = paraat_scope_resolve (self->store, text, today, &error);
  if (scope == NULL)
    {
      /* A remembered scope can name a region that was deleted since. */
      g_debug ("Scope “%s” no longer applies: %s", text, error->message);
      scope = paraat_scope_resolve (self->store, "all", today, NULL);
    }
  g_clear_pointer (&self->scope, paraat_scope_unref);
  self->scope = scope;

  paraat_overview_page_set_scope (PARAAT_OVERVIEW_PAGE (self->overview_page), self->scope);
  paraat_reference_page_set_scope (PARAAT_REFERENCE_PAGE (self->reference_page), self->scope);
  paraat_calendar_page_set_scope (PARAAT_CALENDAR_PAGE (self->calendar_page), self->scope);
  paraat_alignment_page_set_scope (PARAAT_ALIGNMENT_PAGE (self->alignment_page), self->scope);
  update_title (self);
}

static void
on_scope_dropdown_selected_cb (ParaatWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->scope_dropdown);
  const char *id;

  if (self->updating_scopes || selected >= self->scope_ids->len)
    return;

  id = self->scope_ids->pdata[selected];
  g_settings_set_string (self->settings, "scope", id);
  apply_scope (self, id);
}

static void
on_store_changed_cb (ParaatWindow *self,
                     guint         kind)
{
  g_autofree char *current = NULL;

  if (kind != PARAAT_KIND_REGION && kind != PARAAT_KIND_BRIGADE && kind != PARAAT_KIND_ASSIGNMENT)
    return;

  /* Region and brigade names or the mapping changed: relabel the
   * selector and work out the regions in scope again. */
  current = paraat_scope_to_string (self->scope);
  rebuild_scopes (self);
  apply_scope (self, current);
}

void
paraat_window_set_scope (ParaatWindow *self,
                         const char   *scope)
{
  g_return_if_fail (PARAAT_IS_WINDOW (self));

  for (guint i = 0; i < self->scope_ids->len; i++)
    {
      if (g_str_equal (self->scope_ids->pdata[i], scope))
        {
          gtk_drop_down_set_selected (self->scope_dropdown, i);
          return;
        }
    }
  g_warning ("Unknown scope %s", scope);
}

ParaatScope *
paraat_window_get_scope (ParaatWindow *self)
{
  return self->scope;
}

/* Sections */

void
paraat_window_show_section (ParaatWindow *self,
                            const char   *section)
{
  g_return_if_fail (PARAAT_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  if (g_strcmp0 (section, "reference") != 0 && g_strcmp0 (section, "calendar") != 0 &&
      g_strcmp0 (section, "alignment") != 0)
    section = "overview";

  gtk_stack_set_visible_child_name (self->stack, section);
  gtk_list_box_select_row (self->sidebar_list,
                           g_str_equal (section, "reference") ? self->reference_row
                           : g_str_equal (section, "calendar") ? self->calendar_row
                           : g_str_equal (section, "alignment") ? self->alignment_row : self->overview_row);
  g_settings_set_string (self->settings, "section", section);
  update_title (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

const char *
paraat_window_get_section (ParaatWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
paraat_window_get_page (ParaatWindow *self,
                        const char   *section)
{
  return gtk_stack_get_child_by_name (self->stack, section);
}

void
paraat_window_show_records (ParaatWindow *self,
                            ParaatKind    kind,
                            const char   *search)
{
  paraat_window_show_section (self, "reference");
  paraat_reference_page_show_kind (PARAAT_REFERENCE_PAGE (self->reference_page), kind, search);
}

void
paraat_window_show_exercise (ParaatWindow *self,
                             const char   *uid)
{
  paraat_window_show_section (self, "calendar");
  paraat_calendar_page_open_exercise (PARAAT_CALENDAR_PAGE (self->calendar_page), uid);
}

void
paraat_window_show_action_items (ParaatWindow *self,
                                 const char   *region_code)
{
  paraat_window_show_section (self, "calendar");
  paraat_calendar_page_show_action_items (PARAAT_CALENDAR_PAGE (self->calendar_page), region_code, "overdue");
}

static void
on_sidebar_list_row_activated_cb (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  ParaatWindow  *self)
{
  paraat_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

void
paraat_window_add_toast (ParaatWindow *self,
                         AdwToast     *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * paraat_window_add_toast_for:
 * @widget: a widget in a #ParaatWindow, or not in one (yet)
 *
 * Shows @toast in @widget's window; drops it when there is none.
 */
void
paraat_window_add_toast_for (GtkWidget *widget,
                             AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (PARAAT_IS_WINDOW (root))
    paraat_window_add_toast (PARAAT_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

ParaatStore *
paraat_window_get_store (ParaatWindow *self)
{
  return self->store;
}

/* Actions */

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  paraat_window_show_section (PARAAT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);

  if (self->store == NULL)
    return;
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "calendar"))
    {
      paraat_calendar_page_focus_search (PARAAT_CALENDAR_PAGE (self->calendar_page));
      return;
    }
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "reference"))
    paraat_window_show_section (self, "reference");
  paraat_reference_page_focus_search (PARAAT_REFERENCE_PAGE (self->reference_page));
}

static void
choose_scope_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->scope_dropdown));
  gtk_widget_activate (GTK_WIDGET (self->scope_dropdown));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParaatWindow *self = PARAAT_WINDOW (widget);

  if (self->store != NULL)
    paraat_import_dialog_choose (GTK_WINDOW (self), self->store);
}

/* Construction */

static void
build_pages (ParaatWindow *self)
{
  g_autofree char *scope = g_settings_get_string (self->settings, "scope");
  g_autofree char *section = g_settings_get_string (self->settings, "section");

  self->overview_page = paraat_overview_page_new (self->store);
  g_settings_bind (self->settings, "attention-days", self->overview_page, "horizon-days",
                   G_SETTINGS_BIND_GET);
  gtk_stack_add_named (self->stack, self->overview_page, "overview");

  self->calendar_page = paraat_calendar_page_new (self->store);
  gtk_stack_add_named (self->stack, self->calendar_page, "calendar");

  self->alignment_page = paraat_alignment_page_new (self->store);
  gtk_stack_add_named (self->stack, self->alignment_page, "alignment");

  self->reference_page = paraat_reference_page_new (self->store);
  gtk_stack_add_named (self->stack, self->reference_page, "reference");

  /* The selector needs to know what to select before the scope is resolved. */
  self->scope = paraat_scope_parse (scope, NULL);
  if (self->scope == NULL)
    self->scope = paraat_scope_parse ("all", NULL);
  rebuild_scopes (self);
  apply_scope (self, scope);
  paraat_window_show_section (self, section);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  gtk_revealer_set_reveal_child (self->demo_revealer, paraat_store_get_is_demo (self->store));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
paraat_window_constructed (GObject *object)
{
  ParaatWindow *self = PARAAT_WINDOW (object);
  g_autofree char *basename = NULL;

  G_OBJECT_CLASS (paraat_window_parent_class)->constructed (object);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (self->store == NULL)
    {
      /* The description is markup; a file name may hold "&" or "<". */
      g_autofree char *escaped = g_markup_escape_text (self->open_error ? self->open_error : "", -1);

      gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->scope_dropdown), FALSE);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      update_title (self);
      return;
    }

  build_pages (self);

  /* Translators: the window title: the database file name */
  basename = g_path_get_basename (paraat_store_get_path (self->store));
  gtk_window_set_title (GTK_WINDOW (self), basename);
}

static void
paraat_window_dispose (GObject *object)
{
  ParaatWindow *self = PARAAT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_WINDOW);

  G_OBJECT_CLASS (paraat_window_parent_class)->dispose (object);
}

static void
paraat_window_finalize (GObject *object)
{
  ParaatWindow *self = PARAAT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->scope, paraat_scope_unref);
  g_clear_object (&self->scope_labels);
  g_clear_pointer (&self->scope_ids, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->open_error, g_free);

  G_OBJECT_CLASS (paraat_window_parent_class)->finalize (object);
}

static void
paraat_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ParaatWindow *self = PARAAT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_OPEN_ERROR:
      self->open_error = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ParaatWindow *self = PARAAT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_OPEN_ERROR:
      g_value_set_string (value, self->open_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_window_class_init (ParaatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = paraat_window_constructed;
  object_class->dispose = paraat_window_dispose;
  object_class->finalize = paraat_window_finalize;
  object_class->get_property = paraat_window_get_property;
  object_class->set_property = paraat_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PARAAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPEN_ERROR] =
    g_param_spec_string ("open-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, overview_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, calendar_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, alignment_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, reference_row);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.choose-scope", NULL, choose_scope_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
}

static void
paraat_window_init (ParaatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->scope_labels = gtk_string_list_new (NULL);
  self->scope_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (self->scope_labels));
  g_signal_connect_object (self->scope_dropdown, "notify::selected",
                           G_CALLBACK (on_scope_dropdown_selected_cb), self, G_CONNECT_SWAPPED);
}

ParaatWindow *
paraat_window_new (GtkApplication *app,
                   ParaatStore    *store,
                   const char     *open_error)
{
  return g_object_new (PARAAT_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       "open-error", open_error,
                       NULL);
}
