/* paraat-test-cli.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running paraat-cli from the cli tests.
 */

#pragma once

#include "paraat-test-utils.h"

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

void cli_result_clear (CliResult          *result);
void run_cli_argv     (ParaatTestFixture  *fixture,
                       CliResult          *result,
                       const char * const *env,
                       const char * const *args);
void run_cli          (ParaatTestFixture  *fixture,
                       CliResult          *result,
                       const char * const *env,
                       ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

G_END_DECLS
