/* upstander-class-run.h: one classroom run of a story: the playthrough, the votes and the path
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "upstander-class-check.h"
#include "upstander-class-voice.h"
#include "upstander-session.h"

G_BEGIN_DECLS

/*
 * One decision the class met: the choices it was offered, a hand count per
 * choice, the teacher's pick among them (-1 for none: the class's favourite
 * goes) and the choice the teacher took (NULL until then). Owned by the
 * run; read the fields, never change them.
 */
typedef struct
{
  const UpstanderScene  *scene;
  GPtrArray             *choices;  /* const UpstanderChoice*, as offered */
  guint                 *votes;    /* one count per choice */
  int                    picked;
  const UpstanderChoice *taken;    /* nullable */
} UpstanderClassDecision;

/* What the room sees beside an open vote; each new decision opens on the votes. */
typedef enum
{
  UPSTANDER_PANEL_VOTES,    /* hand counts per choice */
  UPSTANDER_PANEL_REVEAL,   /* every choice's feedback, side by side */
  UPSTANDER_PANEL_DISCUSS,  /* the decision's discussion questions */
} UpstanderPanel;

/*
 * Where the class is in the lesson: the check before the story, the story
 * itself (its scene, feedback or ending is the session's), the check after
 * it, the summary, "Our class says". The run keeps it, so that a window
 * rebuilt for a new language comes back to the same screen.
 */
typedef enum
{
  UPSTANDER_CLASS_STAGE_CHECK_BEFORE,
  UPSTANDER_CLASS_STAGE_STORY,
  UPSTANDER_CLASS_STAGE_CHECK_AFTER,
  UPSTANDER_CLASS_STAGE_SUMMARY,
  UPSTANDER_CLASS_STAGE_VOICE,
} UpstanderClassStage;

#define UPSTANDER_TYPE_CLASS_RUN (upstander_class_run_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderClassRun, upstander_class_run, UPSTANDER, CLASS_RUN, GObject)

UpstanderClassRun            *upstander_class_run_new              (UpstanderScenario *scenario);
UpstanderScenario            *upstander_class_run_get_scenario     (UpstanderClassRun *self);
UpstanderSession             *upstander_class_run_get_session      (UpstanderClassRun *self);
const UpstanderClassDecision *upstander_class_run_get_current      (UpstanderClassRun *self);
guint                         upstander_class_run_get_n_decisions  (UpstanderClassRun *self);
const UpstanderClassDecision *upstander_class_run_get_decision     (UpstanderClassRun *self,
                                                                    guint              index);
gboolean                      upstander_class_run_add_vote         (UpstanderClassRun *self,
                                                                    guint              choice);
gboolean                      upstander_class_run_remove_vote      (UpstanderClassRun *self,
                                                                    guint              choice);
guint                         upstander_class_run_get_votes        (UpstanderClassRun *self,
                                                                    guint              choice);
int                           upstander_class_run_get_leader       (UpstanderClassRun *self);
int                           upstander_class_run_find_choice      (UpstanderClassRun *self,
                                                                    const char        *choice_id);
gboolean                      upstander_class_run_choose           (UpstanderClassRun *self,
                                                                    const char        *choice_id,
                                                                    GError           **error);
gboolean                      upstander_class_run_advance          (UpstanderClassRun *self,
                                                                    GError           **error);
gint64                        upstander_class_run_get_elapsed      (UpstanderClassRun *self);
void                          upstander_class_run_set_start_time   (UpstanderClassRun *self,
                                                                    gint64             monotonic_us);
char                         *upstander_class_run_dup_csv          (UpstanderClassRun *self);
UpstanderClassCheck          *upstander_class_run_get_check        (UpstanderClassRun *self);
void                          upstander_class_run_set_check        (UpstanderClassRun   *self,
                                                                    UpstanderClassCheck *check);
UpstanderClassStage           upstander_class_run_get_stage        (UpstanderClassRun   *self);
void                          upstander_class_run_set_stage        (UpstanderClassRun   *self,
                                                                    UpstanderClassStage  stage);
UpstanderClassVoice          *upstander_class_run_get_voice        (UpstanderClassRun   *self);
UpstanderPanel                upstander_class_run_get_panel        (UpstanderClassRun   *self);
void                          upstander_class_run_set_panel        (UpstanderClassRun   *self,
                                                                    UpstanderPanel       panel);
gboolean                      upstander_class_run_pick             (UpstanderClassRun   *self,
                                                                    guint                choice);

G_END_DECLS
