/* paraat-scope.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the planner is looking at: one region, one brigade (all the
 * regions it serves on a given day) or all regions. Written as text
 * ("all", "region:VR05", "brigade:43MB") in settings and on the CLI.
 */

#pragma once

#include "paraat-record.h"
#include "paraat-store.h"

G_BEGIN_DECLS

typedef enum
{
  PARAAT_SCOPE_ALL,
  PARAAT_SCOPE_REGION,
  PARAAT_SCOPE_BRIGADE,
} ParaatScopeKind;

typedef struct _ParaatScope ParaatScope;

#define PARAAT_TYPE_SCOPE (paraat_scope_get_type ())
GType            paraat_scope_get_type           (void);

ParaatScope     *paraat_scope_parse              (const char   *text,
                                                  GError      **error) G_GNUC_WARN_UNUSED_RESULT;
ParaatScope     *paraat_scope_resolve            (ParaatStore  *store,
                                                  const char   *text,
                                                  const char   *iso_date,
                                                  GError      **error) G_GNUC_WARN_UNUSED_RESULT;
ParaatScope     *paraat_scope_ref                (ParaatScope  *self);
void             paraat_scope_unref              (ParaatScope  *self);
ParaatScopeKind  paraat_scope_get_kind           (ParaatScope  *self);
const char      *paraat_scope_get_id             (ParaatScope  *self);
char            *paraat_scope_to_string          (ParaatScope  *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean         paraat_scope_contains_region    (ParaatScope  *self,
                                                  const char   *region_code);
gboolean         paraat_scope_contains_record    (ParaatScope  *self,
                                                  ParaatRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatScope, paraat_scope_unref)

G_END_DECLS
