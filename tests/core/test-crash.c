/* test-crash.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Paraat killed in the middle of a write (power cut, OOM killer) must
 * leave a database that opens, passes its checks and holds either all of
 * the transaction or none of it.
 *
 * A child process inserts N_ROWS contacts in one transaction through the
 * store's private API and tells the parent through a pipe when it has
 * reached the chosen point; the parent then kills it with SIGKILL and
 * reopens the file.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paraat-store-private.h"
#include "paraat-test-utils.h"

#define N_ROWS 20000

typedef struct
{
  guint    signal_after;  /* rows inserted before the child reports */
  gboolean commit_first;  /* report only after COMMIT returned */
  gboolean keep_going;    /* after reporting, carry on instead of waiting */
} CrashCase;

/* Never returns; exit status 0 is never seen, because the child is killed. */
static void G_GNUC_NORETURN
run_child (const char      *path,
           const CrashCase *crash,
           int              fd)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ParaatStore) store = NULL;
  gboolean reported = FALSE;

  /* Whatever happens to the parent, do not linger. */
  alarm (120);

  store = paraat_store_open (path, PARAAT_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    _exit (10);
  /* A small page cache makes SQLite spill uncommitted pages into the
   * WAL before COMMIT, so the kill finds half a transaction on disk. */
  if (!paraat_store_exec (store, "PRAGMA cache_size = 16", &error) ||
      !paraat_store_begin (store, &error))
    _exit (11);

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *region = g_strdup_printf ("VR%02u", i % 25 + 1);
      g_autofree char *name = g_strdup_printf ("Crash Contact %u", i);
      const char *values[] = { region, "Testrol", name, "", "", "", NULL, NULL };

      if (paraat_store_insert_record (store, PARAAT_KIND_CONTACT, values, &error) == 0)
        _exit (12);
      if (!crash->commit_first && i + 1 == crash->signal_after)
        {
          if (write (fd, "n", 1) != 1)
            _exit (13);
          reported = TRUE;
          if (!crash->keep_going)
            break;
        }
    }

  if (crash->commit_first || (reported && crash->keep_going))
    {
      if (!paraat_store_commit (store, &error))
        _exit (14);
      if (crash->commit_first && write (fd, "c", 1) != 1)
        _exit (13);
    }

  /* Wait, mid-transaction or just after COMMIT, to be killed. */
  for (;;)
    pause ();
}

static guint
count_contacts (ParaatStore *store)
{
  return paraat_test_db_query_int (store->db, "SELECT count(*) FROM contact");
}

static void
test_crash (ParaatTestFixture *fixture,
            gconstpointer      user_data)
{
  const CrashCase *crash = user_data;
  const char *values[] = { "VR05", "RMOA", "Na de crash", "", "", "", NULL, NULL };
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_MARCH, 2025);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint original, after;
  int fds[2];
  int status = 0;
  pid_t pid;
  char report = 0;
  ssize_t n;
  g_autofree char *wal = NULL;
  GStatBuf st;
  gint64 wal_size = 0;

  /* Some rows to start with, then close: no connection crosses fork(). */
  g_assert_true (paraat_store_fill_demo (fixture->store, today, &error));
  g_assert_no_error (error);
  original = count_contacts (fixture->store);
  g_assert_cmpuint (original, >, 0);
  paraat_test_fixture_close_store (fixture);

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      run_child (fixture->path, crash, fds[1]);
    }

  close (fds[1]);
  do
    n = read (fds[0], &report, 1);
  while (n < 0 && errno == EINTR);
  close (fds[0]);

  if (n != 1)
    {
      /* The child died before reaching its point: say why. */
      waitpid (pid, &status, 0);
      g_test_message ("child ended early: exited %d, status %d",
                      WIFEXITED (status), WIFEXITED (status) ? WEXITSTATUS (status) : WTERMSIG (status));
      g_assert_cmpint (n, ==, 1);
    }
  g_assert_cmpint (report, ==, crash->commit_first ? 'c' : 'n');

  wal = g_strconcat (fixture->path, "-wal", NULL);
  if (g_stat (wal, &st) == 0)
    wal_size = st.st_size;
  g_test_message ("WAL at the kill: %" G_GINT64_FORMAT " bytes", wal_size);
  /* Make sure the kill hits a transaction that is partly on disk. */
  if (!crash->commit_first && !crash->keep_going && crash->signal_after >= 10000)
    g_assert_cmpint (wal_size, >, 0);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  /* The WAL the child left behind is recovered on open. */
  fixture->store = paraat_store_open (fixture->path, PARAAT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_assert_true (paraat_store_check (fixture->store, &problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("check: %s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  after = count_contacts (fixture->store);
  g_test_message ("contacts: %u before, %u after", original, after);
  if (crash->commit_first)
    g_assert_cmpuint (after, ==, original + N_ROWS);
  else if (!crash->keep_going)
    g_assert_cmpuint (after, ==, original);
  else
    g_assert_true (after == original || after == original + N_ROWS);

  /* And the store writes again. */
  g_assert_cmpint (paraat_store_save_record (fixture->store, PARAAT_KIND_CONTACT, 0, values, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_contacts (fixture->store), ==, after + 1);
}

static const CrashCase cases[] = {
  { 1000, FALSE, FALSE },
  { 10000, FALSE, FALSE },
  { 19999, FALSE, FALSE },
  { N_ROWS, FALSE, FALSE },    /* every row inserted, COMMIT not yet run */
  { 0, TRUE, FALSE },          /* COMMIT returned */
  { 15000, FALSE, TRUE },      /* killed somewhere between row 15000 and after COMMIT */
};

int
main (int   argc,
      char *argv[])
{
  paraat_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;

      if (cases[i].commit_first)
        path = g_strdup ("/core/crash/after-commit");
      else if (cases[i].keep_going)
        path = g_strdup_printf ("/core/crash/while-running/%u", cases[i].signal_after);
      else
        path = g_strdup_printf ("/core/crash/mid-transaction/%u", cases[i].signal_after);

      g_test_add (path, ParaatTestFixture, &cases[i],
                  paraat_test_fixture_set_up_store, test_crash, paraat_test_fixture_tear_down);
    }

  return g_test_run ();
}
