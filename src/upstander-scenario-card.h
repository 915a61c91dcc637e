/* upstander-scenario-card.h: one story in the catalogue
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-progress.h"
#include "upstander-scenario.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_SCENARIO_CARD (upstander_scenario_card_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderScenarioCard, upstander_scenario_card, UPSTANDER, SCENARIO_CARD, GtkWidget)

UpstanderScenarioCard *upstander_scenario_card_new          (UpstanderProgress     *progress);
UpstanderScenario     *upstander_scenario_card_get_scenario (UpstanderScenarioCard *self);
void                   upstander_scenario_card_set_scenario (UpstanderScenarioCard *self,
                                                             UpstanderScenario     *scenario);
const char            *upstander_scenario_card_get_state_text (UpstanderScenarioCard *self);

G_END_DECLS
