/* paraat-application.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-store.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_APPLICATION (paraat_application_get_type ())
G_DECLARE_FINAL_TYPE (ParaatApplication, paraat_application, PARAAT, APPLICATION, AdwApplication)

ParaatApplication *paraat_application_new            (void);
GSettings         *paraat_application_get_settings   (ParaatApplication *self);
ParaatStore       *paraat_application_get_store      (ParaatApplication *self);
gboolean           paraat_application_open_database  (ParaatApplication  *self,
                                                      const char         *path,
                                                      gboolean            create,
                                                      GError            **error);

G_END_DECLS
