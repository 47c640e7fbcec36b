/* paraat-exercise-editor.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

#define PARAAT_TYPE_EXERCISE_EDITOR (paraat_exercise_editor_get_type ())
G_DECLARE_FINAL_TYPE (ParaatExerciseEditor, paraat_exercise_editor, PARAAT, EXERCISE_EDITOR, AdwWindow)

ParaatExerciseEditor *paraat_exercise_editor_new        (ParaatStore          *store,
                                                         ParaatExercise       *exercise,
                                                         gboolean              duplicate);
void                  paraat_exercise_editor_set_text   (ParaatExerciseEditor *self,
                                                         const char           *field,
                                                         const char           *text);
gboolean              paraat_exercise_editor_save       (ParaatExerciseEditor *self);
const char           *paraat_exercise_editor_get_error  (ParaatExerciseEditor *self);
const char           *paraat_exercise_editor_get_text   (ParaatExerciseEditor *self,
                                                         const char           *field);
gboolean              paraat_exercise_editor_set_participant
                                                        (ParaatExerciseEditor *self,
                                                         ParaatKind            kind,
                                                         const char           *code,
                                                         gboolean              active);
const char           *paraat_exercise_editor_get_participants_summary
                                                        (ParaatExerciseEditor *self,
                                                         ParaatKind            kind);

G_END_DECLS
