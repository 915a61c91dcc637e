/* upstander-columns-layout.h: blocks in reading order, in two columns when there is room
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UPSTANDER_TYPE_COLUMNS_LAYOUT (upstander_columns_layout_get_type ())

G_DECLARE_FINAL_TYPE (UpstanderColumnsLayout, upstander_columns_layout, UPSTANDER, COLUMNS_LAYOUT, GtkLayoutManager)

GtkLayoutManager *upstander_columns_layout_new (void);

G_END_DECLS
