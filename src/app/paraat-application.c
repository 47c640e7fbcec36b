/* paraat-application.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ParaatApplication owns the one ParaatStore and the window that shows it.
 * Opening another database makes a new window for it and closes the old.
 */

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "paraat-application.h"
#include "paraat-palette.h"
#include "paraat-resources.h"
#include "paraat-preferences-window.h"
#include "paraat-utils.h"
#include "paraat-window.h"

struct _ParaatApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GSettings      *settings;
  ParaatStore    *store;
};

G_DEFINE_FINAL_TYPE (ParaatApplication, paraat_application, ADW_TYPE_APPLICATION)

static GtkWindow *
get_window (ParaatApplication *self)
{
  return gtk_application_get_active_window (GTK_APPLICATION (self));
}

static void
show_error_dialog (ParaatApplication *self,
                   const char        *heading,
                   const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (ParaatApplication *self,
       AdwToast          *t)
{
  GtkWindow *window = get_window (self);

  if (PARAAT_IS_WINDOW (window))
    paraat_window_add_toast (PARAAT_WINDOW (window), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

/* Replaces the window(s) with one for @store, or for the error. */
static ParaatWindow *
show_window (ParaatApplication *self,
             ParaatStore       *store,
             const char        *open_error)
{
  GList *old = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  ParaatWindow *window = paraat_window_new (GTK_APPLICATION (self), store, open_error);

  gtk_window_present (GTK_WINDOW (window));
  for (GList *l = old; l != NULL; l = l->next)
    {
      if (l->data != (gpointer) window)
        gtk_window_destroy (GTK_WINDOW (l->data));
    }
  g_list_free (old);

  return window;
}

static void
on_store_checked_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(ParaatApplication) self = user_data;
  ParaatStore *store = PARAAT_STORE (source);
  g_autoptr(GError) error = NULL;

  if (paraat_store_check_in_background_finish (store, result, &error))
    return;
  /* A damaged file: no write reaches it; say so instead of showing it. */
  if (self->store == store)
    {
      g_clear_object (&self->store);
      show_window (self, NULL, error->message);
    }
}

typedef struct
{
  ParaatApplication *self;
  ParaatStore       *store;
} CheckLater;

static void
check_later_free (gpointer data,
                  GClosure *closure)
{
  CheckLater *later = data;

  g_object_unref (later->self);
  g_object_unref (later->store);
  g_free (later);
}

static void
on_first_frame_cb (GdkFrameClock *clock,
                   CheckLater    *later)
{
  paraat_store_check_in_background (later->store, NULL, on_store_checked_cb, g_object_ref (later->self));
  /* Frees @later */
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, later);
}

/**
 * paraat_application_open_database:
 * @create: create the file if it does not exist
 *
 * Opens @path and shows it in a new window. On failure the current
 * database stays open and @error says why.
 */
gboolean
paraat_application_open_database (ParaatApplication  *self,
                                  const char         *path,
                                  gboolean            create,
                                  GError            **error)
{
  g_autoptr(ParaatStore) store = NULL;
  ParaatWindow *window;
  GdkFrameClock *clock;
  CheckLater *later;

  /* The damage check reads the whole file; it runs in a thread after
   * the window is up, and writes wait for it. */
  store = paraat_store_open (path, (create ? PARAAT_STORE_OPEN_CREATE : PARAAT_STORE_OPEN_DEFAULT) |
                                   PARAAT_STORE_OPEN_DEFER_CHECK, error);
  if (store == NULL)
    return FALSE;

  g_set_object (&self->store, store);
  g_settings_set_string (self->settings, "last-database", path);
  window = show_window (self, store, NULL);
  /* After the first frame, so that the check does not take the CPU from
   * it (it reads all of a big file); writes before then run it first. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    {
      paraat_store_check_in_background (store, NULL, on_store_checked_cb, g_object_ref (self));
      return TRUE;
    }
  later = g_new0 (CheckLater, 1);
  later->self = g_object_ref (self);
  later->store = g_object_ref (store);
  g_signal_connect_data (clock, "after-paint", G_CALLBACK (on_first_frame_cb), later, check_later_free,
                         G_CONNECT_DEFAULT);

  return TRUE;
}

GSettings *
paraat_application_get_settings (ParaatApplication *self)
{
  return self->settings;
}

ParaatStore *
paraat_application_get_store (ParaatApplication *self)
{
  return self->store;
}

/* File choosers */

typedef enum
{
  CHOOSE_NEW,
  CHOOSE_OPEN,
  CHOOSE_BACKUP,
} ChooseMode;

static void
add_db_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Paraat Databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (chooser, filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
create_database (ParaatApplication *self,
                 const char        *path,
                 gboolean           demo)
{
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *body = g_strdup_printf (_("“%s” already exists and was not changed. "
                                                 "Choose a new file name."), path);

      show_error_dialog (self, _("Could Not Create the Database"), body);
      return;
    }

  if (!paraat_application_open_database (self, path, TRUE, &error))
    {
      show_error_dialog (self, _("Could Not Create the Database"), error->message);
      return;
    }

  if (demo)
    {
      if (!paraat_store_fill_demo (self->store, NULL, &error))
        {
          show_error_dialog (self, _("Could Not Add the Demo Data"), error->message);
          return;
        }
      /* The banner and title follow the demo marker. */
      show_window (self, self->store, NULL);
    }
}

static void
backup_database (ParaatApplication *self,
                 const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  if (!paraat_store_backup (self->store, path, &error))
    {
      show_error_dialog (self, _("Could Not Back Up"), error->message);
      return;
    }

  /* Translators: %s is the backup's file name */
  toast (self, adw_toast_new_format (_("Backed up to “%s”"), basename));
}

static void
on_chooser_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  ParaatApplication *self = PARAAT_APPLICATION (g_application_get_default ());
  ChooseMode mode = GPOINTER_TO_UINT (user_data);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      show_error_dialog (self, _("Not a Local File"), _("Choose a file on this computer or a mounted disk."));
      goto out;
    }

  switch (mode)
    {
    case CHOOSE_NEW:
      {
        const char *demo = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "demo");

        create_database (self, path, g_strcmp0 (demo, "true") == 0);
      }
      break;

    case CHOOSE_OPEN:
      if (!paraat_application_open_database (self, path, FALSE, &error))
        show_error_dialog (self, _("Could Not Open the Database"), error->message);
      break;

    case CHOOSE_BACKUP:
      backup_database (self, path);
      break;

    default:
      g_assert_not_reached ();
    }

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_file (ParaatApplication *self,
             ChooseMode         mode)
{
  GtkFileChooserNative *native;
  GtkFileChooserAction action = mode == CHOOSE_OPEN ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE;
  const char *title, *accept;

  switch (mode)
    {
    case CHOOSE_NEW:
      title = _("New Database");
      accept = _("_Create");
      break;
    case CHOOSE_OPEN:
      title = _("Open Database");
      accept = _("_Open");
      break;
    case CHOOSE_BACKUP:
    default:
      title = _("Back Up Database");
      accept = _("_Back Up");
      break;
    }

  native = gtk_file_chooser_native_new (title, get_window (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_db_filter (GTK_FILE_CHOOSER (native));

  if (mode == CHOOSE_NEW)
    {
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("paraat.db"));
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "demo", _("Add fictional demo data"), NULL, NULL);
    }
  else if (mode == CHOOSE_BACKUP)
    {
      g_autofree char *today = paraat_today_iso ();
      /* Translators: the suggested backup file name; %s is today's date */
      g_autofree char *name = g_strdup_printf (_("paraat-backup-%s.db"), today);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), GUINT_TO_POINTER (mode));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

static void
new_database_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  choose_file (PARAAT_APPLICATION (user_data), CHOOSE_NEW);
}

static void
open_database_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  choose_file (PARAAT_APPLICATION (user_data), CHOOSE_OPEN);
}

static void
backup_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  ParaatApplication *self = PARAAT_APPLICATION (user_data);

  if (self->store != NULL)
    choose_file (self, CHOOSE_BACKUP);
}

static void
check_database_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  ParaatApplication *self = PARAAT_APPLICATION (user_data);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  if (!paraat_store_check (self->store, &problems, &error))
    {
      show_error_dialog (self, _("Could Not Check the Database"), error->message);
      return;
    }

  if (problems->len == 0)
    {
      toast (self, adw_toast_new (_("The database is in good order")));
      return;
    }

  g_string_append_printf (body, ngettext ("%u problem was found. Restore the database from a backup.",
                                          "%u problems were found. Restore the database from a backup.",
                                          problems->len),
                          problems->len);
  for (guint i = 0; i < problems->len && i < 10; i++)
    g_string_append_printf (body, "\n• %s", (const char *) problems->pdata[i]);

  dialog = adw_message_dialog_new (get_window (self), _("The Database Is Damaged"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ParaatApplication *self = PARAAT_APPLICATION (user_data);
  GtkWidget *window = paraat_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (window), get_window (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ParaatApplication *self = PARAAT_APPLICATION (user_data);
  const char *developers[] = { "The Paraat developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_window (self),
                        "application-name", "Paraat",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Paraat developers"),
                        "developers", developers,
                        "copyright", "© 2026 The Paraat developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Civil–military crisis preparation for the Dutch safety regions and their "
                                      "Defence partners: regions, brigades, partners, and soon exercise "
                                      "calendars and their alignment with Defence."),
                        "website", "https://github.com/paraat/paraat",
                        "issue-url", "https://github.com/paraat/paraat/issues",
                        /* Translators: your name and e-mail, one translator per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing the windows saves their size before the process ends. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { "new-database", new_database_action },
  { "open-database", open_database_action },
  { "backup", backup_action },
  { "check-database", check_database_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* GApplication */

/*
 * glibc's malloc raises its mmap threshold to the largest block freed so
 * far, up to 32 MB, and its trim threshold to twice that. Cairo's and
 * GTK's frame-sized buffers raise them in the first frames, and from then
 * on such buffers, and a year of exercises for the list, come from the
 * heap, which keeps what is freed. Fixed at glibc's own start values,
 * big blocks are mapped and unmapped again. Two arenas instead of one per
 * thread (the D-Bus worker, the damage check, GTask's pool): those
 * threads allocate little. Under the calendar benchmark the list view's
 * process at 100,000 exercises peaked at 147 MB instead of 151 MB.
 */
static void
tune_malloc (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, 128 * 1024);
  mallopt (M_TRIM_THRESHOLD, 128 * 1024);
  mallopt (M_ARENA_MAX, 2);
#endif
}

static void
paraat_application_startup (GApplication *application)
{
  ParaatApplication *self = PARAAT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-database", { "<Control><Shift>n", NULL } },
    { "app.open-database", { "<Control>o", NULL } },
    { "app.backup", { "<Control><Shift>s", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.choose-scope", { "<Control>l", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.show-section::overview", { "<Alt>1", NULL } },
    { "win.show-section::calendar", { "<Alt>2", NULL } },
    { "win.show-section::reference", { "<Alt>3", NULL } },
    { "win.show-section::alignment", { "<Alt>4", NULL } },
  };

  G_APPLICATION_CLASS (paraat_application_parent_class)->startup (application);
  paraat_palette_install_css (gdk_display_get_default ());

  self->settings = g_settings_new (APP_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

/* The database to open when none is named: the last one, else the default. */
static char *
choose_start_database (ParaatApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);

  return paraat_store_get_default_path ();
}

static int
paraat_application_command_line (GApplication            *application,
                                 GApplicationCommandLine *command_line)
{
  ParaatApplication *self = PARAAT_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      path = g_file_get_path (file);
    }
  else if (self->store != NULL)
    {
      gtk_window_present (get_window (self));
      return 0;
    }
  else
    path = choose_start_database (self);

  if (!paraat_application_open_database (self, path, TRUE, &error))
    {
      g_application_command_line_printerr (command_line, "paraat: %s\n", error->message);
      show_window (self, NULL, error->message);
    }

  return 0;
}

static void
paraat_application_activate (GApplication *application)
{
  ParaatApplication *self = PARAAT_APPLICATION (application);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (get_window (self) != NULL)
    {
      gtk_window_present (get_window (self));
      return;
    }

  path = choose_start_database (self);
  if (!paraat_application_open_database (self, path, TRUE, &error))
    show_window (self, NULL, error->message);
}

static void
paraat_application_dispose (GObject *object)
{
  ParaatApplication *self = PARAAT_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (paraat_application_parent_class)->dispose (object);
}

static void
paraat_application_class_init (ParaatApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = paraat_application_dispose;
  app_class->startup = paraat_application_startup;
  app_class->activate = paraat_application_activate;
  app_class->command_line = paraat_application_command_line;

  /* Templates, CSS and the shortcuts window live in the app's resource. */
  paraat_register_resource ();
  /* Before GApplication starts its D-Bus thread */
  tune_malloc ();
}

static void
paraat_application_init (ParaatApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Civil–military crisis preparation for the safety regions."));
}

static int
handle_local_options_cb (GApplication *application,
                         GVariantDict *options,
                         gpointer      user_data)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("paraat %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

ParaatApplication *
paraat_application_new (void)
{
  ParaatApplication *self = g_object_new (PARAAT_TYPE_APPLICATION,
                                          "application-id", APP_ID,
                                          "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                                          "resource-base-path", RESOURCE_BASE,
                                          NULL);

  g_signal_connect (self, "handle-local-options", G_CALLBACK (handle_local_options_cb), NULL);

  return self;
}
