/* upstander-ending-item.h: the ending a playthrough reached, as the views show it
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "upstander-enums.h"
#include "upstander-scenario.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_ENDING_ITEM (upstander_ending_item_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderEndingItem, upstander_ending_item, UPSTANDER, ENDING_ITEM, GObject)

UpstanderEndingItem   *upstander_ending_item_new           (UpstanderScenario     *scenario,
                                                            const UpstanderEnding *ending);
const UpstanderEnding *upstander_ending_item_get_ending    (UpstanderEndingItem   *self);
const char            *upstander_ending_item_get_id        (UpstanderEndingItem   *self);
const char            *upstander_ending_item_get_title     (UpstanderEndingItem   *self);
UpstanderOutcome       upstander_ending_item_get_outcome   (UpstanderEndingItem   *self);
const char            *upstander_ending_item_get_guide     (UpstanderEndingItem   *self);
char                 **upstander_ending_item_dup_texts     (UpstanderEndingItem   *self);
char                 **upstander_ending_item_dup_takeaways (UpstanderEndingItem   *self);

G_END_DECLS
