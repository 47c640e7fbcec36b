/* bench-run.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs one command and writes its wall time and peak RSS to RESULT:
 * "SECONDS MAX_RSS_KB EXIT_STATUS". The peak RSS is the child's own
 * ru_maxrss from wait4(), so nothing else is needed (no GNU time). The
 * child keeps this process's standard input and output.
 *
 *   bench-run RESULT COMMAND [ARGUMENT…]
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main (int   argc,
      char *argv[])
{
  struct rusage usage;
  FILE *result;
  double start;
  pid_t pid;
  int status;

  if (argc < 3)
    {
      fprintf (stderr, "usage: bench-run RESULT COMMAND [ARGUMENT…]\n");
      return 1;
    }

  start = now ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("bench-run: fork");
      return 1;
    }
  if (pid == 0)
    {
      execvp (argv[2], argv + 2);
      fprintf (stderr, "bench-run: %s: %s\n", argv[2], strerror (errno));
      _exit (127);
    }
  while (wait4 (pid, &status, 0, &usage) < 0)
    {
      if (errno != EINTR)
        {
          perror ("bench-run: wait4");
          return 1;
        }
    }

  if (!(result = fopen (argv[1], "w")))
    {
      perror (argv[1]);
      return 1;
    }
  /* ru_maxrss is in KiB on Linux */
  fprintf (result, "%.3f %ld %d\n", now () - start, usage.ru_maxrss,
           WIFEXITED (status) ? WEXITSTATUS (status) : 128 + WTERMSIG (status));
  fclose (result);

  return WIFEXITED (status) ? WEXITSTATUS (status) : 1;
}
