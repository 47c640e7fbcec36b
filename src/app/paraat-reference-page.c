/* paraat-reference-page.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * “Regions & Partners”: one table per kind of reference record.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-record-table.h"
#include "paraat-reference-page.h"

struct _ParaatReferencePage
{
  AdwBin         parent_instance;

  /* Template widgets */
  AdwViewStack  *view_stack;
  GtkDropDown   *kind_dropdown;

  /* Owned */
  ParaatStore   *store;

  /* Borrowed, children of view_stack */
  GtkWidget     *tables[PARAAT_N_KINDS];
};

G_DEFINE_FINAL_TYPE (ParaatReferencePage, paraat_reference_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order planners work in: the regions and who serves them first. */
static const ParaatKind page_order[] = {
  PARAAT_KIND_REGION,
  PARAAT_KIND_ASSIGNMENT,
  PARAAT_KIND_CONTACT,
  PARAAT_KIND_BRIGADE,
  PARAAT_KIND_DISCIPLINE,
  PARAAT_KIND_EXERCISE_TYPE,
  PARAAT_KIND_GRIP_LEVEL,
};

void
paraat_reference_page_set_scope (ParaatReferencePage *self,
                                 ParaatScope         *scope)
{
  for (guint i = 0; i < PARAAT_N_KINDS; i++)
    paraat_record_table_set_scope (PARAAT_RECORD_TABLE (self->tables[i]), scope);
}

void
paraat_reference_page_show_kind (ParaatReferencePage *self,
                                 ParaatKind           kind,
                                 const char          *search)
{
  g_return_if_fail (kind < PARAAT_N_KINDS);

  adw_view_stack_set_visible_child (self->view_stack, self->tables[kind]);
  paraat_record_table_set_search (PARAAT_RECORD_TABLE (self->tables[kind]), search);
}

void
paraat_reference_page_focus_search (ParaatReferencePage *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  paraat_record_table_focus_search (PARAAT_RECORD_TABLE (visible));
}

GtkWidget *
paraat_reference_page_get_table (ParaatReferencePage *self,
                                 ParaatKind           kind)
{
  return self->tables[kind];
}

/* The drop-down shown in narrow windows follows the stack, and the other
 * way round; both index the stack's pages model. */
static void
on_view_stack_visible_child_cb (ParaatReferencePage *self)
{
  GtkSelectionModel *pages = adw_view_stack_get_pages (self->view_stack);
  GtkWidget *visible = adw_view_stack_get_visible_child (self->view_stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (adw_view_stack_page_get_child (page) == visible &&
          gtk_drop_down_get_selected (self->kind_dropdown) != i)
        gtk_drop_down_set_selected (self->kind_dropdown, i);
    }
  g_object_unref (pages);
}

static void
on_kind_dropdown_selected_cb (ParaatReferencePage *self)
{
  GtkSelectionModel *pages = adw_view_stack_get_pages (self->view_stack);
  g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages),
                                                            gtk_drop_down_get_selected (self->kind_dropdown));

  if (page != NULL)
    adw_view_stack_set_visible_child (self->view_stack, adw_view_stack_page_get_child (page));
  g_object_unref (pages);
}

static void
paraat_reference_page_constructed (GObject *object)
{
  ParaatReferencePage *self = PARAAT_REFERENCE_PAGE (object);

  G_OBJECT_CLASS (paraat_reference_page_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (page_order); i++)
    {
      ParaatKind kind = page_order[i];
      const ParaatKindInfo *info = paraat_kind_get_info (kind);

      self->tables[kind] = paraat_record_table_new (self->store, kind);
      adw_view_stack_add_titled_with_icon (self->view_stack, self->tables[kind], info->id,
                                           _(info->title), info->icon_name);
    }

  {
    g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

    gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (pages));
  }
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_view_stack_visible_child_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_dropdown_selected_cb), self, G_CONNECT_SWAPPED);
}

static void
paraat_reference_page_dispose (GObject *object)
{
  ParaatReferencePage *self = PARAAT_REFERENCE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PARAAT_TYPE_REFERENCE_PAGE);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (paraat_reference_page_parent_class)->dispose (object);
}

static void
paraat_reference_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ParaatReferencePage *self = PARAAT_REFERENCE_PAGE (object);

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
paraat_reference_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ParaatReferencePage *self = PARAAT_REFERENCE_PAGE (object);

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
paraat_reference_page_class_init (ParaatReferencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = paraat_reference_page_constructed;
  object_class->dispose = paraat_reference_page_dispose;
  object_class->get_property = paraat_reference_page_get_property;
  object_class->set_property = paraat_reference_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PARAAT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-reference-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatReferencePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ParaatReferencePage, kind_dropdown);
}

static void
paraat_reference_page_init (ParaatReferencePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
paraat_reference_page_new (ParaatStore *store)
{
  return g_object_new (PARAAT_TYPE_REFERENCE_PAGE, "store", store, NULL);
}
