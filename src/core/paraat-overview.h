/* paraat-overview.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Overview shows: a summary row per region in scope and the
 * list of things that need a planner's attention. Later features add
 * their own rules to paraat-overview.c.
 */

#pragma once

#include "paraat-scope.h"
#include "paraat-store.h"

G_BEGIN_DECLS

typedef enum
{
  PARAAT_SEVERITY_INFO,
  PARAAT_SEVERITY_WARNING,
  PARAAT_SEVERITY_CRITICAL,
} ParaatSeverity;

/* paraat_attention_get_target_kind() for a finding about action items */
#define PARAAT_ATTENTION_TARGET_ACTIONS (PARAAT_N_KINDS + 1)

#define PARAAT_TYPE_REGION_SUMMARY (paraat_region_summary_get_type ())
G_DECLARE_FINAL_TYPE (ParaatRegionSummary, paraat_region_summary, PARAAT, REGION_SUMMARY, GObject)

#define PARAAT_TYPE_ATTENTION (paraat_attention_get_type ())
G_DECLARE_FINAL_TYPE (ParaatAttention, paraat_attention, PARAAT, ATTENTION, GObject)

const char     *paraat_region_summary_get_code      (ParaatRegionSummary *self);
const char     *paraat_region_summary_get_name      (ParaatRegionSummary *self);
const char     *paraat_region_summary_get_province  (ParaatRegionSummary *self);
const char     *paraat_region_summary_get_brigade   (ParaatRegionSummary *self);
const char     *paraat_region_summary_get_brigade_id (ParaatRegionSummary *self);
const char     *paraat_region_summary_get_rmoa      (ParaatRegionSummary *self);
guint           paraat_region_summary_get_contacts  (ParaatRegionSummary *self);
guint           paraat_region_summary_get_attention (ParaatRegionSummary *self);

ParaatSeverity  paraat_attention_get_severity       (ParaatAttention *self);
const char     *paraat_attention_get_region         (ParaatAttention *self);
const char     *paraat_attention_get_title          (ParaatAttention *self);
const char     *paraat_attention_get_detail         (ParaatAttention *self);
ParaatKind      paraat_attention_get_target_kind    (ParaatAttention *self);

typedef struct
{
  GListModel *regions;    /* of ParaatRegionSummary, by code */
  GListModel *attention;  /* of ParaatAttention, most severe first */
  guint       n_regions;
  guint       n_brigades;
  guint       n_rmoa_in_post;
} ParaatOverview;

ParaatOverview *paraat_overview_compute             (ParaatStore  *store,
                                                     ParaatScope  *scope,
                                                     const char   *today,
                                                     guint         horizon_days,
                                                     GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void            paraat_overview_free                (ParaatOverview *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParaatOverview, paraat_overview_free)

G_END_DECLS
