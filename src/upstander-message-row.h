/* upstander-message-row.h: one chat message or comment, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-line-row.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_MESSAGE_ROW (upstander_message_row_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderMessageRow, upstander_message_row, UPSTANDER, MESSAGE_ROW, UpstanderLineRow)

GtkWidget *upstander_message_row_new (UpstanderLineItem *item);

G_END_DECLS
