/* upstander-choice-item.h: one choice of a decision as it is offered, with its feedback
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "upstander-enums.h"
#include "upstander-scenario.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_CHOICE_ITEM (upstander_choice_item_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderChoiceItem, upstander_choice_item, UPSTANDER, CHOICE_ITEM, GObject)

UpstanderChoiceItem   *upstander_choice_item_new          (UpstanderScenario     *scenario,
                                                           const UpstanderChoice *choice,
                                                           guint                  position);
const UpstanderChoice *upstander_choice_item_get_choice   (UpstanderChoiceItem   *self);
const char            *upstander_choice_item_get_id       (UpstanderChoiceItem   *self);
const char            *upstander_choice_item_get_label    (UpstanderChoiceItem   *self);
UpstanderEffect        upstander_choice_item_get_effect   (UpstanderChoiceItem   *self);
const char            *upstander_choice_item_get_feedback (UpstanderChoiceItem   *self);
guint                  upstander_choice_item_get_position (UpstanderChoiceItem   *self);

G_END_DECLS
