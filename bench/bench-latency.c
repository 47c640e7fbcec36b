/* bench-latency.c
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long a cache line takes from one core to the other: two threads,
 * pinned to CPUs 0 and 1, hand a counter back and forth 200,000 times,
 * and the median of 5 such runs is printed in nanoseconds one way.
 *
 * The import's two threads hand every event over, and each lock and
 * reference count they share makes the same trip; on the shared hosts of
 * these machines it changes from hour to hour, and the import's time
 * follows it (docs/benchmarks.md, "Two cores that
 * share a cache, and two that do not"). bench-exchange.sh prints it
 * beside its tables.
 *
 *   bench-latency
 */

#define _GNU_SOURCE

#include "config.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define N_TRIPS 200000
#define N_RUNS 5

static _Alignas (64) atomic_int counter;

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
pin (int cpu)
{
  cpu_set_t set;

  CPU_ZERO (&set);
  CPU_SET (cpu, &set);

  return pthread_setaffinity_np (pthread_self (), sizeof set, &set);
}

/* Answers each odd value with the next even one */
static void *
answer (void *data)
{
  (void) data;

  pin (1);
  for (int i = 0; i < N_TRIPS; i++)
    {
      while (atomic_load_explicit (&counter, memory_order_acquire) != 2 * i + 1)
        ;
      atomic_store_explicit (&counter, 2 * i + 2, memory_order_release);
    }

  return NULL;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (void)
{
  double runs[N_RUNS];

  if (pin (0) != 0)
    {
      fprintf (stderr, "bench-latency: cannot run on CPU 0 and 1\n");
      return 1;
    }

  for (int r = 0; r < N_RUNS; r++)
    {
      pthread_t thread;
      double start;

      atomic_store (&counter, 0);
      if (pthread_create (&thread, NULL, answer, NULL) != 0)
        {
          fprintf (stderr, "bench-latency: no thread\n");
          return 1;
        }
      start = now ();
      for (int i = 0; i < N_TRIPS; i++)
        {
          atomic_store_explicit (&counter, 2 * i + 1, memory_order_release);
          while (atomic_load_explicit (&counter, memory_order_acquire) != 2 * i + 2)
            ;
        }
      runs[r] = (now () - start) / N_TRIPS / 2 * 1e9;
      pthread_join (thread, NULL);
    }
  qsort (runs, N_RUNS, sizeof runs[0], compare_doubles);
  printf ("%.0f\n", runs[N_RUNS / 2]);

  return 0;
}
