/* upstander-typing-row.h: "Kai is typing…", shown for a moment before Kai's message
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-line-row.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_TYPING_ROW (upstander_typing_row_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderTypingRow, upstander_typing_row, UPSTANDER, TYPING_ROW, UpstanderLineRow)

GtkWidget *upstander_typing_row_new (UpstanderLineItem *item);

G_END_DECLS
