/* paraat-test-ui.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the ui suite: let the main loop run, and save a PNG of a
 * widget for people to look at (an idea from GNOME Console's tests,
 * rewritten for GTK 4.8).
 */

#include "config.h"

#include <glib/gstdio.h>

#include "paraat-test-ui.h"

static void
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

/* Runs the main loop for @ms milliseconds, so layout and drawing happen. */
void
paraat_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GtkWidget  *widget;
  const char *path;
  gboolean    done;
} Shot;

static void
take_shot (GdkPaintable *paintable,
           Shot         *shot)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int w = gdk_paintable_get_intrinsic_width (paintable);
  int h = gdk_paintable_get_intrinsic_height (paintable);

  if (shot->done || w <= 0 || h <= 0)
    return;
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  if (!(node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot))))
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (shot->widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, shot->path));
  shot->done = TRUE;
}

static void
on_invalidate_contents_cb (GdkPaintable *paintable,
                           gpointer      user_data)
{
  take_shot (paintable, user_data);
}

/**
 * paraat_test_save_screenshot:
 * @name: file name without extension
 *
 * Saves @widget as G_TEST_BUILDDIR/screenshots/@name[suffix].png, where
 * the suffix comes from PARAAT_SCREENSHOT_SUFFIX (the Dutch run sets "-nl").
 *
 * Returns: the path written
 */
char *
paraat_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  const char *suffix = g_getenv ("PARAAT_SCREENSHOT_SUFFIX");
  g_autofree char *file = g_strconcat (name, suffix ? suffix : "", ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  Shot shot = { widget, path, FALSE };
  gulong handler;
  guint tries = 0;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  /* Let the widget settle (allocation, list rows, animations). */
  paraat_test_wait (600);

  paintable = gtk_widget_paintable_new (widget);
  handler = g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (on_invalidate_contents_cb), &shot);
  gtk_widget_queue_draw (widget);
  take_shot (paintable, &shot);
  while (!shot.done && tries++ < 1000)
    {
      gtk_widget_queue_draw (widget);
      paraat_test_wait (10);
    }
  g_signal_handler_disconnect (paintable, handler);
  g_assert_true (shot.done);
  g_test_message ("Screenshot: %s", path);

  return path;
}
