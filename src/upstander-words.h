/* upstander-words.h: the words, icons and line formats every view of a story uses
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "upstander-class-check.h"
#include "upstander-model.h"

G_BEGIN_DECLS

const char *upstander_effect_word        (UpstanderEffect    effect);
const char *upstander_effect_icon        (UpstanderEffect    effect);
const char *upstander_outcome_word       (UpstanderOutcome   outcome);
const char *upstander_outcome_icon       (UpstanderOutcome   outcome);
const char *upstander_place_name         (UpstanderPlace     place);
const char *upstander_place_icon         (UpstanderPlace     place);
const char *upstander_place_style        (UpstanderPlace     place);
char       *upstander_format_line        (UpstanderLineKind  kind,
                                          const char        *speaker,
                                          const char        *text);
char       *upstander_format_feedback    (UpstanderEffect    effect,
                                          const char        *reason);
const char *upstander_check_round_name   (UpstanderCheckRound round);
char       *upstander_format_hands       (guint              hands);

G_END_DECLS
