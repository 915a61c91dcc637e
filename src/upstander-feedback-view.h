/* upstander-feedback-view.h: the card that says what a choice did and why
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-choice-item.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_FEEDBACK_VIEW (upstander_feedback_view_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderFeedbackView, upstander_feedback_view, UPSTANDER, FEEDBACK_VIEW, GtkWidget)

GtkWidget           *upstander_feedback_view_new          (UpstanderChoiceItem   *feedback);
UpstanderChoiceItem *upstander_feedback_view_get_feedback (UpstanderFeedbackView *self);
void                 upstander_feedback_view_set_feedback (UpstanderFeedbackView *self,
                                                           UpstanderChoiceItem   *feedback);
GtkWidget           *upstander_feedback_view_get_card     (UpstanderFeedbackView *self);
GtkWidget           *upstander_feedback_view_get_continue (UpstanderFeedbackView *self);
void                 upstander_feedback_view_set_guide    (UpstanderFeedbackView *self,
                                                           GtkWidget             *guide_button);

G_END_DECLS
