/* upstander-presentation.h: what a classroom shows of a run: lines, decision, panel, pick, summary
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "upstander-class-run.h"

G_BEGIN_DECLS

typedef enum
{
  UPSTANDER_PRESENTATION_SCENE,     /* the scene's lines, one at a time */
  UPSTANDER_PRESENTATION_DECISION,  /* the question and the vote cards */
  UPSTANDER_PRESENTATION_FEEDBACK,  /* what the class chose, and why it helps or hurts */
  UPSTANDER_PRESENTATION_ENDING,
  UPSTANDER_PRESENTATION_SUMMARY,   /* what the class chose at every decision */
  UPSTANDER_PRESENTATION_CHECK,     /* the before-and-after check: before the first scene, after the ending */
  UPSTANDER_PRESENTATION_VOICE,     /* "Our class says", after the summary */
} UpstanderPresentationView;

#define UPSTANDER_TYPE_PRESENTATION (upstander_presentation_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderPresentation, upstander_presentation, UPSTANDER, PRESENTATION, GObject)

UpstanderPresentation     *upstander_presentation_new          (UpstanderClassRun     *run);
UpstanderClassRun         *upstander_presentation_get_run      (UpstanderPresentation *self);
UpstanderPresentationView  upstander_presentation_get_view     (UpstanderPresentation *self);
UpstanderPanel             upstander_presentation_get_panel    (UpstanderPresentation *self);
void                       upstander_presentation_set_panel    (UpstanderPresentation *self,
                                                                UpstanderPanel         panel);
int                        upstander_presentation_get_selected (UpstanderPresentation *self);
void                       upstander_presentation_pick         (UpstanderPresentation *self,
                                                                guint                  choice);
gboolean                   upstander_presentation_choose       (UpstanderPresentation *self);
void                       upstander_presentation_advance      (UpstanderPresentation *self);
void                       upstander_presentation_step_back    (UpstanderPresentation *self);
void                       upstander_presentation_show_summary (UpstanderPresentation *self);
void                       upstander_presentation_skip_check   (UpstanderPresentation *self);
void                       upstander_presentation_show_voice   (UpstanderPresentation *self);

G_END_DECLS
