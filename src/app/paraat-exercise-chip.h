/* paraat-exercise-chip.h
 *
 * Copyright 2026 The Paraat developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "paraat-calendar.h"

G_BEGIN_DECLS

GtkWidget *paraat_exercise_chip_new      (ParaatStore    *store,
                                          ParaatExercise *exercise);
GtkWidget *paraat_exercise_chip_new_compact (ParaatStore    *store,
                                            ParaatExercise *exercise);
void       paraat_exercise_chip_update   (GtkWidget      *chip,
                                          ParaatStore    *store,
                                          ParaatExercise *exercise);
char      *paraat_exercise_chip_describe (ParaatStore    *store,
                                          ParaatExercise *exercise) G_GNUC_WARN_UNUSED_RESULT;
char      *paraat_exercise_chip_event_target (ParaatExercise *exercise) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
