/* upstander-post-row.h: a post on a social feed with its comments, bound to a line item
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "upstander-line-row.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_POST_ROW (upstander_post_row_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderPostRow, upstander_post_row, UPSTANDER, POST_ROW, UpstanderLineRow)

GtkWidget *upstander_post_row_new (UpstanderLineItem *item);

G_END_DECLS
