/* upstander-line-row.h: what every row of a transcript shares: the line item it shows
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-line-item.h"

G_BEGIN_DECLS

#define UPSTANDER_TYPE_LINE_ROW (upstander_line_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (UpstanderLineRow, upstander_line_row, UPSTANDER, LINE_ROW, GtkWidget)

struct _UpstanderLineRowClass
{
  GtkWidgetClass parent_class;

  /* After the item changed: what a template binding cannot say (sides, names read aloud). */
  void (*item_changed) (UpstanderLineRow *self);
};

/* A speaker's avatar beside a chat message, in the player; rooms ask for more. */
#define UPSTANDER_AVATAR_SIZE_DEFAULT 36

UpstanderLineItem *upstander_line_row_get_item        (UpstanderLineRow  *self);
void               upstander_line_row_set_item        (UpstanderLineRow  *self,
                                                       UpstanderLineItem *item);
int                upstander_line_row_get_avatar_size (UpstanderLineRow  *self);
void               upstander_line_row_set_avatar_size (UpstanderLineRow  *self,
                                                       int                size);
int                upstander_avatar_size_scaled       (int                size,
                                                       int                numerator,
                                                       int                denominator);

G_END_DECLS
