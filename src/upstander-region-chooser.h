/* upstander-region-chooser.h: a searchable list of countries by name, bound to the region setting
 *
 * SPDX-FileCopyrightText: 2026 Upstander contributors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "upstander-settings.h"

G_BEGIN_DECLS

GtkWidget  *upstander_region_chooser_new      (UpstanderSettings *settings);
const char *upstander_region_chooser_get_code (GtkWidget         *chooser,
                                               guint              position);

G_END_DECLS
