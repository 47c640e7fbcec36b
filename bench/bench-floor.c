/* bench-floor.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor for bench-calendar's start-up and memory figures: an
 * AdwApplication with one window holding a header bar and a label, and
 * nothing of Paraat linked in. It prints "bench: first-frame <µs>" (the
 * CLOCK_MONOTONIC time at the end of its first painted frame) and quits;
 * the parent that started it takes the time and the peak RSS.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

static void
on_watchdog_cb (gpointer user_data)
{
  g_printerr ("bench-floor: no frame after 120 s\n");
  exit (2);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   GApplication  *app)
{
  static gboolean seen;

  if (seen)
    return;
  seen = TRUE;
  printf ("bench: first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (app);
}

static void
on_window_realize_cb (GtkWidget    *window,
                      GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), app);
}

static void
on_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Paraat");

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size Paraat's window opens at, so both paint the same area */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;

  g_timeout_add_once (120 * 1000, on_watchdog_cb, NULL);
  /* Registered on the session bus like Paraat, which is a unique application */
  app = adw_application_new ("io.github.paraat.BenchFloor", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
