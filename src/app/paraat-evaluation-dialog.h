/* paraat-evaluation-dialog.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EVALUATION_DIALOG (paraat_evaluation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ParaatEvaluationDialog, paraat_evaluation_dialog, PARAAT, EVALUATION_DIALOG, AdwWindow)

GtkWindow  *paraat_evaluation_dialog_new              (ParaatStore            *store,
                                                       const char             *uid);
GtkWindow  *paraat_evaluation_dialog_present          (GtkWidget              *parent,
                                                       ParaatStore            *store,
                                                       const char             *uid);
gboolean    paraat_evaluation_dialog_can_evaluate     (ParaatExerciseStatus    status);

/* The fields by name: "quick-date", "quick-ref", "final-date", "final-ref",
 * "lessons", and the action item form's "item-what", "item-owner",
 * "item-due". */
void        paraat_evaluation_dialog_set_text         (ParaatEvaluationDialog *self,
                                                       const char             *field,
                                                       const char             *text);
gboolean    paraat_evaluation_dialog_save             (ParaatEvaluationDialog *self);
const char *paraat_evaluation_dialog_get_error        (ParaatEvaluationDialog *self);
GListModel *paraat_evaluation_dialog_get_action_items (ParaatEvaluationDialog *self);

G_END_DECLS
