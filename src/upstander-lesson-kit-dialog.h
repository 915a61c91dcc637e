/* upstander-lesson-kit-dialog.h: print a lesson plan, worksheet, parent sheet or handout of any story, in any language
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "upstander-application.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_LESSON_KIT_DIALOG (upstander_lesson_kit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderLessonKitDialog, upstander_lesson_kit_dialog, UPSTANDER, LESSON_KIT_DIALOG, AdwWindow)

UpstanderLessonKitDialog *upstander_lesson_kit_dialog_new   (UpstanderApplication     *application,
                                                             UpstanderScenario        *scenario);
void                      upstander_lesson_kit_dialog_write (UpstanderLessonKitDialog *self,
                                                             GFile                    *file);

G_END_DECLS
