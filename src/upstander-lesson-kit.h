/* upstander-lesson-kit.h: the lesson plan, the pupil worksheet and the parent sheet of a story, as documents
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-class-check.h"
#include "upstander-class-run.h"
#include "upstander-class-voice.h"
#include "upstander-document.h"
#include "upstander-library.h"

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_KIT_LESSON_PLAN,
  UPSTANDER_KIT_WORKSHEET,
  UPSTANDER_KIT_PARENT_SHEET,
} UpstanderKitDocument;

/* The length of the lesson the plan lays out. */
#define UPSTANDER_LESSON_MINUTES 45

typedef struct
{
  const char *name;         /* translated: "Warm-up" … */
  guint       start;        /* minutes from the start of the lesson */
  guint       end;
} UpstanderLessonStep;

guint              upstander_lesson_plan_steps   (UpstanderScenario    *scenario,
                                                  UpstanderLessonStep   steps[4]);
UpstanderDocument *upstander_lesson_plan_new     (UpstanderScenario    *scenario,
                                                  UpstanderLibrary     *library,
                                                  const char           *region);
UpstanderDocument *upstander_worksheet_new       (UpstanderScenario    *scenario,
                                                  UpstanderLibrary     *library,
                                                  const char           *region);
UpstanderDocument *upstander_parent_sheet_new    (UpstanderScenario    *scenario,
                                                  UpstanderLibrary     *library,
                                                  const char           *region);
GStrv              upstander_check_statements    (UpstanderScenario    *scenario);
UpstanderClassCheck *upstander_class_check_new_for_scenario (UpstanderScenario *scenario);
UpstanderDocument *upstander_class_voice_poster_new (UpstanderClassVoice *voice,
                                                    UpstanderClassRun   *run);
UpstanderDocument *upstander_kit_document_new    (UpstanderKitDocument  kind,
                                                  UpstanderScenario    *scenario,
                                                  UpstanderLibrary     *library,
                                                  const char           *region);

G_END_DECLS
