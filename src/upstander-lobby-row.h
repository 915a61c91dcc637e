/* upstander-lobby-row.h: one line of a game lobby's chat, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-line-row.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_LOBBY_ROW (upstander_lobby_row_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderLobbyRow, upstander_lobby_row, UPSTANDER, LOBBY_ROW, UpstanderLineRow)

GtkWidget *upstander_lobby_row_new (UpstanderLineItem *item);

G_END_DECLS
