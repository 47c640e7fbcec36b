/* paraat-overview-page.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard: what is in scope and what needs a planner's attention.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-overview.h"
#include "paraat-overview-page.h"
#include "paraat-utils.h"
#include "paraat-window.h"

struct _ParaatOverviewPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkLabel            *scope_label;
  GtkLabel            *date_label;
  GtkLabel            *regions_count;
  GtkLabel            *regions_caption;
  GtkLabel            *brigades_count;
  GtkLabel            *brigades_caption;
  GtkLabel            *rmoa_count;
  GtkLabel            *rmoa_caption;
  GtkLabel            *attention_count;
  GtkLabel            *attention_caption;
  GtkListBox          *attention_list;
  GtkColumnView       *region_view;
  GtkSignalListItemFactory *brigade_factory;
  GtkSignalListItemFactory *rmoa_factory;
  GtkSignalListItemFactory *contacts_factory;
  GtkSignalListItemFactory *attention_factory;

  /* Owned */
  ParaatStore         *store;
  ParaatScope         *scope;
  GListStore          *attention;
  GListStore          *regions;
  guint                horizon_days;
};

G_DEFINE_FINAL_TYPE (ParaatOverviewPage, paraat_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_HORIZON_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_count (GtkLabel *count,
           GtkLabel *caption,
           guint     n,
           char     *text)
{
  g_autofree char *number = g_strdup_printf ("%u", n);

  gtk_label_set_text (count, number);
  gtk_label_set_text (caption, text);
  g_free (text);
}

static char *
describe_scope (ParaatOverviewPage *self)
{
  const char *id = paraat_scope_get_id (self->scope);

  switch (paraat_scope_get_kind (self->scope))
    {
    case PARAAT_SCOPE_REGION:
    case PARAAT_SCOPE_BRIGADE:
      {
        ParaatKind kind = paraat_scope_get_kind (self->scope) == PARAAT_SCOPE_REGION
                          ? PARAAT_KIND_REGION : PARAAT_KIND_BRIGADE;
        g_autoptr(ParaatRecord) record = paraat_store_find_record (self->store, kind, id);

        return g_strdup (record ? paraat_record_get_title (record) : id);
      }

    case PARAAT_SCOPE_ALL:
    default:
      return g_strdup (_("All Regions"));
    }
}

static void
reload (ParaatOverviewPage *self)
{
  g_autoptr(ParaatOverview) overview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = paraat_today_iso ();
  g_autofree char *date = NULL;
  g_autofree char *scope = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (self->scope == NULL)
    return;

  overview = paraat_overview_compute (self->store, self->scope, today, self->horizon_days, &error);
  if (overview == NULL)
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PARAAT_TYPE_WINDOW);

      if (window != NULL)
        paraat_window_add_toast (PARAAT_WINDOW (window),
                                 adw_toast_new_format (_("Could not update the overview: %s"),
                                                       error->message));
      return;
    }

  scope = describe_scope (self);
  gtk_label_set_text (self->scope_label, scope);
  /* Translators: the Overview's date line, e.g. “Monday 23 November 2026”; see g_date_time_format() */
  date = g_date_time_format (now, _("%A %-d %B %Y"));
  gtk_label_set_text (self->date_label, date);

  set_count (self->regions_count, self->regions_caption, overview->n_regions,
             g_strdup (ngettext ("Region in scope", "Regions in scope", overview->n_regions)));
  set_count (self->brigades_count, self->brigades_caption, overview->n_brigades,
             g_strdup (ngettext ("Brigade serving them", "Brigades serving them", overview->n_brigades)));
  set_count (self->rmoa_count, self->rmoa_caption, overview->n_rmoa_in_post,
             /* Translators: %u is the number of regions in scope */
             g_strdup_printf (ngettext ("RMOA in post, for %u region", "RMOAs in post, for %u regions",
                                        overview->n_regions),
                              overview->n_regions));
  n = g_list_model_get_n_items (overview->attention);
  set_count (self->attention_count, self->attention_caption, n,
             g_strdup (ngettext ("Point needs attention", "Points need attention", n)));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (overview->attention, i));
  g_list_store_splice (self->attention, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attention)),
                       items->pdata, items->len);

  g_ptr_array_set_size (items, 0);
  n = g_list_model_get_n_items (overview->regions);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (overview->regions, i));
  g_list_store_splice (self->regions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->regions)),
                       items->pdata, items->len);
}

void
paraat_overview_page_set_scope (ParaatOverviewPage *self,
                                ParaatScope        *scope)
{
  g_return_if_fail (PARAAT_IS_OVERVIEW_PAGE (self));

  g_clear_pointer (&self->scope, paraat_scope_unref);
  self->scope = paraat_scope_ref (scope);
  reload (self);
}

GListModel *
paraat_overview_page_get_attention (ParaatOverviewPage *self)
{
  return G_LIST_MODEL (self->attention);
}

GListModel *
paraat_overview_page_get_regions (ParaatOverviewPage *self)
{
  return G_LIST_MODEL (self->regions);
}

/* Attention rows */

static GtkWidget *
create_attention_row (gpointer item,
                      gpointer user_data)
{
  ParaatAttention *attention = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  const char *icon_name;
  const char *style;
  const char *severity_name;

  switch (paraat_attention_get_severity (attention))
    {
    case PARAAT_SEVERITY_CRITICAL:
      icon_name = "dialog-error-symbolic";
      style = "error";
      severity_name = C_("severity", "Urgent");
      break;

    case PARAAT_SEVERITY_WARNING:
      icon_name = "dialog-warning-symbolic";
      style = "warning";
      severity_name = C_("severity", "Warning");
      break;

    case PARAAT_SEVERITY_INFO:
    default:
      icon_name = "dialog-information-symbolic";
      style = "accent";
      severity_name = C_("severity", "Note");
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), paraat_attention_get_title (attention));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), paraat_attention_get_detail (attention));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, severity_name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (paraat_attention_get_target_kind (attention) < PARAAT_N_KINDS ||
      paraat_attention_get_target_kind (attention) == PARAAT_ATTENTION_TARGET_ACTIONS)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  g_object_set_data_full (G_OBJECT (row), "attention", g_object_ref (attention), g_object_unref);

  return row;
}

static void
on_attention_list_row_activated_cb (GtkListBox         *list,
                                    GtkListBoxRow      *row,
                                    ParaatOverviewPage *self)
{
  ParaatAttention *attention = g_object_get_data (G_OBJECT (row), "attention");
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PARAAT_TYPE_WINDOW);

  if (attention == NULL || window == NULL)
    return;

  if (paraat_attention_get_target_kind (attention) == PARAAT_ATTENTION_TARGET_ACTIONS)
    paraat_window_show_action_items (PARAAT_WINDOW (window), paraat_attention_get_region (attention));
  else
    paraat_window_show_records (PARAAT_WINDOW (window), paraat_attention_get_target_kind (attention),
                                paraat_attention_get_region (attention));
}

static void
on_region_view_activate_cb (GtkColumnView      *view,
                            guint               position,
                            ParaatOverviewPage *self)
{
  g_autoptr(ParaatRegionSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->regions), position);
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PARAAT_TYPE_WINDOW);

  if (summary != NULL && window != NULL)
    paraat_window_show_records (PARAAT_WINDOW (window), PARAAT_KIND_CONTACT,
                                paraat_region_summary_get_code (summary));
}

/* Cells that need more than a property lookup */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_text_cell (GtkListItem *item,
                const char  *text,
                const char  *missing,
                const char  *missing_style)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_label_set_text (GTK_LABEL (label), text ? text : missing);
  gtk_widget_set_tooltip_text (label, text);
  if (text == NULL && missing_style != NULL)
    gtk_widget_add_css_class (label, missing_style);
}

static void
bind_brigade_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  ParaatRegionSummary *summary = gtk_list_item_get_item (item);

  bind_text_cell (item, paraat_region_summary_get_brigade (summary), _("None"), "error");
}

static void
bind_rmoa_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ParaatRegionSummary *summary = gtk_list_item_get_item (item);

  bind_text_cell (item, paraat_region_summary_get_rmoa (summary), C_("post", "Vacant"), "error");
}

static void
bind_number (GtkListItem *item,
             guint        n,
             gboolean     warn)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, "numeric");
  if (warn && n > 0)
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

static void
bind_contacts_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  bind_number (item, paraat_region_summary_get_contacts (gtk_list_item_get_item (item)), FALSE);
}

static void
bind_attention_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  bind_number (item, paraat_region_summary_get_attention (gtk_list_item_get_item (item)), TRUE);
}

/* GObject */

static void
on_store_changed_cb (ParaatOverviewPage *self)
{
  reload (self);
}

static void
paraat_overview_page_constructed (GObject *object)
{
  ParaatOverviewPage *self = PARAAT_OVERVIEW_PAGE (object);
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkWidget *placeholder;

  G_OBJECT_CLASS (paraat_overview_page_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->attention_list, G_LIST_MODEL (self->attention),
                           create_attention_row, self, NULL);
  placeholder = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (placeholder), _("Nothing needs attention"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (placeholder),
                               _("Every region in scope has a brigade and an RMOA in post, and the backup is recent."));
  adw_action_row_add_prefix (ADW_ACTION_ROW (placeholder),
                             gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  gtk_list_box_set_placeholder (self->attention_list, placeholder);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->regions)));
  gtk_column_view_set_model (self->region_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
paraat_overview_page_dispose (GObject *object)
{
  ParaatOverviewPage *self = PARAAT_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->attention);
  g_clear_object (&self->regions);
  g_clear_pointer (&self->scope, paraat_scope_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (paraat_overview_page_parent_class)->dispose (object);
}

static void
paraat_overview_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ParaatOverviewPage *self = PARAAT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_HORIZON_DAYS:
      g_value_set_uint (value, self->horizon_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_overview_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ParaatOverviewPage *self = PARAAT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_HORIZON_DAYS:
      if (self->horizon_days != g_value_get_uint (value))
        {
          self->horizon_days = g_value_get_uint (value);
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
paraat_overview_page_class_init (ParaatOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = paraat_overview_page_constructed;
  object_class->dispose = paraat_overview_page_dispose;
  object_class->get_property = paraat_overview_page_get_property;
  object_class->set_property = paraat_overview_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PARAAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HORIZON_DAYS] =
    g_param_spec_uint ("horizon-days", NULL, NULL, 1, 3650, 90,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PARAAT_TYPE_REGION_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, regions_count);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, regions_caption);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, brigades_count);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, brigades_caption);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, rmoa_count);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, rmoa_caption);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, attention_count);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, attention_caption);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, region_view);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, brigade_factory);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, rmoa_factory);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, contacts_factory);
  gtk_widget_class_bind_template_child (widget_class, ParaatOverviewPage, attention_factory);
  gtk_widget_class_bind_template_callback (widget_class, on_attention_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_view_activate_cb);
}

static void
paraat_overview_page_init (ParaatOverviewPage *self)
{
  self->horizon_days = 90;
  self->attention = g_list_store_new (PARAAT_TYPE_ATTENTION);
  self->regions = g_list_store_new (PARAAT_TYPE_REGION_SUMMARY);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->brigade_factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (self->brigade_factory, "bind", G_CALLBACK (bind_brigade_cb), NULL);
  g_signal_connect (self->rmoa_factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (self->rmoa_factory, "bind", G_CALLBACK (bind_rmoa_cb), NULL);
  g_signal_connect (self->contacts_factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (self->contacts_factory, "bind", G_CALLBACK (bind_contacts_cb), NULL);
  g_signal_connect (self->attention_factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (self->attention_factory, "bind", G_CALLBACK (bind_attention_cb), NULL);
}

GtkWidget *
paraat_overview_page_new (ParaatStore *store)
{
  return g_object_new (PARAAT_TYPE_OVERVIEW_PAGE, "store", store, NULL);
}
