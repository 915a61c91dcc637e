/* upstander-line-item.h: one line of a scene as it is shown: who says what, and where
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "upstander-enums.h"
#include "upstander-scenario.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_LINE_ITEM (upstander_line_item_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderLineItem, upstander_line_item, UPSTANDER, LINE_ITEM, GObject)

UpstanderLineItem   *upstander_line_item_new          (UpstanderScenario   *scenario,
                                                       const UpstanderLine *line,
                                                       UpstanderPlace       place,
                                                       GPtrArray           *comments);
const UpstanderLine *upstander_line_item_get_line     (UpstanderLineItem   *self);
UpstanderLineKind    upstander_line_item_get_kind     (UpstanderLineItem   *self);
UpstanderPlace       upstander_line_item_get_place    (UpstanderLineItem   *self);
const char          *upstander_line_item_get_speaker  (UpstanderLineItem   *self);
const char          *upstander_line_item_get_avatar   (UpstanderLineItem   *self);
const char          *upstander_line_item_get_text     (UpstanderLineItem   *self);
gboolean             upstander_line_item_get_from_player (UpstanderLineItem *self);
GListModel          *upstander_line_item_get_comments (UpstanderLineItem   *self);

char                *upstander_join_texts             (UpstanderScenario   *scenario,
                                                       GPtrArray           *texts,
                                                       const char          *separator);

G_END_DECLS
