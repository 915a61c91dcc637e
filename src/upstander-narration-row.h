/* upstander-narration-row.h: one line of narration, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-line-row.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_NARRATION_ROW (upstander_narration_row_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderNarrationRow, upstander_narration_row, UPSTANDER, NARRATION_ROW, UpstanderLineRow)

GtkWidget *upstander_narration_row_new (UpstanderLineItem *item);

G_END_DECLS
