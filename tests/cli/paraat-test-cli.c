/* paraat-test-cli.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * paraat-cli as a user runs it, through GSubprocess. meson passes the
 * freshly built binary in PARAAT_CLI.
 */

#include "config.h"

#include <gio/gio.h>
#include <stdarg.h>

#include "paraat-test-cli.h"

void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/*
 * Runs paraat-cli with @args (NULL-terminated, without the program).
 * @env: extra "NAME=value" settings, or NULL. HOME and the XDG folders
 * point into the fixture, so the default database is never the user's.
 */
void
run_cli_argv (ParaatTestFixture  *fixture,
              CliResult          *result,
              const char * const *env,
              const char * const *args)
{
  const char *cli = g_getenv ("PARAAT_CLI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *home = paraat_test_fixture_build_path (fixture, "home");
  g_autofree char *data = paraat_test_fixture_build_path (fixture, "home/.local/share");
  g_autofree char *config = paraat_test_fixture_build_path (fixture, "home/.config");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);

  /* A crash is never an acceptable answer. */
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);
}

/* run_cli_argv() with the arguments after @env */
void
run_cli (ParaatTestFixture  *fixture,
         CliResult          *result,
         const char * const *env,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, env);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (fixture, result, env, (const char * const *) args->pdata);
}

/* An error is one line or more, each "paraat-cli: …" first. */
