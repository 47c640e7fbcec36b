/* paraat-preferences-window.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "paraat-application.h"
#include "paraat-preferences-window.h"

struct _ParaatPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkAdjustment        *days_adjustment;
  AdwActionRow         *database_row;
};

G_DEFINE_FINAL_TYPE (ParaatPreferencesWindow, paraat_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
paraat_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PARAAT_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (paraat_preferences_window_parent_class)->dispose (object);
}

static void
paraat_preferences_window_class_init (ParaatPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = paraat_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/paraat-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParaatPreferencesWindow, days_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ParaatPreferencesWindow, database_row);
}

static void
paraat_preferences_window_init (ParaatPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
paraat_preferences_window_new (GSettings *settings)
{
  ParaatPreferencesWindow *self = g_object_new (PARAAT_TYPE_PREFERENCES_WINDOW, NULL);
  ParaatApplication *app = PARAAT_APPLICATION (g_application_get_default ());
  ParaatStore *store = app ? paraat_application_get_store (app) : NULL;

  g_settings_bind (settings, "attention-days", self->days_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->database_row,
                               store ? paraat_store_get_path (store) : _("No database is open"));

  return GTK_WIDGET (self);
}
