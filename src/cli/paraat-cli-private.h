/* paraat-cli-private.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the command files of paraat-cli share.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "paraat-store.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_USAGE = 1,
  EXIT_INVALID = 2,
  EXIT_STORE = 3,
};

extern char *db_path;

void         print_error    (const char *format, ...) G_GNUC_PRINTF (1, 2);
int          exit_code_for  (const GError *error);
int          fail           (const GError *error);
int          usage_error    (GOptionContext *context,
                             const char     *message);
ParaatStore *open_store     (ParaatStoreOpenFlags   flags,
                             GError               **error);
void         print_json     (JsonNode *root);
gboolean     parse_day      (const char *text,
                             int         add_days,
                             gboolean    date_only,
                             gint64     *utc);
gboolean     parse_options  (GOptionContext  *context,
                             int             *argc,
                             char          ***argv,
                             int             *exit_code);

int          cmd_exercises  (int argc, char **argv);
int          cmd_actions    (int argc, char **argv);
int          cmd_conflicts  (int argc, char **argv);
int          cmd_export     (int argc, char **argv);
int          cmd_import     (int argc, char **argv);
int          cmd_sources    (int argc, char **argv);
int          cmd_validate   (int argc, char **argv);

G_END_DECLS
